#pragma once
// The text `python3 -m tokenize [-e] FILE` prints, computed from a TokenBuffer.
//
// tokenize.py (a regex tokenizer) differs from the C tokenizer that the
// TokenBuffer follows in a few places; this module maps one onto the other:
//  * positions are (line, column) with lines split at '\n' only and columns
//    counted in code points; the ENCODING token comes first;
//  * operators print as OP unless `exact`;
//  * an implicit NEWLINE at EOF prints as '' spanning one column, and
//    DEDENT/ENDMARKER at EOF sit at column 0 of the line after the last one
//    (or of a whitespace-only last line without a line end);
//  * names are re-split at characters that are not \w (tokenize's Name), and
//    those characters are ERRORTOKENs; before any character tokenize cannot
//    match, each whitespace character since the previous token is an
//    ERRORTOKEN too.
#include <string>
#include <string_view>

#include "lex/lexer.h"

namespace portalis::lex {

std::string tokenize_dump(const TokenBuffer& buf, bool exact);

// Python's repr() of a str given as UTF-8 (quotes, escapes, printable rules).
std::string python_repr(std::string_view utf8);

}  // namespace portalis::lex
