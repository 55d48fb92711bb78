/* A C depot service: settings in a global struct, connections in static globals. */
#ifndef DEPOT_H
#define DEPOT_H
#include <stddef.h>

struct depot_config {
    const char* relay_host; /* static default, may be overridden from the environment */
    const char* audit_url;  /* only ever from the environment */
    int port;
};
extern struct depot_config g_depot;

struct parcel_scan {
    char tracking_no[24];
    char destination[8];
    int weight_kg;
};

void depot_config_from_env(void);
int depot_open(void);
void depot_record_scan(const struct parcel_scan* scan);
void depot_audit(const struct parcel_scan* scan);
#endif
