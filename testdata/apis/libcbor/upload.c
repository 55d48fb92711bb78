/* libcbor: nested items, tags, setters and the low-level encoders; the bytes are
 * posted with libcurl, sent on a UDP socket or pretty-printed into a log file. */
#include <arpa/inet.h>
#include <cbor.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct consignee {
    const char *full_name;
    const char *phone;
    const char *street;
    const char *postcode;
};

struct waybill {
    const char *tracking_no;
    struct consignee to;
    uint64_t declared_value;
    double weight_kg;
};

char *sha256_hex(const char *text);

static void post_cbor(const char *url, const unsigned char *body, size_t len)
{
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)len);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_perform(h);
    curl_easy_cleanup(h);
}

/* A nested map filled first, then added as a pair's value; a tagged date. */
void upload_waybill(const struct waybill *w)
{
    cbor_item_t *address = cbor_new_definite_map(2);
    cbor_map_add(address, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("street")),
        .value = cbor_move(cbor_build_string(w->to.street))});
    cbor_map_add(address, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("zip")),
        .value = cbor_move(cbor_build_string(w->to.postcode))});
    cbor_item_t *root = cbor_new_definite_map(3);
    cbor_map_add(root, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("to")),
        .value = cbor_move(address)});
    cbor_item_t *value = cbor_new_int64();
    cbor_set_uint64(value, w->declared_value);
    cbor_map_add(root, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("value")),
        .value = cbor_move(cbor_build_tag(4, value))});
    unsigned char *buf = NULL;
    size_t size = 0;
    size_t len = cbor_serialize_alloc(root, &buf, &size);
    post_cbor("https://api.customs-broker.example.cn/v2/waybills", buf, len); /* expect: violation customer.address shipment.contents */
    free(buf);
    cbor_decref(&root);
}

/* A reference kept with cbor_incref and an element replaced with cbor_array_set. */
void upload_names(const struct waybill *w)
{
    cbor_item_t *names = cbor_new_definite_array(2);
    cbor_item_t *anon = cbor_build_string(sha256_hex(w->to.full_name));
    cbor_array_push(names, cbor_incref(anon));
    unsigned char *buf = NULL;
    size_t size = 0;
    size_t len = cbor_serialize_alloc(names, &buf, &size);
    post_cbor("https://api.customs-broker.example.cn/v2/names", buf, len); /* expect-none */
    free(buf);
    cbor_array_set(names, 0, cbor_move(cbor_build_string(w->to.full_name)));
    len = cbor_serialize_alloc(names, &buf, &size);
    post_cbor("https://api.carrier.example.de/v2/names", buf, len); /* expect: allowed customer.identity */
    free(buf);
    cbor_decref(&anon);
    cbor_decref(&names);
}

/* A tag whose item is set later, and an indefinite string sent in chunks, each
 * serialized with the per-type serializer into one buffer. */
void upload_chunks(const struct waybill *w)
{
    cbor_item_t *tag = cbor_new_tag(37);
    cbor_item_t *awb = cbor_new_definite_bytestring();
    cbor_tag_set_item(tag, awb); /* set while still empty */
    cbor_bytestring_set_handle(awb, (unsigned char *)strdup(w->tracking_no), strlen(w->tracking_no));
    cbor_item_t *street = cbor_new_indefinite_string();
    cbor_string_add_chunk(street, cbor_move(cbor_build_string(w->to.street)));
    cbor_string_add_chunk(street, cbor_move(cbor_build_string(", ")));
    unsigned char out[512];
    size_t n = cbor_serialize_tag(tag, out, sizeof out);
    n += cbor_serialize_string(street, out + n, sizeof out - n);
    post_cbor("https://api.carrier.example.de/v2/chunks", out, n); /* expect: allowed shipment.tracking customer.address */
    cbor_item_t *label = cbor_new_indefinite_string();
    cbor_string_add_chunk(label, cbor_move(cbor_build_string("fragile")));
    n = cbor_serialize_string(label, out, sizeof out);
    post_cbor("https://api.customs-broker.example.cn/v2/labels", out, n); /* expect-none */
    cbor_decref(&tag);
    cbor_decref(&street);
    cbor_decref(&label);
}

/* Hand-encoded datagram: header by the *_start encoders, values by the encoders. */
void beacon(const struct waybill *w, int sock)
{
    unsigned char msg[64];
    size_t n = cbor_encode_array_start(2, msg, sizeof msg);
    n += cbor_encode_double(w->weight_kg, msg + n, sizeof msg - n);
    n += cbor_encode_uint(42, msg + n, sizeof msg - n);
    struct sockaddr_in to = {0};
    to.sin_family = AF_INET;
    to.sin_port = htons(5683);
    inet_pton(AF_INET, "192.168.40.7", &to.sin_addr);
    sendto(sock, msg, n, 0, (struct sockaddr *)&to, sizeof to); /* expect: allowed shipment.metrics */
    unsigned char hello[16];
    size_t m = cbor_encode_map_start(0, hello, sizeof hello);
    m += cbor_encode_uint(1, hello + m, sizeof hello - m);
    sendto(sock, hello, m, 0, (struct sockaddr *)&to, sizeof to); /* expect-none */
}

/* Debug dumps: to a log file (an export), to the console (not one). */
void debug_dump(const struct waybill *w)
{
    cbor_item_t *phone = cbor_build_string(w->to.phone);
    FILE *log = fopen("/var/log/depot/cbor-debug.log", "a");
    cbor_describe(phone, log);    /* expect: unresolved customer.contact */
    cbor_describe(phone, stderr); /* expect-none -- the console */
    fclose(log);
    cbor_decref(&phone);
}

/* A nested map added while still empty, then filled: the pair is a struct, and
 * `joins` cannot name its field, so the street is not seen in the root. */
void upload_late_fill(const struct waybill *w)
{
    cbor_item_t *root = cbor_new_definite_map(1);
    cbor_item_t *address = cbor_new_definite_map(1);
    cbor_map_add(root, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("to")),
        .value = cbor_move(address)});
    cbor_map_add(address, (struct cbor_pair){
        .key = cbor_move(cbor_build_string("street")),
        .value = cbor_move(cbor_build_string(w->to.street))});
    unsigned char *buf = NULL;
    size_t size = 0;
    size_t len = cbor_serialize_alloc(root, &buf, &size);
    post_cbor("https://api.customs-broker.example.cn/v2/late", buf, len); /* gap expect: violation customer.address -- added before filled, through a pair */
    free(buf);
    cbor_decref(&root);
}
