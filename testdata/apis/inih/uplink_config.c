/* The usual inih configuration handler: MATCH(section, name) picks the entry and the
 * value is kept with strdup. The uplink host is configuration, config:uplink.host,
 * which the folder's policy binds to a .cn relay: the handler's `value`, read where
 * `section` and `name` compared equal to "uplink" and "host", is that setting (the
 * library runs the handler with text from the file), and what the handler writes
 * into `user` is what ini_parse's caller finds in its object. A default stored
 * before the parse (`cfg->host = "api.carrier..."` in load_config) is one value of
 * the field and the configured host that may replace it the other: the .cn relay
 * the policy binds makes each send a violation. */
#include <curl/curl.h>
#include <ini.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MATCH(s, n) strcmp(section, s) == 0 && strcmp(name, n) == 0

struct uplink_config {
    const char *host;
    const char *port;
    int interval_s;
};

struct consignee {
    char full_name[64];
    char email[96];
};

static int on_config(void *user, const char *section, const char *name, const char *value)
{
    struct uplink_config *cfg = user;
    if (MATCH("uplink", "host"))
        cfg->host = strdup(value);
    else if (MATCH("uplink", "port"))
        cfg->port = strdup(value);
    else if (MATCH("uplink", "interval"))
        cfg->interval_s = atoi(value);
    else
        return 0;
    return 1;
}

static int load_config(struct uplink_config *cfg, const char *path)
{
    cfg->host = "api.carrier.example.de";
    cfg->port = "443";
    cfg->interval_s = 60;
    return ini_parse(path, on_config, cfg);
}

void post_contact(const struct consignee *c)
{
    struct uplink_config cfg;
    char url[256];
    if (load_config(&cfg, "/etc/depot/uplink.ini") < 0)
        return;
    CURL *h = curl_easy_init();
    strcpy(url, "https://");
    strcat(url, cfg.host);
    strcat(url, "/v1/contacts");
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, c->email); /* expect: violation customer.contact */
    curl_easy_perform(h);
    curl_easy_cleanup(h);
}

void send_name(const struct consignee *c)
{
    struct uplink_config cfg;
    struct addrinfo *ai;
    if (load_config(&cfg, "/etc/depot/uplink.ini") < 0)
        return;
    if (getaddrinfo(cfg.host, cfg.port, NULL, &ai) != 0)
        return;
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    connect(fd, ai->ai_addr, ai->ai_addrlen);
    send(fd, c->full_name, strlen(c->full_name), 0); /* expect: violation customer.identity */
    close(fd);
    freeaddrinfo(ai);
}

static int load_config_without_defaults(struct uplink_config *cfg, const char *path)
{
    memset(cfg, 0, sizeof *cfg);
    return ini_parse(path, on_config, cfg);
}

void post_email_configured(const struct consignee *c)
{
    struct uplink_config cfg;
    char url[256];
    if (load_config_without_defaults(&cfg, "/etc/depot/uplink.ini") < 0)
        return;
    CURL *h = curl_easy_init();
    snprintf(url, sizeof url, "https://%s/v1/contacts", cfg.host);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, c->email); /* expect: violation customer.contact */
    curl_easy_perform(h);
    curl_easy_cleanup(h);
}
