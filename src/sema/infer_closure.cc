// Scope facts for nested functions (pure AST walks): which defs sit inside
// a function and which names a def reads. Inference lifts such a def to a
// Rust function of its own that takes the enclosing variables it reads as
// extra parameters (sema::Function::captures).
#include <set>

#include "ast/walk.h"
#include "sema/infer.h"

namespace portalis::sema {

using ast::Kind;
using ast::kNone;
using ast::NodeId;
namespace fld = ast::fld;

std::vector<std::string> names_read(const ast::Module& m, NodeId def) {
  std::vector<std::string> out;
  std::set<std::string, std::less<>> seen;
  std::vector<NodeId> stack;  // explicit stack: deep nesting must not overflow
  auto body = m.list_of(def, fld::FunctionDef::body);
  for (auto it = body.rbegin(); it != body.rend(); ++it) stack.push_back(*it);
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (n == kNone) continue;
    Kind k = m.kind(n);
    if (k == Kind::Name) {
      std::string_view id = m.str(m.slot(n, fld::Name::id));
      if (Kind(m.slot(n, fld::Name::ctx)) == Kind::Load && !seen.count(id)) {
        seen.insert(std::string(id));
        out.emplace_back(id);
      }
      continue;
    }
    // Children pushed last-first: names come out in source order.
    std::vector<NodeId> kids;
    for (size_t i = 0; i < ast::fields_of(k).size(); ++i) {
      ast::FieldType ft = ast::fields_of(k)[i].type;
      uint32_t v = m.slot(n, static_cast<uint32_t>(i));
      if (ft == ast::FieldType::Node || ft == ast::FieldType::OptNode) {
        if (v != kNone) kids.push_back(v);
      } else if (ft == ast::FieldType::List || ft == ast::FieldType::OptNodeList) {
        for (NodeId c : m.list(v)) kids.push_back(c);
      }
    }
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  return out;
}

std::vector<NodeId> nested_defs(const ast::Module& m, NodeId def) {
  std::vector<NodeId> out;
  ast::walk_scope_statements(m, m.list_of(def, fld::FunctionDef::body), [&](NodeId s) {
    if (m.kind(s) == Kind::FunctionDef) out.push_back(s);
  });
  return out;
}

std::vector<std::string> nonlocal_names(const ast::Module& m, NodeId def) {
  std::vector<std::string> out;
  ast::walk_scope_statements(m, m.list_of(def, fld::FunctionDef::body), [&](NodeId s) {
    if (m.kind(s) == Kind::Nonlocal)
      for (uint32_t sid : m.list(m.slot(s, fld::Nonlocal::names))) out.emplace_back(m.str(sid));
  });
  return out;
}

}  // namespace portalis::sema
