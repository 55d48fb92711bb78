/* An iterator of the program's own runs the callback it is handed on each entry,
 * with the caller's context pointer (`each_pending(cb, user)` calling `cb(d, user)`).
 * The callbacks fill the context (a text buffer, a JSON array) and the caller sends
 * it afterwards: what a callback left there is known only at the caller, which
 * names both the callback and the context. */
#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct recipient {
    char name[64];
    char phone[24];
};
struct pending_parcel {
    char tracking_no[24];
    struct recipient rcpt;
    unsigned shelf;
    struct pending_parcel *next;
};
typedef int (*parcel_cb)(struct pending_parcel *p, void *user);

static struct pending_parcel *g_pending;

static int each_pending(parcel_cb cb, void *user) {
    for (struct pending_parcel *p = g_pending; p; p = p->next)
        if (cb(p, user) != 0)
            return -1;
    return 0;
}

static int post_body(const char *url, const char *body) {
    CURL *h = curl_easy_init();
    if (!h)
        return -1;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body); /* expect: violation customer.identity shipment.tracking */
    CURLcode rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

/* A text accumulator written through the context pointer's buffer. */
struct text_acc {
    char *buf;
    size_t len, cap;
};

static int append_row(struct pending_parcel *p, void *user) {
    struct text_acc *acc = user;
    int n = snprintf(acc->buf + acc->len, acc->cap - acc->len, "%s;%s\n", p->tracking_no, p->rcpt.name);
    if (n < 0 || (size_t)n >= acc->cap - acc->len)
        return -1;
    acc->len += (size_t)n;
    return 0;
}

int sync_backoffice(void) {
    struct text_acc acc = {0};
    acc.cap = 8192;
    acc.buf = malloc(acc.cap);
    if (!acc.buf)
        return -1;
    each_pending(append_row, &acc);
    int rc = post_body("https://backoffice.lockers.example.cn/sync", acc.buf);
    free(acc.buf);
    return rc;
}

/* A JSON array handed as the context itself. */
static int shelf_row(struct pending_parcel *p, void *user) {
    json_t *rows = user;
    return json_array_append_new(rows, json_pack("{s:s, s:i}", "awb", p->tracking_no, "shelf", (int)p->shelf));
}

static int put_manifest(const char *url, const char *body) {
    CURL *h = curl_easy_init();
    if (!h)
        return -1;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body); /* expect: allowed shipment.tracking */
    CURLcode rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

int upload_shelves(void) {
    json_t *rows = json_array();
    each_pending(shelf_row, rows);
    char *body = json_dumps(rows, JSON_COMPACT);
    json_decref(rows);
    int rc = put_manifest("https://manifests.lockers.example.de/shelves", body);
    free(body);
    return rc;
}

/* A callback that only counts: the context carries no parcel data. */
static int count_row(struct pending_parcel *p, void *user) {
    (void)p;
    ++*(unsigned *)user;
    return 0;
}

static int send_count(const char *url, const char *body) {
    CURL *h = curl_easy_init();
    if (!h)
        return -1;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body); /* expect-none */
    CURLcode rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

int report_backlog(void) {
    unsigned count = 0;
    char body[32];
    each_pending(count_row, &count);
    snprintf(body, sizeof body, "{\"backlog\":%u}", count);
    return send_count("https://stats.lockers.example.cn/backlog", body);
}
