// Builder: the only way nodes enter a Tree. Naming helpers for Rust conventions.
#include "rust/tree.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace portalis::rust {

std::string_view rkind_name(RKind k) {
  static constexpr std::array<std::string_view, static_cast<size_t>(RKind::Count)> names = {
#define PORTALIS_RNODE(Name, Cat) #Name,
#include "rust/rust_kinds.def"
  };
  return names[static_cast<size_t>(k)];
}

namespace {
// Strict and reserved keywords of Rust 2021.
constexpr std::array<std::string_view, 51> kKeywords = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl",
    "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static",
    "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual",
    "yield", "try"};
bool is_ident_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }
}  // namespace

std::string escape_ident(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);  // one allocation (identifiers are lowered many times per module)
  for (char c : name) out += (is_ident_char(c) || static_cast<unsigned char>(c) >= 0x80) ? c : '_';
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "_" + out;
  if (out == "_") return "_";
  if (out == "self" || out == "Self" || out == "crate" || out == "super") return out + "_";
  if (out.size() <= 8)  // no keyword is longer
    for (std::string_view k : kKeywords)
      if (out == k) return "r#" + out;
  return out;
}

std::string snake_case(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 4);
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') {
      bool prev_lower = i > 0 && ((name[i - 1] >= 'a' && name[i - 1] <= 'z') || (name[i - 1] >= '0' && name[i - 1] <= '9'));
      bool next_lower = i + 1 < name.size() && name[i + 1] >= 'a' && name[i + 1] <= 'z';
      bool prev_upper = i > 0 && name[i - 1] >= 'A' && name[i - 1] <= 'Z';
      if (i > 0 && name[i - 1] != '_' && (prev_lower || (prev_upper && next_lower))) out += '_';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

std::string camel_case(std::string_view name) {
  std::string out;
  bool up = true;
  for (char c : name) {
    if (c == '_') { up = true; continue; }
    if (up && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out += c;
    up = false;
  }
  if (out.empty()) out = "T";
  return out;
}

RId Builder::mk(RKind k, uint32_t text, RId a, RId b, RId c, const Ids* list, uint8_t flags, Op op) {
  RNode n;
  n.kind = k;
  n.text = text;
  n.a = a;
  n.b = b;
  n.c = c;
  n.flags = flags;
  n.op = op;
  if (list) n.list = t_.add_list(*list);
  return t_.add(n);
}

RId Builder::file(const Ids& items) { return mk(RKind::File, kNil, kNil, kNil, kNil, &items); }
RId Builder::comment(std::string_view text) { return mk(RKind::Comment, t_.add_str(text)); }
RId Builder::inner_attr(std::string_view attr) { return mk(RKind::InnerAttr, t_.add_str(attr)); }
RId Builder::outer_attr(std::string_view attr) { return mk(RKind::OuterAttr, t_.add_str(attr)); }
RId Builder::use(std::string_view p) { return mk(RKind::Use, t_.add_str(p)); }
RId Builder::mod_decl(std::string_view name, bool pub) {
  return mk(RKind::ModDecl, t_.add_str(name), kNil, kNil, kNil, nullptr, pub ? kPub : 0);
}
RId Builder::fn(std::string_view name, const Ids& params, RId ret, RId body, bool pub, std::string_view doc) {
  RId id = mk(RKind::Fn, t_.add_str(name), ret, body, kNil, &params, pub ? kPub : 0);
  if (!doc.empty()) t_.node_mut(id).doc = t_.add_str(doc);
  return id;
}
RId Builder::param(std::string_view name, RId type, bool mut) {
  return mk(RKind::Param, t_.add_str(name), type, kNil, kNil, nullptr, mut ? kMut : 0);
}
RId Builder::self_param(bool is_ref, bool mut) {
  return mk(RKind::Param, t_.add_str(is_ref ? (mut ? "&mut self" : "&self") : (mut ? "mut self" : "self")));
}
RId Builder::struct_(std::string_view name, const Ids& fields, std::string_view derives, std::string_view doc) {
  RId id = mk(RKind::Struct, t_.add_str(name), kNil, kNil, kNil, &fields, kPub);
  if (!derives.empty()) t_.node_mut(id).c = mk(RKind::OuterAttr, t_.add_str("derive(" + std::string(derives) + ")"));
  if (!doc.empty()) t_.node_mut(id).doc = t_.add_str(doc);
  return id;
}
RId Builder::field_def(std::string_view name, RId type) { return mk(RKind::FieldDef, t_.add_str(name), type, kNil, kNil, nullptr, kPub); }
RId Builder::impl(std::string_view type_name, RId trait_type, const Ids& items) {
  return mk(RKind::Impl, t_.add_str(type_name), trait_type, kNil, kNil, &items);
}
RId Builder::const_(std::string_view name, RId type, RId value) { return mk(RKind::Const, t_.add_str(name), type, value, kNil, nullptr, kPub); }

RId Builder::let(std::string_view name, RId type, RId init, bool mut) {
  return mk(RKind::Let, kNil, pat_ident(name, mut), type, init);
}
RId Builder::let_pat(RId pat, RId type, RId init) { return mk(RKind::Let, kNil, pat, type, init); }
RId Builder::expr_stmt(RId e) { return mk(RKind::ExprStmt, kNil, e); }
RId Builder::with_comment(RId id, std::string_view comment) {
  if (!comment.empty()) t_.node_mut(id).doc = t_.add_str(comment);
  return id;
}

RId Builder::int_lit(int64_t v) {
  if (v < 0) {
    // i64::MIN has no positive literal; the printer keeps `-N` as a unary minus.
    uint64_t mag = static_cast<uint64_t>(-(v + 1)) + 1;
    return unary(Op::Neg, mk(RKind::Lit, t_.add_str(std::to_string(mag) + (mag > 9223372036854775807ull ? "_i64" : ""))));
  }
  return mk(RKind::Lit, t_.add_str(std::to_string(v)));
}
RId Builder::int_lit_text(std::string_view digits, std::string_view suffix) {
  return mk(RKind::Lit, t_.add_str(std::string(digits) + (suffix.empty() ? "" : "_") + std::string(suffix)));
}
RId Builder::float_lit(double v) {
  if (std::isnan(v)) return path("f64::NAN");
  if (std::isinf(v)) return v > 0 ? path("f64::INFINITY") : unary(Op::Neg, path("f64::INFINITY"));
  bool neg = std::signbit(v);
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, neg ? -v : v);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  RId lit = mk(RKind::Lit, t_.add_str(s));
  return neg ? unary(Op::Neg, lit) : lit;
}
RId Builder::bool_lit(bool v) { return mk(RKind::Lit, t_.add_str(v ? "true" : "false")); }
RId Builder::str_lit(std::string_view s) { return mk(RKind::StrLit, t_.add_str(s)); }
RId Builder::char_lit(uint32_t cp) { return mk(RKind::CharLit, cp); }
RId Builder::path(std::string_view p) { return mk(RKind::Path, t_.add_str(p)); }
RId Builder::call(RId callee, const Ids& args) { return mk(RKind::Call, kNil, callee, kNil, kNil, &args); }
RId Builder::method(RId recv, std::string_view name, const Ids& args) {
  return mk(RKind::MethodCall, t_.add_str(name), recv, kNil, kNil, &args);
}
RId Builder::method_turbofish(RId recv, std::string_view name, const Ids& generics, const Ids& args) {
  RId id = method(recv, name, args);
  t_.node_mut(id).c = ty_tuple(generics);
  return id;
}
RId Builder::call_turbofish(std::string_view callee, const Ids& generics, const Ids& args) {
  RId p = path(callee);
  t_.node_mut(p).c = ty_tuple(generics);
  return call(p, args);
}
RId Builder::assoc_path(RId type, std::string_view name) { return mk(RKind::Path, t_.add_str(name), type); }
RId Builder::macro(std::string_view name, const Ids& args, bool brackets) {
  return mk(RKind::Macro, t_.add_str(name), kNil, kNil, kNil, &args, brackets ? kBrackets : 0);
}
RId Builder::binary(Op op, RId l, RId r) { return mk(RKind::Binary, kNil, l, r, kNil, nullptr, 0, op); }
RId Builder::unary(Op op, RId e) { return mk(RKind::Unary, kNil, e, kNil, kNil, nullptr, 0, op); }
RId Builder::cast(RId e, RId type) { return mk(RKind::Cast, kNil, e, type); }
RId Builder::field(RId e, std::string_view name) { return mk(RKind::Field, t_.add_str(name), e); }
RId Builder::index(RId e, RId i) { return mk(RKind::Index, kNil, e, i); }
RId Builder::block(const Ids& stmts, RId tail) { return mk(RKind::Block, kNil, tail, kNil, kNil, &stmts); }
RId Builder::if_(RId cond, RId then_block, RId else_) { return mk(RKind::If, kNil, cond, then_block, else_); }
RId Builder::while_(RId cond, RId body, std::string_view label) {
  return mk(RKind::While, label.empty() ? kNil : t_.add_str(label), cond, body);
}
RId Builder::loop(RId body, std::string_view label) { return mk(RKind::Loop, label.empty() ? kNil : t_.add_str(label), kNil, body); }
RId Builder::for_(RId pat, RId iter, RId body, std::string_view label) {
  return mk(RKind::For, label.empty() ? kNil : t_.add_str(label), pat, iter, body);
}
RId Builder::break_(std::string_view label, RId value) { return mk(RKind::Break, label.empty() ? kNil : t_.add_str(label), value); }
RId Builder::continue_(std::string_view label) { return mk(RKind::Continue, label.empty() ? kNil : t_.add_str(label)); }
RId Builder::return_(RId value) { return mk(RKind::Return, kNil, value); }
RId Builder::assign(Op op, RId l, RId r) { return mk(RKind::Assign, kNil, l, r, kNil, nullptr, 0, op); }
RId Builder::closure(const Ids& params, RId body, bool move) {
  return mk(RKind::Closure, kNil, body, kNil, kNil, &params, move ? kMove : 0);
}
RId Builder::tuple(const Ids& elems) { return mk(RKind::Tuple, kNil, kNil, kNil, kNil, &elems); }
RId Builder::array(const Ids& elems) { return mk(RKind::ArrayLit, kNil, kNil, kNil, kNil, &elems); }
RId Builder::range(RId lo, RId hi, bool inclusive) { return mk(RKind::Range, kNil, lo, hi, kNil, nullptr, inclusive ? kInclusive : 0); }
RId Builder::struct_lit(std::string_view name, const Ids& inits) { return mk(RKind::StructLit, t_.add_str(name), kNil, kNil, kNil, &inits); }
RId Builder::field_init(std::string_view name, RId value) { return mk(RKind::FieldInit, t_.add_str(name), value); }
RId Builder::match(RId scrutinee, const Ids& arms) { return mk(RKind::Match, kNil, scrutinee, kNil, kNil, &arms); }
RId Builder::arm(RId pat, RId guard, RId body) { return mk(RKind::Arm, kNil, pat, guard, body); }
RId Builder::try_(RId e) { return mk(RKind::Try, kNil, e); }

RId Builder::pat_ident(std::string_view name, bool mut) { return mk(RKind::PatIdent, t_.add_str(name), kNil, kNil, kNil, nullptr, mut ? kMut : 0); }
RId Builder::pat_tuple(const Ids& pats) { return mk(RKind::PatTuple, kNil, kNil, kNil, kNil, &pats); }
RId Builder::pat_wild() { return mk(RKind::PatWild); }
RId Builder::pat_lit(RId lit) { return mk(RKind::PatLit, kNil, lit); }

RId Builder::ty(std::string_view name, const Ids& generics) {
  return mk(RKind::TyPath, t_.add_str(name), kNil, kNil, kNil, generics.empty() ? nullptr : &generics);
}
RId Builder::ty_ref(RId inner, bool mut) { return mk(RKind::TyRef, kNil, inner, kNil, kNil, nullptr, mut ? kMut : 0); }
RId Builder::ty_tuple(const Ids& elems) { return mk(RKind::TyTuple, kNil, kNil, kNil, kNil, &elems); }
RId Builder::ty_slice(RId elem) { return mk(RKind::TySlice, kNil, elem); }
RId Builder::ty_fn(const Ids& params, RId ret) { return mk(RKind::TyFn, kNil, ret, kNil, kNil, &params); }

}  // namespace portalis::rust
