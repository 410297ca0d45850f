#include "lex/token.h"

#include <array>

namespace portalis::lex {
namespace {
struct KindInfo {
  std::string_view name;
  std::string_view spelling;
};
constexpr std::array<KindInfo, static_cast<size_t>(TokenKind::Count)> kKinds = {{
#define PORTALIS_TOKEN(Kind, Spelling) {#Kind, Spelling},
#include "lex/token_kinds.def"
#undef PORTALIS_TOKEN
}};
}  // namespace

std::string_view token_kind_name(TokenKind k) { return kKinds[static_cast<size_t>(k)].name; }
std::string_view token_kind_spelling(TokenKind k) { return kKinds[static_cast<size_t>(k)].spelling; }

}  // namespace portalis::lex
