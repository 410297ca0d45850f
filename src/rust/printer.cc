// The one printer of Rust trees. Parentheses come from operator precedence,
// never from the lowering, so the builder's callers cannot get them wrong.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include "rust/tree.h"

namespace portalis::rust {
namespace {

// Rust expression precedence, higher binds tighter.
enum Prec : int {
  kPrecLowest = 0, kPrecJump = 1, kPrecAssign = 2, kPrecRange = 3, kPrecOr = 4, kPrecAnd = 5, kPrecCmp = 6,
  kPrecBitOr = 7, kPrecBitXor = 8, kPrecBitAnd = 9, kPrecShift = 10, kPrecAdd = 11, kPrecMul = 12,
  kPrecCast = 13, kPrecUnary = 14, kPrecPostfix = 15, kPrecAtom = 16,
};

int binop_prec(Op op) {
  switch (op) {
    case Op::Mul: case Op::Div: case Op::Rem: return kPrecMul;
    case Op::Add: case Op::Sub: return kPrecAdd;
    case Op::Shl: case Op::Shr: return kPrecShift;
    case Op::BitAnd: return kPrecBitAnd;
    case Op::BitXor: return kPrecBitXor;
    case Op::BitOr: return kPrecBitOr;
    case Op::Eq: case Op::Ne: case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: return kPrecCmp;
    case Op::And: return kPrecAnd;
    case Op::Or: return kPrecOr;
    default: return kPrecAssign;
  }
}

const char* op_text(Op op) {
  switch (op) {
    case Op::Add: return "+"; case Op::Sub: return "-"; case Op::Mul: return "*"; case Op::Div: return "/";
    case Op::Rem: return "%"; case Op::BitAnd: return "&"; case Op::BitOr: return "|"; case Op::BitXor: return "^";
    case Op::Shl: return "<<"; case Op::Shr: return ">>"; case Op::And: return "&&"; case Op::Or: return "||";
    case Op::Eq: return "=="; case Op::Ne: return "!="; case Op::Lt: return "<"; case Op::Le: return "<=";
    case Op::Gt: return ">"; case Op::Ge: return ">="; case Op::Neg: return "-"; case Op::Not: return "!";
    case Op::Ref: return "&"; case Op::RefMut: return "&mut "; case Op::Deref: return "*";
    case Op::Assign: return "="; case Op::AddAssign: return "+="; case Op::SubAssign: return "-=";
    case Op::MulAssign: return "*="; case Op::DivAssign: return "/="; case Op::RemAssign: return "%=";
    case Op::AndAssign: return "&="; case Op::OrAssign: return "|="; case Op::XorAssign: return "^=";
    case Op::ShlAssign: return "<<="; case Op::ShrAssign: return ">>=";
    default: return "?";
  }
}

// Layout follows rustfmt's defaults (edition 2021, use_small_heuristics =
// Default): every expression is first tried on one line; when it does not fit
// the room left on the line (max_width 100) or a width heuristic below, it is
// broken in rustfmt's vertical block style. Each rewrite gets a Shape (block
// indent, columns used, columns left) and returns its text, or nothing when it
// cannot fit; the caller then tries its next layout. Generated code must be a
// fixed point of rustfmt, so the order of the tries mirrors rustfmt's.
constexpr int kMaxWidth = 100;
constexpr int kTab = 4;
constexpr int kFnCallWidth = 60;
constexpr int kAttrFnLikeWidth = 70;
constexpr int kStructLitWidth = 18;
constexpr int kArrayWidth = 60;
constexpr int kChainWidth = 60;
constexpr int kSingleLineIfElse = 50;
constexpr int kShortItem = 10;

struct Shape {
  int indent = 0;          // block indent of continuation lines
  int offset = 0;          // columns used on the first line after the indent
  int width = kMaxWidth;   // columns left on the first line
  Shape right(int n) const { return {indent, offset + n, width - n}; }
  Shape shrink(int n) const { return {indent, offset, width - n}; }
  int overhead() const { return kMaxWidth - (indent + offset + width); }  // reserved after the expression
};
Shape block_shape(int indent) { return {indent, 0, kMaxWidth - indent}; }

using Str = std::optional<std::string>;

int text_width(std::string_view s) {
  int w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}
int first_w(const std::string& s) { return text_width(std::string_view(s).substr(0, s.find('\n'))); }
int last_w(const std::string& s) {
  size_t nl = s.rfind('\n');
  return nl == std::string::npos ? text_width(s) : text_width(std::string_view(s).substr(nl + 1));
}
bool multi(const std::string& s) { return s.find('\n') != std::string::npos; }
int line_count(const std::string& s) { return 1 + static_cast<int>(std::count(s.begin(), s.end(), '\n')); }
std::string sp(int n) { return std::string(static_cast<size_t>(n > 0 ? n : 0), ' '); }
char first_line_end(const std::string& s) {
  size_t nl = s.find('\n');
  std::string_view f = std::string_view(s).substr(0, nl);
  return f.empty() ? '\0' : f.back();
}
// rustfmt moves a right-hand side to the next line when that reads better.
bool prefer_next_line(const std::string& orig, const std::string& next) {
  if (!multi(next)) return true;
  if (line_count(orig) > line_count(next) + 1) return true;
  for (char c : {'(', '{', '['})
    if (first_line_end(orig) == c && first_line_end(next) != c) return true;
  return false;
}

// Macros whose leading format string rustfmt keeps apart: number of arguments before it.
int special_macro_args(std::string_view name) {
  static constexpr std::pair<std::string_view, int> kTable[] = {
      {"eprint", 0}, {"eprintln", 0}, {"format", 0}, {"format_args", 0}, {"print", 0}, {"println", 0},
      {"panic", 0}, {"unreachable", 0}, {"write", 1}, {"writeln", 1}, {"assert", 1}, {"debug_assert", 1},
      {"assert_eq", 2}, {"assert_ne", 2}, {"debug_assert_eq", 2}, {"debug_assert_ne", 2}};
  for (auto& [n, k] : kTable)
    if (n == name) return k;
  return -1;
}

enum class LStyle { Call, Array, MacroParen };

struct ChainItem {
  RId node;   // MethodCall or Field node (kNil for the root)
  int tries;  // `?` after it
};

class Printer {
 public:
  explicit Printer(const Tree& t) : t_(t) {}
  std::string out;

  // Captures what f appends to out.
  template <class F>
  std::string cap(F&& f) {
    std::string saved;
    saved.swap(out);
    f();
    std::string r;
    r.swap(out);
    out.swap(saved);
    return r;
  }

  template <class List, class F>
  void comma_list(const List& list, F&& f) {
    bool first = true;
    for (RId x : list) {
      if (!first) out += ", ";
      first = false;
      f(x);
    }
  }

  bool fits(const std::string& s, Shape sh) const {
    if (loose_) return true;
    if (!multi(s)) return text_width(s) <= sh.width;
    if (first_w(s) > sh.width) return false;
    size_t start = s.find('\n') + 1;
    while (true) {
      size_t nl = s.find('\n', start);
      std::string_view ln = std::string_view(s).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      int limit = nl == std::string::npos ? kMaxWidth - sh.overhead() : kMaxWidth;
      if (text_width(ln) > limit) return false;
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return true;
  }
  Str fit(std::string s, Shape sh) const {
    if (!fits(s, sh)) return std::nullopt;
    return s;
  }

  // ------------------------------------------------------------------ items
  void item(RId id) {
    const RNode& n = t_.node(id);
    leading(n);
    switch (n.kind) {
      case RKind::Comment: comment_lines("// ", t_.str(n.text)); break;
      case RKind::InnerAttr: attr("#![", t_.str(n.text)); break;
      case RKind::OuterAttr: attr("#[", t_.str(n.text)); break;
      case RKind::Use: line("use " + std::string(t_.str(n.text)) + ";"); break;
      case RKind::ModDecl: line(std::string(n.flags & kPub ? "pub " : "") + "mod " + std::string(t_.str(n.text)) + ";"); break;
      case RKind::Const: {
        std::string lhs = std::string(n.flags & kPub ? "pub const " : "const ") + std::string(t_.str(n.text)) + ": " +
                          cap([&] { type(n.a); }) + " =";
        indent();
        out += rhs(lhs, n.b, block_shape(ind()), 1);
        out += ";\n";
        break;
      }
      case RKind::Fn: {
        indent();
        std::string head = std::string(n.flags & kPub ? "pub " : "") + "fn " + std::string(t_.str(n.text)) + "(";
        std::vector<std::string> ps;
        for (RId p : t_.list(n.list)) ps.push_back(cap([&] { param(p); }));
        std::string ret = n.a == kNil ? "" : " -> " + cap([&] { type(n.a); });
        std::string flat = head;
        for (size_t i = 0; i < ps.size(); ++i) flat += (i ? ", " : "") + ps[i];
        flat += ")" + ret + " {";
        if (ps.empty() || ind() + text_width(flat) <= kMaxWidth) {
          out += head;
          for (size_t i = 0; i < ps.size(); ++i) out += (i ? ", " : "") + ps[i];
          out += ")" + ret + " ";
        } else {
          out += head + "\n";
          for (auto& p : ps) out += sp(ind() + kTab) + p + ",\n";
          out += sp(ind()) + ")" + ret + " ";
        }
        out += block_text(n.b, ind());
        out += "\n";
        break;
      }
      case RKind::Struct: {
        if (n.c != kNil) item(n.c);
        indent();
        out += "pub struct ";
        out += t_.str(n.text);
        if (t_.list(n.list).empty()) {
          out += ";\n";
          break;
        }
        out += " {\n";
        ++depth_;
        for (RId f : t_.list(n.list)) {
          const RNode& fd = t_.node(f);
          leading(fd);
          indent();
          out += "pub ";
          out += t_.str(fd.text);
          out += ": ";
          type(fd.a);
          out += ",\n";
        }
        --depth_;
        line("}");
        break;
      }
      case RKind::Impl: {
        indent();
        out += "impl ";
        if (n.a != kNil) {
          type(n.a);
          out += " for ";
        }
        out += t_.str(n.text);
        out += " {\n";
        ++depth_;
        bool first = true;
        for (RId it : t_.list(n.list)) {
          if (!first) out += "\n";
          first = false;
          item(it);
        }
        --depth_;
        line("}");
        break;
      }
      default: stmt(id); break;
    }
  }

  // `#![allow(a, b)]`: rustfmt breaks an attribute's list like call arguments
  // (attr_fn_like_width 70).
  void attr(std::string_view open, std::string_view text) {
    size_t lp = text.find('(');
    if (lp == std::string_view::npos || text.back() != ')') {
      line(std::string(open) + std::string(text) + "]");
      return;
    }
    std::string_view name = text.substr(0, lp), inner = text.substr(lp + 1, text.size() - lp - 2);
    std::vector<std::string> items;
    int depth = 0;
    size_t st = 0;
    for (size_t i = 0; i <= inner.size(); ++i) {
      char c = i < inner.size() ? inner[i] : ',';
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (c == ',' && depth == 0) {
        std::string_view it = inner.substr(st, i - st);
        while (!it.empty() && it.front() == ' ') it.remove_prefix(1);
        while (!it.empty() && it.back() == ' ') it.remove_suffix(1);
        if (!it.empty()) items.emplace_back(it);
        st = i + 1;
      }
    }
    std::string flat;
    for (size_t i = 0; i < items.size(); ++i) flat += (i ? ", " : "") + items[i];
    std::string one = std::string(open) + std::string(name) + "(" + flat + ")]";
    if (ind() + text_width(one) <= kMaxWidth && text_width(flat) <= kAttrFnLikeWidth) {
      line(one);
      return;
    }
    line(std::string(open) + std::string(name) + "(");
    for (size_t i = 0; i < items.size(); ++i) line("    " + items[i] + (i + 1 < items.size() ? "," : ""));
    line(")]");
  }

  // rustfmt sorts runs of `use` and of `mod` declarations.
  static bool use_less(std::string_view a, std::string_view b) {
    auto seg = [](std::string_view s, size_t& pos) {
      size_t e = s.find("::", pos);
      std::string_view r = s.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos);
      pos = e == std::string_view::npos ? s.size() + 1 : e + 2;
      return r;
    };
    auto rank = [](std::string_view s) { return s == "self" ? 0 : s == "super" ? 1 : s == "crate" ? 2 : 3; };
    // `x as y` sorts as the path `x`, before `x::z`.
    std::string_view alias_a, alias_b;
    if (size_t k = a.find(" as "); k != std::string_view::npos) alias_a = a.substr(k), a = a.substr(0, k);
    if (size_t k = b.find(" as "); k != std::string_view::npos) alias_b = b.substr(k), b = b.substr(0, k);
    if (a == b) return alias_a < alias_b;
    size_t pa = 0, pb = 0;
    while (pa <= a.size() && pb <= b.size()) {
      std::string_view x = seg(a, pa), y = seg(b, pb);
      if (x == y) continue;
      if (rank(x) != rank(y)) return rank(x) < rank(y);
      bool gx = !x.empty() && x[0] == '{', gy = !y.empty() && y[0] == '{';
      if (gx != gy) return gy;
      bool ux = !x.empty() && x[0] >= 'A' && x[0] <= 'Z', uy = !y.empty() && y[0] >= 'A' && y[0] <= 'Z';
      if (ux != uy) return !ux;  // snake_case modules before CamelCase types
      return x < y;
    }
    return pa > a.size() && pb <= b.size();
  }

  void file(RId id) {
    const RNode& n = t_.node(id);
    std::vector<RId> items(t_.list(n.list).begin(), t_.list(n.list).end());
    for (size_t i = 0; i < items.size();) {
      RKind k = t_.node(items[i]).kind;
      size_t j = i;
      while (j < items.size() && t_.node(items[j]).kind == k && t_.node(items[j]).doc == kNil) ++j;
      if (j > i + 1 && (k == RKind::Use || k == RKind::ModDecl)) {
        std::stable_sort(items.begin() + i, items.begin() + j, [&](RId x, RId y) {
          std::string_view a = t_.str(t_.node(x).text), b = t_.str(t_.node(y).text);
          return k == RKind::Use ? use_less(a, b) : a < b;
        });
      }
      i = j > i ? j : i + 1;
    }
    RKind prev = RKind::Count;
    for (RId it : items) {
      RKind k = t_.node(it).kind;
      // Blank line between items, except inside runs of attributes/uses/mods.
      bool grouped = prev == k && (k == RKind::Use || k == RKind::ModDecl || k == RKind::InnerAttr || k == RKind::Const);
      if (prev != RKind::Count && !grouped && prev != RKind::OuterAttr) out += "\n";
      item(it);
      prev = k;
    }
  }

  // ------------------------------------------------------------------ statements
  int ind() const { return depth_ * kTab; }

  // Runs a rewrite; when nothing fits (a literal longer than the line), prints
  // it unconstrained: rustfmt then keeps the statement as written.
  template <class F>
  std::string must(F&& f) {
    Str s = f();
    if (s) return *s;
    bool saved = loose_;
    loose_ = true;
    s = f();
    loose_ = saved;
    if (!s) std::fprintf(stderr, "portalis: rust printer found no layout\n");
    return s ? *s : std::string("compile_error!(\"portalis: no layout\")");
  }

  // `lhs = expr` (lhs ends with `=` or similar): the right-hand side stays on
  // the line when it fits there on one line, else it may move to the next one.
  std::string rhs(const std::string& lhs, RId e, Shape sh, int suffix) {
    return must([&]() -> Str { return rhs_try(lhs, e, sh, suffix); });
  }
  Str rhs_try(const std::string& lhs, RId e, Shape sh, int suffix) {
    Shape os = sh.right(text_width(lhs) + 1).shrink(suffix);
    Str orig = rw(e, kPrecLowest, os);
    if (orig && !multi(*orig)) return lhs + " " + *orig;
    Shape ns = block_shape(sh.indent + kTab).shrink(suffix);
    Str next = rw(e, kPrecLowest, ns);
    auto nl = [&](const std::string& s) { return lhs + "\n" + sp(ns.indent) + s; };
    if (!orig && !next) return std::nullopt;
    if (!orig) return nl(*next);
    if (next && prefer_next_line(*orig, *next)) return nl(*next);
    return lhs + " " + *orig;
  }

  void stmt(RId id) {
    const RNode& n = t_.node(id);
    if (n.kind != RKind::Fn && n.kind != RKind::Struct && n.kind != RKind::Impl) leading(n);
    switch (n.kind) {
      case RKind::Let: {
        indent();
        std::string lhs = "let " + cap([&] { pat(n.a); });
        if (n.b != kNil) lhs += ": " + cap([&] { type(n.b); });
        if (n.c != kNil) out += rhs(lhs + " =", n.c, block_shape(ind()), 1);
        else out += lhs;
        out += ";\n";
        break;
      }
      case RKind::ExprStmt: {
        indent();
        // A bare block may end in a value: `{ ..; v };` discards it.
        bool semi = !block_like(n.a) || t_.node(n.a).kind == RKind::Block;
        out += stmt_expr(n.a, semi);
        if (semi) out += ";";
        out += "\n";
        break;
      }
      case RKind::Fn: case RKind::Struct: case RKind::Impl: case RKind::Comment: case RKind::Const:
      case RKind::Use: case RKind::OuterAttr: case RKind::InnerAttr:
        item(id);
        break;
      default: {
        indent();
        bool semi = !block_like(id);
        out += stmt_expr(id, semi);
        out += semi ? ";\n" : "\n";
        break;
      }
    }
  }

  std::string stmt_expr(RId e, bool semi) {
    Shape sh = block_shape(ind()).shrink(semi ? 1 : 0);
    const RNode& n = t_.node(e);
    if (n.kind == RKind::If) return must([&] { return if_text(e, sh, false); });
    if (n.kind == RKind::Assign) {
      std::string lhs = must([&] { return rw(n.a, kPrecAssign + 1, sh); }) + " " + op_text(n.op);
      return rhs(lhs, n.b, block_shape(ind()), semi ? 1 : 0);
    }
    return must([&] { return rw(e, kPrecLowest, sh); });
  }

  bool block_like(RId id) const {
    switch (t_.node(id).kind) {
      case RKind::If: case RKind::While: case RKind::Loop: case RKind::For: case RKind::Block: case RKind::Match:
        return true;
      default: return false;
    }
  }

  int prec_of(RId id) const {
    const RNode& n = t_.node(id);
    switch (n.kind) {
      case RKind::Binary: return binop_prec(n.op);
      case RKind::Unary: return kPrecUnary;
      case RKind::Cast: return kPrecCast;
      case RKind::Assign: return kPrecAssign;
      case RKind::Range: return kPrecRange;
      case RKind::Closure: case RKind::Return: case RKind::Break: return kPrecJump;
      case RKind::Call: case RKind::MethodCall: case RKind::Field: case RKind::Index: case RKind::Try: return kPrecPostfix;
      case RKind::If: case RKind::Match: case RKind::Block: case RKind::While: case RKind::Loop: case RKind::For:
        return kPrecJump;  // parenthesized inside operators
      default: return kPrecAtom;
    }
  }

  // Statements of a block at `indent`, memoized: layouts are tried more than
  // once and a block's text depends only on its indent.
  // The text is returned by reference (it stays in the memo): a function
  // body is not copied once more per enclosing level.
  const std::string& block_text(RId id, int indent_cols) {
    const RNode& n = t_.node(id);
    if (n.kind != RKind::Block) {  // a lone expression where a block is required
      int saved = depth_;
      depth_ = indent_cols / kTab + 1;
      std::string body = must([&] { return rw(id, kPrecLowest, block_shape(ind())); });
      depth_ = saved;
      block_other_.push_back("{\n" + sp(indent_cols + kTab) + body + "\n" + sp(indent_cols) + "}");
      return block_other_.back();
    }
    auto stmts = t_.list(n.list);
    static const std::string kEmpty = "{}";
    if (stmts.empty() && n.a == kNil) return kEmpty;
    uint64_t key = (static_cast<uint64_t>(id) << 16) | static_cast<uint64_t>(indent_cols);
    auto it = block_memo_.find(key);
    if (it != block_memo_.end()) return it->second;
    int saved = depth_;
    depth_ = indent_cols / kTab + 1;
    bool saved_loose = loose_, saved_force = force_one_line_chain_;
    loose_ = false;
    force_one_line_chain_ = false;
    std::string r = cap([&] {
      out += "{\n";
      for (RId s : stmts) stmt(s);
      if (n.a != kNil) {
        indent();
        out += stmt_expr(n.a, false);
        out += "\n";
      }
      out.append(static_cast<size_t>(indent_cols > 0 ? indent_cols : 0), ' ');
      out += "}";
    });
    loose_ = saved_loose;
    force_one_line_chain_ = saved_force;
    depth_ = saved;
    return block_memo_.emplace(key, std::move(r)).first->second;
  }

  // The one expression a block holds (a tail, or a lone `loop {..}`-like
  // statement, which has no `;`), or kNil: rustfmt drops such braces around
  // closure bodies and match arms.
  RId sole_expr(RId block) const {
    const RNode& b = t_.node(block);
    if (b.kind != RKind::Block || b.doc != kNil) return kNil;
    auto st = t_.list(b.list);
    RId e = kNil;
    if (st.empty() && b.a != kNil) e = b.a;
    if (st.size() == 1 && b.a == kNil) {
      RId x = st[0];
      if (t_.node(x).kind == RKind::ExprStmt && t_.node(x).doc == kNil) x = t_.node(x).a;
      if (block_like(x) && t_.node(x).kind != RKind::Block) e = x;
    }
    if (e == kNil || t_.node(e).doc != kNil) return kNil;
    return e;
  }

  // ------------------------------------------------------------------ expressions
  Str rw(RId id, int min, Shape sh) {
    // The one-line fast path of rw_inner, taken before the memo (which keeps
    // only multi-line results anyway).
    if (!loose_) {
      const FlatMemo& f = flat(id);
      if (f.ok) {
        bool paren = prec_of(id) < min;
        Shape s = paren ? sh.right(1).shrink(1) : sh;
        if (f.width + f.extra <= s.width && s.indent + std::max(0, s.overhead()) + f.need <= kMaxWidth)
          return paren ? parened(f.text) : std::string(f.text);
      }
    }
    // Layouts are tried more than once for the same node and shape.
    auto pack = [](int v) { return static_cast<uint64_t>((v + (1 << 23)) & 0xFFFFFF); };
    std::pair<uint64_t, uint64_t> key{(static_cast<uint64_t>(id) << 32) | (static_cast<uint64_t>(min) << 8) |
                                          (force_one_line_chain_ ? 2u : 0u) | (loose_ ? 1u : 0u),
                                      (static_cast<uint64_t>(sh.indent & 0xFFFF) << 48) | (pack(sh.offset) << 24) |
                                          pack(sh.width)};
    // Only multi-line results are kept: one-line ones come back fast from flat().
    auto it = rw_memo_.find(key);
    if (it != rw_memo_.end()) return it->second;
    Str r = rw_uncached(id, min, sh);
    if (!r || multi(*r)) rw_memo_.emplace(key, r);
    return r;
  }
  Str rw_uncached(RId id, int min, Shape sh) {
    if (prec_of(id) < min) {
      Str s = rw_inner(id, sh.right(1).shrink(1));
      if (!s) return std::nullopt;
      return "(" + *s + ")";
    }
    return rw_inner(id, sh);
  }

  std::string flat_leaf(RId id) {
    return cap([&] { leaf(id); });
  }
  void leaf(RId id) {
    const RNode& n = t_.node(id);
    switch (n.kind) {
      case RKind::Lit: out += t_.str(n.text); break;
      case RKind::Path:
        if (n.a != kNil) {
          out += "<";
          type(n.a);
          out += ">::";
        }
        out += t_.str(n.text);
        turbofish(n.c);
        break;
      case RKind::StrLit: str_lit(t_.str(n.text)); break;
      case RKind::CharLit: char_lit(n.text); break;
      default: break;
    }
  }

  bool is_simple(RId id) const {
    const RNode& n = t_.node(id);
    switch (n.kind) {
      case RKind::Lit: case RKind::StrLit: case RKind::CharLit: return true;
      case RKind::Path: return n.a == kNil && n.c == kNil && t_.str(n.text).find("::") == std::string_view::npos;
      case RKind::Unary: case RKind::Cast: case RKind::Field: case RKind::Try: return !parens(id) && is_simple(n.a);
      case RKind::Index: return is_simple(n.a) && is_simple(n.b);
      default: return false;
    }
  }

  bool overflowable(RId id, size_t nargs) const {
    const RNode& n = t_.node(id);
    switch (n.kind) {
      case RKind::Closure: case RKind::Block: return true;
      case RKind::Match: case RKind::If: case RKind::For: case RKind::Loop: case RKind::While: return nargs == 1;
      case RKind::ArrayLit: case RKind::StructLit: return nargs == 1;
      case RKind::Macro: return nargs == 1;
      case RKind::Call: case RKind::MethodCall: case RKind::Tuple: return nargs == 1;
      case RKind::Unary: case RKind::Try: case RKind::Cast: return !parens(id) && overflowable(n.a, nargs);
      default: return false;
    }
  }

  // Whether the operand of a prefix/postfix/cast node id gets parentheses.
  bool parens(RId id) const {
    const RNode& n = t_.node(id);
    int need = n.kind == RKind::Unary ? kPrecUnary : n.kind == RKind::Cast ? kPrecCast : kPrecPostfix;
    return prec_of(n.a) < need;
  }
  bool method_call(RId id) const {
    const RNode& n = t_.node(id);
    if (n.kind == RKind::MethodCall) return true;
    if (n.kind == RKind::Unary || n.kind == RKind::Try || n.kind == RKind::Cast) return !parens(id) && method_call(n.a);
    return false;
  }
  bool nested_call(RId id) const {
    const RNode& n = t_.node(id);
    if (n.kind == RKind::Macro || n.kind == RKind::Call) return true;
    if (n.kind == RKind::Unary || n.kind == RKind::Try || n.kind == RKind::Cast) return !parens(id) && nested_call(n.a);
    return false;
  }

  // A bracketed list of expressions after what the caller printed: calls,
  // tuples, arrays, macros. Tries one line (within `limit`), then the last item
  // overflowing onto following lines, then one item per line.
  Str list(std::string_view open, std::string_view close, std::span<const RId> items, Shape sh, int limit,
           LStyle style, int ident_len, int special = -1) {
    int ow = text_width(open), cw = text_width(close);
    size_t n = items.size();
    if (n == 0) return fit(std::string(open) + std::string(close), sh);
    int one_line_w = sh.width - ow - cw;
    int in = sh.indent + kTab;
    Shape ish{in, 0, kMaxWidth - in - 1};
    // Every item as it would stand on its own line; the one-line test uses them.
    std::vector<Str> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = rw(items[i], kPrecLowest, ish);
    auto single = [&](size_t i) { return v[i] && !multi(*v[i]); };
    int used = 0;  // the items before the last, with their ", "
    bool head_single = true;
    for (size_t i = 0; i + 1 < n; ++i) {
      if (!single(i)) head_single = false;
      else used += text_width(*v[i]) + 2;
    }
    auto horizontal = [&](const std::string& last) {
      std::string items_str;
      for (size_t i = 0; i + 1 < n; ++i) items_str += *v[i] + ", ";
      items_str += last;
      if (loose_ || first_w(items_str) + 1 <= sh.width) return std::string(open) + items_str + std::string(close);
      return std::string(open) + "\n" + sp(in) + items_str + "\n" + sp(sh.indent) + std::string(close);
    };
    int budget = std::min(limit, one_line_w);
    if (loose_ && head_single && single(n - 1)) return horizontal(*v[n - 1]);
    // The last item may overflow: `f(a, |x| {` ... `})`; it is tried first. A
    // lone argument of a short callee (`Ok(`) always may; a method chain
    // overflowing must then stay on one line; a control-flow expression only
    // with a one-line head.
    bool combine = n == 1 && ident_len < kTab;
    if ((combine || overflowable(items[n - 1], n)) && head_single) {
      int lw = (n == 1 && !nested_call(items[0])) ? one_line_w : budget;
      Shape lsh{sh.indent, sh.offset + ow + used, lw - used};
      bool saved_force = force_one_line_chain_;
      if (!combine && method_call(items[n - 1])) force_one_line_chain_ = true;
      Str last = rw(items[n - 1], kPrecLowest, lsh);
      force_one_line_chain_ = saved_force;
      RKind lk = t_.node(items[n - 1]).kind;
      bool control = lk == RKind::If || lk == RKind::For || lk == RKind::While || lk == RKind::Match;
      if (last && control && first_line_end(*last) != '{') last.reset();
      if (last && used + first_w(*last) <= budget) {
        if (n == 1 && line_count(*last) == 2 && single(0)) last = v[0];
        std::string s = horizontal(*last);
        if (fits(s, sh)) return s;
      }
    }
    for (size_t i = 0; i < n; ++i)
      if (!v[i]) return std::nullopt;
    if (head_single && single(n - 1)) {
      int total = used + text_width(*v[n - 1]);
      if (n == 1 ? total <= one_line_w : total <= budget) {
        std::string s = horizontal(*v[n - 1]);
        if (fits(s, sh)) return s;
      }
    }
    std::vector<std::string> vv;
    vv.reserve(n);
    for (auto& x : v) vv.push_back(std::move(*x));  // v is not read below
    bool trailing = style != LStyle::MacroParen;
    bool all_simple = true, short_items = true;
    for (size_t i = 0; i < n; ++i) {
      if (!is_simple(items[i])) all_simple = false;
      if (multi(vv[i]) || text_width(vv[i]) > kShortItem) short_items = false;
    }
    std::string s = std::string(open) + "\n";
    if (special >= 0 && static_cast<int>(n) > special + 1) {
      bool ok = true;
      int w1 = 0, w2 = 0;
      for (size_t i = 0; i < n; ++i) {
        if (multi(vv[i])) ok = false;
        if (static_cast<int>(i) < special) w1 += text_width(vv[i]) + 2;
        if (static_cast<int>(i) > special) {
          w2 += text_width(vv[i]) + 2;
          if (!is_simple(items[i])) ok = false;
        }
      }
      if (ok && w1 - 2 <= kMaxWidth - in && w2 - 2 <= kMaxWidth - in) {
        for (size_t i = 0; i < n; ++i) {
          if (i == 0) s += sp(in);
          else if (static_cast<int>(i) < special) s += " ";
          else if (static_cast<int>(i) <= special + 1) s += "\n" + sp(in);
          else s += " ";
          s += vv[i];
          if (i + 1 < n) s += ",";
        }
        s += "\n" + sp(sh.indent) + std::string(close);
        return fit(s, sh);
      }
    } else if (special < 0 && all_simple && short_items) {
      // Mixed: short simple items fill the lines.
      std::string cur;
      for (size_t i = 0; i < n; ++i) {
        std::string piece = vv[i] + ((i + 1 < n || trailing) ? "," : "");
        if (!cur.empty() && in + text_width(cur) + 1 + text_width(piece) > kMaxWidth) {
          s += sp(in) + cur + "\n";
          cur.clear();
        }
        cur += (cur.empty() ? "" : " ") + piece;
      }
      s += sp(in) + cur + "\n" + sp(sh.indent) + std::string(close);
      return fit(s, sh);
    }
    for (size_t i = 0; i < n; ++i) {
      s.append(static_cast<size_t>(in > 0 ? in : 0), ' ');
      s += vv[i];
      if (i + 1 < n || trailing) s += ',';
      s += '\n';
    }
    s += sp(sh.indent) + std::string(close);
    return fit(s, sh);
  }

  // The shape that continues after text s printed at sh.
  static Shape after(const std::string& s, Shape sh) {
    if (!multi(s)) return sh.right(text_width(s));
    int col = last_w(s);
    return Shape{sh.indent, col - sh.indent, kMaxWidth - sh.overhead() - col};
  }

  // Fast path. Expressions built from leaves, operators, casts, indexing,
  // calls, macros, tuples, arrays and method chains over such expressions get
  // their one-line text computed once; rw returns it whenever the full layout
  // would (it fits, and no width heuristic is exceeded). `extra` is room the
  // chain rules want beyond the text on its line, `need` the columns the
  // deepest list item needs beyond the current block indent.
  struct Flat {
    std::string text;
    int extra = 0;
    int need = 0;
    bool ok = false;
  };
  // A memoized Flat: its text lives in the arena (no string per node to
  // allocate and free), its width is counted once.
  struct FlatMemo {
    std::string_view text;
    int width = 0;
    int extra = 0;
    int need = 0;
    bool ok = false;
  };
  const FlatMemo& flat(RId id) {
    // Indexed by node id (a hash lookup per call cost more than the rest of
    // the fast path); a deque keeps references stable while children fill in.
    if (flat_index_.size() < t_.size()) flat_index_.resize(t_.size(), kNil);
    if (flat_index_[id] != kNil) return flat_store_[flat_index_[id]];
    Flat f = flat_compute(id);
    FlatMemo m;
    m.ok = f.ok;
    if (f.ok) {
      m.text = arena_text(f.text);
      m.width = text_width(f.text);
      m.extra = f.extra;
      m.need = f.need;
    }
    flat_index_[id] = static_cast<uint32_t>(flat_store_.size());
    flat_store_.push_back(m);
    return flat_store_.back();
  }
  // Copies s into a block that never moves (views of it stay valid).
  std::string_view arena_text(const std::string& s) {
    constexpr size_t kBlock = 1 << 16;
    if (arena_.empty() || arena_left_ < s.size()) {
      size_t size = std::max(kBlock, s.size());
      arena_.push_back(std::make_unique<char[]>(size));
      arena_pos_ = arena_.back().get();
      arena_left_ = size;
    }
    char* p = arena_pos_;
    std::copy(s.begin(), s.end(), p);
    arena_pos_ += s.size();
    arena_left_ -= s.size();
    return std::string_view(p, s.size());
  }
  static std::string parened(std::string_view t) {
    std::string r;
    r.reserve(t.size() + 2);
    r += '(';
    r += t;
    r += ')';
    return r;
  }
  // Appends a flat operand (parenthesized when its precedence asks for it).
  bool flat_part(RId id, int min, Flat& into, bool allow_extra = false) {
    const FlatMemo& f = flat(id);
    if (!f.ok || (f.extra && !allow_extra)) return false;
    bool paren = prec_of(id) < min;
    if (paren) into.text += '(';
    into.text += f.text;
    if (paren) into.text += ')';
    into.need = std::max(into.need, f.need);
    return true;
  }
  // `open items close` on one line, as list() would keep it.
  bool flat_items(std::span<const RId> items, int limit, int ident_len, Flat& into) {
    size_t n = items.size();
    int total = 0, last_extra = 0;
    for (size_t i = 0; i < n; ++i) {
      const FlatMemo& f = flat(items[i]);
      if (!f.ok) return false;
      if (i) into.text += ", ";
      into.text += f.text;
      int w = f.width;
      total += w + (i ? 2 : 0);
      into.need = std::max({into.need, f.need + kTab, w + f.extra + kTab + 1});
      if (i + 1 == n) last_extra = f.extra;
    }
    if (n == 1) {
      if (nested_call(items[0]) && total + last_extra > limit) return false;
    } else if (n > 1 && total + last_extra > limit) {
      return false;
    }
    (void)ident_len;
    into.extra = last_extra;
    return true;
  }
  Flat flat_compute(RId id) {
    const RNode& n = t_.node(id);
    Flat f;
    switch (n.kind) {
      case RKind::Lit: case RKind::Path: case RKind::StrLit: case RKind::CharLit:
        f.text = flat_leaf(id);
        f.ok = true;
        return f;
      case RKind::Call: {
        if (!flat_part(n.a, kPrecPostfix, f)) return f;
        int iw = text_width(f.text);
        f.text += "(";
        if (!flat_items(t_.list(n.list), kFnCallWidth, iw, f)) return f;
        f.text += ")";
        f.ok = true;
        return f;
      }
      case RKind::Macro: {
        bool br = n.flags & kBrackets;
        f.text = std::string(t_.str(n.text)) + (br ? "![" : "!(");
        if (!flat_items(t_.list(n.list), br ? kArrayWidth : kFnCallWidth, text_width(f.text) - 1, f)) return f;
        f.text += br ? "]" : ")";
        f.ok = true;
        return f;
      }
      case RKind::Tuple: case RKind::ArrayLit: {
        bool tup = n.kind == RKind::Tuple;
        auto el = t_.list(n.list);
        f.text = tup ? "(" : "[";
        if (tup && el.size() == 1) {
          if (!flat_part(el[0], kPrecLowest, f, true)) return f;
          f.extra = flat(el[0]).extra;
          f.text += ",)";
          f.ok = true;
          return f;
        }
        if (!flat_items(el, tup ? kFnCallWidth : kArrayWidth, 0, f)) return f;
        f.text += tup ? ")" : "]";
        f.ok = true;
        return f;
      }
      case RKind::Binary: {
        int p = binop_prec(n.op);
        int lmin = p == kPrecCmp ? p + 1 : p;
        // `a + b as f64 < c`: a cast ending the left operand's text reads as generics.
        bool lcast = false;
        for (RId x = n.a; (n.op == Op::Lt || n.op == Op::Shl) && x != kNil;) {
          const RNode& xn = t_.node(x);
          if (xn.kind == RKind::Cast) lcast = true;
          x = xn.kind == RKind::Binary ? xn.b : xn.kind == RKind::Unary ? xn.a : kNil;
        }
        if (!flat_part(n.a, lcast ? kPrecAtom : lmin, f)) return f;
        f.text += std::string(" ") + op_text(n.op) + " ";
        if (!flat_part(n.b, p + 1, f)) return f;
        // Continuation operands are tried in a narrower shape.
        f.need = std::max(f.need, text_width(f.text) + kTab + 4);
        f.ok = true;
        return f;
      }
      case RKind::Unary: {
        f.text = op_text(n.op);
        const RNode& c = t_.node(n.a);
        if (c.kind == RKind::Unary && (n.op == Op::Neg || n.op == Op::Ref) && c.op == n.op) f.text += " ";
        if (!flat_part(n.a, kPrecUnary, f, true)) return f;
        f.extra = flat(n.a).extra;
        f.ok = true;
        return f;
      }
      case RKind::Cast:
        if (!flat_part(n.a, kPrecCast, f)) return f;
        f.text += " as " + cap([&] { type(n.b); });
        f.ok = true;
        return f;
      case RKind::Index:
        if (!flat_part(n.a, kPrecPostfix, f)) return f;
        f.text += "[";
        if (!flat_part(n.b, kPrecLowest, f, true)) return f;
        f.extra = flat(n.b).extra;
        f.text += "]";
        f.ok = true;
        return f;
      case RKind::Return:
        f.text = "return";
        if (n.a != kNil) {
          f.text += " ";
          if (!flat_part(n.a, kPrecLowest, f, true)) return f;
          f.extra = flat(n.a).extra;
        }
        f.ok = true;
        return f;
      case RKind::MethodCall: case RKind::Field: case RKind::Try: {
        std::vector<RId> nodes;
        RId cur = id;
        while (t_.node(cur).kind == RKind::MethodCall || t_.node(cur).kind == RKind::Field ||
               t_.node(cur).kind == RKind::Try) {
          nodes.push_back(cur);
          cur = t_.node(cur).a;
        }
        std::reverse(nodes.begin(), nodes.end());
        if (!flat_part(cur, kPrecPostfix, f)) return f;
        int children = 0, last_tries = 0, last_list_extra = 0;
        for (RId x : nodes) {
          const RNode& xn = t_.node(x);
          if (xn.kind == RKind::Try) {
            f.text += "?";
            ++last_tries;
            continue;
          }
          ++children;
          last_tries = 0;
          last_list_extra = 0;
          f.text += "." + std::string(t_.str(xn.text));
          if (xn.kind == RKind::MethodCall) {
            f.text += cap([&] { turbofish(xn.c); });
            Flat args;
            if (!flat_items(t_.list(xn.list), kFnCallWidth, 0, args)) return f;
            f.text += "(" + args.text + ")";
            // Elements after the root are also tried one per line, a level deeper.
            f.need = std::max(f.need, args.need + kTab);
            last_list_extra = args.extra;
          }
        }
        int w = text_width(f.text);
        if (children == 0) {
          f.extra = 0;
        } else {
          if (children > 1 && w + last_tries > kChainWidth) return f;
          f.extra = last_tries + last_list_extra;
        }
        f.need = std::max(f.need, w + kTab + 1);
        f.ok = true;
        return f;
      }
      default:
        return f;
    }
  }

  Str rw_inner(RId id, Shape sh) {
    const RNode& n = t_.node(id);
    if (!loose_) {
      const FlatMemo& f = flat(id);
      if (f.ok && f.width + f.extra <= sh.width && sh.indent + std::max(0, sh.overhead()) + f.need <= kMaxWidth)
        return std::string(f.text);
    }
    switch (n.kind) {
      case RKind::Lit: case RKind::Path: case RKind::StrLit: case RKind::CharLit:
        return fit(flat_leaf(id), sh);
      case RKind::Call: {
        Str callee = rw(n.a, kPrecPostfix, sh);
        if (!callee) return std::nullopt;
        Str args = list("(", ")", t_.list(n.list), after(*callee, sh), kFnCallWidth, LStyle::Call, last_w(*callee));
        if (!args) return std::nullopt;
        return *callee + *args;
      }
      case RKind::MethodCall: case RKind::Field: case RKind::Try: return chain(id, sh);
      case RKind::Macro: {
        std::string name = std::string(t_.str(n.text)) + "!";
        Shape after = sh.right(text_width(name));
        Str args = (n.flags & kBrackets)
                       ? list("[", "]", t_.list(n.list), after, kArrayWidth, LStyle::Array, text_width(name))
                       : list("(", ")", t_.list(n.list), after, kFnCallWidth, LStyle::MacroParen, text_width(name),
                              special_macro_args(t_.str(n.text)));
        if (!args) return std::nullopt;
        return name + *args;
      }
      case RKind::Binary: return binary(id, sh);
      case RKind::Unary: {
        std::string op = op_text(n.op);
        const RNode& c = t_.node(n.a);
        // `- -x` and `&&x` must not fuse into other tokens.
        if (c.kind == RKind::Unary && (n.op == Op::Neg || n.op == Op::Ref) && c.op == n.op) op += " ";
        Str e = rw(n.a, kPrecUnary, sh.right(text_width(op)));
        if (!e) return std::nullopt;
        return op + *e;
      }
      case RKind::Cast: {
        std::string ty = "as " + cap([&] { type(n.b); });
        Str e = rw(n.a, kPrecCast, sh);
        if (!e) return std::nullopt;
        if (last_w(*e) + 1 + text_width(ty) <= sh.width) return fit(*e + " " + ty, sh);
        return fit(*e + "\n" + sp(sh.indent + kTab) + ty, sh);
      }
      case RKind::Index: {
        Str e = rw(n.a, kPrecPostfix, sh);
        if (!e) return std::nullopt;
        Str i = rw(n.b, kPrecLowest, after(*e, sh).right(1).shrink(1));
        if (i && !multi(*i)) return fit(*e + "[" + *i + "]", sh);
        int in = sh.indent + kTab;
        Str ni = rw(n.b, kPrecLowest, Shape{in, 1, kMaxWidth - in - 2 - sh.overhead()});
        if (ni && (!multi(*ni) || !i)) return fit(*e + "\n" + sp(in) + "[" + *ni + "]", sh);
        if (i) return fit(*e + "[" + *i + "]", sh);
        return std::nullopt;
      }
      case RKind::Block: return block_text(id, sh.indent);
      case RKind::If: return if_text(id, sh, true);
      case RKind::While: {
        std::string head = label_text(n) + "while ";
        Str c = rw(n.a, kPrecLowest, sh.right(text_width(head)));
        if (!c) return std::nullopt;
        return head + *c + brace_sep(*c, sh) + block_text(n.b, sh.indent);
      }
      case RKind::Loop: return label_text(n) + "loop " + block_text(n.b, sh.indent);
      case RKind::For: {
        std::string head = label_text(n) + "for " + cap([&] { pat(n.a); }) + " in";
        Str h = rhs_try(head, n.b, sh, 1);
        if (!h) return std::nullopt;
        return *h + brace_sep(*h, sh) + block_text(n.c, sh.indent);
      }
      case RKind::Break: case RKind::Continue: case RKind::Return: {
        std::string s = n.kind == RKind::Break ? "break" : n.kind == RKind::Continue ? "continue" : "return";
        if (n.kind != RKind::Return && n.text != kNil) s += " '" + std::string(t_.str(n.text));
        if (n.a == kNil) return fit(s, sh);
        Str e = rw(n.a, kPrecLowest, sh.right(text_width(s) + 1));
        if (!e) return std::nullopt;
        return s + " " + *e;
      }
      case RKind::Assign: {
        Str l = rw(n.a, kPrecAssign + 1, sh);
        if (!l) return std::nullopt;
        return rhs_try(*l + " " + op_text(n.op), n.b, sh, 0);
      }
      case RKind::Closure: return closure(id, sh);
      case RKind::Tuple: {
        auto el = t_.list(n.list);
        if (el.size() == 1) {
          Str e = rw(el[0], kPrecLowest, sh.right(1).shrink(2));
          if (!e) return std::nullopt;
          return "(" + *e + ",)";
        }
        return list("(", ")", el, sh, kFnCallWidth, LStyle::Call, 0);
      }
      case RKind::ArrayLit: return list("[", "]", t_.list(n.list), sh, kArrayWidth, LStyle::Array, 0);
      case RKind::Range: {
        std::string s;
        if (n.a != kNil) {
          Str a = rw(n.a, kPrecRange + 1, sh);
          if (!a) return std::nullopt;
          s += *a;
        }
        s += (n.flags & kInclusive) ? "..=" : "..";
        if (n.b != kNil) {
          Str b = rw(n.b, kPrecRange + 1, sh.right(last_w(s)));
          if (!b) return std::nullopt;
          s += *b;
        }
        return fit(s, sh);
      }
      case RKind::StructLit: return struct_lit(id, sh);
      case RKind::Match: return match_text(id, sh);
      default: return std::string("/* ") + std::string(rkind_name(n.kind)) + " */";
    }
  }

  // What goes between a control-flow head and its `{`: a head that ends in
  // closing brackets on a line no deeper than it started keeps the brace.
  std::string brace_sep(const std::string& head, Shape sh) const {
    if (!multi(head) && text_width(head) + 2 <= sh.width) return " ";
    std::string_view last = std::string_view(head).substr(head.rfind('\n') + 1);
    bool extendable = true;
    for (char c : last)
      if (c != ' ' && c != ')' && c != ']' && c != '}' && c != '?' && c != '>' && c != '(') extendable = false;
    int lead = 0;
    while (lead < static_cast<int>(last.size()) && last[lead] == ' ') ++lead;
    bool offsetted = lead > sh.indent + sh.offset;
    return extendable && !offsetted ? " " : "\n" + sp(sh.indent);
  }

  std::string label_text(const RNode& n) {
    if (n.text == kNil) return "";
    return "'" + std::string(t_.str(n.text)) + ": ";
  }

  // `a && b && c`: the operands of one operator stay on one line or go one per
  // line, each continuation starting with the operator; an operand that would
  // be left alone after a closing bracket joins the line before.
  Str binary(RId id, Shape sh) {
    const RNode& top = t_.node(id);
    int p = binop_prec(top.op);
    // Comparisons do not chain in Rust; a cast directly before `<` or `<<` reads as generics.
    int lmin = p == kPrecCmp ? p + 1 : p;
    std::vector<RId> operands;
    RId cur = id;
    while (t_.node(cur).kind == RKind::Binary && t_.node(cur).op == top.op && (cur == id || lmin <= p)) {
      operands.push_back(t_.node(cur).b);
      cur = t_.node(cur).a;
    }
    operands.push_back(cur);
    std::reverse(operands.begin(), operands.end());
    std::string op = op_text(top.op);
    int opw = text_width(op);
    auto first = [&](Shape s) -> Str {
      bool lcast = false;
      for (RId x = operands[0]; (top.op == Op::Lt || top.op == Op::Shl) && x != kNil;) {
        const RNode& xn = t_.node(x);
        if (xn.kind == RKind::Cast) lcast = true;
        x = xn.kind == RKind::Binary ? xn.b : xn.kind == RKind::Unary ? xn.a : kNil;
      }
      if (!lcast) return rw(operands[0], lmin, s);
      Str e = rw(operands[0], kPrecLowest, s.right(1).shrink(1));
      if (!e) return std::nullopt;
      return "(" + *e + ")";
    };
    int in = sh.indent + kTab;
    Shape nested{in, opw + 1, kMaxWidth - in - sh.overhead() - opw - 1};
    std::vector<Str> dflt(operands.size());
    dflt[0] = first(sh);
    for (size_t i = 1; i < operands.size(); ++i) dflt[i] = rw(operands[i], p + 1, nested);
    // One line; only the last operand may continue onto more lines.
    {
      std::string r;
      bool ok = true;
      for (size_t i = 0; i + 1 < operands.size() && ok; ++i) {
        if (!dflt[i] || multi(*dflt[i]) || text_width(r) > sh.width) ok = false;
        else r += *dflt[i] + " " + op + " ";
      }
      if (ok) {
        int prefix = text_width(r);
        Str last = rw(operands.back(), p + 1, sh.right(prefix));
        if (last) {
          r += *last;
          bool ugly = multi(r) && (*last)[0] != '{' && ((*last)[0] == '(' || prefix > kTab);
          if (first_w(r) <= sh.width && !ugly && fits(r, sh)) return r;
        }
      }
    }
    if (!dflt[0]) return std::nullopt;
    std::string r = *dflt[0];
    for (size_t i = 1; i < operands.size(); ++i) {
      int offset = multi(r) ? 0 : sh.indent + sh.offset;
      if (last_w(r) + offset <= in) {
        std::string_view ll = std::string_view(r).substr(r.rfind('\n') == std::string::npos ? 0 : r.rfind('\n') + 1);
        int lead = 0;
        while (lead < static_cast<int>(ll.size()) && ll[lead] == ' ') ++lead;
        Str e = rw(operands[i], p + 1, sh.right(opw + 2 + text_width(ll) - lead));
        if (e) {
          r += " " + op + " " + *e;
          continue;
        }
      }
      if (!dflt[i]) return std::nullopt;
      r += "\n" + sp(in) + op + " " + *dflt[i];
    }
    return fit(r, sh);
  }

  // `if c { a } else { b }` stays on one line in expression position when
  // short (single_line_if_else_max_width 50).
  Str if_text(RId id, Shape sh, bool allow_single, bool in_else = false) {
    const RNode& n = t_.node(id);
    auto simple_block = [&](RId b) {
      const RNode& bn = t_.node(b);
      return bn.kind == RKind::Block && t_.list(bn.list).empty() && bn.a != kNil && !block_like(bn.a) &&
             bn.doc == kNil && t_.node(bn.a).doc == kNil;
    };
    if (allow_single && n.c != kNil && t_.node(n.c).kind != RKind::If && simple_block(n.b) && simple_block(n.c)) {
      Str c = rw(n.a, kPrecLowest, sh.right(3));
      Str a = rw(t_.node(n.b).a, kPrecLowest, sh);
      Str b = rw(t_.node(n.c).a, kPrecLowest, sh);
      if (c && a && b && !multi(*c) && !multi(*a) && !multi(*b)) {
        std::string s = "if " + *c + " { " + *a + " } else { " + *b + " }";
        if (text_width(s) <= std::min(kSingleLineIfElse, sh.width)) return s;
      }
    }
    Str c = rw(n.a, kPrecLowest, sh.right(3));
    if (!c) return std::nullopt;
    bool chained = in_else || n.c != kNil;
    auto body = [&](RId b) {
      const std::string& t = block_text(b, sh.indent);
      return chained && t == "{}" ? "{\n" + sp(sh.indent) + "}" : t;
    };
    std::string s = "if " + *c + brace_sep("if " + *c, sh) + body(n.b);
    if (n.c != kNil) {
      s += " else ";
      if (t_.node(n.c).kind == RKind::If) {
        Str e = if_text(n.c, Shape{sh.indent, last_w(s) - sh.indent, kMaxWidth - last_w(s)}, false, true);
        if (!e) return std::nullopt;
        s += *e;
      } else {
        s += body(n.c);
      }
    }
    return s;
  }

  Str closure(RId id, Shape sh) {
    const RNode& n = t_.node(id);
    std::string head = (n.flags & kMove) ? "move |" : "|";
    bool first = true;
    for (RId p : t_.list(n.list)) {
      if (!first) head += ", ";
      first = false;
      head += cap([&] {
        if (t_.node(p).kind == RKind::Param) param(p);
        else pat(p);
      });
    }
    head += "|";
    Shape bs = sh.right(text_width(head) + 1);
    auto multi_ok = [&](RId e) {
      RKind k = t_.node(e).kind;
      return k == RKind::Match || k == RKind::Block || k == RKind::Loop || k == RKind::StructLit;
    };
    auto forced = [&](RId e) {
      RId x = e;
      while (true) {
        const RNode& xn = t_.node(x);
        if (xn.kind == RKind::If || xn.kind == RKind::While || xn.kind == RKind::For) return true;
        if (xn.kind == RKind::Unary || xn.kind == RKind::Try || xn.kind == RKind::Cast) x = xn.a;
        else return false;
      }
    };
    RId body = n.a;
    const RNode& b = t_.node(body);
    if (b.kind == RKind::Block) {
      RId e = sole_expr(body);
      if (e != kNil && !forced(e)) {
        Str r = rw(e, kPrecLowest, bs);
        if (r && (!multi(*r) || multi_ok(e))) return head + " " + *r;
      }
      if (!loose_ && text_width(head) + 3 > sh.width) return std::nullopt;  // room for ` {}`
      return fit(head + " " + block_text(body, sh.indent), sh);
    }
    Str r = rw(body, kPrecLowest, bs);
    if (r && (!multi(*r) || multi_ok(body))) return head + " " + *r;
    if (!loose_ && text_width(head) + 3 > sh.width) return std::nullopt;
    Str inner = rw(body, kPrecLowest, block_shape(sh.indent + kTab));
    if (!inner) return std::nullopt;
    return fit(head + " {\n" + sp(sh.indent + kTab) + *inner + "\n" + sp(sh.indent) + "}", sh);
  }

  Str struct_lit(RId id, Shape sh) {
    const RNode& n = t_.node(id);
    std::string name = std::string(t_.str(n.text));
    auto fields = t_.list(n.list);
    if (fields.empty()) return fit(name + " {}", sh);
    std::string flat;
    bool ok = true;
    for (RId f : fields) {
      const RNode& fi = t_.node(f);
      std::string fname = std::string(t_.str(fi.text)) + ": ";
      Str v = rw(fi.a, kPrecLowest, sh);
      if (!v || multi(*v)) {
        ok = false;
        break;
      }
      flat += (flat.empty() ? "" : ", ") + fname + *v;
    }
    if (ok && text_width(flat) <= kStructLitWidth) {
      std::string s = name + " { " + flat + " }";
      if (fits(s, sh)) return s;
    }
    int in = sh.indent + kTab;
    std::string s = name + " {\n";
    for (RId f : fields) {
      const RNode& fi = t_.node(f);
      std::string fname = std::string(t_.str(fi.text)) + ":";
      Str v = rhs_try(fname, fi.a, block_shape(in), 1);
      if (!v) return std::nullopt;
      s += sp(in) + *v + ",\n";
    }
    s += sp(sh.indent) + "}";
    return fit(s, sh);
  }

  Str match_text(RId id, Shape sh) {
    const RNode& n = t_.node(id);
    Str scrut = rw(n.a, kPrecLowest, sh.right(6));
    if (!scrut) return std::nullopt;
    std::string s = "match " + *scrut + brace_sep("match " + *scrut, sh) + "{\n";
    int in = sh.indent + kTab;
    for (RId a : t_.list(n.list)) {
      const RNode& arm = t_.node(a);
      std::string head = cap([&] { pat(arm.a); });
      // A guard that does not fit after the pattern goes on its own line.
      if (arm.b != kNil) {
        int pw = text_width(head) + 4;
        // rustfmt keeps room for ` => {` after a guard.
        Str g = rw(arm.b, kPrecLowest, Shape{in, pw, kMaxWidth - in - pw - 5});
        if (g && !multi(*g)) {
          head += " if " + *g;
        } else {
          int gi = in + kTab;
          g = rw(arm.b, kPrecLowest, Shape{gi, 3, kMaxWidth - gi - 3 - 5});
          if (!g) return std::nullopt;
          head += "\n" + sp(gi) + "if " + *g;
        }
      }
      head += " =>";
      std::string brace = multi(head) ? "\n" + sp(in) : " ";
      // `{ e }` bodies lose their braces.
      RId body = arm.c;
      for (RId e = sole_expr(body); e != kNil; e = sole_expr(body)) body = e;
      s += sp(in) + head;
      const RNode& bn = t_.node(body);
      if (bn.kind == RKind::Block) {
        s += brace + block_text(body, in) + "\n";
        continue;
      }
      Shape os = after(sp(in) + head, Shape{0, 0, kMaxWidth}).right(1).shrink(1);
      os.indent = in;
      os.offset -= in;
      Str orig = rw(body, kPrecLowest, os);
      auto next_form = [&](const std::string& nx) {
        return brace + "{\n" + sp(in + kTab) + nx + "\n" + sp(in) + "}\n";
      };
      if (orig && !multi(*orig)) {
        s += " " + *orig + ",\n";
        continue;
      }
      Str next = rw(body, kPrecLowest, block_shape(in + kTab));
      bool extend = can_extend(body);
      if (orig && next && prefer_next_line(*orig, *next)) s += next_form(*next);
      else if (orig && extend) s += " " + *orig + ",\n";
      else if (orig && next) s += next_form(*next);
      else if (next) s += next_form(*next);
      else if (orig) s += " " + *orig + ",\n";
      else return std::nullopt;
    }
    s += sp(sh.indent) + "}";
    return s;
  }

  bool can_extend(RId id) const {
    const RNode& n = t_.node(id);
    switch (n.kind) {
      case RKind::Loop: case RKind::Match: case RKind::Block: case RKind::Closure: case RKind::ArrayLit:
      case RKind::Call: case RKind::MethodCall: case RKind::Macro: case RKind::StructLit: case RKind::Tuple:
        return true;
      case RKind::Unary: case RKind::Try: case RKind::Cast: case RKind::Index: return !parens(id) && can_extend(n.a);
      default: return false;
    }
  }

  // Method chains `a.b(x).c?`: one line when the chain is short (chain_width
  // 60 with more than one element), else one element per line; the last
  // element may overflow when that is shorter.
  Str chain_child(const ChainItem& c, Shape sh, bool with_tries) {
    const RNode& n = t_.node(c.node);
    std::string s = "." + std::string(t_.str(n.text));
    if (n.kind == RKind::MethodCall) {
      s += cap([&] { turbofish(n.c); });
      Str args = list("(", ")", t_.list(n.list), sh.shrink(c.tries).right(text_width(s)), kFnCallWidth,
                      LStyle::Call, text_width(s));
      if (!args) return std::nullopt;
      s += *args;
    }
    if (!fits(s, sh.shrink(c.tries))) return std::nullopt;
    (void)with_tries;
    s += std::string(static_cast<size_t>(c.tries), '?');
    return s;
  }

  // Whether a multi-line chain root ends in a block-like part: its elements
  // then stay at the root's indent.
  bool block_expr(RId id) const {
    const RNode& n = t_.node(id);
    switch (n.kind) {
      case RKind::Macro: case RKind::Call: case RKind::MethodCall: case RKind::ArrayLit: case RKind::StructLit:
      case RKind::While: case RKind::If: case RKind::Block: case RKind::Loop: case RKind::For: case RKind::Match:
        return true;
      case RKind::Binary: return block_expr(n.b);
      case RKind::Index: return block_expr(n.b);  // rustfmt looks at the index, not the base
      case RKind::Unary: case RKind::Try: return block_expr(n.a);
      case RKind::Closure: return block_expr(n.a);
      default: return false;
    }
  }
  static bool last_line_extendable(const std::string& s) {
    std::string_view last = std::string_view(s).substr(s.rfind('\n') == std::string::npos ? 0 : s.rfind('\n') + 1);
    for (char c : last)
      if (c != ' ' && c != ')' && c != ']' && c != '}' && c != '?' && c != '>' && c != '(') return false;
    return true;
  }

  Str chain(RId id, Shape sh) {
    std::vector<RId> nodes;
    RId cur = id;
    while (true) {
      RKind k = t_.node(cur).kind;
      if (k != RKind::MethodCall && k != RKind::Field && k != RKind::Try) break;
      nodes.push_back(cur);
      cur = t_.node(cur).a;
    }
    std::reverse(nodes.begin(), nodes.end());
    int root_tries = 0;
    std::vector<ChainItem> children;
    for (RId x : nodes) {
      if (t_.node(x).kind == RKind::Try) {
        if (children.empty()) ++root_tries;
        else ++children.back().tries;
      } else {
        children.push_back({x, 0});
      }
    }
    std::string q(static_cast<size_t>(root_tries), '?');
    Str root = rw(cur, kPrecPostfix, sh.shrink(root_tries));
    if (!root) return std::nullopt;
    std::string r = *root + q;
    if (children.empty()) return fit(r, sh);
    size_t child_count = children.size();
    bool root_block = multi(r) && block_expr(cur);
    // A root no wider than the indent takes the first elements on its line.
    size_t ci = 0;
    int tab_width = std::max(0, kTab - sh.offset);
    while (!multi(r) && text_width(r) <= tab_width && ci < children.size()) {
      Str c = chain_child(children[ci], sh.right(text_width(r)), true);
      if (!c) break;
      r += *c;
      ++ci;
      root_block = last_line_extendable(r);
    }
    if (ci == children.size()) return fit(r, sh);
    std::vector<std::string> rewrites{r};
    Shape child_shape = block_shape(root_block ? sh.indent : sh.indent + kTab);
    for (size_t i = ci; i + 1 < children.size(); ++i) {
      Str c = chain_child(children[i], child_shape, true);
      if (!c) return std::nullopt;
      rewrites.push_back(*c);
    }
    const ChainItem& last = children.back();
    bool extendable = last_line_extendable(rewrites[0]) && multi(rewrites[0]);
    bool all_in_one_line = true;
    int almost_total = last.tries;
    if (extendable) {
      almost_total += last_w(rewrites[0]);
    } else {
      for (auto& w : rewrites) almost_total += text_width(w);
    }
    for (auto& w : rewrites)
      if (multi(w)) all_in_one_line = false;
    int budget = (child_count == 1 ? sh.width : std::min(sh.width, kChainWidth)) - almost_total;
    all_in_one_line = all_in_one_line && budget > 0;
    // (chain_child counts an element's own `?`s)
    Shape vert_shape = child_shape.shrink(sh.overhead());
    Shape last_shape = all_in_one_line ? sh : extendable ? child_shape : vert_shape;
    std::optional<std::string> last_str;
    bool fits_single_line = false;
    if (all_in_one_line || extendable) {
      Str rwl = chain_child(last, last_shape.right(almost_total), false);
      if (rwl) {
        int lc = line_count(*rwl);
        bool could_fit = first_w(*rwl) <= budget;
        if (could_fit && lc >= 5) {
          last_str = rwl;
          fits_single_line = all_in_one_line;
        } else {
          Str nr = chain_child(last, vert_shape, false);
          if (nr && !could_fit) {
            last_str = nr;
          } else if (nr && line_count(*nr) >= lc) {
            last_str = rwl;
            fits_single_line = could_fit && all_in_one_line;
          } else if (nr) {
            last_str = nr;
          } else {
            last_str = rwl;
            fits_single_line = could_fit && all_in_one_line;
          }
        }
      }
    }
    if (!last_str) {
      last_str = chain_child(last, last_shape, false);
      if (!last_str) return std::nullopt;
    }
    rewrites.push_back(*last_str);
    if (!fits_single_line && force_one_line_chain_ && !loose_) return std::nullopt;
    std::string s;
    for (size_t i = 0; i < rewrites.size(); ++i) {
      if (i && !fits_single_line) s += "\n" + sp(child_shape.indent);
      s += rewrites[i];
    }
    return fit(s, sh);
  }

  void turbofish(RId generics) {
    if (generics == kNil) return;
    out += "::<";
    comma_list(t_.list(t_.node(generics).list), [&](RId g) { type(g); });
    out += ">";
  }

  void param(RId id) {
    const RNode& n = t_.node(id);
    if (n.a == kNil) {  // self forms
      out += t_.str(n.text);
      return;
    }
    if (n.flags & kMut) out += "mut ";
    out += t_.str(n.text);
    out += ": ";
    type(n.a);
  }

  void pat(RId id) {
    const RNode& n = t_.node(id);
    switch (n.kind) {
      case RKind::PatIdent:
        if (n.flags & kMut) out += "mut ";
        out += t_.str(n.text);
        break;
      case RKind::PatWild: out += "_"; break;
      case RKind::PatLit: expr(n.a, kPrecLowest); break;
      case RKind::PatTuple: {
        out += "(";
        comma_list(t_.list(n.list), [&](RId p) { pat(p); });
        if (t_.list(n.list).size() == 1) out += ",";
        out += ")";
        break;
      }
      case RKind::Call: {  // tuple-struct pattern: Err(e), Ok(())
        expr(n.a, kPrecPostfix);
        out += "(";
        comma_list(t_.list(n.list), [&](RId p) { pat(p); });
        out += ")";
        break;
      }
      case RKind::Tuple: {
        out += "(";
        comma_list(t_.list(n.list), [&](RId p) { pat(p); });
        out += ")";
        break;
      }
      default: out += "_"; break;
    }
  }

  void type(RId id) {
    const RNode& n = t_.node(id);
    switch (n.kind) {
      case RKind::TyPath: {
        out += t_.str(n.text);
        auto g = t_.list(n.list);
        if (!g.empty()) {
          out += "<";
          comma_list(g, [&](RId x) { type(x); });
          out += ">";
        }
        break;
      }
      case RKind::TyRef:
        out += (n.flags & kMut) ? "&mut " : "&";
        type(n.a);
        break;
      case RKind::TySlice:
        out += "[";
        type(n.a);
        out += "]";
        break;
      case RKind::TyTuple: {
        out += "(";
        comma_list(t_.list(n.list), [&](RId x) { type(x); });
        if (t_.list(n.list).size() == 1) out += ",";
        out += ")";
        break;
      }
      case RKind::TyFn: {
        out += "impl Fn(";
        comma_list(t_.list(n.list), [&](RId x) { type(x); });
        out += ")";
        if (n.a != kNil) {
          out += " -> ";
          type(n.a);
        }
        break;
      }
      default: out += "()"; break;
    }
  }

  void str_lit(std::string_view s) {
    out += '"';
    for (unsigned char c : s) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '{': case '}': out += static_cast<char>(c); break;
        default:
          if (c < 0x20 || c == 0x7f) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\u{%x}", c);
            out += buf;
          } else {
            out += static_cast<char>(c);
          }
      }
    }
    out += '"';
  }

  void char_lit(uint32_t cp) {
    out += '\'';
    if (cp == '\'') out += "\\'";
    else if (cp == '\\') out += "\\\\";
    else if (cp == '\n') out += "\\n";
    else if (cp < 0x20 || cp == 0x7f || (cp >= 0xD800 && cp <= 0xDFFF)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u{%x}", cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
      out += buf;
    } else {
      // UTF-8 encode
      if (cp < 0x80) out += static_cast<char>(cp);
      else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
      else if (cp < 0x10000) { out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
      else { out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    }
    out += '\'';
  }

  void leading(const RNode& n) {
    if (n.doc == kNil) return;
    comment_lines(n.kind == RKind::Fn || n.kind == RKind::Struct || n.kind == RKind::FieldDef ? "/// " : "// ", t_.str(n.doc));
  }

  void comment_lines(std::string_view prefix, std::string_view text) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      std::string_view ln = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
      while (!ln.empty() && (ln.back() == ' ' || ln.back() == '\r')) ln.remove_suffix(1);
      indent();
      if (ln.empty()) {
        std::string_view p = prefix;
        p.remove_suffix(1);
        out += p;
      } else {
        out += prefix;
        out += ln;
      }
      out += "\n";
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
  }

  void line(const std::string& s) {
    indent();
    out += s;
    out += "\n";
  }
  void indent() { out.append(static_cast<size_t>(depth_) * 4, ' '); }

  // An expression inside a pattern or a test print: laid out without a width limit.
  void expr(RId id, int min) {
    bool saved = loose_;
    loose_ = true;
    Str s = rw(id, min, Shape{ind(), 0, 1 << 20});
    loose_ = saved;
    out += s ? *s : std::string("()");
  }

 private:
  const Tree& t_;
  int depth_ = 0;
  bool loose_ = false;  // fallback: nothing fits, print without width checks
  bool force_one_line_chain_ = false;  // an overflowing method-call argument may not break
  std::unordered_map<uint64_t, std::string> block_memo_;  // node-based: references stay valid
  std::deque<std::string> block_other_;
  std::vector<uint32_t> flat_index_;  // node id -> flat_store_ index, kNil when not computed yet
  std::deque<FlatMemo> flat_store_;
  std::vector<std::unique_ptr<char[]>> arena_;  // flat texts
  char* arena_pos_ = nullptr;
  size_t arena_left_ = 0;
  struct PairHash {
    size_t operator()(const std::pair<uint64_t, uint64_t>& k) const {
      uint64_t x = k.first * 0x9E3779B97F4A7C15ull ^ (k.second + 0x632BE59BD9B4E019ull + (k.first << 6));
      x ^= x >> 31;  // splitmix finalizer: the packed keys differ only in a few bits
      x *= 0xBF58476D1CE4E5B9ull;
      x ^= x >> 27;
      x *= 0x94D049BB133111EBull;
      return static_cast<size_t>(x ^ (x >> 31));
    }
  };
  std::unordered_map<std::pair<uint64_t, uint64_t>, Str, PairHash> rw_memo_;
};

}  // namespace

std::string print_file(const Tree& t, RId file) {
  Printer p(t);
  p.file(file);
  return std::move(p.out);
}

std::string print_node(const Tree& t, RId node) {
  Printer p(t);
  RKind k = t.node(node).kind;
  if (k == RKind::File) p.file(node);
  else if (k == RKind::Fn || k == RKind::Struct || k == RKind::Impl || k == RKind::Let || k == RKind::ExprStmt) p.item(node);
  else p.expr(node, 0);
  return std::move(p.out);
}

}  // namespace portalis::rust
