#pragma once
// PEP 263 source decoding: BOM, coding cookie in the first two lines, and the
// conversion of the bytes to UTF-8. Errors are diagnostics; undecodable bytes
// become U+FFFD so that lexing can go on.
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace portalis::lex {

struct DecodedSource {
  std::string text;      // UTF-8, BOM removed
  std::string encoding;  // as tokenize reports it ("utf-8-sig" after a BOM)
  std::vector<Diagnostic> diagnostics;
};

DecodedSource decode_source(std::string_view bytes);

// The codec a cookie names, after Python's alias rules; "" if unknown.
// Returns "utf-8", "latin-1", "ascii" or one of the table codecs ("cp1252", ...).
std::string_view canonical_codec(std::string_view name);

}  // namespace portalis::lex
