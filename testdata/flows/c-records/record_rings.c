/* Records kept in an array inside another record (a ring of the last scans, a
 * day's table) and written out as raw memory: `fwrite(&r->slot[i], sizeof
 * r->slot[0], n, f)` or `fwrite(r->slot, ...)` reads every field of each element,
 * as `fwrite(rec, sizeof *rec, 1, f)` does. A ring of counters carries nothing. */
#include <stdio.h>

struct bag_scan {
    char tag_no[11];
    char pax_name[40];
    float weight_kg;
};

#define RING_CAP 64
struct bag_ring {
    unsigned head, count;
    struct bag_scan slot[RING_CAP];
};

struct tally {
    unsigned scanned[RING_CAP];
};

void ring_push(struct bag_ring *r, const struct bag_scan *b)
{
    r->slot[(r->head + r->count) % RING_CAP] = *b;
    r->count++;
}

int ring_spool(struct bag_ring *r)
{
    FILE *fp = fopen("/var/spool/bags/ring.spl", "wb");
    if (!fp)
        return -1;
    fwrite(&r->slot[r->head], sizeof r->slot[0], r->count, fp); /* expect: unresolved customer.identity shipment.tracking */
    return fclose(fp);
}

int ring_dump(const struct bag_ring *r)
{
    FILE *fp = fopen("/var/spool/bags/all.spl", "wb");
    if (!fp)
        return -1;
    fwrite(r->slot, sizeof r->slot[0], RING_CAP, fp); /* expect: unresolved customer.identity shipment.tracking */
    return fclose(fp);
}

int tally_dump(const struct tally *t)
{
    FILE *fp = fopen("/var/spool/bags/tally.bin", "wb");
    if (!fp)
        return -1;
    fwrite(t->scanned, sizeof t->scanned[0], RING_CAP, fp); /* expect-none */
    return fclose(fp);
}
