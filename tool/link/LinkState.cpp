#include "link/LinkState.h"

#include <filesystem>
#include <unistd.h>

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include "facts/FactsBinary.h"

namespace egress {
namespace {

constexpr const char* kFormat = "egress-audit-link-state/2";

std::string statePath(const std::string& dir) { return (std::filesystem::path(dir) / "link-state.bin").string(); }

}  // namespace

// Outside the anonymous namespace: the container templates find them by ADL.
template <class A> void io(A& a, PendingCall& p) {
  io(a, p.target);
  io(a, p.site);
  io(a, p.chain);
}

// A summary is two parts, each decoded on its own: what the data of a call yields
// (Substitution reads only that), then the sinks and pending calls.
template <class A> void ioData(A& a, Summary& s) {
  io(a, s.ret);
  io(a, s.retStr);
  io(a, s.effects);
  io(a, s.effectStrs);
  io(a, s.effectFields);
  io(a, s.effectHolders);
  io(a, s.effectFns);
  io(a, s.retHolder);
  io(a, s.limits);
}
template <class A> void ioSinks(A& a, Summary& s) {
  io(a, s.sinks);
  io(a, s.reported);
  io(a, s.pending);
}

// No shared strings: each entry is written on its own (link-state.bin is large).
template <class A> void io(A& a, EntrySink& e) {
  io(a, e.readsObject);
  io(a, e.hasOrigins);
  io(a, e.globals);
}

template <class A> void io(A& a, StoredFunction& f) {
  io(a, f.key);
  io(a, f.componentKey);
  io(a, f.times);
  a.blob(f.summary);
  io(a, f.shape.sinks);
  io(a, f.shape.reported);
  io(a, f.shape.pending);
  io(a, f.shape.entrySinks);
  io(a, f.shape.limits);
  io(a, f.furtherReads);
}

std::string encodeSummary(const Summary& s) {
  BinaryWriter data, sinks, both;
  ioData(data, mut(s));
  ioSinks(sinks, mut(s));
  both.blob(data.bytes());
  both.blob(sinks.bytes());
  return both.bytes();
}

namespace {

// Part `part` (0: data, 1: sinks) of an encoded summary.
llvm::StringRef partOf(const std::string& bytes, unsigned part) {
  BinaryReader r(bytes);
  llvm::StringRef data = r.blobRef(), sinks = r.blobRef();
  if (!r.ok() || !r.atEnd()) return {};
  return part == 0 ? data : sinks;
}

template <class Part> bool decodePart(const std::string& bytes, unsigned part, Summary& into, Part&& io) {
  const llvm::StringRef text = partOf(bytes, part);
  if (text.empty()) return false;
  BinaryReader r(text);
  io(r, into);
  return r.ok() && r.atEnd();
}

}  // namespace

bool decodeSummaryData(const std::string& bytes, Summary& into) {
  return decodePart(bytes, 0, into, [](BinaryReader& r, Summary& s) { ioData(r, s); });
}

bool decodeSummarySinks(const std::string& bytes, Summary& into) {
  return decodePart(bytes, 1, into, [](BinaryReader& r, Summary& s) { ioSinks(r, s); });
}

bool decodeSummary(const std::string& bytes, Summary& into) {
  return decodeSummaryData(bytes, into) && decodeSummarySinks(bytes, into);
}

std::optional<LinkState> loadLinkState(const std::string& dir) {
  if (dir.empty()) return std::nullopt;
  auto buffer = llvm::MemoryBuffer::getFile(statePath(dir), /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) return std::nullopt;
  BinaryReader r((*buffer)->getBuffer());
  std::string format;
  r.blob(format);
  if (!r.ok() || format != kFormat) return std::nullopt;
  LinkState state;
  io(r, state.programKey);
  std::size_t n = 0;
  r.size(n);
  state.functions.reserve(n);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    std::string usr;
    r.blob(usr);
    io(r, state.functions[std::move(usr)]);
  }
  if (!r.ok() || !r.atEnd()) return std::nullopt;
  return state;
}

LinkStateWriter::LinkStateWriter(const std::string& dir, uint64_t programKey, std::size_t functions) {
  if (dir.empty()) return;
  path_ = statePath(dir) + ".tmp" + std::to_string(::getpid());
  std::error_code ec;
  out_ = std::make_unique<llvm::raw_fd_ostream>(path_, ec);
  if (ec) {
    out_.reset();
    return;
  }
  BinaryWriter head;
  head.blob(kFormat);
  io(head, programKey);
  head.size(functions);
  *out_ << head.bytes();
}

// Not closed: abandoned (an exception on the way), so the file goes too.
LinkStateWriter::~LinkStateWriter() {
  if (!out_) return;
  out_->close();
  out_->clear_error();
  out_.reset();
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

void LinkStateWriter::add(const std::string& usr, const StoredFunction& stored) {
  if (!out_) return;
  BinaryWriter entry;
  entry.blob(usr);
  io(entry, mut(stored));
  *out_ << entry.bytes();
}

std::string LinkStateWriter::close() {
  if (!out_) return {};
  out_->close();
  const bool failed = out_->has_error();
  out_->clear_error();
  out_.reset();
  std::error_code ec;
  if (failed) std::filesystem::remove(path_, ec);
  return failed ? std::string() : path_;
}

void commitLinkState(const std::string& dir, const std::string& written) {
  if (dir.empty() || written.empty()) return;
  std::error_code ec;
  std::filesystem::rename(written, statePath(dir), ec);
  if (ec) std::filesystem::remove(written, ec);
}

void storeLinkState(const std::string& dir, const LinkState& state) {
  LinkStateWriter writer(dir, state.programKey, state.functions.size());
  for (const auto& [usr, stored] : state.functions) writer.add(usr, stored);
  commitLinkState(dir, writer.close());
}

void removeLinkState(const std::string& dir) {
  std::error_code ec;
  if (!dir.empty()) std::filesystem::remove(statePath(dir), ec);
}

}  // namespace egress
