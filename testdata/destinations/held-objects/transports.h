// Transports of the program: an interface, a libcurl client keeping its base URL in a
// field, and an object-store client assembling its host from two fields.
#pragma once

#include <map>
#include <memory>
#include <string>

class Transport {
 public:
  virtual ~Transport() = default;
  virtual void send(const std::string& path, const std::string& body) = 0;
};

class HttpTransport final : public Transport {
 public:
  explicit HttpTransport(std::string base_url);
  void send(const std::string& path, const std::string& body) override;

 private:
  std::string base_url_;
};

class BucketTransport final : public Transport {
 public:
  BucketTransport(std::string bucket, std::string region);
  void send(const std::string& path, const std::string& body) override;

 private:
  std::string bucket_;
  std::string region_;
};

// A factory choosing the transport by region.
std::unique_ptr<Transport> make_transport(bool offshore);

using TransportTable = std::map<std::string, std::unique_ptr<Transport>>;
