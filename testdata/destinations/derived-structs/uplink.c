/* Endpoints from the environment and the configuration file, read by helpers the
 * vtable method hands its object to. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exporter.h"

typedef struct {
    struct exporter parent;
    char *ingest_url;
    char *sms_gateway;
    char *audit_url;
} UplinkExporter;

static void push_ingest(UplinkExporter *self, const struct waybill *w)
{
    char *body = g_strdup_printf("{\"waybill\":\"%s\",\"phone\":\"%s\"}", w->tracking_no, w->to.phone);
    http_post(self->ingest_url, body); /* expect: violation shipment.tracking customer.contact */
    g_free(body);
}

static void notify_recipient(UplinkExporter *self, const struct waybill *w)
{
    char line[256];
    snprintf(line, sizeof line, "SUBMIT to=%s\n", w->to.phone);
    line_send(self->sms_gateway, line); /* expect: violation customer.contact */
}

static void uplink_on_sorted(struct exporter *e, const struct waybill *w)
{
    UplinkExporter *self = (UplinkExporter *)e;
    push_ingest(self, w);
    notify_recipient(self, w);
    /* Set from the environment in one place and from a file read in another:
     * which one holds is not known. */
    http_post(self->audit_url, w->to.email); /* expect: unresolved customer.contact */
}

static void uplink_reload(UplinkExporter *self, FILE *f)
{
    char buf[256];
    if (fgets(buf, sizeof buf, f))
        self->audit_url = strdup(buf);
}

static const struct exporter_vtable uplink_vtable = {.name = "uplink", .on_sorted = uplink_on_sorted};

struct exporter *uplink_exporter_new(void)
{
    UplinkExporter *self = g_new0(UplinkExporter, 1);
    self->parent.vtable = &uplink_vtable;
    const char *host = getenv("SORTER_UPLINK_HOST");
    self->ingest_url = g_strdup_printf("https://%s/api/ingest", host ? host : "localhost");
    self->sms_gateway = conf_get("notify", "sms_gateway", NULL);
    self->audit_url = g_strdup(getenv("SORTER_AUDIT_URL"));
    FILE *f = fopen("/etc/sorter/audit.url", "r");
    if (f) {
        uplink_reload(self, f);
        fclose(f);
    }
    return &self->parent;
}
