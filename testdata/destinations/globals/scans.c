/* Each scan goes through a table of emitters: a journal file and the relay socket,
 * both opened once in depot_open() and kept in static globals. */
#include <curl/curl.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "depot.h"

static int s_journal = -1;
static int s_relay = -1;

static int connect_to(const char* host, const char* port) {
    struct addrinfo* res = NULL;
    if (getaddrinfo(host, port, NULL, &res) != 0) return -1;
    const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    connect(fd, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return fd;
}

int depot_open(void) {
    s_journal = open("/var/spool/depot/scans.journal", O_WRONLY | O_APPEND);
    s_relay = connect_to(g_depot.relay_host, "7001");
    return s_journal >= 0 && s_relay >= 0 ? 0 : -1;
}

static void to_journal(const char* line, size_t len) {
    write(s_journal, line, len); /* expect: unresolved shipment.tracking */
}

static void to_relay(const char* line, size_t len) {
    write(s_relay, line, len); /* expect: allowed shipment.tracking */
}

static const struct emitter {
    const char* name;
    void (*emit)(const char* line, size_t len);
} k_emitters[] = {
    {"journal", to_journal},
    {"relay", to_relay},
};

void depot_record_scan(const struct parcel_scan* scan) {
    char line[64];
    const int n = snprintf(line, sizeof line, "%s;%s\n", scan->tracking_no, scan->destination);
    for (size_t i = 0; i < sizeof k_emitters / sizeof k_emitters[0]; ++i) k_emitters[i].emit(line, (size_t)n);
}

void depot_audit(const struct parcel_scan* scan) {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, g_depot.audit_url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, scan->tracking_no); /* expect: unresolved shipment.tracking */
    curl_easy_perform(h);
}
