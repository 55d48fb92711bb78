/* libcbor: values built into CBOR maps and arrays are in the bytes
 * cbor_serialize_alloc / cbor_serialize write; sending those bytes sends them. */
#include <cbor.h>
#include <netdb.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/dial.h"

struct consignee {
    char name[64];
    char phone[32];
    char email[96];
    char street[96];
};

struct parcel {
    char tracking_no[24];
    uint32_t weight_g;
    int pieces;
    struct consignee to;
};

char *pseudonymize(const char *text);

/* The README's form: pairs of moved items, serialized into a fresh buffer. */
void send_scan(const struct parcel *p)
{
    cbor_item_t *root = cbor_new_definite_map(3);
    cbor_map_add(root, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("awb")),
        .value = cbor_move(cbor_build_string(p->tracking_no))});
    cbor_map_add(root, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("weight_g")),
        .value = cbor_move(cbor_build_uint32(p->weight_g))});
    cbor_map_add(root, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("name")),
        .value = cbor_move(cbor_build_string(p->to.name))});
    unsigned char *buf = NULL;
    size_t size = 0;
    size_t len = cbor_serialize_alloc(root, &buf, &size);
    int fd = dial("ingest.parcel-telemetry.example.cn", "5683");
    send(fd, buf, len, 0); /* expect: violation shipment.tracking shipment.metrics customer.identity */
    free(buf);
    cbor_decref(&root);
    close(fd);
}

/* Counts and constants only; the pieces count is no data category. */
void send_heartbeat(const struct parcel *p)
{
    cbor_item_t *root = cbor_new_indefinite_map();
    cbor_map_add(root, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("pieces")),
        .value = cbor_move(cbor_build_uint8((uint8_t)p->pieces))});
    cbor_map_add(root, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("ok")),
        .value = cbor_move(cbor_build_bool(true))});
    unsigned char *buf = NULL;
    size_t size = 0;
    size_t len = cbor_serialize_alloc(root, &buf, &size);
    int fd = dial("ingest.parcel-telemetry.example.cn", "5683");
    send(fd, buf, len, 0); /* expect-none */
    free(buf);
    cbor_decref(&root);
    close(fd);
}

/* An array whose element is filled after it was pushed, serialized into a
 * fixed buffer and sent to an EU endpoint. */
void send_contacts(const struct consignee *cs, int n)
{
    cbor_item_t *list = cbor_new_definite_array((size_t)n + 1);
    cbor_item_t *first = cbor_new_definite_string();
    cbor_array_push(list, first); /* pushed while still empty */
    cbor_string_set_handle(first, (unsigned char *)strdup(cs[0].phone), strlen(cs[0].phone));
    for (int i = 1; i < n; ++i)
        cbor_array_push(list, cbor_move(cbor_build_stringn(cs[i].email, strlen(cs[i].email))));
    unsigned char out[1024];
    size_t len = cbor_serialize(list, out, sizeof out);
    int fd = dial("events.carrier.example.de", "443");
    write(fd, out, len); /* expect: allowed customer.contact */
    cbor_decref(&list);
    close(fd);
}

/* Pseudonymised keys only. */
void send_pseudonyms(const struct consignee *c)
{
    cbor_item_t *list = cbor_new_indefinite_array();
    cbor_array_push(list, cbor_move(cbor_build_string(pseudonymize(c->email))));
    cbor_array_push(list, cbor_move(cbor_build_string(pseudonymize(c->street))));
    unsigned char *buf = NULL;
    size_t size = 0;
    size_t len = cbor_serialize_alloc(list, &buf, &size);
    int fd = dial("ingest.parcel-telemetry.example.cn", "5683");
    send(fd, buf, len, 0); /* expect-none */
    free(buf);
    cbor_decref(&list);
    close(fd);
}
