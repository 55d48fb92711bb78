/* A market loop hands its context to a poll function that runs a callback with it
 * (`poll_bids(&bus, on_bid, &m)`). The context points at a notifier the caller
 * filled with a call (`notifier_init(&n)`, then `m.notifier = &n`): the
 * callback's upload goes to the archive that call configured. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

struct award_notifier {
    char archive_base[128];
    CURL *easy;
};

struct award {
    char cmr_no[24];
};

struct bid_market {
    struct award_notifier *notifier;
    struct award last;
};

struct bid_bus {
    int fd;
};

typedef void (*bid_cb)(const char *msg, void *arg);

void notifier_init(struct award_notifier *n)
{
    snprintf(n->archive_base, sizeof n->archive_base, "https://%s.%s", "awards-archive",
             "oss-cn-shanghai.aliyuncs.com");
    n->easy = curl_easy_init();
}

static void archive_award(struct award_notifier *n, const struct award *a)
{
    char url[256];
    snprintf(url, sizeof url, "%s/awards/%s.json", n->archive_base, a->cmr_no);
    curl_easy_setopt(n->easy, CURLOPT_URL, url); /* expect: violation shipment.tracking */
    curl_easy_perform(n->easy);
}

void poll_bids(struct bid_bus *b, bid_cb cb, void *arg)
{
    char msg[64];
    snprintf(msg, sizeof msg, "fd=%d", b->fd);
    cb(msg, arg);
}

static void on_bid(const char *msg, void *arg)
{
    struct bid_market *m = arg;
    (void)msg;
    archive_award(m->notifier, &m->last);
}

void run_market(struct bid_bus *bus)
{
    struct award_notifier n;
    struct bid_market m;
    notifier_init(&n);
    memset(&m, 0, sizeof m);
    m.notifier = &n;
    poll_bids(bus, on_bid, &m);
}
