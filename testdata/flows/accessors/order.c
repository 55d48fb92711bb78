/* C accessors: functions whose body only reads or writes a field of their argument. */
#include <string.h>
#include <sys/socket.h>

struct order {
    const char* recipient_phone;
    const char* recipient_name;
    int weight_g;
};

static const char* order_phone(const struct order* o) { return o->recipient_phone; }
static void order_set_phone(struct order* o, const char* v) { o->recipient_phone = v; }
static void order_clear_name(struct order* o) { o->recipient_name = 0; }

void send_masked(int fd, struct order o) {
    order_set_phone(&o, "+49 30 000 0000");
    const char* phone = order_phone(&o);
    send(fd, phone, strlen(phone), 0); /* expect-none */
}

void send_phone(int fd, struct order o) {
    order_clear_name(&o);
    const char* phone = order_phone(&o);
    send(fd, phone, strlen(phone), 0); /* expect: unresolved customer.contact */
}
