/* A copy of a pallet record whose identifiers are blanked with memset before it
 * is formatted: only the temperature goes out. Padding written after the data
 * through pointer arithmetic does not wipe the data before it. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#define SSCC_LEN 18

struct pallet_rec {
    char sscc[SSCC_LEN + 1];
    char consignee_name[40];
    float temp_c;
};

static int collector(void)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(5140);
    inet_pton(AF_INET, "198.51.100.7", &a.sin_addr);
    connect(fd, (struct sockaddr *)&a, sizeof a);
    return fd;
}

void send_blanked(const struct pallet_rec *src)
{
    struct pallet_rec d;
    char line[96];
    memcpy(&d, src, sizeof d);
    memset(d.sscc, '0', SSCC_LEN);
    memset(d.consignee_name, 0, sizeof d.consignee_name);
    int n = snprintf(line, sizeof line, "%s|%s|%.1f", d.sscc, d.consignee_name, d.temp_c);
    send(collector(), line, (size_t)n, 0); /* expect-none */
}

void send_padded(const struct pallet_rec *src)
{
    char rec[64];
    size_t n = strlen(src->sscc);
    memcpy(rec, src->sscc, n);
    memset(rec + n, ' ', sizeof rec - n);
    send(collector(), rec, sizeof rec, 0); /* expect: violation shipment.tracking */
}
