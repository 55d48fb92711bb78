// A process-wide depot object reached only through its accessors (a private
// constructor: the one static instance is the only object of its class).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/model.h"

struct Routes {
  std::string crm_base;      // customer relationship service
  std::string scans_base;    // partner scan feed
  std::string carrier_base;  // from the environment
  static Routes load();
};

class Depot {
 public:
  static Depot& get();
  void setup(Routes r) { routes_ = std::move(r); }
  const Routes& routes() const { return routes_; }

 private:
  Depot() = default;
  Routes routes_;
};

// A pointer-returning singleton, created on first use and never freed.
class Relay {
 public:
  static Relay* instance();
  void aim(const std::string& url) { url_ = url; }
  const std::string& url() const { return url_; }

 private:
  Relay() = default;
  std::string url_;
};

class ParcelListener {
 public:
  virtual ~ParcelListener() = default;
  virtual void on_parcel(const Shipment& s) = 0;
};

std::unique_ptr<ParcelListener> make_crm_listener(Depot& depot);
std::unique_ptr<ParcelListener> make_scan_listener(const Depot* depot);
void forward_carrier(const Shipment& s);
void forward_relay(const Shipment& s);
// A record assigned from braces in a factory and read through a method of it.
struct Url {
  std::string scheme = "https";
  std::string host;
  std::string join(const std::string& tail) const { return scheme + "://" + host + tail; }
};
struct Book {
  Url crm;
  static Book make();
};
class Hub {
 public:
  static Hub& instance();
  void configure(Book b) { book_ = std::move(b); }
  const Book& book() const { return book_; }
  Url& mirror() { return mirror_; }

 private:
  Hub() = default;
  Book book_;
  Url mirror_;
};
void hub_send(const Shipment& s);
void archive_day(const Shipment& s);
