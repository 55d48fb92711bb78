/* A growable text buffer filled by a varargs appender: vsnprintf measures first
 * (`sb->data ? sb->data + sb->len : NULL`), grows the buffer, and writes. The
 * buffer is then uploaded through libcurl's read callback. */
#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct merchant {
    char merchant_id[16];
    char legal_name[64];
};

struct strbuf {
    char *data;
    size_t len;
    size_t cap;
};

static int sb_appendf(struct strbuf *sb, const char *fmt, ...) {
    va_list ap;
    for (;;) {
        size_t room = sb->cap - sb->len;
        int need;
        va_start(ap, fmt);
        need = vsnprintf(sb->data ? sb->data + sb->len : NULL, sb->data ? room : 0, fmt, ap);
        va_end(ap);
        if (need < 0)
            return -1;
        if (sb->data != NULL && (size_t)need < room) {
            sb->len += (size_t)need;
            return 0;
        }
        {
            size_t ncap = sb->cap ? sb->cap * 2 : 1024;
            char *p = realloc(sb->data, ncap);
            if (p == NULL)
                return -1;
            sb->data = p;
            sb->cap = ncap;
        }
    }
}

struct upload_src {
    const char *data;
    size_t len;
    size_t off;
};

static size_t upload_read(char *dst, size_t size, size_t nmemb, void *user) {
    struct upload_src *src = user;
    size_t n = size * nmemb;
    if (n > src->len - src->off)
        n = src->len - src->off;
    memcpy(dst, src->data + src->off, n);
    src->off += n;
    return n;
}

static int bucket_put(const char *object, const struct strbuf *body) {
    char url[256];
    struct upload_src src = {body->data, body->len, 0};
    CURL *curl = curl_easy_init();
    int rc;
    if (curl == NULL)
        return -1;
    snprintf(url, sizeof url, "https://archive.depot-backup.cn/%s", object);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, upload_read);
    curl_easy_setopt(curl, CURLOPT_READDATA, &src);  // expect: violation seller.identity
    rc = (int)curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    return rc;
}

int archive_settlement(const struct merchant *m) {
    struct strbuf sb = {NULL, 0, 0};
    int rc;
    sb_appendf(&sb, "%s;%s\n", m->merchant_id, m->legal_name);
    rc = bucket_put("settlements.csv", &sb);
    free(sb.data);
    return rc;
}
