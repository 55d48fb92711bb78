/* Per-unit logs in a static table, found by a lookup helper returning `&s_logs[i]`
 * (or NULL), filled through that pointer by another helper and uploaded unit by unit
 * at the day's end: what is written through the returned pointer is written into
 * the table. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNITS 16
#define LOG_CAP 8192

struct sample {
    char unit_id[12];
    char waybill[24];
    int supply_dc;
};

struct unit_log {
    char unit_id[12];
    char *buf;
    size_t len;
    unsigned count;
};

static struct unit_log s_logs[UNITS];

static struct unit_log *log_for(const char *unit_id)
{
    for (size_t i = 0; i < UNITS; i++) {
        struct unit_log *l = &s_logs[i];
        if (l->unit_id[0] == '\0') {
            memcpy(l->unit_id, unit_id, sizeof l->unit_id);
            l->buf = malloc(LOG_CAP);
            return l->buf ? l : NULL;
        }
        if (strncmp(l->unit_id, unit_id, sizeof l->unit_id) == 0)
            return l;
    }
    return NULL;
}

static void log_append(struct unit_log *l, const struct sample *s)
{
    int n;
    if (l->len + 64 > LOG_CAP)
        return;
    n = snprintf(l->buf + l->len, LOG_CAP - l->len, "%.12s;%.24s;%d\n", s->unit_id, s->waybill, s->supply_dc);
    if (n > 0)
        l->len += (size_t)n;
    l->count++;
}

void on_sample(const struct sample *s)
{
    struct unit_log *l = log_for(s->unit_id);
    if (l != NULL)
        log_append(l, s);
}

void on_day_end(void)
{
    for (size_t i = 0; i < UNITS; i++) {
        struct unit_log *l = &s_logs[i];
        CURL *h;
        char count[32];
        if (l->len == 0)
            continue;
        h = curl_easy_init();
        curl_easy_setopt(h, CURLOPT_URL, "https://reefer-sync.oss-cn-shenzhen.aliyuncs.com/templog.csv");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)l->len);
        curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, l->buf); /* expect: violation shipment.tracking */
        curl_easy_perform(h);
        curl_easy_cleanup(h);
        h = curl_easy_init();
        snprintf(count, sizeof count, "%u", l->count);
        curl_easy_setopt(h, CURLOPT_URL, "https://reefer-sync.oss-cn-shenzhen.aliyuncs.com/count");
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, count); /* expect-none */
        curl_easy_perform(h);
        curl_easy_cleanup(h);
        l->len = 0;
    }
}
