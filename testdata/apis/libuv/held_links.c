/* A link struct holds its libuv TCP handle by value; one function connects it, a
 * handler the event table runs later (with the link as its context) writes on it.
 * The handle's peer is what the program connected that field of that struct to. */
#include <stdio.h>
#include <string.h>
#include <uv.h>

struct locker_link {
    uv_tcp_t tcp;
    uv_connect_t connect_req;
    uv_write_t write_req;
    struct sockaddr_in addr;
};

struct handover {
    char tracking_no[24];
    char recipient_name[64];
};

struct event_table {
    void (*on_handover)(void *ctx, const struct handover *h);
    void *ctx;
};

int locker_link_open(uv_loop_t *loop, struct locker_link *l)
{
    uv_ip4_addr("10.40.1.2", 7100, &l->addr);
    uv_tcp_init(loop, &l->tcp);
    return uv_tcp_connect(&l->connect_req, &l->tcp, (const struct sockaddr *)&l->addr, NULL);
}

static void write_reservation(struct locker_link *l, const struct handover *h)
{
    static char line[128];
    int n = snprintf(line, sizeof line, "RESERVE %s %s\n", h->tracking_no, h->recipient_name);
    uv_buf_t buf = uv_buf_init(line, (unsigned)n);
    uv_write(&l->write_req, (uv_stream_t *)&l->tcp, &buf, 1, NULL); /* expect: allowed shipment.tracking customer.identity */
}

static void on_handover(void *ctx, const struct handover *h)
{
    write_reservation(ctx, h);
}

void wire_events(struct event_table *t, struct locker_link *l)
{
    t->on_handover = on_handover;
    t->ctx = l;
}
