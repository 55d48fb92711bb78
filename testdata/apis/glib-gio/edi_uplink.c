/* A depot's EDI uplink on GIO: records are formatted with GString /
 * g_strdup_printf / g_strconcat / g_strjoin and written on the output stream of
 * a GSocketConnection. The connection goes where connect_to_host / _uri was told. */
#include <gio/gio.h>
#include <string.h>

#include "common/records.h"

char *pseudonymize(const char *value);

static GOutputStream *open_uplink(GSocketClient *client, const char *host_and_port)
{
    GSocketConnection *conn = g_socket_client_connect_to_host(client, host_and_port, 7000, NULL, NULL);
    if (!conn)
        return NULL;
    return g_io_stream_get_output_stream(G_IO_STREAM(conn));
}

void push_consignee_gstring(GSocketClient *client, const struct consignee *c)
{
    GString *line = g_string_new("CNS|");
    g_string_append(line, c->full_name);
    g_string_append_c(line, '|');
    g_string_append_printf(line, "%s|%s\n", c->phone, c->email);
    gsize len = line->len;
    gchar *text = g_string_free(line, FALSE);

    GOutputStream *out = open_uplink(client, "edi.partner.example.cn:7000");
    g_output_stream_write_all(out, text, len, NULL, NULL, NULL); /* expect: violation customer.identity customer.contact */

    /* the buffer is reused for the heartbeat: printf replaces what it held */
    GString *buf = g_string_new(c->email);
    g_string_printf(buf, "HB|%d\n", 42);
    g_output_stream_write_all(out, buf->str, buf->len, NULL, NULL, NULL); /* expect-none */
    g_string_free(buf, TRUE);
    g_free(text);
}

void push_waybill_eu(GSocketClient *client, const struct waybill *w)
{
    GSocketConnection *conn =
        g_socket_client_connect_to_uri(client, "https://edi.carrier.example.de:8443/inbound", 443, NULL, NULL);
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(conn));
    gchar *msg = g_strdup_printf("AWB %s TO %s %s\n", w->tracking_no, w->to.postcode, w->to.city);
    g_output_stream_write(out, msg, strlen(msg), NULL, NULL); /* expect: allowed shipment.tracking customer.address */
    g_free(msg);
}

void push_to_configured_hub(GSocketClient *client, const struct waybill *w)
{
    /* host:port from the environment: unresolved unless a policy binds it */
    GOutputStream *out = open_uplink(client, g_getenv("DEPOT_EDI_HUB"));
    gchar *rec = g_strconcat("WB|", w->tracking_no, "|", w->to.street, "\n", NULL);
    g_output_stream_write_all(out, rec, strlen(rec), NULL, NULL, NULL); /* expect: unresolved shipment.tracking customer.address */

    /* the relay from a saved environment block: bound to an EU host */
    gchar **env = g_get_environ();
    GOutputStream *relay = open_uplink(client, g_environ_getenv(env, "DEPOT_EDI_RELAY"));
    g_output_stream_write_all(relay, rec, strlen(rec), NULL, NULL, NULL); /* expect: allowed shipment.tracking customer.address */
    g_strfreev(env);
    g_free(rec);
}

void push_seller_csv(GSocketClient *client, const struct seller *s)
{
    /* bound in .egress-audit.yaml to a host in China */
    GOutputStream *out = open_uplink(client, g_getenv("MARKETPLACE_SYNC_HOST"));
    gchar *row = g_strjoin(";", s->seller_id, s->legal_name, NULL);
    GBytes *payload = g_bytes_new(row, strlen(row));
    g_output_stream_write_bytes(out, payload, NULL, NULL); /* expect: violation seller.identity */
    gsize size = 0;
    const guint8 *raw = g_bytes_get_data(payload, &size);
    g_output_stream_write_all(out, raw, size, NULL, NULL, NULL); /* expect: violation seller.identity */

    gchar *key = pseudonymize(s->seller_id);
    GBytes *safe = g_bytes_new_take(g_strdup_printf("SELLER %s\n", key), strlen(key) + 8);
    g_output_stream_write_bytes(out, safe, NULL, NULL); /* expect-none */
    g_bytes_unref(payload);
    g_bytes_unref(safe);
    g_free(row);
}

void push_waybill_concat_uri(GSocketClient *client, const struct waybill *w)
{
    /* A URI joined with g_strconcat: the pieces up to the NULL that ends the list. */
    gchar *uri = g_strconcat("https://", "edi.carrier.example.de", "/inbound", NULL);
    GSocketConnection *conn = g_socket_client_connect_to_uri(client, uri, 443, NULL, NULL);
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(conn));
    g_output_stream_write_all(out, w->tracking_no, strlen(w->tracking_no), NULL, NULL, NULL); /* expect: allowed shipment.tracking */
    g_free(uri);
}
