/* An event loop in the C style: the application state is one struct holding its
 * transports, set up by an init function and handed to every handler as a
 * `void *` context through a table of handlers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "xport.h"

struct recipient {
    char name[64];
    char phone[24];
};
struct event {
    int kind;
    char tracking_no[24];
    struct recipient rcpt;
};
struct counters {
    unsigned deposits;
    unsigned pickups;
};
struct audit_entry {
    char tracking_no[24];
};
struct app {
    struct xport notify;
    struct xport uplink;
    struct counters stats;
    struct audit_entry log[4];
};

typedef int (*handler_fn)(void *ctx, const struct event *ev);

static int app_init(struct app *a)
{
    const struct settings *s;
    if (cfg_load() != 0)
        return -1;
    s = cfg_get();
    a->uplink.ops = xport_pick(getenv("UPLINK_TRANSPORT"));
    a->notify.ops = &https_ops;
    return a->notify.ops->open(&a->notify, s->notify_host);
}

/* The transport's driver and URL come from app_init, called by main on the same
 * object: the send runs https_send with the handle https_open set up. */
static int on_deposit(void *ctx, const struct event *ev)
{
    struct app *a = ctx;
    char body[128];
    int n = snprintf(body, sizeof body, "{\"to\":\"%s\"}", ev->rcpt.phone);
    a->stats.deposits++;
    return EMIT(&a->notify, body, (size_t)n) < 0 ? -1 : 0;
}

/* Kept in the process only: the tracking number lands in the audit log, not in
 * the counters. */
static int on_pickup(void *ctx, const struct event *ev)
{
    struct app *a = ctx;
    strncpy(a->log[0].tracking_no, ev->tracking_no, sizeof a->log[0].tracking_no - 1);
    a->stats.pickups++;
    return 0;
}

/* Through whichever raw driver the picker chose. */
static int on_return(void *ctx, const struct event *ev)
{
    struct app *a = ctx;
    return EMIT(&a->uplink, ev->tracking_no, sizeof ev->tracking_no) < 0 ? -1 : 0;
}

/* Opened, then sent through, the same table (another file's): the open, a call
 * through the table, does not re-aim the transport. */
static void beacon(const struct event *ev)
{
    struct xport t;
    t.ops = &beacon_ops;
    t.ops->open(&t, "beacon.example.de");
    t.ops->send(&t, ev->rcpt.name, sizeof ev->rcpt.name);
}

static const handler_fn k_handlers[3] = {on_deposit, on_pickup, on_return};

static int app_dispatch(struct app *a, const struct event *ev)
{
    if ((unsigned)ev->kind >= 3)
        return -1;
    return k_handlers[ev->kind](a, ev);
}

static void save_counters(const struct counters *c)
{
    FILE *fp = fopen("/var/lib/lockers/counters.bin", "wb");
    fwrite(c, sizeof *c, 1, fp);  // expect-none
    fclose(fp);
}

static void save_log(const struct audit_entry *e)
{
    FILE *fp = fopen("/var/lib/lockers/audit.bin", "wb");
    fwrite(e, sizeof *e, 1, fp);  // expect: unresolved shipment.tracking
    fclose(fp);
}

int main(void)
{
    static struct app a;
    struct event ev;
    memset(&ev, 0, sizeof ev);
    if (app_init(&a) != 0)
        return 1;
    app_dispatch(&a, &ev);
    on_pickup(&a, &ev); /* directly, through its `void *` parameter */
    beacon(&ev);
    save_counters(&a.stats);
    save_log(&a.log[0]);
    return 0;
}
