/* A dock scanner relay: lines read from the scanner's serial port and frames
 * received from a hand-held are parsed into records and forwarded. The bytes
 * come from outside the program, so what a record field holds is what its name
 * says: a waybill field filled from the port is a waybill. A field filled from
 * a pseudonymiser, or with a constant, is not. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct scan_rec {
    char waybill[24];
    char consignee_name[48];
    unsigned weight_g;
    char station[8];
};

const char *pseudonymize(const char *value);

static int uplink(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(7000);
    inet_pton(AF_INET, "10.20.4.11", &a.sin_addr);
    connect(fd, (struct sockaddr *)&a, sizeof a);
    return fd;
}

/* "JJD0001 Jane_Doe 1200" from the serial port, scanned into the fields. */
void relay_serial_line(FILE *port)
{
    char line[160];
    struct scan_rec r;
    int fd = uplink();
    memset(&r, 0, sizeof r);
    if (!fgets(line, sizeof line, port))
        return;
    if (sscanf(line, "%23s %47s %u", r.waybill, r.consignee_name, &r.weight_g) != 3)
        return;
    strcpy(r.station, "D04");
    send(fd, r.waybill, strlen(r.waybill), 0); /* expect: allowed shipment.tracking */
    send(fd, r.station, strlen(r.station), 0); /* expect-none */
    send(fd, &r, sizeof r, 0); /* expect: allowed shipment.tracking customer.identity shipment.metrics */
}

/* A frame read straight into the waybill field. */
void relay_frame(int handheld)
{
    struct scan_rec r;
    int fd = uplink();
    memset(&r, 0, sizeof r);
    if (read(handheld, r.waybill, sizeof r.waybill - 1) <= 0)
        return;
    send(fd, &r, sizeof r, 0); /* expect: allowed shipment.tracking */
}

/* A datagram copied into the record after a header check. */
void relay_datagram(int sock)
{
    char buf[64];
    struct scan_rec r;
    int fd = uplink();
    memset(&r, 0, sizeof r);
    if (recv(sock, buf, sizeof buf, 0) < 4 || buf[0] != 'S')
        return;
    strncpy(r.consignee_name, buf + 4, sizeof r.consignee_name - 1);
    send(fd, r.consignee_name, strlen(r.consignee_name), 0); /* expect: allowed customer.identity */
}

/* The consignee goes through the pseudonymiser first: the field then holds a key. */
void relay_pseudonymised(FILE *port)
{
    char line[160];
    struct scan_rec r;
    int fd = uplink();
    memset(&r, 0, sizeof r);
    if (!fgets(line, sizeof line, port))
        return;
    strncpy(r.consignee_name, pseudonymize(line), sizeof r.consignee_name - 1);
    send(fd, r.consignee_name, strlen(r.consignee_name), 0); /* expect-none */
}
