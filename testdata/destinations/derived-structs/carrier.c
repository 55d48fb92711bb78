/* Exporters whose endpoints are set where they are built: each vtable method finds
 * its endpoint in its own derived struct. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exporter.h"

#define CARRIER_BASE "https://api.carrier.example.de/v2"

typedef struct {
    struct exporter parent;
    char *label_url;
    char account[32];
} CarrierExporter;

static void carrier_on_sorted(struct exporter *e, const struct waybill *w)
{
    CarrierExporter *self = (CarrierExporter *)e;
    char body[512];
    snprintf(body, sizeof body, "{\"account\":\"%s\",\"to\":\"%s\",\"street\":\"%s\"}", self->account,
             w->to.full_name, w->to.street);
    http_post(self->label_url, body); /* expect: allowed customer.identity customer.address */
    e->sent++;
}

static void carrier_destroy(struct exporter *e)
{
    CarrierExporter *self = (CarrierExporter *)e;
    free(self->label_url);
    free(self);
}

static const struct exporter_vtable carrier_vtable = {
    .name = "carrier", .on_sorted = carrier_on_sorted, .destroy = carrier_destroy};

struct exporter *carrier_exporter_new(void)
{
    CarrierExporter *self = calloc(1, sizeof *self);
    self->parent.vtable = &carrier_vtable;
    self->label_url = strdup(CARRIER_BASE "/labels");
    snprintf(self->account, sizeof self->account, "%s", "LEJ1-0001");
    return &self->parent;
}

/* Another derived struct with a field of the same name: its own stores only. */
typedef struct {
    struct exporter parent;
    char url[256];
} PartnerExporter;

static void partner_on_sorted(struct exporter *e, const struct waybill *w)
{
    PartnerExporter *self = (PartnerExporter *)e;
    http_post(self->url, w->tracking_no); /* expect: violation shipment.tracking */
}

static const struct exporter_vtable partner_vtable = {.name = "partner", .on_sorted = partner_on_sorted};

struct exporter *partner_exporter_new(const char *region)
{
    PartnerExporter *self = calloc(1, sizeof *self);
    self->parent.vtable = &partner_vtable;
    snprintf(self->url, sizeof self->url, "https://track.%s.partner.example.cn/push", region);
    return &self->parent;
}
