// Propagation through string streams: operator<< chains into std::ostringstream
// and std::stringstream, read back with .str().
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <iomanip>
#include <sstream>
#include <string>

#include "common/model.h"

void ostringstream_to_internal(const Shipment& s) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7000);
  inet_pton(AF_INET, "10.12.0.9", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);

  // A << chain mixing literals, fields and manipulators.
  std::ostringstream os;
  os << "trk=" << s.tracking_no << ";kg=" << std::fixed << std::setprecision(1) << s.weight_kg;
  const std::string label = os.str();
  send(fd, label.data(), label.size(), 0);  // expect: allowed shipment.tracking shipment.metrics

  // Statements writing one by one; str() used directly in the call.
  std::ostringstream addr_os;
  addr_os << s.recipient.street;
  addr_os << ", ";
  addr_os << s.recipient.city;
  send(fd, addr_os.str().data(), addr_os.str().size(), 0);  // expect: allowed customer.address

  // Negative: a stream fed only with sizes and literals.
  std::ostringstream stats;
  stats << "name_len=" << s.recipient.name.size() << " has_phone=" << !s.recipient.phone.empty();
  const std::string st = stats.str();
  send(fd, st.data(), st.size(), 0);  // expect-none
  close(fd);
}

void stringstream_to_cn(const Customer& c) {
  addrinfo* res = nullptr;
  if (getaddrinfo("streams.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // std::stringstream written with <<, read back with str().
  std::stringstream ss;
  ss << c.name << " <" << c.email << ">";
  const std::string who = ss.str();
  send(fd, who.data(), who.size(), 0);  // expect: violation customer.identity customer.contact

  // The stream passed by reference to an ostream& and written through it.
  std::ostringstream body;
  std::ostream& out = body;
  out << "phone:" << c.phone;
  const std::string b = body.str();
  send(fd, b.data(), b.size(), 0);  // expect: violation customer.contact

  // Negative: a separate stream that never received data.
  std::ostringstream hello;
  hello << "HELLO " << 2;
  const std::string h = hello.str();
  send(fd, h.data(), h.size(), 0);  // expect-none
  freeaddrinfo(res);
}

void stream_to_curl(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://ingest.route-planner.example.cn/v2/legs");
  std::ostringstream json;
  json << "{\"from\":\"" << s.origin << "\",\"to\":\"" << s.destination << "\"}";
  const std::string body = json.str();
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());  // expect: violation shipment.routing
  std::ostringstream ping;
  ping << "{\"ping\":" << 1 << "}";
  const std::string p = ping.str();
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, p.c_str());  // expect-none
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
