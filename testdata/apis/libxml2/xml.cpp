// libxml2: a text writer on a file, and a document tree saved to a file, are
// exports to that path. Nodes attached before they are filled still carry what is
// put into them afterwards.
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>

#include <string>
#include <vector>

#include "common/model.h"

namespace {
const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }
const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
}  // namespace

void write_manifest(const std::vector<Shipment>& shipments, const std::string& batch) {
  const std::string path = "/var/spool/customs/manifest-" + batch + ".xml";
  xmlTextWriterPtr w = xmlNewTextWriterFilename(path.c_str(), 0);
  xmlTextWriterStartDocument(w, nullptr, "UTF-8", nullptr);
  xmlTextWriterStartElement(w, X("Manifest"));
  for (const Shipment& s : shipments) {
    xmlTextWriterWriteElement(w, X("AWB"), X(s.tracking_no));              // expect: unresolved shipment.tracking
    xmlTextWriterWriteFormatElement(w, X("Weight"), "%.1f", s.weight_kg);  // expect: unresolved shipment.metrics
    xmlTextWriterWriteAttribute(w, X("consignee"), X(s.recipient.name));   // expect: unresolved customer.identity
    xmlTextWriterWriteElement(w, X("Kind"), X("parcel"));                  // expect-none
  }
  xmlTextWriterEndElement(w);
  xmlTextWriterEndDocument(w);
  xmlFreeTextWriter(w);
}

void write_route_sheet(const std::vector<Shipment>& shipments) {
  xmlDocPtr doc = xmlNewDoc(X("1.0"));
  xmlNodePtr root = xmlNewNode(nullptr, X("Route"));
  xmlDocSetRootElement(doc, root);  // attached while still empty
  for (const Shipment& s : shipments) {
    xmlNodePtr stop = xmlNewChild(root, nullptr, X("Stop"), nullptr);
    xmlNewTextChild(stop, nullptr, X("Street"), X(s.recipient.street));
    xmlNodePtr pin = xmlNewChild(stop, nullptr, X("Contact"), nullptr);
    xmlNewProp(pin, X("phone"), X(s.recipient.phone));
  }
  const char* sheet = "/srv/sftp/routes/today.xml";
  xmlSaveFormatFileEnc(sheet, doc, "UTF-8", 1);  // expect: unresolved customer.address customer.contact
  xmlFreeDoc(doc);
}

void write_counts(const std::vector<Shipment>& shipments) {
  xmlDocPtr doc = xmlNewDoc(X("1.0"));
  xmlNodePtr root = xmlNewNode(nullptr, X("Counts"));
  xmlNewProp(root, X("n"), X(std::to_string(shipments.size())));
  xmlDocSetRootElement(doc, root);
  xmlSaveFile("/srv/sftp/routes/counts.xml", doc);  // expect-none
  xmlFreeDoc(doc);
}

// A node built apart and added to its parent afterwards.
void write_label(const Shipment& s) {
  xmlDocPtr doc = xmlNewDoc(X("1.0"));
  xmlNodePtr root = xmlNewNode(nullptr, X("Label"));
  xmlDocSetRootElement(doc, root);
  xmlNodePtr to = xmlNewNode(nullptr, X("To"));
  xmlNodeSetContent(to, X(s.recipient.name));
  xmlAddChild(root, to);
  xmlSaveFile("/srv/sftp/labels/label.xml", doc);  // expect: unresolved customer.identity
  xmlFreeDoc(doc);
}

// One variable walked down the tree (`node = xmlNewChild(node, ...)`): still the
// document's, never a view of itself.
void write_nested(const Shipment& s) {
  xmlDocPtr doc = xmlNewDoc(X("1.0"));
  xmlNodePtr node = xmlNewNode(nullptr, X("Root"));
  xmlDocSetRootElement(doc, node);
  node = xmlNewChild(node, nullptr, X("Leg"), nullptr);
  node = xmlNewChild(node, nullptr, X("Stop"), nullptr);
  xmlNewProp(node, X("city"), X(s.recipient.city));
  xmlSaveFile("/srv/sftp/routes/nested.xml", doc);  // expect: unresolved customer.address
  xmlFreeDoc(doc);
}

// A save context on a file: the document saved through it goes to that path.
void save_through_context(const Shipment& s) {
  xmlDocPtr doc = xmlNewDoc(X("1.0"));
  xmlNodePtr root = xmlNewNode(nullptr, X("Pod"));
  xmlDocSetRootElement(doc, root);
  xmlNewProp(root, X("awb"), X(s.tracking_no));
  xmlSaveCtxtPtr ctxt = xmlSaveToFilename("/srv/sftp/pod/today.xml", "UTF-8", 0);
  xmlSaveDoc(ctxt, doc);  // expect: unresolved shipment.tracking
  xmlSaveClose(ctxt);
  xmlFreeDoc(doc);
}
