// An exporter built with a struct of references to its sinks, written in the
// constructor call (`Exporter x({outbox, finance})`): each member is the client
// the caller named, with the endpoint it was built with.
#include <curl/curl.h>

#include <cstdio>
#include <string>

#include "common/model.h"

class Outlet {
 public:
  virtual ~Outlet() = default;
  virtual void put(const std::string& body) = 0;
};

class HttpOutlet final : public Outlet {
 public:
  explicit HttpOutlet(std::string url) : url_(std::move(url)) {}
  void put(const std::string& body) override {
    CURL* h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());  // expect: allowed customer.contact
    curl_easy_perform(h);
  }

 private:
  std::string url_;
};

class FileOutlet final : public Outlet {
 public:
  explicit FileOutlet(std::string path) : path_(std::move(path)) {}
  void put(const std::string& body) override {
    FILE* f = std::fopen(path_.c_str(), "a");
    std::fputs(body.c_str(), f);  // expect: unresolved customer.identity
    std::fclose(f);
  }

 private:
  std::string path_;
};

class ContactExporter {
 public:
  struct Outlets {
    Outlet& archive;
    Outlet& crm;
  };
  explicit ContactExporter(Outlets outlets) : outlets_(outlets) {}
  void emit(const Customer& c) {
    outlets_.archive.put(c.name);
    outlets_.crm.put(c.email);
  }

 private:
  Outlets outlets_;
};

void exportContact(const Customer& c) {
  FileOutlet archive("/var/spool/archive/contacts.txt");
  HttpOutlet crm("https://crm.example.de/contacts");
  ContactExporter exporter({archive, crm});
  exporter.emit(c);
}
