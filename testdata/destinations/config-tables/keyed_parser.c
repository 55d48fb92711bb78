/* A hand-written key=value parser: each `strcmp(key, "...") == 0` branch names the
 * setting the value it copies is. The relay host is configuration, config:customs.relay,
 * which the folder's policy binds to a .cn host; the notify URL, config:notify.url,
 * is bound to an EU one. A value the caller hands over itself is that value. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <curl/curl.h>

struct relay_config {
  char relay_host[64];
  char notify_url[128];
  char site[16];
};

static void copy_text(char *dst, size_t cap, const char *src) {
  strncpy(dst, src, cap - 1);
  dst[cap - 1] = '\0';
}

static void apply_entry(struct relay_config *cfg, const char *key, const char *val) {
  if (strcmp(key, "customs.relay") == 0)
    copy_text(cfg->relay_host, sizeof cfg->relay_host, val);
  else if (!strcmp(key, "notify.url"))
    copy_text(cfg->notify_url, sizeof cfg->notify_url, val);
  else if (strcmp(key, "site") != 0)
    fprintf(stderr, "unknown key %s\n", key);
  else
    copy_text(cfg->site, sizeof cfg->site, val);
}

static int load_relay_config(struct relay_config *cfg, const char *path) {
  char line[256];
  FILE *fp = fopen(path, "r");
  if (!fp) return -1;
  while (fgets(line, sizeof line, fp)) {
    char *eq = strchr(line, '=');
    if (!eq) continue;
    *eq = '\0';
    eq[strcspn(eq + 1, "\r\n") + 1] = '\0';
    apply_entry(cfg, line, eq + 1);
  }
  fclose(fp);
  return 0;
}

struct declaration {
  char consignee_name[64];
  char hs_code[12];
};

void relay_declaration(const struct declaration *d) {
  struct relay_config cfg;
  struct addrinfo *ai;
  memset(&cfg, 0, sizeof cfg);
  if (load_relay_config(&cfg, "/etc/customs/relay.conf") != 0) return;
  if (getaddrinfo(cfg.relay_host, "7700", NULL, &ai) != 0) return;
  int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
  connect(fd, ai->ai_addr, ai->ai_addrlen);
  send(fd, d->hs_code, strlen(d->hs_code), 0); /* expect: violation shipment.contents */
  close(fd);
  freeaddrinfo(ai);
}

void notify_consignee(const struct declaration *d) {
  struct relay_config cfg;
  memset(&cfg, 0, sizeof cfg);
  if (load_relay_config(&cfg, "/etc/customs/relay.conf") != 0) return;
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, cfg.notify_url);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, d->consignee_name); /* expect: allowed customer.identity */
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

/* The parser's entry point called with a value the code knows: that value. */
void relay_via_fallback(const struct declaration *d) {
  struct relay_config cfg;
  struct addrinfo *ai;
  memset(&cfg, 0, sizeof cfg);
  apply_entry(&cfg, "customs.relay", "10.20.0.5");
  if (getaddrinfo(cfg.relay_host, "7700", NULL, &ai) != 0) return;
  int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
  connect(fd, ai->ai_addr, ai->ai_addrlen);
  send(fd, d->hs_code, strlen(d->hs_code), 0); /* expect: allowed shipment.contents */
  close(fd);
  freeaddrinfo(ai);
}
