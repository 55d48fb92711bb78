// pugixml: a document built through node and attribute handles, saved to a file
// (save_file, save into an std::ofstream or through an xml_writer_file), is an
// export of what was set on them; saved into a string stream it only fills it.
#include <pugixml.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/model.h"
#include "common/post.h"

std::string pseudonymize(const std::string& value);

// Handles chained off the document: append_child, append_attribute, text().
void write_pod(const Shipment& s) {
  pugi::xml_document doc;
  doc.append_child("Pod").append_attribute("awb").set_value(s.tracking_no.c_str());
  doc.append_child("Weight").text().set(s.weight_kg);
  doc.save_file("/srv/sftp/pod/today.xml");  // expect: unresolved shipment.tracking shipment.metrics
  pugi::xml_document counts;
  counts.append_child("Pieces").text().set(1);
  counts.save_file("/srv/sftp/pod/count.xml");  // expect-none
}

// The usual style keeps the handles in locals (`pugi::xml_node item =
// root.append_child(...)`): a node is a handle (a trivially copyable class holding a
// pointer), so the local is a view onto the document and what is set through it,
// also through a chained call, is in the document.
void write_manifest(const std::vector<Shipment>& shipments) {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("Manifest");
  for (const Shipment& s : shipments) {
    pugi::xml_node item = root.append_child("Shipment");
    item.append_attribute("awb").set_value(s.tracking_no.c_str());
  }
  doc.save_file("/srv/sftp/customs/manifest.xml");  // expect: unresolved shipment.tracking
}

// operator= on attributes and text, a pcdata node's value; saved into an ofstream.
void write_label(const Shipment& s) {
  pugi::xml_document doc;
  doc.append_child("To").append_attribute("name") = s.recipient.name.c_str();
  doc.append_child("Street").text() = s.recipient.street.c_str();
  doc.append_child("Phone").append_child(pugi::node_pcdata).set_value(s.recipient.phone.c_str());
  doc.document_element().append_attribute("awb") = s.tracking_no.c_str();
  std::ofstream out("/srv/labels/label.xml");
  doc.save(out);  // expect: unresolved customer.identity customer.address customer.contact shipment.tracking
  pugi::xml_document keyed;
  keyed.append_child("Ref").append_attribute("id") = pseudonymize(s.recipient.email).c_str();
  keyed.save(out, "  ");  // expect-none
}

// An element copied into another document; written through an xml_writer_file.
void write_stop(const Customer& c) {
  pugi::xml_document draft;
  draft.append_child("Stop").append_attribute("city").set_value(c.city.c_str());
  pugi::xml_document sheet;
  sheet.append_child("Route").append_copy(draft.first_child());
  FILE* f = std::fopen("/srv/routes/today.xml", "w");
  pugi::xml_writer_file writer(f);
  sheet.save(writer);  // expect: unresolved customer.address
  sheet.document_element().print(writer);  // expect: unresolved customer.address
  std::fclose(f);
  pugi::xml_writer_file console(stdout);
  sheet.save(console);  // expect-none -- the console
}

// An xml_writer_stream over a file stream writes into the file.
void write_contact_sheet(const Customer& c) {
  pugi::xml_document doc;
  doc.append_child("Contact").append_attribute("phone") = c.phone.c_str();
  std::ofstream out("/srv/contacts/sheet.xml");
  pugi::xml_writer_stream writer(out);
  doc.print(writer);  // expect: unresolved customer.contact
}

// Saved or printed into a string stream, the text is sent.
void push_contact(const Customer& c) {
  pugi::xml_document doc;
  doc.append_child("Contact").append_child("Email").text().set(c.email.c_str());
  std::ostringstream os;
  doc.save(os);
  post("https://crm.partner.example.cn/contacts", os.str());  // expect: violation customer.contact
  std::ostringstream node;
  doc.first_child().print(node);
  post("https://crm.depot.example.de/contacts", node.str());  // expect: allowed customer.contact
}

// The xml_writer of pugixml's manual: save() calls the program's write() with the
// text, which no model can say yet (a library call running a method of the
// program's object), so the text never reaches `result`: a known gap.
struct xml_string_writer : pugi::xml_writer {
  std::string result;
  void write(const void* data, size_t size) override { result.append(static_cast<const char*>(data), size); }
};

void push_with_writer(const Customer& c) {
  pugi::xml_document doc;
  doc.append_child("Name").text().set(c.name.c_str());
  xml_string_writer writer;
  doc.save(writer);
  post("https://crm.partner.example.cn/names", writer.result);  // gap expect: violation customer.identity -- save() calls writer.write()
}

// A fragment parsed into a node from a buffer.
void push_fragment(const Customer& c) {
  const std::string xml = "<Name>" + c.name + "</Name>";
  pugi::xml_document doc;
  doc.append_child("Wrap").append_buffer(xml.data(), xml.size());
  std::ostringstream os;
  doc.save(os);
  post("https://crm.partner.example.cn/names", os.str());  // expect: violation customer.identity
}
