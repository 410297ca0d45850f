#pragma once
// Per-call-type specialisation (monomorphised copies) of module functions
// whose call sites pass arguments of different static types, and the
// `zip(*rows)` comprehensions that may iterate rows as lists.
#include <functional>
#include <vector>

#include "ast/ast.h"
#include "sema/infer.h"

namespace portalis::sema {

// `make_matrix(4, 5)` and `make_matrix(4, 5, ".")` join their argument types
// into a dynamic parameter. Each group of call sites whose argument types
// join statically gets its own copy of the def (the first group keeps the
// original; the others get a clone named `<name>_<type>`, appended to a copy
// of the AST right after the original, their calls renamed to it), and the
// module is inferred again by `reinfer`. A copy is kept only where it leaves
// fewer functions without static types. Every lowering then sees plain
// functions: nothing downstream knows about specialisation.
TypedModule specialize_calls(TypedModule tm, const std::function<TypedModule(const ast::Module&)>& reinfer);

// The generator iters `zip(*xs)` of comprehension `comp` whose target is a
// name only read as a whole sequence (`list(r)`, `sum(r)`, `len(r)`,
// `for v in r`): there a zip row (a tuple of unknown length) can be a list.
std::vector<ast::NodeId> zip_rows_iters(const ast::Module& m, ast::NodeId comp);

}  // namespace portalis::sema

namespace portalis::sema {

// `map(str, xs)` with a builtin conversion as the function: an iterator of
// its results (kDyn when the function or the iterable is not one of those).
TypeId map_builtin_type(const ast::Module& m, Types& T, ast::NodeId call, const std::vector<TypeId>& at);

}  // namespace portalis::sema
