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
#endif
