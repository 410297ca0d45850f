#include "index/unparse.h"

#include <cstdio>

namespace portalis::index {
namespace {

using ast::Kind;
namespace fld = ast::fld;

// Annotations are shallow; the cap keeps a pathological tree from recursing far.
constexpr int kMaxDepth = 200;

std::string_view op_text(uint32_t op) {
  switch (static_cast<Kind>(op)) {
    case Kind::BitOr: return " | ";
    case Kind::BitAnd: return " & ";
    case Kind::BitXor: return " ^ ";
    case Kind::Add: return " + ";
    case Kind::Sub: return " - ";
    case Kind::Mult: return " * ";
    case Kind::Div: return " / ";
    case Kind::FloorDiv: return " // ";
    case Kind::Mod: return " % ";
    case Kind::Pow: return " ** ";
    case Kind::MatMult: return " @ ";
    case Kind::LShift: return " << ";
    case Kind::RShift: return " >> ";
    default: return " ? ";
  }
}

void quote(std::string& out, std::string_view s) {
  const char q = s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos ? '"' : '\'';
  out += q;
  for (char c : s) {
    if (c == q || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    out += c;
  }
  out += q;
}

void emit(const ast::Module& m, ast::NodeId id, std::string& out, int depth);

void emit_list(const ast::Module& m, ast::ListId list, std::string& out, int depth) {
  bool first = true;
  for (uint32_t item : m.list(list)) {
    if (!first) out += ", ";
    first = false;
    emit(m, item, out, depth + 1);
  }
}

void emit(const ast::Module& m, ast::NodeId id, std::string& out, int depth) {
  if (id == ast::kNone) return;
  if (depth > kMaxDepth) { out += "..."; return; }
  switch (m.kind(id)) {
    case Kind::Name: out += m.str(m.slot(id, fld::Name::id)); return;
    case Kind::Attribute:
      emit(m, m.slot(id, fld::Attribute::value), out, depth + 1);
      out += '.';
      out += m.str(m.slot(id, fld::Attribute::attr));
      return;
    case Kind::Subscript: {
      emit(m, m.slot(id, fld::Subscript::value), out, depth + 1);
      out += '[';
      ast::NodeId s = m.slot(id, fld::Subscript::slice);
      if (s != ast::kNone && m.kind(s) == Kind::Tuple && !m.list_of(s, fld::Tuple::elts).empty())
        emit_list(m, m.slot(s, fld::Tuple::elts), out, depth);  // x[a, b], not x[(a, b)]
      else
        emit(m, s, out, depth + 1);
      out += ']';
      return;
    }
    case Kind::Tuple:
      out += '(';
      emit_list(m, m.slot(id, fld::Tuple::elts), out, depth);
      if (m.list_of(id, fld::Tuple::elts).size() == 1) out += ',';
      out += ')';
      return;
    case Kind::List:
      out += '[';
      emit_list(m, m.slot(id, fld::List::elts), out, depth);
      out += ']';
      return;
    case Kind::BinOp:
      emit(m, m.slot(id, fld::BinOp::left), out, depth + 1);
      out += op_text(m.slot(id, fld::BinOp::op));
      emit(m, m.slot(id, fld::BinOp::right), out, depth + 1);
      return;
    case Kind::Starred:
      out += '*';
      emit(m, m.slot(id, fld::Starred::value), out, depth + 1);
      return;
    case Kind::Call:
      emit(m, m.slot(id, fld::Call::func), out, depth + 1);
      out += '(';
      emit_list(m, m.slot(id, fld::Call::args), out, depth);
      for (uint32_t kw : m.list_of(id, fld::Call::keywords)) {
        if (out.back() != '(') out += ", ";
        ast::StrId arg = m.slot(kw, fld::keyword::arg);
        if (arg == ast::kNone) out += "**";
        else { out += m.str(arg); out += '='; }
        emit(m, m.slot(kw, fld::keyword::value), out, depth + 1);
      }
      out += ')';
      return;
    case Kind::Constant: {
      const ast::Constant& c = m.constant(m.slot(id, fld::Constant::value));
      switch (c.tag) {
        case ast::Constant::Tag::None: out += "None"; return;
        case ast::Constant::Tag::True: out += "True"; return;
        case ast::Constant::Tag::False: out += "False"; return;
        case ast::Constant::Tag::Ellipsis: out += "..."; return;
        case ast::Constant::Tag::Int: out += c.text; return;
        case ast::Constant::Tag::Str: quote(out, c.text); return;
        case ast::Constant::Tag::Bytes: out += 'b'; quote(out, c.text); return;
        case ast::Constant::Tag::Float:
        case ast::Constant::Tag::Complex: {
          char buf[40];
          std::snprintf(buf, sizeof buf, "%.17g", c.number);
          out += buf;
          if (c.tag == ast::Constant::Tag::Complex) out += 'j';
          return;
        }
      }
      return;
    }
    default:
      // Anything else in an annotation is rare (lambdas, comprehensions);
      // the kind name keeps the text honest rather than guessing.
      out += '<';
      out += ast::kind_name(m.kind(id));
      out += '>';
      return;
  }
}

}  // namespace

std::string unparse_expr(const ast::Module& m, ast::NodeId id) {
  std::string out;
  emit(m, id, out, 0);
  return out;
}

}  // namespace portalis::index
