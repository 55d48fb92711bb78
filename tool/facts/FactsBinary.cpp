#include "facts/FactsBinary.h"

namespace egress {

void BinaryWriter::varint(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(char(uint8_t(v) | 0x80));
    v >>= 7;
  }
  out_.push_back(char(v));
}

// A string seen before is its number; a new one is 0, its length and its bytes.
void BinaryWriter::str(const std::string& s) {
  const auto [it, fresh] = strings_.try_emplace(s, uint32_t(strings_.size() + 1));
  if (!fresh) return varint(it->second);
  varint(0);
  varint(s.size());
  out_.append(s);
}

BinaryWriter::TrailContent BinaryWriter::trailContent(std::size_t before, const Trail& node) const {
  if (node.addedTrail()) return {before, trailId(node.added()), nullptr};
  return {before, 0, &node.addedStep()};
}

bool BinaryWriter::TrailContent::operator==(const TrailContent& o) const {
  if (before != o.before || appended != o.appended) return false;
  if (step == o.step) return true;
  if (!step || !o.step) return false;
  return step->loc.line == o.step->loc.line && step->loc.column == o.step->loc.column &&
         step->loc.file == o.step->loc.file && step->note == o.step->note;
}

std::size_t BinaryWriter::TrailContentHash::operator()(const TrailContent& c) const {
  std::size_t h = c.before * 1000003u ^ c.appended * 31u;
  if (!c.step) return h;
  const std::hash<std::string> text;
  return h ^ (text(c.step->loc.file) * 7u) ^ text(c.step->note) ^ (std::size_t(c.step->loc.line) << 20) ^
         c.step->loc.column;
}

// The number of a trail equal to `t` written before (0: none), found node by node.
std::size_t BinaryWriter::writtenTrail(const Trail& t) {
  std::vector<Trail> chain;  // newest first
  Trail cur = t;
  for (; !cur.empty() && !trailId(cur); cur = cur.before()) chain.push_back(cur);
  std::size_t id = cur.empty() ? 0 : trailId(cur);
  for (; !chain.empty(); chain.pop_back())
    if (!(id = sameTrail(id, chain.back()))) return 0;
  return id;
}

std::size_t BinaryWriter::sameTrail(std::size_t before, const Trail& node) {
  if (node.addedTrail() && !writtenTrail(node.added())) return 0;  // its trail is new: so is it
  const auto it = trailContents_.find(trailContent(before, node));
  if (it == trailContents_.end()) return 0;
  trails_.emplace(node.identity(), it->second);
  return it->second;
}

std::size_t BinaryWriter::noteTrail(const Trail& node, std::size_t before) {
  const std::size_t id = ++trailCount_;
  trails_.emplace(node.identity(), id);
  trailContents_.emplace(trailContent(before, node), id);
  return id;
}

uint64_t BinaryReader::varint() {
  uint64_t v = 0;
  for (unsigned shift = 0; ok_ && shift < 64; shift += 7) {
    if (pos_ == data_.size()) break;
    const uint8_t byte = uint8_t(data_[pos_++]);
    v |= uint64_t(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return v;
  }
  ok_ = false;
  return 0;
}

void BinaryReader::str(std::string& s) {
  const uint64_t ref = varint();
  if (ref > strings_.size()) return fail();
  if (ref) return void(s = strings_[ref - 1]);
  const uint64_t n = varint();
  if (!ok_ || n > data_.size() - pos_) return fail();
  s.assign(data_.data() + pos_, n);
  pos_ += n;
  strings_.push_back(s);
}

void BinaryReader::blob(std::string& s) {
  const uint64_t n = varint();
  if (!ok_ || n > data_.size() - pos_) return fail();
  s.assign(data_.data() + pos_, n);
  pos_ += n;
}

llvm::StringRef BinaryReader::blobRef() {
  const uint64_t n = varint();
  if (!ok_ || n > data_.size() - pos_) return fail(), llvm::StringRef();
  const llvm::StringRef out = data_.substr(pos_, n);
  pos_ += n;
  return out;
}

void BinaryReader::size(std::size_t& n) {
  const uint64_t v = varint();
  n = 0;
  if (v > data_.size() - pos_) return fail();
  n = std::size_t(v);
}

std::string encodeFacts(const TUFacts& tu) {
  BinaryWriter w;
  ioHead(w, mut(tu));
  io(w, mut(tu.functions));
  return w.bytes();
}

std::optional<TUFacts> decodeFactsHead(llvm::StringRef bytes) {
  BinaryReader r(bytes);
  TUFacts tu;
  ioHead(r, tu);
  if (!r.ok()) return std::nullopt;
  return tu;
}

bool decodeFactsFunctions(llvm::StringRef bytes, TUFacts& tu) {
  BinaryReader r(bytes);
  TUFacts head;  // read again: the functions name strings the head introduced
  ioHead(r, head);
  std::vector<FunctionFacts> functions;
  io(r, functions);
  if (!r.ok() || !r.atEnd()) return false;
  tu.functions = std::move(functions);
  return true;
}

}  // namespace egress
