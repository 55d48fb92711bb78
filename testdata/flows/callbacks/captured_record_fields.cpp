// A lambda filling one field of a record it captured by reference, run by a
// template helper (`each_line(file, [&](...) { snap.scans.push_back(...); })`):
// what the call left there is that field's, not every field's. The record's other
// fields keep their own values when it is returned.
#include <sys/socket.h>

#include <fstream>
#include <string>
#include <vector>

struct Scan {
  std::string code;
};
struct Merchant {
  std::string merchant_id;
};
struct Snapshot {
  std::vector<Scan> scans;
  std::vector<Merchant> merchants;
  std::vector<std::string> merchant_keys;
};

template <typename Fn>
void each_line(const std::string& file, Fn&& fn) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) fn(line);
}

Snapshot load() {
  Snapshot snap;
  each_line("scans.txt", [&](const std::string& l) { snap.scans.push_back(Scan{l}); });
  each_line("merchants.txt", [&](const std::string& l) { snap.merchants.push_back(Merchant{l}); });
  for (const Merchant& m : snap.merchants) snap.merchant_keys.push_back("M-" + m.merchant_id);
  return snap;
}

void upload(int fd) {
  const Snapshot snap = load();
  for (const Scan& s : snap.scans) send(fd, s.code.data(), s.code.size(), 0);  // expect-none
  for (const std::string& k : snap.merchant_keys) send(fd, k.data(), k.size(), 0);  // expect: unresolved seller.identity
}
