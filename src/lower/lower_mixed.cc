// Mixed modules: each function is lowered statically when it can be and
// dynamically otherwise, in the same Rust module. Calls across the boundary
// convert: a static caller wraps its arguments into `Value` (ToValue) and
// converts the dynamic result back to the type sema inferred (FromValue,
// TypeError when it does not fit); a dynamic caller converts its Values to
// the static parameter types and wraps the result.
#include "ast/walk.h"
#include "lower/lower_impl.h"

namespace portalis::lower {

using ast::walk;

bool Lowerer::is_dyn_fn(uint32_t f) const {
  if (dyn_) return true;
  if (f < tm_.funcs.size() && tm_.funcs[f].cls >= 0 && !is_static_class(tm_.funcs[f].cls)) return true;  // methods live in dynamic classes
  return dyn_fns_ != nullptr && dyn_fns_->count(f) > 0;
}

bool Lowerer::bridgeable(TypeId t) const {
  const sema::TypeRec& r = T.get(t);
  switch (r.kind) {
    case TyKind::Int: case TyKind::Float: case TyKind::Bool: case TyKind::Str: case TyKind::None: case TyKind::BigInt: case TyKind::Num: return true;
    case TyKind::Class: return is_static_class(static_cast<int>(r.cls));  // rt::native handles
    case TyKind::List: case TyKind::Set: case TyKind::Optional: return bridgeable(r.args[0]);
    case TyKind::Func: return s_func_bridgeable(t);
    case TyKind::Dict: return bridgeable(r.args[0]) && bridgeable(r.args[1]);
    case TyKind::Tuple:
      if (r.args.empty() || r.args.size() > 6) return false;
      for (TypeId a : r.args)
        if (!bridgeable(a)) return false;
      return true;
    default: return false;
  }
}

bool Lowerer::mentions_class(TypeId t) const {
  const sema::TypeRec& r = T.get(t);
  if (r.kind == TyKind::Class) return !is_static_class(static_cast<int>(r.cls));
  for (TypeId a : r.args)
    if (mentions_class(a)) return true;
  return false;
}

RId Lowerer::from_value(RId value_ref, TypeId t) {
  // `<T>::from_value(&v)?`: FromValue is imported by mixed modules.
  return try_(b_.call(b_.assoc_path(rust_type(t), "from_value"), {value_ref}));
}

LE Lowerer::call_dynamic(NodeId e, uint32_t f, const std::vector<NodeId>& given) {
  const sema::Function& callee = tm_.funcs[f];
  Ids pre, args;
  std::vector<std::pair<std::string, const Binding*>> write_back;
  std::vector<uint32_t> ps = s_call_params(f);
  for (size_t i = 0; i < given.size(); ++i) {
    const sema::Var& p = callee.vars[ps[i]];
    NodeId a = given[i] != kNone ? given[i] : p.default_value;
    LE v = expr(a);
    if (!bridgeable(v.ty)) {
      fail(a, "argument of type " + T.name(v.ty) + " for a dynamic function");
      return {b_.tuple({}), callee.ret, Form::Owned};
    }
    TyKind k = T.kind(v.ty);
    bool container = k == TyKind::List || k == TyKind::Dict || k == TyKind::Set;
    if (container && p.mutated) {
      // The callee changes the list in place: hand it a Value and copy the
      // changes back into the caller's variable afterwards.
      const Binding* bnd = kind(a) == Kind::Name ? lookup(ident(a, fld::Name::id)) : nullptr;
      if (!bnd || (bnd->form != Form::Place && bnd->form != Form::MutRef)) {
        fail(a, "a container changed by a dynamic function");
        return {b_.tuple({}), callee.ret, Form::Owned};
      }
      std::string tmp = fresh("arg");
      pre.push_back(b_.let(tmp, kNil, b_.method(v.id, "to_value", {}), false));
      args.push_back(b_.method(b_.path(tmp), "clone", {}));
      write_back.push_back({tmp, bnd});
      continue;
    }
    args.push_back(b_.method(v.id, "to_value", {}));  // autoref: places, &str, &mut Vec alike
  }
  RId c = try_(b_.call(fn_rust_name(f), args));
  TypeId ret = callee.ret;
  bool none = T.kind(ret) == TyKind::None;
  bool discard = e == discard_call_;
  if (!none && !bridgeable(ret) && !discard) {
    fail(e, "result of a dynamic function without a static type");
    return {b_.tuple({}), ret, Form::Owned};
  }
  Ids stmts = pre;
  RId tail;
  if (none || discard) {
    stmts.push_back(b_.expr_stmt(c));
    tail = kNil;
    ret = Types::kNone;
  } else {
    std::string r = fresh("ret");
    stmts.push_back(b_.let(r, rust_type(ret), from_value(b_.ref(c), ret), false));
    tail = b_.path(r);
  }
  for (auto& [tmp, bnd] : write_back) {
    RId place = bnd->form == Form::MutRef ? b_.deref(b_.path(bnd->rust)) : b_.path(bnd->rust);
    stmts.push_back(b_.expr_stmt(b_.assign(Op::Assign, place, from_value(b_.ref(b_.path(tmp)), bnd->ty))));
  }
  if (stmts.size() == 1 && tail == kNil && pre.empty()) return {c, Types::kNone, Form::Owned};
  return {b_.block(stmts, tail), ret, Form::Owned};
}

RId Lowerer::d_call_static(uint32_t f, const std::vector<RId>& given) {
  const sema::Function& callee = tm_.funcs[f];
  auto unfit = [&](TypeId t) { return !bridgeable(t); };
  // Keyword-only, *args or **kwargs slots have no static counterpart.
  std::vector<uint32_t> ps = s_call_params(f);
  bool ok = given.size() == ps.size() && callee.vararg < 0 && callee.kwarg < 0 &&
            (T.kind(callee.ret) == TyKind::None || !unfit(callee.ret));
  for (uint32_t p : ps) {
    const sema::Var& v = callee.vars[p];
    TyKind k = T.kind(v.type);
    if (unfit(v.type) || ((k == TyKind::Dict || k == TyKind::Set) && v.mutated)) ok = false;
  }
  if (!ok) {
    // This signature has no Value bridge: the callee goes dynamic next round.
    force_dyn_out.insert(f);
    return try_(b_.call(fn_rust_name(f), Ids(given.begin(), given.end())));
  }
  Ids stmts, args, after;
  for (size_t i = 0; i < given.size(); ++i) {
    const sema::Var& v = callee.vars[ps[i]];
    std::string val = fresh("val"), arg = fresh("arg");
    TyKind k = T.kind(v.type);
    bool mut_list = k == TyKind::List && !v.reassigned && v.mutated;
    stmts.push_back(b_.let(val, kNil, given[i], false));
    stmts.push_back(b_.let(arg, rust_type(v.type), from_value(b_.ref(b_.path(val)), v.type), mut_list));
    if (mut_list) {
      args.push_back(b_.ref_mut(b_.path(arg)));
      // Copy the callee's changes back into the shared list (`xs[:] = ...`).
      after.push_back(b_.expr_stmt(try_(b_.call(rt("dynamic::setslice"),
                                                {b_.ref(b_.path(val)), b_.path("None"), b_.path("None"), b_.path("None"),
                                                 b_.ref(b_.method(b_.path(arg), "to_value", {}))}))));
    } else if ((k == TyKind::Str || k == TyKind::List) && !v.reassigned) {
      args.push_back(b_.ref(b_.path(arg)));
    } else {
      args.push_back(b_.path(arg));
    }
  }
  RId c = b_.call(fn_rust_name(f), args);
  if (fallible_in_.count(f)) c = try_(c);
  std::string r = fresh("ret");
  stmts.push_back(b_.let(r, kNil, c, false));
  for (RId a : after) stmts.push_back(a);
  return b_.block(stmts, b_.method(b_.path(r), "to_value", {}));
}

void Lowerer::register_exception_classes(Ids& out) {
  // The program's main does this first, in every mode.
  for (const std::string& c : exception_classes_) {
    const sema::ClassInfo& ci = tm_.classes[tm_.class_by_name.at(c)];
    Ids bases;
    for (NodeId bn : list_of(ci.node, fld::ClassDef::bases))
      if (kind(bn) == Kind::Name) bases.push_back(b_.str_lit(ident(bn, fld::Name::id)));
    out.push_back(b_.expr_stmt(b_.call(rt("exc::register_class"), {b_.str_lit(c), b_.ref(b_.array(bases))})));
  }
}

bool Lowerer::mixed_global_read(std::string_view name) {
  // Like d_global_read, but a name that a comprehension or lambda binds is
  // its own inside it, not the module's (a loop variable `i` of the module
  // body is then not published for a `[.. for i in ..]` elsewhere).
  if (!mixed_reads_ready_) {
    mixed_reads_ready_ = true;
    for (uint32_t f = 1; f < tm_.funcs.size(); ++f) {
      const sema::Function& fn = tm_.funcs[f];
      if (fn.node == kNone || fn.parent >= 0) continue;
      // Scopes: the names each comprehension/lambda binds, with its parent.
      std::vector<std::pair<std::set<std::string, std::less<>>, int>> scopes{{{}, -1}};
      std::vector<std::pair<NodeId, int>> stack;
      for (NodeId st : list_of(fn.node, fld::FunctionDef::body)) stack.push_back({st, 0});
      while (!stack.empty()) {
        auto [n, sc] = stack.back();
        stack.pop_back();
        if (n == kNone || n >= m_.node_count()) continue;
        Kind k = kind(n);
        if (k == Kind::ListComp || k == Kind::SetComp || k == Kind::GeneratorExp || k == Kind::DictComp || k == Kind::Lambda) {
          std::set<std::string, std::less<>> bound;
          walk(m_, n, [&](NodeId x) {
            if (kind(x) == Kind::comprehension)
              walk(m_, slot(x, fld::comprehension::target), [&](NodeId t) {
                if (kind(t) == Kind::Name) bound.insert(std::string(ident(t, fld::Name::id)));
              });
            else if (kind(x) == Kind::arg) bound.insert(std::string(ident(x, fld::arg::arg)));
          });
          scopes.push_back({std::move(bound), sc});
          sc = static_cast<int>(scopes.size() - 1);
        }
        if (k == Kind::Name) {
          std::string_view id = ident(n, fld::Name::id);
          bool own = false;
          for (int c = sc; c >= 0 && !own; c = scopes[c].second) own = scopes[c].first.count(id) > 0;
          if (!own && !fn.find(id) && tm_.funcs[0].find(id)) mixed_reads_.insert(std::string(id));
          continue;
        }
        auto fs = ast::fields_of(k);
        for (size_t i = 0; i < fs.size(); ++i) {
          uint32_t v = slot(n, static_cast<uint32_t>(i));
          if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) stack.push_back({v, sc});
          else if (fs[i].type == ast::FieldType::List)
            for (NodeId c : m_.list(v)) stack.push_back({c, sc});
        }
      }
    }
  }
  return mixed_reads_.count(name) > 0;
}

void Lowerer::mixed_publish_globals(NodeId s, Ids& out) {
  // A static main keeps module-level variables in Rust locals; dynamic
  // functions read them from the runtime's global table, so each store of
  // one they read is published there. Only immutable values: a container
  // would be a copy, and changes on either side would be lost.
  std::vector<NodeId> targets;
  switch (kind(s)) {
    case Kind::Assign:
      for (NodeId t : list_of(s, fld::Assign::targets)) targets.push_back(t);
      break;
    case Kind::AnnAssign: targets.push_back(slot(s, fld::AnnAssign::target)); break;
    case Kind::AugAssign: targets.push_back(slot(s, fld::AugAssign::target)); break;
    case Kind::For: targets.push_back(slot(s, fld::For::target)); break;
    case Kind::With: case Kind::AsyncWith: case Kind::AsyncFor:
      fail(s, "module-level binding in a mixed module");
      return;
    default: return;
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    NodeId t = targets[i];
    if (kind(t) == Kind::Tuple || kind(t) == Kind::List) {
      for (NodeId x : list_of(t, fld::Tuple::elts)) targets.push_back(x);
      continue;
    }
    if (kind(t) == Kind::Starred) {
      targets.push_back(slot(t, fld::Starred::value));
      continue;
    }
    if (kind(t) != Kind::Name) continue;
    std::string_view n = ident(t, fld::Name::id);
    if (!mixed_global_read(n)) continue;
    const Binding* bnd = lookup(n);
    const sema::Var* var = tm_.funcs[0].find(n);
    TypeId ty = var ? var->type : Types::kUnknown;
    TyKind k = T.kind(ty);
    bool immutable = bridgeable(ty) && k != TyKind::List && k != TyKind::Dict && k != TyKind::Set;
    if (k == TyKind::Tuple)
      for (TypeId a : T.get(ty).args)
        if (T.kind(a) == TyKind::List || T.kind(a) == TyKind::Dict || T.kind(a) == TyKind::Set) immutable = false;
    if (!bnd || !immutable || kind(s) == Kind::For) {
      fail(t, "module-level " + T.name(ty) + " read by a dynamic function");
      return;
    }
    out.push_back(b_.expr_stmt(b_.call(rt("dynamic::set_global"), {b_.str_lit(global_key(n)), b_.method(b_.path(bnd->rust), "to_value", {})})));
  }
}

}  // namespace portalis::lower
