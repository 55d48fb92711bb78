/* msgpack-c: what a packer packs is in the msgpack_sbuffer it writes into; the
 * buffer's data goes out when it is sent. */
#include <msgpack.h>
#include <netdb.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct consignee {
    char name[64];
    char email[96];
    char phone[32];
};

struct parcel {
    char tracking_no[24];
    double weight_kg;
    uint32_t height_cm;
    int pieces;
};

char *pseudonymize(const char *text);

static int dial(const char *host)
{
    struct addrinfo *ai = NULL;
    if (getaddrinfo(host, "24224", NULL, &ai) != 0)
        return -1;
    int fd = socket(ai->ai_family, ai->ai_socktype, 0);
    connect(fd, ai->ai_addr, ai->ai_addrlen);
    freeaddrinfo(ai);
    return fd;
}

static void pack_key(msgpack_packer *pk, const char *key)
{
    size_t n = strlen(key);
    msgpack_pack_str(pk, n);
    msgpack_pack_str_body(pk, key, n);
}

void ship_event(const struct parcel *p)
{
    int fd = dial("fluentd.tracking-cloud.example.cn");
    msgpack_sbuffer *sbuf = msgpack_sbuffer_new();
    msgpack_packer *pk = msgpack_packer_new(sbuf, msgpack_sbuffer_write);
    msgpack_pack_map(pk, 3);
    pack_key(pk, "tracking_no");
    msgpack_pack_v4raw(pk, strlen(p->tracking_no));
    msgpack_pack_v4raw_body(pk, p->tracking_no, strlen(p->tracking_no));
    pack_key(pk, "weight_kg");
    msgpack_pack_double(pk, p->weight_kg);
    pack_key(pk, "height_cm");
    msgpack_pack_uint32(pk, p->height_cm);
    send(fd, sbuf->data, sbuf->size, 0); /* expect: violation shipment.tracking shipment.metrics */
    msgpack_packer_free(pk);
    msgpack_sbuffer_free(sbuf);
    close(fd);
}

void ship_counts(const struct parcel *p)
{
    int fd = dial("fluentd.tracking-cloud.example.cn");
    msgpack_sbuffer *sbuf = msgpack_sbuffer_new();
    msgpack_packer *pk = msgpack_packer_new(sbuf, msgpack_sbuffer_write);
    msgpack_pack_array(pk, 2);
    msgpack_pack_int(pk, p->pieces);
    msgpack_pack_true(pk);
    send(fd, sbuf->data, sbuf->size, 0); /* expect-none */
    msgpack_packer_free(pk);
    msgpack_sbuffer_free(sbuf);
    close(fd);
}

void ship_contact(const struct consignee *c)
{
    int fd = dial("events.carrier.example.de");
    msgpack_sbuffer sbuf;
    msgpack_sbuffer_init(&sbuf);
    msgpack_packer *pk = malloc(sizeof *pk);
    msgpack_packer_init(pk, &sbuf, msgpack_sbuffer_write);
    msgpack_pack_array(pk, 2);
    msgpack_pack_bin(pk, strlen(c->phone));
    msgpack_pack_bin_body(pk, c->phone, strlen(c->phone));
    char *token = pseudonymize(c->name);
    msgpack_pack_str_with_body(pk, token, strlen(token));
    size_t len = sbuf.size;
    char *bytes = msgpack_sbuffer_release(&sbuf);
    write(fd, bytes, len); /* expect: allowed customer.contact */
    free(bytes);
    msgpack_pack_nil(pk); /* the released buffer starts afresh */
    write(fd, sbuf.data, sbuf.size); /* expect-none */
    free(pk);
    close(fd);
}

void ship_pseudonym(const struct consignee *c)
{
    int fd = dial("events.carrier.example.de");
    msgpack_sbuffer *sbuf = msgpack_sbuffer_new();
    msgpack_packer *pk = msgpack_packer_new(sbuf, msgpack_sbuffer_write);
    char *token = pseudonymize(c->email);
    msgpack_pack_str_with_body(pk, token, strlen(token));
    write(fd, sbuf->data, sbuf->size); /* expect-none */
    close(fd);
}

void ship_batch(const struct consignee *cs, int n)
{
    int fd = dial("fluentd.tracking-cloud.example.cn");
    msgpack_sbuffer batch;
    msgpack_sbuffer_init(&batch);
    for (int i = 0; i < n; ++i) {
        msgpack_sbuffer *one = msgpack_sbuffer_new();
        msgpack_packer *pk = msgpack_packer_new(one, msgpack_sbuffer_write);
        msgpack_pack_str_with_body(pk, cs[i].name, strlen(cs[i].name));
        msgpack_sbuffer_write(&batch, one->data, one->size);
        msgpack_packer_free(pk);
        msgpack_sbuffer_free(one);
    }
    send(fd, batch.data, batch.size, 0); /* expect: violation customer.identity */
    msgpack_sbuffer_destroy(&batch);
    close(fd);
}

void ship_debug_text(const struct consignee *c)
{
    int fd = dial("events.carrier.example.de");
    msgpack_object email;
    email.type = MSGPACK_OBJECT_STR;
    email.via.str.ptr = c->email;
    email.via.str.size = (uint32_t)strlen(c->email);
    char text[256];
    msgpack_object_print_buffer(text, sizeof text, email);
    write(fd, text, strlen(text)); /* expect: allowed customer.contact */
    close(fd);
}

/* The program's own helpers pack through the packer they are handed: what they
 * pack is in the buffer the caller's stack packer writes into. */
static void pack_kv(msgpack_packer *pk, const char *key, const char *value)
{
    msgpack_pack_str_with_body(pk, key, strlen(key));
    msgpack_pack_str_with_body(pk, value, strlen(value));
}

void send_via_helpers(const struct parcel *p, const struct consignee *c)
{
    msgpack_sbuffer sbuf;
    msgpack_sbuffer_init(&sbuf);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &sbuf, msgpack_sbuffer_write);
    msgpack_pack_map(&pk, 2);
    pack_kv(&pk, "waybill", p->tracking_no);
    pack_kv(&pk, "name", c->name);
    int fd = dial("ingest.parcels.example.cn");
    send(fd, sbuf.data, sbuf.size, 0); /* expect: violation shipment.tracking customer.identity */
    msgpack_sbuffer_destroy(&sbuf);
}
