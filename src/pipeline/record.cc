#include "pipeline/record.h"

#include <cstring>

namespace portalis::pipeline {
namespace {

constexpr std::string_view kStageNames[] = {
#define PORTALIS_STAGE(Id, Name, Doc) Name,
#include "pipeline/stages.def"
#undef PORTALIS_STAGE
};

template <class T>
void put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));  // hosts in a job share endianness
  out.append(buf, sizeof(T));
}
void put_str(std::string& out, std::string_view s) {
  put<uint32_t>(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}

struct In {
  std::string_view s;
  size_t pos;
  bool ok = true;
  template <class T>
  T get() {
    T v{};
    if (!ok || s.size() - pos < sizeof(T)) { ok = false; return v; }
    std::memcpy(&v, s.data() + pos, sizeof(T));
    pos += sizeof(T);
    return v;
  }
  std::string str() {
    uint32_t n = get<uint32_t>();
    if (!ok || s.size() - pos < n) { ok = false; return {}; }
    std::string r(s.substr(pos, n));
    pos += n;
    return r;
  }
};

}  // namespace

std::string_view stage_name(Stage s) { return s < Stage::Count ? kStageNames[static_cast<size_t>(s)] : "none"; }

std::string_view status_name(FileStatus s) {
  switch (s) {
    case FileStatus::Ok: return "ok";
    case FileStatus::Partial: return "partial";
    case FileStatus::Failed: return "failed";
  }
  return "?";
}

void FileRecord::add_diagnostic(Diagnostic d) {
  switch (diag_severity(d.id)) {
    case Severity::Error: ++errors; break;
    case Severity::Warning: ++warnings; break;
    case Severity::Note: ++notes; break;
  }
  diagnostics.push_back(std::move(d));
}

uint64_t FileRecord::total_ns() const {
  uint64_t t = 0;
  for (uint64_t v : ns) t += v;
  return t;
}

void encode_record(const FileRecord& r, std::string& out) {
  put_str(out, r.path);
  put_str(out, r.module_name);
  put<int32_t>(out, r.rank);
  put<uint64_t>(out, r.bytes);
  put<uint64_t>(out, r.lines);
  put<uint64_t>(out, r.tokens);
  put<uint64_t>(out, r.nodes);
  put<uint8_t>(out, static_cast<uint8_t>(r.status));
  put<uint8_t>(out, static_cast<uint8_t>(r.failed_stage));
  put<uint8_t>(out, r.resumed);
  put<uint32_t>(out, r.stages_run);
  put<uint32_t>(out, r.errors);
  put<uint32_t>(out, r.warnings);
  put<uint32_t>(out, r.notes);
  put<uint32_t>(out, r.functions_static);
  put<uint32_t>(out, r.functions_dynamic);
  put<uint32_t>(out, r.stubs);
  put<uint32_t>(out, r.outputs);
  put<uint64_t>(out, r.content_hash);
  for (uint64_t v : r.ns) put<uint64_t>(out, v);
  put<uint32_t>(out, static_cast<uint32_t>(r.diagnostics.size()));
  for (const Diagnostic& d : r.diagnostics) {
    put<uint16_t>(out, static_cast<uint16_t>(d.id));
    put<uint32_t>(out, d.line);
    put<uint32_t>(out, d.column);
    put_str(out, d.message);
  }
}

std::optional<FileRecord> decode_record(std::string_view s, size_t* pos) {
  In in{s, *pos};
  FileRecord r;
  r.path = in.str();
  r.module_name = in.str();
  r.rank = in.get<int32_t>();
  r.bytes = in.get<uint64_t>();
  r.lines = in.get<uint64_t>();
  r.tokens = in.get<uint64_t>();
  r.nodes = in.get<uint64_t>();
  uint8_t status = in.get<uint8_t>();
  uint8_t failed = in.get<uint8_t>();
  r.resumed = in.get<uint8_t>() != 0;
  if (status > static_cast<uint8_t>(FileStatus::Failed) || failed > kStageCount) return std::nullopt;
  r.status = static_cast<FileStatus>(status);
  r.failed_stage = static_cast<Stage>(failed);
  r.stages_run = in.get<uint32_t>();
  r.errors = in.get<uint32_t>();
  r.warnings = in.get<uint32_t>();
  r.notes = in.get<uint32_t>();
  r.functions_static = in.get<uint32_t>();
  r.functions_dynamic = in.get<uint32_t>();
  r.stubs = in.get<uint32_t>();
  r.outputs = in.get<uint32_t>();
  r.content_hash = in.get<uint64_t>();
  for (uint64_t& v : r.ns) v = in.get<uint64_t>();
  uint32_t n = in.get<uint32_t>();
  if (!in.ok || n > s.size() - in.pos) return std::nullopt;
  for (uint32_t i = 0; i < n && in.ok; ++i) {
    Diagnostic d;
    uint16_t id = in.get<uint16_t>();
    if (id >= static_cast<uint16_t>(DiagId::Count)) return std::nullopt;
    d.id = static_cast<DiagId>(id);
    d.line = in.get<uint32_t>();
    d.column = in.get<uint32_t>();
    d.message = in.str();
    r.diagnostics.push_back(std::move(d));
  }
  if (!in.ok) return std::nullopt;
  *pos = in.pos;
  return r;
}

uint64_t content_hash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace portalis::pipeline
