/* Record types the JSON-GLib cases serialise, and the uplink they send on. */
#pragma once

#include <gio/gio.h>

struct consignee {
    const char *full_name;
    const char *phone;
    const char *email;
    const char *street;
    const char *postcode;
    const char *city;
};

struct waybill {
    const char *tracking_no;
    struct consignee to;
    int piece_count;
    int weight_g;
    double declared_value;
};

/* A connection's output stream (GIO, modelled in glib-gio.yaml). */
static inline GOutputStream *uplink(const char *host_and_port)
{
    GSocketClient *client = g_socket_client_new();
    GSocketConnection *conn = g_socket_client_connect_to_host(client, host_and_port, 443, NULL, NULL);
    return g_io_stream_get_output_stream(G_IO_STREAM(conn));
}
