#include "parse/unicode_names.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace portalis::parse {
namespace {

#include "parse/unicode_names.inc"

// Offsets of each name in kUnicodeNameText, built once on first use.
const std::vector<uint32_t>& name_offsets() {
  static const std::vector<uint32_t> offsets = [] {
    std::vector<uint32_t> v;
    v.reserve(PORTALIS_UNICODE_NAME_COUNT);
    uint32_t start = 0;
    for (uint32_t i = 0; i + 1 < sizeof(kUnicodeNameText); ++i) {
      if (kUnicodeNameText[i] == '\n') {
        v.push_back(start);
        start = i + 1;
      }
    }
    return v;
  }();
  return offsets;
}

std::string_view name_at(uint32_t off) {
  const char* s = kUnicodeNameText + off;
  return std::string_view(s, std::strchr(s, '\n') - s);
}

// Hangul syllable names are composed from jamo short names (Unicode ch. 3.12).
const char* const kL[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
const char* const kV[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
const char* const kT[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

bool lookup_hangul(std::string_view rest, uint32_t* cp) {
  // Greedy longest matches can mis-split, so try every (L, V, T) split.
  for (int l = 0; l < 19; ++l) {
    std::string_view ls = kL[l];
    if (rest.substr(0, ls.size()) != ls) continue;
    std::string_view r1 = rest.substr(ls.size());
    for (int v = 0; v < 21; ++v) {
      std::string_view vs = kV[v];
      if (r1.substr(0, vs.size()) != vs) continue;
      std::string_view r2 = r1.substr(vs.size());
      for (int t = 0; t < 28; ++t) {
        if (r2 == kT[t]) {
          *cp = 0xAC00 + (l * 21 + v) * 28 + t;
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace

bool lookup_unicode_name(std::string_view raw, uint32_t* cp) {
  std::string name(raw);
  for (char& c : name)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  if (name.compare(0, kHangul.size(), kHangul) == 0 && lookup_hangul(std::string_view(name).substr(kHangul.size()), cp))
    return true;
  for (const auto& fam : kUnicodeHexFamilies) {
    size_t pl = std::strlen(fam.prefix);
    if (name.compare(0, pl, fam.prefix) != 0) continue;
    std::string hex = name.substr(pl);
    if (hex.size() < 4 || hex.size() > 5) continue;
    char* end = nullptr;
    unsigned long v = std::strtoul(hex.c_str(), &end, 16);
    if (*end != 0) continue;
    if (v >= fam.lo && v <= fam.hi) {
      *cp = static_cast<uint32_t>(v);
      return true;
    }
  }
  const auto& offs = name_offsets();
  auto it = std::lower_bound(offs.begin(), offs.end(), name,
                             [](uint32_t off, const std::string& n) { return name_at(off) < std::string_view(n); });
  if (it != offs.end() && name_at(*it) == name) {
    *cp = kUnicodeNameCps[it - offs.begin()];
    return true;
  }
  return false;
}

}  // namespace portalis::parse
