#pragma once
// Native-endian framing for blobs that one build of portalis writes and reads
// back (shard plans, journals): fixed-size values and length-prefixed strings.
// A reader never reads past its input: it turns `ok` false instead.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace portalis::bytes {

template <class T>
void put(std::string& out, T v) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

inline void put_str(std::string& out, std::string_view s) {
  put<uint32_t>(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}

struct Reader {
  std::string_view s;
  size_t p = 0;
  bool ok = true;

  template <class T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v{};
    if (!ok || s.size() - p < sizeof v) return ok = false, v;
    std::memcpy(&v, s.data() + p, sizeof v);
    p += sizeof v;
    return v;
  }
  std::string str() {
    uint32_t n = get<uint32_t>();
    if (!ok || s.size() - p < n) return ok = false, std::string();
    std::string r(s.substr(p, n));
    p += n;
    return r;
  }
};

}  // namespace portalis::bytes
