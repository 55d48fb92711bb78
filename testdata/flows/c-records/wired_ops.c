/* An operations table filled by an init function (a function pointer stored into
 * a field of the caller's struct) and called through it by a dispatcher the table
 * is handed to: the data goes where the stored function sends it. */
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

struct courier_note {
    char recipient_phone[16];
    int parcels;
};

struct uplink_ops {
    void (*push)(const char* data, size_t n);
    void (*count)(const char* data, size_t n);
};

static void push_abroad(const char* data, size_t n) {
    struct sockaddr_in to;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons(9000);
    inet_pton(AF_INET, "203.0.113.7", &to.sin_addr);
    sendto(fd, data, n, 0, (const struct sockaddr*)&to, sizeof to);
}

static void count_only(const char* data, size_t n) {
    (void)data;
    (void)n;
}

void uplink_init(struct uplink_ops* ops) {
    ops->push = push_abroad;
    ops->count = count_only;
}

static void dispatch(const struct uplink_ops* ops, const char* text) {
    ops->push(text, strlen(text));
}

static void tally(const struct uplink_ops* ops, const char* text) {
    ops->count(text, strlen(text));
}

void report_note(const struct courier_note* note) {
    struct uplink_ops ops;
    uplink_init(&ops);
    dispatch(&ops, note->recipient_phone); /* expect: violation customer.contact */
    tally(&ops, note->recipient_phone); /* expect-none */
}

/* The same table called through in the function that had it filled. */
void report_note_here(const struct courier_note* note) {
    struct uplink_ops ops;
    uplink_init(&ops);
    ops.push(note->recipient_phone, strlen(note->recipient_phone)); /* expect: violation customer.contact */
    ops.count(note->recipient_phone, strlen(note->recipient_phone)); /* expect-none */
}
