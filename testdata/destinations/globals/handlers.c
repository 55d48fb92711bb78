/* Handlers registered at run time with a context pointer, kept in a static table and
 * dispatched later from another function: each handler's destination comes from the
 * context it was registered with. */
#include <curl/curl.h>
#include <netdb.h>
#include <stddef.h>
#include <sys/socket.h>

#include "depot.h"

typedef void (*scan_handler)(const struct parcel_scan* scan, void* ctx);

struct handler_slot {
    scan_handler fn;
    void* ctx;
};

static struct handler_slot s_handlers[8];
static size_t s_handler_count;

int scans_register(scan_handler fn, void* ctx) {
    if (s_handler_count == 8) return -1;
    s_handlers[s_handler_count].fn = fn;
    s_handlers[s_handler_count].ctx = ctx;
    ++s_handler_count;
    return 0;
}

void scans_dispatch(const struct parcel_scan* scan) {
    for (size_t i = 0; i < s_handler_count; ++i) s_handlers[i].fn(scan, s_handlers[i].ctx);
}

struct http_target {
    const char* url;
};
struct relay_target {
    const char* host;
    const char* port;
};

static const struct http_target k_partner = {"https://scans.depot-partner.de/v1"};
static const struct relay_target k_relay = {"relay.depot-partner.cn", "7100"};

static void post_scan(const struct parcel_scan* scan, void* ctx) {
    const struct http_target* target = ctx;
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, target->url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, scan->tracking_no); /* expect: allowed shipment.tracking */
    curl_easy_perform(h);
}

static void relay_scan(const struct parcel_scan* scan, void* ctx) {
    const struct relay_target* relay = ctx;
    struct addrinfo* res = NULL;
    if (getaddrinfo(relay->host, relay->port, NULL, &res) != 0) return;
    const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    connect(fd, res->ai_addr, res->ai_addrlen);
    send(fd, scan->tracking_no, sizeof scan->tracking_no, 0); /* expect: violation shipment.tracking */
}

void scans_init(void) {
    scans_register(post_scan, (void*)&k_partner);
    scans_register(relay_scan, (void*)&k_relay);
}
