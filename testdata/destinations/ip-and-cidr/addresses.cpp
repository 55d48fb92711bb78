// IP addresses and host names of the private network and the loopback are internal
// (rules/destinations/internal.yaml), so customer data may go there. A public address
// is in no catalog entry: its location is unknown, which customer data does not allow.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "common/model.h"

namespace {
void post(const char* url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body.c_str());  // verdict per call site, see below
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
}  // namespace

void private_networks(const Customer& c) {
  post("http://10.0.3.17:8080/crm", c.email);  // expect: allowed customer.contact
  post("http://192.168.1.20/crm", c.phone);  // expect: allowed customer.contact
  post("http://172.20.4.1/crm", c.name);  // expect: allowed customer.identity
  post("http://[fd12:3456::7]:8080/crm", c.street);  // expect: allowed customer.address
}

void loopback(const Customer& c) {
  post("http://127.0.0.1:5000/cache", c.email);  // expect: allowed customer.contact
  post("http://localhost:5000/cache", c.city);  // expect: allowed customer.address
  post("http://[::1]:5000/cache", c.name);  // expect: allowed customer.identity
}

void public_addresses(const Customer& c) {
  post("http://203.0.113.5/crm", c.email);  // expect: violation customer.contact
  post("http://172.32.0.1/crm", c.phone);  // expect: violation customer.contact -- just outside 172.16.0.0/12
  post("http://[2001:db8::5]/crm", c.name);  // expect: violation customer.identity
}

// The same judgement for a socket whose address was filled in by inet_pton.
void datagrams(const Customer& c) {
  const int fd = socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  local.sin_port = htons(514);
  inet_pton(AF_INET, "127.0.0.1", &local.sin_addr);
  sendto(fd, c.email.data(), c.email.size(), 0, reinterpret_cast<const sockaddr*>(&local), sizeof local);  // expect: allowed customer.contact
  sockaddr_in remote{};
  remote.sin_family = AF_INET;
  remote.sin_port = htons(514);
  inet_pton(AF_INET, "203.0.113.5", &remote.sin_addr);
  sendto(fd, c.email.data(), c.email.size(), 0, reinterpret_cast<const sockaddr*>(&remote), sizeof remote);  // expect: violation customer.contact
  const std::string count = std::to_string(c.email.size());
  sendto(fd, count.data(), count.size(), 0, reinterpret_cast<const sockaddr*>(&remote), sizeof remote);  // expect-none
  close(fd);
}
