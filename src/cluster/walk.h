#pragma once
// Rank 0's walk over the command-line sources: files and directories, `.py`
// files only, exclude globs, no symlink loops. Entries that cannot be read
// are kept with an error so the job records them as failed.
#include <cstdint>
#include <string>
#include <vector>

namespace portalis::cluster {

// Directory names (or relative-path globs, when they hold a '/') skipped by default.
std::vector<std::string> default_excludes();

struct WalkEntry {
  std::string path;           // as reached from the argument ("src/pkg/mod.py")
  std::string relative_path;  // relative to the argument's root ("pkg/mod.py"); the file name for a file argument
  uint64_t bytes = 0;
  std::string error;          // non-empty: could not be read or listed
};

struct WalkResult {
  std::vector<WalkEntry> entries;       // sorted by path
  std::vector<std::string> missing;     // arguments that do not exist
  uint64_t skipped_excluded = 0;        // entries left out by the excludes
};

WalkResult walk_sources(const std::vector<std::string>& sources, const std::vector<std::string>& excludes);

// fnmatch-style: a pattern without '/' matches a path component, one with
// '/' matches the whole relative path.
bool is_excluded(const std::string& relative_path, const std::string& name, const std::vector<std::string>& excludes);

}  // namespace portalis::cluster
