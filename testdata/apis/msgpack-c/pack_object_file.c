/* msgpack-c: objects packed with msgpack_pack_object and buffers written to a file. */
#include <msgpack.h>
#include <stdio.h>
#include <string.h>

struct consignee {
    char name[64];
    char email[96];
    char street[96];
};

struct parcel {
    char tracking_no[24];
    int64_t declared_value;
};

void journal_declared(FILE *journal, const struct parcel *p)
{
    msgpack_sbuffer *sbuf = msgpack_sbuffer_new();
    msgpack_packer *pk = msgpack_packer_new(sbuf, msgpack_sbuffer_write);
    msgpack_pack_int64(pk, p->declared_value);
    msgpack_pack_fix_int32(pk, 7);
    fwrite(sbuf->data, 1, sbuf->size, journal); /* expect: unresolved shipment.contents */
    msgpack_sbuffer_free(sbuf);
}

void journal_object(const struct consignee *c)
{
    msgpack_object name;
    name.type = MSGPACK_OBJECT_STR;
    name.via.str.ptr = c->name;
    name.via.str.size = (uint32_t)strlen(c->name);
    msgpack_sbuffer sbuf;
    msgpack_sbuffer_init(&sbuf);
    msgpack_packer *pk = msgpack_packer_new(&sbuf, msgpack_sbuffer_write);
    msgpack_pack_object(pk, name);
    FILE *out = fopen("/var/spool/depot/consignees.mp", "ab");
    fwrite(sbuf.data, 1, sbuf.size, out); /* expect: unresolved customer.identity */
    msgpack_object count;
    count.type = MSGPACK_OBJECT_POSITIVE_INTEGER;
    count.via.u64 = 1;
    msgpack_sbuffer_clear(&sbuf);
    msgpack_pack_object(pk, count);
    fwrite(sbuf.data, 1, sbuf.size, out); /* expect-none -- the buffer was cleared */
    fclose(out);
    msgpack_packer_free(pk);
    msgpack_sbuffer_destroy(&sbuf);
}

void debug_dump(const struct consignee *c)
{
    msgpack_object street;
    street.type = MSGPACK_OBJECT_STR;
    street.via.str.ptr = c->street;
    street.via.str.size = (uint32_t)strlen(c->street);
    FILE *dbg = fopen("/var/log/depot/msgpack-debug.log", "a");
    msgpack_object_print(dbg, street);    /* expect: unresolved customer.address */
    msgpack_object_print(stderr, street); /* expect-none -- the console */
    fclose(dbg);
}

/* The usual form: a packer on the stack, initialised through its address. joins
 * makes only a plain variable a view, not `&pk`, so what is packed stays in pk. */
void journal_street(const struct consignee *c)
{
    msgpack_sbuffer sbuf;
    msgpack_sbuffer_init(&sbuf);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &sbuf, msgpack_sbuffer_write);
    msgpack_pack_str_with_body(&pk, c->street, strlen(c->street));
    FILE *out = fopen("/var/spool/depot/streets.mp", "ab");
    fwrite(sbuf.data, 1, sbuf.size, out); /* expect: unresolved customer.address */
    fclose(out);
    msgpack_sbuffer_destroy(&sbuf);
}
