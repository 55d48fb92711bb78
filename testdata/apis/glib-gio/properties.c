/* GObject properties read by name: what `g_object_get` puts into each variable is
 * data of the category a field of that property's name would be. The object is
 * opaque here, so its properties are the only evidence. */
#include <gio/gio.h>
#include <string.h>
#include "common/records.h"

void send_sorted_parcel(GSocket *udp, GObject *shipment)
{
    gchar *tracking = NULL;
    gchar *consignee = NULL;
    gint weight = 0;
    gboolean fragile = FALSE;
    g_object_get(shipment, "tracking-number", &tracking, "consignee-name", &consignee, "parcel-weight", &weight,
                 "fragile", &fragile, NULL);
    GSocketAddress *collector = g_inet_socket_address_new_from_string("198.51.100.23", 5140);
    gchar *line = g_strdup_printf("SORTED %s %s %d", tracking, consignee, weight);
    g_socket_send_to(udp, collector, line, strlen(line), NULL, NULL); /* expect: violation shipment.tracking customer.identity shipment.metrics */
    gchar *flag = g_strdup_printf("FRAGILE %d", fragile);
    g_socket_send_to(udp, collector, flag, strlen(flag), NULL, NULL); /* expect-none */
    g_free(line);
    g_free(flag);
    g_free(tracking);
    g_free(consignee);
}

/* A property set with g_object_new or g_object_set is read back with g_object_get
 * (or at the field of its name): the sorter link's host is where its lines go. */
static void send_line(GSocketClient *client, GObject *link, const char *line)
{
    gchar *host = NULL;
    g_object_get(link, "host", &host, NULL);
    GSocketConnection *conn = g_socket_client_connect_to_host(client, host, 7000, NULL, NULL);
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(conn));
    g_output_stream_write_all(out, line, strlen(line), NULL, NULL, NULL); /* expect: violation shipment.tracking */
    g_free(host);
}

void divert(GSocketClient *client, const struct waybill *w)
{
    GObject *sorter = g_object_new(G_TYPE_OBJECT, "host", "sorter.hub-partner.example.cn", NULL);
    send_line(client, sorter, w->tracking_no);
    GObject *local = g_object_new(G_TYPE_OBJECT, NULL);
    g_object_set(local, "host", "10.40.0.5", NULL);
    send_line(client, local, "PING");
}
