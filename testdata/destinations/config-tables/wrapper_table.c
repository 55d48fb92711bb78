/* The same table by address, filled through the program's own bounded copy (a
 * strlcpy of its own): what the copy writes through the row's pointer is the
 * configuration entry the row names. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct archive_conf {
  char archive_host[64];
  char archive_port[8];
};

static struct archive_conf g_archive;

static const struct {
  const char *key;
  char *dst;
  size_t len;
} k_archive_map[] = {
    {"archive_host", g_archive.archive_host, sizeof g_archive.archive_host},
    {"archive_port", g_archive.archive_port, sizeof g_archive.archive_port},
};

static size_t copy_bounded(char *dst, const char *src, size_t size) {
  size_t n = strlen(src);
  if (size > 0) {
    size_t k = n < size - 1 ? n : size - 1;
    memcpy(dst, src, k);
    dst[k] = '\0';
  }
  return n;
}

int archive_conf_set(const char *key, const char *value) {
  size_t i;
  for (i = 0; i < sizeof k_archive_map / sizeof k_archive_map[0]; i++) {
    if (strcmp(k_archive_map[i].key, key) == 0) {
      copy_bounded(k_archive_map[i].dst, value, k_archive_map[i].len);
      return 1;
    }
  }
  return 0;
}

struct pallet {
  char waybill[24];
};

void archive_pallet(const struct pallet *p) {
  struct addrinfo *ai;
  int fd;
  if (getaddrinfo(g_archive.archive_host, g_archive.archive_port, NULL, &ai) != 0) return;
  fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
  connect(fd, ai->ai_addr, ai->ai_addrlen);
  send(fd, p->waybill, strlen(p->waybill), 0); /* expect: violation shipment.tracking */
  freeaddrinfo(ai);
}
