// Services holding their transports: by unique_ptr, shared_ptr, reference, and in a
// table of named transports.
#pragma once

#include <memory>

#include "common/model.h"
#include "transports.h"

class TrackingFeed {
 public:
  explicit TrackingFeed(std::unique_ptr<Transport> out) : out_(std::move(out)) {}
  void publish(const Shipment& s);

 private:
  std::unique_ptr<Transport> out_;
};

class ContactSync {
 public:
  explicit ContactSync(std::shared_ptr<Transport> out) : out_(std::move(out)) {}
  void push(const Customer& c);

 private:
  std::shared_ptr<Transport> out_;
};

class RouteMirror {
 public:
  explicit RouteMirror(Transport& out) : out_(out) {}
  void mirror(const Shipment& s);

 private:
  Transport& out_;
};

class Archiver {
 public:
  explicit Archiver(TransportTable& table) : table_(table) {}
  void archive(const Shipment& s);
  void archive_contact(const Customer& c);

 private:
  TransportTable& table_;
};
