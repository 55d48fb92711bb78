/* GLib containers hold what is put into them: rows queued by one function are
 * sent by another that reads them back (a batch flushed by a timer). */
#include <gio/gio.h>
#include <string.h>
#include "common/records.h"

struct batch {
    GPtrArray *rows;
    GQueue *pending;
    GList *labels;
    GSocket *udp;
    GSocketAddress *collector;
};

void batch_init(struct batch *b, GSocket *udp)
{
    b->rows = g_ptr_array_new_with_free_func(g_free);
    b->pending = g_queue_new();
    b->labels = NULL;
    b->udp = udp;
    b->collector = g_inet_socket_address_new_from_string("203.0.113.40", 5140);
}

/* A pointer array: g_ptr_array_index reads the element array the add filled. */
static gboolean flush_rows(gpointer user_data)
{
    struct batch *b = user_data;
    for (guint i = 0; i < b->rows->len; i++)
    {
        const gchar *row = g_ptr_array_index(b->rows, i);
        g_socket_send_to(b->udp, b->collector, row, strlen(row), NULL, NULL); /* expect: violation shipment.tracking */
    }
    g_ptr_array_set_size(b->rows, 0);
    return G_SOURCE_CONTINUE;
}

/* A queue: what is popped is what was pushed. */
static void drain_pending(struct batch *b)
{
    gchar *line;
    while ((line = g_queue_pop_head(b->pending)) != NULL) {
        g_socket_send_to(b->udp, b->collector, line, strlen(line), NULL, NULL); /* expect: violation shipment.tracking */
        g_free(line);
    }
}

/* A list: the list returned by append holds the new element. */
static void send_labels(struct batch *b)
{
    for (GList *l = b->labels; l != NULL; l = l->next)
        g_socket_send_to(b->udp, b->collector, l->data, strlen(l->data), NULL, NULL); /* expect: violation shipment.tracking */
}

void queue_waybill(struct batch *b, const struct waybill *w)
{
    g_ptr_array_add(b->rows, g_strdup(w->tracking_no));
    g_queue_push_tail(b->pending, g_strdup_printf("TRK %s", w->tracking_no));
    b->labels = g_list_append(b->labels, g_strdup(w->tracking_no));
}

void start(struct batch *b, const struct waybill *w)
{
    queue_waybill(b, w);
    drain_pending(b);
    send_labels(b);
    g_timeout_add_seconds(30, flush_rows, b);
}
