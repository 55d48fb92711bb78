/* C record idioms: a union written through one member and sent through another, a
 * hand-written encoder copying fields into a byte buffer at running offsets, and a
 * controller address that is not a person's address. */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

struct scan_task {
    char tracking_no[16];
    uint32_t weight_kg;
    char destination[4];
};

struct parcel_leg {
    struct scan_task task; /* makes the leg a shipment record */
    char route[8];
};

union scan_frame {
    struct scan_task task;
    uint8_t raw[sizeof(struct scan_task)];
};

void send_frame(int fd, const struct scan_task* t) {
    union scan_frame f;
    memcpy(f.task.tracking_no, t->tracking_no, sizeof f.task.tracking_no);
    f.task.weight_kg = htonl(t->weight_kg);
    send(fd, f.raw, sizeof f.raw, 0); /* expect: unresolved shipment.tracking */
}

static size_t encode(uint8_t* out, size_t cap, const struct parcel_leg* leg) {
    size_t off = 0;
    if (cap < 24) return 0;
    out[off++] = 'L';
    memcpy(out + off, leg->route, 8);
    off += 8;
    return off;
}

void send_leg(int fd, const struct parcel_leg* leg) {
    uint8_t buf[64];
    const size_t n = encode(buf, sizeof buf, leg);
    send(fd, buf, n, 0); /* expect: unresolved shipment.routing */
}

struct dock_door {
    int number;
    char plc_address[24]; /* Modbus endpoint of the door controller */
};

void send_door(int fd, const struct dock_door* d) {
    send(fd, d->plc_address, strlen(d->plc_address), 0); /* expect-none */
}
