/* A delivery van's trip state machine (trip.c) whose handlers publish through an
 * emitter the application installs from another file (app.c). */
#ifndef TRIP_H
#define TRIP_H
#include <stddef.h>

struct parcel {
    char tracking_no[24];
};

struct route_plan {
    struct parcel parcels[8];
    unsigned n_parcels;
};

typedef int (*trip_emit_fn)(void *user, const char *topic, const void *payload, size_t len);
typedef void (*trip_hook_fn)(void *user, unsigned seq);

enum trip_state { TRIP_IDLE, TRIP_AT_STOP, TRIP__COUNT };

struct trip {
    const struct route_plan *plan;
    unsigned cur;
    enum trip_state state;
    trip_emit_fn emit;
    void *emit_user;
    trip_hook_fn on_closed;
    void *closed_user;
};

void trip_init(struct trip *t, const struct route_plan *plan);
void trip_set_emitter(struct trip *t, trip_emit_fn fn, void *user);
void trip_set_hook(struct trip *t, trip_hook_fn fn, void *user);
int trip_feed(struct trip *t, int arrived);
#endif
