// User-defined exception classes in static code: hierarchy questions and
// the types of what a handler reads from a caught exception.
//
// A raised instance of a module exception class is the runtime's
// PyException: its class name, its `args`, and as payload the struct of the
// fields its __init__ sets. Which struct that is depends on which class's
// __init__ runs (the "init owner"); a handler for class C can read a field
// only when every class C catches shares one owner, so the payload has one
// Rust type there.
#include "sema/infer_exc.h"

#include <set>

#include "ast/walk.h"

namespace portalis::sema {

namespace {
using ast::Kind;
using ast::kNone;
using ast::NodeId;
namespace fld = ast::fld;

bool builtin_exception_name(std::string_view n) {
  static const std::set<std::string_view> names = {
      "BaseException", "Exception", "ValueError", "KeyError", "IndexError", "TypeError", "ZeroDivisionError",
      "RuntimeError", "ArithmeticError", "LookupError", "AttributeError", "NotImplementedError", "StopIteration",
      "AssertionError", "OverflowError", "NameError"};
  return names.count(n) > 0;
}

// Module classes derived from ci (ci included), by walking every class's bases.
std::vector<uint32_t> family(const TypedModule& tm, uint32_t ci) {
  std::vector<uint32_t> out;
  for (uint32_t d = 0; d < tm.classes.size(); ++d)
    if (exc_derives(tm, d, ci)) out.push_back(d);
  return out;
}
}  // namespace

std::vector<uint32_t> exc_module_bases(const TypedModule& tm, uint32_t ci) {
  const ast::Module& m = *tm.ast;
  std::vector<uint32_t> out;
  for (NodeId bn : m.list_of(tm.classes[ci].node, fld::ClassDef::bases)) {
    if (m.kind(bn) != Kind::Name) continue;
    auto it = tm.class_by_name.find(m.str(m.slot(bn, fld::Name::id)));
    if (it != tm.class_by_name.end() && it->second != ci) out.push_back(it->second);
  }
  return out;
}

bool is_exc_class(const TypedModule& tm, uint32_t ci) {
  const ast::Module& m = *tm.ast;
  std::vector<uint32_t> stack{ci};
  std::set<uint32_t> seen;
  while (!stack.empty()) {
    uint32_t c = stack.back();
    stack.pop_back();
    if (!seen.insert(c).second) continue;
    for (NodeId bn : m.list_of(tm.classes[c].node, fld::ClassDef::bases)) {
      if (m.kind(bn) != Kind::Name) continue;
      std::string_view n = m.str(m.slot(bn, fld::Name::id));
      auto it = tm.class_by_name.find(n);
      if (it != tm.class_by_name.end()) stack.push_back(it->second);
      else if (builtin_exception_name(n)) return true;
    }
  }
  return false;
}

bool exc_derives(const TypedModule& tm, uint32_t sub, uint32_t sup) {
  std::vector<uint32_t> stack{sub};
  std::set<uint32_t> seen;
  while (!stack.empty()) {
    uint32_t c = stack.back();
    stack.pop_back();
    if (c == sup) return true;
    if (!seen.insert(c).second) continue;
    for (uint32_t b : exc_module_bases(tm, c)) stack.push_back(b);
  }
  return false;
}

int exc_init_owner(const TypedModule& tm, uint32_t ci) {
  // Capped: bases are defined before their subclasses, so no cycles, but a
  // malformed module must not recurse without end.
  struct Walk {
    const TypedModule& tm;
    int go(uint32_t c, int depth) {
      if (depth > 64) return -2;
      if (tm.classes[c].methods.count("__init__")) return static_cast<int>(c);
      int found = -1;
      for (uint32_t b : exc_module_bases(tm, c)) {
        int o = go(b, depth + 1);
        if (o == -2) return -2;
        if (o < 0) continue;
        if (found >= 0 && found != o) return -2;
        found = o;
      }
      return found;
    }
  } w{tm};
  return w.go(ci, 0);
}

NodeId exc_super_init_call(const TypedModule& tm, uint32_t init_fn, NodeId stmt) {
  const ast::Module& m = *tm.ast;
  if (m.kind(stmt) != Kind::Expr) return kNone;
  NodeId call = m.slot(stmt, fld::Expr::value);
  if (m.kind(call) != Kind::Call) return kNone;
  NodeId fn = m.slot(call, fld::Call::func);
  if (m.kind(fn) != Kind::Attribute || m.str(m.slot(fn, fld::Attribute::attr)) != "__init__") return kNone;
  NodeId recv = m.slot(fn, fld::Attribute::value);
  if (m.kind(recv) == Kind::Call) {
    // super().__init__(...)
    NodeId sf = m.slot(recv, fld::Call::func);
    if (m.kind(sf) == Kind::Name && m.str(m.slot(sf, fld::Name::id)) == "super" && m.list_of(recv, fld::Call::args).empty())
      return call;
    return kNone;
  }
  if (m.kind(recv) == Kind::Name) {
    // Base.__init__(self, ...): a base of the owning class, self first.
    int cls = tm.funcs[init_fn].cls;
    std::string_view bname = m.str(m.slot(recv, fld::Name::id));
    bool is_base = false;
    for (NodeId bn : m.list_of(tm.classes[static_cast<uint32_t>(cls)].node, fld::ClassDef::bases))
      if (m.kind(bn) == Kind::Name && m.str(m.slot(bn, fld::Name::id)) == bname) is_base = true;
    auto args = m.list_of(call, fld::Call::args);
    auto pos = m.list_of(m.slot(tm.funcs[init_fn].node, fld::FunctionDef::args), fld::arguments::args);
    if (!is_base || args.empty() || pos.empty() || m.kind(args[0]) != Kind::Name ||
        m.str(m.slot(args[0], fld::Name::id)) != m.str(m.slot(pos[0], fld::arg::arg)))
      return kNone;
    return call;
  }
  return kNone;
}

int exc_handler_class(const TypedModule& tm, NodeId handler) {
  const ast::Module& m = *tm.ast;
  NodeId t = m.slot(handler, fld::ExceptHandler::type);
  if (t == kNone || m.kind(t) != Kind::Name) return -1;
  auto it = tm.class_by_name.find(m.str(m.slot(t, fld::Name::id)));
  if (it == tm.class_by_name.end() || !is_exc_class(tm, it->second)) return -1;
  return static_cast<int>(it->second);
}

NodeId exc_binding_handler(const ExcHandlers& hs, std::string_view name) {
  for (auto it = hs.rbegin(); it != hs.rend(); ++it)
    if (it->first == name) return it->second;
  return kNone;
}

TypeId exc_field_type(TypedModule& tm, uint32_t ci, std::string_view field, int* owner) {
  int own = -3;
  for (uint32_t d : family(tm, ci)) {
    int o = exc_init_owner(tm, d);
    if (o < 0 || (own != -3 && own != o)) return Types::kDyn;
    own = o;
  }
  if (own < 0) return Types::kDyn;
  if (owner) *owner = own;
  for (auto& fd : tm.classes[static_cast<uint32_t>(own)].fields)
    if (fd.first == field) return fd.second;
  return Types::kUnknown;  // a store a later round types, or none (the lowering gives up)
}

TypeId exc_args_type(TypedModule& tm, uint32_t ci) {
  const ast::Module& m = *tm.ast;
  Types& T = tm.types;
  TypeId out = Types::kUnknown;
  bool any = false, unknown = false;
  auto add = [&](TypeId t) {
    if (T.has_unknown(t)) unknown = true;
    else if (!any) out = t, any = true;
    else if (out != t) out = Types::kDyn;  // sites disagree: exact types only
  };
  auto tuple_of = [&](std::span<const uint32_t> args, size_t first) {
    std::vector<TypeId> ts;
    for (size_t i = first; i < args.size(); ++i) {
      if (m.kind(args[i]) == Kind::Starred) return Types::kDyn;
      ts.push_back(tm.type_of(args[i]));
    }
    return T.tuple(ts);
  };
  for (uint32_t d : family(tm, ci)) {
    int o = exc_init_owner(tm, d);
    if (o == -2) return Types::kDyn;
    if (o >= 0) {
      uint32_t fi = tm.classes[static_cast<uint32_t>(o)].methods.at("__init__");
      NodeId call = kNone;
      for (NodeId s : m.list_of(tm.funcs[fi].node, fld::FunctionDef::body))
        if (NodeId c = exc_super_init_call(tm, fi, s); c != kNone) call = c;
      if (call == kNone) return Types::kDyn;  // args would be the constructor's: not modelled
      NodeId fn = m.slot(call, fld::Call::func);
      add(tuple_of(m.list_of(call, fld::Call::args), m.kind(m.slot(fn, fld::Attribute::value)) == Kind::Name ? 1 : 0));
      continue;
    }
    // No __init__: args are what each construction passes.
    bool keywords = false;
    ast::walk(m, m.root(), [&](NodeId n) {
      if (m.kind(n) == Kind::Call) {
        NodeId fn = m.slot(n, fld::Call::func);
        if (m.kind(fn) != Kind::Name || m.str(m.slot(fn, fld::Name::id)) != tm.classes[d].name) return;
        if (!m.list_of(n, fld::Call::keywords).empty()) keywords = true;
        add(tuple_of(m.list_of(n, fld::Call::args), 0));
      } else if (m.kind(n) == Kind::Raise) {
        NodeId x = m.slot(n, fld::Raise::exc);
        if (x != kNone && m.kind(x) == Kind::Name && m.str(m.slot(x, fld::Name::id)) == tm.classes[d].name) add(T.tuple({}));
      }
    });
    if (keywords) return Types::kDyn;
  }
  if (unknown) return Types::kUnknown;
  return any ? out : Types::kDyn;
}

TypeId exc_attr_type(TypedModule& tm, const ExcHandlers& hs, NodeId attr) {
  const ast::Module& m = *tm.ast;
  NodeId base = m.slot(attr, fld::Attribute::value);
  if (m.kind(base) != Kind::Name) return Types::kDyn;
  NodeId h = exc_binding_handler(hs, m.str(m.slot(base, fld::Name::id)));
  if (h == kNone) return Types::kDyn;
  int ci = exc_handler_class(tm, h);
  if (ci < 0) return Types::kDyn;
  std::string_view name = m.str(m.slot(attr, fld::Attribute::attr));
  if (name == "args") return exc_args_type(tm, static_cast<uint32_t>(ci));
  TypeId t = exc_field_type(tm, static_cast<uint32_t>(ci), name, nullptr);
  return t;
}

NodeId exc_type_name_arg(const ast::Module& m, NodeId attr) {
  if (m.str(m.slot(attr, fld::Attribute::attr)) != "__name__") return kNone;
  NodeId v = m.slot(attr, fld::Attribute::value);
  if (m.kind(v) != Kind::Call) return kNone;
  NodeId f = m.slot(v, fld::Call::func);
  if (m.kind(f) != Kind::Name || m.str(m.slot(f, fld::Name::id)) != "type" || m.list_of(v, fld::Call::args).size() != 1 ||
      !m.list_of(v, fld::Call::keywords).empty())
    return kNone;
  return m.list_of(v, fld::Call::args)[0];
}

}  // namespace portalis::sema
