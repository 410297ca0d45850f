#include "parse/literals.h"

#include <cstdlib>
#include <cstring>
#include <vector>

#include "parse/unicode_names.h"

namespace portalis::parse {
namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Digits in `base` -> decimal text. Limbs hold 9 decimal digits each, so
// hexadecimal literals of any length convert exactly.
std::string to_decimal(std::string_view digits, int base) {
  std::vector<uint32_t> limbs;  // little-endian, base 1e9
  for (char c : digits) {
    uint64_t carry = static_cast<uint64_t>(digit_value(c));
    for (uint32_t& l : limbs) {
      uint64_t v = static_cast<uint64_t>(l) * base + carry;
      l = static_cast<uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out.append(9 - part.size(), '0');
    out += part;
  }
  return out;
}

}  // namespace

bool number_constant(std::string_view text, ast::Constant* out) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text)
    if (c != '_') clean.push_back(c);
  if (clean.empty()) return false;
  char last = clean.back();
  if (last == 'j' || last == 'J') {
    clean.pop_back();
    out->tag = ast::Constant::Tag::Complex;
    out->number = std::strtod(clean.c_str(), nullptr);
    return true;
  }
  if (clean.size() > 1 && clean[0] == '0' && (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' ||
                                               clean[1] == 'O' || clean[1] == 'b' || clean[1] == 'B')) {
    int base = (clean[1] == 'x' || clean[1] == 'X') ? 16 : (clean[1] == 'o' || clean[1] == 'O') ? 8 : 2;
    std::string_view digits = std::string_view(clean).substr(2);
    if (digits.empty()) return false;
    for (char c : digits)
      if (digit_value(c) >= base) return false;
    out->tag = ast::Constant::Tag::Int;
    out->text = to_decimal(digits, base);
    return true;
  }
  bool is_float = clean.find_first_of(".eE") != std::string::npos;
  if (is_float) {
    out->tag = ast::Constant::Tag::Float;
    out->number = std::strtod(clean.c_str(), nullptr);
    return true;
  }
  for (char c : clean)
    if (c < '0' || c > '9') return false;
  size_t nz = clean.find_first_not_of('0');
  out->tag = ast::Constant::Tag::Int;
  out->text = nz == std::string::npos ? "0" : clean.substr(nz);
  return true;
}

bool split_string_token(std::string_view tok, StringParts* p) {
  size_t i = 0;
  while (i < tok.size() && tok[i] != '\'' && tok[i] != '"') {
    char c = tok[i];
    if (c == 'b' || c == 'B') p->bytes = true;
    else if (c == 'r' || c == 'R') p->raw = true;
    else if (c == 'f' || c == 'F') p->fstring = true;
    else if (c == 'u' || c == 'U') p->u = (c == 'u');
    else return false;
    ++i;
  }
  if (i >= tok.size()) return false;
  char q = tok[i];
  size_t qlen = (tok.size() - i >= 6 && tok[i + 1] == q && tok[i + 2] == q) ? 3 : 1;
  if (tok.size() < i + 2 * qlen) return false;
  p->body_begin = static_cast<uint32_t>(i + qlen);
  p->body_end = static_cast<uint32_t>(tok.size() - qlen);
  return true;
}

void append_utf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// Shared escape decoder; `bytes` selects the bytes rules (no \u, \U, \N;
// octal values wrap to a byte).
bool decode_escapes(std::string_view s, bool bytes, std::string* out, std::string* error) {
  size_t i = 0, n = s.size();
  const char* codec = bytes ? "" : "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
  while (i < n) {
    char c = s[i];
    if (c == '\r') {  // CPython reads sources with universal newlines
      out->push_back('\n');
      i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c != '\\') {
      if (bytes && static_cast<unsigned char>(c) >= 0x80) {
        *error = "bytes can only contain ASCII literal characters";
        return false;
      }
      out->push_back(c);
      ++i;
      continue;
    }
    if (i + 1 >= n) {  // a lone trailing backslash cannot occur in a lexed token
      out->push_back('\\');
      ++i;
      continue;
    }
    char e = s[i + 1];
    size_t start = i;
    i += 2;
    switch (e) {
      case '\n': break;
      case '\r': if (i < n && s[i] == '\n') ++i; break;
      case '\\': out->push_back('\\'); break;
      case '\'': out->push_back('\''); break;
      case '"': out->push_back('"'); break;
      case 'a': out->push_back('\a'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'v': out->push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = e - '0';
        for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; ++k) v = v * 8 + (s[i++] - '0');
        if (bytes) out->push_back(static_cast<char>(v & 0xFF));
        else append_utf8(v, out);
        break;
      }
      case 'x': case 'u': case 'U': {
        if (bytes && e != 'x') {
          out->push_back('\\');
          out->push_back(e);
          break;
        }
        int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        int k = 0;
        for (; k < len && i < n && digit_value(s[i]) < 16; ++k) v = v * 16 + digit_value(s[i++]);
        if (k < len) {
          if (bytes) *error = "(value error) invalid \\x escape at position " + std::to_string(start);
          else
            *error = std::string(codec) + std::to_string(start) + "-" + std::to_string(i - 1) + ": truncated \\" +
                     (e == 'x' ? "xXX" : e == 'u' ? "uXXXX" : "UXXXXXXXX") + " escape";
          return false;
        }
        if (bytes) {
          out->push_back(static_cast<char>(v));
        } else {
          if (v > 0x10FFFF) {
            *error = std::string(codec) + std::to_string(start) + "-" + std::to_string(i - 1) +
                     ": illegal Unicode character";
            return false;
          }
          append_utf8(v, out);
        }
        break;
      }
      case 'N': {
        if (bytes) {
          out->push_back('\\');
          out->push_back('N');
          break;
        }
        uint32_t cp = 0;
        size_t close = i < n && s[i] == '{' ? s.find('}', i) : std::string_view::npos;
        if (close == std::string_view::npos || !lookup_unicode_name(s.substr(i + 1, close - i - 1), &cp)) {
          *error = std::string(codec) + std::to_string(start) + "-" +
                   std::to_string(close == std::string_view::npos ? i - 1 : close) +
                   (close == std::string_view::npos ? ": malformed \\N character escape" : ": unknown Unicode character name");
          return false;
        }
        append_utf8(cp, out);
        i = close + 1;
        break;
      }
      default:
        // Unknown escapes stay as written (CPython only warns).
        out->push_back('\\');
        if (bytes && static_cast<unsigned char>(e) >= 0x80) {
          *error = "bytes can only contain ASCII literal characters";
          return false;
        }
        out->push_back(e);
        break;
    }
  }
  return true;
}

}  // namespace

bool decode_str_escapes(std::string_view body, std::string* out, std::string* error) {
  return decode_escapes(body, false, out, error);
}

bool decode_bytes_escapes(std::string_view body, bool raw, std::string* out, std::string* error) {
  if (!raw) return decode_escapes(body, true, out, error);
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      *error = "bytes can only contain ASCII literal characters";
      return false;
    }
    if (c == '\r') {
      out->push_back('\n');
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
      continue;
    }
    out->push_back(c);
  }
  return true;
}

}  // namespace portalis::parse
