/* A GObject whose properties are set from a waybill, serialised with
 * json_gobject_to_data / json_gobject_serialize. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "common/records.h"
#include "uplink.h"

#define DEPOT_TYPE_RECIPIENT (depot_recipient_get_type())
G_DECLARE_FINAL_TYPE(DepotRecipient, depot_recipient, DEPOT, RECIPIENT, GObject)

struct _DepotRecipient {
    GObject parent_instance;
    gchar *display;
    gchar *handset;
    gint parcels;
};

enum { PROP_0, PROP_DISPLAY, PROP_HANDSET, PROP_PARCELS, N_PROPS };

G_DEFINE_TYPE(DepotRecipient, depot_recipient, G_TYPE_OBJECT)

static void depot_recipient_set_property(GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
    DepotRecipient *self = DEPOT_RECIPIENT(object);
    switch (id) {
    case PROP_DISPLAY: g_free(self->display); self->display = g_value_dup_string(value); break;
    case PROP_HANDSET: g_free(self->handset); self->handset = g_value_dup_string(value); break;
    case PROP_PARCELS: self->parcels = g_value_get_int(value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec);
    }
}

static void depot_recipient_get_property(GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
    DepotRecipient *self = DEPOT_RECIPIENT(object);
    switch (id) {
    case PROP_DISPLAY: g_value_set_string(value, self->display); break;
    case PROP_HANDSET: g_value_set_string(value, self->handset); break;
    case PROP_PARCELS: g_value_set_int(value, self->parcels); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec);
    }
}

static void depot_recipient_class_init(DepotRecipientClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    oc->set_property = depot_recipient_set_property;
    oc->get_property = depot_recipient_get_property;
    g_object_class_install_property(oc, PROP_DISPLAY, g_param_spec_string("display", NULL, NULL, NULL, G_PARAM_READWRITE));
    g_object_class_install_property(oc, PROP_HANDSET, g_param_spec_string("handset", NULL, NULL, NULL, G_PARAM_READWRITE));
    g_object_class_install_property(oc, PROP_PARCELS, g_param_spec_int("parcels", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READWRITE));
}

static void depot_recipient_init(DepotRecipient *self) {}

void export_recipient(const struct waybill *w)
{
    DepotRecipient *r = g_object_new(DEPOT_TYPE_RECIPIENT, "display", w->to.full_name, NULL);
    g_object_set(r, "handset", w->to.phone, "parcels", w->piece_count, NULL);
    gsize len = 0;
    gchar *text = json_gobject_to_data(G_OBJECT(r), &len);
    g_file_set_contents("/var/spool/depot/recipient.json", text, len, NULL); /* expect: unresolved customer.identity customer.contact */

    DepotRecipient *count = g_object_new(DEPOT_TYPE_RECIPIENT, "parcels", 2, NULL);
    gchar *summary = json_gobject_to_data(G_OBJECT(count), &len);
    GOutputStream *cn = uplink("stats.partner.example.cn:443");
    g_output_stream_write_all(cn, summary, len, NULL, NULL, NULL); /* expect-none */
    g_free(summary);
    g_free(text);
    g_object_unref(r);
    g_object_unref(count);
}

void push_recipient_node(const struct waybill *w)
{
    DepotRecipient *r = g_object_new(DEPOT_TYPE_RECIPIENT, NULL);
    g_object_set(r, "handset", w->to.phone, NULL);
    JsonNode *node = json_gobject_serialize(G_OBJECT(r));
    JsonGenerator *gen = json_generator_new();
    json_generator_set_root(gen, node);
    gchar *text = json_generator_to_data(gen, NULL);
    GOutputStream *cn = uplink("crm.partner.example.cn:443");
    g_output_stream_write_all(cn, text, strlen(text), NULL, NULL, NULL); /* expect: violation customer.contact */
    g_free(text);

    gchar *handset = NULL;
    g_object_get(r, "handset", &handset, NULL);
    g_output_stream_write_all(cn, handset, strlen(handset), NULL, NULL, NULL); /* expect: violation customer.contact */
    g_free(handset);
}
