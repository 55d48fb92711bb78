/* A timer loop of the program's own keeps each callback with its context pointer
 * and runs it later (`t->fn(t->user)`, from a loop object nobody in the scan hands
 * it). What a callback sends is bound where it is registered, with the context
 * handed beside it: the URL and the records come from there. */
#include <curl/curl.h>
#include <stdio.h>

struct hold_record {
    char awb[16];
    char consignee_name[64];
};

typedef void (*timer_fn)(void *user);
struct timer {
    timer_fn fn;
    void *user;
};
struct loop {
    struct timer timers[8];
    unsigned count;
};

static int timer_add(struct loop *l, timer_fn fn, void *user) {
    if (l->count == 8)
        return -1;
    l->timers[l->count].fn = fn;
    l->timers[l->count].user = user;
    l->count++;
    return 0;
}

/* Run by the daemon's main loop, outside this file. */
void loop_run_due(struct loop *l) {
    for (unsigned i = 0; i < l->count; i++)
        l->timers[i].fn(l->timers[i].user);
}

struct upload_ctx {
    const struct hold_record *held;
    const char *url;
};

static void post_holds(void *user) {
    const struct upload_ctx *ctx = user;
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, ctx->url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, ctx->held->consignee_name); /* expect: violation customer.identity */
    curl_easy_perform(h);
    curl_easy_cleanup(h);
}

static struct upload_ctx g_dwell;
static struct upload_ctx g_customs;

void holds_schedule(struct loop *l, const struct hold_record *held) {
    g_dwell.held = held;
    g_dwell.url = "https://dwell.desk.example.cn/v1/holds";
    g_customs.held = held;
    g_customs.url = "https://holds.customs.example.de/v1/holds";
    timer_add(l, post_holds, &g_dwell);
    timer_add(l, post_holds, &g_customs);
}
