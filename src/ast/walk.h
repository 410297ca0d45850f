#pragma once
// Visits every node under a root (statement lists included), depth first,
// with an explicit stack: deeply nested code cannot overflow the C++ stack.
#include <span>
#include <vector>

#include "ast/ast.h"

namespace portalis::ast {

// walk_pruned: visit(n) returns whether to go below n (false skips a nested
// def's body, or the rest of a search that is over).
template <class Visit>
void walk_pruned(const Module& m, std::span<const uint32_t> roots, Visit visit) {
  std::vector<NodeId> stack(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (n == kNone || n >= m.node_count()) continue;
    if (!visit(n)) continue;
    auto fs = fields_of(m.kind(n));
    for (size_t i = 0; i < fs.size(); ++i) {
      uint32_t v = m.slot(n, static_cast<uint32_t>(i));
      if (fs[i].type == FieldType::Node || fs[i].type == FieldType::OptNode) stack.push_back(v);
      else if (fs[i].type == FieldType::List || fs[i].type == FieldType::OptNodeList)
        for (NodeId c : m.list(v)) stack.push_back(c);
    }
  }
}

template <class Visit>
void walk(const Module& m, NodeId root, Visit visit) {
  walk_pruned(m, std::span<const uint32_t>(&root, 1), [&](NodeId n) {
    visit(n);
    return true;
  });
}

// Visits the statements of a block in source order, and those of the
// compound statements in it (if/for/while/with/try bodies), but not the
// bodies of nested defs and classes: the statements of one Python scope.
template <class Visit>
void walk_scope_statements(const Module& m, std::span<const uint32_t> body, Visit visit) {
  std::vector<NodeId> stack;
  auto push = [&](std::span<const uint32_t> l) {
    for (auto it = l.rbegin(); it != l.rend(); ++it) stack.push_back(*it);
  };
  push(body);
  while (!stack.empty()) {
    NodeId s = stack.back();
    stack.pop_back();
    visit(s);
    switch (m.kind(s)) {
      case Kind::If: push(m.list_of(s, fld::If::orelse)); push(m.list_of(s, fld::If::body)); break;
      case Kind::For: push(m.list_of(s, fld::For::orelse)); push(m.list_of(s, fld::For::body)); break;
      case Kind::While: push(m.list_of(s, fld::While::orelse)); push(m.list_of(s, fld::While::body)); break;
      case Kind::With: push(m.list_of(s, fld::With::body)); break;
      case Kind::Try:
        push(m.list_of(s, fld::Try::finalbody));
        push(m.list_of(s, fld::Try::orelse));
        for (NodeId h : m.list_of(s, fld::Try::handlers)) push(m.list_of(h, fld::ExceptHandler::body));
        push(m.list_of(s, fld::Try::body));
        break;
      default: break;
    }
  }
}

}  // namespace portalis::ast
