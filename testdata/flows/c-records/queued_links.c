/* A link's outbound queue lives in a base struct embedded in the channel: one helper
 * appends to it through `&c->base`, another drains it through the channel, reading
 * `c->base.out.head->data` three fields below its parameter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "common/dial.h"
#include "common/records.h"

struct frame {
    struct frame *next;
    size_t len;
    char data[256];
};

struct frame_queue {
    struct frame *head;
    struct frame *tail;
};

struct link_base {
    int fd;
    struct frame_queue out;
};

struct locker_channel {
    struct link_base base;
    const char *site;
};

static void link_enqueue(struct link_base *b, const char *text)
{
    struct frame *f = calloc(1, sizeof *f);
    if (f == NULL)
        return;
    snprintf(f->data, sizeof f->data, "%s", text);
    f->len = strlen(f->data);
    if (b->out.tail != NULL)
        b->out.tail->next = f;
    else
        b->out.head = f;
    b->out.tail = f;
}

static void channel_flush(struct locker_channel *c)
{
    struct frame *f;
    while ((f = c->base.out.head) != NULL) {
        send(c->base.fd, f->data, f->len, 0);  // gap expect: violation customer.contact shipment.tracking
        c->base.out.head = f->next;
        free(f);
    }
}

void locker_channel_open(struct locker_channel *c)
{
    c->base.fd = dial("lockers.parcel-grid.cn", "7001");
}

void report_pickup(struct locker_channel *c, const struct waybill *w)
{
    char line[160];
    snprintf(line, sizeof line, "%s;%s", w->tracking_no, w->to.phone);
    link_enqueue(&c->base, line);
    channel_flush(c);
}

/* Only the count of frames waiting goes out here. */
void report_backlog(struct locker_channel *c)
{
    char line[32];
    int n = 0;
    for (struct frame *f = c->base.out.head; f != NULL; f = f->next)
        n++;
    snprintf(line, sizeof line, "backlog=%d", n);
    send(c->base.fd, line, strlen(line), 0);
}
