// String atoms: implicit concatenation, bytes, and f-strings. F-string
// expressions are re-lexed from "(" + text + ")" and parsed like CPython 3.11
// does, with positions mapped back onto the source.
#include <cstring>

#include "parse/literals.h"
#include "parse/parser_impl.h"

namespace portalis::parse {

struct Parser::FState {
  size_t first_tok, last_tok;  // the whole concatenation
  std::string last_str;        // pending literal text
  size_t mark;                 // scratch mark of the values list
  bool u_kind;
};

namespace {
// Appends body, turning \r\n and lone \r into \n (universal newlines).
void append_newlines_normalized(std::string_view body, std::string* out) {
  if (body.find('\r') == std::string_view::npos) {
    out->append(body);
    return;
  }
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') {
      out->push_back('\n');
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
    } else {
      out->push_back(body[i]);
    }
  }
}
}  // namespace

void Parser::flush_literal(FState& st, const Tok* ta, const Tok* tb) {
  if (st.last_str.empty()) return;
  ast::Constant c;
  c.tag = ast::Constant::Tag::Str;
  c.text = std::move(st.last_str);
  st.last_str.clear();
  const Tok& a = ta ? *ta : toks_[st.first_tok];
  const Tok& b = tb ? *tb : toks_[st.last_tok];
  scratch_.push_back(add(Kind::Constant, Pos{a.line, a.col, b.eline, b.ecol},
                         {m_->add_const(std::move(c)), st.u_kind ? intern("u") : kNone}));
}

NodeId Parser::strings() {
  size_t s0 = p_;
  bool any_f = false, any_bytes = false, any_str = false;
  while (at(tk::STRING)) {
    uint8_t f = cur().flags;
    std::string_view t = text(cur());
    StringParts parts;
    if (!split_string_token(t, &parts)) return fail_here();
    any_f |= parts.fstring;
    (parts.bytes ? any_bytes : any_str) = true;
    (void)f;
    advance();
  }
  size_t s1 = p_;
  if (any_bytes && any_str) return fail(toks_[s0], "cannot mix bytes and nonbytes literals");
  bool u_kind = text(toks_[s0])[0] == 'u';
  std::string err;
  if (!any_f) {
    ast::Constant c;
    c.tag = any_bytes ? ast::Constant::Tag::Bytes : ast::Constant::Tag::Str;
    for (size_t i = s0; i < s1; ++i) {
      std::string_view t = text(toks_[i]);
      StringParts parts;
      split_string_token(t, &parts);
      std::string_view body = t.substr(parts.body_begin, parts.body_end - parts.body_begin);
      bool ok = true;
      if (any_bytes) ok = decode_bytes_escapes(body, parts.raw, &c.text, &err);
      else if (parts.raw || body.find('\\') == std::string_view::npos) append_newlines_normalized(body, &c.text);
      else ok = decode_str_escapes(body, &c.text, &err);
      if (!ok) return fail(toks_[i], err);
    }
    return add(Kind::Constant, from(s0), {m_->add_const(std::move(c)), (u_kind && !any_bytes) ? intern("u") : kNone});
  }
  FState st{s0, s1 - 1, {}, mark(), u_kind};
  for (size_t i = s0; i < s1; ++i) {
    std::string_view t = text(toks_[i]);
    StringParts parts;
    split_string_token(t, &parts);
    if (!parts.fstring) {
      std::string_view body = t.substr(parts.body_begin, parts.body_end - parts.body_begin);
      bool ok = true;
      if (parts.raw) append_newlines_normalized(body, &st.last_str);
      else ok = decode_str_escapes(body, &st.last_str, &err);
      if (!ok) { release(st.mark); return fail(toks_[i], err); }
      continue;
    }
    uint32_t pos = toks_[i].begin + parts.body_begin;
    uint32_t end = toks_[i].begin + parts.body_end;
    if (!fstring_body(st, static_cast<uint32_t>(i), &pos, end, parts.raw, 0)) {
      release(st.mark);
      return kNone;
    }
  }
  flush_literal(st);
  uint32_t values = finish_list(st.mark);
  return add(Kind::JoinedStr, from(s0), {values});
}

// CPython's fstring_find_literal + the loop of ConcatFstring: literals go to
// st.last_str, each {expression} becomes a FormattedValue on the scratch list.
bool Parser::fstring_body(FState& st, uint32_t ti, uint32_t* i, uint32_t end, bool raw, int level) {
  const Tok& tok = toks_[ti];
  std::string err;
  for (;;) {
    uint32_t lit_start = *i;
    bool doubled = false;
    while (*i < end) {
      char ch = src_[(*i)++];
      if (!raw && ch == '\\' && *i < end) {
        ch = src_[(*i)++];
        if (ch == 'N') {
          if (*i < end && src_[*i] == '{') {
            ++*i;
            while (*i < end && src_[(*i)++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (level == 0) {
          if (*i < end && src_[*i] == ch) {
            doubled = true;
            break;
          }
          if (ch == '}') {
            fail(tok, "f-string: single '}' is not allowed");
            return false;
          }
        }
        --*i;
        break;
      }
    }
    if (*i > lit_start) {
      std::string_view lit = src_.substr(lit_start, *i - lit_start);
      if (raw || lit.find('\\') == std::string_view::npos) {
        append_newlines_normalized(lit, &st.last_str);
      } else if (!decode_str_escapes(lit, &st.last_str, &err)) {
        fail(tok, err);
        return false;
      }
    }
    if (doubled) {
      ++*i;  // skip the second brace
      continue;
    }
    if (*i >= end || src_[*i] == '}') break;
    NodeId fv = fstring_expr(st, ti, i, end, raw, level);
    if (fv == kNone) return false;
    flush_literal(st);
    scratch_.push_back(fv);
  }
  if (level == 0 && *i < end) {
    fail(tok, "f-string: unexpected end of string");
    return false;
  }
  if (level != 0 && (*i >= end || src_[*i] != '}')) {
    fail(tok, "f-string: expecting '}'");
    return false;
  }
  return true;
}

NodeId Parser::fstring_expr(FState& st, uint32_t ti, uint32_t* i, uint32_t end, bool raw, int level) {
  const Tok tok = toks_[ti];
  if (level >= 2) return fail(tok, "f-string: expressions nested too deeply");
  ++*i;  // '{'
  uint32_t expr_start = *i;
  char quote = 0;
  int string_type = 0;
  char stack[200];
  int depth = 0;
  for (; *i < end; ++*i) {
    char ch = src_[*i];
    if (ch == '\\') return fail(tok, "f-string expression part cannot include a backslash");
    if (quote) {
      if (ch == quote) {
        if (string_type == 3) {
          if (*i + 2 < end && src_[*i + 1] == ch && src_[*i + 2] == ch) {
            *i += 2;
            quote = 0;
            string_type = 0;
          }
        } else {
          quote = 0;
          string_type = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (*i + 2 < end && src_[*i + 1] == ch && src_[*i + 2] == ch) {
        string_type = 3;
        *i += 2;
      } else {
        string_type = 1;
      }
      quote = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (depth >= 200) return fail(tok, "f-string: too many nested parenthesis");
      stack[depth++] = ch;
    } else if (ch == '#') {
      return fail(tok, "f-string expression part cannot include '#'");
    } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (*i + 1 < end) {
        char next = src_[*i + 1];
        if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
            (ch == '>' && next == '=')) {
          ++*i;
          continue;
        }
        if (ch == '>' || ch == '<') continue;
      }
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (!depth) return fail(tok, std::string("f-string: unmatched '") + ch + "'");
      char open = stack[--depth];
      if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')))
        return fail(tok, std::string("f-string: closing parenthesis '") + ch + "' does not match opening parenthesis '" +
                             open + "'");
    }
  }
  uint32_t expr_end = *i;
  if (quote) return fail(tok, "f-string: unterminated string");
  if (depth) return fail(tok, std::string("f-string: unmatched '") + stack[depth - 1] + "'");
  if (*i >= end) return fail(tok, "f-string: expecting '}'");
  NodeId expr = PTRY(fstring_compile(ti, expr_start, expr_end));
  bool has_text = false;
  if (src_[*i] == '=') {
    ++*i;
    while (*i < end && std::strchr(" \t\n\r\f\v", src_[*i]) && src_[*i] != 0) ++*i;
    append_newlines_normalized(src_.substr(expr_start, *i - expr_start), &st.last_str);
    has_text = true;
  }
  int conversion = -1;
  if (*i < end && src_[*i] == '!') {
    ++*i;
    if (*i >= end) return fail(tok, "f-string: expecting '}'");
    conversion = static_cast<unsigned char>(src_[*i]);
    ++*i;
    if (conversion != 's' && conversion != 'r' && conversion != 'a')
      return fail(tok, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
  }
  if (*i >= end) return fail(tok, "f-string: expecting '}'");
  NodeId spec = kNone;
  if (src_[*i] == ':') {
    ++*i;
    if (*i >= end) return fail(tok, "f-string: expecting '}'");
    FState sub{st.first_tok, st.last_tok, {}, mark(), st.u_kind};
    if (!fstring_body(sub, ti, i, end, raw, level + 1)) {
      release(sub.mark);
      return kNone;
    }
    flush_literal(sub, &tok, &tok);  // CPython finishes a spec with its own token's span
    uint32_t values = finish_list(sub.mark);
    spec = add(Kind::JoinedStr, tok_pos(tok), {values});
  }
  if (*i >= end || src_[*i] != '}') return fail(tok, "f-string: expecting '}'");
  ++*i;
  if (has_text && spec == kNone && conversion == -1) conversion = 'r';
  const Tok& a = toks_[st.first_tok];
  const Tok& b = toks_[st.last_tok];
  return add(Kind::FormattedValue, Pos{a.line, a.col, b.eline, b.ecol},
             {expr, static_cast<uint32_t>(conversion), spec});
}

NodeId Parser::fstring_compile(uint32_t ti, uint32_t b, uint32_t e) {
  const Tok tok = toks_[ti];
  uint32_t k = b;
  while (k < e && (src_[k] == ' ' || src_[k] == '\t' || src_[k] == '\n' || src_[k] == '\f' || src_[k] == '\r')) ++k;
  if (k == e) return fail(tok, "f-string: empty expression not allowed");
  std::string text;
  text.reserve(e - b + 2);
  text.push_back('(');
  text.append(src_.substr(b, e - b));
  text.push_back(')');
  lex::TokenBuffer tb = lex::lex(text);
  for (const auto& d : tb.diagnostics)
    if (diag_severity(d.id) == Severity::Error) return fail(tok, "f-string: " + d.message);
  std::vector<Tok> sub;
  load_tokens(tb, &sub, static_cast<int32_t>(b) - 1, 0);
  // CPython shifts columns of the expression's first line by the brace's
  // column, except when only whitespace follows the brace on its line.
  bool newline_after_brace = true;
  for (uint32_t q = b; q < e && src_[q] != '}' && src_[q] != '\n'; ++q) {
    if (src_[q] != ' ' && src_[q] != '\t' && src_[q] != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  if (!sub.empty() && newline_after_brace) {
    uint32_t brace_line = line_of(b - 1);
    sub[0].line = sub[0].eline = brace_line;
    sub[0].col = brace_line == tok.line ? tok.col : 0;
    sub[0].ecol = sub[0].col + 1;
  }
  std::swap(toks_, sub);
  size_t saved_p = p_;
  uint32_t le = last_eline_, lc = last_ecol_;
  p_ = 0;
  NodeId r = star_expressions();
  if (r != kNone && !at(tk::NEWLINE) && !at(tk::ENDMARKER)) r = fail_here("f-string: invalid syntax");
  std::swap(toks_, sub);
  p_ = saved_p;
  last_eline_ = le;
  last_ecol_ = lc;
  if (r == kNone && failed_) {
    // Errors inside the expression are reported at the f-string token.
    err_.line = tok.line;
  }
  return r;
}

}  // namespace portalis::parse
