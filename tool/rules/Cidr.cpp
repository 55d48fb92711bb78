#include "rules/Cidr.h"

#include <arpa/inet.h>

namespace egress {

std::optional<IpAddress> parseIp(const std::string& text) {
  IpAddress ip;
  unsigned char v4[4];
  if (inet_pton(AF_INET, text.c_str(), v4) == 1) {
    ip.v4 = true;
    ip.bytes[10] = ip.bytes[11] = 0xff;
    for (int i = 0; i < 4; ++i) ip.bytes[12 + i] = v4[i];
    return ip;
  }
  if (inet_pton(AF_INET6, text.c_str(), ip.bytes.data()) == 1) return ip;
  return std::nullopt;
}

std::optional<Cidr> parseCidr(const std::string& text) {
  const auto slash = text.find('/');
  const auto ip = parseIp(text.substr(0, slash));
  if (!ip) return std::nullopt;
  const unsigned max = ip->v4 ? 32 : 128;
  unsigned bits = max;
  if (slash != std::string::npos) {
    const std::string p = text.substr(slash + 1);
    if (p.empty() || p.size() > 3 || p.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    bits = unsigned(std::stoul(p));
    if (bits > max) return std::nullopt;
  }
  return Cidr{*ip, ip->v4 ? bits + 96 : bits};
}

bool Cidr::contains(const IpAddress& ip) const {
  unsigned bits = prefix;
  for (unsigned i = 0; i < 16 && bits > 0; ++i) {
    const unsigned take = bits >= 8 ? 8 : bits;
    const unsigned char mask = static_cast<unsigned char>(0xff << (8 - take));
    if ((ip.bytes[i] & mask) != (base.bytes[i] & mask)) return false;
    bits -= take;
  }
  return true;
}

}  // namespace egress
