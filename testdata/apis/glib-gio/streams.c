/* Stream stacks on GIO: a data stream over a buffered stream over a TLS
 * connection, a memory stream filled and then shipped, and scatter/gather sends
 * with g_socket_send_message. */
#include <gio/gio.h>
#include <string.h>

#include "common/records.h"

void stream_handover(GSocketClient *client, const struct consignee *c)
{
    GSocketConnection *conn = g_socket_client_connect_to_host(client, "handover.lastmile.example.cn:443", 443, NULL, NULL);
    GIOStream *tls = g_tls_client_connection_new(G_IO_STREAM(conn), NULL, NULL);
    GOutputStream *buffered = g_buffered_output_stream_new(g_io_stream_get_output_stream(tls));
    GDataOutputStream *data = g_data_output_stream_new(buffered);
    g_data_output_stream_put_string(data, c->full_name, NULL, NULL); /* expect: violation customer.identity */
    g_data_output_stream_put_string(data, "\n", NULL, NULL); /* expect-none */
}

void batch_in_memory(const struct waybill *w, GSocket *connected)
{
    /* A memory stream keeps what is written to it; the bytes leave when sent. */
    GMemoryOutputStream *mem = G_MEMORY_OUTPUT_STREAM(g_memory_output_stream_new_resizable());
    gchar *row = g_strdup_printf("%s;%s\n", w->tracking_no, w->to.email);
    g_output_stream_write_all((GOutputStream *)mem, row, strlen(row), NULL, NULL, NULL);
    g_output_stream_close((GOutputStream *)mem, NULL, NULL);
    GBytes *batch = g_memory_output_stream_steal_as_bytes(mem);
    gsize n = 0;
    gconstpointer bytes = g_bytes_get_data(batch, &n);
    g_socket_send(connected, bytes, n, NULL, NULL); /* expect: unresolved shipment.tracking customer.contact */
    g_bytes_unref(batch);
    g_free(row);
}

void gather_send(GSocket *udp, GSocket *connected, const struct waybill *w)
{
    GSocketAddress *sorter = g_inet_socket_address_new_from_string("10.8.1.20", 6000);
    gchar *head = g_strdup(w->tracking_no);
    gchar weight[32];
    g_snprintf(weight, sizeof weight, "%d", w->weight_g);
    GOutputVector parts[2] = {{head, strlen(head)}, {weight, strlen(weight)}};
    g_socket_send_message(udp, sorter, parts, 2, NULL, 0, 0, NULL, NULL); /* expect: allowed shipment.tracking */

    gchar label[128];
    g_snprintf(label, sizeof label, "%s %s", w->to.full_name, w->to.postcode);
    GOutputVector one = {label, strlen(label)};
    g_socket_send_message(connected, NULL, &one, 1, NULL, 0, 0, NULL, NULL); /* expect: unresolved customer.identity customer.address */
    g_free(head);
}
