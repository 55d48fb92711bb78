/* libxlsxwriter: cells written into a worksheet are exports to the path the
 * workbook was created on; the worksheet carries its workbook's path. */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "common/records.h"

char *pseudonymize(const char *text);
char *sha256_hex(const char *text);

static void write_header(lxw_worksheet *ws, lxw_format *bold)
{
    worksheet_write_string(ws, 0, 0, "AWB", bold);        /* expect-none */
    worksheet_write_string(ws, 0, 1, "Consignee", bold);  /* expect-none */
    worksheet_write_string(ws, 0, 2, "Weight (g)", bold); /* expect-none */
}

/* A row written by a helper through the worksheet it is handed. */
static void write_row(lxw_worksheet *ws, lxw_row_t row, const struct waybill *w)
{
    worksheet_write_string(ws, row, 0, w->tracking_no, NULL);  /* expect: allowed shipment.tracking */
    worksheet_write_string(ws, row, 1, w->to.full_name, NULL); /* expect: allowed customer.identity */
    worksheet_write_number(ws, row, 2, w->weight_g, NULL);     /* expect: allowed shipment.metrics */
}

int export_manifest(const struct waybill *rows, int n)
{
    lxw_workbook *wb = workbook_new("/var/spool/depot/manifest.xlsx");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Manifest");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    write_header(ws, bold);
    for (int i = 0; i < n; ++i)
        write_row(ws, (lxw_row_t)(i + 1), &rows[i]);
    worksheet_write_formula(ws, (lxw_row_t)(n + 1), 2, "=SUM(C2:C999)", bold); /* expect-none */
    worksheet_write_number(ws, (lxw_row_t)(n + 2), 0, n, NULL);                  /* expect-none -- a count */
    return workbook_close(wb);
}

/* The same sheet written to a home directory: outside the spool directory. */
int export_contacts(const struct consignee *c)
{
    lxw_workbook *wb = workbook_new("/home/ops/contacts.xlsx");
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    worksheet_write_string(ws, 0, 0, c->phone, NULL);                   /* expect: violation customer.contact */
    worksheet_write_string(ws, 0, 1, pseudonymize(c->email), NULL);     /* expect-none */
    char link[160];
    snprintf(link, sizeof link, "mailto:%s", c->email);
    worksheet_write_url(ws, 1, 0, link, NULL);                          /* expect: violation customer.contact */
    worksheet_write_comment(ws, 1, 1, c->street);                       /* expect: violation customer.address */
    return workbook_close(wb);
}

/* A sheet looked up by name writes to the same file. */
int export_declared(const struct waybill *w)
{
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = "/tmp"};
    lxw_workbook *wb = workbook_new_opt("/var/spool/depot/customs.xlsx", &opts);
    workbook_add_worksheet(wb, "Customs");
    lxw_worksheet *ws = workbook_get_worksheet_by_name(wb, "Customs");
    worksheet_write_formula_num(ws, 0, 0, "=B1*1.19", NULL, w->declared_value); /* expect: allowed shipment.contents */
    worksheet_merge_range(ws, 1, 0, 1, 3, w->to.postcode, NULL);               /* expect: allowed customer.address */
    worksheet_write_array_formula_num(ws, 3, 0, 3, 1, "{=B1:B2*1.19}", NULL, w->declared_value); /* expect: allowed shipment.contents */
    worksheet_write_string(ws, 2, 0, sha256_hex(w->tracking_no), NULL);          /* expect-none */
    return workbook_close(wb);
}
