#include <Poco/Net/DatagramSocket.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <sstream>
#include <string>

#include "common/model.h"

using Poco::Net::HTTPClientSession;
using Poco::Net::HTTPMessage;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPSClientSession;

// HTTPSClientSession on a .cn host: body written to the request stream.
void upload_contact(const Customer& c) {
  HTTPSClientSession session("api.crossborder.example.cn", 443);
  HTTPRequest req(HTTPRequest::HTTP_POST, "/v1/contacts", HTTPMessage::HTTP_1_1);
  const std::string body = "{\"email\":\"" + c.email + "\"}";
  req.setContentType("application/json");
  req.setContentLength(static_cast<std::streamsize>(body.size()));
  std::ostream& os = session.sendRequest(req);
  os << body;  // expect: violation customer.contact
  Poco::Net::HTTPResponse res;
  session.receiveResponse(res);
}

// HTTPClientSession on a .de host; a header in the request and a body.
void post_event(const Shipment& s) {
  HTTPClientSession session("events.carrier.example.de", 80);
  HTTPRequest req(HTTPRequest::HTTP_PUT, "/v1/events", HTTPMessage::HTTP_1_1);
  req.set("X-Tracking", s.tracking_no);
  std::ostream& os = session.sendRequest(req);  // expect: allowed shipment.tracking
  os << s.destination << ";" << s.weight_kg;  // expect: allowed shipment.routing shipment.metrics
  HTTPRequest ping(HTTPRequest::HTTP_GET, "/health", HTTPMessage::HTTP_1_1);
  session.sendRequest(ping) << "ping";  // expect-none
}

// Session created from a Poco::URI on a .com host, host set later, and a form.
void sync_crm(const Customer& c, const Options& o) {
  const Poco::URI uri("https://crm.saas-vendor.com/api/sync");
  HTTPSClientSession session(uri.getHost(), uri.getPort());
  HTTPRequest req(HTTPRequest::HTTP_POST, uri.getPathAndQuery(), HTTPMessage::HTTP_1_1);
  Poco::Net::HTMLForm form;
  form.set("name", c.name);
  form.prepareSubmit(req);
  std::ostream& os = session.sendRequest(req);  // expect: violation customer.identity -- prepareSubmit may encode the form into the URI
  form.write(os);  // expect: violation customer.identity
  HTTPClientSession other;
  other.setHost("crm.saas-vendor.com");
  HTTPRequest flags(HTTPRequest::HTTP_POST, "/flags", HTTPMessage::HTTP_1_1);
  std::ostream& fs = other.sendRequest(flags);
  fs << o.email_enabled << ',' << o.address_family;  // expect-none
  fs << c.city;  // expect: violation customer.address
  const std::string local = c.phone;  // kept locally
  std::ostringstream log;
  log << local;
}

// A host from the environment.
void notify(const Shipment& s) {
  HTTPClientSession session(std::getenv("PARTNER_HOST"));
  HTTPRequest req(HTTPRequest::HTTP_POST, "/notify", HTTPMessage::HTTP_1_1);
  std::ostream& os = session.sendRequest(req);
  os.write(s.recipient.city.data(), static_cast<std::streamsize>(s.recipient.city.size()));  // expect: unresolved customer.address
}

// Raw sockets: StreamSocket + SocketStream to an internal printer, UDP to a .cn collector.
void sockets(const Shipment& s) {
  Poco::Net::StreamSocket sock;
  sock.connect(Poco::Net::SocketAddress("10.0.0.5", 9100));
  const std::string label = s.recipient.name + "\n" + s.tracking_no;
  sock.sendBytes(label.data(), static_cast<int>(label.size()));  // expect: allowed customer.identity shipment.tracking
  Poco::Net::SocketStream str(sock);
  str << s.recipient.street;  // expect: allowed customer.address
  Poco::Net::DatagramSocket udp;
  const Poco::Net::SocketAddress collector("metrics.example.cn", 8125);
  const std::string w = std::to_string(s.weight_kg);
  udp.sendTo(w.data(), static_cast<int>(w.size()), collector);  // expect: violation shipment.metrics
  const std::string n = std::to_string(s.tracking_no.size());
  udp.sendTo(n.data(), static_cast<int>(n.size()), collector);  // expect-none
}

// Mail through an SMTP relay on a .com host.
void mail(const Customer& c) {
  Poco::Net::SMTPClientSession smtp("smtp.mailvendor.com");
  Poco::Net::MailMessage msg;
  msg.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, c.email));
  msg.setSubject("Your parcel");
  msg.setContent("Your parcel is on its way.");
  smtp.sendMessage(msg);  // expect: violation customer.contact
}
