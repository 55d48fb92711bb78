// Sanitizers (pseudonymize*, sha256_hex: see rules/data) and aggregates (sizes,
// counts, emptiness) carry no data; the raw value next to them does.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "common/model.h"

namespace crypto {
// Defined elsewhere (no body in the program): without the sanitizer rule the
// result would carry the argument.
std::string sha256_hex(const std::string& data);
}  // namespace crypto

// A body that would pass its input through; the sanitizer rule decides by name.
std::string pseudonymize(const std::string& value) {
  return "anon-" + std::to_string(std::hash<std::string>{}(value)) + value.substr(0, 0);
}

// A program helper that hashes before returning.
std::string customer_key(const Customer& c) { return crypto::sha256_hex(c.email + "|" + c.phone); }

void sanitized_to_cn(const Customer& c, const std::vector<Shipment>& shipments) {
  addrinfo* res = nullptr;
  if (getaddrinfo("analytics.partner.example.cn", "7001", nullptr, &res) != 0) return;
  const int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  connect(fd, res->ai_addr, res->ai_addrlen);

  // Negatives: pseudonymised and hashed values.
  const std::string alias = pseudonymize(c.name);
  send(fd, alias.data(), alias.size(), 0);  // expect-none
  const std::string digest = crypto::sha256_hex(c.email);
  send(fd, digest.data(), digest.size(), 0);  // expect-none
  const std::string key = customer_key(c);
  send(fd, key.data(), key.size(), 0);  // expect-none
  const std::string both = "k=" + pseudonymize(c.phone) + ";h=" + crypto::sha256_hex(c.street);
  send(fd, both.data(), both.size(), 0);  // expect-none

  // Negatives: aggregates.
  const std::string n = std::to_string(shipments.size());
  send(fd, n.data(), n.size(), 0);  // expect-none
  const auto heavy = std::count_if(shipments.begin(), shipments.end(),
                                   [](const Shipment& s) { return s.weight_kg > 30.0; });
  const std::string h = std::to_string(heavy);
  send(fd, h.data(), h.size(), 0);  // expect-none
  const std::string flags = std::string(c.email.empty() ? "0" : "1") + (c.phone.empty() ? "0" : "1");
  send(fd, flags.data(), flags.size(), 0);  // expect-none
  const std::size_t len = c.street.length();
  send(fd, &len, sizeof len, 0);  // expect-none

  // Positives: the raw value travels next to its hash / pseudonym / a count.
  const std::string leaky = "h=" + crypto::sha256_hex(c.email) + ";e=" + c.email;
  send(fd, leaky.data(), leaky.size(), 0);  // expect: violation customer.contact
  const std::string mixed = pseudonymize(c.name) + ":" + c.city;
  send(fd, mixed.data(), mixed.size(), 0);  // expect: violation customer.address
  const std::string counted = std::to_string(shipments.size()) + ":" + shipments.front().tracking_no;
  send(fd, counted.data(), counted.size(), 0);  // expect: violation shipment.tracking
  freeaddrinfo(res);
}

void sanitized_to_curl(const Shipment& s) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://metrics.example.com/v1/ingest");
  const std::string hashed = crypto::sha256_hex(s.recipient.phone);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, hashed.c_str());  // expect-none
  const std::string raw = s.recipient.phone;
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, raw.c_str());  // expect: violation customer.contact
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// Program wrappers whose result comes only from a sanitizer sanitize too; one that
// appends the raw value does not.
std::string contact_ref(const std::string& contact) { return crypto::sha256_hex("salt:" + contact); }
std::string leaky_ref(const std::string& contact) { return crypto::sha256_hex(contact) + "/" + contact; }

void wrapped_to_curl(const Customer& c) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://metrics.example.cn/v1/ingest");
  const std::string ref = contact_ref(c.email);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, ref.c_str());  // expect-none
  const std::string leak = leaky_ref(c.phone);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, leak.c_str());  // expect: violation customer.contact
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
