// Builds a ModuleSummary from a parsed module: what other modules may see of
// it (imports, top-level functions, classes, globals) and nothing more.
#include "index/summary.h"

#include <algorithm>
#include <set>

#include "index/unparse.h"

namespace portalis::index {
namespace {

using ast::Kind;
using ast::NodeId;
namespace fld = ast::fld;

// Statement nesting at module level is shallow; deeper is ignored, not crashed on.
constexpr int kMaxStmtDepth = 64;

bool is_name(const ast::Module& m, NodeId id, std::string_view name) {
  return id != ast::kNone && m.kind(id) == Kind::Name && m.str(m.slot(id, fld::Name::id)) == name;
}

// The last dotted component of a decorator or base: `functools.wraps(f)` -> "wraps".
std::string_view tail_name(const ast::Module& m, NodeId id) {
  if (id == ast::kNone) return {};
  switch (m.kind(id)) {
    case Kind::Name: return m.str(m.slot(id, fld::Name::id));
    case Kind::Attribute: return m.str(m.slot(id, fld::Attribute::attr));
    case Kind::Call: return tail_name(m, m.slot(id, fld::Call::func));
    default: return {};
  }
}

// `if __name__ == "__main__":` (either operand order).
bool is_main_guard(const ast::Module& m, NodeId stmt) {
  if (m.kind(stmt) != Kind::If) return false;
  NodeId test = m.slot(stmt, fld::If::test);
  if (m.kind(test) != Kind::Compare) return false;
  auto ops = m.list_of(test, fld::Compare::ops);
  auto rhs = m.list_of(test, fld::Compare::comparators);
  if (ops.size() != 1 || rhs.size() != 1 || static_cast<Kind>(ops[0]) != Kind::Eq) return false;
  auto is_main_str = [&](NodeId id) {
    return m.kind(id) == Kind::Constant && m.constant(m.slot(id, fld::Constant::value)).tag == ast::Constant::Tag::Str &&
           m.constant(m.slot(id, fld::Constant::value)).text == "__main__";
  };
  NodeId lhs = m.slot(test, fld::Compare::left);
  return (is_name(m, lhs, "__name__") && is_main_str(rhs[0])) || (is_name(m, rhs[0], "__name__") && is_main_str(lhs));
}

// Pre-order walk of every node under `root` in field order (source order),
// not entering nested scopes (functions, lambdas, classes) below the root.
// Explicit stack: no recursion on deep expressions.
template <class Visit>
void walk_scope(const ast::Module& m, NodeId root, Visit&& visit) {
  std::vector<NodeId> stack{root};
  bool at_root = true;
  while (!stack.empty()) {
    NodeId id = stack.back();
    stack.pop_back();
    Kind k = m.kind(id);
    if (ast::kind_info(k).singleton) continue;
    visit(id);
    if (!at_root && (k == Kind::FunctionDef || k == Kind::AsyncFunctionDef || k == Kind::Lambda || k == Kind::ClassDef))
      continue;
    at_root = false;
    // Children pushed in reverse so they pop in field order.
    auto fields = ast::fields_of(k);
    std::vector<NodeId> kids;
    for (uint32_t f = 0; f < fields.size(); ++f) {
      uint32_t v = m.slot(id, f);
      if (v == ast::kNone) continue;
      switch (fields[f].type) {
        case ast::FieldType::Node:
        case ast::FieldType::OptNode: kids.push_back(v); break;
        case ast::FieldType::List:
        case ast::FieldType::OptNodeList:
          for (uint32_t item : m.list(v))
            if (item != ast::kNone) kids.push_back(item);
          break;
        default: break;
      }
    }
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
}

// Walks the statements of a body (a function's), skipping nested scopes.
template <class Visit>
void walk_body(const ast::Module& m, std::span<const uint32_t> body, Visit&& visit) {
  for (NodeId s : body) {
    Kind k = m.kind(s);
    if (k == Kind::FunctionDef || k == Kind::AsyncFunctionDef || k == Kind::ClassDef) {
      visit(s);  // the def itself (its decorators/defaults are evaluated here, its body is not)
      continue;
    }
    walk_scope(m, s, visit);
  }
}

void add_param(const ast::Module& m, NodeId arg, ParamKind kind, bool has_default, std::vector<Param>& out) {
  Param p;
  p.name = std::string(m.str(m.slot(arg, fld::arg::arg)));
  p.annotation = unparse_expr(m, m.slot(arg, fld::arg::annotation));
  p.kind = kind;
  p.has_default = has_default;
  out.push_back(std::move(p));
}

FunctionSig function_sig(const ast::Module& m, NodeId def) {
  const bool is_async = m.kind(def) == Kind::AsyncFunctionDef;
  // FunctionDef and AsyncFunctionDef share the field layout.
  FunctionSig sig;
  sig.name = std::string(m.str(m.slot(def, fld::FunctionDef::name)));
  sig.line = m.pos(def).lineno;
  sig.returns = unparse_expr(m, m.slot(def, fld::FunctionDef::returns));
  if (is_async) sig.flags |= kFnAsync;

  NodeId args = m.slot(def, fld::FunctionDef::args);
  auto posonly = m.list_of(args, fld::arguments::posonlyargs);
  auto normal = m.list_of(args, fld::arguments::args);
  const size_t n_defaults = m.list_of(args, fld::arguments::defaults).size();
  const size_t n_positional = posonly.size() + normal.size();
  size_t i = 0;
  for (NodeId a : posonly) add_param(m, a, ParamKind::PosOnly, i++ + n_defaults >= n_positional, sig.params);
  for (NodeId a : normal) add_param(m, a, ParamKind::Normal, i++ + n_defaults >= n_positional, sig.params);
  if (NodeId v = m.slot(args, fld::arguments::vararg); v != ast::kNone) add_param(m, v, ParamKind::VarArgs, false, sig.params);
  auto kwonly = m.list_of(args, fld::arguments::kwonlyargs);
  auto kw_defaults = m.list_of(args, fld::arguments::kw_defaults);
  for (size_t k = 0; k < kwonly.size(); ++k)
    add_param(m, kwonly[k], ParamKind::KwOnly, k < kw_defaults.size() && kw_defaults[k] != ast::kNone, sig.params);
  if (NodeId v = m.slot(args, fld::arguments::kwarg); v != ast::kNone) add_param(m, v, ParamKind::KwArgs, false, sig.params);

  for (NodeId d : m.list_of(def, fld::FunctionDef::decorator_list)) {
    std::string_view name = tail_name(m, d);
    if (m.kind(d) == Kind::Name && name == "staticmethod") sig.flags |= kFnStaticMethod;
    else if (m.kind(d) == Kind::Name && name == "classmethod") sig.flags |= kFnClassMethod;
    else if (m.kind(d) == Kind::Name && name == "property") sig.flags |= kFnProperty;
    else sig.flags |= kFnDecorated;
  }
  walk_body(m, m.list_of(def, fld::FunctionDef::body), [&](NodeId id) {
    Kind k = m.kind(id);
    if (k == Kind::Yield || k == Kind::YieldFrom) sig.flags |= kFnGenerator;
  });
  return sig;
}

void push_unique(std::vector<std::string>& names, std::set<std::string, std::less<>>& seen, std::string_view name) {
  if (seen.insert(std::string(name)).second) names.emplace_back(name);
}

// Names bound by an assignment target: a, (a, b), [a, *b].
void target_names(const ast::Module& m, NodeId target, std::vector<std::string>& out, std::set<std::string, std::less<>>& seen,
                  int depth = 0) {
  if (target == ast::kNone || depth > kMaxStmtDepth) return;
  switch (m.kind(target)) {
    case Kind::Name: push_unique(out, seen, m.str(m.slot(target, fld::Name::id))); break;
    case Kind::Starred: target_names(m, m.slot(target, fld::Starred::value), out, seen, depth + 1); break;
    case Kind::Tuple:
      for (NodeId e : m.list_of(target, fld::Tuple::elts)) target_names(m, e, out, seen, depth + 1);
      break;
    case Kind::List:
      for (NodeId e : m.list_of(target, fld::List::elts)) target_names(m, e, out, seen, depth + 1);
      break;
    default: break;
  }
}

bool looks_like_exception(std::string_view base) {
  auto ends_with = [&](std::string_view s) { return base.size() >= s.size() && base.substr(base.size() - s.size()) == s; };
  return ends_with("Exception") || ends_with("Error") || ends_with("Warning") || base == "BaseException" ||
         ends_with("Interrupt") || ends_with("Exit") || ends_with("StopIteration");
}

ClassSummary class_summary(const ast::Module& m, NodeId def, const std::set<std::string, std::less<>>& local_exceptions) {
  ClassSummary cls;
  cls.name = std::string(m.str(m.slot(def, fld::ClassDef::name)));
  cls.line = m.pos(def).lineno;
  for (NodeId b : m.list_of(def, fld::ClassDef::bases)) {
    cls.bases.push_back(unparse_expr(m, b));
    std::string_view tail = tail_name(m, b);
    if (looks_like_exception(tail) || local_exceptions.count(tail)) cls.flags |= kClsException;
  }
  for (NodeId d : m.list_of(def, fld::ClassDef::decorator_list))
    if (tail_name(m, d) == "dataclass") cls.flags |= kClsDataclass;

  std::set<std::string, std::less<>> seen;
  auto body = m.list_of(def, fld::ClassDef::body);
  for (NodeId s : body)
    if (m.kind(s) == Kind::AnnAssign && m.kind(m.slot(s, fld::AnnAssign::target)) == Kind::Name)
      push_unique(cls.fields, seen, m.str(m.slot(m.slot(s, fld::AnnAssign::target), fld::Name::id)));
  std::set<std::string, std::less<>> method_names;
  for (NodeId s : body) {
    Kind k = m.kind(s);
    if (k != Kind::FunctionDef && k != Kind::AsyncFunctionDef) continue;
    FunctionSig sig = function_sig(m, s);
    // `self` is whatever the first parameter of an instance method is called.
    if (!(sig.flags & (kFnStaticMethod | kFnClassMethod)) && !sig.params.empty() && sig.params[0].kind != ParamKind::VarArgs) {
      const std::string self = sig.params[0].name;
      walk_body(m, m.list_of(s, fld::FunctionDef::body), [&](NodeId id) {
        if (m.kind(id) != Kind::Attribute || static_cast<Kind>(m.slot(id, fld::Attribute::ctx)) != Kind::Store) return;
        if (is_name(m, m.slot(id, fld::Attribute::value), self))
          push_unique(cls.fields, seen, m.str(m.slot(id, fld::Attribute::attr)));
      });
    }
    // A property's setter redefines the name; the first definition speaks for it.
    if (method_names.insert(sig.name).second) cls.methods.push_back(std::move(sig));
  }
  return cls;
}

struct Builder {
  const ast::Module& m;
  ModuleSummary& out;
  std::vector<std::string> package_parts;  // the package `from . import` resolves against
  std::set<std::string, std::less<>> seen_functions, seen_classes, seen_globals;
  std::set<std::string, std::less<>> local_exceptions;

  std::string resolve(std::string_view module, uint32_t level) const {
    if (level == 0) return std::string(module);
    std::string base;
    // Level 1 is this package; every further level drops one component.
    size_t keep = package_parts.size() >= level - 1 ? package_parts.size() - (level - 1) : 0;
    for (size_t i = 0; i < keep; ++i) {
      if (i) base += '.';
      base += package_parts[i];
    }
    if (!module.empty()) {
      if (!base.empty()) base += '.';
      base += module;
    }
    return base;
  }

  // Whether a statement does more than define things (makes the module a program).
  static bool is_definition_like(Kind k) {
    switch (k) {
      case Kind::Import: case Kind::ImportFrom: case Kind::FunctionDef: case Kind::AsyncFunctionDef:
      case Kind::ClassDef: case Kind::Assign: case Kind::AnnAssign: case Kind::AugAssign:
      case Kind::Pass: case Kind::Global: case Kind::If: case Kind::Try: case Kind::TryStar:
        return true;
      default: return false;
    }
  }

  void statements(std::span<const uint32_t> body, int depth, bool top) {
    if (depth > kMaxStmtDepth) return;
    bool first = true;
    for (NodeId s : body) {
      statement(s, depth, top && first);
      first = false;
    }
  }

  void statement(NodeId s, int depth, bool may_be_docstring) {
    Kind k = m.kind(s);
    switch (k) {
      case Kind::Import:
        for (NodeId a : m.list_of(s, fld::Import::names)) {
          ImportEntry e;
          e.module = std::string(m.str(m.slot(a, fld::alias::name)));
          if (ast::StrId as = m.slot(a, fld::alias::asname); as != ast::kNone) e.asname = std::string(m.str(as));
          out.imports.push_back(std::move(e));
        }
        return;
      case Kind::ImportFrom: {
        ast::StrId mod = m.slot(s, fld::ImportFrom::module);
        uint32_t level = m.slot(s, fld::ImportFrom::level);
        std::string resolved = resolve(mod == ast::kNone ? std::string_view{} : m.str(mod), level == ast::kNone ? 0 : level);
        for (NodeId a : m.list_of(s, fld::ImportFrom::names)) {
          ImportEntry e;
          e.module = resolved;
          e.name = std::string(m.str(m.slot(a, fld::alias::name)));
          if (ast::StrId as = m.slot(a, fld::alias::asname); as != ast::kNone) e.asname = std::string(m.str(as));
          e.level = level == ast::kNone ? 0 : level;
          out.imports.push_back(std::move(e));
        }
        return;
      }
      case Kind::FunctionDef:
      case Kind::AsyncFunctionDef: {
        FunctionSig sig = function_sig(m, s);
        if (seen_functions.insert(sig.name).second) out.functions.push_back(std::move(sig));
        return;
      }
      case Kind::ClassDef: {
        ClassSummary cls = class_summary(m, s, local_exceptions);
        if (cls.flags & kClsException) local_exceptions.insert(cls.name);
        if (seen_classes.insert(cls.name).second) out.classes.push_back(std::move(cls));
        return;
      }
      case Kind::Assign:
        for (NodeId t : m.list_of(s, fld::Assign::targets)) target_names(m, t, out.globals, seen_globals);
        return;
      case Kind::AnnAssign: target_names(m, m.slot(s, fld::AnnAssign::target), out.globals, seen_globals); return;
      case Kind::AugAssign: target_names(m, m.slot(s, fld::AugAssign::target), out.globals, seen_globals); return;
      case Kind::If:
        if (is_main_guard(m, s)) {
          out.is_program = true;
          return;  // the program's body is not part of the module's interface
        }
        statements(m.list_of(s, fld::If::body), depth + 1, false);
        statements(m.list_of(s, fld::If::orelse), depth + 1, false);
        return;
      case Kind::Try:
      case Kind::TryStar:  // same layout as Try
        statements(m.list_of(s, fld::Try::body), depth + 1, false);
        for (NodeId h : m.list_of(s, fld::Try::handlers)) statements(m.list_of(h, fld::ExceptHandler::body), depth + 1, false);
        statements(m.list_of(s, fld::Try::orelse), depth + 1, false);
        statements(m.list_of(s, fld::Try::finalbody), depth + 1, false);
        return;
      case Kind::Expr: {
        NodeId v = m.slot(s, fld::Expr::value);
        bool inert = m.kind(v) == Kind::Constant &&
                     (m.constant(m.slot(v, fld::Constant::value)).tag == ast::Constant::Tag::Str ||
                      m.constant(m.slot(v, fld::Constant::value)).tag == ast::Constant::Tag::Ellipsis);
        (void)may_be_docstring;
        if (!inert) out.is_program = true;
        return;
      }
      default:
        if (!is_definition_like(k)) out.is_program = true;
        if (k == Kind::For || k == Kind::AsyncFor) target_names(m, m.slot(s, fld::For::target), out.globals, seen_globals);
        return;
    }
  }
};

}  // namespace

ModuleSummary summarize(const ast::Module& module, std::string_view module_name, std::string_view path, bool is_package) {
  ModuleSummary out;
  out.module_name = std::string(module_name);
  out.path = std::string(path);
  out.is_package = is_package;
  Builder b{module, out, {}, {}, {}, {}, {}};
  // A package resolves `.` to itself; a plain module to its parent package.
  size_t start = 0;
  while (start <= module_name.size() && !module_name.empty()) {
    size_t dot = module_name.find('.', start);
    b.package_parts.emplace_back(module_name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (!is_package && !b.package_parts.empty()) b.package_parts.pop_back();
  if (module.root() == ast::kNone) return out;
  b.statements(module.list_of(module.root(), fld::Module::body), 0, true);
  return out;
}

void GlobalIndex::add(ModuleSummary summary) {
  auto record = [&](const ModuleSummary& s, bool on) {
    for (const ImportEntry& imp : s.imports) {
      std::string targets[2] = {imp.module, imp.name.empty() ? std::string() : imp.module + "." + imp.name};
      for (const std::string& t : targets) {
        if (t.empty()) continue;
        if (on) importers_[t].insert(s.module_name);
        else if (auto it = importers_.find(t); it != importers_.end()) it->second.erase(s.module_name);
      }
    }
  };
  if (auto old = modules_.find(summary.module_name); old != modules_.end()) record(old->second, false);
  record(summary, true);
  std::string key = summary.module_name;
  modules_.insert_or_assign(std::move(key), std::move(summary));
}

bool GlobalIndex::imported_by_other(std::string_view module_name) const {
  auto it = importers_.find(module_name);
  if (it == importers_.end()) return false;
  for (const std::string& m : it->second)
    if (m != module_name) return true;
  return false;
}

const ModuleSummary* GlobalIndex::find(std::string_view module_name) const {
  auto it = modules_.find(module_name);
  return it == modules_.end() ? nullptr : &it->second;
}

std::string module_name_for_path(std::string_view relative_path) {
  std::string p(relative_path);
  std::replace(p.begin(), p.end(), '\\', '/');
  while (p.rfind("./", 0) == 0) p.erase(0, 2);
  if (p.size() >= 3 && p.compare(p.size() - 3, 3, ".py") == 0) p.resize(p.size() - 3);
  const std::string init = "__init__";
  if (p == init) return "";
  if (p.size() > init.size() && p.compare(p.size() - init.size() - 1, init.size() + 1, "/" + init) == 0)
    p.resize(p.size() - init.size() - 1);
  std::replace(p.begin(), p.end(), '/', '.');
  return p;
}

}  // namespace portalis::index
