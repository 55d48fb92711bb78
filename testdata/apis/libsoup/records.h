/* Record types the libsoup cases send. */
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
};
