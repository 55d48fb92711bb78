/* Output drivers `{name, open, emit}` in a constant table, one picked by a name
 * from the environment, kept with its opaque handle in a heap context and run later
 * through `ctx->drv->emit(ctx->drv_h, ...)`. Nothing on the way says which row was
 * picked, so the call runs every function the program stores in `emit`; the redis
 * driver's handle field is connected to one constant host, which is its
 * destination. The file driver's handle is the FILE itself, returned by `open`
 * through a `void *`: not known at the emit. */
#include <hiredis/hiredis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bag_event {
    char tag_no[11];
    char pax_name[40];
};

struct out_driver {
    const char *name;
    void *(*open)(const char *arg);
    int (*emit)(void *h, const char *buf, size_t len);
};

struct redis_out {
    redisContext *c;
};

static void *redis_open(const char *arg)
{
    struct redis_out *ro = calloc(1, sizeof *ro);
    (void)arg;
    if (ro)
        ro->c = redisConnect("10.40.2.20", 6379);
    return ro;
}

static int redis_emit(void *h, const char *buf, size_t len)
{
    struct redis_out *ro = h;
    redisReply *r = redisCommand(ro->c, "LPUSH bags %b", buf, len); /* expect: allowed customer.identity shipment.tracking */
    freeReplyObject(r);
    return 0;
}

static void *jsonl_open(const char *arg)
{
    (void)arg;
    return fopen("/var/spool/bags/out.jsonl", "a");
}

static int jsonl_emit(void *h, const char *buf, size_t len)
{
    return fwrite(buf, 1, len, (FILE *)h) == len; /* expect: unresolved customer.identity shipment.tracking */
}

static const struct out_driver k_drivers[] = {
    {"redis", redis_open, redis_emit},
    {"jsonl", jsonl_open, jsonl_emit},
};

const struct out_driver *out_driver_find(const char *name)
{
    for (size_t i = 0; i < sizeof k_drivers / sizeof k_drivers[0]; i++)
        if (strcmp(k_drivers[i].name, name) == 0)
            return &k_drivers[i];
    return NULL;
}

struct bag_ctx {
    const struct out_driver *drv;
    void *drv_h;
};

struct bag_ctx *bags_init(const struct out_driver *drv, void *drv_h)
{
    struct bag_ctx *bc = calloc(1, sizeof *bc);
    if (!bc)
        return NULL;
    bc->drv = drv;
    bc->drv_h = drv_h;
    return bc;
}

void bags_on_scan(struct bag_ctx *bc, const struct bag_event *b)
{
    char js[128];
    int n = snprintf(js, sizeof js, "{\"tag\":\"%s\",\"pax\":\"%s\"}", b->tag_no, b->pax_name);
    if (n > 0)
        bc->drv->emit(bc->drv_h, js, (size_t)n);
}

struct app {
    const struct out_driver *drv;
    struct bag_ctx *bags;
};
static struct app g_app;

int bags_main(void)
{
    const char *name = getenv("BAGS_OUTPUT");
    struct bag_event b = {{0}, {0}};
    g_app.drv = out_driver_find(name ? name : "redis");
    if (!g_app.drv)
        return 1;
    g_app.bags = bags_init(g_app.drv, g_app.drv->open(NULL));
    if (!fgets(b.tag_no, sizeof b.tag_no, stdin))
        return 1;
    bags_on_scan(g_app.bags, &b);
    return 0;
}
