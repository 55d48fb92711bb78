/* A carrier label client on libsoup 3: JSON bodies, custom headers, and the
 * session calls that send them to the message's URI. */
#include <libsoup/soup.h>
#include <string.h>

#include "common/records.h"

char *sha256_hex(const char *value);

static SoupSession *session(void)
{
    static SoupSession *s;
    if (!s)
        s = soup_session_new();
    return s;
}

void create_label(const struct waybill *w)
{
    SoupMessage *msg = soup_message_new("POST", "https://api.carrier.example.de/v2/labels");
    gchar *json = g_strdup_printf("{\"awb\":\"%s\",\"name\":\"%s\",\"zip\":\"%s\"}",
                                  w->tracking_no, w->to.full_name, w->to.postcode);
    GBytes *body = g_bytes_new_take(json, strlen(json));
    soup_message_set_request_body_from_bytes(msg, "application/json", body);
    soup_message_headers_append(soup_message_get_request_headers(msg), "X-Notify-Phone", w->to.phone);
    GBytes *reply = soup_session_send_and_read(session(), msg, NULL, NULL); /* expect: allowed shipment.tracking customer.identity customer.address customer.contact */
    g_bytes_unref(reply);
    g_bytes_unref(body);
    g_object_unref(msg);
}

void mirror_label(const struct waybill *w)
{
    SoupMessage *msg = soup_message_new("PUT", "https://labels.partner.example.cn/v1/mirror");
    SoupMessageHeaders *hdrs = soup_message_get_request_headers(msg);
    soup_message_headers_replace(hdrs, "X-Consignee", w->to.full_name);
    GInputStream *in = soup_session_send(session(), msg, NULL, NULL); /* expect: violation customer.identity */
    g_object_unref(in);

    SoupMessage *ping = soup_message_new("POST", "https://labels.partner.example.cn/v1/ping");
    GBytes *hello = g_bytes_new_static("{\"ok\":true}", 11);
    soup_message_set_request_body_from_bytes(ping, "application/json", hello);
    GInputStream *pong = soup_session_send(session(), ping, NULL, NULL); /* expect-none */
    g_object_unref(pong);
}

static void on_sent(GObject *source, GAsyncResult *res, gpointer user_data)
{
    GBytes *reply = soup_session_send_and_read_finish(SOUP_SESSION(source), res, NULL);
    if (reply)
        g_bytes_unref(reply);
}

void post_to_bare_host(const struct waybill *w)
{
    /* A URI with nothing after the host: the message is aimed there, whatever body
     * is put in it later. */
    SoupMessage *msg = soup_message_new("POST", "https://edi.partner.example.cn");
    GBytes *body = g_bytes_new(w->tracking_no, strlen(w->tracking_no));
    soup_message_set_request_body_from_bytes(msg, "text/plain", body);
    soup_session_send(session(), msg, NULL, NULL); /* expect: violation shipment.tracking */
}

void notify_hub(const struct waybill *w)
{
    /* the hub's URL is deployment configuration: unresolved unless bound */
    SoupMessage *msg = soup_message_new("POST", g_getenv("LABEL_HUB_URL"));
    gchar *text = g_strdup_printf("awb=%s&email=%s", w->tracking_no, w->to.email);
    GBytes *body = g_bytes_new_take(text, strlen(text));
    soup_message_set_request_body_from_bytes(msg, "application/x-www-form-urlencoded", body);
    soup_session_send_and_read_async(session(), msg, G_PRIORITY_DEFAULT, NULL, on_sent, NULL); /* expect: unresolved shipment.tracking customer.contact */

    SoupMessage *audit = soup_message_new("POST", "https://audit.depot.example.de/v1/hashes");
    gchar *digest = sha256_hex(w->to.email);
    GBytes *hashed = g_bytes_new_take(digest, strlen(digest));
    soup_message_set_request_body_from_bytes(audit, "text/plain", hashed);
    soup_session_send_async(session(), audit, G_PRIORITY_DEFAULT, NULL, NULL, NULL); /* expect-none */
}
