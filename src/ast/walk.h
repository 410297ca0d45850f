#pragma once
// Visits every node under a root (statement lists included), depth first,
// with an explicit stack: deeply nested code cannot overflow the C++ stack.
#include <vector>

#include "ast/ast.h"

namespace portalis::ast {

template <class Visit>
void walk(const Module& m, NodeId root, Visit visit) {
  std::vector<NodeId> stack{root};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (n == kNone || n >= m.node_count()) continue;
    visit(n);
    auto fs = fields_of(m.kind(n));
    for (size_t i = 0; i < fs.size(); ++i) {
      uint32_t v = m.slot(n, static_cast<uint32_t>(i));
      if (fs[i].type == FieldType::Node || fs[i].type == FieldType::OptNode) stack.push_back(v);
      else if (fs[i].type == FieldType::List)
        for (NodeId c : m.list(v)) stack.push_back(c);
    }
  }
}

}  // namespace portalis::ast
