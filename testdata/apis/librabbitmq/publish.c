/* rabbitmq-c: a message's body and routing key go to the broker the connection's
 * socket was opened on; the socket is made for (and stands for) the connection. */
#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <stdio.h>
#include <string.h>

struct consignee {
    char name[64];
    char email[64];
    unsigned parcels;
};

struct broker {
    amqp_connection_state_t conn;
    char exchange[32];
};

static int broker_open(struct broker *b, const char *host)
{
    b->conn = amqp_new_connection();
    amqp_socket_t *sock = amqp_tcp_socket_new(b->conn);
    if (!sock || amqp_socket_open(sock, host, 5672) != AMQP_STATUS_OK)
        return -1;
    amqp_login(b->conn, "/", 0, 131072, 30, AMQP_SASL_METHOD_PLAIN, "guest", "guest");
    amqp_channel_open(b->conn, 1);
    strcpy(b->exchange, "handover");
    return 0;
}

static int broker_send(struct broker *b, const char *text)
{
    amqp_bytes_t body = amqp_cstring_bytes(text);
    amqp_bytes_t key = amqp_cstring_bytes("eu.inbound");
    return amqp_basic_publish(b->conn, 1, amqp_cstring_bytes(b->exchange), key, 0, 0, NULL, body); /* expect: violation customer.identity customer.contact */
}

void announce_handover(const struct consignee *c)
{
    struct broker b;
    char json[256];
    if (broker_open(&b, "mq.xdock-partner.example.cn") < 0)
        return;
    snprintf(json, sizeof json, "{\"name\":\"%s\",\"email\":\"%s\"}", c->name, c->email);
    broker_send(&b, json);
}

void publish_count(const struct consignee *c)
{
    amqp_connection_state_t conn = amqp_new_connection();
    amqp_socket_t *sock = amqp_tcp_socket_new(conn);
    amqp_socket_open(sock, "10.20.0.40", 5672);
    char text[32];
    snprintf(text, sizeof text, "%u", c->parcels);
    amqp_bytes_t body = {strlen(text), text};
    amqp_basic_publish(conn, 1, amqp_cstring_bytes("stats"), amqp_cstring_bytes("parcels"), 0, 0, NULL,
                       body); /* expect-none */
}
