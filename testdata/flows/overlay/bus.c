/* C side: a typedef'd record classified by type, an out-parameter source, a
 * request handler's parameter declared a source, the vendor bus modelled by the
 * overlay, and a bundled pattern switched off. */
#include <stdio.h>
#include <string.h>

#include "acme_sdk.h"

struct archive_entry {
    char zip[16]; /* a compressed file's name, not a postcode */
    int size;
};

void publish_drop(int order_id) {
    acme_fix_t fix = acme_drop_fix(order_id);
    acme_bus_publish("mqtt://bus.acme-logistics.cn", &fix, sizeof fix); /* expect: violation customer.location */
}

void publish_handset(int order_id) {
    char handset[32];
    wms_rcpt_read_handset(order_id, handset, sizeof handset);
    acme_bus_publish("mqtt://bus.acme-logistics.cn", handset, strlen(handset)); /* expect: violation customer.contact */
}

void publish_bay(int order_id) {
    const char* bay = wms_rcpt_get_bay(order_id);
    acme_bus_publish("mqtt://bus.acme-logistics.cn", bay, strlen(bay)); /* expect-none */
}

void export_archive(FILE* out, const struct archive_entry* e) {
    fwrite(e->zip, 1, sizeof e->zip, out); /* expect-none */
}

/* The bus calls these with a recipient's request; the overlay declares parameter 1
 * (the body) of every on_*_request handler to be customer contact data. */
static void on_redirect_request(void* ctx, const char* body, size_t n) {
    (void)ctx;
    acme_bus_publish("mqtt://bus.acme-logistics.cn", body, n); /* expect: violation customer.contact */
}

static void on_status_request(void* ctx, const char* body, size_t n) {
    (void)body;
    (void)n;
    acme_bus_publish("mqtt://bus.acme-logistics.cn", ctx, 8); /* expect-none */
}

void listen_requests(void) {
    static char status[8] = "ok";
    acme_bus_on_request("redirect", on_redirect_request, NULL);
    acme_bus_on_request("status", on_status_request, status);
}
