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

/* A merchant's stock and the tariff an agent charges are commercial data; the
 * number of parcels a depot handled is not. */
struct merchant_stock {
  char sku[16];
  int stock_units;
  double tariff_eur_per_kg;
  double gmv_eur;
};

struct depot_stats {
  unsigned parcels_handled;
};

void c_merchant_figures(int fd, const struct merchant_stock *m, const struct depot_stats *d) {
  send(fd, &m->stock_units, sizeof m->stock_units, 0);             /* expect: unresolved seller.commercial */
  send(fd, &m->tariff_eur_per_kg, sizeof m->tariff_eur_per_kg, 0); /* expect: unresolved seller.commercial */
  send(fd, &m->gmv_eur, sizeof m->gmv_eur, 0);                     /* expect: unresolved seller.commercial */
  send(fd, &d->parcels_handled, sizeof d->parcels_handled, 0);     /* expect-none */
}
