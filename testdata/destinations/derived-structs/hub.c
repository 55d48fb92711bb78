/* The hub only sees the base: every exporter runs through its vtable. */
#include <stdio.h>

#include "exporter.h"

static struct exporter *exporters[8];
static size_t n_exporters;

static void add(struct exporter *e)
{
    if (e && n_exporters < sizeof exporters / sizeof exporters[0])
        exporters[n_exporters++] = e;
}

void hub_start(void)
{
    add(carrier_exporter_new());
    add(uplink_exporter_new());
    add(partner_exporter_new("sz"));
}

void hub_sorted(const struct waybill *w)
{
    for (size_t i = 0; i < n_exporters; ++i)
        exporters[i]->vtable->on_sorted(exporters[i], w);
}
