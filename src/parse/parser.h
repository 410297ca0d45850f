#pragma once
// The parse stage: TokenBuffer in, ast::Module plus diagnostics out.
// A pure function; the parser never throws and never recurses without a cap,
// so any input (10,000 nested brackets included) yields a tree or an error.
#include <string_view>
#include <vector>

#include "ast/ast.h"
#include "base/diagnostic.h"
#include "lex/lexer.h"

namespace portalis::parse {

struct ParseResult {
  ast::Module module;                    // root() is the Module node when ok
  std::vector<Diagnostic> diagnostics;   // the lexer's and the parser's
  bool ok = false;                       // false when CPython would raise SyntaxError
};

// Parses a whole file (CPython's "exec" mode).
ParseResult parse_module(const lex::TokenBuffer& tokens);

// Convenience: lex + parse of raw source bytes.
ParseResult parse_source(std::string_view bytes);

}  // namespace portalis::parse
