/* Trees of JsonObject / JsonArray / JsonNode (children attached while still
 * empty, then filled), streamed with json_generator_to_stream to a socket or a
 * file, and GObjects serialised with json_gobject_to_data. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "common/records.h"
#include "uplink.h"

char *sha256_hex(const char *value);

static JsonNode *delivery_tree(const struct waybill *w)
{
    JsonObject *root = json_object_new();
    json_object_set_string_member(root, "awb", w->tracking_no);
    json_object_set_int_member(root, "pieces", w->piece_count);

    JsonObject *addr = json_object_new();
    json_object_set_object_member(root, "address", addr); /* attached while still empty */
    json_object_set_string_member(addr, "street", w->to.street);
    json_object_set_string_member(addr, "city", w->to.city);

    JsonArray *contacts = json_array_new();
    json_object_set_array_member(root, "contacts", contacts);
    json_array_add_string_element(contacts, w->to.email);

    JsonNode *node = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(node, root);
    return node;
}

void stream_delivery(const struct waybill *w)
{
    JsonGenerator *gen = json_generator_new();
    json_generator_set_root(gen, delivery_tree(w));

    GOutputStream *cn = uplink("dispatch.partner.example.cn:443");
    json_generator_to_stream(gen, cn, NULL, NULL); /* expect: violation shipment.tracking customer.address customer.contact */

    GFile *file = g_file_new_for_path("/var/spool/depot/delivery.json");
    GFileOutputStream *fos = g_file_replace(file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL);
    json_generator_to_stream(gen, G_OUTPUT_STREAM(fos), NULL, NULL); /* expect: unresolved shipment.tracking customer.address customer.contact */
    g_object_unref(gen);
}

void send_routing_array(const struct waybill *w)
{
    /* the root is set first, the tree attached and filled top-down afterwards */
    JsonGenerator *gen = json_generator_new();
    JsonNode *root = json_node_new(JSON_NODE_ARRAY);
    json_generator_set_root(gen, root);
    JsonArray *stops = json_array_new();
    json_node_set_array(root, stops);
    JsonObject *stop = json_object_new();
    json_array_add_object_element(stops, stop);
    json_object_set_string_member(stop, "postcode", w->to.postcode);
    JsonNode *who = json_node_alloc();
    json_node_init_string(who, w->to.full_name);
    json_object_set_member(stop, "name", who);

    GString *out = g_string_new("ROUTE ");
    json_generator_to_gstring(gen, out);
    GOutputStream *cn = uplink("routes.partner.example.cn:443");
    g_output_stream_write_all(cn, out->str, out->len, NULL, NULL, NULL); /* expect: violation customer.address customer.identity */

    JsonArray *ids = json_array_new();
    json_array_add_string_element(ids, sha256_hex(w->tracking_no));
    json_array_add_int_element(ids, w->piece_count);
    JsonNode *idnode = json_node_init_array(json_node_alloc(), ids);
    gchar *text = json_to_string(idnode, FALSE);
    g_output_stream_write_all(cn, text, strlen(text), NULL, NULL, NULL); /* expect-none */
    g_free(text);
}

void send_stop_late_root(const struct waybill *w)
{
    /* The array is attached to the node before the node becomes the root; the
     * object added to the array afterwards is filled last. Its view reaches the
     * node, not the generator the node was handed to in between. */
    JsonGenerator *gen = json_generator_new();
    JsonArray *stops = json_array_new();
    JsonNode *root = json_node_new(JSON_NODE_ARRAY);
    json_node_set_array(root, stops);
    json_generator_set_root(gen, root);
    JsonObject *stop = json_object_new();
    json_array_add_object_element(stops, stop);
    json_object_set_string_member(stop, "postcode", w->to.postcode);
    gchar *text = json_generator_to_data(gen, NULL);
    GOutputStream *cn = uplink("routes.partner.example.cn:443");
    g_output_stream_write_all(cn, text, strlen(text), NULL, NULL, NULL); /* gap expect: violation customer.address */
    g_free(text);
}

/* A memory stream is a buffer of the program, also held as a plain GOutputStream*:
 * generating into it to measure the document sends nothing. */
gsize measured_size(const struct waybill *w)
{
    JsonGenerator *gen = json_generator_new();
    json_generator_set_root(gen, delivery_tree(w));
    GOutputStream *mem = g_memory_output_stream_new_resizable();
    json_generator_to_stream(gen, mem, NULL, NULL); /* expect-none */
    g_output_stream_close(mem, NULL, NULL);
    const gsize size = g_memory_output_stream_get_data_size(G_MEMORY_OUTPUT_STREAM(mem));
    g_object_unref(mem);
    g_object_unref(gen);
    return size;
}
