/* A C telematics box: endpoints in a global config filled by nested init
   functions, links opened through a resolver that hands the address back through
   an out-parameter, and an opaque uplink whose driver table a lookup picks. */
#ifndef LINKS_H
#define LINKS_H
#include <stddef.h>


struct endpoint {
    char host[64];
    char port[8];
    char transport[8];
};

struct box_config {
    char unit_id[16];
    struct endpoint depot;
    struct endpoint planner;
    char pallet_uri[128];
};
extern struct box_config g_box;

struct pallet_sample {
    char sscc[20];
    unsigned weight_g;
};

struct parcel {
    char tracking_no[24];
};

int config_load(struct box_config *cfg);

int tcp_connect(const char *host, const char *port);

typedef struct uplink uplink_t;
uplink_t *uplink_create(const struct endpoint *ep);
int uplink_send(uplink_t *u, const void *buf, size_t len);
#endif
