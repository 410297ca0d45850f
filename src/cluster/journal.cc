#include "base/bytes.h"
#include "cluster/journal.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "io/atomic_file.h"

namespace portalis::cluster {
namespace {

using bytes::put;
using Cursor = bytes::Reader;
inline void put_s(std::string& o, std::string_view v) { bytes::put_str(o, v); }

// Splits framed entries; stops at the first torn or corrupt frame.
template <class F>
void for_each_frame(std::string_view data, F&& f, uint64_t* torn) {
  size_t p = 0;
  while (p < data.size()) {
    if (data.size() - p < 12) break;
    uint32_t n;
    uint64_t h;
    std::memcpy(&n, data.data() + p, 4);
    std::memcpy(&h, data.data() + p + 4, 8);
    if (data.size() - p - 12 < n) break;
    std::string_view payload = data.substr(p + 12, n);
    if (pipeline::content_hash(payload) != h) break;
    f(payload);
    p += 12 + n;
  }
  if (p < data.size() && torn) ++*torn;
}

std::string frame(const std::string& payload) {
  std::string o;
  put<uint32_t>(o, static_cast<uint32_t>(payload.size()));
  put<uint64_t>(o, pipeline::content_hash(payload));
  o += payload;
  return o;
}

}  // namespace

std::string encode_entry(const JournalEntry& e) {
  std::string o;
  put_s(o, e.path);
  put<uint64_t>(o, e.content_hash);
  put<uint64_t>(o, e.index_digest);
  put_s(o, e.summary_blob);
  put<uint32_t>(o, static_cast<uint32_t>(e.outputs.size()));
  for (const auto& [path, hash] : e.outputs) {
    put_s(o, path);
    put<uint64_t>(o, hash);
  }
  std::string rec;
  pipeline::encode_record(e.record, rec);
  put_s(o, rec);
  return o;
}

bool decode_entry(std::string_view payload, JournalEntry* e) {
  Cursor c{payload};
  e->path = c.str();
  e->content_hash = c.get<uint64_t>();
  e->index_digest = c.get<uint64_t>();
  e->summary_blob = c.str();
  uint32_t n = c.get<uint32_t>();
  if (!c.ok || n > payload.size()) return false;
  for (uint32_t i = 0; i < n && c.ok; ++i) {
    std::string p = c.str();
    uint64_t h = c.get<uint64_t>();
    e->outputs.emplace_back(std::move(p), h);
  }
  std::string rec = c.str();
  if (!c.ok || c.p != payload.size()) return false;
  size_t pos = 0;
  auto r = pipeline::decode_record(rec, &pos);
  if (!r || pos != rec.size()) return false;
  e->record = std::move(*r);
  return true;
}

JournalWriter::~JournalWriter() {
  if (f_) std::fclose(f_);
}

std::string JournalWriter::open(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  f_ = std::fopen(path.c_str(), "ab");
  if (!f_) return "cannot open journal " + path + ": " + std::strerror(errno);
  return "";
}

void JournalWriter::append(const JournalEntry& e) {
  if (!f_) return;
  std::string f = frame(encode_entry(e));
  std::fwrite(f.data(), 1, f.size(), f_);
  // Flushed per entry: a SIGKILL loses nothing the kernel already has.
  std::fflush(f_);
}

std::string journal_dir(const std::string& out_dir) { return out_dir + "/.portalis/journal"; }
std::string journal_path(const std::string& out_dir, int rank) {
  return journal_dir(out_dir) + "/rank-" + std::to_string(rank) + ".journal";
}

namespace {
std::vector<std::string> journal_files(const std::string& dir) {
  std::vector<std::string> files;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 8 && n.compare(n.size() - 8, 8, ".journal") == 0) files.push_back(dir + "/" + n);
    }
    ::closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

std::map<std::string, JournalEntry> load_journals(const std::string& dir, uint64_t* torn) {
  std::map<std::string, JournalEntry> out;
  for (const auto& file : journal_files(dir)) {
    std::string data;
    if (!io::read_whole_file(file, &data)) continue;
    for_each_frame(data, [&](std::string_view payload) {
      JournalEntry e;
      if (decode_entry(payload, &e)) out[e.path] = std::move(e);
    }, torn);
  }
  return out;
}

std::string encode_entries(const std::map<std::string, JournalEntry>& entries) {
  std::string o;
  for (const auto& [path, e] : entries) o += frame(encode_entry(e));
  return o;
}

std::map<std::string, JournalEntry> decode_entries(const std::string& bytes) {
  std::map<std::string, JournalEntry> out;
  for_each_frame(bytes, [&](std::string_view payload) {
    JournalEntry e;
    if (decode_entry(payload, &e)) out[e.path] = std::move(e);
  }, nullptr);
  return out;
}

void clear_journals(const std::string& dir) {
  for (const auto& f : journal_files(dir)) ::unlink(f.c_str());
}

}  // namespace portalis::cluster
