/* Transport drivers in the C style: a struct of function pointers (the driver's
 * operations), a transport holding a pointer to one and its own URL, and a send
 * helper calling through the transport it is handed. The transport is a global
 * set up by its initializer or by an init function, or a local. */
#include <curl/curl.h>
#include <string.h>

#include "depot.h"

struct transport;
struct transport_ops {
    int (*send)(struct transport* t, const char* buf, size_t n);
};
struct transport {
    const struct transport_ops* ops;
    const char* url;
};

static int http_send(struct transport* t, const char* buf, size_t n) {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, t->url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)n);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, buf);
    int rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc;
}

static const struct transport_ops k_http_ops = {.send = http_send};

/* Set up by its initializer: the ops table is another global. */
static struct transport s_export = {&k_http_ops, "https://export.depot-partner.cn/scans"};
/* Its operations chosen at run time. */
static struct transport s_audit = {NULL, "https://audit.depot-partner.cn/scans"};

void drivers_init(void) { s_audit.ops = &k_http_ops; }

static void emit(struct transport* t, const char* buf, size_t n) { t->ops->send(t, buf, n); }

void drivers_export(const struct parcel_scan* scan) {
    emit(&s_export, scan->tracking_no, strlen(scan->tracking_no)); /* expect: violation shipment.tracking */
}

void drivers_export_direct(const struct parcel_scan* scan) {
    s_export.ops->send(&s_export, scan->destination, sizeof scan->destination); /* expect: violation shipment.routing */
}

void drivers_audit(const struct parcel_scan* scan) {
    emit(&s_audit, scan->tracking_no, strlen(scan->tracking_no)); /* expect: violation shipment.tracking */
}

void drivers_local(const struct parcel_scan* scan) {
    struct transport partner = {&k_http_ops, "https://scans.depot-partner.de/v2"};
    emit(&partner, scan->tracking_no, strlen(scan->tracking_no)); /* expect: allowed shipment.tracking */
}

/* The table chosen in the same function: through a local pointer, or stored into
 * the transport first. */
void drivers_chosen_here(const struct parcel_scan* scan) {
    struct transport partner = {NULL, "https://scans.depot-partner.de/v2"};
    const struct transport_ops* ops = &k_http_ops;
    ops->send(&partner, scan->tracking_no, strlen(scan->tracking_no)); /* expect: allowed shipment.tracking */
    partner.ops = &k_http_ops;
    partner.ops->send(&partner, scan->destination, sizeof scan->destination); /* expect: allowed shipment.routing */
}
