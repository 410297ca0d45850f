#pragma once
// Literal values from token text: numbers to their Python values, string
// bodies with their escapes decoded. Pure functions, no parser state.
#include <cstdint>
#include <string>
#include <string_view>

#include "ast/ast.h"

namespace portalis::parse {

// NUMBER token text -> Constant (Int as decimal digits of any size, Float,
// Complex). Returns false when the text is not a valid literal.
bool number_constant(std::string_view text, ast::Constant* out);

// The parts of a STRING token: prefix flags and the body between the quotes.
struct StringParts {
  bool bytes = false, raw = false, fstring = false, u = false;
  uint32_t body_begin = 0;  // offsets relative to the token start
  uint32_t body_end = 0;
};
bool split_string_token(std::string_view tok, StringParts* parts);

// Decodes escapes of a str body (not raw) into UTF-8 (WTF-8 for lone
// surrogates) appended to *out. On a bad escape returns false and sets
// *error to CPython's message.
bool decode_str_escapes(std::string_view body, std::string* out, std::string* error);
// Same for a bytes body; *error also covers non-ASCII characters.
bool decode_bytes_escapes(std::string_view body, bool raw, std::string* out, std::string* error);

// Appends code point cp as UTF-8 (surrogates as 3-byte WTF-8).
void append_utf8(uint32_t cp, std::string* out);

}  // namespace portalis::parse
