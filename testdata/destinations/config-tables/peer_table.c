/* Peers in a constant table indexed by an enum (designated initializers), picked by
 * a parameter the callers pass a constant for: each call goes to its own row's host,
 * whether the row is read by subscript, through a pointer to it, or handed to a
 * connect helper. A row picked by an index nobody can tell may be any row. */
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum peer_id { PEER_BROKER, PEER_CUSTOMS, PEER_COUNT };

struct peer {
  const char *host;
  const char *port;
};

static const struct peer k_peers[PEER_COUNT] = {
    [PEER_BROKER] = {"broker.partner.example.cn", "7443"},
    [PEER_CUSTOMS] = {"gateway.customs.example.de", "443"},
};

static const char *const k_mirrors[] = {"mirror.depot.example.de", "mirror.partner.example.cn"};

struct consignee {
  char full_name[64];
};

static int connect_host(const char *host, const char *port) {
  struct addrinfo *res;
  if (getaddrinfo(host, port, NULL, &res) != 0) return -1;
  int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  freeaddrinfo(res);
  return fd;
}

static int send_to_peer(enum peer_id id, const void *buf, size_t len) {
  const struct peer *p;
  if (id >= PEER_COUNT) return -1;
  p = &k_peers[id];
  int fd = connect_host(p->host, p->port);
  int n = (int)send(fd, buf, len, 0);
  close(fd);
  return n;
}

static int send_by_row(enum peer_id id, const void *buf, size_t len) {
  int fd = connect_host(k_peers[id].host, k_peers[id].port);
  int n = (int)send(fd, buf, len, 0);
  close(fd);
  return n;
}

static int send_to_mirror(unsigned which, const void *buf, size_t len) {
  int fd = connect_host(k_mirrors[which], "443");
  int n = (int)send(fd, buf, len, 0);
  close(fd);
  return n;
}

void hand_over(const struct consignee *c) {
  send_to_peer(PEER_CUSTOMS, c->full_name, strlen(c->full_name)); /* expect: allowed customer.identity */
  send_to_peer(PEER_BROKER, c->full_name, strlen(c->full_name));  /* expect: violation customer.identity */
  send_by_row(PEER_CUSTOMS, c->full_name, strlen(c->full_name));  /* expect: allowed customer.identity */
  send_to_mirror(0, c->full_name, strlen(c->full_name));          /* expect: allowed customer.identity */
}

/* The row comes from the wire: any of them. */
void hand_over_requested(const struct consignee *c, int fd_in) {
  unsigned char id = 0;
  if (read(fd_in, &id, 1) != 1 || id >= PEER_COUNT) return;
  send_by_row((enum peer_id)id, c->full_name, strlen(c->full_name)); /* expect: violation customer.identity */
}
