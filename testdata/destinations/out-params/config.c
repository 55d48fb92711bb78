/* The config is filled two calls deep: config_load -> config_defaults -> set_endpoint. */
#include <stdio.h>
#include <string.h>

#include "links.h"

struct box_config g_box;

static void set_endpoint(struct endpoint *ep, const char *host, const char *port, const char *transport) {
    memset(ep, 0, sizeof *ep);
    strncpy(ep->host, host, sizeof ep->host - 1);
    strncpy(ep->port, port, sizeof ep->port - 1);
    strncpy(ep->transport, transport, sizeof ep->transport - 1);
}

static void config_defaults(struct box_config *cfg) {
    memset(cfg, 0, sizeof *cfg);
    snprintf(cfg->unit_id, sizeof cfg->unit_id, "BOX-%04d", 7);
    set_endpoint(&cfg->depot, "10.30.4.12", "7001", "tcp");
    set_endpoint(&cfg->planner, "planner.route-hub.cn", "7400", "tcp");
    snprintf(cfg->pallet_uri, sizeof cfg->pallet_uri, "ssl://%s:%d", "iot.palletnet.example.de", 8883);
}

int config_load(struct box_config *cfg) {
    config_defaults(cfg);
    return 0;
}
