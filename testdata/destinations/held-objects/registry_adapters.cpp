// Adapters registered by name in a registry of factory pointers, created by name and
// used through their port: the call cannot trace which object it runs on, but each
// adapter's fields are what its constructor always stores there (a bucket record
// handed by value, built from a constant record's fields at its only construction).
// Which name picks which factory is not followed: a port with two adapters would
// report both at each call.
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/model.h"
#include "common/post.h"

namespace {

struct StorageTargets {
  const char* archive_bucket;
  const char* archive_endpoint;
  const char* lake_bucket;
  const char* lake_endpoint;
};
constexpr StorageTargets kStorage{"docs", "oss-eu-central-1.aliyuncs.com", "bi-lake", "oss-cn-shanghai.aliyuncs.com"};

struct Bucket {
  std::string name;
  std::string endpoint;
  std::string object_url(const std::string& key) const { return "https://" + name + "." + endpoint + "/" + key; }
};

struct DocumentStore {
  virtual ~DocumentStore() = default;
  virtual void put(const std::string& key, const std::string& body) = 0;
};

struct ReportingLake {
  virtual ~ReportingLake() = default;
  virtual void upload(const std::string& key, const std::string& csv) = 0;
};

template <class Port> class Registry {
 public:
  using Factory = std::unique_ptr<Port> (*)();
  static bool add(const std::string& name, Factory make) { return table().emplace(name, make).second; }
  static std::unique_ptr<Port> create(const std::string& name) {
    auto it = table().find(name);
    if (it == table().end()) throw std::runtime_error("no adapter " + name);
    return it->second();
  }

 private:
  static std::map<std::string, Factory>& table() {
    static std::map<std::string, Factory> t;
    return t;
  }
};

class BucketStore : public DocumentStore {
 public:
  BucketStore(Bucket bucket, std::string key) : bucket_(std::move(bucket)), key_(std::move(key)) {}
  void put(const std::string& key, const std::string& body) override { post(bucket_.object_url(key), body); }

 private:
  Bucket bucket_;
  std::string key_;
};

class LakeStore : public ReportingLake {
 public:
  explicit LakeStore(Bucket bucket) : bucket_(std::move(bucket)) {}
  void upload(const std::string& key, const std::string& csv) override { post(bucket_.object_url(key), csv); }

 private:
  Bucket bucket_;
};

std::unique_ptr<DocumentStore> make_archive() {
  const char* key = std::getenv("OSS_ACCESS_KEY");
  return std::make_unique<BucketStore>(Bucket{kStorage.archive_bucket, kStorage.archive_endpoint}, key ? key : "");
}
std::unique_ptr<ReportingLake> make_lake() {
  return std::make_unique<LakeStore>(Bucket{kStorage.lake_bucket, kStorage.lake_endpoint});
}
const bool archive_registered = Registry<DocumentStore>::add("archive", &make_archive);
const bool lake_registered = Registry<ReportingLake>::add("lake", &make_lake);

}  // namespace

// The archive's bucket is in Frankfurt (EU-located: shipment data may go there); the
// lake is in China.
void archive_shipment(const Shipment& s) {
  Registry<DocumentStore>::create("archive")->put("shipments/latest", s.origin);  // expect: allowed shipment.routing
  Registry<ReportingLake>::create("lake")->upload("routes.csv", s.destination);   // expect: violation shipment.routing
}
