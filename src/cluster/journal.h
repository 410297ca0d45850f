#pragma once
// The resume journal. Each rank appends one entry per finished file, after
// the file's outputs were renamed into place:
//   u32 payload length, u64 FNV-1a of the payload, payload
// so a record torn by a kill is detected and ignored. An entry holds what is
// needed to skip the file next time: its content hash, its summary (the
// global index needs it), the digest of the global index it was translated
// against, its outputs with their hashes, and its FileRecord.
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "pipeline/record.h"

namespace portalis::cluster {

struct JournalEntry {
  std::string path;
  uint64_t content_hash = 0;
  uint64_t index_digest = 0;
  std::string summary_blob;
  std::vector<std::pair<std::string, uint64_t>> outputs;  // relative to OUT, content hash
  pipeline::FileRecord record;
};

std::string encode_entry(const JournalEntry& e);
bool decode_entry(std::string_view payload, JournalEntry* e);

class JournalWriter {
 public:
  JournalWriter() = default;
  ~JournalWriter();
  // "" or an error message.
  std::string open(const std::string& path);
  void append(const JournalEntry& e);

 private:
  std::FILE* f_ = nullptr;
};

// All entries of every journal file in `dir` (any earlier rank count), by
// path; a later entry for a path replaces an earlier one.
std::map<std::string, JournalEntry> load_journals(const std::string& dir, uint64_t* torn_entries = nullptr);

// Frames for the broadcast of loaded entries.
std::string encode_entries(const std::map<std::string, JournalEntry>& entries);
std::map<std::string, JournalEntry> decode_entries(const std::string& bytes);

// Removes the journal files in dir (a fresh run, or after loading them).
void clear_journals(const std::string& dir);

std::string journal_dir(const std::string& out_dir);
std::string journal_path(const std::string& out_dir, int rank);

}  // namespace portalis::cluster
