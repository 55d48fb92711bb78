/* cJSON and Jansson: values put into an object are in its printed text,
 * also when the item was added to its parent before it was filled. */
#include <cjson/cJSON.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "uplink.h"

struct consignee {
    const char *full_name;
    const char *phone;
    const char *street;
};

struct waybill {
    const char *tracking_no;
    struct consignee to;
    int piece_count;
};

void send_cjson(const struct waybill *w)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "awb", w->tracking_no);
    cJSON *to = cJSON_AddObjectToObject(root, "to");
    cJSON_AddStringToObject(to, "name", w->to.full_name);
    cJSON *contact = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "contact", contact); /* added while still empty */
    cJSON_AddStringToObject(contact, "phone", w->to.phone);
    char *text = cJSON_PrintUnformatted(root);
    int fd = uplink();
    send(fd, text, strlen(text), 0); /* expect: violation shipment.tracking customer.identity customer.contact */
    cJSON *stats = cJSON_CreateObject();
    cJSON_AddNumberToObject(stats, "pieces", w->piece_count);
    char *counts = cJSON_Print(stats);
    send(fd, counts, strlen(counts), 0); /* expect-none */
    cJSON_Delete(root);
    cJSON_Delete(stats);
}

void send_jansson(const struct waybill *w)
{
    json_t *root = json_object();
    json_t *items = json_array();
    json_object_set_new(root, "items", items); /* added while still empty */
    json_array_append_new(items, json_string(w->to.street));
    json_object_setn_new(root, "awb", 3, json_string(w->tracking_no));
    char *text = json_dumps(root, JSON_COMPACT);
    int fd = uplink();
    send(fd, text, strlen(text), 0); /* expect: violation customer.address shipment.tracking */
    json_dump_file(root, "/var/spool/edi/outbox/waybill.json", 0); /* expect: unresolved customer.address shipment.tracking */
    json_decref(root);
}
