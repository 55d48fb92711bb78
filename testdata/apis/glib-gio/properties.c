/* GObject properties read by name: what `g_object_get` puts into each variable is
 * data of the category a field of that property's name would be. The object is
 * opaque here, so its properties are the only evidence. */
#include <gio/gio.h>
#include <string.h>

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
