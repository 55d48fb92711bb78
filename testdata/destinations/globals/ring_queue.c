/* A ring buffer in a static global, filled by one function and drained to a
 * connected socket by another: both get the queue by address, so the drain's
 * reads of `q->slot` are the global's slots. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct ring_queue {
    int fd;
    unsigned head, tail;
    unsigned char slot[8][64];
    size_t len[8];
};
struct scanned_parcel {
    char tracking_no[24];
    unsigned weight_g;
};

static struct ring_queue g_scans;

static void rq_init(struct ring_queue *q, int fd)
{
    memset(q, 0, sizeof *q);
    q->fd = fd;
}

static void rq_push(struct ring_queue *q, const void *data, size_t n)
{
    memcpy(q->slot[q->head], data, n);
    q->len[q->head] = n;
    q->head = (q->head + 1) % 8;
}

static void rq_flush(struct ring_queue *q)
{
    while (q->tail != q->head) {
        const unsigned char *p = q->slot[q->tail];
        ssize_t w = write(q->fd, p, q->len[q->tail]);  // expect: allowed shipment.tracking
        (void)w;
        q->tail = (q->tail + 1) % 8;
    }
}

int scans_open(void)
{
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(7001);
    inet_pton(AF_INET, "10.40.2.15", &sa.sin_addr);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0)
        return -1;
    rq_init(&g_scans, fd);
    return 0;
}

void scans_record(const struct scanned_parcel *p)
{
    char line[64];
    int n = snprintf(line, sizeof line, "%s;%u", p->tracking_no, p->weight_g);
    memcpy(g_scans.slot[g_scans.head], line, (size_t)n);
    g_scans.head = (g_scans.head + 1) % 8;
}

void scans_tick(void)
{
    rq_flush(&g_scans);
}

int scans_main(const struct scanned_parcel *p)
{
    if (scans_open() != 0)
        return 1;
    scans_record(p);
    scans_tick();
    return 0;
}
