/* A driver table picked by a function that returns a pointer into it, kept in a
 * static context: the driver's `open` fills a private state through `void **`
 * (a heap record holding the endpoint it was given), and a worker thread sends
 * through `ctx->uplink->send(ctx->priv, ...)`. The send goes where `open` was
 * pointed, and the driver is run by the worker, not an entry of its own. A
 * socket a helper stores in another field of the same context once the worker
 * runs keeps its own peer: what `open` left in `priv` says nothing of it. */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

struct pickup_event {
    char tracking_no[24];
};

struct depot_cfg {
    char events_url[128];
};

struct uplink_ops {
    const char *name;
    int (*open)(void **priv, const struct depot_cfg *cfg);
    int (*send)(void *priv, const struct pickup_event *ev);
};

struct rest_uplink {
    CURL *easy;
    char base_url[128];
};

static int rest_open(void **priv, const struct depot_cfg *cfg) {
    struct rest_uplink *u = calloc(1, sizeof *u);
    if (!u) return -1;
    u->easy = curl_easy_init();
    snprintf(u->base_url, sizeof u->base_url, "%s", cfg->events_url);
    *priv = u;
    return 0;
}

static int rest_send(void *priv, const struct pickup_event *ev) {
    struct rest_uplink *u = priv;
    char url[256];
    snprintf(url, sizeof url, "%s/pickups", u->base_url);
    curl_easy_setopt(u->easy, CURLOPT_URL, url);
    curl_easy_setopt(u->easy, CURLOPT_POSTFIELDS, ev->tracking_no); /* expect: violation shipment.tracking */
    return curl_easy_perform(u->easy);
}

static const struct uplink_ops rest_ops = {.name = "rest", .open = rest_open, .send = rest_send};
static const struct uplink_ops null_ops = {.name = "null"};

static const struct uplink_ops *select_uplink(int kind) {
    switch (kind) {
    case 1:
        return &rest_ops;
    default:
        return &null_ops;
    }
}

struct depot_ctx {
    const struct uplink_ops *uplink;
    void *priv;
    struct depot_cfg cfg;
    int hub_fd;
    struct pickup_event last;
};

static int hub_connect(const char *ip) {
    struct sockaddr_in sa;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(7400);
    inet_pton(AF_INET, ip, &sa.sin_addr);
    connect(fd, (struct sockaddr *)&sa, sizeof sa);
    return fd;
}

static void depot_init(struct depot_ctx *ctx) {
    memset(ctx, 0, sizeof *ctx);
    ctx->hub_fd = -1;
}

static void hub_attach(struct depot_ctx *ctx, const char *ip) { ctx->hub_fd = hub_connect(ip); }

static void *uplink_worker(void *arg) {
    struct depot_ctx *ctx = arg;
    ctx->uplink->send(ctx->priv, &ctx->last);
    send(ctx->hub_fd, ctx->last.tracking_no, sizeof ctx->last.tracking_no, 0); /* expect: allowed shipment.tracking */
    return NULL;
}

int depot_start(int uplink_kind) {
    static struct depot_ctx ctx;
    pthread_t worker;
    depot_init(&ctx);
    ctx.uplink = select_uplink(uplink_kind);
    snprintf(ctx.cfg.events_url, sizeof ctx.cfg.events_url, "%s", "https://pickups.depot-partner.example.cn/v1");
    if (ctx.uplink->open(&ctx.priv, &ctx.cfg) != 0) return 1;
    pthread_create(&worker, NULL, uplink_worker, &ctx);
    hub_attach(&ctx, "10.40.0.9");
    pthread_join(worker, NULL);
    return 0;
}
