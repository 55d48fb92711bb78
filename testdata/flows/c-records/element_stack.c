/* A config reader keeps the open elements as a stack in its document: a
 * recursive walk pushes each element, recurses into its children and pops it,
 * and the pop sends the closed element's consignee to a collector. The stack
 * top is left as `d->last = d->last->parent`, a value the recursive walk's
 * summary names one level deeper each round: it must still settle, and the
 * flow must not be lost. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

struct element {
    struct element *parent;
    struct element *child;
    const char *consignee_name;
};
struct document {
    struct element *last;
    int fd;
};
struct node {
    struct node *child;
    struct node *next;
};

static struct document g_doc;

static void push_element(struct document *d, struct element *e)
{
    e->parent = d->last;
    if (d->last)
        d->last->child = e;
    d->last = e;
}

static void pop_element(struct document *d)
{
    struct element *closed = d->last;
    d->last = d->last->parent;
    if (d->last)
        d->last->child = NULL;
    send(d->fd, closed->consignee_name, strlen(closed->consignee_name), 0);  // expect: violation customer.identity
}

static void walk(struct document *d, const struct node *n, struct element *e)
{
    push_element(d, e);
    if (n->child)
        walk(d, n->child, e->child);
    pop_element(d);
    if (n->next)
        walk(d, n->next, e);
}

void load_config(const struct node *root, struct element *first)
{
    struct sockaddr_in collector;
    memset(&collector, 0, sizeof collector);
    collector.sin_family = AF_INET;
    collector.sin_port = htons(7100);
    inet_pton(AF_INET, "203.0.113.40", &collector.sin_addr);
    g_doc.fd = socket(AF_INET, SOCK_STREAM, 0);
    connect(g_doc.fd, (struct sockaddr *)&collector, sizeof collector);
    g_doc.last = NULL;
    walk(&g_doc, root, first);
}
