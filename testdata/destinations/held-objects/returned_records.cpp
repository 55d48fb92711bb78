// A record built in a return statement (`return Endpoint{bucket_ + ".oss-" + region_ +
// ".aliyuncs.com", "80"};`) keeps each field for the caller: a storage reference set up
// by a builder chain in main, kept by an uploader and copied per object, names its
// bucket's host where the data is sent. A copy takes the region the builder set, not
// the member's default.
#include <netdb.h>
#include <sys/socket.h>

#include <string>

#include "common/model.h"

namespace returned {

struct Endpoint {
  std::string host;
  std::string port;
};

int dial(const Endpoint& to) {
  addrinfo* res = nullptr;
  getaddrinfo(to.host.c_str(), to.port.c_str(), nullptr, &res);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, res->ai_addr, res->ai_addrlen);
  return fd;
}

class ObjectRef {
 public:
  ObjectRef& bucket(std::string name) {
    bucket_ = std::move(name);
    return *this;
  }
  ObjectRef& region(std::string region) {
    region_ = std::move(region);
    return *this;
  }
  ObjectRef& key(std::string key) {
    key_ = std::move(key);
    return *this;
  }
  Endpoint endpoint() const { return Endpoint{bucket_ + ".oss-" + region_ + ".aliyuncs.com", "80"}; }

 private:
  std::string bucket_;
  std::string region_{"cn-hangzhou"};
  std::string key_;
};

class Uploader {
 public:
  explicit Uploader(ObjectRef bucket) : bucket_(std::move(bucket)) {}
  void archive(const Shipment& s) {
    const ObjectRef object = ObjectRef(bucket_).key("parcels/" + s.tracking_no);
    const int fd = dial(object.endpoint());
    send(fd, s.tracking_no.data(), s.tracking_no.size(), 0);  // expect: allowed shipment.tracking
  }
  void mirror(const Shipment& s) {
    const ObjectRef object = ObjectRef(bucket_).key("parcels/" + s.tracking_no);
    const int fd = dial(object.endpoint());
    send(fd, s.tracking_no.data(), s.tracking_no.size(), 0);  // expect: violation shipment.tracking
  }

 private:
  ObjectRef bucket_;
};

Shipment next_shipment();

int main() {
  Uploader archive{ObjectRef{}.bucket("parcel-archive").region("eu-central-1")};
  Uploader mirror{ObjectRef{}.bucket("parcel-mirror").region("cn-shanghai")};
  archive.archive(next_shipment());
  mirror.mirror(next_shipment());
  return 0;
}

}  // namespace returned
