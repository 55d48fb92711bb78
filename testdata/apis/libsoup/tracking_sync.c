/* Tracking synchronisation over libsoup 3: URIs parsed or built with GUri,
 * form and multipart bodies, a message re-aimed with soup_message_set_uri, a
 * body from a stream, and a WebSocket feed. */
#include <libsoup/soup.h>
#include <string.h>

#include "common/records.h"

void push_events(SoupSession *s, const struct waybill *w)
{
    GUri *uri = g_uri_build(G_URI_FLAGS_NONE, "https", NULL, "track.partner.example.cn", -1,
                            "/v1/events", NULL, NULL);
    SoupMessage *msg = soup_message_new_from_uri("POST", uri);
    gchar *line = g_strdup_printf("%s;%s", w->tracking_no, w->to.city);
    GBytes *bytes = g_bytes_new_take(line, strlen(line));
    GInputStream *body = g_memory_input_stream_new_from_bytes(bytes);
    soup_message_set_request_body(msg, "text/csv", body, -1);
    soup_session_send_and_read_async(s, msg, G_PRIORITY_DEFAULT, NULL, NULL, NULL); /* expect: violation shipment.tracking customer.address */
}

void push_from_config(SoupSession *s, GKeyFile *cfg, const struct waybill *w)
{
    /* [tracking] endpoint = ...: bound in .egress-audit.yaml to an EU URL */
    gchar *endpoint = g_key_file_get_string(cfg, "tracking", "endpoint", NULL);
    GUri *uri = g_uri_parse(endpoint, G_URI_FLAGS_NONE, NULL);
    SoupMessage *msg = soup_message_new_from_uri("POST", uri);
    soup_message_headers_append(soup_message_get_request_headers(msg), "X-Awb", w->tracking_no);
    GBytes *reply = soup_session_send_and_read(s, msg, NULL, NULL); /* expect: allowed shipment.tracking */
    g_bytes_unref(reply);
}

void push_pod_relative(SoupSession *s, const struct waybill *w)
{
    GUri *base = g_uri_parse("https://pod.carrier.example.de/api/", G_URI_FLAGS_NONE, NULL);
    GUri *endpoint = g_uri_parse_relative(base, "v1/pod", G_URI_FLAGS_NONE, NULL);
    SoupMessage *msg = soup_message_new_from_uri("POST", endpoint);
    soup_message_headers_append(soup_message_get_request_headers(msg), "X-Signer", w->to.full_name);
    soup_session_send_async(s, msg, G_PRIORITY_DEFAULT, NULL, NULL, NULL); /* expect: allowed customer.identity */
}

void submit_form(SoupSession *s, const struct waybill *w)
{
    char *form = soup_form_encode("awb", w->tracking_no, "phone", w->to.phone, NULL);
    SoupMessage *msg =
        soup_message_new_from_encoded_form("POST", "https://forms.carrier.example.de/v1/redirect", form);
    GBytes *reply = soup_session_send_and_read(s, msg, NULL, NULL); /* expect: allowed shipment.tracking customer.contact */
    g_bytes_unref(reply);

    GHashTable *fields = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(fields, "street", (gpointer)w->to.street);
    char *encoded = soup_form_encode_hash(fields);
    SoupMessage *cn = soup_message_new_from_encoded_form("POST", "https://forms.partner.example.cn/v1/addr", encoded);
    soup_session_send(s, cn, NULL, NULL); /* expect: violation customer.address */
}

void upload_pod(SoupSession *s, const struct waybill *w, GBytes *signature_png)
{
    SoupMultipart *mp = soup_multipart_new(SOUP_FORM_MIME_TYPE_MULTIPART);
    soup_multipart_append_form_string(mp, "awb", w->tracking_no);
    soup_multipart_append_form_file(mp, "signature", "pod.png", "image/png", signature_png);
    gchar *csv = g_strdup_printf("%s;%s\n", w->to.full_name, w->to.phone);
    soup_multipart_append_form_file(mp, "contact", "contact.csv", "text/csv", g_bytes_new_take(csv, strlen(csv)));
    SoupMessage *msg = soup_message_new_from_multipart("https://pod.partner.example.cn/v1/upload", mp);
    soup_session_send_async(s, msg, G_PRIORITY_DEFAULT, NULL, NULL, NULL); /* expect: violation shipment.tracking customer.contact */

    SoupMultipart *named = soup_multipart_new(SOUP_FORM_MIME_TYPE_MULTIPART);
    soup_multipart_append_form_string(named, "signer", w->to.full_name);
    SoupMessageHeaders *part = soup_message_headers_new(SOUP_MESSAGE_HEADERS_MULTIPART);
    soup_multipart_append_part(named, part, g_bytes_new(w->to.email, strlen(w->to.email)));
    SoupMessageHeaders *hdrs = soup_message_headers_new(SOUP_MESSAGE_HEADERS_MULTIPART);
    GBytes *body = NULL;
    soup_multipart_to_message(named, hdrs, &body);
    SoupMessage *put = soup_message_new("PUT", "https://pod.carrier.example.de/v1/signers");
    soup_message_set_request_body_from_bytes(put, "multipart/form-data", body);
    soup_session_send_async(s, put, G_PRIORITY_DEFAULT, NULL, NULL, NULL); /* expect: allowed customer.identity customer.contact */
}

void reroute(SoupSession *s, const struct waybill *w)
{
    SoupMessage *msg = soup_message_new("POST", "https://api.carrier.example.de/v1/reroute");
    /* re-aimed at the fallback before sending */
    soup_message_set_uri(msg, g_uri_parse("https://fallback.partner.example.cn/v1/reroute", G_URI_FLAGS_NONE, NULL));
    GBytes *body = g_bytes_new(w->to.street, strlen(w->to.street));
    soup_message_set_request_body_from_bytes(msg, "text/plain", body);
    soup_session_send(s, msg, NULL, NULL); /* expect: violation customer.address */
}

void stream_positions(SoupWebsocketConnection *feed, const struct waybill *w)
{
    /* the connection comes from soup_session_websocket_connect_finish: unknown here */
    gchar *frame = g_strdup_printf("{\"awb\":\"%s\"}", w->tracking_no);
    soup_websocket_connection_send_text(feed, frame); /* expect: unresolved shipment.tracking */
    soup_websocket_connection_send_text(feed, "{\"type\":\"keepalive\"}"); /* expect-none */
    soup_websocket_connection_send_binary(feed, w->to.phone, strlen(w->to.phone)); /* expect: unresolved customer.contact */
    g_free(frame);
}

void open_feed(SoupSession *s, const struct waybill *w, GAsyncReadyCallback done)
{
    SoupMessage *msg = soup_message_new("GET", "wss://feed.partner.example.cn/v1/positions");
    soup_message_headers_append(soup_message_get_request_headers(msg), "X-Awb", w->tracking_no);
    soup_session_websocket_connect_async(s, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, done, NULL); /* expect: violation shipment.tracking */
}
