/* A vendor SDK shipped as headers and a prebuilt library: nothing here has a body in
 * the program, and its names say nothing the bundled rules know. */
#pragma once
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    double x, y;
} acme_fix_t;

/* A recipient's handset number, by order id. */
const char* wms_rcpt_get_handset(int order_id);
/* The dock bay an order is loaded at: not personal. */
const char* wms_rcpt_get_bay(int order_id);
/* Writes the recipient's handset number into `out`. */
void wms_rcpt_read_handset(int order_id, char* out, size_t n);
/* Where the courier dropped the order off. */
acme_fix_t acme_drop_fix(int order_id);

/* The vendor's message bus: connects to `url`, publishes `n` bytes. */
int acme_bus_publish(const char* url, const void* data, size_t n);

/* Calls `cb` with each request published on `topic`: the request body and its size. */
typedef void (*acme_request_cb)(void* ctx, const char* body, size_t n);
void acme_bus_on_request(const char* topic, acme_request_cb cb, void* ctx);

#ifdef __cplusplus
}
#endif
