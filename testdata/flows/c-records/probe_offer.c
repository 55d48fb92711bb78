/* A partner's mapping check: a constant sample offer goes through the same encoder
 * as real offers. Its fields are fixed when the program is built, strings and
 * numbers alike, so only the real offer carries data. A constant record pointing
 * at a mutable buffer still carries what the buffer holds. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct shipper {
    char shipper_id[16];
    char legal_name[64];
};

struct offer {
    char cmr_no[24];
    char dest_postcode[12];
    unsigned weight_kg;
    struct shipper shipper;
};

static int encode_offer(const struct offer *o, char *buf, size_t len) {
    return snprintf(buf, len, "{\"cmr\":\"%s\",\"to\":\"%s\",\"kg\":%u,\"shipper\":\"%s\"}", o->cmr_no,
                    o->dest_postcode, o->weight_kg, o->shipper.legal_name);
}

static const struct offer k_probe_offer = {
    .cmr_no = "PROBE-000000",
    .dest_postcode = "00000",
    .weight_kg = 1000,
    .shipper = {.shipper_id = "SHP-000000", .legal_name = "Probe"},
};

void post_probe(int fd) {
    char buf[256];
    int n = encode_offer(&k_probe_offer, buf, sizeof buf);
    send(fd, buf, (size_t)n, 0); /* expect-none -- a constant sample record */
}

void post_offer(int fd, const struct offer *o) {
    char buf[256];
    int n = encode_offer(o, buf, sizeof buf);
    send(fd, buf, (size_t)n, 0); /* expect: unresolved seller.identity shipment.metrics shipment.routing shipment.tracking */
}

/* The batch header is constant; the rows it points at are filled at run time. */
struct batch {
    const char *label;
    struct offer *rows;
};
static struct offer g_rows[8];
static const struct batch k_batch = {.label = "nightly", .rows = g_rows};

void post_batch(int fd) {
    char buf[256];
    int n = encode_offer(&k_batch.rows[0], buf, sizeof buf);
    send(fd, buf, (size_t)n, 0); /* expect: unresolved seller.identity shipment.metrics shipment.routing shipment.tracking */
}
