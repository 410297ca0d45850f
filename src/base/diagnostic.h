#pragma once
// Diagnostics are values: a kind from diagnostics.def, a position, a message.
// Stages return them alongside their result and never throw for bad input.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace portalis {

enum class Severity : uint8_t { Note, Warning, Error };

enum class DiagId : uint16_t {
#define PORTALIS_DIAG(Id, Sev, Cat) Id,
#include "base/diagnostics.def"
#undef PORTALIS_DIAG
  Count
};

std::string_view diag_name(DiagId id);
std::string_view diag_category(DiagId id);  // "SyntaxError", "IndentationError", ...
Severity diag_severity(DiagId id);
std::string_view severity_name(Severity s);

struct Diagnostic {
  DiagId id = DiagId::InternalError;
  uint32_t line = 0;    // 1-based; 0 when the whole file is concerned
  uint32_t column = 0;  // 1-based, in characters as CPython reports it; 0 = none
  std::string message;
};

// "FILE:LINE:COL: SyntaxError: MESSAGE", the format every command prints.
std::string format_diagnostic(std::string_view path, const Diagnostic& d);

bool has_errors(const std::vector<Diagnostic>& diags);

}  // namespace portalis
