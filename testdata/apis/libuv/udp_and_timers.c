/* libuv UDP and handles opened on existing sockets: a datagram goes to its address
 * argument, or to the connected peer when the address is NULL; a socket adopted with
 * uv_tcp_open / uv_udp_open keeps the peer connect() gave it. Timer and thread
 * callbacks run with the handle's data. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <uv.h>

struct scan_event {
    char tracking_no[24];
    char street[64];
    char city[32];
    int piece_count;
};

char *sha256_hex(const char *text);

void announce_scan(uv_loop_t *loop, const struct scan_event *ev)
{
    uv_udp_t udp;
    uv_udp_send_t sreq;
    struct sockaddr_in collector;
    uv_udp_init(loop, &udp);
    uv_ip4_addr("192.168.30.2", 5140, &collector);
    uv_buf_t buf = uv_buf_init((char *)ev->tracking_no, (unsigned)strlen(ev->tracking_no));
    uv_udp_send(&sreq, &udp, &buf, 1, (const struct sockaddr *)&collector, NULL); /* expect: allowed shipment.tracking */
    char count[16];
    int n = snprintf(count, sizeof count, "%d", ev->piece_count > 0);
    uv_buf_t tick = uv_buf_init(count, (unsigned)n);
    uv_udp_try_send(&udp, &tick, 1, (const struct sockaddr *)&collector); /* expect-none */
    uv_buf_t street = uv_buf_init((char *)ev->street, (unsigned)strlen(ev->street));
    uv_udp_try_send(&udp, &street, 1, (const struct sockaddr *)&collector); /* expect: allowed customer.address */
}

void mirror_scan(uv_loop_t *loop, const struct scan_event *ev)
{
    uv_udp_t udp;
    uv_udp_send_t sreq;
    struct sockaddr_in peer;
    uv_udp_init(loop, &udp);
    uv_ip4_addr("198.51.100.7", 5140, &peer);
    uv_udp_connect(&udp, (const struct sockaddr *)&peer);
    uv_buf_t buf = uv_buf_init((char *)ev->city, (unsigned)strlen(ev->city));
    uv_udp_send(&sreq, &udp, &buf, 1, NULL, NULL); /* expect: violation customer.address */
    char *digest = sha256_hex(ev->street);
    uv_buf_t hashed = uv_buf_init(digest, (unsigned)strlen(digest));
    uv_udp_try_send(&udp, &hashed, 1, NULL); /* expect-none */
    uv_udp_try_send(&udp, &buf, 1, NULL); /* expect: violation customer.address */
}

/* ---- sockets connected with the socket API, then handed to libuv */
static int dial(const char *ip, int type)
{
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(6000);
    inet_pton(AF_INET, ip, &sa.sin_addr);
    int fd = socket(AF_INET, type, 0);
    connect(fd, (struct sockaddr *)&sa, sizeof sa);
    return fd;
}

void adopt_sockets(uv_loop_t *loop, const struct scan_event *ev)
{
    uv_tcp_t tcp;
    uv_tcp_init(loop, &tcp);
    uv_tcp_open(&tcp, dial("10.9.0.4", SOCK_STREAM));
    uv_buf_t buf = uv_buf_init((char *)ev->tracking_no, (unsigned)strlen(ev->tracking_no));
    uv_try_write((uv_stream_t *)&tcp, &buf, 1); /* expect: allowed shipment.tracking */

    uv_udp_t udp;
    uv_udp_init(loop, &udp);
    uv_udp_open(&udp, dial("198.51.100.9", SOCK_DGRAM));
    uv_buf_t street = uv_buf_init((char *)ev->street, (unsigned)strlen(ev->street));
    uv_udp_try_send(&udp, &street, 1, NULL); /* expect: violation customer.address */
}

/* ---- timers and threads run their callback with the handle or argument they are
 * given: a beacon embeds its timer first, so the callback gets the beacon back.
 * (Started as `&b->timer`, the callback's cast back to the beacon is not followed.) */
struct beacon {
    uv_timer_t timer;
    uv_udp_t udp;
    const struct scan_event *ev;
};

static void on_beacon(uv_timer_t *timer)
{
    struct beacon *b = (struct beacon *)timer;
    uv_buf_t buf = uv_buf_init((char *)b->ev->city, (unsigned)strlen(b->ev->city));
    uv_udp_try_send(&b->udp, &buf, 1, NULL); /* expect: allowed customer.address */
}

static void uploader(void *arg)
{
    struct beacon *b = arg;
    uv_buf_t buf = uv_buf_init((char *)b->ev->tracking_no, (unsigned)strlen(b->ev->tracking_no));
    uv_udp_try_send(&b->udp, &buf, 1, NULL); /* expect: violation shipment.tracking */
}

void start_beacon(uv_loop_t *loop, struct beacon *b, const struct scan_event *ev)
{
    struct sockaddr_in hub;
    uv_udp_init(loop, &b->udp);
    uv_ip4_addr("10.0.7.1", 5141, &hub);
    uv_udp_connect(&b->udp, (const struct sockaddr *)&hub);
    b->ev = ev;
    uv_timer_init(loop, &b->timer);
    uv_timer_start((uv_timer_t *)b, on_beacon, 1000, 1000);
}

void start_uploader(uv_loop_t *loop, uv_thread_t *worker, struct beacon *b, const struct scan_event *ev)
{
    struct sockaddr_in relay;
    uv_udp_init(loop, &b->udp);
    uv_ip4_addr("198.51.100.12", 5142, &relay);
    uv_udp_connect(&b->udp, (const struct sockaddr *)&relay);
    b->ev = ev;
    uv_thread_create(worker, uploader, b);
}

/* ---- a line kept as the timer's data: the callback reads it back */
static uv_udp_t g_status;
static char g_line[96];

static void on_status(uv_timer_t *timer)
{
    const char *line = uv_handle_get_data((const uv_handle_t *)timer);
    uv_buf_t buf = uv_buf_init((char *)line, (unsigned)strlen(line));
    uv_udp_try_send(&g_status, &buf, 1, NULL); /* expect: allowed customer.address */
}

void start_status(uv_loop_t *loop, uv_timer_t *timer, const struct scan_event *ev)
{
    struct sockaddr_in hub;
    uv_udp_init(loop, &g_status);
    uv_ip4_addr("10.0.7.2", 5143, &hub);
    uv_udp_connect(&g_status, (const struct sockaddr *)&hub);
    snprintf(g_line, sizeof g_line, "last=%s", ev->street);
    uv_timer_init(loop, timer);
    uv_handle_set_data((uv_handle_t *)timer, g_line);
    uv_timer_start(timer, on_status, 5000, 5000);
}
