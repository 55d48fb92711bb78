/* A syslog-style UDP logger: one helper fills the socket address of the logger it
 * is handed, another sends through it. The address is only the `sin_addr` part. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct udplog {
    int fd;
    struct sockaddr_in dst;
};

struct parcel {
    char tracking_no[24];
};

struct depot {
    struct udplog log;
    unsigned deposits;
};

static int udplog_open(struct udplog *l)
{
    memset(l, 0, sizeof *l);
    l->fd = socket(AF_INET, SOCK_DGRAM, 0);
    l->dst.sin_family = AF_INET;
    l->dst.sin_port = htons(514);
    return inet_pton(AF_INET, "10.40.0.5", &l->dst.sin_addr) == 1 ? 0 : -1;
}

static void udplog_send(struct udplog *l, const char *msg)
{
    char line[256];
    int n = snprintf(line, sizeof line, "<158>lockerd: %s", msg);
    sendto(l->fd, line, (size_t)n, 0, (const struct sockaddr *)&l->dst, sizeof l->dst);
}

static void on_deposit(struct depot *d, const struct parcel *p)
{
    d->deposits++;
    udplog_send(&d->log, p->tracking_no); /* expect: allowed shipment.tracking -- the warehouse network */
}

void run_depot(const struct parcel *p)
{
    static struct depot d;
    udplog_open(&d.log);
    on_deposit(&d, p);
}
