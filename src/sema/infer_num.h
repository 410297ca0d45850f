#pragma once
// int | float (TyKind::Num) in inference: the result types of operators
// with a Num operand (sema/types_num.cc).
#include "ast/ast.h"
#include "sema/types.h"

namespace portalis::sema {

// kUnknown when neither operand is a Num; Float where Python computes a
// float anyway (a float operand, `/`), Num otherwise, Dyn for bit operators.
TypeId num_binop(Types& T, ast::Kind op, TypeId l, TypeId r);

}  // namespace portalis::sema
