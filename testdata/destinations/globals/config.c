/* The settings: a static initializer, then the environment. */
#include <stdlib.h>

#include "depot.h"

struct depot_config g_depot = {
    .relay_host = "10.20.0.7",
    .audit_url = NULL,
    .port = 7001,
};

void depot_config_from_env(void) { g_depot.audit_url = getenv("DEPOT_AUDIT_URL"); }
