#include <curl/curl.h>
#include <glib.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "exporter.h"

int http_post(const char *url, const char *body)
{
    CURL *h = curl_easy_init();
    if (!h)
        return -1;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    CURLcode rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

int line_send(const char *host, const char *line)
{
    struct addrinfo *ai = NULL;
    if (getaddrinfo(host, "2775", NULL, &ai) != 0)
        return -1;
    int fd = socket(ai->ai_family, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        freeaddrinfo(ai);
        return -1;
    }
    freeaddrinfo(ai);
    ssize_t n = send(fd, line, strlen(line), 0);
    close(fd);
    return n < 0 ? -1 : 0;
}

/* The configuration file's value, or the fallback when the key is missing. */
char *conf_get(const char *group, const char *key, const char *fallback)
{
    static GKeyFile *kf;
    if (!kf) {
        kf = g_key_file_new();
        g_key_file_load_from_file(kf, "/etc/sorter/sorter.conf", G_KEY_FILE_NONE, NULL);
    }
    char *value = g_key_file_get_string(kf, group, key, NULL);
    return value ? value : g_strdup(fallback);
}
