/* Handlers in a table indexed by the state; each publishes through the emitter. */
#include <stdio.h>
#include <string.h>

#include "trip.h"

static void on_idle(struct trip *t) {
    char buf[32];
    const int n = snprintf(buf, sizeof buf, "{\"stops\":%u}", t->plan->n_parcels);
    if (t->emit)
        t->emit(t->emit_user, "idle", buf, (size_t)n);
}

static void on_stop(struct trip *t) {
    const struct parcel *p = &t->plan->parcels[t->cur];
    char buf[64];
    const int n = snprintf(buf, sizeof buf, "{\"tn\":\"%s\"}", p->tracking_no);
    if (t->emit)
        t->emit(t->emit_user, "arrival", buf, (size_t)n);
}

typedef void (*trip_handler_fn)(struct trip *t);
static const trip_handler_fn k_handlers[TRIP__COUNT] = {[TRIP_IDLE] = on_idle, [TRIP_AT_STOP] = on_stop};

void trip_init(struct trip *t, const struct route_plan *plan) {
    memset(t, 0, sizeof *t);
    t->plan = plan;
}

void trip_set_emitter(struct trip *t, trip_emit_fn fn, void *user) {
    t->emit = fn;
    t->emit_user = user;
}

void trip_set_hook(struct trip *t, trip_hook_fn fn, void *user) {
    t->on_closed = fn;
    t->closed_user = user;
}

int trip_feed(struct trip *t, int arrived) {
    const enum trip_state next = arrived ? TRIP_AT_STOP : TRIP_IDLE;
    if (next == t->state)
        return 0;
    t->state = next;
    k_handlers[next](t);
    if (t->on_closed)
        t->on_closed(t->closed_user, t->cur);
    return 1;
}
