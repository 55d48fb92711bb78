/* A module-private batch (a file-static buffer) that one job appends delivery
 * records to and another job uploads, both run by a worker thread main starts:
 * the append is four calls below main, but any store of its own file may have run
 * before the upload. A scratch buffer each sender fills itself before sending
 * carries only what that sender put there. */
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pod {
    char waybill[24];
    char signed_by[64];
    double lat, lon;
};

struct batch {
    char *data;
    size_t len;
};

static struct batch s_pods;
static char s_scratch[256];

static void http_put(const char *url, const char *body, size_t n)
{
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)n);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body); /* expect: violation customer.identity customer.location shipment.tracking */
    curl_easy_perform(h);
    curl_easy_cleanup(h);
}

void pods_append(const struct pod *p)
{
    char line[192];
    char *grown;
    int n = snprintf(line, sizeof line, "{\"waybill\":\"%s\",\"by\":\"%s\",\"lat\":%f,\"lon\":%f}\n",
                     p->waybill, p->signed_by, p->lat, p->lon);
    if (n <= 0 || (size_t)n >= sizeof line)
        return;
    grown = realloc(s_pods.data, s_pods.len + (size_t)n + 1);
    if (!grown)
        return;
    memcpy(grown + s_pods.len, line, (size_t)n + 1);
    s_pods.data = grown;
    s_pods.len += (size_t)n;
}

void pods_flush(void)
{
    if (s_pods.len == 0)
        return;
    http_put("https://pods.oss-cn-shanghai.aliyuncs.com/day.jsonl", s_pods.data, s_pods.len);
    s_pods.len = 0;
}

void note_signer(const struct pod *p)
{
    snprintf(s_scratch, sizeof s_scratch, "%s", p->signed_by);
}

void heartbeat(unsigned jobs)
{
    CURL *h = curl_easy_init();
    snprintf(s_scratch, sizeof s_scratch, "{\"jobs\":%u}", jobs);
    curl_easy_setopt(h, CURLOPT_URL, "https://ops.depot.example.cn/beat");
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, s_scratch); /* expect-none */
    curl_easy_perform(h);
    curl_easy_cleanup(h);
}

enum job_kind { JOB_POD, JOB_ROLLOVER, JOB_BEAT };
struct job {
    enum job_kind kind;
    struct pod pod;
};
struct job *job_next(void);

static void handle_pod(const struct pod *p)
{
    note_signer(p);
    pods_append(p);
}

static void *worker(void *arg)
{
    unsigned done = 0;
    struct job *j;
    (void)arg;
    while ((j = job_next()) != NULL) {
        if (j->kind == JOB_POD)
            handle_pod(&j->pod);
        else if (j->kind == JOB_ROLLOVER)
            pods_flush();
        else
            heartbeat(done);
        done++;
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, worker, NULL) != 0)
        return 1;
    pthread_join(t, NULL);
    return 0;
}
