#include "lex/tokenize_dump.h"

#include <cstdio>

#include "lex/unicode.h"

namespace portalis::lex {
namespace {

// Walks `text` forward, keeping tokenize's (line, code point column).
struct Cursor {
  std::string_view text;
  uint32_t pos = 0;
  uint32_t line = 1;
  uint32_t col = 0;
  uint32_t line_start = 0;  // byte offset of the current line
  void advance_to(uint32_t target) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    for (; pos < target; ++pos) {
      unsigned char c = s[pos];
      if (c == '\n') {
        ++line;
        col = 0;
        line_start = pos + 1;
      } else {
        col += (c & 0xC0) != 0x80;
      }
    }
  }
};

bool is_operator(TokenKind k) {
  return static_cast<int>(k) >= static_cast<int>(TokenKind::LPAR) &&
         static_cast<int>(k) <= static_cast<int>(TokenKind::COLONEQUAL);
}

void pad_to(std::string& out, size_t width, size_t have) {
  if (have < width) out.append(width - have, ' ');
}

class Dumper {
 public:
  Dumper(const TokenBuffer& buf, bool exact) : buf_(buf), exact_(exact) {
    cur_.text = buf.text;
    out_.reserve(buf.tokens.size() * 48 + 64);
  }

  std::string run();

 private:
  void line(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2, std::string_view name, std::string_view value) {
    char range[64];
    int n = std::snprintf(range, sizeof range, "%u,%u-%u,%u:", l1, c1, l2, c2);
    out_.append(range, static_cast<size_t>(n));
    pad_to(out_, 20, static_cast<size_t>(n));
    out_ += name;
    pad_to(out_, 15, name.size());
    std::string r = python_repr(value);
    out_ += r;
    pad_to(out_, 15, count_code_points(r));
    out_ += '\n';
  }
  // A token [b, e) of the given name, with positions from the cursor.
  void token(uint32_t b, uint32_t e, std::string_view name) {
    cur_.advance_to(b);
    Cursor end = cur_;
    // tokenize never moves to the next line inside a token: a final '\n'
    // is one more column on the token's last line.
    if (e > b && buf_.text[e - 1] == '\n') {
      end.advance_to(e - 1);
      end.col += 1;
    } else {
      end.advance_to(e);
    }
    line(cur_.line, cur_.col, end.line, end.col, name, std::string_view(buf_.text).substr(b, e - b));
  }
  // tokenize turns each whitespace character before an unmatchable one into
  // an ERRORTOKEN (its regex fails, and it reports line[pos], the space).
  void whitespace_errors(uint32_t b) {
    uint32_t from = prev_end_;
    Cursor at = cur_;
    at.advance_to(b);
    uint32_t line_start = at.line_start;
    if (from < line_start) from = depth_ > 0 ? line_start : b;
    for (uint32_t i = from; i < b; ++i) {
      char c = buf_.text[i];
      if (c == ' ' || c == '\t' || c == '\f') token(i, i + 1, "ERRORTOKEN");
    }
  }
  void split_name(const Token& t);

  const TokenBuffer& buf_;
  bool exact_;
  Cursor cur_;
  std::string out_;
  uint32_t prev_end_ = 0;
  int depth_ = 0;
};

void Dumper::split_name(const Token& t) {
  std::string_view text(buf_.text);
  size_t i = t.begin;
  while (i < t.end) {
    size_t at = i;
    uint32_t cp = next_code_point(text, i);
    if (cp == '_' || (cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9') : is_word(cp))) {
      // A run of \w characters: NAME when it starts like an identifier.
      bool ident = cp == '_' || (cp < 0x80 ? !(cp >= '0' && cp <= '9') : is_xid_start(cp));
      size_t j = i;
      while (j < t.end) {
        size_t k = j;
        uint32_t c2 = next_code_point(text, k);
        bool w = c2 == '_' || (c2 < 0x80 ? ((c2 | 0x20) >= 'a' && (c2 | 0x20) <= 'z') || (c2 >= '0' && c2 <= '9')
                                         : is_word(c2));
        if (!w) break;
        j = k;
      }
      token(static_cast<uint32_t>(at), static_cast<uint32_t>(j), ident ? "NAME" : "OP");
      i = j;
    } else {
      if (at == t.begin) whitespace_errors(t.begin);
      token(static_cast<uint32_t>(at), static_cast<uint32_t>(i), "ERRORTOKEN");
    }
  }
}

std::string Dumper::run() {
  // tokenize strips the BOM and then reports plain utf-8.
  std::string_view enc = buf_.encoding;
  if (enc == "utf-8-sig") enc = "utf-8";
  line(0, 0, 0, 0, "ENCODING", enc);
  const std::string& text = buf_.text;
  const uint32_t n = static_cast<uint32_t>(text.size());
  // Where tokenize puts DEDENT/ENDMARKER at EOF: the line after the last one,
  // except that a whitespace-only last line without '\n' stops it early.
  uint32_t newlines = 0;
  for (char c : text) newlines += c == '\n';
  uint32_t eof_line = newlines + 1;
  if (n > 0 && text[n - 1] != '\n') {
    size_t ls = text.rfind('\n');
    ls = ls == std::string::npos ? 0 : ls + 1;
    bool blank = true;
    for (size_t i = ls; i < n; ++i) blank &= text[i] == ' ' || text[i] == '\t' || text[i] == '\f';
    if (!blank) ++eof_line;
  }
  for (const Token& t : buf_.tokens) {
    TokenKind k = t.kind;
    if (k == TokenKind::ENDMARKER || (k == TokenKind::DEDENT && t.begin == n && (t.flags & kFlagImplicit))) {
      line(eof_line, 0, eof_line, 0, token_kind_name(k), "");
      continue;
    }
    if (k == TokenKind::NEWLINE && (t.flags & kFlagImplicit)) {
      cur_.advance_to(t.begin);
      line(cur_.line, cur_.col, cur_.line, cur_.col + 1, "NEWLINE", "");
      continue;
    }
    if (k == TokenKind::NAME && (t.flags & kFlagNonAscii)) {
      split_name(t);
    } else if (k == TokenKind::ERRORTOKEN && t.end == t.begin + 1) {
      whitespace_errors(t.begin);
      token(t.begin, t.end, "ERRORTOKEN");
    } else {
      std::string_view name = !exact_ && is_operator(k) ? std::string_view("OP") : token_kind_name(k);
      token(t.begin, t.end, name);
      if (k == TokenKind::LPAR || k == TokenKind::LSQB || k == TokenKind::LBRACE) ++depth_;
      if ((k == TokenKind::RPAR || k == TokenKind::RSQB || k == TokenKind::RBRACE) && depth_ > 0) --depth_;
    }
    prev_end_ = t.end;
  }
  return std::move(out_);
}

}  // namespace

std::string python_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(s.size() + 2);
  out += quote;
  static const char* hex = "0123456789abcdef";
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c == static_cast<unsigned char>(quote) || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c < 0x20 || c == 0x7F) {
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
      } else {
        out += static_cast<char>(c);
      }
      continue;
    }
    size_t at = i;
    uint32_t cp = next_code_point(s, i);
    if (is_printable(cp)) {
      out.append(s.substr(at, i - at));
    } else if (cp <= 0xFF) {
      out += "\\x";
      out += hex[cp >> 4];
      out += hex[cp & 15];
    } else if (cp <= 0xFFFF) {
      out += "\\u";
      for (int sh = 12; sh >= 0; sh -= 4) out += hex[(cp >> sh) & 15];
    } else {
      out += "\\U";
      for (int sh = 28; sh >= 0; sh -= 4) out += hex[(cp >> sh) & 15];
    }
  }
  out += quote;
  return out;
}

std::string tokenize_dump(const TokenBuffer& buf, bool exact) { return Dumper(buf, exact).run(); }

}  // namespace portalis::lex
