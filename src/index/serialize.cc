// The summary's wire format: little-endian, length-prefixed, versioned.
//   "PSUM" u32 version, then the fields of ModuleSummary in declaration order;
//   strings are u32 length + bytes, vectors u32 count + items, bools one byte.
// Decoding checks every length against what is left, so a truncated or
// corrupted blob gives a diagnostic, never a crash or a huge allocation.
#include <cstring>

#include "index/summary.h"

namespace portalis::index {
namespace {

constexpr char kMagic[4] = {'P', 'S', 'U', 'M'};

class Writer {
 public:
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void param(const Param& p) {
    str(p.name);
    str(p.annotation);
    u8(static_cast<uint8_t>(p.kind));
    u8(p.has_default);
    str(p.inferred);
  }
  void sig(const FunctionSig& f) {
    str(f.name);
    u32(static_cast<uint32_t>(f.params.size()));
    for (const Param& p : f.params) param(p);
    str(f.returns);
    u32(f.flags);
    u32(f.line);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  uint8_t u8() {
    if (!need(1)) return 0;
    return static_cast<uint8_t>(in_[pos_++]);
  }
  uint32_t u32() {
    if (!need(4)) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(static_cast<uint8_t>(in_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  std::string str() {
    uint32_t n = u32();
    if (!need(n)) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count can not exceed the bytes left (every item takes at least one).
  uint32_t count() {
    uint32_t n = u32();
    if (n > in_.size() - pos_) ok_ = false;
    return ok_ ? n : 0;
  }
  Param param() {
    Param p;
    p.name = str();
    p.annotation = str();
    uint8_t k = u8();
    if (k > static_cast<uint8_t>(ParamKind::KwArgs)) ok_ = false;
    p.kind = static_cast<ParamKind>(k);
    p.has_default = u8() != 0;
    p.inferred = str();
    return p;
  }
  FunctionSig sig() {
    FunctionSig f;
    f.name = str();
    for (uint32_t n = count(); n-- && ok_;) f.params.push_back(param());
    f.returns = str();
    f.flags = u32();
    f.line = u32();
    return f;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> v;
    for (uint32_t n = count(); n-- && ok_;) v.push_back(str());
    return v;
  }

 private:
  bool need(size_t n) {
    if (!ok_ || in_.size() - pos_ < n) ok_ = false;
    return ok_;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string serialize(const ModuleSummary& s) {
  Writer w;
  for (char c : kMagic) w.u8(static_cast<uint8_t>(c));
  w.u32(kSummaryVersion);
  w.str(s.module_name);
  w.str(s.path);
  w.u8(s.is_package);
  w.u8(s.is_program);
  w.u32(static_cast<uint32_t>(s.imports.size()));
  for (const ImportEntry& e : s.imports) {
    w.str(e.module);
    w.str(e.name);
    w.str(e.asname);
    w.u32(e.level);
  }
  w.u32(static_cast<uint32_t>(s.functions.size()));
  for (const FunctionSig& f : s.functions) w.sig(f);
  w.u32(static_cast<uint32_t>(s.classes.size()));
  for (const ClassSummary& c : s.classes) {
    w.str(c.name);
    w.u32(static_cast<uint32_t>(c.bases.size()));
    for (const auto& b : c.bases) w.str(b);
    w.u32(static_cast<uint32_t>(c.methods.size()));
    for (const FunctionSig& f : c.methods) w.sig(f);
    w.u32(static_cast<uint32_t>(c.fields.size()));
    for (const auto& f : c.fields) w.str(f);
    w.u32(c.flags);
    w.u32(c.line);
  }
  w.u32(static_cast<uint32_t>(s.globals.size()));
  for (const auto& g : s.globals) w.str(g);
  return w.take();
}

std::optional<ModuleSummary> deserialize(std::string_view blob, Diagnostic* error) {
  auto fail = [&](std::string message) -> std::optional<ModuleSummary> {
    if (error) *error = Diagnostic{DiagId::InternalError, 0, 0, std::move(message)};
    return std::nullopt;
  };
  if (blob.size() < 8 || std::memcmp(blob.data(), kMagic, 4) != 0) return fail("module summary: bad magic");
  Reader r(blob.substr(4));
  uint32_t version = r.u32();
  if (version != kSummaryVersion)
    return fail("module summary: version " + std::to_string(version) + ", expected " + std::to_string(kSummaryVersion));
  ModuleSummary s;
  s.module_name = r.str();
  s.path = r.str();
  s.is_package = r.u8() != 0;
  s.is_program = r.u8() != 0;
  for (uint32_t n = r.count(); n-- && r.ok();) {
    ImportEntry e;
    e.module = r.str();
    e.name = r.str();
    e.asname = r.str();
    e.level = r.u32();
    s.imports.push_back(std::move(e));
  }
  for (uint32_t n = r.count(); n-- && r.ok();) s.functions.push_back(r.sig());
  for (uint32_t n = r.count(); n-- && r.ok();) {
    ClassSummary c;
    c.name = r.str();
    c.bases = r.strings();
    for (uint32_t m = r.count(); m-- && r.ok();) c.methods.push_back(r.sig());
    c.fields = r.strings();
    c.flags = r.u32();
    c.line = r.u32();
    s.classes.push_back(std::move(c));
  }
  s.globals = r.strings();
  if (!r.ok()) return fail("module summary: truncated or corrupt");
  if (!r.at_end()) return fail("module summary: trailing bytes");
  return s;
}

}  // namespace portalis::index
