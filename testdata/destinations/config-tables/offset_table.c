/* Settings read from a key=value file into a struct through a table of field
 * offsets: the row's key names the configuration entry each field holds, and a
 * send to a host read from that field goes where the deployment configured it. */
#include <netdb.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct settings {
  char uplink_host[64];
  unsigned short uplink_port;
  char depot[8];
};

struct setting_row {
  const char *key;
  size_t off;
  size_t size;
  int is_text;
};

#define TEXT(k) { #k, offsetof(struct settings, k), sizeof(((struct settings *)0)->k), 1 }
#define NUMBER(k) { #k, offsetof(struct settings, k), sizeof(((struct settings *)0)->k), 0 }

static const struct setting_row k_rows[] = {
    TEXT(uplink_host),
    NUMBER(uplink_port),
    TEXT(depot),
};

struct settings g_settings;

static int apply_setting(struct settings *s, const char *key, const char *value) {
  size_t i;
  for (i = 0; i < sizeof k_rows / sizeof k_rows[0]; i++) {
    const struct setting_row *row = &k_rows[i];
    char *field = (char *)s + row->off;
    unsigned port;
    if (strcmp(row->key, key) != 0) continue;
    if (row->is_text) {
      strncpy(field, value, row->size - 1);
      return 0;
    }
    if (sscanf(value, "%u", &port) != 1) return -1;
    memcpy(field, &port, row->size);
    return 0;
  }
  return 1;
}

int load_settings(const char *path) {
  char line[160];
  FILE *fp = fopen(path, "r");
  if (fp == NULL) return -1;
  while (fgets(line, sizeof line, fp) != NULL) {
    char *save = NULL;
    char *key = strtok_r(line, "=", &save);
    char *value = strtok_r(NULL, "\r\n", &save);
    if (key != NULL && value != NULL) apply_setting(&g_settings, key, value);
  }
  fclose(fp);
  return 0;
}

struct scan {
  char waybill[24];
};

static int connect_to(const char *host) {
  struct addrinfo *ai;
  int fd;
  if (getaddrinfo(host, "7000", NULL, &ai) != 0) return -1;
  fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
  connect(fd, ai->ai_addr, ai->ai_addrlen);
  freeaddrinfo(ai);
  return fd;
}

void report_scan(const struct scan *sc) {
  int fd = connect_to(g_settings.uplink_host);
  send(fd, sc->waybill, strlen(sc->waybill), 0); /* expect: violation shipment.tracking */
}
