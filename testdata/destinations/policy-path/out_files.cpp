// A helper opens the export file into a record the caller keeps (`out_open(&of,
// dir, name)` setting `of->fp = fopen(of->tmp, "w")`), and the caller writes through
// `of.fp`: the file is the one the helper opened, in the directory the caller named.
#include <stdio.h>

struct Consignment {
  char tracking_no[24];
};

struct out_file {
  char tmp[256];
  FILE *fp;
};

static int out_open(struct out_file *of, const char *dir, const char *name) {
  snprintf(of->tmp, sizeof of->tmp, "%s/.%s.tmp", dir, name);
  of->fp = fopen(of->tmp, "w");
  return of->fp ? 0 : -1;
}

int export_to_spool(const Consignment *c) {
  struct out_file of;
  if (out_open(&of, "/var/spool/edi", "manifest.csv") != 0) return -1;
  fprintf(of.fp, "%s\n", c->tracking_no);  // expect: allowed shipment.tracking
  return fclose(of.fp);
}

int export_to_tmp(const Consignment *c) {
  struct out_file of;
  if (out_open(&of, "/tmp", "manifest.csv") != 0) return -1;
  fprintf(of.fp, "%s\n", c->tracking_no);  // expect: violation shipment.tracking
  return fclose(of.fp);
}
