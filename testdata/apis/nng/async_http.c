/* NNG asynchronous sends (an aio carrying a message, on a socket or a context opened
 * on it) and the HTTP client: a request's body and headers go to the client's URL. */
#include <nng/nng.h>
#include <nng/protocol/reqrep0/req.h>
#include <nng/supplemental/http/http.h>
#include <stdio.h>
#include <string.h>

struct recipient {
    char full_name[64];
    char email[96];
    char postcode[12];
};

char *sha256_hex(const char *text);

int request_by_context(const struct recipient *r)
{
    nng_socket sock;
    nng_ctx ctx;
    nng_aio *aio;
    nng_msg *msg;
    nng_req0_open(&sock);
    nng_dial(sock, "tcp://192.168.10.4:5600", NULL, 0);
    nng_ctx_open(&ctx, sock);
    nng_aio_alloc(&aio, NULL, NULL);
    nng_msg_alloc(&msg, 0);
    nng_msg_append(msg, r->email, strlen(r->email));
    nng_aio_set_msg(aio, msg);
    nng_ctx_send(ctx, aio); /* expect: allowed customer.contact */
    nng_aio_wait(aio);
    nng_aio_free(aio);
    return nng_close(sock);
}

int notify_async(const struct recipient *r)
{
    nng_socket sock;
    nng_aio *aio;
    nng_msg *msg;
    nng_req0_open(&sock);
    nng_dial(sock, "tcp://notify.mailer-hub.example.cn:5601", NULL, 0);
    nng_aio_alloc(&aio, NULL, NULL);
    nng_msg_alloc(&msg, 0);
    nng_msg_append(msg, r->full_name, strlen(r->full_name));
    nng_aio_set_msg(aio, msg);
    nng_send_aio(sock, aio); /* expect: violation customer.identity */

    nng_msg *hashed;
    char *digest = sha256_hex(r->email);
    nng_msg_alloc(&hashed, 0);
    nng_msg_append(hashed, digest, strlen(digest));
    nng_aio_set_msg(aio, hashed);
    nng_send_aio(sock, aio); /* expect-none */
    nng_aio_free(aio);
    return nng_close(sock);
}

int post_recipient(const struct recipient *r)
{
    nng_url *url;
    nng_http_client *client;
    nng_http_req *req;
    nng_http_res *res;
    nng_aio *aio;
    char body[256];
    if (nng_url_parse(&url, "https://api.carrier.example.de/v2/recipients") != 0)
        return -1;
    nng_http_client_alloc(&client, url);
    nng_http_req_alloc(&req, url);
    nng_http_res_alloc(&res);
    nng_aio_alloc(&aio, NULL, NULL);
    nng_http_req_set_method(req, "POST");
    nng_http_req_set_header(req, "Content-Type", "application/json");
    int n = snprintf(body, sizeof body, "{\"name\":\"%s\",\"zip\":\"%s\"}", r->full_name, r->postcode);
    nng_http_req_copy_data(req, body, (size_t)n);
    nng_http_client_transact(client, req, res, aio); /* expect: allowed customer.identity customer.address */
    nng_aio_wait(aio);
    return 0;
}

int post_to_partner(const struct recipient *r)
{
    nng_url *url;
    nng_http_client *client;
    nng_http_req *req;
    nng_http_res *res;
    nng_aio *aio;
    nng_url_parse(&url, "https://track.partner-express.example.cn/hook");
    nng_http_client_alloc(&client, url);
    nng_http_req_alloc(&req, url);
    nng_http_res_alloc(&res);
    nng_aio_alloc(&aio, NULL, NULL);
    nng_http_req_add_header(req, "X-Recipient-Mail", r->email);
    nng_http_client_transact(client, req, res, aio); /* expect: violation customer.contact */

    nng_http_req *ping;
    nng_http_req_alloc(&ping, url);
    nng_http_req_set_data(ping, "{}", 2);
    nng_http_client_transact(client, ping, res, aio); /* expect-none */
    return 0;
}

/* On a connection the client opened: the request's own URL is the destination. */
void write_on_conn(nng_http_conn *conn, const struct recipient *r)
{
    nng_url *url;
    nng_http_req *req;
    nng_aio *aio;
    char path[160];
    nng_url_parse(&url, "http://lockers.depot.example.cn/");
    nng_http_req_alloc(&req, url);
    snprintf(path, sizeof path, "/lookup?zip=%s", r->postcode);
    nng_http_req_set_uri(req, path);
    nng_aio_alloc(&aio, NULL, NULL);
    nng_http_conn_write_req(conn, req, aio); /* expect: violation customer.address */
}
