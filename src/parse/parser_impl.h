#pragma once
// The recursive-descent parser's state, shared by parse_*.cc. Internal.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"
#include "base/diagnostic.h"
#include "lex/lexer.h"

namespace portalis::parse {

using ast::Kind;
using ast::kNone;
using ast::NodeId;
using ast::Pos;

// Token kinds the parser sees: the lexer's kinds, plus hard keywords split
// out of NAME so that the grammar can switch on one byte.
enum : uint8_t {
  kKwBase = 100,
#define PORTALIS_KW(Name) KW_##Name,
#include "parse/keywords.def"
#undef PORTALIS_KW
  kKwEnd
};

inline constexpr uint8_t T(lex::TokenKind k) { return static_cast<uint8_t>(k); }

// Short names for the lexer's kinds: tk::LPAR, tk::NAME, ...
namespace tk {
#define PORTALIS_TOKEN(Kind, Spelling) inline constexpr uint8_t Kind = static_cast<uint8_t>(lex::TokenKind::Kind);
#include "lex/token_kinds.def"
#undef PORTALIS_TOKEN
}  // namespace tk

// Propagates a failed sub-parse (kNone) to the caller.
#define PTRY(x)                  \
  ({                             \
    NodeId _v = (x);             \
    if (_v == kNone) return kNone; \
    _v;                          \
  })

// Can this token begin an expression (star_expression)?
bool starts_expr(uint8_t k);

struct Tok {
  uint8_t kind;
  uint8_t flags;
  uint32_t begin, end;          // byte offsets in the source text
  uint32_t line, col;           // start, CPython convention
  uint32_t eline, ecol;         // end
};

class Parser {
 public:
  Parser(const lex::TokenBuffer& tb, ast::Module* m);
  // Returns the Module node, or kNone after a syntax error (see error()).
  NodeId parse_file();
  bool failed() const { return failed_; }
  const Diagnostic& error() const { return err_; }
  // Line of the token the parser stood on when it failed (CPython compares
  // it with an unclosed bracket's line to choose the message).
  uint32_t fail_token_line() const { return fail_token_line_; }

 private:
  friend struct Speculation;
  // ---- tokens ----
  void load_tokens(const lex::TokenBuffer& tb, std::vector<Tok>* out, int32_t shift, uint32_t first_line_col_fix);
  const Tok& cur() const { return toks_[p_]; }
  const Tok& peek(size_t k = 1) const { return toks_[p_ + k < toks_.size() ? p_ + k : toks_.size() - 1]; }
  bool at(uint8_t k) const { return toks_[p_].kind == k; }
  bool at_name(std::string_view s) const { return at(T(lex::TokenKind::NAME)) && text(cur()) == s; }
  // Layout tokens (NEWLINE, INDENT, DEDENT) never end a node, so they do not
  // move the "last consumed" position that node ends are taken from.
  void advance() {
    if (p_ + 1 < toks_.size()) {
      uint8_t k = toks_[p_].kind;
      if (k != tk::NEWLINE && k != tk::INDENT && k != tk::DEDENT) {
        last_eline_ = toks_[p_].eline;
        last_ecol_ = toks_[p_].ecol;
      }
      ++p_;
    }
  }
  bool accept(uint8_t k) {
    if (!at(k)) return false;
    advance();
    return true;
  }
  bool expect(uint8_t k, const char* msg = nullptr);
  std::string_view text(const Tok& t) const { return std::string_view(src_).substr(t.begin, t.end - t.begin); }
  uint32_t line_of(uint32_t off) const;
  uint32_t col_of(uint32_t off, uint32_t line) const { return off - line_starts_[line - 1]; }

  // ---- positions ----
  Pos span_from(const Tok& start) const { return Pos{start.line, start.col, last_eline_, last_ecol_}; }
  Pos span_from(NodeId start) const {
    const Pos& s = m_->pos(start);
    return Pos{s.lineno, s.col_offset, last_eline_, last_ecol_};
  }
  Pos span(NodeId a, NodeId b) const {
    const Pos& s = m_->pos(a);
    const Pos& e = m_->pos(b);
    return Pos{s.lineno, s.col_offset, e.end_lineno, e.end_col_offset};
  }
  Pos span(const Tok& a, NodeId b) const {
    const Pos& e = m_->pos(b);
    return Pos{a.line, a.col, e.end_lineno, e.end_col_offset};
  }
  // From the token at index `start` to the last token consumed (CPython's EXTRA).
  Pos from(size_t start) const { return Pos{toks_[start].line, toks_[start].col, last_eline_, last_ecol_}; }
  static Pos tok_pos(const Tok& t) { return Pos{t.line, t.col, t.eline, t.ecol}; }

  // ---- errors ----
  NodeId fail(const Tok& at, std::string msg, DiagId id = DiagId::SyntaxError);
  NodeId fail_node(NodeId n, std::string msg);
  NodeId fail_here(std::string msg = "invalid syntax") { return fail(cur(), std::move(msg)); }
  bool enter();  // recursion cap; false (and an error) when too deep
  void leave() { --depth_; }

  // ---- building ----
  // Every node goes through here: it also tracks the tree depth, because
  // loops build deep trees without recursing (a.b.c..., ------x) and later
  // stages walk trees recursively. Past kMaxTreeDepth (CPython's AST
  // construction limit) the parse fails; the node is still returned so that
  // callers never see an invalid id.
  NodeId add(Kind k, Pos p, std::initializer_list<uint32_t> slots);
  std::vector<uint16_t> node_depth_;
  uint32_t intern(std::string_view s) { return m_->intern(s); }
  // Interns an identifier, NFKC-normalized when it is not ASCII (PEP 3131).
  uint32_t ident(std::string_view s);
  // A stack of list items; each list under construction owns the tail from its mark.
  std::vector<uint32_t> scratch_;
  size_t mark() const { return scratch_.size(); }
  uint32_t finish_list(size_t mark);
  uint32_t empty_list();
  // Builds a list of every stride-th item from scratch_[mark + off]; keeps scratch_.
  uint32_t strided_list(size_t mark, size_t stride, size_t off);
  std::vector<uint32_t> tmp_;
  void release(size_t mark) { scratch_.resize(mark); }
  uint32_t op(Kind k) const { return static_cast<uint32_t>(k); }
  NodeId name_node(const Tok& t, Kind ctx);

  // ---- statements (parse_stmt.cc) ----
  uint32_t statements_until(uint8_t end_kind);
  bool statement(size_t list_mark);
  bool simple_stmts(size_t list_mark);
  NodeId simple_stmt();
  NodeId expr_or_assign_stmt();
  uint32_t block(const Tok& owner);
  NodeId compound_stmt();
  NodeId if_stmt(bool is_elif);
  NodeId while_stmt();
  NodeId for_stmt(const Tok* async_tok);
  NodeId with_stmt(const Tok* async_tok);
  bool with_items_paren(size_t list_mark);
  bool with_items_plain(size_t list_mark);
  NodeId try_stmt();
  NodeId funcdef(const Tok* async_tok, uint32_t decorators, const Tok& start);
  NodeId classdef(uint32_t decorators, const Tok& start);
  NodeId decorated();
  NodeId import_stmt();
  NodeId from_import_stmt();
  NodeId alias_dotted();
  NodeId return_stmt();
  NodeId raise_stmt();
  NodeId del_stmt();
  NodeId assert_stmt();
  NodeId global_stmt(Kind k);
  NodeId match_stmt();
  bool looks_like_match();
  NodeId arguments(bool lambda);  // the `arguments` node
  NodeId param(bool lambda, bool star);

  // ---- expressions (parse_expr.cc) ----
  NodeId star_expressions();
  NodeId star_expression();
  NodeId star_named_expression();
  NodeId named_expression();
  NodeId expression();
  NodeId yield_expr();
  NodeId yield_or_star_expressions();
  NodeId lambdef();
  NodeId disjunction();
  NodeId conjunction();
  NodeId inversion();
  NodeId comparison();
  NodeId bitwise(int min_prec);
  NodeId factor();
  NodeId power();
  NodeId await_primary();
  NodeId primary(NodeId atom_node, size_t start);
  NodeId atom();
  NodeId paren_atom();
  NodeId list_atom();
  NodeId brace_atom();
  NodeId call(NodeId func, size_t start);
  NodeId slices();
  NodeId slice();
  uint32_t comprehension_clauses();
  NodeId star_targets();
  NodeId target_atom();
  NodeId number(const Tok& t);
  bool forgot_comma(NodeId e, size_t start);

  // ---- targets (parser.cc) ----
  bool set_ctx(NodeId n, Kind ctx);  // Store/Del; false + error when not a valid target
  std::string_view describe(NodeId n) const;

  // ---- strings (parse_string.cc) ----
  NodeId strings();
  struct FState;
  bool fstring_body(FState& st, uint32_t tok_index, uint32_t* i, uint32_t end, bool raw, int level);
  NodeId fstring_expr(FState& st, uint32_t tok_index, uint32_t* i, uint32_t end, bool raw, int level);
  NodeId fstring_compile(uint32_t tok_index, uint32_t expr_begin, uint32_t expr_end);
  void flush_literal(FState& st, const Tok* a = nullptr, const Tok* b = nullptr);

  // ---- patterns (parse_pattern.cc) ----
  NodeId patterns();
  NodeId pattern();
  NodeId or_pattern();
  NodeId closed_pattern();
  NodeId literal_or_value_pattern();
  NodeId signed_number_expr();
  NodeId sequence_pattern(uint8_t close, const Tok& open);
  NodeId mapping_pattern();
  NodeId class_pattern(NodeId cls);
  NodeId name_or_attr();

  ast::Module* m_;
  std::string_view src_;
  const std::vector<uint32_t>& line_starts_;
  std::vector<Tok> toks_;
  size_t p_ = 0;
  uint32_t last_eline_ = 1, last_ecol_ = 0;
  bool failed_ = false;
  Diagnostic err_;
  uint32_t fail_token_line_ = 0;
  int depth_ = 0;
  std::string strbuf_;  // reused while decoding string literals
};

// Saves the parser position for an alternative that may not apply; restores
// it (and forgets the error) unless committed.
struct Speculation {
  Parser& p;
  size_t pos, scratch;
  uint32_t le, lc;
  explicit Speculation(Parser& parser)
      : p(parser), pos(parser.p_), scratch(parser.scratch_.size()), le(parser.last_eline_), lc(parser.last_ecol_) {}
  void rewind() {
    p.p_ = pos;
    p.scratch_.resize(scratch);
    p.last_eline_ = le;
    p.last_ecol_ = lc;
    p.failed_ = false;
  }
};

}  // namespace portalis::parse
