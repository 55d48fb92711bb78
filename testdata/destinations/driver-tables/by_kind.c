/* Transports made by a constructor that picks the driver from a table indexed by
 * its kind (`t->ops = drivers[kind]`): a caller's constant kind names one driver,
 * and a send through `t->ops` runs that driver only. A wrapper returning the
 * constructor's transport passes the kind on. A timer callback sends through a
 * transport its context holds. */
#include <mosquitto.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

struct link;
struct link_ops {
    int (*open)(struct link *l, const char *host);
    int (*send)(struct link *l, const void *buf, size_t len);
};
struct link {
    const struct link_ops *ops;
    struct mosquitto *mq;
    int fd;
};
enum link_kind { LINK_MQTT = 0, LINK_RAW, LINK__COUNT };

static int mqtt_open(struct link *l, const char *host) {
    l->mq = mosquitto_new("hall-7", 1, NULL);
    return mosquitto_connect(l->mq, host, 1883, 60);
}
static int mqtt_send(struct link *l, const void *buf, size_t len) {
    return mosquitto_publish(l->mq, NULL, "hall/scans", (int)len, buf, 1, 0); /* expect: violation shipment.tracking */
}
static int raw_open(struct link *l, const char *host) {
    (void)host;
    l->fd = socket(AF_INET, SOCK_DGRAM, 0);
    return l->fd < 0;
}
static int raw_send(struct link *l, const void *buf, size_t len) {
    return (int)send(l->fd, buf, len, 0); /* expect-none */
}
static const struct link_ops mqtt_link_ops = {mqtt_open, mqtt_send};
static const struct link_ops raw_link_ops = {raw_open, raw_send};
static const struct link_ops *const drivers[LINK__COUNT] = {
    [LINK_MQTT] = &mqtt_link_ops,
    [LINK_RAW] = &raw_link_ops,
};

struct link *link_new(enum link_kind kind) {
    struct link *l = calloc(1, sizeof *l);
    if (l)
        l->ops = drivers[kind];
    return l;
}
struct link *hall_link(void) { return link_new(LINK_MQTT); }

struct scan {
    char awb[16];
};

void publish_scan(const struct scan *s) {
    struct link *l = link_new(LINK_MQTT);
    l->ops->open(l, "10.40.2.7");
    l->ops->send(l, s->awb, sizeof s->awb);
}

void publish_scan_again(const struct scan *s) {
    struct link *l = hall_link();
    l->ops->open(l, "mqtt.scans.example.cn");
    l->ops->send(l, s->awb, sizeof s->awb);
}

/* The timer: a callback and its context, run later by a loop outside the scan. */
typedef void (*tick_fn)(void *user);
void loop_every(unsigned ms, tick_fn fn, void *user);

struct relay {
    struct link *uplink;
    const struct scan *last;
};
static struct relay g_relay;

static void relay_tick(void *user) {
    struct relay *r = user;
    r->uplink->ops->send(r->uplink, r->last->awb, sizeof r->last->awb);
}

void relay_start(const struct scan *last) {
    g_relay.uplink = link_new(LINK_MQTT);
    g_relay.uplink->ops->open(g_relay.uplink, "10.40.2.9");
    g_relay.last = last;
    loop_every(1000, relay_tick, &g_relay);
}
