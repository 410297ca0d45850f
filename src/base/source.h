#pragma once
// A source file as bytes, as read from disk, and the line table over them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace portalis {

struct SourceFile {
  std::string path;
  std::string bytes;  // exactly as on disk
};

// Reads a file; on failure returns nullopt and fills *diag with an IoError.
// Files larger than max_bytes are refused (FileTooLarge) rather than read.
std::optional<SourceFile> read_source(const std::string& path, Diagnostic* diag,
                                      uint64_t max_bytes = uint64_t{1} << 31);

// Byte offsets where each line starts; lines end at \n, \r\n or a lone \r,
// as CPython's tokenizer splits them.
class LineTable {
 public:
  explicit LineTable(std::string_view text);
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  uint32_t line_start(uint32_t line /*1-based*/) const { return starts_[line - 1]; }
  // 1-based line containing byte offset.
  uint32_t line_of(uint32_t offset) const;

 private:
  std::vector<uint32_t> starts_;
};

}  // namespace portalis
