/* A customs record names the parties' own tax ids and the drop point's bare
 * coordinates with a prefix: `shipper_eori`, `drop_lat`. */
#include <stdio.h>
#include <sys/socket.h>

struct shipper {
    char shipper_eori[18];
    char importer_vat_no[16];
};

struct handoff {
    double drop_lat;
    double drop_lon;
    int retry_count;
};

void send_parties(int fd, const struct shipper *s) {
    send(fd, s->shipper_eori, sizeof s->shipper_eori, 0);       /* expect: unresolved seller.identity */
    send(fd, s->importer_vat_no, sizeof s->importer_vat_no, 0); /* expect: unresolved seller.identity */
}

void send_drop(int fd, const struct handoff *h) {
    double where[2] = {h->drop_lat, h->drop_lon};
    send(fd, where, sizeof where, 0); /* expect: unresolved customer.location */
    send(fd, &h->retry_count, sizeof h->retry_count, 0); /* expect-none */
}
