/* A reply record built by a function and returned by value: the text greets the
 * recipient, the status code and the depot code are not about anyone. A record
 * filled through a pointer by a function: the same, field by field. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct recipient {
    char name[32];
    char phone[16];
};

struct reply {
    char text[64];
    int code;
    char depot[8];
};

struct reply build_reply(const struct recipient* r) {
    struct reply out;
    snprintf(out.text, sizeof out.text, "Hello %s", r->name);
    out.code = 200;
    strcpy(out.depot, "HAM1");
    return out;
}

void fill_reply(struct reply* out, const struct recipient* r) {
    snprintf(out->text, sizeof out->text, "Call %s", r->phone);
    out->code = 202;
    strcpy(out->depot, "BER2");
}

void send_reply_text(int fd, const struct recipient* r) {
    struct reply rep = build_reply(r);
    send(fd, rep.text, strlen(rep.text), 0); /* expect: unresolved customer.identity */
}

void send_reply_code(int fd, const struct recipient* r) {
    struct reply rep = build_reply(r);
    send(fd, &rep.code, sizeof rep.code, 0); /* expect-none */
}

void send_reply_depot(int fd, const struct recipient* r) {
    struct reply rep = build_reply(r);
    send(fd, rep.depot, strlen(rep.depot), 0); /* expect-none */
}

void send_filled_text(int fd, const struct recipient* r) {
    struct reply rep;
    fill_reply(&rep, r);
    send(fd, rep.text, strlen(rep.text), 0); /* expect: unresolved customer.contact */
}

void send_filled_depot(int fd, const struct recipient* r) {
    struct reply rep;
    memset(&rep, 0, sizeof rep);
    fill_reply(&rep, r);
    send(fd, rep.depot, strlen(rep.depot), 0); /* expect-none */
}
