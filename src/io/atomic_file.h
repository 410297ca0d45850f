#pragma once
// Output files are written to a temporary name beside the target and renamed
// into place, so a killed job never leaves a half-written file under the
// final name (the resume journal relies on this).
#include <string>
#include <string_view>

namespace portalis::io {

// Creates parent directories. Returns "" on success, else a message.
std::string write_file_atomic(const std::string& path, std::string_view contents);

// "" when dir exists (or was created) and a file can be created in it.
std::string ensure_writable_dir(const std::string& dir);

bool read_whole_file(const std::string& path, std::string* out);

}  // namespace portalis::io
