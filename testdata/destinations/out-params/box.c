/* The box's reports: the depot uplink kept in a static global, a planner socket
   opened directly, and the pallet broker whose URI the config formatted. */
#include <MQTTClient.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "links.h"

static uplink_t *s_depot;
static MQTTClient s_paho;

int box_open(void) {
    config_load(&g_box);
    s_depot = uplink_create(&g_box.depot);
    if (s_depot == NULL)
        return -1;
    uplink_send(s_depot, "HELLO\n", 6);
    return MQTTClient_create(&s_paho, g_box.pallet_uri, g_box.unit_id, MQTTCLIENT_PERSISTENCE_NONE, NULL);
}

void depot_report(const struct parcel *p) {
    uplink_send(s_depot, p->tracking_no, strlen(p->tracking_no));
}

void planner_report(const struct parcel *p) {
    const int fd = tcp_connect(g_box.planner.host, g_box.planner.port);
    if (fd < 0)
        return;
    write(fd, p->tracking_no, strlen(p->tracking_no));  // expect: violation shipment.tracking
    close(fd);
}

int pallet_report(const struct pallet_sample *ps) {
    MQTTClient_message msg = MQTTClient_message_initializer;
    MQTTClient_deliveryToken tok = 0;
    char payload[96];
    const int n = snprintf(payload, sizeof payload, "{\"sscc\":\"%s\",\"g\":%u}", ps->sscc, ps->weight_g);
    msg.payload = payload;
    msg.payloadlen = n;
    return MQTTClient_publishMessage(s_paho, "pallets", &msg, &tok);  // expect: allowed shipment.tracking shipment.metrics
}
