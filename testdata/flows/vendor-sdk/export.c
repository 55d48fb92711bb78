/* Accessors without a body are sources by the words their names end with, for their
 * return type; a memory stream collects what is printed into it and is exported only
 * when its buffer is. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "sdk.h"

void send_contact(int fd, const sdk_order* o) {
    const char* phone = sdk_order_recipient_phone(o);
    send(fd, phone, 16, 0); /* expect: unresolved customer.contact */
}

void send_note(int fd, const sdk_order* o) {
    const char* note = sdk_order_get_note(o);
    send(fd, note, 16, 0); /* expect-none */
}

void send_counts(int fd, const sdk_order* o) {
    char line[32];
    const int n = snprintf(line, sizeof line, "%d %d", sdk_order_get_phone_count(o), sdk_send_email("ops"));
    send(fd, line, (size_t)n, 0); /* expect-none */
}

void send_manifest(int fd, const sdk_order* o) {
    char* buf = NULL;
    size_t len = 0;
    FILE* mem = open_memstream(&buf, &len);
    fprintf(mem, "{\"waybill\":\"%s\"}", sdk_order_get_waybill(o));
    fclose(mem);
    send(fd, buf, len, 0); /* expect: unresolved shipment.tracking */
    free(buf);
}

/* Printed into a memory stream and only measured: nothing leaves. */
size_t manifest_size(const sdk_order* o) {
    char* buf = NULL;
    size_t len = 0;
    FILE* mem = open_memstream(&buf, &len);
    fprintf(mem, "{\"waybill\":\"%s\"}", sdk_order_get_waybill(o)); /* expect-none */
    fclose(mem);
    free(buf);
    return len;
}

/* A zeroed label filled by the SDK's decoder: its fields hold what their names say. */
void forward_label_phone(int fd, const unsigned char* raw, size_t n) {
    sdk_label label = {0};
    if (sdk_label_decode(raw, n, &label) != 0) return;
    send(fd, label.recipient_phone, sizeof label.recipient_phone, 0); /* expect: unresolved customer.contact */
}

/* The bin number of the same record is not data. */
void forward_label_bin(int fd, const unsigned char* raw, size_t n) {
    sdk_label label = {0};
    sdk_label_decode(raw, n, &label);
    send(fd, &label.bin, sizeof label.bin, 0); /* expect-none */
}
