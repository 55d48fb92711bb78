/* Air cargo records name their waybills in full: the house and master air waybill
 * numbers are tracking numbers. */
#include <stdio.h>
#include <sys/socket.h>

struct air_consol {
    char house_awb[16];
    char master_awb[16];
    char flight_no[8];
};

void announce_consol(int fd, const struct air_consol *c)
{
    char line[64];
    int n = snprintf(line, sizeof line, "%s/%s\n", c->master_awb, c->house_awb);
    send(fd, line, (size_t)n, 0); /* expect: unresolved shipment.tracking */
}
