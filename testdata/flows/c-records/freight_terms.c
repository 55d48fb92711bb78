/* A road-freight load on a spot market: its CMR consignment note number tracks
 * it, and the freight rate agreed for it (a money amount, by its currency) is a
 * commercial term. A rate without a currency (a sensor's sample rate) is neither. */
#include <stdio.h>
#include <sys/socket.h>

struct load_offer {
    char cmr_no[24];
    double agreed_rate_eur;
    unsigned sample_rate_hz;
};

void announce_load(int fd, const struct load_offer *o)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "LOAD %s\n", o->cmr_no);
    send(fd, buf, n, 0); /* expect: unresolved shipment.tracking */
}

void report_rate(int fd, const struct load_offer *o)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "RATE %.2f\n", o->agreed_rate_eur);
    send(fd, buf, n, 0); /* expect: unresolved seller.commercial */
}

void report_sampling(int fd, const struct load_offer *o)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "HZ %u\n", o->sample_rate_hz);
    send(fd, buf, n, 0); /* expect-none -- a sample rate is no money */
}
