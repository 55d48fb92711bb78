/* libconfig: settings added to a config tree are in it, and writing the tree out
 * (config_write_file, config_write) is an export to that file. */
#include <libconfig.h>
#include <stdio.h>

struct consignee {
    char name[64];
    char email[96];
    char street[96];
};

struct parcel {
    char tracking_no[24];
    double weight_kg;
    int attempts;
};

void save_last_delivery(const struct consignee *c, const struct parcel *p)
{
    config_t cfg;
    config_init(&cfg);
    config_setting_t *last = config_setting_add(config_root_setting(&cfg), "last_delivery", CONFIG_TYPE_GROUP);
    config_setting_t *who = config_setting_add(last, "consignee", CONFIG_TYPE_STRING);
    config_setting_set_string(who, c->name);
    config_setting_t *kg = config_setting_add(last, "weight_kg", CONFIG_TYPE_FLOAT);
    config_setting_set_float(kg, p->weight_kg);
    config_write_file(&cfg, "/var/lib/depot/last_delivery.cfg"); /* expect: allowed customer.identity shipment.metrics */
    config_destroy(&cfg);
}

void save_retry_state(const struct parcel *p)
{
    config_t cfg;
    config_init(&cfg);
    config_setting_t *retry = config_setting_add(config_root_setting(&cfg), "retry", CONFIG_TYPE_GROUP);
    config_setting_t *n = config_setting_add(retry, "attempts", CONFIG_TYPE_INT);
    config_setting_set_int(n, p->attempts);
    config_write_file(&cfg, "/var/lib/depot/retry.cfg"); /* expect-none */
    config_destroy(&cfg);
}

void dump_route_sheet(const struct consignee *c)
{
    config_t cfg;
    config_init(&cfg);
    config_setting_t *stops = config_setting_add(config_root_setting(&cfg), "stops", CONFIG_TYPE_LIST);
    config_setting_set_string_elem(stops, -1, c->street);
    FILE *out = fopen("/media/usb0/route_sheet.cfg", "w");
    config_write(&cfg, out); /* expect: violation customer.address -- outside the allowed state directory */
    config_write(&cfg, stdout); /* expect-none -- the console */
    fclose(out);
    config_destroy(&cfg);
}

/* libconfig's own example: the root setting kept in a local first. The local is a
 * copy of cfg.root (config_root_setting is a macro reading that field), and a
 * pointer copied from a field is no view onto it: what is added through it does
 * not reach cfg. */
void save_contact(const struct consignee *c)
{
    config_t cfg;
    config_init(&cfg);
    config_setting_t *root = config_root_setting(&cfg);
    config_setting_t *email = config_setting_add(root, "email", CONFIG_TYPE_STRING);
    config_setting_set_string(email, c->email);
    config_write_file(&cfg, "/var/lib/depot/contact.cfg"); /* gap expect: allowed customer.contact -- root = cfg.root */
    config_destroy(&cfg);
}
