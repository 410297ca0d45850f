#pragma once
// CPython-compatible text of an AST: exactly what
// ast.dump(tree, include_attributes=True) prints, plus the Python reprs of
// constants that it relies on (also useful to the translator).
#include <string>
#include <string_view>

#include "ast/ast.h"

namespace portalis::ast {

// Appends ast.dump(module, include_attributes=True) to *out (no newline).
void dump(const Module& m, std::string* out);
std::string dump(const Module& m);

// repr() of a str given as UTF-8 (lone surrogates as 3-byte WTF-8).
void repr_str(std::string_view utf8, std::string* out);
// repr() of bytes.
void repr_bytes(std::string_view raw, std::string* out);
// repr() of a float: shortest round-trip digits, Python's layout ('1e+22', '0.1', '100.0', 'inf').
void repr_float(double v, std::string* out);
// repr() of a complex with zero real part, as literals produce ('1j', '1.5j', 'infj').
void repr_imag(double imag, std::string* out);
// repr() of any Constant.
void repr_constant(const Constant& c, std::string* out);

}  // namespace portalis::ast
