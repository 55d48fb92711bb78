/* Record types the GLib/GIO cases send and export. */
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
};

struct seller {
    const char *seller_id;
    const char *legal_name;
};
