/* A vendor SDK shipped as a header and a prebuilt library: no bodies in the program. */
#ifndef SDK_H
#define SDK_H
#include <stddef.h>

typedef struct sdk_order sdk_order;

const char* sdk_order_recipient_phone(const sdk_order* o);
const char* sdk_order_get_waybill(const sdk_order* o);
const char* sdk_order_get_note(const sdk_order* o);
int sdk_order_get_phone_count(const sdk_order* o);
int sdk_send_email(const char* to);

/* A label record the SDK decodes from scanner bytes into the caller's struct. */
typedef struct sdk_label {
    char waybill[24];
    char recipient_phone[20];
    unsigned bin;
} sdk_label;
int sdk_label_decode(const unsigned char* raw, size_t n, sdk_label* out);
#endif
