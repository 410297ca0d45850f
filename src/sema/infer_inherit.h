#pragma once
// Single inheritance in the types (sema side of lower/lower_static_inherit.cc):
// the base-class value of a subclass instance, super(), the class tests and
// the class attributes a program reads (`C.__name__`, `C.__mro__[i].__name__`).
#include <string_view>
#include <vector>

#include "sema/infer.h"

namespace portalis::sema {

// Ancestors of class ci, nearest first, ci itself included (its MRO without
// `object`); stops at a cycle or after 64 levels.
std::vector<uint32_t> class_mro(const TypedModule& tm, uint32_t ci);
// Whether class `sub` is `sup` or derives from it.
bool is_subclass(const TypedModule& tm, uint32_t sub, uint32_t sup);

// The type of a call of super / isinstance / issubclass / type inside
// function `cur`, or kUnknown when the call is not one of them (or beyond
// what a static lowering takes: then the usual "call of" path reports it).
TypeId inherit_call_type(TypedModule& tm, uint32_t cur, ast::NodeId call, std::string_view callee, size_t nargs);

// `C.__name__`, `C.__mro__[i].__name__`, `C.__bases__[i].__name__` with C a
// class of the module and i a constant: str (the lowering folds them);
// kUnknown otherwise.
TypeId inherit_attr_type(TypedModule& tm, ast::NodeId attr);

// What `obj.m()` returns when obj's static class is ci: the method may be
// overridden in a subclass, whose result comes back too: the join over the
// hierarchy's classes (an int in one override and a float in another:
// int | float).
TypeId override_ret(TypedModule& tm, uint32_t ci, std::string_view m, TypeId ret);

}  // namespace portalis::sema
