/* A record handed to the C library through a pointer as raw memory: `send(fd, p,
 * sizeof *p, 0)`, `fwrite(p, sizeof *p, 1, f)`, `memcpy(frame, p, sizeof *p)` read
 * every byte of it, so every field, as `&rec` does. A record of counters only
 * carries nothing. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct parcel_rec {
    char tracking_no[20];
    int weight_g;
};

struct counters {
    unsigned scanned;
    unsigned sent;
};

static int dock_socket(void)
{
    struct sockaddr_in gw;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&gw, 0, sizeof gw);
    gw.sin_family = AF_INET;
    gw.sin_port = htons(7400);
    inet_pton(AF_INET, "10.20.0.5", &gw.sin_addr);
    connect(fd, (struct sockaddr *)&gw, sizeof gw);
    return fd;
}

static size_t pack(unsigned char *frame, const struct parcel_rec *p)
{
    memcpy(frame, p, sizeof *p);
    return sizeof *p;
}

void spool_parcel(const struct parcel_rec *p)
{
    FILE *f = fopen("/var/spool/dock/parcels.bin", "ab");
    fwrite(p, sizeof *p, 1, f); /* expect: unresolved shipment.tracking shipment.metrics */
    fclose(f);
}

void send_parcel(const struct parcel_rec *p)
{
    int fd = dock_socket();
    send(fd, p, sizeof *p, 0); /* expect: allowed shipment.tracking shipment.metrics */
}

void send_packed_frame(const struct parcel_rec *p)
{
    unsigned char frame[64];
    int fd = dock_socket();
    size_t n = pack(frame, p);
    send(fd, frame, n, 0); /* expect: allowed shipment.tracking shipment.metrics */
}

void send_counters(const struct counters *c)
{
    int fd = dock_socket();
    send(fd, c, sizeof *c, 0); /* expect-none */
}
