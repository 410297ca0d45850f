#pragma once
// User-defined exception classes in static code (infer_exc.cc): the module
// classes that derive from an exception, which class's __init__ builds an
// instance's fields, and the types of what a handler reads from a caught
// exception (`e.needed`, `e.args`, `type(e).__name__`).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sema/infer.h"

namespace portalis::sema {

// The module classes named as bases of class ci (by name, in order).
std::vector<uint32_t> exc_module_bases(const TypedModule& tm, uint32_t ci);
// Whether module class ci derives from a builtin exception (through any base).
bool is_exc_class(const TypedModule& tm, uint32_t ci);
// Whether module class sub is sup or derives from it.
bool exc_derives(const TypedModule& tm, uint32_t sub, uint32_t sup);
// The class whose own __init__ builds instances of ci: ci itself, a base's,
// -1 when none (BaseException's: args are the constructor's arguments),
// -2 when bases disagree.
int exc_init_owner(const TypedModule& tm, uint32_t ci);
// `super().__init__(a, ..)` or `Base.__init__(self, a, ..)` among the
// top-level statements of an __init__: the call, or kNone.
ast::NodeId exc_super_init_call(const TypedModule& tm, uint32_t init_fn, ast::NodeId stmt);
// The module exception class a handler names alone (`except C as e`), or -1.
int exc_handler_class(const TypedModule& tm, ast::NodeId handler);
// Handlers around the code being typed: (bound name, ExceptHandler node), innermost last.
using ExcHandlers = std::vector<std::pair<std::string, ast::NodeId>>;
// The handler that bound `name` (innermost), or kNone.
ast::NodeId exc_binding_handler(const ExcHandlers& hs, std::string_view name);
// The type of `e.attr` for a caught exception e (a Name bound by a handler
// in hs): a field of the class's fields struct, or `args`. kUnknown while a
// later round may still type it, kDyn when it cannot be typed.
TypeId exc_attr_type(TypedModule& tm, const ExcHandlers& hs, ast::NodeId attr);
// The field's type when every class a handler for class ci catches shares one
// fields struct (that of class *owner) holding it; kDyn otherwise.
TypeId exc_field_type(TypedModule& tm, uint32_t ci, std::string_view field, int* owner);
// The type of `e.args` for an exception caught as class ci: a tuple, the
// same for every class it catches; kDyn when they differ or are not known.
TypeId exc_args_type(TypedModule& tm, uint32_t ci);
// `type(x).__name__`: x, else kNone.
ast::NodeId exc_type_name_arg(const ast::Module& m, ast::NodeId attr);

}  // namespace portalis::sema
