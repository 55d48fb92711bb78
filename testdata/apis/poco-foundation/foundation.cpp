// POCO payloads and configuration: JSON objects stringified into a session's request
// stream (the session held by a SharedPtr member), Poco::format, a notification
// queue between threads, FileOutputStream exports, config and environment reads.
#include <Poco/AutoPtr.h>
#include <Poco/Environment.h>
#include <Poco/FileStream.h>
#include <Poco/Format.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Notification.h>
#include <Poco/NotificationQueue.h>
#include <Poco/SharedPtr.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <sstream>
#include <string>

#include "common/model.h"

class Uplink {
 public:
  explicit Uplink(const std::string& host) : _pSession(new Poco::Net::HTTPClientSession(host, 80)) {}
  void post(const std::string& body) {
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/v1/events");
    std::ostream& out = _pSession->sendRequest(request);
    out << body;  // expect: allowed customer.identity
  }

 private:
  Poco::SharedPtr<Poco::Net::HTTPClientSession> _pSession;
};

void send_json(const Customer& c) {
  Poco::JSON::Object::Ptr doc = new Poco::JSON::Object;
  doc->set("consignee", c.name);
  std::ostringstream body;
  doc->stringify(body);
  Uplink uplink("events.carrier.example.de");
  uplink.post(body.str());
}

// A document stringified straight into the request stream, or into a file.
void stream_json(const Shipment& s) {
  Poco::JSON::Object manifest;
  manifest.set("awb", s.tracking_no);
  Poco::Net::HTTPClientSession session("manifest.platform.example.cn", 80);
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/manifests");
  manifest.stringify(session.sendRequest(request));  // expect: violation shipment.tracking
  Poco::FileOutputStream file("/var/spool/wms/manifest.json");
  manifest.stringify(file);  // expect: unresolved shipment.tracking
  Poco::JSON::Object ping;
  ping.set("depot", 7);
  ping.stringify(session.sendRequest(request));  // expect-none
}

void export_file(const Shipment& s) {
  Poco::FileOutputStream out(Poco::format("/var/spool/wms/%s.csv", std::string("manifest")));
  out << s.tracking_no << '\n';  // expect: unresolved shipment.tracking
  out << "end\n";  // expect-none
}

class ParcelNotification : public Poco::Notification {
 public:
  explicit ParcelNotification(const Shipment& s) : _shipment(s) {}
  const Shipment& shipment() const { return _shipment; }

 private:
  Shipment _shipment;
};

void produce(Poco::NotificationQueue& queue, const Shipment& s) { queue.enqueueNotification(new ParcelNotification(s)); }

void consume(Poco::NotificationQueue& queue, Poco::Util::AbstractConfiguration& config) {
  Poco::AutoPtr<Poco::Notification> notification(queue.waitDequeueNotification());
  auto* parcel = dynamic_cast<ParcelNotification*>(notification.get());
  if (!parcel) return;
  Poco::Net::HTTPClientSession session(config.getString("relay.host"), 8080);
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/parcels");
  session.sendRequest(request) << parcel->shipment().destination;  // expect: unresolved shipment.routing
}

void run(const Shipment& s, Poco::Util::AbstractConfiguration& config) {
  Poco::NotificationQueue queue;
  produce(queue, s);
  consume(queue, config);
}

void from_environment(const Customer& c) {
  Poco::Net::HTTPClientSession session(Poco::Environment::get("WMS_CRM_HOST"), 443);
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/contacts");
  session.sendRequest(request) << c.email;  // expect: unresolved customer.contact
}
