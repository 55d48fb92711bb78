/* libssh: a file written over SFTP goes to the host the SSH session was set to;
 * the SFTP session and the remote file keep the session's host. */
#include <fcntl.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct payout {
    char merchant_id[16];
    char vat_id[16];
    long net_cents;
};

static int upload(const char *host, const char *remote, const char *data, size_t len)
{
    ssh_session ssh = ssh_new();
    ssh_options_set(ssh, SSH_OPTIONS_HOST, host);
    ssh_options_set(ssh, SSH_OPTIONS_USER, "payouts");
    if (ssh_connect(ssh) != SSH_OK)
        return -1;
    sftp_session sftp = sftp_new(ssh);
    sftp_init(sftp);
    sftp_file file = sftp_open(sftp, remote, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ssize_t n = sftp_write(file, data, len); /* expect: unresolved seller.identity */
    sftp_close(file);
    sftp_free(sftp);
    ssh_disconnect(ssh);
    ssh_free(ssh);
    return n == (ssize_t)len ? 0 : -1;
}

void send_payout(const struct payout *p)
{
    char line[128];
    int n = snprintf(line, sizeof line, "%s;%s;%ld\n", p->merchant_id, p->vat_id, p->net_cents);
    upload(getenv("BANK_SFTP_HOST"), "/in/payouts.csv", line, (size_t)n);
}

void run_remote_report(const struct payout *p)
{
    ssh_session ssh = ssh_new();
    ssh_options_set(ssh, SSH_OPTIONS_HOST, "reports.bank.example.de");
    ssh_connect(ssh);
    ssh_channel ch = ssh_channel_new(ssh);
    ssh_channel_open_session(ch);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "report --merchant %s", p->merchant_id);
    ssh_channel_request_exec(ch, cmd); /* expect: allowed seller.identity */
    ssh_channel_write(ch, p->vat_id, strlen(p->vat_id)); /* expect: allowed seller.identity */
}
