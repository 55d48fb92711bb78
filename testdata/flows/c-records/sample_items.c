/* A test declaration built only from constants, its goods lines an array of
 * records initialised in place, goes through the same sender as real ones: the
 * sample carries no data, the real declaration does. */
#include <stdio.h>
#include <sys/socket.h>

struct goods_line {
    char description[64];
    char hs_code[12];
};

struct declaration {
    char tracking_no[24];
    unsigned n_items;
    struct goods_line items[4];
};

static int post_declaration(int fd, const struct declaration *d)
{
    char body[512];
    int n = 0;
    for (unsigned i = 0; i < d->n_items; i++)
        n += snprintf(body + n, sizeof body - (size_t)n, "%s;%s\n", d->items[i].description, d->items[i].hs_code);
    return (int)send(fd, body, (size_t)n, 0);
}

int check_link(int fd)
{
    const struct declaration probe = {
        .tracking_no = "TEST0000000000",
        .n_items = 1,
        .items = {{.description = "connectivity test", .hs_code = "000000"}},
    };
    return post_declaration(fd, &probe); /* expect-none */
}

int declare(int fd, const struct declaration *d)
{
    return post_declaration(fd, d); /* expect: unresolved shipment.contents */
}
