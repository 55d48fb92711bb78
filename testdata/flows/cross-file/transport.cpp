// Network wrappers. post() is called with different data and destinations, so
// its sink line carries no expectation; the call sites in callers.cpp do.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "transport.h"

const std::string kPartnerBase = "https://partner.crossborder.example.cn";

// Callers differ in destination: no expectation on this sink line.
void ApiClient::post_json(const std::string& path, const std::string& json) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, (base_ + path).c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, json.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void post(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// Every caller sends customer contact data to the internal depot.
void send_to_depot(const std::string& payload) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(7100);
  inet_pton(AF_INET, "10.70.0.8", &addr.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  send(fd, payload.data(), payload.size(), 0);  // expect: allowed customer.contact
  close(fd);
}

void Spool::add(const std::string& line) { queue_ += line + "\n"; }
void Spool::clear() { queue_.clear(); }
void Spool::set_contact(const std::string& who) { contact_ = who; }
void Spool::flush(int fd) const {
  const std::string out = contact_ + "\n" + queue_;
  send(fd, out.data(), out.size(), 0);
}
