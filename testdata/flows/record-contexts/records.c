/* The same contexts in C: typedef'd records, nested structs and arrays. */
#include <stddef.h>
#include <sys/socket.h>

typedef struct {
  int width;
  int height;
} extent_t;

typedef struct {
  char waybill_no[16];
  extent_t extent;
} consignment_t;

typedef struct {
  double lat, lon;
} coord_t;

typedef struct {
  char recipient[64];
  coord_t stops[8];
} delivery_run_t;

typedef struct {
  coord_t here;  /* a vehicle's position */
  int speed;
} vehicle_t;

void c_shipment(int fd, const extent_t *e) {
  send(fd, &e->height, sizeof e->height, 0); /* expect: unresolved shipment.metrics */
}

void c_customer(int fd, const coord_t *c) {
  send(fd, &c->lat, sizeof c->lat, 0); /* expect: unresolved customer.location */
}

void c_vehicle(int fd, const vehicle_t *v) {
  send(fd, &v->speed, sizeof v->speed, 0); /* expect-none */
}

/* The name a proof of delivery was signed with is the recipient's (or their
 * neighbour's) identity, whatever record holds it. */
struct pod_capture {
  char signed_by[48];
  unsigned sig_len;
};

void c_proof_of_delivery(int fd, const struct pod_capture *p) {
  send(fd, p->signed_by, sizeof p->signed_by, 0); /* expect: unresolved customer.identity */
  send(fd, &p->sig_len, sizeof p->sig_len, 0);    /* expect-none */
}
