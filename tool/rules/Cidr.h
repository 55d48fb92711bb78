// IPv4/IPv6 addresses and CIDR blocks, as used by the catalog and the policy.
#pragma once

#include <array>
#include <optional>
#include <string>

namespace egress {

struct IpAddress {
  std::array<unsigned char, 16> bytes{};  // IPv4 stored as ::ffff:a.b.c.d
  bool v4 = false;
};

struct Cidr {
  IpAddress base;
  unsigned prefix = 0;  // in bits of the 128-bit form
  bool contains(const IpAddress& ip) const;
};

std::optional<IpAddress> parseIp(const std::string& text);
std::optional<Cidr> parseCidr(const std::string& text);

}  // namespace egress
