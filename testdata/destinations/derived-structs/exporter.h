/* A C "class": exporters derive from struct exporter by embedding it first, keep
 * their own state (their endpoint) in the derived struct, and are run through a
 * table of function pointers by code that only sees the base. */
#pragma once

#include <stddef.h>

#include "common/records.h"

struct exporter;

struct exporter_vtable {
    const char *name;
    void (*on_sorted)(struct exporter *e, const struct waybill *w);
    void (*destroy)(struct exporter *e);
};

struct exporter {
    const struct exporter_vtable *vtable;
    unsigned sent;
};

struct exporter *carrier_exporter_new(void);
struct exporter *uplink_exporter_new(void);
struct exporter *partner_exporter_new(const char *region);
struct exporter *relay_exporter_new(const char *spool);

int http_post(const char *url, const char *body);
int line_send(const char *host, const char *line);
char *conf_get(const char *group, const char *key, const char *fallback);
