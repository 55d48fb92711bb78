/* A C wrapper whose result is only a digest sanitizes; one that copies the raw value
 * next to the digest does not. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

/* From a crypto library (no body here): matched by the bundled sanitizer rule. */
const char* sha256_hex(const char* data);

struct recipient {
    const char* email;
    const char* phone;
};

static const char* recipient_ref(const struct recipient* r) { return sha256_hex(r->email); }

static void recipient_line(char* out, size_t n, const struct recipient* r) {
    snprintf(out, n, "%s;%s", sha256_hex(r->email), r->phone);
}

void send_ref(int fd, const struct recipient* r) {
    const char* ref = recipient_ref(r);
    send(fd, ref, strlen(ref), 0); /* expect-none */
}

void send_line(int fd, const struct recipient* r) {
    char line[128];
    recipient_line(line, sizeof line, r);
    send(fd, line, strlen(line), 0); /* expect: unresolved customer.contact */
}
