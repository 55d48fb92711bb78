/* A hand-written encoder that returns the position after what it wrote: the
 * caller keeps writing at that position, then sends the whole buffer. */
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

struct consignee {
    char name[32];
    char phone[16];
    uint32_t parcels;
};

static uint8_t* put_str(uint8_t* out, const char* s) {
    size_t n = strlen(s);
    *out++ = (uint8_t)n;
    memcpy(out, s, n);
    return out + n;
}

static uint8_t* put_u32(uint8_t* out, uint32_t v) {
    memcpy(out, &v, sizeof v);
    return out + sizeof v;
}

/* The phone goes in after the count, through the position put_u32 returned. */
void send_consignee(int fd, const struct consignee* c) {
    uint8_t buf[128];
    uint8_t* p = buf;
    p = put_u32(p, c->parcels);
    p = put_str(p, c->phone);
    send(fd, buf, (size_t)(p - buf), 0); /* expect: unresolved customer.contact */
}

/* Only the count is encoded. */
void send_count(int fd, const struct consignee* c) {
    uint8_t buf[16];
    uint8_t* p = buf;
    p = put_u32(p, c->parcels);
    send(fd, buf, (size_t)(p - buf), 0); /* expect-none */
}

/* The position moved by hand, then written at. */
void send_phone_after_header(int fd, const struct consignee* c) {
    uint8_t buf[64] = {0};
    uint8_t* p = buf;
    p = p + 4;
    memcpy(p, c->phone, sizeof c->phone);
    send(fd, buf, sizeof buf, 0); /* expect: unresolved customer.contact */
}
