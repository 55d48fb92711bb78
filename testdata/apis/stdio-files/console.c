/* The standard streams are the console, not an export, also when a variable,
 * a global or a parameter carries them; a real file still is an export. */
#include <stdio.h>

struct parcel_c {
    char tracking_no[24];
    char destination[8];
};

static FILE* s_trace;
static FILE* s_journal;

void trace_init(int verbose) {
    s_trace = verbose ? stderr : NULL;
    s_journal = fopen("/var/log/depot/journal.log", "a");
}

static void dump(FILE* out, const struct parcel_c* p) {
    fprintf(out, "parcel %s to %s\n", p->tracking_no, p->destination); /* expect: unresolved shipment.tracking -- only through s_journal */
}

void trace_parcel(const struct parcel_c* p) {
    if (s_trace != NULL) dump(s_trace, p); /* expect-none */
    dump(s_journal, p);                    /* expect: unresolved shipment.tracking */
}
