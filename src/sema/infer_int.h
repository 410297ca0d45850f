#pragma once
// Integers that may outgrow i64 (issue 5): Python's int is unbounded, the
// static lowering's i64 is not. Inference types an int expression BigInt (the
// runtime's arbitrary-precision Int) where its value may grow: a literal
// beyond i64, a power that is not a small constant, an accumulation that
// multiplies a variable by itself in a loop (factorials, products), a
// simultaneous additive recurrence (`a, b = b, a + b`), a product with the
// function's own recursive result, and everything such a value flows into
// (variables, parameters, returns, containers: by the ordinary joins, since
// Int joined with BigInt is BigInt). All other integers stay i64.
#include <cstdint>
#include <vector>

#include "ast/ast.h"
#include "sema/types.h"

namespace portalis::sema {

struct TypedModule;

class BigInts {
 public:
  // Syntax-only pass over the module: which statements and expressions are
  // growth seeds.
  explicit BigInts(const ast::Module& m);
  // The type of expression `e` whose children are already typed in `tm`,
  // given what the ordinary rules said (`t`).
  TypeId adjust(const TypedModule& tm, Types& T, ast::NodeId e, TypeId t) const;
  // An AugAssign's result type `t` (a growth seed in a loop becomes BigInt).
  TypeId aug(Types& T, ast::NodeId s, TypeId t) const;
  // Arithmetic with a BigInt operand; kUnknown when neither operand is one.
  static TypeId binop(Types& T, ast::Kind op, TypeId l, TypeId r);
  // An annotated `int` slot (variable, parameter, return) still widens to
  // BigInt: the annotation says "int", not "fits in 64 bits".
  static bool widen(Types& T, TypeId& slot, TypeId t);

 private:
  const ast::Module& m_;
  std::vector<uint8_t> seed_;  // by NodeId
};

}  // namespace portalis::sema
