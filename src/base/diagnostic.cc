#include "base/diagnostic.h"

#include <array>

namespace portalis {
namespace {
struct DiagInfo {
  std::string_view name;
  std::string_view category;
  Severity severity;
};
constexpr std::array<DiagInfo, static_cast<size_t>(DiagId::Count)> kDiags = {{
#define PORTALIS_DIAG(Id, Sev, Cat) {#Id, Cat, Severity::Sev},
#include "base/diagnostics.def"
#undef PORTALIS_DIAG
}};
}  // namespace

std::string_view diag_name(DiagId id) { return kDiags[static_cast<size_t>(id)].name; }
std::string_view diag_category(DiagId id) { return kDiags[static_cast<size_t>(id)].category; }
Severity diag_severity(DiagId id) { return kDiags[static_cast<size_t>(id)].severity; }

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::string format_diagnostic(std::string_view path, const Diagnostic& d) {
  std::string out(path);
  out += ':';
  out += std::to_string(d.line);
  out += ':';
  out += std::to_string(d.column);
  out += ": ";
  out += diag_category(d.id);
  out += ": ";
  out += d.message;
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags)
    if (diag_severity(d.id) == Severity::Error) return true;
  return false;
}

}  // namespace portalis
