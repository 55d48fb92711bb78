/* Record types the C cases of the GLib family (glib-gio, libsoup, json-glib) send,
 * serialise and export. */
#pragma once

struct consignee {
    const char *full_name;
    const char *phone;
    const char *email;
    const char *street;
    const char *postcode;
    const char *city;
};

struct waybill {
    const char *tracking_no;
    struct consignee to;
    int piece_count;
    int weight_g;
    double declared_value;
};

struct seller {
    const char *seller_id;
    const char *legal_name;
};
