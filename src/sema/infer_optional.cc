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

}  // namespace portalis::sema
