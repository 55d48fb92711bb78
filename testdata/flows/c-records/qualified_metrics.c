/* Weights and lengths with a qualifier before them: in a parcel's record any
 * qualifier goes; elsewhere only a parcel's or a package's own weight does. */
#include <sys/socket.h>

struct parcel {
    char tracking_no[24];
    unsigned pkg_weight_grams;
    unsigned billable_weight_g;
    unsigned item_length_cm;
};

struct glyph {
    unsigned pkg_weight_grams;
    unsigned stroke_length_mm;
};

void send_metrics(int fd, const struct parcel *p) {
    send(fd, &p->billable_weight_g, sizeof p->billable_weight_g, 0); /* expect: unresolved shipment.metrics */
    send(fd, &p->item_length_cm, sizeof p->item_length_cm, 0);       /* expect: unresolved shipment.metrics */
}

void send_glyph(int fd, const struct glyph *g) {
    send(fd, &g->stroke_length_mm, sizeof g->stroke_length_mm, 0); /* expect-none */
    send(fd, &g->pkg_weight_grams, sizeof g->pkg_weight_grams, 0); /* expect: unresolved shipment.metrics */
}
