/* The application installs an MQTT emitter on a local trip it hands to several
 * calls, then replays the day's events. */
#include <mosquitto.h>
#include <stdbool.h>

#include "trip.h"

static int mqtt_emit(void *user, const char *topic, const void *payload, size_t len) {
    struct mosquitto *m = user;
    return mosquitto_publish(m, NULL, topic, (int)len, payload, 1, false);  // expect: violation shipment.tracking
}

static void count_closed(void *user, unsigned seq) {
    unsigned *closed = user;
    *closed += seq > 0;
}

int run_day(const struct route_plan *plan, const int *events, unsigned n) {
    struct trip trip;
    unsigned closed = 0;
    struct mosquitto *m = mosquitto_new("van-7", true, NULL);
    mosquitto_connect(m, "mqtt.fleetcloud.example.cn", 8883, 60);
    trip_init(&trip, plan);
    trip_set_emitter(&trip, mqtt_emit, m);
    trip_set_hook(&trip, count_closed, &closed);
    for (unsigned i = 0; i < n; i++)
        trip_feed(&trip, events[i]);
    return (int)closed;
}
