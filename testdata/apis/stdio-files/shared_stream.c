/* One helper prints a row into whatever FILE* it is handed: a file opened for
 * export, or a memory stream over the caller's buffer, which is sent afterwards. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

struct consignee {
    char name[48];
    char phone[24];
};

static void print_row(FILE *out, const struct consignee *c)
{
    fprintf(out, "%s;%s\n", c->name, c->phone); /* expect: unresolved customer.identity customer.contact */
}

void export_consignee(const struct consignee *c)
{
    FILE *f = fopen("/var/spool/depot/consignees.csv", "a");
    print_row(f, c);
    fclose(f);
}

void send_consignee(int fd, const struct consignee *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    print_row(mem, c);
    fclose(mem);
    send(fd, buf, len, 0); /* expect: unresolved customer.contact */
    free(buf);
}

size_t consignee_size(const struct consignee *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    print_row(mem, c); /* expect-none */
    fclose(mem);
    free(buf);
    return len;
}
