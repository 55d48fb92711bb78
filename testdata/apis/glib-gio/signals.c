/* A signal handler runs with the user data it was connected with: what it sends
 * from that context goes where the connecting code aimed the context. */
#include <gio/gio.h>
#include <string.h>
#include "common/records.h"

struct relay {
    GSocket *udp;
    GSocketAddress *hub;
    const struct waybill *current;
};

static void on_scanned(GObject *scanner, guint lane, gpointer user_data)
{
    struct relay *r = user_data;
    const char *tn = r->current->tracking_no;
    g_socket_send_to(r->udp, r->hub, tn, strlen(tn), NULL, NULL); /* expect: violation shipment.tracking */
}

/* The instance is not the context: a handler reading it reads nothing known. */
static void on_lane_idle(GObject *scanner, gpointer user_data)
{
    struct relay *r = user_data;
    g_socket_send_to(r->udp, r->hub, "IDLE", 4, NULL, NULL); /* expect-none */
}

void wire_scanner(GObject *scanner, struct relay *r, GSocket *udp, const struct waybill *w)
{
    r->udp = udp;
    r->hub = g_inet_socket_address_new_from_string("203.0.113.40", 5140);
    r->current = w;
    g_signal_connect(scanner, "scanned", G_CALLBACK(on_scanned), r);
    g_signal_connect(scanner, "idle", G_CALLBACK(on_lane_idle), r);
}

/* A line link connects on first use, to the host property it was created with; the
 * handler reaches it through the context. */
struct line_link {
    GObject parent;
    gchar *host;
    GSocketClient *client;
    GSocketConnection *conn;
};

static gboolean line_link_ensure(struct line_link *self)
{
    gchar *host = NULL;
    if (self->conn != NULL && g_socket_connection_is_connected(self->conn))
        return TRUE;
    g_object_get(self, "host", &host, NULL);
    self->conn = g_socket_client_connect_to_host(self->client, host, 7000, NULL, NULL);
    g_free(host);
    return self->conn != NULL;
}

static gboolean line_link_send(struct line_link *self, const char *line)
{
    if (!line_link_ensure(self))
        return FALSE;
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(self->conn));
    return g_output_stream_write_all(out, line, strlen(line), NULL, NULL, NULL); /* expect: allowed shipment.tracking -- the sorter at 10.40.0.5 */
}

struct sorter_service {
    struct line_link *sorter;
    const struct waybill *current;
};

static void on_graded(GObject *station, guint grade, gpointer user_data)
{
    struct sorter_service *svc = user_data;
    line_link_send(svc->sorter, svc->current->tracking_no);
}

struct sorter_service *sorter_service_new(GObject *station, const struct waybill *w)
{
    struct sorter_service *svc = g_new0(struct sorter_service, 1);
    svc->sorter = g_object_new(G_TYPE_OBJECT, "host", "10.40.0.5", NULL);
    svc->current = w;
    g_signal_connect(station, "graded", G_CALLBACK(on_graded), svc);
    return svc;
}
