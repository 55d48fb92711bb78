/* inih as a data-exchange reader: a legacy depot system exports consignees as INI
 * sections. The handler runs with the importer the caller set up (its upload handle
 * already aimed), and uploads each consignee once its section is complete. */
#include <curl/curl.h>
#include <ini.h>
#include <stdio.h>
#include <string.h>

struct consignee {
    char full_name[64];
    char phone[32];
    char postcode[12];
};

struct importer {
    CURL *upload;
    char current[64];
    struct consignee rec;
    int count;
};

char *pseudonymize(const char *text);

static void upload_record(struct importer *im)
{
    char body[256];
    snprintf(body, sizeof body, "name=%s&phone=%s&zip=%s", im->rec.full_name, im->rec.phone, im->rec.postcode);
    curl_easy_setopt(im->upload, CURLOPT_COPYPOSTFIELDS, body);
    curl_easy_perform(im->upload);
}

static void upload_count(struct importer *im)
{
    char body[32];
    snprintf(body, sizeof body, "count=%d", im->count);
    curl_easy_setopt(im->upload, CURLOPT_COPYPOSTFIELDS, body);
    curl_easy_perform(im->upload);
}

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
    struct importer *im = user;
    if (strcmp(section, im->current) != 0) {
        if (im->current[0] != '\0')
            upload_record(im);
        snprintf(im->current, sizeof im->current, "%s", section);
        memset(&im->rec, 0, sizeof im->rec);
        im->count++;
    }
    if (strcmp(name, "name") == 0)
        snprintf(im->rec.full_name, sizeof im->rec.full_name, "%s", value);
    else if (strcmp(name, "phone") == 0)
        snprintf(im->rec.phone, sizeof im->rec.phone, "%s", value);
    else if (strcmp(name, "zip") == 0)
        snprintf(im->rec.postcode, sizeof im->rec.postcode, "%s", value);
    return 1;
}

/* Only counts the entries: nothing about a consignee leaves. */
static int on_count(void *user, const char *section, const char *name, const char *value)
{
    struct importer *im = user;
    (void)section; (void)name; (void)value;
    if (++im->count % 100 == 0)
        upload_count(im);
    return 1;
}

int import_file(const char *path)
{
    struct importer im;
    memset(&im, 0, sizeof im);
    im.upload = curl_easy_init();
    curl_easy_setopt(im.upload, CURLOPT_URL, "https://import.partner-crm.example.cn/consignees");
    int rc = ini_parse(path, on_entry, &im); /* expect: violation customer.identity customer.contact customer.address */
    if (im.current[0] != '\0')
        upload_record(&im);
    curl_easy_cleanup(im.upload);
    return rc;
}

int import_text(const char *text)
{
    struct importer im;
    memset(&im, 0, sizeof im);
    im.upload = curl_easy_init();
    curl_easy_setopt(im.upload, CURLOPT_URL, "https://crm.depot.example.de/import");
    return ini_parse_string(text, on_entry, &im); /* expect: allowed customer.identity customer.contact */
}

int import_stream(FILE *fp)
{
    struct importer im;
    memset(&im, 0, sizeof im);
    im.upload = curl_easy_init();
    curl_easy_setopt(im.upload, CURLOPT_URL, "https://import.partner-crm.example.cn/consignees");
    return ini_parse_file(fp, on_entry, &im); /* expect: violation customer.contact */
}

static char *read_line(char *str, int num, void *stream)
{
    return fgets(str, num, (FILE *)stream);
}

int import_reader(FILE *fp)
{
    struct importer im;
    memset(&im, 0, sizeof im);
    im.upload = curl_easy_init();
    curl_easy_setopt(im.upload, CURLOPT_URL, "https://import.partner-crm.example.cn/consignees");
    return ini_parse_stream(read_line, fp, on_entry, &im); /* expect: violation customer.address */
}

int count_entries(const char *path)
{
    struct importer im;
    memset(&im, 0, sizeof im);
    im.upload = curl_easy_init();
    curl_easy_setopt(im.upload, CURLOPT_URL, "https://import.partner-crm.example.cn/stats");
    return ini_parse(path, on_count, &im); /* expect-none */
}
