/* zlib in memory: the buffer compress / compress2 fill carries what was compressed;
 * sending it sends the data. */
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

struct consignee {
    char name[64];
    char phone[32];
};

static int dial(const char *host)
{
    struct addrinfo *ai = NULL;
    if (getaddrinfo(host, "9443", NULL, &ai) != 0)
        return -1;
    int fd = socket(ai->ai_family, ai->ai_socktype, 0);
    connect(fd, ai->ai_addr, ai->ai_addrlen);
    freeaddrinfo(ai);
    return fd;
}

void upload_contact(const struct consignee *c)
{
    int fd = dial("ingest.parcel-analytics.example.cn");
    unsigned char packed[256];
    uLongf packed_len = sizeof packed;
    compress2(packed, &packed_len, (const Bytef *)c->phone, (uLong)strlen(c->phone), Z_BEST_COMPRESSION);
    send(fd, packed, packed_len, 0); /* expect: violation customer.contact */
    unsigned char hello[64];
    uLongf hello_len = sizeof hello;
    compress(hello, &hello_len, (const Bytef *)"HELLO v2", 8);
    send(fd, hello, hello_len, 0); /* expect-none */
    close(fd);
}

void upload_name(const struct consignee *c)
{
    int fd = dial("ingest.carrier.example.de");
    unsigned char packed[256];
    uLongf packed_len = sizeof packed;
    compress(packed, &packed_len, (const Bytef *)c->name, (uLong)strlen(c->name));
    write(fd, packed, packed_len); /* expect: allowed customer.identity */
    close(fd);
}

/* deflate() writes through strm.next_out, a pointer no operand of the call names. */
void upload_streamed(const struct consignee *c)
{
    int fd = dial("ingest.parcel-analytics.example.cn");
    unsigned char out[256];
    z_stream strm;
    memset(&strm, 0, sizeof strm);
    deflateInit(&strm, Z_DEFAULT_COMPRESSION);
    strm.next_in = (Bytef *)c->name;
    strm.avail_in = (uInt)strlen(c->name);
    strm.next_out = out;
    strm.avail_out = sizeof out;
    deflate(&strm, Z_FINISH);
    send(fd, out, sizeof out - strm.avail_out, 0); /* gap expect: violation customer.identity -- deflate fills the buffer strm.next_out points to */
    deflateEnd(&strm);
    close(fd);
}
