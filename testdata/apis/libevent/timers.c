/* libevent timers armed through the program's own helper: the callback is a
 * parameter of the helper (`arm_timer(ctx, report_cb, 30)`), run later with the
 * context the helper hands libevent. */
#include <curl/curl.h>
#include <event2/event.h>
#include <stdio.h>
#include <string.h>

struct recipient {
    char email[64];
};

struct depot {
    struct event_base *base;
    CURL *easy;
    char report_url[128];
    char last_note[64];
    struct recipient who;
};

static void remember(struct depot *d, const char *email)
{
    snprintf(d->last_note, sizeof d->last_note, "%s", email);
}

static void report_cb(evutil_socket_t fd, short what, void *arg)
{
    struct depot *d = arg;
    (void)fd;
    (void)what;
    remember(d, d->who.email);
    curl_easy_setopt(d->easy, CURLOPT_URL, d->report_url); /* expect-none -- what remember() stored is another field */
    curl_easy_setopt(d->easy, CURLOPT_POSTFIELDS, d->who.email);
    curl_easy_perform(d->easy);
}

static struct event *arm_timer(struct depot *d, event_callback_fn cb, int secs)
{
    struct timeval tv = {secs, 0};
    struct event *ev = event_new(d->base, -1, EV_PERSIST, cb, d);
    if (ev)
        evtimer_add(ev, &tv);
    return ev;
}

static struct event *schedule(struct depot *d, event_callback_fn cb)
{
    return arm_timer(d, cb, 60);
}

static void init_depot(struct depot *d, const char *url)
{
    memset(d, 0, sizeof *d);
    d->base = event_base_new();
    d->easy = curl_easy_init();
    snprintf(d->report_url, sizeof d->report_url, "%s", url);
}

int run_depot(void)
{
    static struct depot cn, de;
    init_depot(&cn, "https://reports.partner-mall.example.cn/v1/daily");
    init_depot(&de, "https://reports.depot.example.de/v1/daily");
    arm_timer(&cn, report_cb, 30); /* expect: violation customer.contact -- the callback runs with &cn */
    schedule(&de, report_cb);      /* expect: allowed customer.contact -- handed on through two helpers */
    curl_easy_setopt(de.easy, CURLOPT_POSTFIELDS, de.last_note); /* expect-none -- the callback has not run yet */
    curl_easy_perform(de.easy);
    return event_base_dispatch(cn.base);
}
