// None tests for Optional narrowing (see infer_optional.h). Explicit stacks,
// no recursion: a test nests only as deep as its source, but bodies can be long.
#include "sema/infer_optional.h"

#include <algorithm>

namespace portalis::sema {

namespace {
using ast::Kind;
using ast::kNone;
using ast::NodeId;
namespace fld = ast::fld;

bool is_none_const(const ast::Module& m, NodeId e) {
  return m.kind(e) == Kind::Constant && m.constant(m.slot(e, fld::Constant::value)).tag == ast::Constant::Tag::None;
}
}  // namespace

std::vector<std::string> narrowed_names(const ast::Module& m, NodeId test, bool when_true) {
  std::vector<std::string> out;
  // (expression, the truth value it is known to have)
  std::vector<std::pair<NodeId, bool>> stack{{test, when_true}};
  int steps = 0;
  while (!stack.empty() && ++steps < 10000) {
    auto [e, truth] = stack.back();
    stack.pop_back();
    switch (m.kind(e)) {
      case Kind::Name:
        if (truth) out.emplace_back(m.str(m.slot(e, fld::Name::id)));
        break;
      case Kind::Compare: {
        auto ops = m.list(m.slot(e, fld::Compare::ops));
        auto comps = m.list_of(e, fld::Compare::comparators);
        NodeId l = m.slot(e, fld::Compare::left);
        if (ops.size() != 1 || m.kind(l) != Kind::Name || !is_none_const(m, comps[0])) break;
        Kind op = Kind(ops[0]);
        if ((op == Kind::IsNot && truth) || (op == Kind::Is && !truth)) out.emplace_back(m.str(m.slot(l, fld::Name::id)));
        break;
      }
      case Kind::UnaryOp:
        if (Kind(m.slot(e, fld::UnaryOp::op)) == Kind::Not) stack.emplace_back(m.slot(e, fld::UnaryOp::operand), !truth);
        break;
      case Kind::BoolOp: {
        bool is_and = Kind(m.slot(e, fld::BoolOp::op)) == Kind::And;
        // `a and b` true: both true; `a or b` false: both false.
        if (is_and == truth)
          for (NodeId v : m.list_of(e, fld::BoolOp::values)) stack.emplace_back(v, truth);
        break;
      }
      default: break;
    }
  }
  return out;
}

bool stores_name(const ast::Module& m, std::span<const uint32_t> body, std::string_view name) {
  std::vector<NodeId> stack(body.begin(), body.end());
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (n == kNone) continue;
    Kind k = m.kind(n);
    if (k == Kind::Name) {
      if (m.str(m.slot(n, fld::Name::id)) == name && Kind(m.slot(n, fld::Name::ctx)) != Kind::Load) return true;
      continue;
    }
    if (k == Kind::ExceptHandler && m.slot(n, fld::ExceptHandler::name) != kNone &&
        m.str(m.slot(n, fld::ExceptHandler::name)) == name)
      return true;
    if (k == Kind::FunctionDef || k == Kind::AsyncFunctionDef || k == Kind::ClassDef || k == Kind::Lambda) continue;
    auto fs = ast::fields_of(k);
    for (size_t i = 0; i < fs.size(); ++i) {
      uint32_t v = m.slot(n, static_cast<uint32_t>(i));
      if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) {
        if (v != kNone) stack.push_back(v);
      } else if (fs[i].type == ast::FieldType::List || fs[i].type == ast::FieldType::OptNodeList) {
        for (NodeId c : m.list(v))
          if (c != kNone) stack.push_back(c);
      }
    }
  }
  return false;
}

std::vector<std::string> narrowed_after_if(const ast::Module& m, NodeId s) {
  if (m.kind(s) != Kind::If || !m.list_of(s, fld::If::orelse).empty()) return {};
  auto body = m.list_of(s, fld::If::body);
  if (body.empty()) return {};
  NodeId test = m.slot(s, fld::If::test);
  NodeId last = body.back();
  Kind lk = m.kind(last);
  // The body leaves: after the if, the test was false.
  if (lk == Kind::Return || lk == Kind::Raise || lk == Kind::Continue || lk == Kind::Break)
    return narrowed_names(m, test, false);
  // `if x is None: x = value`: after the if, x holds a value either way.
  std::vector<std::string> out;
  if (lk == Kind::Assign && m.list_of(last, fld::Assign::targets).size() == 1) {
    NodeId t = m.list_of(last, fld::Assign::targets)[0];
    NodeId v = m.slot(last, fld::Assign::value);
    if (m.kind(t) == Kind::Name && !is_none_const(m, v) && m.kind(test) == Kind::Compare) {
      std::string n(m.str(m.slot(t, fld::Name::id)));
      auto false_names = narrowed_names(m, test, false);
      if (std::find(false_names.begin(), false_names.end(), n) != false_names.end()) out.push_back(n);
    }
  }
  return out;
}

namespace {
// Whether a break in `body` leaves the loop owning `body` (nested loops own theirs).
bool breaks_out(const ast::Module& m, std::span<const uint32_t> body) {
  std::vector<NodeId> stack(body.begin(), body.end());
  while (!stack.empty()) {
    NodeId s = stack.back();
    stack.pop_back();
    Kind k = m.kind(s);
    if (k == Kind::Break) return true;
    if (k == Kind::For || k == Kind::While || k == Kind::AsyncFor || k == Kind::FunctionDef || k == Kind::ClassDef ||
        k == Kind::AsyncFunctionDef) {
      if (k == Kind::For || k == Kind::While)
        for (NodeId c : m.list_of(s, k == Kind::For ? fld::For::orelse : fld::While::orelse)) stack.push_back(c);
      continue;
    }
    auto fs = ast::fields_of(k);
    for (size_t i = 0; i < fs.size(); ++i) {
      if (fs[i].type != ast::FieldType::List) continue;
      for (NodeId c : m.list(m.slot(s, static_cast<uint32_t>(i))))
        if (ast::kind_info(m.kind(c)).category == "stmt" || m.kind(c) == Kind::ExceptHandler || m.kind(c) == Kind::match_case)
          stack.push_back(c);
    }
  }
  return false;
}

bool leaves(const ast::Module& m, NodeId s, int depth);

bool leaves_list(const ast::Module& m, std::span<const uint32_t> body, int depth) {
  for (NodeId s : body)
    if (leaves(m, s, depth)) return true;
  return false;
}

bool leaves(const ast::Module& m, NodeId s, int depth) {
  if (depth > 200) return true;  // too deep to tell: assume it leaves (as before)
  switch (m.kind(s)) {
    case Kind::Return: case Kind::Raise: return true;
    case Kind::If:
      return leaves_list(m, m.list_of(s, fld::If::body), depth + 1) && leaves_list(m, m.list_of(s, fld::If::orelse), depth + 1);
    case Kind::While: {
      NodeId t = m.slot(s, fld::While::test);
      bool forever = m.kind(t) == Kind::Constant && m.constant(m.slot(t, fld::Constant::value)).tag == ast::Constant::Tag::True;
      return forever && !breaks_out(m, m.list_of(s, fld::While::body));
    }
    case Kind::With: return leaves_list(m, m.list_of(s, fld::With::body), depth + 1);
    case Kind::Try: {
      if (leaves_list(m, m.list_of(s, fld::Try::finalbody), depth + 1)) return true;
      bool body = leaves_list(m, m.list_of(s, fld::Try::body), depth + 1) || leaves_list(m, m.list_of(s, fld::Try::orelse), depth + 1);
      if (!body) return false;
      for (NodeId h : m.list_of(s, fld::Try::handlers))
        if (!leaves_list(m, m.list_of(h, fld::ExceptHandler::body), depth + 1)) return false;
      return true;
    }
    case Kind::Match: {
      // Only with a final wildcard case (`case _:`) is some case sure to run.
      auto cases = m.list_of(s, fld::Match::cases);
      if (cases.empty()) return false;
      NodeId last = m.slot(cases.back(), fld::match_case::pattern);
      if (m.kind(last) != Kind::MatchAs || m.slot(last, fld::MatchAs::pattern) != kNone) return false;
      for (NodeId c : cases)
        if (!leaves_list(m, m.list_of(c, fld::match_case::body), depth + 1)) return false;
      return true;
    }
    case Kind::Expr: {
      // sys.exit(...) / exit(...) never returns.
      NodeId v = m.slot(s, fld::Expr::value);
      if (m.kind(v) != Kind::Call) return false;
      NodeId f = m.slot(v, fld::Call::func);
      if (m.kind(f) == Kind::Attribute) return m.str(m.slot(f, fld::Attribute::attr)) == "exit";
      return m.kind(f) == Kind::Name && (m.str(m.slot(f, fld::Name::id)) == "exit" || m.str(m.slot(f, fld::Name::id)) == "quit");
    }
    default: return false;
  }
}
}  // namespace

bool always_leaves(const ast::Module& m, std::span<const uint32_t> body) { return leaves_list(m, body, 0); }

}  // namespace portalis::sema
