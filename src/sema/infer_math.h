#pragma once
// `math.sqrt(x)` and the other float functions of `math` in static code
// (lower/lower_static_math.cc lowers them onto rt::stdlib::math and f64).
#include <string_view>
#include <vector>

#include "sema/infer.h"

namespace portalis::sema {

// The function's Rust path or method, arity, result, and whether it can
// raise; nullptr for names this table does not know.
struct MathFn {
  std::string_view py;
  size_t nargs;
  bool int_result;   // floor/ceil: an int
  bool fallible;     // ValueError (domain) / OverflowError: rt::stdlib::math::<py>
  std::string_view f64_method;  // infallible: the f64 method (`x.sin()`)
};
const MathFn* find_math_fn(std::string_view name);

// The type of `math.<f>(args)` when `math` is the module (not a variable of
// function cur) and f is in the table with numeric arguments; kUnknown otherwise.
TypeId math_call_type(TypedModule& tm, uint32_t cur, ast::NodeId call, const std::vector<TypeId>& at);

}  // namespace portalis::sema
