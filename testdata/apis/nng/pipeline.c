/* NNG: sockets send to the URL they dialed (nng_dial, or a dialer created on the
 * socket); messages carry what was appended to them or written into their body. */
#include <nng/nng.h>
#include <nng/protocol/pipeline0/push.h>
#include <nng/protocol/pubsub0/pub.h>
#include <nng/protocol/reqrep0/req.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parcel {
    char tracking_no[24];
    int weight_g;
    double declared_value;
};

struct consignee {
    char full_name[64];
    char phone[32];
    char street[64];
};

char *pseudonymize(const char *text);

/* ---- nng_dial + nng_send of a formatted line */
int push_scan(const struct parcel *p)
{
    nng_socket sock;
    if (nng_push0_open(&sock) != 0)
        return -1;
    if (nng_dial(sock, "tcp://10.20.0.5:5555", NULL, 0) != 0)
        return -1;
    char line[96];
    int n = snprintf(line, sizeof line, "%s;%d", p->tracking_no, p->weight_g);
    nng_send(sock, line, (size_t)n + 1, 0); /* expect: allowed shipment.tracking shipment.metrics */
    nng_send(sock, "PING", 5, 0); /* expect-none */
    return nng_close(sock);
}

/* ---- a message built with nng_msg_append / _u32, sent with nng_sendmsg */
int push_contact(const struct consignee *c)
{
    nng_socket sock;
    nng_msg *msg;
    nng_push0_open(&sock);
    nng_dial(sock, "tcp://ingest.partner-crm.example.cn:5555", NULL, NNG_FLAG_NONBLOCK);
    nng_msg_alloc(&msg, 0);
    nng_msg_append(msg, c->phone, strlen(c->phone) + 1);
    nng_sendmsg(sock, msg, 0); /* expect: violation customer.contact */

    nng_msg *ref;
    char *token = pseudonymize(c->phone);
    nng_msg_alloc(&ref, 0);
    nng_msg_append(ref, token, strlen(token) + 1);
    nng_msg_append_u32(ref, (uint32_t)strlen(token));
    nng_sendmsg(sock, ref, 0); /* expect-none */
    return nng_close(sock);
}

int push_weight(const struct parcel *p)
{
    nng_socket sock;
    nng_msg *msg;
    nng_push0_open(&sock);
    nng_dial(sock, "tcp://ingest.partner-crm.example.cn:5556", NULL, 0);
    nng_msg_alloc(&msg, 0);
    nng_msg_append_u32(msg, (uint32_t)p->weight_g);
    nng_msg_header_append_u64(msg, 7);
    nng_sendmsg(sock, msg, 0); /* expect: violation shipment.metrics */
    return nng_close(sock);
}

/* ---- a message body filled in place */
int push_name(const struct consignee *c)
{
    nng_socket sock;
    nng_msg *msg;
    size_t len = strlen(c->full_name);
    nng_req0_open(&sock);
    nng_dial(sock, "tls+tcp://crm.depot.example.de:6443", NULL, 0);
    nng_msg_alloc(&msg, len);
    memcpy(nng_msg_body(msg), c->full_name, len);
    nng_sendmsg(sock, msg, 0); /* expect: allowed customer.identity */

    nng_msg *copy;
    nng_msg *addr;
    nng_msg_alloc(&addr, 0);
    char *body = nng_msg_body(addr);
    (void)body;
    nng_msg_insert(addr, c->street, strlen(c->street));
    nng_msg_dup(&copy, addr);
    nng_msg_free(addr);
    nng_sendmsg(sock, copy, 0); /* expect: allowed customer.address */
    return nng_close(sock);
}

/* ---- nng_dialer_create + nng_dialer_start: the dialer belongs to the socket */
int publish_value(const struct parcel *p)
{
    nng_socket sock;
    nng_dialer dialer;
    nng_pub0_open(&sock);
    nng_dialer_create(&dialer, sock, "ws://customs-gw.example.cn:8080/declare");
    nng_dialer_set_ms(dialer, NNG_OPT_RECONNMINT, 100);
    nng_dialer_start(dialer, NNG_FLAG_NONBLOCK);
    char value[32];
    snprintf(value, sizeof value, "%.2f", p->declared_value);
    nng_send(sock, value, strlen(value), 0); /* expect: violation shipment.contents */
    return nng_close(sock);
}

/* ---- the URL from the environment: unresolved */
int push_env(const struct consignee *c)
{
    nng_socket sock;
    nng_push0_open(&sock);
    nng_dial(sock, getenv("LABEL_PRINTER_URL"), NULL, 0);
    nng_send(sock, (void *)c->street, strlen(c->street), 0); /* expect: unresolved customer.address */
    return nng_close(sock);
}

/* ---- a socket that listens on every interface: the peer is not known */
int serve_names(const struct consignee *c)
{
    nng_socket sock;
    nng_pub0_open(&sock);
    nng_listen(sock, "tcp://0.0.0.0:7000", NULL, 0);
    nng_send(sock, (void *)c->full_name, strlen(c->full_name), 0); /* expect: unresolved customer.identity */
    return nng_close(sock);
}

/* ---- one that listens on loopback only: its peers run on this host */
int serve_local(const struct consignee *c)
{
    nng_socket sock;
    nng_listener l;
    nng_pub0_open(&sock);
    nng_listener_create(&l, sock, "ipc:///run/labels.ipc");
    nng_listen(sock, "tcp://127.0.0.1:7001", NULL, 0);
    nng_send(sock, (void *)c->full_name, strlen(c->full_name), 0); /* expect: allowed customer.identity */
    return nng_close(sock);
}
