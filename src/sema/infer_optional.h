#pragma once
// None tests that narrow an Optional variable to its value type: the names
// known not to be None where a test is true (or false), and the checks that
// keep such a narrowing sound (nothing in the narrowed region stores the name).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"

namespace portalis::sema {

// Names that are not None when `test` evaluates to `when_true`:
// `x is not None`, `x` (truthy), `not x is None`, `a and b` (true: both).
std::vector<std::string> narrowed_names(const ast::Module& m, ast::NodeId test, bool when_true);

// Whether any statement in `body` (nested blocks included, nested defs not)
// binds `name` (assignment, augmented assignment, for target, with/except as).
bool stores_name(const ast::Module& m, std::span<const uint32_t> body, std::string_view name);

// The names an `if` without else narrows for the statements after it:
// `if x is None: return/raise/continue/break` or `if x is None: ...; x = value`.
std::vector<std::string> narrowed_after_if(const ast::Module& m, ast::NodeId if_stmt);

// Whether running `body` always ends in return or raise (never falls off
// its end): a function whose body may fall off also returns None.
bool always_leaves(const ast::Module& m, std::span<const uint32_t> body);

}  // namespace portalis::sema
