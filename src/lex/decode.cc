#include "lex/decode.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "lex/unicode.h"

namespace portalis::lex {
namespace {

struct TableCodec {
  std::string_view name;
  std::array<uint32_t, 128> high;  // code points of bytes 0x80..0xFF
};

constexpr TableCodec kTableCodecs[] = {
#define PORTALIS_CODEC(name, ...) {#name, __VA_ARGS__},
#include "lex/codec_tables.inc"
#undef PORTALIS_CODEC
};

struct Alias {
  std::string_view alias;
  std::string_view codec;
};
// Python's encodings.aliases, for the codecs we can decode. Keys are
// normalized: lower case, '-' and ' ' replaced by '_'.
constexpr Alias kAliases[] = {
    {"utf_8", "utf-8"}, {"utf8", "utf-8"}, {"u8", "utf-8"}, {"utf", "utf-8"}, {"utf8_ucs2", "utf-8"},
    {"utf8_ucs4", "utf-8"}, {"cp65001", "utf-8"}, {"utf_8_sig", "utf-8"},
    {"latin_1", "latin-1"}, {"latin1", "latin-1"}, {"iso_8859_1", "latin-1"}, {"iso8859_1", "latin-1"},
    {"8859", "latin-1"}, {"cp819", "latin-1"}, {"l1", "latin-1"}, {"latin", "latin-1"},
    {"iso_ir_100", "latin-1"}, {"iso_8859_1:1987", "latin-1"}, {"csisolatin1", "latin-1"},
    {"ibm819", "latin-1"}, {"iso_latin_1", "latin-1"},
    {"ascii", "ascii"}, {"us_ascii", "ascii"}, {"646", "ascii"}, {"us", "ascii"}, {"cp367", "ascii"},
    {"csascii", "ascii"}, {"ibm367", "ascii"}, {"iso646_us", "ascii"}, {"iso_ir_6", "ascii"},
    {"ansi_x3.4_1968", "ascii"}, {"ansi_x3_4_1968", "ascii"}, {"ansi_x3.4_1986", "ascii"},
    {"cp1252", "cp1252"}, {"windows_1252", "cp1252"}, {"1252", "cp1252"},
    {"cp1251", "cp1251"}, {"windows_1251", "cp1251"}, {"1251", "cp1251"},
    {"cp1250", "cp1250"}, {"windows_1250", "cp1250"}, {"1250", "cp1250"},
    {"koi8_r", "koi8_r"}, {"cskoi8r", "koi8_r"}, {"koi8_u", "koi8_u"},
    {"iso8859_2", "iso8859_2"}, {"iso_8859_2", "iso8859_2"}, {"latin2", "iso8859_2"}, {"l2", "iso8859_2"},
    {"iso8859_15", "iso8859_15"}, {"iso_8859_15", "iso8859_15"}, {"latin9", "iso8859_15"},
    {"l9", "iso8859_15"},
    {"mac_roman", "mac_roman"}, {"macroman", "mac_roman"}, {"macintosh", "mac_roman"},
    {"cp437", "cp437"}, {"437", "cp437"}, {"ibm437", "cp437"},
    {"cp850", "cp850"}, {"850", "cp850"}, {"ibm850", "cp850"},
};

bool is_cookie_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}

// tokenize's cookie_re: ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)  (ASCII)
std::string_view find_cookie(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  if (i >= line.size() || line[i] != '#') return {};
  for (size_t k = i + 1; k + 7 <= line.size(); ++k) {
    if (line[k] == '\n') break;  // '.' does not match a newline
    if (line.compare(k, 6, "coding") != 0 || (line[k + 6] != ':' && line[k + 6] != '=')) continue;
    size_t j = k + 7;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    size_t start = j;
    while (j < line.size() && is_cookie_word(static_cast<unsigned char>(line[j]))) ++j;
    if (j > start) return line.substr(start, j - start);
  }
  return {};
}

// tokenize's blank_re: ^[ \t\f]*(?:[#\r\n]|$)
bool is_blank_or_comment(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  return i == line.size() || line[i] == '#' || line[i] == '\r' || line[i] == '\n';
}

std::string lower_dash(std::string_view s, size_t limit) {
  std::string r;
  for (size_t i = 0; i < s.size() && i < limit; ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_') c = '-';
    r += c;
  }
  return r;
}

// tokenize's _get_normal_name (itself imitating tokenizer.c).
std::string normal_name(std::string_view orig) {
  std::string enc = lower_dash(orig, 12);
  auto starts = [&](std::string_view p) { return enc.compare(0, p.size(), p) == 0; };
  if (enc == "utf-8" || starts("utf-8-")) return "utf-8";
  if (enc == "latin-1" || enc == "iso-8859-1" || enc == "iso-latin-1" || starts("latin-1-") ||
      starts("iso-8859-1-") || starts("iso-latin-1-"))
    return "iso-8859-1";
  return std::string(orig);
}

uint32_t line_of_byte(std::string_view bytes, size_t pos) {
  uint32_t line = 1;
  for (size_t i = 0; i < pos && i < bytes.size(); ++i) line += bytes[i] == '\n';
  return line;
}

// 1-based column of a byte, counting the bytes since the line start.
uint32_t col_of_byte(std::string_view bytes, size_t pos) {
  size_t start = bytes.rfind('\n', pos == 0 ? 0 : pos - 1);
  start = (start == std::string_view::npos || pos == 0) ? 0 : start + 1;
  return static_cast<uint32_t>(pos - start + 1);
}

std::string hex2(unsigned char c) {
  static const char* d = "0123456789abcdef";
  return std::string{d[c >> 4], d[c & 15]};
}

// Length of the valid UTF-8 sequence at p (strict: no overlongs, surrogates
// or code points above U+10FFFF), or 0.
size_t utf8_seq_len(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  auto cont = [&](size_t k) { return p + k < end && (p[k] & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    if (c == 0xED && p[1] >= 0xA0) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

void decode_utf8(std::string_view bytes, std::string_view codec_name, DecodedSource& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  const auto* begin = p;
  // Fast path: most sources are valid; copy once and only rebuild on error.
  const unsigned char* q = p;
  while (q < end) {
    if (end - q >= 8) {
      uint64_t w;
      std::memcpy(&w, q, 8);
      if ((w & 0x8080808080808080ULL) == 0) { q += 8; continue; }
    }
    size_t n = utf8_seq_len(q, end);
    if (n == 0) break;
    q += n;
  }
  if (q == end) {
    out.text.assign(bytes);
    return;
  }
  out.text.reserve(bytes.size() + 16);
  out.text.assign(reinterpret_cast<const char*>(p), static_cast<size_t>(q - p));
  bool reported = false;
  while (q < end) {
    size_t n = utf8_seq_len(q, end);
    if (n == 0) {
      if (!reported) {
        size_t pos = static_cast<size_t>(q - begin);
        std::string why = (*q >= 0x80 && *q <= 0xBF) || *q >= 0xF5 || *q == 0xC0 || *q == 0xC1
                              ? "invalid start byte"
                              : "invalid continuation byte";
        out.diagnostics.push_back(Diagnostic{DiagId::InvalidEncoding, line_of_byte(bytes, pos), col_of_byte(bytes, pos),
                                             "(unicode error) '" + std::string(codec_name) +
                                                 "' codec can't decode byte 0x" + hex2(*q) + " in position " +
                                                 std::to_string(pos) + ": " + why});
        reported = true;
      }
      append_utf8(out.text, 0xFFFD);
      ++q;
    } else {
      out.text.append(reinterpret_cast<const char*>(q), n);
      q += n;
    }
  }
}

void decode_single_byte(std::string_view bytes, const uint32_t* high /*nullptr: latin-1*/, bool ascii,
                        std::string_view codec_name, DecodedSource& out) {
  out.text.reserve(bytes.size() + bytes.size() / 8);
  bool reported = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out.text += static_cast<char>(c);
      continue;
    }
    uint32_t cp = ascii ? 0xFFFFFFFFu : high ? high[c - 0x80] : c;
    if (cp == 0xFFFFFFFFu) {
      if (!reported) {
        out.diagnostics.push_back(Diagnostic{
            DiagId::InvalidEncoding, line_of_byte(bytes, i), col_of_byte(bytes, i),
            "(unicode error) '" + std::string(codec_name) + "' codec can't decode byte 0x" + hex2(c) +
                " in position " + std::to_string(i) + (ascii ? ": ordinal not in range(128)" : ": character maps to <undefined>")});
        reported = true;
      }
      cp = 0xFFFD;
    }
    append_utf8(out.text, cp);
  }
}

}  // namespace

std::string_view canonical_codec(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '-' || c == ' ') c = '_';
    key += c;
  }
  for (const auto& a : kAliases)
    if (a.alias == key) return a.codec;
  return {};
}

DecodedSource decode_source(std::string_view bytes) {
  DecodedSource out;
  bool bom = bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (bom) bytes.remove_prefix(3);

  // The cookie may be on line 1, or on line 2 when line 1 is blank or a comment.
  size_t nl1 = bytes.find('\n');
  std::string_view line1 = bytes.substr(0, nl1 == std::string_view::npos ? bytes.size() : nl1 + 1);
  std::string_view cookie = find_cookie(line1);
  uint32_t cookie_line = 1;
  if (cookie.empty() && nl1 != std::string_view::npos && is_blank_or_comment(line1)) {
    std::string_view rest = bytes.substr(nl1 + 1);
    size_t nl2 = rest.find('\n');
    cookie = find_cookie(rest.substr(0, nl2 == std::string_view::npos ? rest.size() : nl2 + 1));
    cookie_line = 2;
  }

  std::string_view codec = "utf-8";
  if (cookie.empty()) {
    out.encoding = bom ? "utf-8-sig" : "utf-8";
  } else {
    std::string name = normal_name(cookie);
    codec = canonical_codec(name);
    if (bom && name != "utf-8") {
      out.diagnostics.push_back(
          Diagnostic{DiagId::InvalidEncoding, cookie_line, 0, "encoding problem: " + name + " with BOM"});
      codec = "utf-8";
    } else if (codec.empty()) {
      out.diagnostics.push_back(Diagnostic{DiagId::UnknownEncoding, cookie_line, 0, "unknown encoding: " + name});
      codec = "utf-8";
    }
    out.encoding = bom ? "utf-8-sig" : name;
  }

  if (codec == "utf-8") {
    decode_utf8(bytes, "utf-8", out);
  } else if (codec == "latin-1") {
    decode_single_byte(bytes, nullptr, false, "latin-1", out);
  } else if (codec == "ascii") {
    decode_single_byte(bytes, nullptr, true, "ascii", out);
  } else {
    for (const auto& t : kTableCodecs)
      if (t.name == codec) decode_single_byte(bytes, t.high.data(), false, codec, out);
  }
  return out;
}

}  // namespace portalis::lex
