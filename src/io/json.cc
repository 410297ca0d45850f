#include "io/json.h"

#include <cmath>
#include <cstdio>

namespace portalis::io {

std::string JsonWriter::escape(std::string_view s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\r': o += "\\r"; break;
      case '\t': o += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          o += buf;
        } else {
          o += static_cast<char>(c);  // UTF-8 passes through; paths may hold any bytes
        }
    }
  }
  return o + "\"";
}

void JsonWriter::key(std::string_view k) {
  if (!first_.back()) out_ += ',';
  first_.back() = false;
  if (first_.size() > 1) {
    out_ += '\n';
    out_.append(2 * (first_.size() - 1), ' ');
  }
  if (!k.empty()) {
    out_ += escape(k);
    out_ += ": ";
  }
}

JsonWriter& JsonWriter::begin_object(std::string_view k) {
  key(k);
  out_ += '{';
  first_.push_back(true);
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  bool empty = first_.back();
  first_.pop_back();
  if (!empty) {
    out_ += '\n';
    out_.append(2 * (first_.size() - 1), ' ');
  }
  out_ += '}';
  return *this;
}
JsonWriter& JsonWriter::begin_array(std::string_view k) {
  key(k);
  out_ += '[';
  first_.push_back(true);
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  bool empty = first_.back();
  first_.pop_back();
  if (!empty) {
    out_ += '\n';
    out_.append(2 * (first_.size() - 1), ' ');
  }
  out_ += ']';
  return *this;
}
JsonWriter& JsonWriter::str(std::string_view k, std::string_view v) {
  key(k);
  out_ += escape(v);
  return *this;
}
JsonWriter& JsonWriter::num(std::string_view k, int64_t v) {
  key(k);
  out_ += std::to_string(v);
  return *this;
}
JsonWriter& JsonWriter::unum(std::string_view k, uint64_t v) {
  key(k);
  out_ += std::to_string(v);
  return *this;
}
JsonWriter& JsonWriter::real(std::string_view k, double v) {
  key(k);
  if (!std::isfinite(v)) {
    out_ += "null";
    return *this;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  out_ += buf;
  return *this;
}
JsonWriter& JsonWriter::boolean(std::string_view k, bool v) {
  key(k);
  out_ += v ? "true" : "false";
  return *this;
}
std::string JsonWriter::take() {
  out_ += '\n';
  return std::move(out_);
}

}  // namespace portalis::io
