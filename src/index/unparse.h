#pragma once
// Turns a (type annotation or base class) expression back into source text.
// The summary stores annotations as text, and ast::Module holds no source, so
// the text is rebuilt from the tree in ast.unparse's spelling.
#include <string>

#include "ast/ast.h"

namespace portalis::index {

std::string unparse_expr(const ast::Module& m, ast::NodeId id);

}  // namespace portalis::index
