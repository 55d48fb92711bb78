/* libssh2: the SSH session runs over a socket the program connected itself, so a
 * file written over SFTP goes to that socket's peer; the SFTP session and the
 * remote file handle keep it. The remote path is not the destination. */
#include <libssh2.h>
#include <libssh2_sftp.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct payout {
    char merchant_id[16];
    char vat_id[16];
    long net_cents;
};

static int connect_to(const char *host)
{
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, "22", &hints, &res) != 0)
        return -1;
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

static int upload(const char *host, const char *remote, const char *data, size_t len)
{
    int sock = connect_to(host);
    LIBSSH2_SESSION *session = libssh2_session_init();
    if (sock < 0 || libssh2_session_handshake(session, sock) != 0)
        return -1;
    libssh2_userauth_password(session, "payouts", "secret");
    LIBSSH2_SFTP *sftp = libssh2_sftp_init(session);
    LIBSSH2_SFTP_HANDLE *file =
        libssh2_sftp_open(sftp, remote, LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT, LIBSSH2_SFTP_S_IRUSR);
    ssize_t n = libssh2_sftp_write(file, data, len); /* expect: violation seller.identity */
    libssh2_sftp_close(file);
    libssh2_sftp_shutdown(sftp);
    libssh2_session_disconnect(session, "done");
    libssh2_session_free(session);
    close(sock);
    return n == (ssize_t)len ? 0 : -1;
}

void send_payout(const struct payout *p)
{
    char line[128];
    int n = snprintf(line, sizeof line, "%s;%s;%ld\n", p->merchant_id, p->vat_id, p->net_cents);
    upload("sftp.payouts.example.cn", "/in/payouts.csv", line, (size_t)n);
}

void run_remote_report(const struct payout *p)
{
    int sock = connect_to("reports.bank.example.de");
    LIBSSH2_SESSION *session = libssh2_session_init();
    libssh2_session_handshake(session, sock);
    LIBSSH2_CHANNEL *ch = libssh2_channel_open_session(session);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "report --merchant %s", p->merchant_id);
    libssh2_channel_exec(ch, cmd);                         /* expect: allowed seller.identity */
    libssh2_channel_write(ch, p->vat_id, strlen(p->vat_id)); /* expect: allowed seller.identity */
}

/* A status file fetched from the partner is kept locally: bytes from outside,
 * no record of the program's own. */
void fetch_status(LIBSSH2_SFTP *sftp, FILE *local)
{
    char buf[512];
    LIBSSH2_SFTP_HANDLE *file = libssh2_sftp_open(sftp, "/out/status.txt", LIBSSH2_FXF_READ, 0);
    ssize_t n = libssh2_sftp_read(file, buf, sizeof buf);
    if (n > 0)
        fwrite(buf, 1, (size_t)n, local); /* expect-none */
}
