/* A relay reading scans from a hand-held over GIO and forwarding them: the bytes
 * read into a record's fields are what the fields' names say. */
#include <gio/gio.h>
#include <string.h>

struct relay_rec {
    char waybill[24];
    char recipient_name[48];
    char station[8];
};

gchar *pseudonymize(const gchar *value);

static GSocketConnection *uplink(void)
{
    GSocketClient *client = g_socket_client_new();
    return g_socket_client_connect_to_host(client, "relay.hub.example.cn", 7000, NULL, NULL);
}

void relay_from_stream(GInputStream *in)
{
    struct relay_rec r;
    memset(&r, 0, sizeof r);
    if (g_input_stream_read(in, r.waybill, sizeof r.waybill - 1, NULL, NULL) <= 0)
        return;
    strcpy(r.station, "D04");
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(uplink()));
    g_output_stream_write_all(out, r.waybill, strlen(r.waybill), NULL, NULL, NULL); /* expect: violation shipment.tracking */
    g_output_stream_write_all(out, r.station, strlen(r.station), NULL, NULL, NULL); /* expect-none */
}

void relay_from_socket(GSocket *sock)
{
    gchar buf[64];
    struct relay_rec r;
    memset(&r, 0, sizeof r);
    if (g_socket_receive(sock, buf, sizeof buf, NULL, NULL) <= 4)
        return;
    g_strlcpy(r.recipient_name, buf + 4, sizeof r.recipient_name);
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(uplink()));
    g_output_stream_write_all(out, &r, sizeof r, NULL, NULL, NULL); /* expect: violation customer.identity */
}

void relay_line(GDataInputStream *in)
{
    struct relay_rec r;
    memset(&r, 0, sizeof r);
    gchar *line = g_data_input_stream_read_line(in, NULL, NULL, NULL);
    if (!line)
        return;
    g_strlcpy(r.recipient_name, pseudonymize(line), sizeof r.recipient_name);
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(uplink()));
    g_output_stream_write_all(out, r.recipient_name, strlen(r.recipient_name), NULL, NULL, NULL); /* expect-none */
    g_strlcpy(r.waybill, line, sizeof r.waybill);
    g_output_stream_write_all(out, r.waybill, strlen(r.waybill), NULL, NULL, NULL); /* expect: violation shipment.tracking */
    g_free(line);
}
