#include "base/source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace portalis {

std::optional<SourceFile> read_source(const std::string& path, Diagnostic* diag,
                                      uint64_t max_bytes) {
  auto fail = [&](DiagId id, std::string msg) -> std::optional<SourceFile> {
    if (diag) *diag = Diagnostic{id, 0, 0, std::move(msg)};
    return std::nullopt;
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return fail(DiagId::IoError, std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return fail(DiagId::IoError, "is a directory");
  if (!S_ISREG(st.st_mode)) return fail(DiagId::IoError, "not a regular file");
  if (static_cast<uint64_t>(st.st_size) > max_bytes)
    return fail(DiagId::FileTooLarge, "file of " + std::to_string(st.st_size) +
                                          " bytes exceeds the limit of " +
                                          std::to_string(max_bytes));
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return fail(DiagId::IoError, std::strerror(errno));
  SourceFile sf{path, {}};
  sf.bytes.resize(static_cast<size_t>(st.st_size));
  size_t got = sf.bytes.empty() ? 0 : std::fread(sf.bytes.data(), 1, sf.bytes.size(), f);
  bool err = std::ferror(f);
  std::fclose(f);
  if (err) return fail(DiagId::IoError, "read error");
  sf.bytes.resize(got);
  return sf;
}

LineTable::LineTable(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

uint32_t LineTable::line_of(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin());
}

}  // namespace portalis
