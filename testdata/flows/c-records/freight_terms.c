/* A road-freight load on a spot market: its CMR consignment note number tracks
 * it, and the freight rate agreed for it (a money amount, by its currency) is a
 * commercial term. A rate without a currency (a sensor's sample rate) is neither.
 * The postcode and city of the load's origin and destination are its route; the
 * postcode of the consignee's own address is still an address. */
#include <stdio.h>
#include <sys/socket.h>

struct load_offer {
    char cmr_no[24];
    double agreed_rate_eur;
    unsigned sample_rate_hz;
    char origin_city[32];
    char dest_postcode[12];
};

struct consignee {
    char postcode[12];
};

void announce_load(int fd, const struct load_offer *o)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "LOAD %s\n", o->cmr_no);
    send(fd, buf, n, 0); /* expect: unresolved shipment.tracking */
}

void report_rate(int fd, const struct load_offer *o)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "RATE %.2f\n", o->agreed_rate_eur);
    send(fd, buf, n, 0); /* expect: unresolved seller.commercial */
}

void report_sampling(int fd, const struct load_offer *o)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "HZ %u\n", o->sample_rate_hz);
    send(fd, buf, n, 0); /* expect-none -- a sample rate is no money */
}

void announce_lane(int fd, const struct load_offer *o)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "LANE %s-%s\n", o->origin_city, o->dest_postcode);
    send(fd, buf, n, 0); /* expect: unresolved shipment.routing */
}

const char *order_dest_postcode(const struct load_offer *o);

void announce_drop(int fd, const struct load_offer *o, const struct consignee *c)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "DROP %s\n", order_dest_postcode(o));
    send(fd, buf, n, 0); /* expect: unresolved shipment.routing -- by the accessor's name */
    n = snprintf(buf, sizeof buf, "AT %s\n", c->postcode);
    send(fd, buf, n, 0); /* expect: unresolved customer.address */
}
