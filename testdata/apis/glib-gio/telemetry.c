/* Scanner telemetry on GSocket: datagrams sent with g_socket_send_to to an
 * address built from a string, and g_socket_send on a connected socket. Hosts
 * come from constants or from the depot's key file (config:GROUP.KEY). */
#include <gio/gio.h>
#include <string.h>

#include "common/records.h"

struct scan_event {
    const char *tracking_no;
    const char *signer_name;
    int station;
};

void send_scan_datagram(GSocket *udp, const struct scan_event *ev)
{
    GSocketAddress *collector = g_inet_socket_address_new_from_string("198.51.100.23", 5140);
    gchar *dgram = g_strdup_printf("SCAN %s %s", ev->tracking_no, ev->signer_name);
    g_socket_send_to(udp, collector, dgram, strlen(dgram), NULL, NULL); /* expect: violation shipment.tracking customer.identity -- an IP in no catalog entry */

    GInetAddress *ip = g_inet_address_new_from_string("192.168.40.7");
    GSocketAddress *local = g_inet_socket_address_new(ip, 5140);
    g_socket_send_to(udp, local, dgram, strlen(dgram), NULL, NULL); /* expect: allowed shipment.tracking customer.identity */

    gchar *beat = g_strdup_printf("STATION %d UP", ev->station);
    g_socket_send_to(udp, collector, beat, strlen(beat), NULL, NULL); /* expect-none */
    g_free(dgram);
    g_free(beat);
}

void send_pod_from_config(GKeyFile *cfg, const struct scan_event *ev)
{
    /* [pod] collector = ... : bound in .egress-audit.yaml to an EU host */
    gchar *host = g_key_file_get_string(cfg, "pod", "collector", NULL);
    gint port = g_key_file_get_integer(cfg, "pod", "port", NULL);
    GSocket *sock = g_socket_new(G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
    GSocketAddress *addr = g_inet_socket_address_new_from_string(host, port);
    g_socket_connect(sock, addr, NULL, NULL);
    g_socket_send(sock, ev->signer_name, strlen(ev->signer_name), NULL, NULL); /* expect: allowed customer.identity */
    g_free(host);
}

void send_customs_from_config(GSocketClient *client, GKeyFile *cfg, const struct waybill *w)
{
    /* [customs] gateway = ... : bound to a host in China */
    gchar *gw = g_key_file_get_value(cfg, "customs", "gateway", NULL);
    gint port = g_key_file_get_integer(cfg, "customs", "port", NULL);
    gchar *target = g_strdup_printf("%s:%d", gw, port);
    GSocketConnection *conn = g_socket_client_connect_to_host(client, target, 443, NULL, NULL);
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(conn));
    g_output_stream_write_all(out, w->tracking_no, strlen(w->tracking_no), NULL, NULL, NULL); /* expect: violation shipment.tracking */

    /* [customs] fallback = ... : not bound anywhere */
    gchar *fb = g_key_file_get_string(cfg, "customs", "fallback", NULL);
    GSocketConnection *conn2 = g_socket_client_connect_to_host(client, fb, 443, NULL, NULL);
    GOutputStream *out2 = g_io_stream_get_output_stream(G_IO_STREAM(conn2));
    g_output_stream_write_all(out2, w->tracking_no, strlen(w->tracking_no), NULL, NULL, NULL); /* expect: unresolved shipment.tracking */
    g_free(gw);
    g_free(target);
    g_free(fb);
}

void stream_pod_over_socket(GSocketClient *client, const struct scan_event *ev)
{
    GSocket *sock = g_socket_new(G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
    GInetAddress *ip = g_inet_address_new_from_string("10.20.0.5");
    GSocketAddress *addr = g_inet_socket_address_new(ip, 9000);
    g_socket_connect(sock, addr, NULL, NULL);
    GSocketConnection *conn = g_socket_connection_factory_create_connection(sock);
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(conn));
    g_output_stream_write_all(out, ev->signer_name, strlen(ev->signer_name), NULL, NULL, NULL); /* expect: allowed customer.identity */

    GSocketConnectable *hub = g_network_address_new("pod.hub.example.cn", 443);
    GSocketConnection *conn2 = g_socket_client_connect(client, hub, NULL, NULL);
    GOutputStream *out2 = g_io_stream_get_output_stream(G_IO_STREAM(conn2));
    g_output_stream_write_all(out2, ev->signer_name, strlen(ev->signer_name), NULL, NULL, NULL); /* expect: violation customer.identity */
}
