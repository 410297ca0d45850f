// Per-call-type specialisation of module functions (see infer_specialize.h).
#include "sema/infer_specialize.h"

#include <map>
#include <memory>
#include <set>
#include <string>

#include "ast/walk.h"

namespace portalis::sema {

namespace {
using ast::Kind;
using ast::kNone;
using ast::NodeId;
namespace fld = ast::fld;

bool is_static(const Types& T, TypeId t) { return t != Types::kUnknown && !T.has_dyn(t) && !T.has_unknown(t); }

// Functions whose types the static lowering cannot take: the measure a
// specialisation must lower.
size_t untyped_functions(const TypedModule& tm) {
  const Types& T = tm.types;
  size_t n = 0;
  for (uint32_t f = 0; f < tm.funcs.size(); ++f) {
    const Function& fn = tm.funcs[f];
    bool bad = !fn.unsupported.empty() || (f != 0 && T.has_dyn(fn.ret));
    for (const Var& v : fn.vars) bad |= T.has_dyn(v.type);
    n += bad;
  }
  return n;
}

// A call site of a candidate: the Name node naming the callee, and the
// parameter types it binds (arguments, else defaults), or empty when one is
// not static.
struct Site {
  NodeId name = kNone;
  std::vector<TypeId> key;
  std::vector<bool> given;  // by parameter: the call passes it (its default is not used)
};

struct Group {
  std::vector<TypeId> key;
  std::vector<NodeId> names;
  std::vector<bool> given;  // every call of the group passes the parameter
};

struct Plan {
  uint32_t f = 0;
  std::vector<Group> clones;  // groups after the first (which keeps the original)
  std::vector<std::string> clone_names;
};

bool candidate(const TypedModule& tm, uint32_t f) {
  const ast::Module& m = *tm.ast;
  const Function& fn = tm.funcs[f];
  if (fn.cls >= 0 || fn.parent >= 0 || fn.node == kNone || !fn.nested.empty()) return false;
  auto it = tm.func_by_name.find(fn.name);
  if (it == tm.func_by_name.end() || it->second != f) return false;
  if (!m.list_of(fn.node, fld::FunctionDef::decorator_list).empty()) return false;
  if (fn.vararg >= 0 || fn.kwarg >= 0 || !fn.kwonly.empty()) return false;
  if (tm.funcs[0].var_index.count(fn.name)) return false;  // rebound at module level
  bool dyn_param = false;
  for (uint32_t p : fn.params) {
    const Var& v = fn.vars[p];
    // A default that is not a constant is one object all calls share: copies would split it.
    NodeId d = v.default_value;
    if (d != kNone && m.kind(d) != Kind::Constant &&
        !(m.kind(d) == Kind::UnaryOp && m.kind(m.slot(d, fld::UnaryOp::operand)) == Kind::Constant))
      return false;
    dyn_param |= !v.annotated && tm.types.has_dyn(v.type);
  }
  return dyn_param;
}

std::vector<TypeId> site_key(const TypedModule& tm, const Function& fn, NodeId call, std::vector<bool>& given) {
  const ast::Module& m = *tm.ast;
  const Types& T = tm.types;
  std::vector<TypeId> key(fn.params.size(), Types::kUnknown);
  auto args = m.list_of(call, fld::Call::args);
  if (args.size() > key.size()) return {};
  for (size_t i = 0; i < args.size(); ++i) {
    if (m.kind(args[i]) == Kind::Starred) return {};
    key[i] = tm.type_of(args[i]);
  }
  for (NodeId k : m.list_of(call, fld::Call::keywords)) {
    uint32_t kn = m.slot(k, fld::keyword::arg);
    if (kn == kNone) return {};
    bool found = false;
    for (size_t i = fn.posonly; i < fn.params.size(); ++i)
      if (fn.vars[fn.params[i]].name == m.str(kn) && key[i] == Types::kUnknown) {
        key[i] = tm.type_of(m.slot(k, fld::keyword::value));
        found = true;
      }
    if (!found) return {};
  }
  given.assign(key.size(), false);
  for (size_t i = 0; i < key.size(); ++i) {
    given[i] = key[i] != Types::kUnknown;
    if (key[i] == Types::kUnknown && fn.vars[fn.params[i]].default_value != kNone) key[i] = tm.type_of(fn.vars[fn.params[i]].default_value);
    if (!is_static(T, key[i])) return {};
  }
  return key;
}

// Whether joining a and b would turn an int into a float or a bool into an
// int somewhere (Python keeps each as it is: `str(3)` is not `str(3.0)`).
bool numeric_widen(const Types& T, TypeId a, TypeId b) {
  TyKind ka = T.kind(a), kb = T.kind(b);
  auto num = [](TyKind k) { return k == TyKind::Int || k == TyKind::Bool || k == TyKind::Float || k == TyKind::BigInt; };
  if (ka != kb) return num(ka) && num(kb) && !((ka == TyKind::Int && kb == TyKind::BigInt) || (ka == TyKind::BigInt && kb == TyKind::Int));
  const TypeRec& ra = T.get(a);
  const TypeRec& rb = T.get(b);
  for (size_t i = 0; i < ra.args.size() && i < rb.args.size(); ++i)
    if (numeric_widen(T, ra.args[i], rb.args[i])) return true;
  return false;
}

std::string short_name(const TypedModule& tm, TypeId t) {
  const TypeRec& r = tm.types.get(t);
  switch (r.kind) {
    case TyKind::Int: return "int";
    case TyKind::BigInt: return "bigint";
    case TyKind::Float: return "float";
    case TyKind::Bool: return "bool";
    case TyKind::Str: return "str";
    case TyKind::None: return "none";
    case TyKind::List: return "list";
    case TyKind::Tuple: return "tuple";
    case TyKind::Dict: return "dict";
    case TyKind::Set: return "set";
    case TyKind::Optional: return "opt";
    default: return "v";
  }
}

// Every identifier the module spells (names, defs, classes, parameters,
// imports): a clone's name must be none of them.
std::set<std::string, std::less<>> spelled_names(const ast::Module& m) {
  std::set<std::string, std::less<>> out;
  for (NodeId n = 0; n < m.node_count(); ++n) {
    auto fs = ast::fields_of(m.kind(n));
    for (size_t i = 0; i < fs.size(); ++i) {
      uint32_t v = m.slot(n, static_cast<uint32_t>(i));
      if ((fs[i].type == ast::FieldType::Ident || fs[i].type == ast::FieldType::OptIdent) && v != kNone) out.emplace(m.str(v));
    }
  }
  return out;
}

// Whether the subtree at n spells `v` anywhere (a name, a parameter, a def).
bool mentions(const ast::Module& m, NodeId n, std::string_view v) {
  bool found = false;
  ast::walk(m, n, [&](NodeId x) {
    auto fs = ast::fields_of(m.kind(x));
    for (size_t i = 0; i < fs.size() && !found; ++i) {
      uint32_t s = m.slot(x, static_cast<uint32_t>(i));
      if ((fs[i].type == ast::FieldType::Ident || fs[i].type == ast::FieldType::OptIdent) && s != kNone) found = m.str(s) == v;
      if (fs[i].type == ast::FieldType::IdentList)
        for (uint32_t id : m.list(s)) found |= m.str(id) == v;
    }
  });
  return found;
}

// The Name nodes of variable `v` in the subtree at root, as the scope around
// root sees them (comprehensions binding v have their own). False when a
// def, class or lambda inside mentions v (it might capture it) or a
// global/nonlocal statement names it.
bool scope_names(const ast::Module& m, NodeId root, std::string_view v, std::vector<NodeId>& out) {
  std::vector<NodeId> stack{root};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (n == kNone || n >= m.node_count()) continue;
    Kind k = m.kind(n);
    if (k == Kind::FunctionDef || k == Kind::AsyncFunctionDef || k == Kind::ClassDef || k == Kind::Lambda ||
        k == Kind::Global || k == Kind::Nonlocal) {
      if (mentions(m, n, v)) return false;
      continue;
    }
    if (k == Kind::ListComp || k == Kind::SetComp || k == Kind::GeneratorExp || k == Kind::DictComp) {
      auto gens = m.list_of(n, k == Kind::DictComp ? fld::DictComp::generators : fld::ListComp::generators);
      bool binds = false;
      for (NodeId g : gens)
        ast::walk(m, m.slot(g, fld::comprehension::target), [&](NodeId t) {
          binds |= m.kind(t) == Kind::Name && m.str(m.slot(t, fld::Name::id)) == v;
        });
      if (binds) {  // only its first iterable is evaluated out here
        if (!gens.empty()) stack.push_back(m.slot(gens[0], fld::comprehension::iter));
        continue;
      }
    }
    if (k == Kind::Name && m.str(m.slot(n, fld::Name::id)) == v) out.push_back(n);
    auto fs = ast::fields_of(k);
    for (size_t i = 0; i < fs.size(); ++i) {
      uint32_t x = m.slot(n, static_cast<uint32_t>(i));
      if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) stack.push_back(x);
      else if (fs[i].type == ast::FieldType::List || fs[i].type == ast::FieldType::OptNodeList)
        for (NodeId c : m.list(x)) stack.push_back(c);
    }
  }
  return true;
}

// `for row in grid: ...` then `for row in pascal: ...`: a variable without
// a static type that only lives inside for loops (their target and body; never
// read after one) is one variable per loop: the loops after the first get it
// renamed (`row_2`), so each can have its own type.
void split_loop_vars(const TypedModule& tm, uint32_t f, std::set<std::string, std::less<>>& taken,
                     std::vector<std::pair<NodeId, std::string>>& renames) {
  const ast::Module& m = *tm.ast;
  const Function& fn = tm.funcs[f];
  std::vector<NodeId> body;
  if (f == 0) {
    for (NodeId s : m.list_of(m.root(), fld::Module::body))
      if (m.kind(s) != Kind::FunctionDef && m.kind(s) != Kind::AsyncFunctionDef) body.push_back(s);
  } else {
    if (fn.node == kNone || m.kind(fn.node) != Kind::FunctionDef) return;
    auto b = m.list_of(fn.node, fld::FunctionDef::body);
    body.assign(b.begin(), b.end());
  }
  // Only a name two for loops of this scope bind can be split: counted once
  // here, so the walks below run for few variables.
  std::map<std::string_view, int, std::less<>> loop_targets;
  ast::walk_scope_statements(m, body, [&](NodeId s) {
    if (m.kind(s) != Kind::For) return;
    NodeId t = m.slot(s, fld::For::target);
    if (m.kind(t) == Kind::Name) ++loop_targets[m.str(m.slot(t, fld::Name::id))];
  });
  for (const Var& v : fn.vars) {
    if (!tm.types.has_dyn(v.type) || v.is_param || v.cell || v.annotated || v.global_ref) continue;
    if (auto lt = loop_targets.find(v.name); lt == loop_targets.end() || lt->second < 2) continue;
    std::vector<NodeId> all;
    bool ok = true;
    for (NodeId s : body) ok = ok && scope_names(m, s, v.name, all);
    if (!ok) continue;
    std::vector<std::vector<NodeId>> regions;
    ast::walk_scope_statements(m, body, [&](NodeId s) {
      if (!ok || m.kind(s) != Kind::For) return;
      NodeId t = m.slot(s, fld::For::target);
      if (m.kind(t) != Kind::Name || m.str(m.slot(t, fld::Name::id)) != v.name) return;
      std::vector<NodeId> r{t};
      for (NodeId b : m.list_of(s, fld::For::body)) ok = ok && scope_names(m, b, v.name, r);
      regions.push_back(std::move(r));
    });
    if (!ok || regions.size() < 2) continue;
    std::set<NodeId> seen;
    size_t total = 0;
    for (auto& r : regions)
      for (NodeId n : r) total += 1, ok = ok && seen.insert(n).second;  // nested loops on one name overlap
    if (!ok || total != all.size()) continue;  // read outside the loops (or in an else:)
    for (size_t k = 1; k < regions.size(); ++k) {
      std::string name = v.name + "_" + std::to_string(k + 1);
      for (int j = 2; taken.count(name); ++j) name = v.name + "_" + std::to_string(k + 1) + "_" + std::to_string(j);
      taken.insert(name);
      for (NodeId n : regions[k]) renames.emplace_back(n, name);
    }
  }
}

std::vector<Plan> plan(TypedModule& tm, std::vector<std::pair<NodeId, std::string>>& renames) {
  const ast::Module& m = *tm.ast;
  Types& T = tm.types;
  std::set<std::string, std::less<>> taken;
  bool taken_ready = false;
  for (uint32_t f = 0; f < tm.funcs.size(); ++f) {
    bool dyn = false;
    for (const Var& v : tm.funcs[f].vars) dyn |= !v.is_param && T.has_dyn(v.type);
    if (!dyn || (f == 0 && !tm.is_program)) continue;
    if (!taken_ready) taken = spelled_names(m), taken_ready = true;
    split_loop_vars(tm, f, taken, renames);
  }
  std::map<std::string, uint32_t, std::less<>> cands;
  for (uint32_t f = 1; f < tm.funcs.size(); ++f)
    if (candidate(tm, f)) cands.emplace(tm.funcs[f].name, f);
  if (cands.empty()) return {};
  // The Name node each call calls.
  std::map<NodeId, NodeId> call_of;
  for (NodeId n = 0; n < m.node_count(); ++n) {
    if (m.kind(n) != Kind::Call) continue;
    NodeId fn = m.slot(n, fld::Call::func);
    if (fn < m.node_count() && m.kind(fn) == Kind::Name) call_of[fn] = n;
  }
  std::map<uint32_t, std::vector<Site>> sites;
  std::set<uint32_t> refused;
  for (NodeId n = 0; n < m.node_count(); ++n) {
    if (m.kind(n) != Kind::Name) continue;
    auto c = cands.find(m.str(m.slot(n, fld::Name::id)));
    if (c == cands.end()) continue;
    uint32_t o = n < tm.owner.size() ? tm.owner[n] : 0;
    if (o != 0 && tm.funcs[o].var_index.count(c->first)) continue;  // a local of that name
    auto call = call_of.find(n);
    if (call == call_of.end()) {
      refused.insert(c->second);  // used as a value: its callers are unknown
      continue;
    }
    Site s;
    s.name = n;
    s.key = site_key(tm, tm.funcs[c->second], call->second, s.given);
    sites[c->second].push_back(std::move(s));
  }
  std::vector<Plan> out;
  for (auto& [f, ss] : sites) {
    if (refused.count(f)) continue;
    std::vector<Group> groups;
    for (const Site& s : ss) {
      if (s.key.empty()) continue;  // not static: stays with the original
      bool placed = false;
      for (Group& g : groups) {
        std::vector<TypeId> j(g.key.size());
        bool ok = true;
        for (size_t i = 0; i < j.size() && ok; ++i) {
          j[i] = T.join(g.key[i], s.key[i]);
          ok = is_static(T, j[i]) && !numeric_widen(T, g.key[i], s.key[i]);
        }
        if (!ok) continue;
        g.key = std::move(j);
        g.names.push_back(s.name);
        for (size_t i = 0; i < g.given.size(); ++i) g.given[i] = g.given[i] && s.given[i];
        placed = true;
        break;
      }
      if (!placed) groups.push_back({s.key, {s.name}, s.given});
    }
    if (groups.size() < 2 || groups.size() > 4) continue;
    if (!taken_ready) taken = spelled_names(m), taken_ready = true;
    Plan p;
    p.f = f;
    for (size_t g = 1; g < groups.size(); ++g) {
      std::string suffix = "v";
      for (size_t i = 0; i < groups[g].key.size(); ++i)
        if (groups[g].key[i] != groups[0].key[i]) {
          suffix = short_name(tm, groups[g].key[i]);
          break;
        }
      std::string name = tm.funcs[f].name + "_" + suffix;
      for (int k = 2; taken.count(name); ++k) name = tm.funcs[f].name + "_" + suffix + std::to_string(k);
      taken.insert(name);
      p.clones.push_back(std::move(groups[g]));
      p.clone_names.push_back(std::move(name));
    }
    out.push_back(std::move(p));
  }
  return out;
}

// A deep copy of the subtree at n, appended to m (depth-capped: false when
// the subtree is deeper than any def worth copying).
bool clone_tree(ast::Module& m, NodeId n, int depth, NodeId* out, std::vector<NodeId>& made) {
  if (n == kNone) {
    *out = kNone;
    return true;
  }
  if (depth > 400) return false;
  Kind k = m.kind(n);
  ast::Pos pos = m.pos(n);
  auto fs = ast::fields_of(k);
  std::vector<uint32_t> slots(fs.size());
  for (size_t i = 0; i < fs.size(); ++i) {
    uint32_t v = m.slot(n, static_cast<uint32_t>(i));
    slots[i] = v;
    if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) {
      if (!clone_tree(m, v, depth + 1, &slots[i], made)) return false;
    } else if ((fs[i].type == ast::FieldType::List || fs[i].type == ast::FieldType::OptNodeList) && v != kNone) {
      auto l = m.list(v);
      std::vector<uint32_t> items(l.begin(), l.end());  // add() may move the arrays
      for (uint32_t& c : items)
        if (!clone_tree(m, c, depth + 1, &c, made)) return false;
      slots[i] = m.add_list(items);
    }
  }
  *out = m.add(k, pos, slots);
  made.push_back(*out);
  return true;
}

// The module with the plans applied, or nullptr when a def is too deep to copy.
std::shared_ptr<ast::Module> apply(const ast::Module& src, const TypedModule& tm, const std::vector<Plan>& plans,
                                   const std::vector<std::pair<NodeId, std::string>>& renames, std::map<NodeId, NodeId>& copy_node) {
  auto m = std::make_shared<ast::Module>(src);
  for (const auto& [n, name] : renames) m->set_slot(n, fld::Name::id, m->intern(name));  // before any copy is made
  std::map<NodeId, std::vector<NodeId>> after;  // original def -> its clones
  for (const Plan& p : plans) {
    const Function& fn = tm.funcs[p.f];
    for (size_t g = 0; g < p.clones.size(); ++g) {
      std::vector<NodeId> made;
      NodeId def = kNone;
      if (!clone_tree(*m, fn.node, 0, &def, made)) return nullptr;
      ast::StrId orig = m->slot(fn.node, fld::FunctionDef::name);
      ast::StrId nm = m->intern(p.clone_names[g]);
      m->set_slot(def, fld::FunctionDef::name, nm);
      // A recursive call stays in its copy.
      for (NodeId c : made)
        if (m->kind(c) == Kind::Name && m->slot(c, fld::Name::id) == orig) m->set_slot(c, fld::Name::id, nm);
      for (NodeId call_name : p.clones[g].names) m->set_slot(call_name, fld::Name::id, nm);
      // Defaults no call of the copy uses would type its parameters too
      // (`fill=0` in the copy for `fill="."`): the leading ones go.
      NodeId args = m->slot(def, fld::FunctionDef::args);
      auto defaults = m->list_of(args, fld::arguments::defaults);
      size_t n = p.clones[g].given.size(), drop = 0;
      while (drop < defaults.size() && n >= defaults.size() && p.clones[g].given[n - defaults.size() + drop]) ++drop;
      if (drop > 0) {
        std::vector<uint32_t> rest(defaults.begin() + static_cast<std::ptrdiff_t>(drop), defaults.end());
        m->set_slot(args, fld::arguments::defaults, m->add_list(rest));
      }
      after[fn.node].push_back(def);
      copy_node[def] = fn.node;
    }
  }
  std::vector<uint32_t> body;
  for (NodeId s : m->list_of(m->root(), fld::Module::body)) {
    body.push_back(s);
    if (auto a = after.find(s); a != after.end()) body.insert(body.end(), a->second.begin(), a->second.end());
  }
  m->set_slot(m->root(), fld::Module::body, m->add_list(body));
  return m;
}

}  // namespace

TypedModule specialize_calls(TypedModule tm, const std::function<TypedModule(const ast::Module&)>& reinfer) {
  std::map<NodeId, NodeId> copy_node;  // a copy's def -> the def it copies (every pass kept)
  for (int pass = 0; pass < 3; ++pass) {
    std::vector<std::pair<NodeId, std::string>> renames;
    std::vector<Plan> plans = plan(tm, renames);
    if (plans.empty() && renames.empty()) break;
    std::map<NodeId, NodeId> made;
    std::shared_ptr<ast::Module> m = apply(*tm.ast, tm, plans, renames, made);
    if (!m) break;
    TypedModule next = reinfer(*m);
    next.owned_ast = m;
    if (untyped_functions(next) >= untyped_functions(tm)) break;
    tm = std::move(next);
    copy_node.insert(made.begin(), made.end());
  }
  if (copy_node.empty()) return tm;
  std::map<NodeId, uint32_t> fn_of;
  for (uint32_t f = 1; f < tm.funcs.size(); ++f) fn_of.emplace(tm.funcs[f].node, f);
  for (uint32_t f = 1; f < tm.funcs.size(); ++f) {
    NodeId n = tm.funcs[f].node;
    for (int hops = 0; hops < 8 && copy_node.count(n); ++hops) n = copy_node[n];  // a copy of a copy
    if (n != tm.funcs[f].node && fn_of.count(n)) tm.funcs[f].copy_of = static_cast<int>(fn_of[n]);
  }
  return tm;
}

std::vector<NodeId> zip_rows_iters(const ast::Module& m, NodeId comp) {
  Kind ck = m.kind(comp);
  std::vector<NodeId> roots;
  std::span<const uint32_t> gens;
  if (ck == Kind::DictComp) {
    gens = m.list_of(comp, fld::DictComp::generators);
    roots = {m.slot(comp, fld::DictComp::key), m.slot(comp, fld::DictComp::value)};
  } else if (ck == Kind::ListComp) {
    gens = m.list_of(comp, fld::ListComp::generators);
    roots = {m.slot(comp, fld::ListComp::elt)};
  } else if (ck == Kind::SetComp) {
    gens = m.list_of(comp, fld::SetComp::generators);
    roots = {m.slot(comp, fld::SetComp::elt)};
  } else if (ck == Kind::GeneratorExp) {
    gens = m.list_of(comp, fld::GeneratorExp::generators);
    roots = {m.slot(comp, fld::GeneratorExp::elt)};
  } else {
    return {};
  }
  std::vector<NodeId> out;
  for (size_t gi = 0; gi < gens.size(); ++gi) {
    NodeId g = gens[gi];
    NodeId it = m.slot(g, fld::comprehension::iter), target = m.slot(g, fld::comprehension::target);
    if (m.kind(it) != Kind::Call || m.kind(target) != Kind::Name) continue;
    NodeId fn = m.slot(it, fld::Call::func);
    auto args = m.list_of(it, fld::Call::args);
    if (m.kind(fn) != Kind::Name || m.str(m.slot(fn, fld::Name::id)) != "zip" || args.size() != 1 ||
        m.kind(args[0]) != Kind::Starred || !m.list_of(it, fld::Call::keywords).empty())
      continue;
    std::string_view r = m.str(m.slot(target, fld::Name::id));
    // Where the row is read: the element, the tests, the later generators.
    std::vector<std::pair<NodeId, NodeId>> stack;  // node, parent
    for (NodeId x : roots) stack.push_back({x, kNone});
    for (size_t gj = gi; gj < gens.size(); ++gj) {
      for (NodeId c : m.list_of(gens[gj], fld::comprehension::ifs)) stack.push_back({c, kNone});
      if (gj > gi) stack.push_back({gens[gj], kNone});
    }
    bool ok = true;
    while (!stack.empty() && ok) {
      auto [n, parent] = stack.back();
      stack.pop_back();
      if (n == kNone) continue;
      Kind k = m.kind(n);
      if (k == Kind::Lambda) ok = false;  // its parameters might shadow the row
      if (k == Kind::comprehension && m.kind(m.slot(n, fld::comprehension::target)) != Kind::Name) ok = false;
      if (k == Kind::comprehension && m.str(m.slot(m.slot(n, fld::comprehension::target), fld::Name::id)) == r && n != gens[gi]) ok = false;
      if (k == Kind::Name && m.str(m.slot(n, fld::Name::id)) == r) {
        bool whole = false;
        if (parent != kNone && m.kind(parent) == Kind::Call) {
          NodeId pf = m.slot(parent, fld::Call::func);
          auto pa = m.list_of(parent, fld::Call::args);
          if (m.kind(pf) == Kind::Name && pa.size() == 1 && pa[0] == n && m.list_of(parent, fld::Call::keywords).empty()) {
            std::string_view c = m.str(m.slot(pf, fld::Name::id));
            whole = c == "list" || c == "sum" || c == "len" || c == "min" || c == "max" || c == "sorted";
          }
        }
        if (parent != kNone && m.kind(parent) == Kind::comprehension && m.slot(parent, fld::comprehension::iter) == n) whole = true;
        ok = whole;
      }
      auto fs = ast::fields_of(k);
      for (size_t i = 0; i < fs.size(); ++i) {
        uint32_t v = m.slot(n, static_cast<uint32_t>(i));
        if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) stack.push_back({v, n});
        else if (fs[i].type == ast::FieldType::List || fs[i].type == ast::FieldType::OptNodeList)
          for (NodeId c : m.list(v))
            if (c != kNone) stack.push_back({c, n});
      }
    }
    if (ok) out.push_back(it);
  }
  return out;
}

}  // namespace portalis::sema

namespace portalis::sema {

TypeId map_builtin_type(const ast::Module& m, Types& T, ast::NodeId call, const std::vector<TypeId>& at) {
  auto args = m.list_of(call, ast::fld::Call::args);
  if (args.size() != 2 || at.size() != 2 || m.kind(args[0]) != ast::Kind::Name || !m.list_of(call, ast::fld::Call::keywords).empty())
    return Types::kDyn;
  if (T.has_unknown(at[1])) return Types::kUnknown;  // a later round knows it
  const TypeRec& r = T.get(at[1]);
  TypeId el = r.kind == TyKind::Str ? Types::kStr
              : (r.kind == TyKind::List || r.kind == TyKind::Set || r.kind == TyKind::Iter) ? r.args[0]
              : r.kind == TyKind::Range ? Types::kInt : Types::kDyn;
  if (el == Types::kDyn || el == Types::kUnknown || T.has_dyn(el)) return el == Types::kUnknown ? Types::kUnknown : Types::kDyn;
  std::string_view f = m.str(m.slot(args[0], ast::fld::Name::id));
  TyKind ek = T.kind(el);
  bool num = ek == TyKind::Int || ek == TyKind::Bool || ek == TyKind::Float;
  if (f == "str" || f == "repr") return T.iter(Types::kStr);
  if (f == "float" && num) return T.iter(Types::kFloat);
  if (f == "abs" && num) return T.iter(ek == TyKind::Float ? Types::kFloat : Types::kInt);
  if (f == "len" && (ek == TyKind::Str || ek == TyKind::List)) return T.iter(Types::kInt);
  return Types::kDyn;
}

}  // namespace portalis::sema
