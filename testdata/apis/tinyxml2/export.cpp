// TinyXML-2: a document built from the elements it makes and inserts, saved with
// SaveFile or printed through an XMLPrinter on a FILE*, is an export of what was
// set on them; a printer without a file only collects the text, which is sent.
#include <tinyxml2.h>

#include <cstdio>
#include <string>
#include <vector>

#include "common/model.h"
#include "common/post.h"

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;
using tinyxml2::XMLPrinter;

std::string pseudonymize(const std::string& value);

// Elements attached while still empty, filled afterwards; saved to a path.
void write_manifest(const std::vector<Shipment>& shipments) {
  XMLDocument doc;
  XMLElement* root = doc.NewElement("Manifest");
  doc.InsertEndChild(root);
  for (const Shipment& s : shipments) {
    XMLElement* item = doc.NewElement("Shipment");
    root->InsertEndChild(item);
    item->SetAttribute("awb", s.tracking_no.c_str());
    XMLElement* kg = item->InsertNewChildElement("Weight");
    kg->SetText(s.weight_kg);
  }
  doc.SaveFile("/srv/sftp/customs/manifest.xml");  // expect: unresolved shipment.tracking shipment.metrics
  XMLDocument counts;
  XMLElement* n = counts.NewElement("Count");
  n->SetText(static_cast<unsigned>(shipments.size()));
  counts.InsertFirstChild(n);
  counts.SaveFile("/srv/sftp/customs/count.xml");  // expect-none
}

// Elements filled before they are inserted; a text node; SaveFile on a FILE*.
void write_label(const Shipment& s) {
  XMLDocument doc;
  XMLElement* label = doc.NewElement("Label");
  XMLElement* to = doc.NewElement("To");
  to->SetAttribute("name", s.recipient.name.c_str());
  label->InsertEndChild(to);
  XMLElement* street = doc.NewElement("Street");
  street->InsertEndChild(doc.NewText(s.recipient.street.c_str()));
  label->InsertAfterChild(to, street);
  doc.InsertEndChild(label);
  doc.RootElement()->SetAttribute("awb", s.tracking_no.c_str());
  FILE* fp = std::fopen("/srv/labels/label.xml", "w");
  doc.SaveFile(fp);  // expect: unresolved customer.identity customer.address shipment.tracking
  XMLDocument keyed;
  XMLElement* ref = keyed.NewElement("Ref");
  ref->SetText(pseudonymize(s.recipient.email).c_str());
  keyed.InsertEndChild(ref);
  keyed.SaveFile(fp);  // expect-none
  std::fclose(fp);
}

// A printer on a FILE*: Print and Accept write into the file.
void print_stop(const Customer& c) {
  XMLDocument doc;
  XMLElement* stop = doc.NewElement("Stop");
  doc.InsertEndChild(stop);
  XMLElement* city = stop->InsertNewChildElement("City");
  city->SetText(c.city.c_str());
  FILE* fp = std::fopen("/srv/routes/stop.xml", "w");
  XMLPrinter printer(fp);
  doc.Print(&printer);  // expect: unresolved customer.address
  stop->Accept(&printer);  // expect: unresolved customer.address
  std::fclose(fp);
  XMLPrinter console(stdout);
  doc.Print(&console);  // expect-none -- the console
  doc.SaveFile(stderr);  // expect-none
}

// The same child filled in one chained call: the call's result is a view onto
// `stop`, which is itself a view onto the document (it was inserted): what is set
// through the chain is in the document.
void print_stop_chained(const Customer& c) {
  XMLDocument doc;
  XMLElement* stop = doc.NewElement("Stop");
  doc.InsertEndChild(stop);
  stop->InsertNewChildElement("City")->SetText(c.city.c_str());
  doc.SaveFile("/srv/routes/stop-chained.xml");  // expect: unresolved customer.address
}

// A printer in memory: CStr() is the text, which is sent.
void push_contact(const Customer& c) {
  XMLDocument doc;
  XMLElement* contact = doc.NewElement("Contact");
  contact->InsertNewText(c.phone.c_str());
  doc.InsertEndChild(contact);
  XMLPrinter printer;
  doc.Accept(&printer);
  post("https://crm.partner.example.cn/contacts", printer.CStr());  // expect: violation customer.contact
  XMLPrinter again;
  doc.Print(&again);
  post("https://crm.depot.example.de/contacts", again.CStr());  // expect: allowed customer.contact
  // An element the same document makes holds only what is put into it; the engine
  // still gives a member call returning a pointer what its object holds, whatever
  // the model says: a known gap.
  XMLElement* summary = doc.NewElement("Summary");
  summary->SetAttribute("contacts", 1);
  XMLPrinter brief;
  summary->Accept(&brief);
  post("https://crm.partner.example.cn/summary", brief.CStr());  // gap expect-none -- NewElement's result holds the document
}

// The printer's streaming API, in memory and on a file.
void stream_contact(const Customer& c) {
  XMLPrinter printer;
  printer.OpenElement("Contact");
  printer.PushAttribute("email", c.email.c_str());
  printer.CloseElement();
  post("https://crm.partner.example.cn/emails", printer.CStr());  // expect: violation customer.contact
  FILE* fp = std::fopen("/srv/contacts/names.xml", "w");
  XMLPrinter file(fp);
  file.OpenElement("Contact");
  file.PushText(c.name.c_str());  // expect: unresolved customer.identity
  file.PushText(42);  // expect-none
  file.CloseElement();
  std::fclose(fp);
}
