/* A parcel bound for a locker: the locker it goes to is its routing. */
#include <stdio.h>
#include <sys/socket.h>

struct parcel {
    char tracking_no[24];
    char dest_locker[12];
    unsigned short compartment;
};

void announce_locker(int fd, const struct parcel *p)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "LOCKER %s/%u\n", p->dest_locker, (unsigned)p->compartment);
    send(fd, buf, n, 0); /* expect: unresolved shipment.routing */
}

/* A shop's sales figure keeps its period before the word. */
struct merchant {
    char merchant_id[24];
    unsigned long long month_gmv_cents;
};

void report_sales(int fd, const struct merchant *m)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "GMV %llu\n", m->month_gmv_cents);
    send(fd, buf, n, 0); /* expect: unresolved seller.commercial */
}

/* Customs declarations give a goods item's net mass, not its weight. */
struct goods_item {
    char hs_code[12];
    double net_mass_kg;
};

void report_mass(int fd, const struct goods_item *g)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "MASS %.3f\n", g->net_mass_kg);
    send(fd, buf, n, 0); /* expect: unresolved shipment.metrics */
}

/* A self-test reservation goes through the same code as a real parcel, with a
 * sample record of constants: only the real parcel's fields are data. */
static void assign_compartment(int fd, const struct parcel *p)
{
    char buf[96];
    int n = snprintf(buf, sizeof buf, "ASSIGN %s %s %u\n", p->dest_locker, p->tracking_no, (unsigned)p->compartment);
    send(fd, buf, n, 0);
}

void assign_real(int fd, const struct parcel *p)
{
    assign_compartment(fd, p); /* expect: unresolved shipment.routing shipment.tracking */
}

void self_test(int fd, unsigned comp)
{
    struct parcel probe;
    snprintf(probe.dest_locker, sizeof probe.dest_locker, "SELFTEST");
    snprintf(probe.tracking_no, sizeof probe.tracking_no, "TEST%04u", comp);
    probe.compartment = (unsigned short)comp;
    assign_compartment(fd, &probe); /* expect-none -- every field is a constant */
}

void self_test_all(int fd)
{
    self_test(fd, 7); /* expect-none */
}
