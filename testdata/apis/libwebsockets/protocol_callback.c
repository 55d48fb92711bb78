/* libwebsockets client in the usual shape: a protocol callback writes when the
 * library reports the connection writeable. The callback's `wsi` is the library's
 * argument: nothing links it to the lws_client_connect_via_info call, so the
 * destination is only known where the program writes through the connection it
 * kept itself. */
#include <libwebsockets.h>
#include <stdio.h>
#include <string.h>

struct consignee {
    char full_name[64];
    char phone[32];
    char street[96];
};

struct seller {
    char seller_id[16];
    char api_key[64];
};

struct per_session {
    char payload[LWS_PRE + 256];
    size_t len;
};

static struct consignee g_next;   /* the record to announce next */
static struct seller g_account;   /* the seller this client logs in as */
static struct lws *g_client_wsi;  /* the connection main() made */
static struct lws *g_pwsi_client; /* the same, written by lws through i.pwsi */
static char g_queue[LWS_PRE + 256]; /* the next message, queued by announce() */
static size_t g_queue_len;

/* Called by the application: queue a message and ask for a writeable callback. */
void announce(const struct consignee *c)
{
    g_queue_len = (size_t)snprintf(g_queue + LWS_PRE, 256, "{\"phone\":\"%s\"}", c->phone);
    lws_callback_on_writable(g_client_wsi);
}

static int feed_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    struct per_session *pss = (struct per_session *)user;
    switch (reason) {
    case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER: {
        unsigned char **p = (unsigned char **)in, *end = (*p) + len;
        char auth[128];
        if (lws_http_basic_auth_gen(g_account.seller_id, g_account.api_key, auth, sizeof auth))
            return -1;
        int n = (int)strlen(auth);
        if (lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_AUTHORIZATION, (unsigned char *)auth, n, p, end)) /* expect: unresolved seller.identity -- `wsi` is the callback's parameter */
            return -1;
        const unsigned char *client = (const unsigned char *)"depot-7";
        if (lws_add_http_header_by_name(wsi, (const unsigned char *)"x-client:", client, 7, p, end)) /* expect-none */
            return -1;
        break;
    }
    case LWS_CALLBACK_CLIENT_ESTABLISHED:
        pss->len = (size_t)snprintf(pss->payload + LWS_PRE, 256, "{\"street\":\"%s\"}", g_next.street);
        lws_callback_on_writable(wsi);
        break;
    case LWS_CALLBACK_CLIENT_WRITEABLE: {
        /* the connection the program kept: its destination is known */
        unsigned char buf[LWS_PRE + 128];
        int n = snprintf((char *)buf + LWS_PRE, 128, "{\"name\":\"%s\"}", g_next.full_name);
        lws_write(g_client_wsi, buf + LWS_PRE, (size_t)n, LWS_WRITE_TEXT); /* expect: violation customer.identity */
        /* the library's argument: the same connection, not known to be */
        n = snprintf((char *)buf + LWS_PRE, 128, "{\"phone\":\"%s\"}", g_next.phone);
        lws_write(wsi, buf + LWS_PRE, (size_t)n, LWS_WRITE_TEXT); /* gap expect: violation customer.contact -- the callback's wsi is not linked to the connection made in main */
        /* the per-session payload filled on ESTABLISHED, an earlier run of the callback */
        lws_write(wsi, (unsigned char *)pss->payload + LWS_PRE, pss->len, LWS_WRITE_TEXT); /* gap expect: violation customer.address -- per-session memory kept between runs */
        /* the global queue, filled outside the callback */
        lws_write(g_client_wsi, (unsigned char *)g_queue + LWS_PRE, g_queue_len, LWS_WRITE_TEXT); /* expect: violation customer.contact -- a file-static global filled by another entry */
        /* the connection lws stored through i.pwsi */
        lws_write(g_pwsi_client, buf + LWS_PRE, (size_t)n, LWS_WRITE_TEXT); /* gap expect: violation customer.contact -- written through a field of the connect info */
        lws_write(wsi, (unsigned char *)"ping", 4, LWS_WRITE_TEXT); /* expect-none */
        break;
    }
    default:
        break;
    }
    return 0;
}

static const struct lws_protocols protocols[] = {
    {"scan-feed", feed_callback, sizeof(struct per_session), 0, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

int main(void)
{
    struct lws_context_creation_info info;
    memset(&info, 0, sizeof info);
    info.port = CONTEXT_PORT_NO_LISTEN;
    info.protocols = protocols;
    info.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
    struct lws_context *ctx = lws_create_context(&info);
    if (!ctx)
        return 1;

    struct lws_client_connect_info i;
    memset(&i, 0, sizeof i);
    i.context = ctx;
    i.address = "feed.parcel-events.example.cn";
    i.port = 443;
    i.path = "/feed";
    i.host = i.address;
    i.origin = i.address;
    i.protocol = protocols[0].name;
    i.ssl_connection = LCCSCF_USE_SSL;
    i.pwsi = &g_pwsi_client;
    g_client_wsi = lws_client_connect_via_info(&i);

    while (lws_service(ctx, 0) >= 0)
        ;
    lws_context_destroy(ctx);
    return 0;
}
