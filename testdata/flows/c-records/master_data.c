/* Merchant master data loaded from a file into a global table, by a copy helper of
 * the program's own and by sscanf straight into the row, and written out whole by
 * another function, all run by one cycle: what was read from outside into a field
 * named like seller data is seller data wherever the table is read. A table of
 * counters filled the same way is not. */
#include <stdio.h>
#include <string.h>

struct merchant_row {
    char merchant_id[16];
    char legal_name[64];
    unsigned parcels;
};

struct depot_counter {
    char depot[8];
    unsigned scans;
};

static struct merchant_row g_merchants[64];
static size_t g_merchant_count;
static struct depot_counter g_counters[16];
static size_t g_counter_count;

static void copy_text(char *dst, const char *src, size_t cap)
{
    snprintf(dst, cap, "%s", src);
}

int load_merchants(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[256];
    if (f == NULL)
        return -1;
    while (fgets(line, sizeof line, f) != NULL && g_merchant_count < 64) {
        struct merchant_row *m = &g_merchants[g_merchant_count];
        char name[64];
        if (sscanf(line, "%15[^;];%63[^\n]", m->merchant_id, name) != 2)
            continue;
        copy_text(m->legal_name, name, sizeof m->legal_name);
        m->parcels = 0;
        g_merchant_count++;
    }
    fclose(f);
    return 0;
}

int load_counters(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[64];
    if (f == NULL)
        return -1;
    while (fgets(line, sizeof line, f) != NULL && g_counter_count < 16) {
        struct depot_counter *c = &g_counters[g_counter_count];
        if (sscanf(line, "%7[^;];%u", c->depot, &c->scans) == 2)
            g_counter_count++;
    }
    fclose(f);
    return 0;
}

int export_settlement(void)
{
    FILE *out = fopen("/var/spool/hub/settlement/merchants.dat", "wb");
    FILE *stats = fopen("/var/spool/hub/stats/depots.dat", "wb");
    if (out == NULL || stats == NULL)
        return -1;
    fwrite(g_merchants, sizeof g_merchants[0], g_merchant_count, out);  // expect: unresolved seller.identity
    fwrite(g_counters, sizeof g_counters[0], g_counter_count, stats);  // expect-none
    fclose(out);
    fclose(stats);
    return 0;
}

int settlement_cycle(const char *merchants, const char *counters)
{
    if (load_merchants(merchants) != 0 || load_counters(counters) != 0)
        return -1;
    return export_settlement();
}
