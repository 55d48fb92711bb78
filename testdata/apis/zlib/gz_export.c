/* zlib gzip files: rows written with gzprintf / gzwrite / gzputs / gzputc / gzfwrite
 * are exports to the path the gzFile was opened on. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

struct consignee {
    char name[64];
    char email[96];
    char street[96];
    char postcode[12];
};

struct parcel {
    char tracking_no[24];
    double weight_kg;
    int pieces;
};

char *sha256_hex(const char *text);

void export_manifest(const struct parcel *rows, int n)
{
    gzFile gz = gzopen("/var/spool/depot/manifest.csv.gz", "wb9");
    if (!gz)
        return;
    gzputs(gz, "tracking_no;weight_kg\n"); /* expect-none */
    for (int i = 0; i < n; ++i)
        gzprintf(gz, "%s;%.3f\n", rows[i].tracking_no, rows[i].weight_kg); /* expect: allowed shipment.tracking shipment.metrics */
    gzprintf(gz, "# %d rows, %d pieces\n", n, rows[0].pieces); /* expect-none */
    gzclose(gz);
}

void export_addresses(const struct consignee *c)
{
    gzFile gz = gzopen64("/home/ops/addresses.txt.gz", "ab");
    gzwrite(gz, c->street, (unsigned)strlen(c->street)); /* expect: violation customer.address -- outside the spool directory */
    gzputc(gz, '\n');                                    /* expect-none */
    gzfwrite(c->postcode, 1, strlen(c->postcode), gz);   /* expect: violation customer.address */
    gzclose(gz);
}

void export_contacts(const struct consignee *c)
{
    int fd = open("/var/spool/depot/contacts.gz", O_WRONLY | O_CREAT | O_APPEND, 0640);
    gzFile gz = gzdopen(fd, "ab");
    gzputs(gz, c->email);         /* expect: allowed customer.contact */
    gzputs(gz, sha256_hex(c->name)); /* expect-none */
    gzclose(gz);
}
