/* The same in C: lengths, comparisons, search results and scanned counts. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct recipient {
    char email[64];
    char phone[24];
};

void c_lengths(int fd, const struct recipient* r) {
    char line[32];
    int n = snprintf(line, sizeof line, "%zu", strlen(r->email));
    send(fd, line, (size_t)n, 0); /* expect-none */
    n = snprintf(line, sizeof line, "%d", strcmp(r->phone, "+49"));
    send(fd, line, (size_t)n, 0); /* expect-none */
    const char* at = strchr(r->email, '@');
    n = snprintf(line, sizeof line, "%d", at ? (int)(at - r->email) : -1);
    send(fd, line, (size_t)n, 0); /* expect-none */
    int fields = sscanf(r->phone, "+%d", &n);
    n = snprintf(line, sizeof line, "%d", fields);
    send(fd, line, (size_t)n, 0); /* expect-none */
    send(fd, r->phone, strlen(r->phone), 0); /* expect: unresolved customer.contact */
}
