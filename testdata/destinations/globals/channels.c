/* Partner connections kept in a static table indexed by channel: each open copies
 * the host into its slot with a helper (which may copy "" for a missing host) and
 * connects through a wrapper returning the socket; sends go through one helper. */
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "depot.h"

enum channel { CH_CUSTOMS, CH_MIRROR, CH_COUNT };
struct channel_conn {
    int fd;
    char host[128];
};
static struct channel_conn s_channels[CH_COUNT] = {[CH_CUSTOMS] = {.fd = -1}, [CH_MIRROR] = {.fd = -1}};

static char* copy_text(char* dst, const char* src, size_t len) {
    strncpy(dst, src ? src : "", len - 1);
    dst[len - 1] = '\0';
    return dst;
}

static int dial(const char* host, const char* port) {
    struct addrinfo* res;
    if (getaddrinfo(host, port, NULL, &res) != 0) return -1;
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

static int channel_open(enum channel ch, const char* host) {
    struct channel_conn* c = &s_channels[ch];
    copy_text(c->host, host, sizeof c->host);
    c->fd = dial(c->host, "6100");
    return c->fd;
}

static long channel_write(enum channel ch, const void* buf, size_t len) {
    struct channel_conn* c = &s_channels[ch];
    return send(c->fd, buf, len, 0); /* expect: violation shipment.tracking */
}

void channels_start(void) {
    channel_open(CH_CUSTOMS, "edi.customs-gateway.example.cn");
    channel_open(CH_MIRROR, "mirror.cargo-partner.example.cn");
}

void channels_announce(const struct parcel_scan* scan) {
    channel_write(CH_MIRROR, scan->tracking_no, sizeof scan->tracking_no);
}
