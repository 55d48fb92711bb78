/* A mutable settings global whose channel table is initialised row by row
 * (`.chan = {[CH_WMS] = {...}}`) and read through a pointer to one row picked by
 * the caller's channel: each caller's channel is its own row's host, not every
 * row's. A row the program overwrites at start-up (from the environment) has that
 * value too. */
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

enum chan_id { CH_TELEMETRY, CH_WMS, CH_ACK, CH_COUNT };

struct chan_cfg {
    int transport;
    char host[64];
    char port[8];
};

struct gw_settings {
    char site[16];
    struct chan_cfg chan[CH_COUNT];
};

struct gw_settings g_gw = {
    .site = "HAM-03",
    .chan = {
        [CH_TELEMETRY] = {1, "10.60.4.20", "9000"},
        [CH_WMS] = {2, "wms.coldchain.example.de", "6020"},
        [CH_ACK] = {2, "ack.freshlink.example.cn", "9300"},
    },
};

void settings_from_env(void)
{
    const char *host = getenv("GW_TELEMETRY_HOST");
    if (host)
        strncpy(g_gw.chan[CH_TELEMETRY].host, host, sizeof g_gw.chan[CH_TELEMETRY].host - 1);
}

static int chan_connect(const struct chan_cfg *c)
{
    struct addrinfo *res = NULL;
    int fd;
    if (getaddrinfo(c->host, c->port, NULL, &res) != 0)
        return -1;
    fd = socket(res->ai_family, SOCK_STREAM, 0);
    connect(fd, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return fd;
}

static int chan_send(enum chan_id ch, const void *buf, size_t n)
{
    const struct chan_cfg *c = &g_gw.chan[ch];
    int fd = chan_connect(c);
    return fd < 0 ? -1 : (int)send(fd, buf, n, 0);
}

struct consignment {
    char waybill[16];
    char consignee_name[48];
};

void send_booking(const struct consignment *k)
{
    chan_send(CH_WMS, k->waybill, sizeof k->waybill); /* expect: allowed shipment.tracking */
}

void send_ack(const struct consignment *k)
{
    chan_send(CH_ACK, k->consignee_name, sizeof k->consignee_name); /* expect: violation customer.identity */
}

void send_reading(const struct consignment *k)
{
    chan_send(CH_TELEMETRY, k->waybill, sizeof k->waybill); /* expect: unresolved shipment.tracking */
}
