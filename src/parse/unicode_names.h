#pragma once
// "\N{NAME}" lookups: Unicode character names to code points.
#include <cstdint>
#include <string_view>

namespace portalis::parse {

// Case-insensitive, like CPython's unicodedata lookup used by \N{...}.
bool lookup_unicode_name(std::string_view name, uint32_t* cp);

}  // namespace portalis::parse
