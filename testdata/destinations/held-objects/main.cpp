// Two instances of each client class with different destinations: each call is judged
// with the instance behind it, built here and handed through other objects.
#include <memory>
#include <utility>

#include "services.h"

void run_feeds(const Shipment& s, const Customer& c) {
  auto de = std::make_unique<HttpTransport>("https://feed.depot-partner.de");
  auto cn = std::make_unique<HttpTransport>("https://feed.depot-partner.cn");
  TrackingFeed eu_feed(std::move(de));
  TrackingFeed cn_feed(std::move(cn));
  eu_feed.publish(s);  // expect: allowed shipment.tracking
  cn_feed.publish(s);  // expect: violation shipment.tracking

  ContactSync crm(std::make_shared<HttpTransport>("https://crm.depot-partner.eu"));
  crm.push(c);  // expect: allowed customer.contact
  ContactSync offshore(std::shared_ptr<Transport>(new HttpTransport("https://crm.depot-partner.cn")));
  offshore.push(c);  // expect: violation customer.contact
}

void run_mirror(const Shipment& s) {
  HttpTransport local("http://10.0.8.15:8080");
  RouteMirror mirror(local);
  mirror.mirror(s);  // expect: allowed shipment.routing
}

void run_archive(const Shipment& s, const Customer& c) {
  TransportTable table;
  table.emplace("archive", std::make_unique<BucketTransport>("depot-archive", "eu-central-1"));
  table.emplace("mirror", std::make_unique<BucketTransport>("depot-mirror", "us-east-1"));
  Archiver archiver(table);
  archiver.archive(s);          // expect: allowed shipment.tracking
  archiver.archive_contact(c);  // expect: violation customer.contact
}

void run_factory(const Shipment& s) {
  TrackingFeed onshore(make_transport(false));
  onshore.publish(s);  // expect: allowed shipment.tracking
  TrackingFeed offshore(make_transport(true));
  offshore.publish(s);  // expect: violation shipment.tracking
}
