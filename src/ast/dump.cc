#include "ast/dump.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace portalis::ast {
namespace {

struct Range {
  uint32_t lo, hi;
};
constexpr Range kPrintable[] = {
#include "ast/printable.inc"
};

bool is_printable(uint32_t cp) {
  if (cp < 0x7F) return cp >= 0x20;
  const Range* end = kPrintable + sizeof(kPrintable) / sizeof(kPrintable[0]);
  const Range* r = std::upper_bound(kPrintable, end, cp, [](uint32_t v, const Range& x) { return v < x.lo; });
  if (r == kPrintable) return false;
  --r;
  return cp >= r->lo && cp <= r->hi;
}

// Decodes one code point of WTF-8 at s[i]; returns its length (1 for an
// invalid byte, which is then reported as that byte's value).
size_t decode_cp(std::string_view s, size_t i, uint32_t* cp) {
  unsigned char c = s[i];
  if (c < 0x80) { *cp = c; return 1; }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) { *cp = c; return 1; }
  uint32_t v = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *cp = v;
  return n;
}

const char kHex[] = "0123456789abcdef";

void append_hex(std::string* out, uint32_t v, int digits) {
  for (int k = digits - 1; k >= 0; --k) out->push_back(kHex[(v >> (4 * k)) & 0xF]);
}

void append_uint(std::string* out, uint64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

void append_int(std::string* out, int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

}  // namespace

void repr_str(std::string_view s, std::string* out) {
  bool has_sq = s.find('\'') != std::string_view::npos;
  bool has_dq = s.find('"') != std::string_view::npos;
  char quote = has_sq && !has_dq ? '"' : '\'';
  out->push_back(quote);
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c >= 0x20 && c < 0x7F) {
      if (c == quote || c == '\\') out->push_back('\\');
      out->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    uint32_t cp;
    size_t n = decode_cp(s, i, &cp);
    if (cp == '\t') out->append("\\t");
    else if (cp == '\n') out->append("\\n");
    else if (cp == '\r') out->append("\\r");
    else if (is_printable(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) out->append(s.substr(i, n));
    else if (cp < 0x100) { out->append("\\x"); append_hex(out, cp, 2); }
    else if (cp < 0x10000) { out->append("\\u"); append_hex(out, cp, 4); }
    else { out->append("\\U"); append_hex(out, cp, 8); }
    i += n;
  }
  out->push_back(quote);
}

void repr_bytes(std::string_view s, std::string* out) {
  bool has_sq = s.find('\'') != std::string_view::npos;
  bool has_dq = s.find('"') != std::string_view::npos;
  char quote = has_sq && !has_dq ? '"' : '\'';
  out->push_back('b');
  out->push_back(quote);
  for (unsigned char c : s) {
    if (c == quote || c == '\\') { out->push_back('\\'); out->push_back(static_cast<char>(c)); }
    else if (c == '\t') out->append("\\t");
    else if (c == '\n') out->append("\\n");
    else if (c == '\r') out->append("\\r");
    else if (c < 0x20 || c >= 0x7F) { out->append("\\x"); append_hex(out, c, 2); }
    else out->push_back(static_cast<char>(c));
  }
  out->push_back(quote);
}

namespace {
// Python's float_repr_style 'short' layout. add_dot_0: floats print '100.0',
// complex parts print '100'.
void format_double(double v, bool add_dot_0, std::string* out) {
  if (std::isnan(v)) { out->append("nan"); return; }
  if (std::isinf(v)) { out->append(v < 0 ? "-inf" : "inf"); return; }
  if (v == 0) { out->append(std::signbit(v) ? "-0" : "0"); if (add_dot_0) out->append(".0"); return; }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view sci(buf, r.ptr - buf);
  // sci: [-]d[.ddd]e[+-]XX
  std::string digits;
  size_t i = 0;
  if (sci[0] == '-') { out->push_back('-'); i = 1; }
  size_t epos = sci.find('e');
  for (size_t k = i; k < epos; ++k)
    if (sci[k] != '.') digits.push_back(sci[k]);
  int exp10 = 0;
  std::from_chars(sci.data() + epos + 1 + (sci[epos + 1] == '+'), sci.data() + sci.size(), exp10);
  int decpt = exp10 + 1;  // value = 0.DIGITS * 10^decpt
  int nd = static_cast<int>(digits.size());
  if (decpt <= -4 || decpt > 16) {
    out->push_back(digits[0]);
    if (nd > 1) { out->push_back('.'); out->append(digits, 1, std::string::npos); }
    out->push_back('e');
    int e = decpt - 1;
    out->push_back(e < 0 ? '-' : '+');
    if (e < 0) e = -e;
    if (e < 10) out->push_back('0');
    append_int(out, e);
  } else if (decpt <= 0) {
    out->append("0.");
    out->append(static_cast<size_t>(-decpt), '0');
    out->append(digits);
  } else if (decpt >= nd) {
    out->append(digits);
    out->append(static_cast<size_t>(decpt - nd), '0');
    if (add_dot_0) out->append(".0");
  } else {
    out->append(digits, 0, decpt);
    out->push_back('.');
    out->append(digits, decpt, std::string::npos);
  }
}
}  // namespace

void repr_float(double v, std::string* out) { format_double(v, true, out); }

void repr_imag(double imag, std::string* out) {
  format_double(imag, false, out);
  out->push_back('j');
}

void repr_constant(const Constant& c, std::string* out) {
  switch (c.tag) {
    case Constant::Tag::None: out->append("None"); break;
    case Constant::Tag::True: out->append("True"); break;
    case Constant::Tag::False: out->append("False"); break;
    case Constant::Tag::Ellipsis: out->append("Ellipsis"); break;
    case Constant::Tag::Int: out->append(c.text); break;
    case Constant::Tag::Float: repr_float(c.number, out); break;
    case Constant::Tag::Complex: repr_imag(c.number, out); break;
    case Constant::Tag::Str: repr_str(c.text, out); break;
    case Constant::Tag::Bytes: repr_bytes(c.text, out); break;
  }
}

namespace {

class Dumper {
 public:
  Dumper(const Module& m, std::string* out) : m_(m), out_(out) {}

  void node(NodeId id) {
    if (id == kNone) { out_->append("None"); return; }
    Kind k = m_.kind(id);
    const KindInfo& info = kind_info(k);
    out_->append(info.name);
    out_->push_back('(');
    bool first = true;
    auto sep = [&](std::string_view name) {
      if (!first) out_->append(", ");
      first = false;
      out_->append(name);
      out_->push_back('=');
    };
    auto fields = fields_of(k);
    for (uint32_t f = 0; f < fields.size(); ++f) {
      const FieldInfo& fi = fields[f];
      uint32_t v = m_.slot(id, f);
      switch (fi.type) {
        case FieldType::Node: sep(fi.name); node(v); break;
        case FieldType::OptNode:
          if (v != kNone) { sep(fi.name); node(v); }
          break;
        case FieldType::List:
        case FieldType::OptNodeList: {
          sep(fi.name);
          out_->push_back('[');
          bool f2 = true;
          for (uint32_t item : m_.list(v)) {
            if (!f2) out_->append(", ");
            f2 = false;
            node(item);
          }
          out_->push_back(']');
          break;
        }
        case FieldType::Ident: sep(fi.name); repr_str(m_.str(v), out_); break;
        case FieldType::OptIdent:
        case FieldType::OptStr:
          if (v != kNone) { sep(fi.name); repr_str(m_.str(v), out_); }
          break;
        case FieldType::IdentList: {
          sep(fi.name);
          out_->push_back('[');
          bool f2 = true;
          for (uint32_t item : m_.list(v)) {
            if (!f2) out_->append(", ");
            f2 = false;
            repr_str(m_.str(item), out_);
          }
          out_->push_back(']');
          break;
        }
        case FieldType::Const: sep(fi.name); repr_constant(m_.constant(v), out_); break;
        case FieldType::Int: sep(fi.name); append_int(out_, static_cast<int32_t>(v)); break;
        case FieldType::Op: sep(fi.name); singleton(v); break;
        case FieldType::OpList: {
          sep(fi.name);
          out_->push_back('[');
          bool f2 = true;
          for (uint32_t item : m_.list(v)) {
            if (!f2) out_->append(", ");
            f2 = false;
            singleton(item);
          }
          out_->push_back(']');
          break;
        }
      }
    }
    if (info.has_attributes) {
      const Pos& p = m_.pos(id);
      sep("lineno"); append_uint(out_, p.lineno);
      sep("col_offset"); append_uint(out_, p.col_offset);
      sep("end_lineno"); append_uint(out_, p.end_lineno);
      sep("end_col_offset"); append_uint(out_, p.end_col_offset);
    }
    out_->push_back(')');
  }

  void singleton(uint32_t kind) {
    out_->append(kind_name(static_cast<Kind>(kind)));
    out_->append("()");
  }

 private:
  const Module& m_;
  std::string* out_;
};

}  // namespace

void dump(const Module& m, std::string* out) {
  Dumper d(m, out);
  d.node(m.root());
}

std::string dump(const Module& m) {
  std::string out;
  out.reserve(m.node_count() * 96);
  dump(m, &out);
  return out;
}

}  // namespace portalis::ast
