// Type inference by iteration to a fixed point over the module's functions,
// then a placement pass that decides where each variable's `let` goes.
#include "sema/infer.h"

#include "index/summary.h"
#include "sema/infer_exc.h"
#include "sema/infer_int.h"
#include "sema/infer_num.h"
#include "sema/infer_optional.h"
#include "sema/infer_inherit.h"
#include "sema/infer_specialize.h"
#include "sema/infer_math.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <set>

namespace portalis::sema {

namespace {
using ast::Kind;
using ast::kNone;
using ast::NodeId;
namespace fld = ast::fld;

constexpr BuiltinInfo kBuiltins[] = {
#define PORTALIS_BUILTIN(Recv, Py, Result, How, Rust) \
  {BuiltinRecv::Recv, #Py, BuiltinResult::Result, BuiltinHow::How, Rust},
#include "sema/builtins.def"
};

bool is_mutating_method(std::string_view m) {
  return m == "append" || m == "pop" || m == "extend" || m == "insert" || m == "sort" || m == "reverse" ||
         m == "clear" || m == "remove" || m == "add" || m == "discard" || m == "update" || m == "setdefault" ||
         m == "popitem";
}

class Inferer {
 public:
  Inferer(const ast::Module& m, std::string_view module_name) : m_(m), T(tm_.types) {
    tm_.ast = &m;
    tm_.expr_type.assign(m.node_count(), Types::kUnknown);
    tm_.owner.assign(m.node_count(), 0);
    tm_.for_binds.assign(m.node_count(), 0);
    (void)module_name;
  }

  TypedModule run() {
    collect();
    for (int round = 0; round < 8; ++round) {
      changed_ = false;
      for (uint32_t f = 0; f < tm_.funcs.size(); ++f) walk_function(f);
      if (!changed_) break;
    }
    // Whatever is still unknown cannot be typed statically.
    for (Function& f : tm_.funcs) {
      for (Var& v : f.vars)
        if (T.has_unknown(v.type)) v.type = settle(v.type);
      if (T.has_unknown(f.ret)) f.ret = f.ret == Types::kUnknown ? Types::kNone : settle(f.ret);
    }
    for (Function& f : tm_.lambdas) {
      for (Var& v : f.vars)
        if (T.has_unknown(v.type)) v.type = settle(v.type);
      if (T.has_unknown(f.ret)) f.ret = settle(f.ret);
    }
    for (ClassInfo& c : tm_.classes)
      for (auto& fd : c.fields)
        if (T.has_unknown(fd.second)) fd.second = settle(fd.second);
    for (uint32_t f = 0; f < tm_.funcs.size(); ++f) place(f);
    for (Function& f : tm_.funcs)  // a `global` name has no `let` in the function
      for (Var& v : f.vars)
        if (v.global_decl) v.decl_block = kNone, v.decl_stmt = kNone;
    return std::move(tm_);
  }

 private:
  // ---------------------------------------------------------------- helpers
  Kind kind(NodeId n) const { return m_.kind(n); }
  uint32_t slot(NodeId n, uint32_t f) const { return m_.slot(n, f); }
  std::span<const uint32_t> list_of(NodeId n, uint32_t f) const { return m_.list_of(n, f); }
  std::string_view ident(NodeId n, uint32_t f) const { return m_.str(m_.slot(n, f)); }

  TypeId settle(TypeId t) {
    if (t == Types::kUnknown) return Types::kDyn;
    TypeRec r = T.get(t);
    for (TypeId& a : r.args) a = settle(a);
    return T.intern(r);
  }

  void unsupported(uint32_t f, NodeId n, std::string what) {
    for (auto& u : tm_.funcs[f].unsupported)
      if (u.first == n) return;
    tm_.funcs[f].unsupported.emplace_back(n, std::move(what));
  }

  // ---------------------------------------------------------------- collect
  void collect() {
    Function body;
    body.name = "main";
    tm_.funcs.push_back(std::move(body));
    NodeId root = m_.root();
    for (NodeId s : list_of(root, fld::Module::body))  // aliases first: signatures use them
      if (is_type_alias_stmt(m_, s)) aliases_[std::string(ident(list_of(s, fld::Assign::targets)[0], fld::Name::id))] = slot(s, fld::Assign::value);
    for (NodeId s : list_of(root, fld::Module::body)) {
      Kind k = kind(s);
      if (k == Kind::FunctionDef) {
        add_nested(add_function(s, -1));
      } else if (k == Kind::ClassDef) {
        add_class(s);
      } else {
        if (k == Kind::If && is_main_guard(s)) {
          tm_.main_guard = s;
          tm_.is_program = true;
        } else if (!(k == Kind::Import || k == Kind::ImportFrom || k == Kind::Pass ||
                     (k == Kind::Expr && kind(slot(s, fld::Expr::value)) == Kind::Constant))) {
          if (k != Kind::Assign && k != Kind::AnnAssign) tm_.is_program = true;
        }
      }
    }
    // Module-level assignments make a program when anything else runs too;
    // a module of constants only stays a library.
    prescan_assigned(0, list_of(root, fld::Module::body));
  }

  bool is_main_guard(NodeId s) const {
    NodeId t = slot(s, fld::If::test);
    if (kind(t) != Kind::Compare) return false;
    NodeId l = slot(t, fld::Compare::left);
    auto comps = list_of(t, fld::Compare::comparators);
    if (kind(l) != Kind::Name || ident(l, fld::Name::id) != "__name__" || comps.size() != 1) return false;
    NodeId r = comps[0];
    return kind(r) == Kind::Constant && m_.constant(slot(r, fld::Constant::value)).text == "__main__";
  }

  uint32_t add_function(NodeId def, int cls) {
    Function f;
    f.node = def;
    f.name = std::string(ident(def, fld::FunctionDef::name));
    f.cls = cls;
    for (NodeId d : list_of(def, fld::FunctionDef::decorator_list)) {
      if (kind(d) == Kind::Name && ident(d, fld::Name::id) == "staticmethod") f.is_static = true;
    }
    uint32_t index = static_cast<uint32_t>(tm_.funcs.size());
    tm_.funcs.push_back(std::move(f));
    Function& fn = tm_.funcs.back();
    NodeId args = slot(def, fld::FunctionDef::args);
    std::vector<NodeId> all;
    for (NodeId a : list_of(args, fld::arguments::posonlyargs)) all.push_back(a);
    for (NodeId a : list_of(args, fld::arguments::args)) all.push_back(a);
    auto defaults = list_of(args, fld::arguments::defaults);
    size_t first_default = all.size() - std::min(all.size(), defaults.size());
    for (size_t i = 0; i < all.size(); ++i) {
      NodeId a = all[i];
      std::string name(ident(a, fld::arg::arg));
      if (i == 0 && cls >= 0 && !fn.is_static) continue;  // self
      uint32_t v = var(index, name);
      Var& var = tm_.funcs[index].vars[v];
      var.is_param = true;
      NodeId ann = slot(a, fld::arg::annotation);
      if (ann != kNone) {
        var.type = annotation(ann);
        var.annotated = true;
      }
      if (i >= first_default) var.default_value = defaults[i - first_default];
      tm_.funcs[index].params.push_back(v);
    }
    if (cls >= 0) add_self_var(index, def, static_cast<uint32_t>(cls));
    {
      size_t npos = list_of(args, fld::arguments::posonlyargs).size();
      if (npos > 0 && cls >= 0 && !tm_.funcs[index].is_static) --npos;
      tm_.funcs[index].posonly = static_cast<uint32_t>(npos);
    }
    auto extra_param = [&](NodeId a, NodeId dflt) {
      uint32_t v = var(index, std::string(ident(a, fld::arg::arg)));
      tm_.funcs[index].vars[v].is_param = true;
      tm_.funcs[index].vars[v].default_value = dflt;
      NodeId ann = slot(a, fld::arg::annotation);
      if (ann != kNone) {
        TypeId at = annotation(ann);
        tm_.funcs[index].vars[v].type = at;
        tm_.funcs[index].vars[v].annotated = true;
      }
      return v;
    };
    if (slot(args, fld::arguments::vararg) != kNone)
      tm_.funcs[index].vararg = static_cast<int>(extra_param(slot(args, fld::arguments::vararg), kNone));
    auto kwonly = list_of(args, fld::arguments::kwonlyargs);
    auto kw_defaults = list_of(args, fld::arguments::kw_defaults);
    for (size_t k = 0; k < kwonly.size(); ++k)
      tm_.funcs[index].kwonly.push_back(extra_param(kwonly[k], k < kw_defaults.size() ? kw_defaults[k] : kNone));
    if (slot(args, fld::arguments::kwarg) != kNone)
      tm_.funcs[index].kwarg = static_cast<int>(extra_param(slot(args, fld::arguments::kwarg), kNone));
    if (slot(args, fld::arguments::vararg) != kNone) unsupported(index, def, "*args parameter");
    if (slot(args, fld::arguments::kwarg) != kNone) unsupported(index, def, "**kwargs parameter");
    NodeId ret = slot(def, fld::FunctionDef::returns);
    if (ret != kNone) {
      tm_.funcs[index].ret = annotation(ret);
      tm_.funcs[index].ret_annotated = true;
    }
    if (cls < 0 && !nesting_) tm_.func_by_name[tm_.funcs[index].name] = index;
    prescan_assigned(index, list_of(def, fld::FunctionDef::body));
    return index;
  }

  // Defs inside a module function become functions of their own that take
  // the enclosing variables they read as extra parameters (captures); the
  // lowering calls them directly. A def bound twice, decorated or shadowed
  // by a variable stays a closure of the dynamic lowering.
  void add_nested(uint32_t parent) {
    std::vector<NodeId> defs = nested_defs(m_, tm_.funcs[parent].node);
    std::set<std::string, std::less<>> names;
    bool dup = false;
    for (NodeId d : defs) dup |= !names.insert(std::string(ident(d, fld::FunctionDef::name))).second;
    for (NodeId d : defs) {
      std::string name(ident(d, fld::FunctionDef::name));
      if (dup || tm_.funcs[parent].var_index.count(name) || !list_of(d, fld::FunctionDef::decorator_list).empty()) continue;
      nesting_ = true;
      uint32_t f = add_function(d, -1);
      nesting_ = false;
      tm_.funcs[f].parent = static_cast<int>(parent);
      tm_.funcs[parent].nested[name] = f;
      tm_.nested_fn[d] = f;
      // `nonlocal n`: one variable shared by both scopes (a cell), passed
      // like the other captures.
      for (const std::string& n : nonlocal_names(m_, d)) {
        auto pv = tm_.funcs[parent].var_index.find(n);
        if (pv == tm_.funcs[parent].var_index.end()) continue;  // the Nonlocal statement reports it
        uint32_t v = var(f, n);
        if (tm_.funcs[f].vars[v].cell) continue;
        tm_.funcs[f].vars[v].is_param = true;
        tm_.funcs[f].vars[v].cell = true;
        tm_.funcs[f].captures.push_back(v);
        tm_.funcs[parent].vars[pv->second].cell = true;
      }
      for (const std::string& n : names_read(m_, d)) {
        if (tm_.funcs[f].var_index.count(n) || !tm_.funcs[parent].var_index.count(n)) continue;
        uint32_t v = var(f, n);
        tm_.funcs[f].vars[v].is_param = true;
        tm_.funcs[f].captures.push_back(v);
      }
    }
    // A def that only reads a variable another def rebinds reads the same cell.
    for (const auto& [name, f] : tm_.funcs[parent].nested) {
      (void)name;
      for (uint32_t c : tm_.funcs[f].captures) {
        auto pv = tm_.funcs[parent].var_index.find(tm_.funcs[f].vars[c].name);
        if (pv != tm_.funcs[parent].var_index.end() && tm_.funcs[parent].vars[pv->second].cell) tm_.funcs[f].vars[c].cell = true;
      }
    }
  }

  // A nested function's captures share the enclosing variables' types, and
  // a list it changes in place is changed in the enclosing function too.
  void sync_captures(uint32_t f) {
    uint32_t p = static_cast<uint32_t>(tm_.funcs[f].parent);
    for (uint32_t c : tm_.funcs[f].captures) {
      uint32_t pv = tm_.funcs[p].var_index.find(tm_.funcs[f].vars[c].name)->second;
      TypeId pt = tm_.funcs[p].vars[pv].type, ct = tm_.funcs[f].vars[c].type;
      if (pt != Types::kUnknown) set_var_type(f, c, pt);
      if (ct != Types::kUnknown) set_var_type(p, pv, ct);
      if (tm_.funcs[f].vars[c].mutated && !tm_.funcs[p].vars[pv].mutated) {
        tm_.funcs[p].vars[pv].mutated = true;
        changed_ = true;
      }
    }
  }

  // The nested function a call by name reaches from the current function.
  int nested_callee(std::string_view n) const {
    const Function& fn = tm_.funcs[cur_];
    const Function& top = fn.parent >= 0 ? tm_.funcs[static_cast<uint32_t>(fn.parent)] : fn;
    auto it = top.nested.find(n);
    if (it == top.nested.end() || local_shadow(n)) return -1;
    return static_cast<int>(it->second);
  }

  // `key=lambda x: ..` of sorted/min/max/list.sort: x is an element.
  void key_lambda(NodeId fn, NodeId kw, const std::vector<TypeId>& at) {
    uint32_t kn = slot(kw, fld::keyword::arg);
    if (kn == kNone || m_.str(kn) != "key" || kind(slot(kw, fld::keyword::value)) != Kind::Lambda) return;
    if (kind(fn) == Kind::Name && at.size() == 1) {
      std::string_view n = ident(fn, fld::Name::id);
      if ((n == "sorted" || n == "min" || n == "max") && !local_shadow(n)) lambda_args_ = {element_of(at[0])};
    } else if (kind(fn) == Kind::Attribute && ident(fn, fld::Attribute::attr) == "sort" && at.empty()) {
      lambda_args_ = {element_of(expr(slot(fn, fld::Attribute::value)))};
    }
  }

  TypeId lambda_type(NodeId e) {
    std::vector<TypeId> want = std::move(lambda_args_);
    lambda_args_.clear();
    NodeId a = slot(e, fld::Lambda::args);
    auto ps = list_of(a, fld::arguments::args);
    if (want.empty() || want.size() != ps.size() || !list_of(a, fld::arguments::posonlyargs).empty() || slot(a, fld::arguments::vararg) != kNone ||
        !list_of(a, fld::arguments::kwonlyargs).empty() || slot(a, fld::arguments::kwarg) != kNone ||
        !list_of(a, fld::arguments::defaults).empty()) {
      if (want.empty() && lambda_value_ok(m_, e)) return value_lambda(e);
      unsupported(cur_, e, "Lambda expression");
      return Types::kDyn;
    }
    comp_scopes_.emplace_back();
    for (size_t i = 0; i < ps.size(); ++i) comp_scopes_.back()[std::string(ident(ps[i], fld::arg::arg))] = want[i];
    std::vector<TypeId> sig{expr(slot(e, fld::Lambda::body))};
    comp_scopes_.pop_back();
    sig.insert(sig.end(), want.begin(), want.end());
    return T.intern({TyKind::Func, std::move(sig), ~0u});
  }

  // A lambda used as a value (stored, returned, called later): a function
  // of its own in tm_.lambdas, its parameters typed by their defaults
  // (evaluated here, where the lambda is made) and by the calls of the
  // values holding it; its body is typed here, in the enclosing scopes.
  TypeId value_lambda(NodeId e) {
    auto [at, fresh] = tm_.lambda_of.emplace(e, static_cast<uint32_t>(tm_.lambdas.size()));
    uint32_t li = at->second;
    if (fresh) tm_.lambdas.push_back(lambda_function(m_, e, cur_));
    for (uint32_t p : tm_.lambdas[li].params)
      if (NodeId d = tm_.lambdas[li].vars[p].default_value; d != kNone) lambda_param(li, p, expr(d));
    comp_scopes_.emplace_back();
    for (uint32_t p : tm_.lambdas[li].params) comp_scopes_.back()[tm_.lambdas[li].vars[p].name] = tm_.lambdas[li].vars[p].type;
    TypeId body = expr(slot(e, fld::Lambda::body));
    comp_scopes_.pop_back();
    TypeId j = T.join(tm_.lambdas[li].ret, body);
    if (j != tm_.lambdas[li].ret) tm_.lambdas[li].ret = j, changed_ = true;
    return T.intern({TyKind::Func, {}, kLambdaFunc | li});
  }

  void lambda_param(uint32_t li, uint32_t p, TypeId t) {
    Var& v = tm_.lambdas[li].vars[p];
    TypeId j = T.join(v.type, t);
    if (j != v.type) v.type = j, changed_ = true;
  }

  // `f(a, b)` where f holds a lambda: the arguments type its parameters.
  TypeId lambda_call(uint32_t li, const std::vector<TypeId>& at) {
    Function& L = tm_.lambdas[li];
    L.max_call_args = std::max(L.max_call_args, static_cast<uint32_t>(at.size()));
    for (size_t i = 0; i < at.size() && i < L.params.size(); ++i) lambda_param(li, L.params[i], at[i]);
    return tm_.lambdas[li].ret;
  }

  void add_class(NodeId def) {
    ClassInfo c;
    c.name = std::string(ident(def, fld::ClassDef::name));
    c.node = def;
    uint32_t ci = static_cast<uint32_t>(tm_.classes.size());
    tm_.class_by_name[c.name] = ci;
    tm_.classes.push_back(std::move(c));
    class_header(ci);
    // Classes are lowered later; for now their methods are typed but the
    // class itself is reported where used.
    for (NodeId s : list_of(def, fld::ClassDef::body)) {
      if (kind(s) == Kind::FunctionDef) {
        uint32_t fi = add_function(s, static_cast<int>(ci));
        tm_.classes[ci].methods[tm_.funcs[fi].name] = fi;
      }
    }
  }

  // Python: a name bound anywhere in a function is local to all of it.
  void prescan_assigned(uint32_t f, std::span<const uint32_t> body) {
    std::vector<NodeId> stack(body.rbegin(), body.rend());
    while (!stack.empty()) {
      NodeId s = stack.back();
      stack.pop_back();
      Kind k = kind(s);
      auto push_list = [&](uint32_t field) {
        auto l = list_of(s, field);
        for (auto it = l.rbegin(); it != l.rend(); ++it) stack.push_back(*it);
      };
      switch (k) {
        case Kind::Assign:
          if (f == 0 && is_type_alias_stmt(m_, s)) {  // `Graph = Dict[str, int]`: no variable, an annotation name
            aliases_[std::string(ident(list_of(s, fld::Assign::targets)[0], fld::Name::id))] = slot(s, fld::Assign::value);
            break;
          }
          for (NodeId t : list_of(s, fld::Assign::targets)) bind_targets(f, t);
          break;
        case Kind::AnnAssign: bind_targets(f, slot(s, fld::AnnAssign::target)); break;
        case Kind::AugAssign: bind_targets(f, slot(s, fld::AugAssign::target)); break;
        case Kind::For:
          bind_targets(f, slot(s, fld::For::target));
          push_list(fld::For::body);
          push_list(fld::For::orelse);
          break;
        case Kind::While: push_list(fld::While::body); push_list(fld::While::orelse); break;
        case Kind::If:
          if (f == 0 && s == tm_.main_guard) { push_list(fld::If::body); break; }
          push_list(fld::If::body);
          push_list(fld::If::orelse);
          break;
        case Kind::Try:
          push_list(fld::Try::body);
          push_list(fld::Try::orelse);
          push_list(fld::Try::finalbody);
          for (NodeId h : list_of(s, fld::Try::handlers)) {
            if (slot(h, fld::ExceptHandler::name) != kNone) var(f, m_.str(slot(h, fld::ExceptHandler::name)));
            auto l = list_of(h, fld::ExceptHandler::body);
            for (auto it = l.rbegin(); it != l.rend(); ++it) stack.push_back(*it);
          }
          break;
        case Kind::With:
          for (NodeId it : list_of(s, fld::With::items))
            if (slot(it, fld::withitem::optional_vars) != kNone) bind_targets(f, slot(it, fld::withitem::optional_vars));
          push_list(fld::With::body);
          break;
        case Kind::Match:
          for (NodeId c : list_of(s, fld::Match::cases)) {
            bind_pattern(f, slot(c, fld::match_case::pattern));
            auto l = list_of(c, fld::match_case::body);
            for (auto it = l.rbegin(); it != l.rend(); ++it) stack.push_back(*it);
          }
          break;
        default: break;
      }
    }
  }

  // The capture names of a match pattern (`case Point(x=x) | [*rest] as p`).
  void bind_pattern(uint32_t f, NodeId p) {
    std::vector<NodeId> stack{p};
    while (!stack.empty()) {
      NodeId n = stack.back();
      stack.pop_back();
      if (n == kNone) continue;
      Kind k = kind(n);
      if (k == Kind::MatchAs && slot(n, fld::MatchAs::name) != kNone) var(f, m_.str(slot(n, fld::MatchAs::name)));
      if (k == Kind::MatchStar && slot(n, fld::MatchStar::name) != kNone) var(f, m_.str(slot(n, fld::MatchStar::name)));
      if (k == Kind::MatchMapping && slot(n, fld::MatchMapping::rest) != kNone) var(f, m_.str(slot(n, fld::MatchMapping::rest)));
      if (k == Kind::MatchAs) stack.push_back(slot(n, fld::MatchAs::pattern));
      if (k == Kind::MatchOr || k == Kind::MatchSequence || k == Kind::MatchMapping || k == Kind::MatchClass)
        for (NodeId c : list_of(n, k == Kind::MatchOr ? fld::MatchOr::patterns : k == Kind::MatchSequence ? fld::MatchSequence::patterns
                                   : k == Kind::MatchMapping ? fld::MatchMapping::patterns : fld::MatchClass::patterns))
          stack.push_back(c);
      if (k == Kind::MatchClass)
        for (NodeId c : list_of(n, fld::MatchClass::kwd_patterns)) stack.push_back(c);
    }
  }

  void bind_targets(uint32_t f, NodeId t) {
    if (kind(t) == Kind::Name) var(f, ident(t, fld::Name::id));
    else if (kind(t) == Kind::Tuple || kind(t) == Kind::List)
      for (NodeId e : list_of(t, fld::Tuple::elts)) bind_targets(f, e);
  }

  uint32_t var(uint32_t f, std::string_view name) {
    Function& fn = tm_.funcs[f];
    auto it = fn.var_index.find(name);
    if (it != fn.var_index.end()) return it->second;
    Var v;
    v.name = std::string(name);
    fn.vars.push_back(std::move(v));
    uint32_t id = static_cast<uint32_t>(fn.vars.size() - 1);
    fn.var_index.emplace(std::string(name), id);
    return id;
  }

  // ---------------------------------------------------------------- annotations
  TypeId annotation(NodeId a) {
    switch (kind(a)) {
      case Kind::Name: {
        std::string_view n = ident(a, fld::Name::id);
        if (n == "int") return Types::kInt;
        if (n == "float") return Types::kFloat;
        if (n == "bool") return Types::kBool;
        if (n == "str") return Types::kStr;
        if (n == "None") return Types::kNone;
        if (n == "list" || n == "List") return T.list(Types::kUnknown);
        if (n == "dict" || n == "Dict") return T.dict(Types::kUnknown, Types::kUnknown);  // element types from use
        if (n == "set" || n == "Set") return T.set(Types::kUnknown);
        auto c = tm_.class_by_name.find(n);
        if (c != tm_.class_by_name.end()) return T.cls(c->second);
        return alias_annotation(n);
      }
      case Kind::Constant:
        if (m_.constant(slot(a, fld::Constant::value)).tag == ast::Constant::Tag::None) return Types::kNone;
        return Types::kDyn;
      case Kind::Subscript: {
        NodeId base = slot(a, fld::Subscript::value);
        NodeId sl = slot(a, fld::Subscript::slice);
        if (kind(base) != Kind::Name) return Types::kDyn;
        std::string_view n = ident(base, fld::Name::id);
        std::vector<TypeId> args;
        if (kind(sl) == Kind::Tuple)
          for (NodeId e : list_of(sl, fld::Tuple::elts)) args.push_back(annotation(e));
        else
          args.push_back(annotation(sl));
        if ((n == "list" || n == "List") && args.size() == 1) return T.list(args[0]);
        if ((n == "set" || n == "Set") && args.size() == 1) return T.set(args[0]);
        if ((n == "dict" || n == "Dict") && args.size() == 2) return T.dict(args[0], args[1]);
        if (n == "tuple" || n == "Tuple") return T.tuple(args);
        if (n == "Optional" && args.size() == 1 && args[0] != Types::kDyn) return T.optional(args[0]);
        return Types::kDyn;
      }
      case Kind::BinOp: {
        // `int | None`
        if (Kind(slot(a, fld::BinOp::op)) != Kind::BitOr) return Types::kDyn;
        TypeId l = annotation(slot(a, fld::BinOp::left)), r = annotation(slot(a, fld::BinOp::right));
        if (l == Types::kNone && r != Types::kDyn) return T.optional(r);
        if (r == Types::kNone && l != Types::kDyn) return T.optional(l);
        return Types::kDyn;
      }
      default: return Types::kDyn;
    }
  }

  bool mentions_float(TypeId t) const {
    if (t == Types::kFloat) return true;
    for (TypeId a : T.get(t).args)
      if (mentions_float(a)) return true;
    return false;
  }

  // `Matrix = List[List[float]]` at module level, used as an annotation.
  TypeId alias_annotation(std::string_view n) {
    if (alias_depth_ > 8) return Types::kDyn;
    for (NodeId s : list_of(m_.root(), fld::Module::body)) {
      if (kind(s) != Kind::Assign || list_of(s, fld::Assign::targets).size() != 1) continue;
      NodeId t = list_of(s, fld::Assign::targets)[0];
      NodeId v = slot(s, fld::Assign::value);
      if (kind(t) != Kind::Name || ident(t, fld::Name::id) != n || kind(v) != Kind::Subscript) continue;
      ++alias_depth_;
      TypeId r = annotation(v);
      --alias_depth_;
      // `float` in an annotation also admits ints (which Python keeps as
      // ints); an alias used far from its callers' values is only trusted
      // without it (`Matrix = List[List[float]]` multiplies int matrices too).
      if (mentions_float(r)) return Types::kDyn;
      return r;
    }
    return Types::kDyn;
  }

  // ---------------------------------------------------------------- walk
  void walk_function(uint32_t f) {
    cur_ = f;
    comp_scopes_.clear();
    if (tm_.funcs[f].parent >= 0) sync_captures(f);
    narrow_.clear();
    const Function& fn = tm_.funcs[f];
    if (fn.node == kNone) {
      for (NodeId s : list_of(m_.root(), fld::Module::body)) {
        Kind k = kind(s);
        if (k == Kind::FunctionDef || k == Kind::ClassDef) continue;
        if (s == tm_.main_guard) {
          stmts(list_of(s, fld::If::body));
          continue;
        }
        if (is_type_alias_stmt(m_, s)) continue;
        stmt(s);
      }
    } else {
      // Defaults type their parameters too (`fill=0`).
      // A None default makes the parameter Optional.
      std::vector<uint32_t> ps = fn.params;
      ps.insert(ps.end(), fn.kwonly.begin(), fn.kwonly.end());
      for (uint32_t p : ps) {
        NodeId d = tm_.funcs[f].vars[p].default_value;
        if (d != kNone && !tm_.funcs[f].vars[p].annotated) set_var_type(f, p, expr(d));
      }
      stmts(list_of(fn.node, fld::FunctionDef::body));
      // Falling off the end returns None too.
      Function& fm = tm_.funcs[f];
      if (!fm.ret_annotated && fm.ret != Types::kUnknown && T.kind(fm.ret) != TyKind::None &&
          !always_leaves(m_, list_of(fm.node, fld::FunctionDef::body))) {
        TypeId j = T.join(fm.ret, Types::kNone);
        if (j != fm.ret) {
          fm.ret = j;
          changed_ = true;
        }
      }
    }
    if (tm_.funcs[f].parent >= 0) sync_captures(f);
  }

  // A name narrowed for the statements of a block before the first one that
  // stores it (that one included: its value is read before the store).
  struct Narrowing {
    std::string name;
    size_t until;
  };

  void stmts(std::span<const uint32_t> l, const std::vector<Narrowing>* prefix = nullptr) {
    size_t mark = narrow_.size();
    for (size_t i = 0; i < l.size(); ++i) {
      size_t before = narrow_.size();
      if (prefix)
        for (const Narrowing& n : *prefix)
          if (i <= n.until) narrow_.push_back(n.name);
      stmt(l[i]);
      // Later statements see the block's own narrowings only.
      if (prefix) narrow_.erase(narrow_.begin() + static_cast<std::ptrdiff_t>(before),
                                narrow_.begin() + static_cast<std::ptrdiff_t>(before + count_prefix(prefix, i)));
      // `if x is None: return` / `x = value`: x holds a value below.
      if (kind(l[i]) == Kind::If)
        for (std::string& n : narrowed_after_if(m_, l[i]))
          if (!stores_name(m_, l.subspan(i + 1), n) && after_if_value_ok(l[i])) narrow_.push_back(std::move(n));
    }
    narrow_.resize(mark);
  }

  // The `x = value` closing an `if x is None:` holds no None itself.
  bool after_if_value_ok(NodeId s) {
    NodeId last = list_of(s, fld::If::body).back();
    if (kind(last) != Kind::Assign) return true;
    TyKind k = T.kind(tm_.expr_type[slot(last, fld::Assign::value)]);
    return k != TyKind::Optional && k != TyKind::None && k != TyKind::Dyn && k != TyKind::Unknown;
  }

  static size_t count_prefix(const std::vector<Narrowing>* prefix, size_t i) {
    size_t c = 0;
    for (const Narrowing& n : *prefix) c += i <= n.until ? 1 : 0;
    return c;
  }

  // Walks `body` with the names the test proves non-None, up to the first
  // statement storing them (`while node is not None: ...; node = prev[node]`).
  void narrowed_stmts(NodeId test, bool truth, std::span<const uint32_t> body) {
    std::vector<Narrowing> prefix;
    for (std::string& n : narrowed_names(m_, test, truth)) {
      size_t k = 0;
      while (k < body.size() && !stores_name(m_, body.subspan(k, 1), n)) ++k;
      // The storing statement's value still reads the value: only a plain `n = value`.
      if (k < body.size()) {
        NodeId st = body[k];
        bool plain = kind(st) == Kind::Assign && list_of(st, fld::Assign::targets).size() == 1 &&
                     kind(list_of(st, fld::Assign::targets)[0]) == Kind::Name &&
                     ident(list_of(st, fld::Assign::targets)[0], fld::Name::id) == n;
        if (!plain) {
          if (k == 0) continue;
          --k;
        }
      } else {
        k = body.size();
      }
      prefix.push_back({std::move(n), k});
    }
    stmts(body, &prefix);
  }

  // A test only read for its truth: `a and b` of different types is a bool
  // there (the lowering tests each operand's truth).
  void truth_test(NodeId e) {
    expr(e);
    std::vector<NodeId> stack{e};
    while (!stack.empty()) {
      NodeId n = stack.back();
      stack.pop_back();
      if (kind(n) == Kind::UnaryOp && Kind(slot(n, fld::UnaryOp::op)) == Kind::Not) stack.push_back(slot(n, fld::UnaryOp::operand));
      if (kind(n) != Kind::BoolOp || tm_.expr_type[n] != Types::kDyn) continue;
      tm_.expr_type[n] = Types::kBool;
      for (NodeId v : list_of(n, fld::BoolOp::values)) stack.push_back(v);
    }
  }

  TypeId narrowed_expr(NodeId test, bool truth, NodeId e) {
    size_t mark = narrow_.size();
    for (std::string& n : narrowed_names(m_, test, truth)) narrow_.push_back(std::move(n));
    TypeId t = expr(e);
    narrow_.resize(mark);
    return t;
  }

  void set_var_type(uint32_t f, uint32_t v, TypeId t) {
    Var& var = tm_.funcs[f].vars[v];
    if (var.annotated) {
      if (BigInts::widen(T, var.type, t)) changed_ = true;
      // An annotation with an unknown element (`list`) still learns it.
      if (T.has_unknown(var.type)) {
        TypeId j = T.join(var.type, t);
        if (j != Types::kDyn && j != var.type) {
          var.type = j;
          changed_ = true;
        }
      }
      return;
    }
    TypeId j = T.join(var.type, t);
    if (j != var.type) {
      var.type = j;
      changed_ = true;
    }
  }

  void assign_target(NodeId t, TypeId vt, bool annotated_stmt = false) {
    tm_.owner[t] = cur_;
    switch (kind(t)) {
      case Kind::Name: {
        uint32_t v = var(cur_, ident(t, fld::Name::id));
        if (!annotated_stmt) set_var_type(cur_, v, vt);
        tm_.expr_type[t] = tm_.funcs[cur_].vars[v].type;
        break;
      }
      case Kind::Tuple: case Kind::List: {
        auto elts = list_of(t, fld::Tuple::elts);
        const TypeRec& r = T.get(vt);
        for (size_t i = 0; i < elts.size(); ++i) {
          TypeId et = Types::kDyn;
          if (r.kind == TyKind::Tuple && r.args.size() == elts.size()) et = r.args[i];
          else if (r.kind == TyKind::List) et = r.args[0];
          else if (r.kind == TyKind::Unknown) et = Types::kUnknown;
          assign_target(elts[i], et);
        }
        tm_.expr_type[t] = vt;
        break;
      }
      case Kind::Subscript: {
        NodeId base = slot(t, fld::Subscript::value);
        TypeId bt = expr(base);
        expr(slot(t, fld::Subscript::slice));
        mark_mutated(base);
        if (T.kind(bt) == TyKind::List) refine(base, T.list(vt));
        else if (T.kind(bt) == TyKind::Dict) refine(base, T.dict(expr(slot(t, fld::Subscript::slice)), vt));
        // `self.tags[k] = v` into a field annotated `dict`: the field learns its types.
        if (T.kind(bt) == TyKind::Dict && T.has_unknown(bt) && kind(base) == Kind::Attribute &&
            T.kind(tm_.type_of(slot(base, fld::Attribute::value))) == TyKind::Class)
          field_store(T.get(tm_.type_of(slot(base, fld::Attribute::value))).cls, ident(base, fld::Attribute::attr),
                      T.dict(expr(slot(t, fld::Subscript::slice)), vt));
        break;
      }
      case Kind::Attribute: {
        TypeId ot = expr(slot(t, fld::Attribute::value));
        if (T.kind(ot) == TyKind::Class) {
          field_store(T.get(ot).cls, ident(t, fld::Attribute::attr), vt);
          tm_.expr_type[t] = vt;
          break;
        }
        if (T.kind(ot) == TyKind::Unknown) break;
        unsupported(cur_, t, "attribute assignment");
        break;
      }
      case Kind::Starred:
        // `first, *rest = xs`: the name still binds (a list); the static
        // lowering does not unpack it, the dynamic one does.
        assign_target(slot(t, fld::Starred::value), Types::kDyn);
        unsupported(cur_, t, "starred assignment target");
        break;
      default: unsupported(cur_, t, "assignment target"); break;
    }
  }

  void mark_mutated(NodeId base) {
    while (kind(base) == Kind::Subscript) base = slot(base, fld::Subscript::value);  // `grid[0][1] = 5` changes grid
    if (kind(base) != Kind::Name) return;
    auto& fn = tm_.funcs[cur_];
    auto it = fn.var_index.find(ident(base, fld::Name::id));
    if (it != fn.var_index.end()) fn.vars[it->second].mutated = true;
  }

  // A container variable learns its element type from later use.
  void refine(NodeId base, TypeId t) {
    if (kind(base) != Kind::Name) return;
    auto& fn = tm_.funcs[cur_];
    auto it = fn.var_index.find(ident(base, fld::Name::id));
    if (it == fn.var_index.end()) return;
    TypeId cur = fn.vars[it->second].type;
    // `pairs.append((i, None))` after `pairs.append((i, j))`: the element becomes Optional.
    if (T.has_unknown(cur) || (!fn.vars[it->second].annotated && T.widens_to_optional(cur, T.join(cur, t))))
      set_var_type(cur_, it->second, t);
  }

  // `d.setdefault(k, []).append(x)`: the dict's value lists hold x's type.
  void refine_setdefault(NodeId recv, std::string_view m, const std::vector<TypeId>& at) {
    if (kind(recv) != Kind::Call || kind(slot(recv, fld::Call::func)) != Kind::Attribute || at.empty() ||
        ident(slot(recv, fld::Call::func), fld::Attribute::attr) != "setdefault" || (m != "append" && m != "extend"))
      return;
    NodeId d = slot(slot(recv, fld::Call::func), fld::Attribute::value);
    TypeId dt = tm_.type_of(d);
    if (T.kind(dt) != TyKind::Dict) return;
    mark_mutated(d);
    refine(d, T.dict(T.get(dt).args[0], T.list(m == "append" ? at[0] : element_of(at[0]))));
  }

  void stmt(NodeId s) {
    tm_.owner[s] = cur_;
    switch (kind(s)) {
      case Kind::Expr: expr(slot(s, fld::Expr::value)); break;
      case Kind::Assign: {
        TypeId vt = expr(slot(s, fld::Assign::value));
        for (NodeId t : list_of(s, fld::Assign::targets)) assign_target(t, vt);
        break;
      }
      case Kind::AnnAssign: {
        NodeId t = slot(s, fld::AnnAssign::target);
        TypeId at = annotation(slot(s, fld::AnnAssign::annotation));
        NodeId value = slot(s, fld::AnnAssign::value);
        TypeId vt = value != kNone ? expr(value, at) : at;
        if (kind(t) == Kind::Name) {
          uint32_t v = var(cur_, ident(t, fld::Name::id));
          Var& var = tm_.funcs[cur_].vars[v];
          if (!var.annotated) {
            var.annotated = true;
            var.type = at == Types::kDyn ? vt : at;
            if (T.has_unknown(var.type)) var.type = T.join(var.type, vt);
            changed_ = true;
          } else {
            set_var_type(cur_, v, vt);
          }
          tm_.expr_type[t] = var.type;
          tm_.owner[t] = cur_;
        } else {
          assign_target(t, vt);
        }
        break;
      }
      case Kind::AugAssign: {
        NodeId t = slot(s, fld::AugAssign::target);
        TypeId lt = expr(t);
        TypeId rt = expr(slot(s, fld::AugAssign::value));
        TypeId res = big_.aug(T, s, binop_type(ast::Kind(slot(s, fld::AugAssign::op)), lt, rt));
        if (kind(t) == Kind::Name) assign_target(t, res);
        else if (kind(t) == Kind::Attribute && T.kind(tm_.type_of(slot(t, fld::Attribute::value))) == TyKind::Class)
          field_store(T.get(tm_.type_of(slot(t, fld::Attribute::value))).cls, ident(t, fld::Attribute::attr), res);
        else if (kind(t) == Kind::Subscript) mark_mutated(slot(t, fld::Subscript::value));
        else unsupported(cur_, s, "augmented assignment target");
        break;
      }
      case Kind::Return: {
        NodeId v = slot(s, fld::Return::value);
        TypeId rt = v == kNone ? Types::kNone : expr(v, tm_.funcs[cur_].ret);
        Function& fn = tm_.funcs[cur_];
        if (!fn.ret_annotated) {
          TypeId j = T.join(fn.ret, rt);
          if (j != fn.ret) {
            fn.ret = j;
            changed_ = true;
          }
        } else if (BigInts::widen(T, fn.ret, rt)) {
          changed_ = true;
        }
        break;
      }
      case Kind::If:
        truth_test(slot(s, fld::If::test));
        narrowed_stmts(slot(s, fld::If::test), true, list_of(s, fld::If::body));
        narrowed_stmts(slot(s, fld::If::test), false, list_of(s, fld::If::orelse));
        break;
      case Kind::While:
        truth_test(slot(s, fld::While::test));
        narrowed_stmts(slot(s, fld::While::test), true, list_of(s, fld::While::body));
        stmts(list_of(s, fld::While::orelse));
        break;
      case Kind::For: {
        TypeId it = expr(slot(s, fld::For::iter));
        assign_target(slot(s, fld::For::target), element_of(it));
        stmts(list_of(s, fld::For::body));
        stmts(list_of(s, fld::For::orelse));
        break;
      }
      case Kind::Pass: case Kind::Break: case Kind::Continue: case Kind::Import: case Kind::ImportFrom: break;
      case Kind::Try: case Kind::TryStar: {
        // The static lowering has no exceptions (the function stays
        // dynamic), but the calls and names inside still type the callees
        // and the other locals.
        if (kind(s) == Kind::TryStar) unsupported(cur_, s, "TryStar statement");
        stmts(list_of(s, fld::Try::body));
        for (NodeId h : list_of(s, fld::Try::handlers)) {
          if (slot(h, fld::ExceptHandler::type) != kNone) expr(slot(h, fld::ExceptHandler::type));
          if (slot(h, fld::ExceptHandler::name) != kNone)
            set_var_type(cur_, var(cur_, m_.str(slot(h, fld::ExceptHandler::name))), handler_type(h));
          // `e.field` inside the handler reads the caught class's fields (infer_exc.cc).
          if (slot(h, fld::ExceptHandler::name) != kNone) exc_handlers_.emplace_back(m_.str(slot(h, fld::ExceptHandler::name)), h);
          stmts(list_of(h, fld::ExceptHandler::body));
          if (slot(h, fld::ExceptHandler::name) != kNone) exc_handlers_.pop_back();
        }
        stmts(list_of(s, fld::Try::orelse));
        stmts(list_of(s, fld::Try::finalbody));
        break;
      }
      case Kind::With: {
        unsupported(cur_, s, "With statement");
        for (NodeId it : list_of(s, fld::With::items)) expr(slot(it, fld::withitem::context_expr));
        stmts(list_of(s, fld::With::body));
        break;
      }
      case Kind::Raise: {
        // `raise E(args)`: the lowering decides whether E is an exception class.
        NodeId x = slot(s, fld::Raise::exc);
        if (x != kNone && kind(x) == Kind::Call && kind(slot(x, fld::Call::func)) == Kind::Name &&
            tm_.class_by_name.count(ident(slot(x, fld::Call::func), fld::Name::id)) && !local_shadow(ident(slot(x, fld::Call::func), fld::Name::id))) {
          expr(x);  // a module exception class: its __init__ takes the arguments
        } else if (x != kNone && kind(x) == Kind::Call && kind(slot(x, fld::Call::func)) == Kind::Name) {
          tm_.owner[x] = cur_;
          for (NodeId a : list_of(x, fld::Call::args)) expr(a);
          for (NodeId k : list_of(x, fld::Call::keywords)) expr(slot(k, fld::keyword::value));
        } else if (x != kNone) {
          expr(x);
        }
        if (slot(s, fld::Raise::cause) != kNone) expr(slot(s, fld::Raise::cause));
        break;
      }
        break;
      case Kind::Assert:
        expr(slot(s, fld::Assert::test));
        if (slot(s, fld::Assert::msg) != kNone) expr(slot(s, fld::Assert::msg));
        break;
      case Kind::Delete:
        for (NodeId t : list_of(s, fld::Delete::targets)) {
          expr(t);
          if (kind(t) == Kind::Subscript) mark_mutated(slot(t, fld::Subscript::value));
          else unsupported(cur_, t, "del of a name");
        }
        break;
      case Kind::FunctionDef:
        if (!tm_.nested_fn.count(s)) unsupported(cur_, s, "nested function");
        break;
      case Kind::ClassDef: unsupported(cur_, s, "nested class"); break;
      case Kind::Global:
        // `global n` in a function: its n is the module's n, one type for both.
        for (uint32_t sid : m_.list(slot(s, fld::Global::names))) {
          auto mv = tm_.funcs[0].var_index.find(m_.str(sid));
          if (cur_ == 0 || tm_.funcs[cur_].parent >= 0 || mv == tm_.funcs[0].var_index.end()) {
            unsupported(cur_, s, "Global statement");
            continue;
          }
          uint32_t v = var(cur_, m_.str(sid));
          tm_.funcs[cur_].vars[v].global_decl = true;
          set_var_type(cur_, v, tm_.funcs[0].vars[mv->second].type);
          set_var_type(0, mv->second, tm_.funcs[cur_].vars[v].type);
        }
        break;
      case Kind::Nonlocal:
        for (uint32_t sid : m_.list(slot(s, fld::Nonlocal::names))) {
          const Var* v = tm_.funcs[cur_].find(m_.str(sid));
          if (!v || !v->cell) unsupported(cur_, s, "Nonlocal statement");
        }
        break;
      default: unsupported(cur_, s, std::string(ast::kind_name(kind(s))) + " statement"); break;
    }
  }

  TypeId element_of(TypeId t) {
    const TypeRec& r = T.get(t);
    switch (r.kind) {
      case TyKind::List: case TyKind::Set: case TyKind::Iter: case TyKind::Range: return r.args.empty() ? Types::kInt : r.args[0];
      case TyKind::Str: return Types::kStr;
      case TyKind::Dict: return r.args[0];
      case TyKind::Unknown: return Types::kUnknown;
      case TyKind::Tuple:  // a tuple of one element type iterates like a list
        for (TypeId a : r.args)
          if (a != r.args[0]) return Types::kDyn;
        return r.args.empty() ? Types::kDyn : r.args[0];
      default: return Types::kDyn;
    }
  }

  TypeId binop_type(Kind op, TypeId l, TypeId r) {
    if (l == Types::kUnknown || r == Types::kUnknown) return Types::kUnknown;
    TyKind kl = T.kind(l), kr = T.kind(r);
    auto numeric = [](TyKind k) { return k == TyKind::Int || k == TyKind::Float || k == TyKind::Bool; };
    if (TypeId b = BigInts::binop(T, op, l, r); b != Types::kUnknown) return b;
    if (TypeId nb = num_binop(T, op, l, r); nb != Types::kUnknown) return nb;  // int | float (types_num.cc)
    if (numeric(kl) && numeric(kr)) {
      bool flt = kl == TyKind::Float || kr == TyKind::Float;
      switch (op) {
        case Kind::Div: return Types::kFloat;
        case Kind::Pow: return flt ? Types::kFloat : Types::kInt;  // negative exponents: see lowering
        case Kind::BitAnd: case Kind::BitOr: case Kind::BitXor:
          if (kl == TyKind::Bool && kr == TyKind::Bool) return Types::kBool;
          return flt ? Types::kDyn : Types::kInt;
        case Kind::LShift: case Kind::RShift: return flt ? Types::kDyn : Types::kInt;
        default: return flt ? Types::kFloat : Types::kInt;
      }
    }
    if (kl == TyKind::Str && kr == TyKind::Str && op == Kind::Add) return Types::kStr;
    if (((kl == TyKind::Str && kr == TyKind::Int) || (kl == TyKind::Int && kr == TyKind::Str)) && op == Kind::Mult)
      return Types::kStr;
    if (kl == TyKind::List && kr == TyKind::List && op == Kind::Add) return T.join(l, r);
    if (kl == TyKind::List && kr == TyKind::Int && op == Kind::Mult) return l;
    if (kl == TyKind::Set && kr == TyKind::Set && (op == Kind::BitOr || op == Kind::BitAnd || op == Kind::Sub || op == Kind::BitXor))
      return T.join(l, r);
    if (kl == TyKind::Str && op == Kind::Mod) return Types::kStr;
    return Types::kDyn;
  }

  TypeId lookup_name(NodeId e) {
    TypeId t = lookup_name_inner(e);
    // Inside `if x is not None:` and the like, x holds its value type.
    if (T.kind(t) == TyKind::Optional && std::find(narrow_.begin(), narrow_.end(), ident(e, fld::Name::id)) != narrow_.end())
      return T.elem(t);
    return t;
  }

  // `except E as e` (E a class name or a tuple of them): the exception.
  TypeId handler_type(NodeId h) {
    NodeId t = slot(h, fld::ExceptHandler::type);
    if (t == kNone) return Types::kDyn;
    if (kind(t) == Kind::Name) return T.exc();
    if (kind(t) != Kind::Tuple) return Types::kDyn;
    for (NodeId x : list_of(t, fld::Tuple::elts))
      if (kind(x) != Kind::Name) return Types::kDyn;
    return T.exc();
  }

  TypeId lookup_name_inner(NodeId e) {
    std::string_view n = ident(e, fld::Name::id);
    for (auto it = comp_scopes_.rbegin(); it != comp_scopes_.rend(); ++it) {
      auto f = it->find(n);
      if (f != it->end()) return f->second;
    }
    const Function& fn = tm_.funcs[cur_];
    auto v = fn.var_index.find(n);
    if (v != fn.var_index.end()) return fn.vars[v->second].type;
    if (cur_ != 0) {
      Function& mod = tm_.funcs[0];
      auto g = mod.var_index.find(n);
      if (g != mod.var_index.end()) {
        mod.vars[g->second].global_ref = true;
        return mod.vars[g->second].type;
      }
    }
    if (n == "True" || n == "False") return Types::kBool;
    // A nested def used as a value (returned, stored): a function value.
    if (int nf = nested_callee(n); nf >= 0) return T.intern({TyKind::Func, {}, static_cast<uint32_t>(nf)});
    return Types::kDyn;
  }

  // The nested def a variable holding a function value calls, or -1.
  int func_value(NodeId fn) {
    const TypeRec& r = T.get(lookup_name(fn));
    if (r.kind != TyKind::Func || !r.args.empty() || r.cls >= tm_.funcs.size()) return -1;
    return static_cast<int>(r.cls);
  }

  TypeId expr(NodeId e, TypeId expected = Types::kUnknown) {
    TypeId t = big_.adjust(tm_, T, e, expr_inner(e, expected));
    tm_.expr_type[e] = t;
    tm_.owner[e] = cur_;
    return t;
  }

  TypeId expr_inner(NodeId e, TypeId expected) {
    switch (kind(e)) {
      case Kind::Constant: {
        const ast::Constant& c = m_.constant(slot(e, fld::Constant::value));
        switch (c.tag) {
          case ast::Constant::Tag::Int: return Types::kInt;
          case ast::Constant::Tag::Float: return Types::kFloat;
          case ast::Constant::Tag::True: case ast::Constant::Tag::False: return Types::kBool;
          case ast::Constant::Tag::Str: return Types::kStr;
          case ast::Constant::Tag::None: return Types::kNone;
          default: unsupported(cur_, e, "constant"); return Types::kDyn;
        }
      }
      case Kind::Name: return lookup_name(e);
      case Kind::NamedExpr: {
        // `(x := v)` binds x like an assignment; only the dynamic lowering
        // translates it.
        TypeId v = expr(slot(e, fld::NamedExpr::value));
        assign_target(slot(e, fld::NamedExpr::target), v);
        unsupported(cur_, e, "assignment expression");
        return v;
      }
      case Kind::BinOp: {
        TypeId l = expr(slot(e, fld::BinOp::left));
        TypeId r = expr(slot(e, fld::BinOp::right));
        return binop_type(ast::Kind(slot(e, fld::BinOp::op)), l, r);
      }
      case Kind::UnaryOp: {
        TypeId o = expr(slot(e, fld::UnaryOp::operand));
        Kind op = ast::Kind(slot(e, fld::UnaryOp::op));
        if (op == Kind::Not) return Types::kBool;
        if (o == Types::kBool) return Types::kInt;
        return o;
      }
      case Kind::BoolOp: {
        // `x is not None and f(x)`: later operands run only when earlier ones were true (and: false).
        bool is_and = Kind(slot(e, fld::BoolOp::op)) == Kind::And;
        TypeId j = Types::kUnknown;
        size_t mark = narrow_.size();
        for (NodeId v : list_of(e, fld::BoolOp::values)) {
          j = T.join(j, expr(v));
          for (std::string& n : narrowed_names(m_, v, is_and)) narrow_.push_back(std::move(n));
        }
        narrow_.resize(mark);
        return j;
      }
      case Kind::Compare: {
        TypeId lt = expr(slot(e, fld::Compare::left));
        auto ops = m_.list(slot(e, fld::Compare::ops));
        auto comps = list_of(e, fld::Compare::comparators);
        for (size_t i = 0; i < comps.size(); ++i) {
          TypeId rt = expr(comps[i]);
          compare_dunder(Kind(ops[i]), lt, rt);
          lt = rt;
        }
        return Types::kBool;
      }
      case Kind::IfExp: {
        NodeId test = slot(e, fld::IfExp::test);
        truth_test(test);
        return T.join(narrowed_expr(test, true, slot(e, fld::IfExp::body)), narrowed_expr(test, false, slot(e, fld::IfExp::orelse)));
      }
      case Kind::JoinedStr:
        for (NodeId v : list_of(e, fld::JoinedStr::values)) expr(v);
        return Types::kStr;
      case Kind::FormattedValue: {
        expr(slot(e, fld::FormattedValue::value));
        NodeId spec = slot(e, fld::FormattedValue::format_spec);
        if (spec != kNone) expr(spec);
        return Types::kStr;
      }
      case Kind::List: {
        TypeId j = Types::kUnknown;
        for (NodeId v : list_of(e, fld::List::elts)) j = T.join(j, expr(v));
        if (j == Types::kUnknown && T.kind(expected) == TyKind::List) return expected;
        return T.list(j);
      }
      case Kind::Set: {
        TypeId j = Types::kUnknown;
        for (NodeId v : list_of(e, fld::Set::elts)) j = T.join(j, expr(v));
        return T.set(j);
      }
      case Kind::Tuple: {
        std::vector<TypeId> ts;
        for (NodeId v : list_of(e, fld::Tuple::elts)) ts.push_back(expr(v));
        return T.tuple(std::move(ts));
      }
      case Kind::Subscript: {
        TypeId b = expr(slot(e, fld::Subscript::value));
        NodeId sl = slot(e, fld::Subscript::slice);
        TypeId it = expr(sl);
        const TypeRec& r = T.get(b);
        if (kind(sl) == Kind::Slice) {
          if (r.kind == TyKind::List || r.kind == TyKind::Str) return b;
          return Types::kDyn;
        }
        if (r.kind == TyKind::List) return it == Types::kInt || it == Types::kBool ? r.args[0] : Types::kDyn;
        if (r.kind == TyKind::Str) return Types::kStr;
        if (r.kind == TyKind::Dict) return r.args[1];
        if (r.kind == TyKind::Tuple && kind(sl) == Kind::Constant) {
          const ast::Constant& c = m_.constant(slot(sl, fld::Constant::value));
          if (c.tag == ast::Constant::Tag::Int) {
            long long i = std::atoll(c.text.c_str());
            if (i < 0) i += static_cast<long long>(r.args.size());
            if (i >= 0 && static_cast<size_t>(i) < r.args.size()) return r.args[static_cast<size_t>(i)];
          }
        }
        if (r.kind == TyKind::Unknown) return Types::kUnknown;
        return Types::kDyn;
      }
      case Kind::Slice: {
        for (uint32_t f : {fld::Slice::lower, fld::Slice::upper, fld::Slice::step})
          if (slot(e, f) != kNone) expr(slot(e, f));
        return Types::kUnknown;
      }
      case Kind::Call: return call(e);
      case Kind::Lambda: return lambda_type(e);
      case Kind::ListComp: case Kind::GeneratorExp: case Kind::SetComp: {
        for (NodeId z : zip_rows_iters(m_, e)) zip_rows_.insert(z);
        comp_enter(list_of(e, fld::ListComp::generators));
        TypeId el = expr(slot(e, fld::ListComp::elt));
        comp_scopes_.pop_back();
        if (kind(e) == Kind::SetComp) return T.set(el);
        if (kind(e) == Kind::GeneratorExp) return T.iter(el);
        return T.list(el);
      }
      case Kind::Dict: {
        // `{k: v, ..}`; `{}` takes its types from later stores (refine).
        TypeId kj = Types::kUnknown, vj = Types::kUnknown;
        auto keys = list_of(e, fld::Dict::keys);
        auto vals = list_of(e, fld::Dict::values);
        for (size_t i = 0; i < vals.size(); ++i) {
          if (i >= keys.size() || keys[i] == kNone) {  // `**other`
            expr(vals[i]);
            unsupported(cur_, e, "dict display with **");
            continue;
          }
          kj = T.join(kj, expr(keys[i]));
          vj = T.join(vj, expr(vals[i]));
        }
        if (kj == Types::kDyn || vj == Types::kDyn) return Types::kDyn;
        if (kj == Types::kUnknown && vj == Types::kUnknown && T.kind(expected) == TyKind::Dict) return expected;
        return T.dict(kj, vj);
      }
      case Kind::DictComp: {
        for (NodeId z : zip_rows_iters(m_, e)) zip_rows_.insert(z);
        comp_enter(list_of(e, fld::DictComp::generators));
        TypeId k = expr(slot(e, fld::DictComp::key));
        TypeId v = expr(slot(e, fld::DictComp::value));
        comp_scopes_.pop_back();
        if (k == Types::kDyn || v == Types::kDyn) return Types::kDyn;
        return T.dict(k, v);
      }
      case Kind::Attribute: {
        NodeId base = slot(e, fld::Attribute::value);
        if (TypeId it = inherit_attr_type(tm_, e); it != Types::kUnknown) return it;
        if (kind(base) == Kind::Name && !local_shadow(ident(base, fld::Name::id)) &&
            tm_.funcs[0].var_index.count(ident(base, fld::Name::id)) == 0) {
          // `string.punctuation`, `math.pi`; `str.lower` as a key function (Dyn:
          // the static lowering only takes it as a key=).
          TypeId at = module_attr_type(ident(base, fld::Name::id), ident(e, fld::Attribute::attr));
          if (at != Types::kUnknown) return at;
        }
        // `type(exc).__name__` of a caught exception: its class name.
        if (NodeId xa = exc_type_name_arg(m_, e); xa != kNone && !local_shadow("type") && T.kind(expr(xa)) == TyKind::Exc) return Types::kStr;
        TypeId ot = expr(base);
        if (T.kind(ot) == TyKind::Class) return attr_type(T.get(ot).cls, e);
        if (T.kind(ot) == TyKind::Exc) {
          TypeId at = exc_attr_type(tm_, exc_handlers_, e);
          if (at == Types::kDyn) unsupported(cur_, e, "attribute of an exception");
          return at;
        }
        if (T.kind(ot) == TyKind::Unknown) return Types::kUnknown;  // a later round may know it
        unsupported(cur_, e, "attribute access");
        return Types::kDyn;
      }
      default:
        unsupported(cur_, e, std::string(ast::kind_name(kind(e))) + " expression");
        return Types::kDyn;
    }
  }

  void comp_enter(std::span<const uint32_t> gens) {
    comp_scopes_.emplace_back();
    for (NodeId g : gens) {
      TypeId it = expr(slot(g, fld::comprehension::iter));
      bind_comp(slot(g, fld::comprehension::target), element_of(it));
      for (NodeId c : list_of(g, fld::comprehension::ifs)) expr(c);
    }
  }

  void bind_comp(NodeId t, TypeId et) {
    tm_.expr_type[t] = et;
    tm_.owner[t] = cur_;
    if (kind(t) == Kind::Name) {
      comp_scopes_.back()[std::string(ident(t, fld::Name::id))] = et;
    } else if (kind(t) == Kind::Tuple) {
      auto elts = list_of(t, fld::Tuple::elts);
      const TypeRec& r = T.get(et);
      for (size_t i = 0; i < elts.size(); ++i)
        bind_comp(elts[i], r.kind == TyKind::Tuple && r.args.size() == elts.size() ? r.args[i]
                           : r.kind == TyKind::Unknown                                 ? Types::kUnknown  // a later round may know it
                                                                                       : Types::kDyn);
    }
  }

  TypeId call(NodeId e) {
    NodeId fn = slot(e, fld::Call::func);
    auto args = list_of(e, fld::Call::args);
    if (zip_rows_.count(e) && !local_shadow("zip")) {
      // `[list(r) for r in zip(*m)]`: the rows of m (list[list[T]]) as lists (infer_specialize.h).
      TypeId x = expr(slot(args[0], fld::Starred::value));
      tm_.expr_type[args[0]] = x, tm_.owner[args[0]] = cur_, tm_.owner[fn] = cur_;
      if (T.kind(x) == TyKind::List && T.kind(T.elem(x)) == TyKind::List) return T.iter(T.elem(x));
      if (T.has_unknown(x)) return Types::kUnknown;
      unsupported(cur_, e, "zip of rows that are not lists");
      return Types::kDyn;
    }
    std::vector<TypeId> at;
    for (NodeId a : args) at.push_back(expr(a));
    std::vector<TypeId> kt;
    for (NodeId k : list_of(e, fld::Call::keywords)) {
      key_lambda(fn, k, at);
      kt.push_back(expr(slot(k, fld::keyword::value)));
    }
    if (kind(fn) == Kind::Name) {
      std::string_view n = ident(fn, fld::Name::id);
      tm_.owner[fn] = cur_;
      if (TypeId it = inherit_call_type(tm_, cur_, e, n, at.size()); it != Types::kUnknown && !local_shadow(n)) return it;
      // sorted/min/max of instances compare them with __lt__.
      if ((n == "sorted" || n == "min" || n == "max") && at.size() == 1 && kt.empty() && !local_shadow(n))
        compare_dunder(Kind::Lt, element_of(at[0]), element_of(at[0]));
      int nf = nested_callee(n);
      auto uf = tm_.func_by_name.find(n);
      if (nf < 0 && !(uf != tm_.func_by_name.end() && !local_shadow(n))) {
        nf = func_value(fn);
        const TypeRec& fr = T.get(lookup_name(fn));
        if (fr.kind == TyKind::Func && (fr.cls & kLambdaFunc) && (fr.cls & ~kLambdaFunc) < tm_.lambdas.size() && fr.args.empty())
          return lambda_call(fr.cls & ~kLambdaFunc, at);
        // A variable a later round types (`c = make_counter()` before make_counter is typed).
        if (nf < 0 && lookup_name(fn) == Types::kUnknown && (local_shadow(n) || tm_.funcs[0].var_index.count(n) || in_comp_scope(n)))
          return Types::kUnknown;
      }
      if (nf >= 0 || (uf != tm_.func_by_name.end() && !local_shadow(n))) {
        Function& callee = tm_.funcs[nf >= 0 ? static_cast<uint32_t>(nf) : uf->second];
        call_keywords(callee, e, kt);
        for (size_t i = 0; i < at.size() && i < callee.params.size() && kind(args[i]) != Kind::Starred; ++i) {
          Var& p = callee.vars[callee.params[i]];
          // A list the callee changes in place is changed here too.
          if (p.mutated && kind(args[i]) == Kind::Name) {
            auto& fn = tm_.funcs[cur_];
            auto it = fn.var_index.find(ident(args[i], fld::Name::id));
            if (it != fn.var_index.end() && !fn.vars[it->second].mutated) {
              fn.vars[it->second].mutated = true;
              changed_ = true;
            }
          }
          if (!p.annotated) {
            TypeId j = T.join(p.type, at[i]);
            if (j != p.type) {
              p.type = j;
              changed_ = true;
            }
          } else if (BigInts::widen(T, p.type, at[i])) {
            changed_ = true;
          }
        }
        return callee.ret;
      }
      auto uc = tm_.class_by_name.find(n);
      if (uc != tm_.class_by_name.end() && !local_shadow(n)) return construct_type(e, uc->second, at);
      if (n == "isinstance" && at.size() == 2 && T.kind(at[0]) == TyKind::Exc && !local_shadow(n)) return Types::kBool;
      if (n == "map" && args.size() == 2 && kind(args[0]) == Kind::Name && !local_shadow(n) && !local_shadow(ident(args[0], fld::Name::id)))
        if (TypeId mt = map_builtin_type(m_, T, e, at); mt != Types::kDyn) return mt;  // infer_specialize.h
      const BuiltinInfo* b = find_builtin(BuiltinRecv::Fn, n);
      if (!b) {
        unsupported(cur_, e, "call of " + std::string(n));
        return Types::kDyn;
      }
      TypeId a0 = at.empty() ? Types::kUnknown : at[0];
      switch (b->result) {
        case BuiltinResult::Int: return Types::kInt;
        case BuiltinResult::Float: return Types::kFloat;
        case BuiltinResult::Bool: return Types::kBool;
        case BuiltinResult::Str: return Types::kStr;
        case BuiltinResult::None: return Types::kNone;
        case BuiltinResult::Same: return a0 == Types::kBool ? Types::kInt : a0;
        case BuiltinResult::Elem: {
          TypeId el = element_of(a0);
          return el == Types::kBool ? Types::kInt : el;
        }
        case BuiltinResult::ListStr: return T.list(Types::kStr);
        case BuiltinResult::ListSame: return T.list(element_of(a0));
        case BuiltinResult::Special: break;
      }
      if (n == "round") return at.size() >= 2 ? (a0 == Types::kInt ? Types::kInt : T.kind(a0) == TyKind::Num ? a0 : Types::kFloat) : Types::kInt;
      if (n == "min" || n == "max") {
        if (at.size() == 1) return element_of(a0);
        TypeId j = Types::kUnknown;
        for (TypeId t : at) j = T.join(j, t);
        return j;
      }
      if (n == "range") return Types::kRange;
      if (n == "pow") {
        for (TypeId t : at)
          if (t == Types::kFloat) return Types::kFloat;
        for (TypeId t : at)
          if (T.kind(t) == TyKind::Num) return t;
        return Types::kInt;
      }
      if (n == "reversed") return T.iter(element_of(a0));
      if (n == "enumerate") return T.iter(T.tuple({Types::kInt, element_of(a0)}));
      if (n == "zip" && at.size() == 2) return T.iter(T.tuple({element_of(at[0]), element_of(at[1])}));
      if (n == "list") return at.empty() ? T.list(Types::kUnknown) : T.list(element_of(a0));
      if (n == "divmod" && at.size() == 2) {
        TypeId j = T.join(at[0], at[1]);
        if (at[0] == Types::kFloat || at[1] == Types::kFloat) j = Types::kFloat;  // a float operand: floats
        return T.tuple({j, j});
      }
      if (n == "next" && !args.empty()) mark_mutated(args[0]);  // advances the iterator
      if (TypeId rr, st = special_call_type(T, Types::kUnknown, n, at, &rr); st != Types::kDyn) return st;
      unsupported(cur_, e, "call of " + std::string(n));
      return Types::kDyn;
    }
    if (kind(fn) == Kind::Attribute) {
      if (TypeId mt = math_call_type(tm_, cur_, e, at); mt != Types::kUnknown) return mt;  // infer_math.cc
      NodeId recv = slot(fn, fld::Attribute::value);
      std::string_view m = ident(fn, fld::Attribute::attr);
      // `str.maketrans(..)`: a function of the str class (infer_builtins_more.cc).
      if (kind(recv) == Kind::Name && ident(recv, fld::Name::id) == "str" && !local_shadow("str") && !tm_.funcs[0].var_index.count("str"))
        if (TypeId st = builtin_call_more(T, "str." + std::string(m), at); st != Types::kDyn) return tm_.owner[fn] = cur_, st;
      TypeId rt = expr(recv);
      tm_.owner[fn] = cur_;
      if (T.kind(rt) == TyKind::Class) return method_call_type(e, T.get(rt).cls, m, at);
      if (T.kind(rt) == TyKind::List && kind(recv) == Kind::Attribute && is_mutating_method(m) && !at.empty() &&
          (m == "append" || m == "extend" || m == "insert")) {
        TypeId ot = tm_.type_of(slot(recv, fld::Attribute::value));
        TypeId el = m == "extend" ? element_of(at[0]) : at.back();
        if (T.kind(ot) == TyKind::Class && T.has_unknown(rt))
          field_store(T.get(ot).cls, ident(recv, fld::Attribute::attr), T.list(el));
      }
      if (T.kind(rt) == TyKind::Dict && m == "get" && at.size() == 2) {
        // `d.get(k, default)`: the value type (the static lowering's get_or).
        TypeId v = T.join(T.get(rt).args[1], at[1]);
        return v;
      }
      const BuiltinInfo* b = find_builtin(recv_of(T.kind(rt)), m);
      if (!b) {
        if (T.kind(rt) == TyKind::Unknown) return Types::kUnknown;
        unsupported(cur_, e, "method " + std::string(m) + " of " + T.name(rt));
        return Types::kDyn;
      }
      if ((T.kind(rt) == TyKind::Dict || T.kind(rt) == TyKind::Set) && is_mutating_method(m)) mark_mutated(recv);
      if (T.kind(rt) == TyKind::List && is_mutating_method(m)) {
        mark_mutated(recv);
        if (m == "append" && !at.empty()) refine(recv, T.list(at[0]));
        if (m == "extend" && !at.empty()) refine(recv, T.list(element_of(at[0])));
        refine_setdefault(recv, m, at);
      }
      switch (b->result) {
        case BuiltinResult::Int: return Types::kInt;
        case BuiltinResult::Float: return Types::kFloat;
        case BuiltinResult::Bool: return Types::kBool;
        case BuiltinResult::Str: return Types::kStr;
        case BuiltinResult::None: return Types::kNone;
        case BuiltinResult::Same: return rt;
        case BuiltinResult::Elem: return element_of(rt);
        case BuiltinResult::ListStr: return T.list(Types::kStr);
        case BuiltinResult::ListSame: return T.list(element_of(rt));
        case BuiltinResult::Special: {
          TypeId refined = Types::kUnknown;
          TypeId st = special_call_type(T, rt, m, at, &refined);
          if (refined != Types::kUnknown) refine(recv, refined);
          if (st == Types::kDyn) unsupported(cur_, e, "method " + std::string(m) + " of " + T.name(rt));
          return st;
        }
      }
    }
    unsupported(cur_, e, "call");
    return Types::kDyn;
  }

  // `f(k=v)`: v types the parameter (or keyword-only parameter) k.
  void call_keywords(Function& callee, NodeId e, const std::vector<TypeId>& kt) {
    auto kws = list_of(e, fld::Call::keywords);
    for (size_t i = 0; i < kws.size(); ++i) {
      uint32_t kn = slot(kws[i], fld::keyword::arg);
      if (kn == kNone) continue;
      auto it = callee.var_index.find(m_.str(kn));
      if (it == callee.var_index.end()) continue;
      Var& p = callee.vars[it->second];
      bool param = std::find(callee.params.begin(), callee.params.end(), it->second) != callee.params.end() ||
                   std::find(callee.kwonly.begin(), callee.kwonly.end(), it->second) != callee.kwonly.end();
      if (!param || p.annotated) continue;
      TypeId j = T.join(p.type, kt[i]);
      if (j != p.type) {
        p.type = j;
        changed_ = true;
      }
    }
  }

  // ---------------------------------------------------------------- classes
  // Instances have the class's type; `self` is a parameter of that type;
  // fields get their types from every store (`self.x = v`, in any method),
  // dataclass annotations and the arguments of constructor calls.
  static bool decorated_as(const ast::Module& m, NodeId def, std::string_view name) {
    for (NodeId d : m.list_of(def, fld::FunctionDef::decorator_list)) {
      if (m.kind(d) == Kind::Name && m.str(m.slot(d, fld::Name::id)) == name) return true;
      if (m.kind(d) == Kind::Attribute && m.str(m.slot(d, fld::Attribute::attr)) == name) return true;
    }
    return false;
  }

  void add_self_var(uint32_t f, NodeId def, uint32_t ci) {
    if (tm_.funcs[f].is_static || decorated_as(m_, def, "classmethod")) return;
    NodeId args = slot(def, fld::FunctionDef::args);
    auto pos = list_of(args, fld::arguments::args);
    if (pos.empty() || !list_of(args, fld::arguments::posonlyargs).empty()) return;
    uint32_t v = var(f, ident(pos[0], fld::arg::arg));
    Var& sv = tm_.funcs[f].vars[v];
    sv.is_param = true;
    sv.annotated = true;
    sv.type = T.cls(ci);
  }

  void class_header(uint32_t ci) {
    NodeId def = tm_.classes[ci].node;
    for (NodeId bn : list_of(def, fld::ClassDef::bases)) {
      if (kind(bn) != Kind::Name) continue;
      auto b = tm_.class_by_name.find(ident(bn, fld::Name::id));
      if (b != tm_.class_by_name.end() && b->second != ci) tm_.classes[ci].base = static_cast<int>(b->second);
    }
    if (T.class_base.size() <= ci) T.class_base.resize(ci + 1, -1);
    T.class_base[ci] = tm_.classes[ci].base;
    for (NodeId d : list_of(def, fld::ClassDef::decorator_list)) {
      NodeId n = kind(d) == Kind::Call ? slot(d, fld::Call::func) : d;
      if ((kind(n) == Kind::Name && ident(n, fld::Name::id) == "dataclass") ||
          (kind(n) == Kind::Attribute && ident(n, fld::Attribute::attr) == "dataclass"))
        tm_.classes[ci].dataclass = true;
    }
    if (!tm_.classes[ci].dataclass) return;
    for (NodeId st : list_of(def, fld::ClassDef::body)) {
      if (kind(st) != Kind::AnnAssign || kind(slot(st, fld::AnnAssign::target)) != Kind::Name) continue;
      TypeId t = annotation(slot(st, fld::AnnAssign::annotation));
      tm_.classes[ci].fields.emplace_back(std::string(ident(slot(st, fld::AnnAssign::target), fld::Name::id)), t);
    }
  }

  // Python keeps an int an int in a float-annotated field: the field is
  // int | float then (Types::join, types_num.cc).
  TypeId field_join(TypeId a, TypeId b) {
    TyKind ka = T.kind(a), kb = T.kind(b);
    (void)ka, (void)kb;
    return T.join(a, b);  // int with float: int | float (types_num.cc)
  }

  std::pair<std::string, TypeId>* find_field(int ci, std::string_view name) {
    for (int depth = 0; ci >= 0 && depth < 64; ++depth) {
      for (auto& fd : tm_.classes[static_cast<uint32_t>(ci)].fields)
        if (fd.first == name) return &fd;
      ci = tm_.classes[static_cast<uint32_t>(ci)].base;
    }
    return nullptr;
  }

  int find_method(int ci, std::string_view name) const {
    for (int depth = 0; ci >= 0 && depth < 64; ++depth) {
      auto it = tm_.classes[static_cast<uint32_t>(ci)].methods.find(name);
      if (it != tm_.classes[static_cast<uint32_t>(ci)].methods.end()) return static_cast<int>(it->second);
      ci = tm_.classes[static_cast<uint32_t>(ci)].base;
    }
    return -1;
  }

  void field_store(uint32_t ci, std::string_view name, TypeId t) {
    auto* fd = find_field(static_cast<int>(ci), name);
    if (!fd) {
      tm_.classes[ci].fields.emplace_back(std::string(name), t);
      changed_ = true;
      return;
    }
    TypeId j = field_join(fd->second, t);
    if (j != fd->second) {
      fd->second = j;
      changed_ = true;
    }
  }

  TypeId attr_type(uint32_t ci, NodeId e) {
    std::string_view name = ident(e, fld::Attribute::attr);
    if (auto* fd = find_field(static_cast<int>(ci), name)) return fd->second;
    int m = find_method(static_cast<int>(ci), name);
    if (m >= 0 && decorated_as(m_, tm_.funcs[static_cast<uint32_t>(m)].node, "property")) return tm_.funcs[static_cast<uint32_t>(m)].ret;
    return Types::kUnknown;  // a field some later store types, or none (the lowering gives up)
  }

  // `a == b` / `a < b` / `a > b` between instances call __eq__ / __lt__:
  // the other operand flows into its parameter.
  void compare_dunder(Kind op, TypeId l, TypeId r) {
    const char* name = (op == Kind::Eq || op == Kind::NotEq) ? "__eq__" : op == Kind::Lt ? "__lt__" : op == Kind::Gt ? "__lt__" : nullptr;
    if (op == Kind::Gt) std::swap(l, r);
    if (!name || T.kind(l) != TyKind::Class) return;
    int f = find_method(static_cast<int>(T.get(l).cls), name);
    if (f < 0) return;
    Function& callee = tm_.funcs[static_cast<uint32_t>(f)];
    if (callee.params.empty()) return;
    Var& p = callee.vars[callee.params[0]];
    if (p.annotated) return;
    TypeId j = T.join(p.type, r);
    if (j != p.type) p.type = j, changed_ = true;
  }

  // Arguments flow into the callee's parameters (by position or keyword).
  void flow_args(NodeId e, uint32_t f, const std::vector<TypeId>& at) {
    Function& callee = tm_.funcs[f];
    auto join_param = [&](size_t i, TypeId t) {
      Var& p = callee.vars[callee.params[i]];
      if (p.annotated) return;
      TypeId j = T.join(p.type, t);
      if (j != p.type) {
        p.type = j;
        changed_ = true;
      }
    };
    for (size_t i = 0; i < at.size() && i < callee.params.size(); ++i) join_param(i, at[i]);
    for (NodeId k : list_of(e, fld::Call::keywords)) {
      uint32_t kn = slot(k, fld::keyword::arg);
      for (size_t i = 0; kn != kNone && i < callee.params.size(); ++i)
        if (callee.vars[callee.params[i]].name == m_.str(kn)) join_param(i, tm_.type_of(slot(k, fld::keyword::value)));
    }
  }

  TypeId construct_type(NodeId e, uint32_t ci, const std::vector<TypeId>& at) {
    int init = find_method(static_cast<int>(ci), "__init__");
    if (init >= 0) {
      flow_args(e, static_cast<uint32_t>(init), at);
    } else if (tm_.classes[ci].dataclass) {
      // The generated __init__ takes the fields in order.
      auto& fields = tm_.classes[ci].fields;
      for (size_t i = 0; i < at.size() && i < fields.size(); ++i) {
        TypeId j = field_join(fields[i].second, at[i]);
        if (j != fields[i].second) fields[i].second = j, changed_ = true;
      }
      for (NodeId k : list_of(e, fld::Call::keywords)) {
        uint32_t kn = slot(k, fld::keyword::arg);
        for (auto& fd : fields)
          if (kn != kNone && fd.first == m_.str(kn)) {
            TypeId j = field_join(fd.second, tm_.type_of(slot(k, fld::keyword::value)));
            if (j != fd.second) fd.second = j, changed_ = true;
          }
      }
    }
    return T.cls(ci);
  }

  TypeId method_call_type(NodeId e, uint32_t ci, std::string_view m, const std::vector<TypeId>& at) {
    int f = find_method(static_cast<int>(ci), m);
    if (f < 0 || tm_.funcs[static_cast<uint32_t>(f)].is_static) {
      unsupported(cur_, e, "method " + std::string(m) + " of " + tm_.classes[ci].name);
      return Types::kDyn;
    }
    flow_args(e, static_cast<uint32_t>(f), at);
    // Overriding methods in subclasses take the same arguments (not
    // __init__: `super().__init__(...)` calls only the base's).
    for (uint32_t k = 0; k < tm_.classes.size() && m != "__init__"; ++k) {
      int g = find_method(static_cast<int>(k), m);
      if (g < 0 || g == f) continue;
      for (int b = tm_.classes[k].base; b >= 0; b = tm_.classes[static_cast<uint32_t>(b)].base)
        if (static_cast<uint32_t>(b) == ci) {
          flow_args(e, static_cast<uint32_t>(g), at);
          break;
        }
    }
    return override_ret(tm_, ci, m, tm_.funcs[static_cast<uint32_t>(f)].ret);
  }

  bool in_comp_scope(std::string_view n) const {
    for (const auto& sc : comp_scopes_)
      if (sc.count(n)) return true;
    return false;
  }

  bool local_shadow(std::string_view n) const {
    const Function& fn = tm_.funcs[cur_];
    return fn.var_index.count(n) > 0;
  }

  // ---------------------------------------------------------------- placement
  struct Occ {
    std::vector<ast::ListId> first_path;  // blocks around the first occurrence
    size_t common = 0;                    // length of the common prefix so far
    NodeId first_stmt = kNone;            // statement holding the first occurrence
    bool first_is_decl = false;
    bool seen = false;
    std::vector<ast::ListId> path;        // first_path truncated to `common`
  };

  void place(uint32_t f) {
    cur_ = f;
    Function& fn = tm_.funcs[f];
    occ_.assign(fn.vars.size(), Occ());
    blocks_.clear();
    for_bound_.clear();
    ast::ListId body_list;
    if (fn.node == kNone) {
      body_list = slot(m_.root(), fld::Module::body);
      blocks_.push_back(body_list);
      for (NodeId s : m_.list(body_list)) {
        Kind k = kind(s);
        if (k == Kind::FunctionDef || k == Kind::ClassDef) continue;
        top_stmt_ = s;
        if (s == tm_.main_guard) {
          // The guard's body runs as if it were the module's own block.
          for (NodeId b : list_of(s, fld::If::body)) {
            top_stmt_ = b;
            place_stmt(b);
          }
          continue;
        }
        place_stmt(s);
      }
    } else {
      body_list = slot(fn.node, fld::FunctionDef::body);
      blocks_.push_back(body_list);
      for (uint32_t p : fn.params) {
        Var& v = fn.vars[p];
        v.decl_block = body_list;
        (void)v;
      }
      place_list(body_list);
    }
    for (uint32_t i = 0; i < fn.vars.size(); ++i) {
      Var& v = fn.vars[i];
      const Occ& o = occ_[i];
      if (v.is_param || !o.seen) continue;
      if (o.path.size() == o.first_path.size() && o.first_is_decl) {
        v.decl_block = o.path.back();
        v.decl_stmt = o.first_stmt;
      } else {
        v.decl_block = o.path.back();
        v.decl_stmt = kNone;
      }
    }
  }

  void place_list(ast::ListId l) {
    for (NodeId s : m_.list(l)) {
      NodeId saved = top_stmt_;
      top_stmt_ = s;
      place_stmt(s);
      top_stmt_ = saved;
    }
  }

  void nested(ast::ListId l) {
    blocks_.push_back(l);
    place_list(l);
    blocks_.pop_back();
  }

  void place_stmt(NodeId s) {
    switch (kind(s)) {
      case Kind::Assign: {
        place_expr(slot(s, fld::Assign::value));
        auto targets = list_of(s, fld::Assign::targets);
        for (NodeId t : targets) place_target(t, targets.size() == 1 && kind(t) == Kind::Name);
        break;
      }
      case Kind::AnnAssign:
        if (slot(s, fld::AnnAssign::value) != kNone) place_expr(slot(s, fld::AnnAssign::value));
        place_target(slot(s, fld::AnnAssign::target), slot(s, fld::AnnAssign::value) != kNone);
        break;
      case Kind::AugAssign:
        place_expr(slot(s, fld::AugAssign::value));
        place_target(slot(s, fld::AugAssign::target), false);
        break;
      case Kind::Expr: place_expr(slot(s, fld::Expr::value)); break;
      case Kind::Return:
        if (slot(s, fld::Return::value) != kNone) place_expr(slot(s, fld::Return::value));
        break;
      case Kind::If:
        place_expr(slot(s, fld::If::test));
        nested(slot(s, fld::If::body));
        nested(slot(s, fld::If::orelse));
        break;
      case Kind::While:
        place_expr(slot(s, fld::While::test));
        nested(slot(s, fld::While::body));
        nested(slot(s, fld::While::orelse));
        break;
      case Kind::For: {
        place_expr(slot(s, fld::For::iter));
        std::vector<std::string> names;
        collect_names(slot(s, fld::For::target), names);
        tm_.for_binds[s] = 1;
        for (auto& n : names) for_bound_.push_back({n, s});
        nested(slot(s, fld::For::body));
        for (size_t i = 0; i < names.size(); ++i) for_bound_.pop_back();
        nested(slot(s, fld::For::orelse));
        break;
      }
      case Kind::Try:
        // Stores inside try/except/else/finally count too (a parameter
        // reassigned in a handler must be `mut`).
        nested(slot(s, fld::Try::body));
        for (NodeId h : list_of(s, fld::Try::handlers)) nested(slot(h, fld::ExceptHandler::body));
        nested(slot(s, fld::Try::orelse));
        nested(slot(s, fld::Try::finalbody));
        break;
      default: break;
    }
  }

  void collect_names(NodeId t, std::vector<std::string>& out) {
    if (kind(t) == Kind::Name) out.emplace_back(ident(t, fld::Name::id));
    else if (kind(t) == Kind::Tuple || kind(t) == Kind::List)
      for (NodeId e : list_of(t, fld::Tuple::elts)) collect_names(e, out);
  }

  void place_target(NodeId t, bool decl) {
    if (kind(t) == Kind::Name) occur(ident(t, fld::Name::id), decl, true);
    else if (kind(t) == Kind::Tuple || kind(t) == Kind::List)
      for (NodeId e : list_of(t, fld::Tuple::elts)) place_target(e, false);
    else
      place_expr(t);
  }

  void place_expr(NodeId e) {
    // Iterative walk over the expression's Name nodes.
    std::vector<NodeId> stack{e};
    while (!stack.empty()) {
      NodeId n = stack.back();
      stack.pop_back();
      if (n == kNone) continue;
      Kind k = kind(n);
      if (k == Kind::Name) {
        occur(ident(n, fld::Name::id), false, false);
        continue;
      }
      // A call of a nested function reads its captures here.
      if (k == Kind::Call && kind(slot(n, fld::Call::func)) == Kind::Name) {
        int nf = nested_callee(ident(slot(n, fld::Call::func), fld::Name::id));
        if (nf >= 0)
          for (uint32_t c : tm_.funcs[static_cast<uint32_t>(nf)].captures) occur(tm_.funcs[static_cast<uint32_t>(nf)].vars[c].name, false, false);
      }
      for (size_t i = 0; i < ast::fields_of(k).size(); ++i) {
        ast::FieldType ft = ast::fields_of(k)[i].type;
        uint32_t v = slot(n, static_cast<uint32_t>(i));
        if (ft == ast::FieldType::Node || ft == ast::FieldType::OptNode) {
          if (v != kNone) stack.push_back(v);
        } else if (ft == ast::FieldType::List || ft == ast::FieldType::OptNodeList) {
          for (NodeId c : m_.list(v))
            if (c != kNone) stack.push_back(c);
        }
      }
    }
  }

  void occur(std::string_view name, bool decl, bool store) {
    for (auto it = for_bound_.rbegin(); it != for_bound_.rend(); ++it) {
      if (it->first == name) {
        if (store) tm_.for_binds[it->second] = 2;  // the loop variable is assigned: `for mut x`
        return;
      }
    }
    Function& fn = tm_.funcs[cur_];
    auto vi = fn.var_index.find(name);
    if (vi == fn.var_index.end()) return;
    Var& v = fn.vars[vi->second];
    Occ& o = occ_[vi->second];
    if (v.is_param) {
      if (store) v.reassigned = true;
      return;
    }
    if (!o.seen) {
      o.seen = true;
      o.first_path = blocks_;
      o.path = blocks_;
      o.first_stmt = top_stmt_;
      o.first_is_decl = decl;
      return;
    }
    if (store) v.reassigned = true;
    size_t c = 0;
    while (c < o.path.size() && c < blocks_.size() && o.path[c] == blocks_[c]) ++c;
    o.path.resize(c);
  }

  const ast::Module& m_;
  TypedModule tm_;
  Types& T;
  uint32_t cur_ = 0;
  bool changed_ = false;
  BigInts big_{m_};  // ints that may outgrow i64
  std::vector<std::map<std::string, TypeId, std::less<>>> comp_scopes_;
  bool nesting_ = false;               // add_function: a nested def (not a module name)
  std::vector<TypeId> lambda_args_;    // parameter types of the next Lambda typed
  std::set<NodeId> zip_rows_;          // `zip(*m)` calls whose rows are read as lists (infer_specialize.h)
  std::vector<std::string> narrow_;  // names narrowed from Optional[T] to T here (infer_optional.h)
  ExcHandlers exc_handlers_;  // handlers around the statements being typed (infer_exc.h)
  std::vector<Occ> occ_;
  std::vector<ast::ListId> blocks_;
  std::vector<std::pair<std::string, NodeId>> for_bound_;
  NodeId top_stmt_ = kNone;
  std::map<std::string, NodeId, std::less<>> aliases_;  // module-level type aliases
  int alias_depth_ = 0;  // alias annotations being resolved (a cycle stops)
};

}  // namespace

const BuiltinInfo* find_builtin(BuiltinRecv recv, std::string_view name) {
  // Asked for every call and method met: a hash index per receiver kind over
  // the table (the first entry of a name wins, as a scan of the table finds).
  static const auto index = [] {
    std::array<std::unordered_map<std::string_view, const BuiltinInfo*>, 7> ix;
    for (const BuiltinInfo& b : kBuiltins) ix[static_cast<size_t>(b.recv)].emplace(b.py, &b);
    return ix;
  }();
  size_t r = static_cast<size_t>(recv);
  if (r >= index.size()) return nullptr;
  auto it = index[r].find(name);
  return it == index[r].end() ? nullptr : it->second;
}

BuiltinRecv recv_of(TyKind k) {
  switch (k) {
    case TyKind::Str: return BuiltinRecv::Str;
    case TyKind::List: return BuiltinRecv::List;
    case TyKind::Int: case TyKind::Bool: return BuiltinRecv::Int;
    case TyKind::Float: return BuiltinRecv::Float;
    case TyKind::Dict: return BuiltinRecv::Dict;
    case TyKind::Set: return BuiltinRecv::Set;
    default: return BuiltinRecv::Fn;
  }
}

TypedModule infer(const ast::Module& module, const index::GlobalIndex* index, std::string_view module_name) {
  Inferer inf(module, module_name);
  // Another module's calls and reads are typed by that module: a module others
  // import keeps its functions and variables as they are (no specialised copies).
  bool imported = index != nullptr && index->imported_by_other(module_name);
  TypedModule tm = inf.run();
  if (!imported) tm = specialize_calls(std::move(tm), [&](const ast::Module& m) { return Inferer(m, module_name).run(); });
  // Whether a module runs as a program is the index's call (the workspace
  // manifests are written from the index alone): a library whose top level
  // only defines things (try/except imports, augmented assignments) gets no
  // binary even where the statement scan above is more eager.
  if (index != nullptr) {
    if (const index::ModuleSummary* s = index->find(module_name); s != nullptr && !s->is_program)
      tm.is_program = false;
  }
  return tm;
}

}  // namespace portalis::sema
