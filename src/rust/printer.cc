// The one printer of Rust trees. Parentheses come from operator precedence,
// never from the lowering, so the builder's callers cannot get them wrong.
#include <cstdio>

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

class Printer {
 public:
  explicit Printer(const Tree& t) : t_(t) {}
  std::string out;

  // Prints each element with f, ", " between them.
  template <class List, class F>
  void comma_list(const List& list, F&& f) {
    bool first = true;
    for (RId x : list) {
      if (!first) out += ", ";
      first = false;
      f(x);
    }
  }

  void item(RId id) {
    const RNode& n = t_.node(id);
    leading(n);
    switch (n.kind) {
      case RKind::Comment: comment_lines("// ", t_.str(n.text)); break;
      case RKind::InnerAttr: line("#![" + std::string(t_.str(n.text)) + "]"); break;
      case RKind::OuterAttr: line("#[" + std::string(t_.str(n.text)) + "]"); break;
      case RKind::Use: line("use " + std::string(t_.str(n.text)) + ";"); break;
      case RKind::ModDecl: line(std::string(n.flags & kPub ? "pub " : "") + "mod " + std::string(t_.str(n.text)) + ";"); break;
      case RKind::Const: {
        indent();
        out += n.flags & kPub ? "pub const " : "const ";
        out += t_.str(n.text);
        out += ": ";
        type(n.a);
        out += " = ";
        expr(n.b, kPrecLowest);
        out += ";\n";
        break;
      }
      case RKind::Fn: {
        indent();
        if (n.flags & kPub) out += "pub ";
        out += "fn ";
        out += t_.str(n.text);
        out += "(";
        comma_list(t_.list(n.list), [&](RId p) { param(p); });
        out += ")";
        if (n.a != kNil) {
          out += " -> ";
          type(n.a);
        }
        out += " ";
        block_body(n.b);
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

  void file(RId id) {
    const RNode& n = t_.node(id);
    RKind prev = RKind::Count;
    for (RId it : t_.list(n.list)) {
      RKind k = t_.node(it).kind;
      // Blank line between items, except inside runs of attributes/uses/mods.
      bool grouped = prev == k && (k == RKind::Use || k == RKind::ModDecl || k == RKind::InnerAttr || k == RKind::Const);
      if (prev != RKind::Count && !grouped && prev != RKind::OuterAttr) out += "\n";
      item(it);
      prev = k;
    }
  }

  void stmt(RId id) {
    const RNode& n = t_.node(id);
    if (n.kind != RKind::Fn && n.kind != RKind::Struct && n.kind != RKind::Impl) leading(n);
    switch (n.kind) {
      case RKind::Let: {
        indent();
        out += "let ";
        pat(n.a);
        if (n.b != kNil) {
          out += ": ";
          type(n.b);
        }
        if (n.c != kNil) {
          out += " = ";
          expr(n.c, kPrecLowest);
        }
        out += ";\n";
        break;
      }
      case RKind::ExprStmt: {
        indent();
        expr(n.a, kPrecLowest);
        // A bare block may end in a value: `{ ..; v };` discards it.
        if (!block_like(n.a) || t_.node(n.a).kind == RKind::Block) out += ";";
        out += "\n";
        break;
      }
      case RKind::Fn: case RKind::Struct: case RKind::Impl: case RKind::Comment: case RKind::Const:
      case RKind::Use: case RKind::OuterAttr: case RKind::InnerAttr:
        item(id);
        break;
      default:
        indent();
        expr(id, kPrecLowest);
        out += block_like(id) ? "\n" : ";\n";
        break;
    }
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

  // Prints expression id in a context that needs at least precedence `min`.
  void expr(RId id, int min) {
    bool paren = prec_of(id) < min;
    if (paren) out += "(";
    expr_inner(id);
    if (paren) out += ")";
  }

  void args(uint32_t list) {
    comma_list(t_.list(list), [&](RId a) { expr(a, kPrecLowest); });
  }

  void expr_inner(RId id) {
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
      case RKind::Call:
        expr(n.a, kPrecPostfix);
        out += "(";
        args(n.list);
        out += ")";
        break;
      case RKind::MethodCall:
        expr(n.a, kPrecPostfix);
        out += ".";
        out += t_.str(n.text);
        turbofish(n.c);
        out += "(";
        args(n.list);
        out += ")";
        break;
      case RKind::Macro:
        out += t_.str(n.text);
        out += (n.flags & kBrackets) ? "![" : "!(";
        args(n.list);
        out += (n.flags & kBrackets) ? "]" : ")";
        break;
      case RKind::Binary: {
        int p = binop_prec(n.op);
        // Comparisons do not chain in Rust; a cast directly before `<` or `<<` reads as generics.
        int lmin = p == kPrecCmp ? p + 1 : p;
        // (also `a + b as f64 < c`: the cast ends the left operand's text)
        bool lcast = false;
        for (RId x = n.a; (n.op == Op::Lt || n.op == Op::Shl) && x != kNil;) {
          const RNode& xn = t_.node(x);
          if (xn.kind == RKind::Cast) lcast = true;
          x = xn.kind == RKind::Binary ? xn.b : xn.kind == RKind::Unary ? xn.a : kNil;
        }
        if (lcast) out += "(";
        expr(n.a, lcast ? kPrecLowest : lmin);
        if (lcast) out += ")";
        out += " ";
        out += op_text(n.op);
        out += " ";
        expr(n.b, p + 1);
        break;
      }
      case RKind::Unary: {
        out += op_text(n.op);
        const RNode& c = t_.node(n.a);
        // `- -x` and `&&x` must not fuse into other tokens.
        if (c.kind == RKind::Unary && (n.op == Op::Neg || n.op == Op::Ref) && c.op == n.op) out += " ";
        expr(n.a, kPrecUnary);
        break;
      }
      case RKind::Cast:
        expr(n.a, kPrecCast);
        out += " as ";
        type(n.b);
        break;
      case RKind::Field:
        expr(n.a, kPrecPostfix);
        out += ".";
        out += t_.str(n.text);
        break;
      case RKind::Index:
        expr(n.a, kPrecPostfix);
        out += "[";
        expr(n.b, kPrecLowest);
        out += "]";
        break;
      case RKind::Try:
        expr(n.a, kPrecPostfix);
        out += "?";
        break;
      case RKind::Block: block_body(id); break;
      case RKind::If: {
        out += "if ";
        expr(n.a, kPrecLowest);
        out += " ";
        block_body(n.b);
        if (n.c != kNil) {
          out += " else ";
          if (t_.node(n.c).kind == RKind::If) expr_inner(n.c);
          else block_body(n.c);
        }
        break;
      }
      case RKind::While:
        label(n);
        out += "while ";
        expr(n.a, kPrecLowest);
        out += " ";
        block_body(n.b);
        break;
      case RKind::Loop:
        label(n);
        out += "loop ";
        block_body(n.b);
        break;
      case RKind::For:
        label(n);
        out += "for ";
        pat(n.a);
        out += " in ";
        expr(n.b, kPrecRange);
        out += " ";
        block_body(n.c);
        break;
      case RKind::Break: case RKind::Continue:
        out += n.kind == RKind::Break ? "break" : "continue";
        if (n.text != kNil) {
          out += " '";
          out += t_.str(n.text);
        }
        if (n.a != kNil) {
          out += " ";
          expr(n.a, kPrecLowest);
        }
        break;
      case RKind::Return:
        out += "return";
        if (n.a != kNil) {
          out += " ";
          expr(n.a, kPrecLowest);
        }
        break;
      case RKind::Assign:
        expr(n.a, kPrecAssign + 1);
        out += " ";
        out += op_text(n.op);
        out += " ";
        expr(n.b, kPrecLowest);
        break;
      case RKind::Closure: {
        if (n.flags & kMove) out += "move ";
        out += "|";
        bool first = true;
        for (RId p : t_.list(n.list)) {
          if (!first) out += ", ";
          first = false;
          if (t_.node(p).kind == RKind::Param) param(p);
          else pat(p);
        }
        out += "| ";
        expr(n.a, kPrecLowest);
        break;
      }
      case RKind::Tuple: {
        out += "(";
        args(n.list);
        if (t_.list(n.list).size() == 1) out += ",";
        out += ")";
        break;
      }
      case RKind::ArrayLit:
        out += "[";
        args(n.list);
        out += "]";
        break;
      case RKind::Range:
        if (n.a != kNil) expr(n.a, kPrecRange + 1);
        out += (n.flags & kInclusive) ? "..=" : "..";
        if (n.b != kNil) expr(n.b, kPrecRange + 1);
        break;
      case RKind::StructLit: {
        out += t_.str(n.text);
        out += " { ";
        bool first = true;
        for (RId f : t_.list(n.list)) {
          if (!first) out += ", ";
          first = false;
          const RNode& fi = t_.node(f);
          out += t_.str(fi.text);
          out += ": ";
          expr(fi.a, kPrecLowest);
        }
        out += " }";
        break;
      }
      case RKind::Match: {
        out += "match ";
        expr(n.a, kPrecLowest);
        out += " {\n";
        ++depth_;
        for (RId a : t_.list(n.list)) {
          const RNode& arm = t_.node(a);
          indent();
          pat(arm.a);
          if (arm.b != kNil) {
            out += " if ";
            expr(arm.b, kPrecLowest);
          }
          out += " => ";
          expr(arm.c, kPrecLowest);
          out += ",\n";
        }
        --depth_;
        indent();
        out += "}";
        break;
      }
      default:
        out += "/* ";
        out += rkind_name(n.kind);
        out += " */";
        break;
    }
  }

  void turbofish(RId generics) {
    if (generics == kNil) return;
    out += "::<";
    comma_list(t_.list(t_.node(generics).list), [&](RId g) { type(g); });
    out += ">";
  }

  void label(const RNode& n) {
    if (n.text == kNil) return;
    out += "'";
    out += t_.str(n.text);
    out += ": ";
  }

  void block_body(RId id) {
    const RNode& n = t_.node(id);
    if (n.kind != RKind::Block) {  // a lone expression where a block is required
      out += "{ ";
      expr(id, kPrecLowest);
      out += " }";
      return;
    }
    auto stmts = t_.list(n.list);
    if (stmts.empty() && n.a == kNil) {
      out += "{}";
      return;
    }
    out += "{\n";
    ++depth_;
    for (RId s : stmts) stmt(s);
    if (n.a != kNil) {
      indent();
      expr(n.a, kPrecLowest);
      out += "\n";
    }
    --depth_;
    indent();
    out += "}";
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

 private:
  const Tree& t_;
  int depth_ = 0;
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
