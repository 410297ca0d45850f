// Entry points, token preparation, errors and expression contexts.
#include "parse/parser.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "parse/parser_impl.h"

namespace portalis::parse {
namespace {

struct KwEntry {
  std::string_view text;
  uint8_t kind;
};
constexpr KwEntry kKeywords[] = {
#define PORTALIS_KW(Name) {#Name, KW_##Name},
#include "parse/keywords.def"
#undef PORTALIS_KW
};

// Hard keyword kind of a NAME's text, or NAME. Keywords are 2..8 bytes and
// start with a lowercase letter or F/N/T, so most names are rejected by the
// first two tests; the rest compare against the few keywords of that length.
uint8_t keyword_kind(std::string_view s) {
  constexpr uint8_t kName = T(lex::TokenKind::NAME);
  // Keywords bucketed by (first byte, length): one or two candidates each.
  struct Buckets {
    uint8_t first[128][9] = {};  // index+1 into kKeywords of the first candidate, 0 = none
  };
  static const Buckets buckets = [] {
    Buckets b;
    for (size_t i = std::size(kKeywords); i-- > 0;) {
      const KwEntry& k = kKeywords[i];
      b.first[static_cast<uint8_t>(k.text[0])][k.text.size()] = static_cast<uint8_t>(i + 1);
    }
    return b;
  }();
  if (s.size() < 2 || s.size() > 8) return kName;
  unsigned char c = s[0];
  if (c >= 128) return kName;
  uint8_t idx = buckets.first[c][s.size()];
  if (!idx) return kName;
  for (size_t i = idx - 1; i < std::size(kKeywords) && kKeywords[i].text[0] == static_cast<char>(c); ++i)
    if (kKeywords[i].text == s) return kKeywords[i].kind;
  return kName;
}

constexpr int kMaxDepth = 1000;

}  // namespace

Parser::Parser(const lex::TokenBuffer& tb, ast::Module* m)
    : m_(m), src_(tb.text), line_starts_(tb.line_starts) {
  load_tokens(tb, &toks_, 0, 0);
}

uint32_t Parser::line_of(uint32_t off) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

// Copies the significant tokens (no COMMENT/NL/ENCODING) with their CPython
// positions. `shift` maps offsets of a sub-buffer (an f-string expression)
// onto the source.
void Parser::load_tokens(const lex::TokenBuffer& tb, std::vector<Tok>* out, int32_t shift, uint32_t) {
  // Fields are written in place: building a Tok on the stack and copying it
  // stalled on store forwarding (a third of this function's time).
  out->resize(tb.tokens.size() + 1);
  if (shift == 0) m_->reserve(tb.tokens.size());
  Tok* dst = out->data();
  size_t n = 0;
  uint32_t li = 0;  // 0-based line index cursor; offsets mostly grow
  const uint32_t nlines = static_cast<uint32_t>(line_starts_.size());
  const uint32_t* starts = line_starts_.data();
  auto locate = [&](uint32_t off, uint32_t* line, uint32_t* col) {
    if (li >= nlines || starts[li] > off) li = line_of(off) - 1;
    while (li + 1 < nlines && starts[li + 1] <= off) ++li;
    *line = li + 1;
    *col = off - starts[li];
  };
  const uint32_t src_size = static_cast<uint32_t>(src_.size());
  for (const lex::Token& t : tb.tokens) {
    using lex::TokenKind;
    if (t.kind == TokenKind::COMMENT || t.kind == TokenKind::NL || t.kind == TokenKind::ENCODING ||
        t.kind == TokenKind::TYPE_COMMENT || t.kind == TokenKind::TYPE_IGNORE)
      continue;
    Tok& k = dst[n++];
    uint8_t kind = T(t.kind);
    k.flags = t.flags;
    uint32_t b = static_cast<uint32_t>(static_cast<int64_t>(t.begin) + shift);
    uint32_t e = static_cast<uint32_t>(static_cast<int64_t>(t.end) + shift);
    if (b > src_size) b = src_size;
    if (e > src_size) e = src_size;
    k.begin = b;
    k.end = e;
    if (t.kind == TokenKind::NAME || t.kind == TokenKind::ASYNC || t.kind == TokenKind::AWAIT)
      kind = keyword_kind(src_.substr(b, e - b));
    if (t.kind == TokenKind::OP) [[unlikely]] {
      // Exact operator kinds are what the grammar needs; recover from spelling.
      std::string_view sp = src_.substr(b, e - b);
      for (uint8_t x = 0; x < static_cast<uint8_t>(TokenKind::Count); ++x) {
        std::string_view s = lex::token_kind_spelling(static_cast<TokenKind>(x));
        if (!s.empty() && s == sp) {
          kind = x;
          break;
        }
      }
    }
    k.kind = kind;
    uint32_t line, col;
    locate(b, &line, &col);
    k.line = line;
    k.col = col;
    // Only strings (and error tokens) can span lines; for the rest the end
    // is on the start line.
    bool may_span = t.kind == TokenKind::STRING || t.kind == TokenKind::ERRORTOKEN;
    if (!may_span || (std::memchr(src_.data() + b, '\n', e - b) == nullptr &&
                      std::memchr(src_.data() + b, '\r', e - b) == nullptr)) {
      k.eline = line;
      k.ecol = col + (e - b);
      continue;
    }
    uint32_t save = li;
    locate(e, &k.eline, &k.ecol);
    li = save;
  }
  if (n == 0 || dst[n - 1].kind != T(lex::TokenKind::ENDMARKER)) {
    Tok& k = dst[n++];
    k = Tok{};
    k.kind = T(lex::TokenKind::ENDMARKER);
    k.begin = k.end = src_size;
    locate(k.begin, &k.line, &k.col);
    k.eline = k.line;
    k.ecol = k.col;
  }
  out->resize(n);
}

bool Parser::expect(uint8_t k, const char* msg) {
  if (at(k)) {
    advance();
    return true;
  }
  if (msg) {
    // CPython points "expected ':'" at the end of the previous token.
    Tok t = cur();
    if (p_ > 0) {
      const Tok& prev = toks_[p_ - 1];
      t.line = prev.eline;
      t.col = prev.ecol;
    }
    fail(t, msg);
  } else {
    fail_here();
  }
  return false;
}

NodeId Parser::fail(const Tok& at, std::string msg, DiagId id) {
  if (!failed_) {
    failed_ = true;
    fail_token_line_ = cur().line;
    err_.id = id;
    err_.line = at.line;
    uint32_t col = 1;
    if (at.line >= 1 && at.line <= line_starts_.size()) {
      uint32_t b = line_starts_[at.line - 1];
      for (uint32_t i = b; i < b + at.col && i < src_.size(); ++i)
        if ((static_cast<unsigned char>(src_[i]) & 0xC0) != 0x80) ++col;
    }
    err_.column = col;
    err_.message = std::move(msg);
  }
  return kNone;
}

NodeId Parser::fail_node(NodeId n, std::string msg) {
  const Pos& p = m_->pos(n);
  Tok t{};
  t.line = p.lineno;
  t.col = p.col_offset;
  return fail(t, std::move(msg));
}

bool Parser::enter() {
  if (++depth_ > kMaxDepth) {
    fail(cur(), "too many nested parentheses");
    return false;
  }
  return true;
}

uint32_t Parser::finish_list(size_t mark) {
  uint32_t id = m_->add_list(std::span<const uint32_t>(scratch_.data() + mark, scratch_.size() - mark));
  scratch_.resize(mark);
  return id;
}

uint32_t Parser::strided_list(size_t mark, size_t stride, size_t off) {
  tmp_.clear();
  for (size_t i = mark + off; i < scratch_.size(); i += stride) tmp_.push_back(scratch_[i]);
  return m_->add_list(tmp_);
}

uint32_t Parser::empty_list() { return m_->add_list(std::span<const uint32_t>()); }

namespace {
struct NfkcEntry {
  uint32_t cp;
  const char* utf8;
};
constexpr NfkcEntry kNfkc[] = {
#include "parse/nfkc.inc"
};
}  // namespace

uint32_t Parser::ident(std::string_view s) {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);
  if (any < 0x80) return m_->intern(s);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > s.size()) n = 1;
    uint32_t cp = n == 1 ? c : (c & (0x7F >> n));
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    const NfkcEntry* e = std::lower_bound(std::begin(kNfkc), std::end(kNfkc), cp,
                                          [](const NfkcEntry& x, uint32_t v) { return x.cp < v; });
    if (n > 1 && e != std::end(kNfkc) && e->cp == cp) out += e->utf8;
    else out.append(s.substr(i, n));
    i += n;
  }
  return m_->intern(out);
}

namespace {
// Per kind: which slots hold a node (bit i of node_mask) or a list of nodes
// (bit i of list_mask); built once from the kind table.
struct ChildMasks {
  uint16_t node_mask[static_cast<size_t>(Kind::Count)] = {};
  uint16_t list_mask[static_cast<size_t>(Kind::Count)] = {};
  ChildMasks() {
    for (size_t k = 0; k < static_cast<size_t>(Kind::Count); ++k) {
      auto fields = ast::fields_of(static_cast<Kind>(k));
      for (size_t i = 0; i < fields.size() && i < 16; ++i) {
        ast::FieldType t = fields[i].type;
        if (t == ast::FieldType::Node || t == ast::FieldType::OptNode) node_mask[k] |= 1u << i;
        if (t == ast::FieldType::List || t == ast::FieldType::OptNodeList) list_mask[k] |= 1u << i;
      }
    }
  }
};
const ChildMasks kChildMasks;
}  // namespace

NodeId Parser::add(Kind k, Pos p, std::initializer_list<uint32_t> slots) {
  constexpr uint32_t kMaxTreeDepth = 3000;
  NodeId id = m_->add(k, p, slots);
  uint32_t d = 0;
  uint32_t nm = kChildMasks.node_mask[static_cast<size_t>(k)];
  uint32_t lm = kChildMasks.list_mask[static_cast<size_t>(k)];
  const uint16_t* depth = node_depth_.data();
  size_t i = 0;
  for (uint32_t v : slots) {
    uint32_t bit = 1u << i++;
    if (nm & bit) {
      if (v != kNone && depth[v] > d) d = depth[v];
    } else if (lm & bit) {
      for (uint32_t x : m_->list(v))
        if (x != kNone && depth[x] > d) d = depth[x];
    }
  }
  node_depth_.push_back(static_cast<uint16_t>(d + 1 > kMaxTreeDepth ? kMaxTreeDepth + 1 : d + 1));
  if (d + 1 > kMaxTreeDepth) [[unlikely]] {
    Tok t{};
    t.line = p.lineno ? p.lineno : 1;
    t.col = p.col_offset;
    fail(t, "too many nested expressions: the syntax tree is deeper than CPython allows");
  }
  return id;
}

NodeId Parser::name_node(const Tok& t, Kind ctx) {
  return add(Kind::Name, tok_pos(t), {ident(text(t)), op(ctx)});
}

std::string_view Parser::describe(NodeId n) const {
  switch (m_->kind(n)) {
    case Kind::Attribute: return "attribute";
    case Kind::Subscript: return "subscript";
    case Kind::Starred: return "starred";
    case Kind::Name: return "name";
    case Kind::List: return "list";
    case Kind::Tuple: return "tuple";
    case Kind::Lambda: return "lambda";
    case Kind::Call: return "function call";
    case Kind::BoolOp: case Kind::BinOp: case Kind::UnaryOp: return "expression";
    case Kind::GeneratorExp: return "generator expression";
    case Kind::Yield: case Kind::YieldFrom: return "yield expression";
    case Kind::Await: return "await expression";
    case Kind::ListComp: return "list comprehension";
    case Kind::SetComp: return "set comprehension";
    case Kind::DictComp: return "dict comprehension";
    case Kind::Dict: return "dict literal";
    case Kind::Set: return "set display";
    case Kind::JoinedStr: case Kind::FormattedValue: return "f-string expression";
    case Kind::Compare: return "comparison";
    case Kind::IfExp: return "conditional expression";
    case Kind::NamedExpr: return "named expression";
    case Kind::Constant: {
      const ast::Constant& c = m_->constant(m_->slot(n, ast::fld::Constant::value));
      switch (c.tag) {
        case ast::Constant::Tag::None: return "None";
        case ast::Constant::Tag::True: return "True";
        case ast::Constant::Tag::False: return "False";
        case ast::Constant::Tag::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    }
    default: return "expression";
  }
}

bool Parser::set_ctx(NodeId n, Kind ctx) {
  Kind k = m_->kind(n);
  switch (k) {
    case Kind::Name: m_->set_slot(n, ast::fld::Name::ctx, op(ctx)); return true;
    case Kind::Attribute: m_->set_slot(n, ast::fld::Attribute::ctx, op(ctx)); return true;
    case Kind::Subscript: m_->set_slot(n, ast::fld::Subscript::ctx, op(ctx)); return true;
    case Kind::Starred:
      if (ctx == Kind::Del) break;
      m_->set_slot(n, ast::fld::Starred::ctx, op(ctx));
      return set_ctx(m_->slot(n, ast::fld::Starred::value), ctx);
    case Kind::Tuple:
    case Kind::List: {
      uint32_t f = k == Kind::Tuple ? ast::fld::Tuple::ctx : ast::fld::List::ctx;
      m_->set_slot(n, f, op(ctx));
      for (NodeId e : m_->list_of(n, 0))
        if (!set_ctx(e, ctx)) return false;
      return true;
    }
    default: break;
  }
  std::string msg = ctx == Kind::Del ? "cannot delete " : "cannot assign to ";
  msg += describe(n);
  fail_node(n, msg);
  return false;
}

NodeId Parser::parse_file() {
  size_t mk = mark();
  while (!failed_ && !at(T(lex::TokenKind::ENDMARKER))) {
    size_t before = p_;
    if (at(T(lex::TokenKind::NEWLINE))) {  // blank logical lines the lexer may emit
      advance();
      continue;
    }
    if (!statement(mk)) break;
    if (p_ == before) {  // every loop must make progress
      fail_here();
      break;
    }
  }
  if (failed_) {
    release(mk);
    return kNone;
  }
  uint32_t body = finish_list(mk);
  NodeId mod = add(Kind::Module, Pos{}, {body, empty_list()});
  m_->set_root(mod);
  return mod;
}

ParseResult parse_module(const lex::TokenBuffer& tokens) {
  ParseResult r;
  r.diagnostics = tokens.diagnostics;
  bool lex_failed = has_errors(tokens.diagnostics);
  Parser p(tokens, &r.module);
  p.parse_file();
  if (p.failed()) {
    // Report whichever error CPython would meet first: the tokenizer's or ours.
    const Diagnostic* first_lex = nullptr;
    for (const auto& d : tokens.diagnostics)
      if (diag_severity(d.id) == Severity::Error) {
        first_lex = &d;
        break;
      }
    // An unclosed bracket is only detected at the end of the file, so a
    // parser error on or before its line comes first (CPython reports
    // "'(' was never closed" only for parser errors on later lines).
    // Other tokenizer errors are met in order of position.
    const Diagnostic& pe = p.error();
    bool parser_first =
        !first_lex ||
        (first_lex->id == DiagId::UnclosedBracket
             ? p.fail_token_line() <= first_lex->line
             : std::make_pair(pe.line, pe.column) < std::make_pair(first_lex->line, first_lex->column));
    if (parser_first) r.diagnostics.insert(r.diagnostics.begin(), pe);
    r.ok = false;
  } else {
    r.ok = !lex_failed;
  }
  return r;
}

ParseResult parse_source(std::string_view bytes) { return parse_module(lex::lex(bytes)); }

}  // namespace portalis::parse
