/* Manifest exports with GLib/GIO: a GKeyFile saved or turned into text,
 * g_file_set_contents, g_file_replace_contents and the output streams of a
 * GFile (replace / create / append_to), each to the file's path. */
#include <gio/gio.h>
#include <string.h>

#include "common/records.h"

char *sha256_hex(const char *value);

void save_manifest_keyfile(const struct waybill *w)
{
    GKeyFile *kf = g_key_file_new();
    g_key_file_set_string(kf, "waybill", "awb", w->tracking_no);
    g_key_file_set_value(kf, "consignee", "phone", w->to.phone);
    g_key_file_set_integer(kf, "waybill", "pieces", w->piece_count);
    g_key_file_save_to_file(kf, "/var/spool/depot/manifest.ini", NULL); /* expect: unresolved shipment.tracking customer.contact */

    GKeyFile *stats = g_key_file_new();
    g_key_file_set_integer(stats, "run", "pieces", w->piece_count);
    g_key_file_save_to_file(stats, "/var/spool/depot/stats.ini", NULL); /* expect-none */

    gsize len = 0;
    gchar *text = g_key_file_to_data(kf, &len, NULL);
    g_file_set_contents("/var/spool/depot/manifest.copy.ini", text, len, NULL); /* expect: unresolved shipment.tracking customer.contact */
    g_free(text);
    g_key_file_free(kf);
    g_key_file_free(stats);
}

void export_consignee_file(const struct consignee *c)
{
    gchar *line = g_strdup_printf("%s;%s\n", c->full_name, c->street);
    GFile *f = g_file_new_for_path("/var/spool/depot/consignees.csv");
    g_file_replace_contents(f, line, strlen(line), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL); /* expect: unresolved customer.identity customer.address */

    gchar *hashed = sha256_hex(c->email);
    g_file_replace_contents(f, hashed, strlen(hashed), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL); /* expect-none */
    g_object_unref(f);
    g_free(line);
}

void stream_scans(const struct waybill *w, const char *spool_dir)
{
    GFile *dir = g_file_new_for_path(spool_dir);
    GFile *file = g_file_get_child(dir, "scans.log");
    GFileOutputStream *fos = g_file_append_to(file, G_FILE_CREATE_NONE, NULL, NULL);
    GOutputStream *out = G_OUTPUT_STREAM(fos);
    gchar *row = g_strdup_printf("%s %s\n", w->tracking_no, w->to.city);
    g_output_stream_write_all(out, row, strlen(row), NULL, NULL, NULL); /* expect: unresolved shipment.tracking customer.address */
    g_output_stream_close(out, NULL, NULL);

    GFile *edi = g_file_new_build_filename(spool_dir, "edi", "scans.edi", NULL);
    GFileOutputStream *eos = g_file_replace(edi, NULL, TRUE, G_FILE_CREATE_NONE, NULL, NULL);
    g_output_stream_write_all(G_OUTPUT_STREAM(eos), row, strlen(row), NULL, NULL, NULL); /* expect: unresolved shipment.tracking customer.address */
    g_free(row);
}

void stream_labels(const struct waybill *w)
{
    GFile *file = g_file_new_for_path("/var/spool/depot/labels.txt");
    GFileOutputStream *fos = g_file_replace(file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL);
    g_output_stream_printf(G_OUTPUT_STREAM(fos), NULL, NULL, NULL, "%s\n%s\n", w->to.full_name, w->to.postcode); /* expect: unresolved customer.identity customer.address */

    GFile *created = g_file_new_for_path(g_getenv("LABEL_ARCHIVE"));
    GFileOutputStream *cos = g_file_create(created, G_FILE_CREATE_NONE, NULL, NULL);
    g_output_stream_write(G_OUTPUT_STREAM(cos), w->tracking_no, strlen(w->tracking_no), NULL, NULL); /* expect: unresolved shipment.tracking */
    g_output_stream_write(G_OUTPUT_STREAM(cos), "EOF\n", 4, NULL, NULL); /* expect-none */
}

void export_daily(const struct waybill *w, const char *spool_dir)
{
    gchar *path = g_build_filename(spool_dir, "daily", "awb.txt", NULL);
    gchar *fields[] = {(gchar *)w->tracking_no, (gchar *)w->to.phone, NULL};
    gchar *line = g_strjoinv(";", fields);
    g_file_set_contents_full(path, line, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL); /* expect: unresolved shipment.tracking customer.contact */

    GString *summary = g_string_new_len("pieces=", 7);
    g_string_assign(summary, w->to.full_name);
    GFile *target = g_file_new_for_path("/srv/depot/out/summary.txt");
    gchar *local = g_file_get_path(target);
    g_file_set_contents(local, summary->str, summary->len, NULL); /* expect: unresolved customer.identity */
    g_string_free(summary, TRUE);
    g_free(local);
    g_free(line);
    g_free(path);
}
