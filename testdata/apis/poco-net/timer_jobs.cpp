// A job object a Poco::Timer runs reads its partner client through a struct of
// services it holds by reference. The server's `run()` has `wire()` fill that
// struct: the client is built from a gateway built just before it, and the client's
// own helper only reads the session it is handed. So the session's host is the one
// `wire()` passed to the client, not that of another client built elsewhere.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/SharedPtr.h>
#include <Poco/Timer.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "common/model.h"

std::vector<Shipment> arrivedYesterday();

namespace {

struct Gateway {
  explicit Gateway(int retries) : retries(retries) {}
  int retries;
};

bool accepted(Poco::Net::HTTPClientSession& session) {
  Poco::Net::HTTPResponse response;
  session.receiveResponse(response);
  return response.getStatus() < Poco::Net::HTTPResponse::HTTP_BAD_REQUEST;
}

class PartnerClient {
 public:
  PartnerClient(Poco::SharedPtr<Gateway> gateway, const std::string& host)
      : gateway_(std::move(gateway)), session_(std::make_unique<Poco::Net::HTTPClientSession>(host, 8080)) {}

  bool sendArrivals(const std::vector<Shipment>& arrived) {
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/arrivals");
    std::ostream& os = session_->sendRequest(request);
    for (const Shipment& s : arrived) os << s.tracking_no << '\n';  // expect: allowed shipment.tracking
    return accepted(*session_);
  }

  void restart() { session_->reset(); }

 private:
  Poco::SharedPtr<Gateway> gateway_;
  std::unique_ptr<Poco::Net::HTTPClientSession> session_;
};

struct Services {
  Poco::SharedPtr<Gateway> gateway;
  std::unique_ptr<PartnerClient> partner;
};

class Jobs {
 public:
  explicit Jobs(Services& services) : services_(services) {}

  void onNightly(Poco::Timer&) {
    const std::vector<Shipment> arrived = arrivedYesterday();
    if (!services_.partner->sendArrivals(arrived)) services_.partner->restart();
  }

 private:
  Services& services_;
};

class Server {
 public:
  int run() {
    wire();
    Poco::Timer nightly(1000, 60 * 60 * 1000);
    nightly.start(Poco::TimerCallback<Jobs>(*jobs_, &Jobs::onNightly));
    return 0;
  }

 private:
  void wire() {
    services_.gateway = new Gateway(3);
    services_.partner = std::make_unique<PartnerClient>(services_.gateway, "ops.partner.example.de");
    jobs_ = std::make_unique<Jobs>(services_);
  }

  Services services_;
  std::unique_ptr<Jobs> jobs_;
};

// A second client, built for a manual check: what any object of the class may hold
// is not what the server's jobs hold.
bool checkPartner(const std::vector<Shipment>& sample) {
  PartnerClient manual(nullptr, "ops-test.partner.example.cn");
  return manual.sendArrivals(sample);  // expect: violation shipment.tracking
}

}  // namespace

int main() { return checkPartner(arrivedYesterday()) ? Server().run() : 1; }
