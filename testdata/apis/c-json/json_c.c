/* json-c: values put into an object are in its printed text, also when the
 * object was added to its parent before it was filled. (Its header and
 * Jansson's cannot be included together.) */
#include <json-c/json.h>
#include <string.h>

#include "uplink.h"

struct consignee {
    const char *full_name;
    const char *phone;
};

struct waybill {
    const char *tracking_no;
    struct consignee to;
};

void send_json_c_object(const struct waybill *w)
{
    struct json_object *root = json_object_new_object();
    struct json_object *to = json_object_new_object();
    json_object_object_add(root, "to", to); /* added while still empty */
    json_object_object_add(to, "name", json_object_new_string(w->to.full_name));
    const char *text = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN);
    int fd = uplink();
    send(fd, text, strlen(text), 0); /* expect: violation customer.identity */
    json_object_to_file("/var/spool/edi/outbox/consignee.json", root); /* expect: unresolved customer.identity */
    json_object_put(root);
}
