#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/filewritestream.h>
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/model.h"

// SAX writer over a StringBuffer; the buffer's text written to a file stream.
void export_contact(const Customer& c) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> writer(sb);
  writer.StartObject();
  writer.Key("name");
  writer.String(c.name.c_str());
  writer.Key("phone");
  writer.String(c.phone.c_str(), static_cast<rapidjson::SizeType>(c.phone.size()));
  writer.EndObject();
  std::ofstream out("/var/export/contact.json");
  out << sb.GetString();  // expect: unresolved customer.identity customer.contact

  rapidjson::StringBuffer counts;
  rapidjson::Writer<rapidjson::StringBuffer> cw(counts);
  cw.StartObject();
  cw.Key("name_len");
  cw.Uint(static_cast<unsigned>(c.name.size()));
  cw.Key("has_email");
  cw.Bool(!c.email.empty());
  cw.EndObject();
  out << counts.GetString();  // expect-none
}

// Numbers written by a PrettyWriter; the buffer sent over a socket.
void push_weight(const Shipment& s) {
  rapidjson::StringBuffer sb;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(sb);
  writer.StartObject();
  writer.Key("kg");
  writer.Double(s.weight_kg);
  writer.Key("trk");
  writer.String(s.tracking_no.c_str());
  writer.EndObject();
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7100);
  inet_pton(AF_INET, "192.168.40.2", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  send(fd, sb.GetString(), sb.GetSize(), 0);  // expect: allowed shipment.metrics shipment.tracking
  close(fd);
}

// DOM document: AddMember/SetString, then Accept(writer); sent to a .cn relay.
void push_document(const Shipment& s) {
  rapidjson::Document doc;
  doc.SetObject();
  rapidjson::Document::AllocatorType& alloc = doc.GetAllocator();
  rapidjson::Value email;
  email.SetString(s.recipient.email.c_str(), alloc);
  doc.AddMember("email", email, alloc);
  rapidjson::Value to(s.destination.c_str(), alloc);
  doc.AddMember("to", to, alloc);
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> writer(sb);
  doc.Accept(writer);
  addrinfo* res = nullptr;
  if (getaddrinfo("relay.crossborder.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);
  send(fd, sb.GetString(), sb.GetSize(), 0);  // expect: violation customer.contact shipment.routing

  rapidjson::Document stats;
  stats.SetObject();
  stats.AddMember("count", 1, stats.GetAllocator());
  rapidjson::Value kind;
  kind.SetString(s.recipient.city.c_str(), stats.GetAllocator());
  kind.SetString("masked");
  stats.AddMember("kind", kind, stats.GetAllocator());
  rapidjson::StringBuffer sb2;
  rapidjson::Writer<rapidjson::StringBuffer> w2(sb2);
  stats.Accept(w2);
  send(fd, sb2.GetString(), sb2.GetSize(), 0);  // expect-none
  freeaddrinfo(res);
}

// Arrays with PushBack; a parsed payload written back through a writer to a file.
void export_batch(const Customer& c, const std::string& payload) {
  rapidjson::Document doc;
  doc.SetArray();
  rapidjson::Value street(c.street.c_str(), doc.GetAllocator());
  doc.PushBack(street, doc.GetAllocator());
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> writer(sb);
  doc.Accept(writer);
  const std::string text = sb.GetString();
  std::ofstream out("/var/export/batch.json");
  out.write(text.data(), text.size());  // expect: unresolved customer.address

  rapidjson::Document parsed;
  parsed.Parse(payload.c_str());
  rapidjson::StringBuffer sb2;
  rapidjson::Writer<rapidjson::StringBuffer> w2(sb2);
  parsed.Accept(w2);
  out << sb2.GetString();  // expect-none
}

// A writer straight over a file stream (OStreamWrapper); a document accepted by it.
void export_direct(const Shipment& s) {
  std::ofstream ofs("/var/export/direct.json");
  rapidjson::OStreamWrapper osw(ofs);
  rapidjson::Writer<rapidjson::OStreamWrapper> writer(osw);
  writer.StartObject();
  writer.Key("origin");  // expect-none
  writer.String(s.origin.c_str());  // expect: unresolved shipment.routing
  writer.Key("kg");  // expect-none
  writer.Double(s.weight_kg);  // expect: unresolved shipment.metrics
  writer.Key("pieces");  // expect-none
  writer.Int(3);  // expect-none
  writer.EndObject();

  rapidjson::Document doc;
  doc.SetObject();
  rapidjson::Value trk(s.tracking_no.c_str(), doc.GetAllocator());
  doc.AddMember("trk", trk, doc.GetAllocator());
  std::ofstream ofs2("/var/export/doc.json");
  rapidjson::OStreamWrapper osw2(ofs2);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> pw(osw2);
  doc.Accept(pw);  // expect: unresolved shipment.tracking
  rapidjson::Document empty;
  empty.SetObject();
  empty.AddMember("version", 2, empty.GetAllocator());
  empty.Accept(pw);  // expect-none
}

// A writer over a FileWriteStream on a FILE* from fopen (see stdio-files).
void spool_document(const Customer& c) {
  FILE* fp = fopen("/var/spool/customers.json", "w");
  char buf[4096];
  rapidjson::FileWriteStream fws(fp, buf, sizeof buf);
  rapidjson::Writer<rapidjson::FileWriteStream> writer(fws);
  rapidjson::Document doc;
  doc.SetObject();
  rapidjson::Value name(c.name.c_str(), doc.GetAllocator());
  doc.AddMember("name", name, doc.GetAllocator());
  doc.Accept(writer);  // expect: unresolved customer.identity
  writer.Key("phone_len");  // expect-none
  writer.Uint(static_cast<unsigned>(c.phone.size()));  // expect-none
  writer.RawValue(c.phone.c_str(), c.phone.size(), rapidjson::kStringType);  // expect: unresolved customer.contact
  fclose(fp);
}

// A buffer that is only measured stays local.
std::size_t measure(const Customer& c) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> writer(sb);
  writer.String(c.email.c_str());
  return sb.GetSize();
}
