#pragma once
// A small streaming JSON writer (no dependency): objects and arrays with
// correct string escaping and commas, indented two spaces.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace portalis::io {

class JsonWriter {
 public:
  JsonWriter& begin_object(std::string_view key = {});
  JsonWriter& end_object();
  JsonWriter& begin_array(std::string_view key = {});
  JsonWriter& end_array();
  JsonWriter& str(std::string_view key, std::string_view v);
  JsonWriter& num(std::string_view key, int64_t v);
  JsonWriter& unum(std::string_view key, uint64_t v);
  JsonWriter& real(std::string_view key, double v);
  JsonWriter& boolean(std::string_view key, bool v);
  std::string take();

  static std::string escape(std::string_view s);

 private:
  void key(std::string_view k);
  std::string out_;
  std::vector<bool> first_{true};
};

}  // namespace portalis::io
