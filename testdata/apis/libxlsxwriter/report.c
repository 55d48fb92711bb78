/* libxlsxwriter: a report object keeps the workbook and its sheet; the export
 * directory comes from the environment. Document properties, page captions, rich
 * strings and links are written into the file too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

struct customer {
    const char *name;
    const char *email;
    const char *phone;
    const char *city;
};

struct seller {
    const char *seller_id;
    const char *legal_name;
};

struct report {
    lxw_workbook *wb;
    lxw_worksheet *sheet;
    lxw_row_t next_row;
};

int report_open(struct report *r, const char *file_name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", getenv("DEPOT_REPORT_DIR"), file_name);
    r->wb = workbook_new(path);
    if (!r->wb)
        return -1;
    r->sheet = workbook_add_worksheet(r->wb, "Customers");
    r->next_row = 1;
    return 0;
}

void report_add(struct report *r, const struct customer *c)
{
    worksheet_write_string(r->sheet, r->next_row, 0, c->name, NULL); /* expect: violation customer.identity -- the path is unknown, outside the spool directory */
    worksheet_write_number(r->sheet, r->next_row, 1, (double)strlen(c->name), NULL); /* expect-none */
    r->next_row++;
}

int report_close(struct report *r)
{
    return workbook_close(r->wb);
}

int customer_report(const struct customer *cs, int n)
{
    struct report r;
    if (report_open(&r, "customers.xlsx") != 0)
        return -1;
    for (int i = 0; i < n; ++i)
        report_add(&r, &cs[i]);
    return report_close(&r);
}

int seller_statement(const struct seller *s, const struct customer *buyer)
{
    lxw_workbook *wb = workbook_new("/srv/statements/statement.xlsx");
    lxw_doc_properties props = {
        .title = "Monthly statement",
        .company = s->legal_name,
    };
    workbook_set_properties(wb, &props);                                   /* expect: violation seller.identity */
    workbook_set_custom_property_string(wb, "Seller", s->seller_id);      /* expect: violation seller.identity */
    workbook_set_custom_property_string(wb, "Checked by", "depot-bot");  /* expect-none */
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Statement");
    char caption[128];
    snprintf(caption, sizeof caption, "&LStatement for %s", buyer->name);
    worksheet_set_header(ws, caption);                                     /* expect: violation customer.identity */
    worksheet_set_footer(ws, "&CPage &P of &N");                          /* expect-none */
    lxw_chartsheet *chart_sheet = workbook_add_chartsheet(wb, "Volumes");
    chartsheet_set_footer(chart_sheet, caption);                           /* expect: violation customer.identity */
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_rich_string_tuple label = {.format = bold, .string = "City: "};
    lxw_rich_string_tuple value = {.format = NULL, .string = (char *)buyer->city};
    lxw_rich_string_tuple *fragments[] = {&label, &value, NULL};
    worksheet_write_rich_string(ws, 0, 0, fragments, NULL);                /* expect: violation customer.address */
    worksheet_write_url_opt(ws, 1, 0, "https://portal.example.de/c", NULL,
                            buyer->phone, NULL);                            /* expect: violation customer.contact */
    return workbook_close(wb);
}
