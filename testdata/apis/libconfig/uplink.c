/* libconfig: hosts read from the daemon's configuration file are config:PATH
 * destinations, which the folder's policy binds to their deployed values. */
#include <libconfig.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/dial.h"

struct consignee {
    char name[64];
    char email[96];
    char phone[32];
};

struct parcel {
    char tracking_no[24];
    double weight_kg;
};

char *pseudonymize(const char *text);

static int load(config_t *cfg)
{
    config_init(cfg);
    return config_read_file(cfg, "/etc/depot/depot.cfg");
}

void sync_parcel(const struct parcel *p)
{
    config_t cfg;
    if (load(&cfg) != CONFIG_TRUE)
        return;
    const char *host = config_setting_get_string(config_lookup(&cfg, "uplink.host"));
    int fd = dial(host, "7443");
    char line[96];
    int n = snprintf(line, sizeof line, "%s;%.2f\n", p->tracking_no, p->weight_kg);
    send(fd, line, (size_t)n, 0);        /* expect: violation shipment.tracking shipment.metrics */
    send(fd, "HEARTBEAT\n", 10, 0);      /* expect-none */
    close(fd);
    config_destroy(&cfg);
}

void notify_consignee(const struct consignee *c)
{
    config_t cfg;
    if (load(&cfg) != CONFIG_TRUE)
        return;
    config_setting_t *notify = config_lookup(&cfg, "notify");
    const char *smtp = config_setting_get_string(config_setting_get_member(notify, "smtp_host"));
    int fd = dial(smtp, "25");
    char rcpt[128];
    snprintf(rcpt, sizeof rcpt, "RCPT TO:<%s>\r\n", c->email);
    write(fd, rcpt, strlen(rcpt));       /* expect: allowed customer.contact */
    char *ref = pseudonymize(c->phone);
    write(fd, ref, strlen(ref));         /* expect-none */
    const char *gw = config_setting_get_string(config_setting_lookup(notify, "sms.gateway"));
    int sms = dial(gw, "443");
    write(sms, c->phone, strlen(c->phone)); /* expect: violation customer.contact */
    config_destroy(&cfg);
}

void archive_name(const struct consignee *c)
{
    config_t cfg;
    if (load(&cfg) != CONFIG_TRUE)
        return;
    config_setting_t *mirrors = config_lookup(&cfg, "mirrors");
    const char *first = config_setting_get_string_elem(mirrors, 0);
    int fd = dial(first, "873");
    send(fd, c->name, strlen(c->name), 0);   /* expect: violation customer.identity */
    const char *second = config_setting_get_string(config_setting_get_elem(mirrors, 1));
    int fd2 = dial(second, "873");
    send(fd2, c->phone, strlen(c->phone), 0); /* expect: violation customer.contact */
    config_destroy(&cfg);
}

/* The config_lookup_* family writes the value through its last argument. */
void sync_backup(const struct parcel *p)
{
    config_t cfg;
    if (load(&cfg) != CONFIG_TRUE)
        return;
    const char *host = NULL;
    config_lookup_string(&cfg, "uplink.backup_host", &host);
    int fd = dial(host, "7443");
    send(fd, p->tracking_no, strlen(p->tracking_no), 0); /* expect: violation shipment.tracking */
    config_destroy(&cfg);
}

/* A member read below a section into an out-argument: keyed below the section. */
void notify_by_mail(const struct consignee *c)
{
    config_t cfg;
    if (load(&cfg) != CONFIG_TRUE)
        return;
    config_setting_t *notify = config_lookup(&cfg, "notify");
    const char *smtp = NULL;
    if (!notify || !config_setting_lookup_string(notify, "smtp_host", &smtp))
        return;
    int fd = dial(smtp, "25");
    send(fd, c->email, strlen(c->email), 0); /* expect: allowed customer.contact */
    config_destroy(&cfg);
}
