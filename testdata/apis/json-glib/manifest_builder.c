/* Manifests built with JsonBuilder and printed with a JsonGenerator: the text
 * carries every value added, wherever it is sent or written. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "common/records.h"
#include "uplink.h"

char *pseudonymize(const char *value);

static JsonNode *manifest_node(const struct waybill *w)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "awb");
    json_builder_add_string_value(b, w->tracking_no);
    json_builder_set_member_name(b, "consignee");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "name");
    json_builder_add_string_value(b, w->to.full_name);
    json_builder_set_member_name(b, "zip");
    json_builder_add_string_value(b, w->to.postcode);
    json_builder_end_object(b);
    json_builder_set_member_name(b, "value");
    json_builder_add_double_value(b, w->declared_value);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    g_object_unref(b);
    return root;
}

void send_manifest(const struct waybill *w)
{
    JsonGenerator *gen = json_generator_new();
    JsonNode *root = manifest_node(w);
    json_generator_set_root(gen, root);
    gsize len = 0;
    gchar *text = json_generator_to_data(gen, &len);

    GOutputStream *eu = uplink("edi.carrier.example.de:443");
    g_output_stream_write_all(eu, text, len, NULL, NULL, NULL); /* expect: allowed shipment.tracking shipment.contents customer.identity customer.address */
    GOutputStream *cn = uplink("edi.partner.example.cn:443");
    g_output_stream_write_all(cn, text, len, NULL, NULL, NULL); /* expect: violation shipment.tracking customer.identity */

    json_generator_to_file(gen, "/var/spool/depot/manifest.json", NULL); /* expect: unresolved shipment.tracking customer.address */
    g_free(text);
    json_node_unref(root);
    g_object_unref(gen);
}

void send_counts(const struct waybill *w)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "ref");
    json_builder_add_string_value(b, pseudonymize(w->tracking_no));
    json_builder_set_member_name(b, "pieces");
    json_builder_add_int_value(b, 3);
    json_builder_set_member_name(b, "fragile");
    json_builder_add_boolean_value(b, TRUE);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    gchar *text = json_to_string(root, FALSE);
    GOutputStream *cn = uplink("stats.partner.example.cn:443");
    g_output_stream_write_all(cn, text, strlen(text), NULL, NULL, NULL); /* expect-none */
    g_free(text);
}

void send_contact_node(const struct waybill *w)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_array(b);
    JsonNode *phone = json_node_new(JSON_NODE_VALUE);
    json_node_set_string(phone, w->to.phone);
    json_builder_add_value(b, phone);
    json_builder_end_array(b);
    gchar *text = json_to_string(json_builder_get_root(b), TRUE);
    GOutputStream *cn = uplink("sms.partner.example.cn:443");
    g_output_stream_write_all(cn, text, strlen(text), NULL, NULL, NULL); /* expect: violation customer.contact */
    g_free(text);
}
