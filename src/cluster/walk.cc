#include "cluster/walk.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace portalis::cluster {

std::vector<std::string> default_excludes() {
  return {".git", ".hg", ".svn", "__pycache__", ".venv", ".tox", ".nox", ".mypy_cache", "build", "site-packages", "node_modules"};
}

bool is_excluded(const std::string& rel, const std::string& name, const std::vector<std::string>& excludes) {
  for (const auto& pat : excludes) {
    if (pat.find('/') != std::string::npos) {
      if (fnmatch(pat.c_str(), rel.c_str(), FNM_PATHNAME) == 0) return true;
    } else if (fnmatch(pat.c_str(), name.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

namespace {

struct Walker {
  const std::vector<std::string>& excludes;
  WalkResult& out;
  // Directories by (device, inode): a symlink back up the tree is entered once.
  std::set<std::pair<dev_t, ino_t>> visited;

  static bool is_python(const std::string& name) { return name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0; }

  // A virtual environment is recognised by its pyvenv.cfg, whatever its name
  // (a plain "venv" name would also drop the stdlib's venv package).
  static bool is_venv(const std::string& dir) {
    struct stat st;
    return ::stat((dir + "/pyvenv.cfg").c_str(), &st) == 0;
  }

  void error(const std::string& path, const std::string& rel, const std::string& what) {
    out.entries.push_back(WalkEntry{path, rel, 0, what});
  }

  void dir(const std::string& path, const std::string& rel, int depth) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      error(path, rel, "cannot stat directory: " + std::string(std::strerror(errno)));
      return;
    }
    if (!visited.insert({st.st_dev, st.st_ino}).second) return;  // symlink loop or second route
    if (depth > 256) {
      error(path, rel, "directory tree deeper than 256 levels");
      return;
    }
    DIR* d = ::opendir(path.c_str());
    if (!d) {
      error(path, rel, "cannot read directory: " + std::string(std::strerror(errno)));
      return;
    }
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
      std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(std::move(n));
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
      std::string child = path == "/" ? "/" + n : path + "/" + n;
      std::string child_rel = rel.empty() ? n : rel + "/" + n;
      if (is_excluded(child_rel, n, excludes)) {
        ++out.skipped_excluded;
        continue;
      }
      struct stat cs;
      if (::stat(child.c_str(), &cs) != 0) {
        // Broken links and link loops (ELOOP) end here; only .py names matter.
        if (is_python(n)) error(child, child_rel, "cannot stat: " + std::string(std::strerror(errno)));
        continue;
      }
      if (S_ISDIR(cs.st_mode)) {
        if (is_venv(child)) {
          ++out.skipped_excluded;
          continue;
        }
        dir(child, child_rel, depth + 1);
      } else if (is_python(n)) {
        if (S_ISREG(cs.st_mode))
          out.entries.push_back(WalkEntry{child, child_rel, static_cast<uint64_t>(cs.st_size), ""});
        else
          error(child, child_rel, "not a regular file");
      }
    }
  }
};

std::string base_name(std::string p) {
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  size_t slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

// The dotted package path of a directory as Python would import it: the
// names of the directory and its ancestors up to the first one without an
// `__init__.py`, as a relative-path prefix ("pkg/sub/"); "" when the directory
// is not a package. So `portalis translate src/pkg` and `... src/pkg/mod.py`
// name their modules pkg.mod, as `portalis translate src` does.
std::string package_prefix(const std::string& dir) {
  char buf[PATH_MAX];
  if (!::realpath(dir.c_str(), buf)) return "";
  std::string d = buf, prefix;
  struct stat st;
  for (int depth = 0; depth < 64 && d.size() > 1; ++depth) {
    if (::stat((d + "/__init__.py").c_str(), &st) != 0 || !S_ISREG(st.st_mode)) break;
    size_t slash = d.rfind('/');
    prefix = d.substr(slash + 1) + "/" + prefix;
    d = slash == 0 ? "/" : d.substr(0, slash);
  }
  return prefix;
}

std::string parent_dir(const std::string& file) {
  size_t slash = file.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : file.substr(0, slash);
}

}  // namespace

WalkResult walk_sources(const std::vector<std::string>& sources, const std::vector<std::string>& excludes) {
  WalkResult out;
  Walker w{excludes, out, {}};
  for (std::string src : sources) {
    while (src.size() > 1 && src.back() == '/') src.pop_back();
    struct stat st;
    if (::stat(src.c_str(), &st) != 0) {
      out.missing.push_back(src);
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      std::string prefix = package_prefix(src);
      if (!prefix.empty()) prefix.pop_back();
      w.dir(src, prefix, 0);
    } else {
      // A file named explicitly is taken even without the .py suffix.
      out.entries.push_back(WalkEntry{src, package_prefix(parent_dir(src)) + base_name(src),
                                      static_cast<uint64_t>(st.st_size), ""});
    }
  }
  std::sort(out.entries.begin(), out.entries.end(), [](const WalkEntry& a, const WalkEntry& b) { return a.path < b.path; });
  out.entries.erase(std::unique(out.entries.begin(), out.entries.end(),
                                [](const WalkEntry& a, const WalkEntry& b) { return a.path == b.path; }),
                    out.entries.end());
  return out;
}

}  // namespace portalis::cluster
