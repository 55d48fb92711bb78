/* One helper writes a parcel block through whatever xmlTextWriter it is handed. A
 * writer over a file exports what it writes there; a writer over the caller's own
 * xmlBuffer only fills the buffer, which is sent (or not) afterwards. */
#include <curl/curl.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>

struct parcel {
    char tracking_no[24];
    char consignee_name[48];
};

static void write_parcel(xmlTextWriterPtr w, const struct parcel *p)
{
    xmlTextWriterStartElement(w, BAD_CAST "Parcel");
    xmlTextWriterWriteElement(w, BAD_CAST "Tracking", BAD_CAST p->tracking_no); /* expect: unresolved shipment.tracking */
    xmlTextWriterWriteElement(w, BAD_CAST "Name", BAD_CAST p->consignee_name);
    xmlTextWriterEndElement(w);
}

void export_parcel(const struct parcel *p)
{
    xmlTextWriterPtr w = xmlNewTextWriterFilename("/var/spool/depot/parcel.xml", 0);
    write_parcel(w, p); /* expect: unresolved shipment.tracking -- the file */
    xmlFreeTextWriter(w);
}

/* Built in memory and posted: the post carries the parcel, the buffer is no export. */
void post_parcel(const struct parcel *p)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
    write_parcel(w, p);
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, "https://depot.example.cn/parcels");
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, (const char *)xmlBufferContent(buf)); /* expect: violation shipment.tracking customer.identity */
    curl_easy_perform(h);
}

/* Built in memory and only measured. */
int parcel_size(const struct parcel *p)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
    write_parcel(w, p); /* expect-none */
    xmlFreeTextWriter(w);
    int n = xmlBufferLength(buf);
    xmlBufferFree(buf);
    return n;
}
