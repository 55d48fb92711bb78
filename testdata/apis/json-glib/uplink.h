/* The uplink the JSON-GLib cases send on: a connection's output stream (GIO,
 * modelled in glib-gio.yaml). */
#pragma once

#include <gio/gio.h>

static inline GOutputStream *uplink(const char *host_and_port)
{
    GSocketClient *client = g_socket_client_new();
    GSocketConnection *conn = g_socket_client_connect_to_host(client, host_and_port, 443, NULL, NULL);
    return g_io_stream_get_output_stream(G_IO_STREAM(conn));
}
