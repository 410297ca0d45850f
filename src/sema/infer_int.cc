// Which integers may outgrow i64: growth seeds found from the syntax, and
// the typing rules inference applies to them (see infer_int.h).
#include "sema/infer_int.h"

#include <cerrno>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "sema/infer.h"

namespace portalis::sema {

using ast::Kind;
using ast::NodeId;
namespace fld = ast::fld;
constexpr NodeId kNone = ast::kNone;

namespace {

// Children of `n` (statement lists included).
template <class Visit>
void children(const ast::Module& m, NodeId n, Visit visit) {
  auto fs = ast::fields_of(m.kind(n));
  for (size_t i = 0; i < fs.size(); ++i) {
    uint32_t v = m.slot(n, static_cast<uint32_t>(i));
    if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) {
      if (v != kNone) visit(v, fs[i].name);
    } else if (fs[i].type == ast::FieldType::List) {
      for (NodeId c : m.list(v)) visit(c, fs[i].name);
    }
  }
}

// Whether `pred` holds for some node under `root` (explicit stack).
template <class Pred>
bool any_node(const ast::Module& m, NodeId root, Pred pred) {
  std::vector<NodeId> stack{root};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (n == kNone || n >= m.node_count()) continue;
    if (pred(n)) return true;
    children(m, n, [&](NodeId c, std::string_view) { stack.push_back(c); });
  }
  return false;
}

bool is_op(const ast::Module& m, NodeId n, std::initializer_list<Kind> ops) {
  if (m.kind(n) != Kind::BinOp) return false;
  Kind op = Kind(m.slot(n, fld::BinOp::op));
  for (Kind o : ops)
    if (o == op) return true;
  return false;
}

bool names(const ast::Module& m, NodeId n, std::string_view name) {
  return m.kind(n) == Kind::Name && m.str(m.slot(n, fld::Name::id)) == name;
}

bool calls(const ast::Module& m, NodeId n, std::string_view fn) {
  return m.kind(n) == Kind::Call && names(m, m.slot(n, fld::Call::func), fn);
}

// `v = e` in a loop makes v grow: e multiplies (shifts, raises) v itself, or
// e adds up two of the values the statement rebinds together (`a, b = b,
// a + b` doubles like Fibonacci; `x = x + x`). A top-level `%` or `&` keeps
// the value bounded (`h = h * 31 % m`).
bool grows(const ast::Module& m, NodeId e, std::string_view v, const std::set<std::string_view>& together) {
  if (is_op(m, e, {Kind::Mod, Kind::BitAnd})) return false;
  bool product = any_node(m, e, [&](NodeId n) {
    if (!is_op(m, n, {Kind::Mult, Kind::Pow, Kind::LShift})) return false;
    return any_node(m, n, [&](NodeId x) { return names(m, x, v); });
  });
  if (product) return true;
  int refs = 0;
  std::vector<NodeId> stack{e};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (is_op(m, n, {Kind::Add, Kind::Sub})) {
      stack.push_back(m.slot(n, fld::BinOp::left));
      stack.push_back(m.slot(n, fld::BinOp::right));
    } else if (m.kind(n) == Kind::Name && together.count(m.str(m.slot(n, fld::Name::id)))) {
      ++refs;
    }
  }
  return refs >= 2;
}

bool small_literal(const ast::Module& m, NodeId e, long double* value) {
  bool neg = false;
  if (m.kind(e) == Kind::UnaryOp && Kind(m.slot(e, fld::UnaryOp::op)) == Kind::USub) {
    neg = true;
    e = m.slot(e, fld::UnaryOp::operand);
  }
  if (m.kind(e) != Kind::Constant) return false;
  const ast::Constant& c = m.constant(m.slot(e, fld::Constant::value));
  if (c.tag != ast::Constant::Tag::Int || c.text.size() > 18) return false;
  *value = std::strtold(c.text.c_str(), nullptr) * (neg ? -1 : 1);
  return true;
}

bool fits_i64(const std::string& digits) {
  errno = 0;
  char* end = nullptr;
  (void)std::strtoll(digits.c_str(), &end, 10);
  return errno == 0 && end && *end == '\0';
}

// `a ** b` (or pow(a, b)) of two literals whose value stays small: an i64.
// Every other int power may grow (`i ** 12`, `2 ** n`); so do constants
// from 2**31 up, which a sum or product takes past i64 at once.
bool small_power(const ast::Module& m, NodeId a, NodeId b) {
  long double x, y;
  // `2 ** -2` is a float: the lowering computes it so (sema says int).
  if (small_literal(m, b, &y) && y < 0) return true;
  if (!small_literal(m, a, &x) || !small_literal(m, b, &y) || y < 0 || y > 64) return false;
  long double r = 1;
  for (int i = 0; i < static_cast<int>(y); ++i) {
    r *= x;
    if (r > 2147483647.0L || r < -2147483648.0L) return false;
  }
  return true;
}

bool is_big(const Types& T, TypeId t) { return T.kind(t) == TyKind::BigInt; }

}  // namespace

BigInts::BigInts(const ast::Module& m) : m_(m), seed_(m.node_count(), 0) {
  // Each statement with its enclosing function's name and whether a loop
  // surrounds it (within that function).
  struct Item {
    NodeId n;
    std::string_view fn;
    bool loop;
  };
  std::vector<Item> stack{{m.root(), {}, false}};
  std::vector<std::pair<NodeId, std::string_view>> functions;
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    NodeId s = it.n;
    if (s == kNone || s >= m.node_count()) continue;
    Kind k = m.kind(s);
    if (k == Kind::FunctionDef || k == Kind::AsyncFunctionDef) {
      std::string_view name = m.str(m.slot(s, fld::FunctionDef::name));
      functions.push_back({s, name});
      for (NodeId c : m.list_of(s, fld::FunctionDef::body)) stack.push_back({c, name, false});
      continue;
    }
    if (it.loop && k == Kind::AugAssign) {
      Kind op = Kind(m.slot(s, fld::AugAssign::op));
      NodeId t = m.slot(s, fld::AugAssign::target);
      NodeId v = m.slot(s, fld::AugAssign::value);
      bool self_add = (op == Kind::Add || op == Kind::Sub) && m.kind(t) == Kind::Name &&
                      any_node(m, v, [&](NodeId x) { return names(m, x, m.str(m.slot(t, fld::Name::id))); });
      if (op == Kind::Mult || op == Kind::Pow || op == Kind::LShift || self_add) seed_[s] = 1;
    }
    if (it.loop && k == Kind::Assign && m.list_of(s, fld::Assign::targets).size() == 1) {
      NodeId t = m.list_of(s, fld::Assign::targets)[0];
      NodeId v = m.slot(s, fld::Assign::value);
      std::set<std::string_view> together;
      if (m.kind(t) == Kind::Name) {
        together.insert(m.str(m.slot(t, fld::Name::id)));
        if (grows(m, v, m.str(m.slot(t, fld::Name::id)), together)) seed_[v] = 1;
      } else if (m.kind(t) == Kind::Tuple && m.kind(v) == Kind::Tuple &&
                 m.list_of(t, fld::Tuple::elts).size() == m.list_of(v, fld::Tuple::elts).size()) {
        auto ts = m.list_of(t, fld::Tuple::elts);
        auto vs = m.list_of(v, fld::Tuple::elts);
        for (NodeId x : ts)
          if (m.kind(x) == Kind::Name) together.insert(m.str(m.slot(x, fld::Name::id)));
        for (size_t i = 0; i < ts.size(); ++i)
          if (m.kind(ts[i]) == Kind::Name && grows(m, vs[i], m.str(m.slot(ts[i], fld::Name::id)), together)) seed_[vs[i]] = 1;
      }
    }
    bool loop_body = k == Kind::For || k == Kind::While || k == Kind::AsyncFor;
    children(m, s, [&](NodeId c, std::string_view field) {
      // Statement lists only (handlers and match cases hold more).
      if (field == "body" || field == "orelse" || field == "handlers" || field == "finalbody" || field == "cases")
        stack.push_back({c, it.fn, it.loop || (loop_body && field == "body")});
    });
  }
  // A product with the function's own result grows with the recursion depth
  // (`n * fact(n - 1)`, `half * half` where `half = power(b, e // 2)`).
  // Both walks below look for calls of the function by its name: one walk
  // of the module finds the names called at all.
  std::set<std::string_view> called;
  if (!functions.empty())
    any_node(m, m.root(), [&](NodeId n) {
      if (m.kind(n) == Kind::Call && m.kind(m.slot(n, fld::Call::func)) == Kind::Name)
        called.insert(m.str(m.slot(m.slot(n, fld::Call::func), fld::Name::id)));
      return false;
    });
  for (auto [def, name] : functions) {
    if (!called.count(name)) continue;
    std::set<std::string_view> from_call;
    any_node(m, def, [&](NodeId n) {
      Kind k = m.kind(n);
      if (k != Kind::Assign && k != Kind::AnnAssign) return false;
      NodeId v = m.slot(n, k == Kind::Assign ? fld::Assign::value : fld::AnnAssign::value);
      if (v == kNone || !any_node(m, v, [&](NodeId x) { return calls(m, x, name); })) return false;
      if (k == Kind::AnnAssign) {
        NodeId t = m.slot(n, fld::AnnAssign::target);
        if (m.kind(t) == Kind::Name) from_call.insert(m.str(m.slot(t, fld::Name::id)));
      } else {
        for (NodeId t : m.list_of(n, fld::Assign::targets))
          if (m.kind(t) == Kind::Name) from_call.insert(m.str(m.slot(t, fld::Name::id)));
      }
      return false;
    });
    any_node(m, def, [&](NodeId n) {
      if (is_op(m, n, {Kind::Mult, Kind::Pow, Kind::LShift}) &&
          any_node(m, n, [&](NodeId x) {
            return calls(m, x, name) || (m.kind(x) == Kind::Name && from_call.count(m.str(m.slot(x, fld::Name::id))));
          }))
        seed_[n] = 1;
      return false;
    });
  }
}

TypeId BigInts::binop(Types& T, Kind op, TypeId l, TypeId r) {
  if (!is_big(T, l) && !is_big(T, r)) return Types::kUnknown;
  TyKind kl = T.kind(l), kr = T.kind(r);
  auto num = [](TyKind k) { return k == TyKind::Int || k == TyKind::Bool || k == TyKind::BigInt || k == TyKind::Float; };
  if (!num(kl) || !num(kr)) {
    // `"-" * big`: a repetition count; the static lowering declines it.
    return Types::kDyn;
  }
  bool flt = kl == TyKind::Float || kr == TyKind::Float;
  if (op == Kind::Div) return Types::kFloat;
  if (flt) {
    if (op == Kind::BitAnd || op == Kind::BitOr || op == Kind::BitXor || op == Kind::LShift || op == Kind::RShift) return Types::kDyn;
    return Types::kFloat;
  }
  return T.bigint();
}

bool BigInts::widen(Types& T, TypeId& slot, TypeId t) {
  if (T.kind(slot) != TyKind::Int || !is_big(T, t)) return false;
  slot = t;
  return true;
}

TypeId BigInts::aug(Types& T, NodeId s, TypeId t) const {
  if (s < seed_.size() && seed_[s] && T.kind(t) == TyKind::Int) return T.bigint();
  return t;
}

TypeId BigInts::adjust(const TypedModule& tm, Types& T, NodeId e, TypeId t) const {
  const ast::Module& m = m_;
  if (e >= seed_.size()) return t;
  if (seed_[e] && T.kind(t) == TyKind::Int) return T.bigint();
  switch (m.kind(e)) {
    case Kind::Constant: {
      const ast::Constant& c = m.constant(m.slot(e, fld::Constant::value));
      if (c.tag == ast::Constant::Tag::Int && !fits_i64(c.text)) return T.bigint();
      return t;
    }
    case Kind::BinOp:
      if (Kind(m.slot(e, fld::BinOp::op)) == Kind::Pow && T.kind(t) == TyKind::Int &&
          !small_power(m, m.slot(e, fld::BinOp::left), m.slot(e, fld::BinOp::right)))
        return T.bigint();
      return t;
    case Kind::Call: {
      NodeId fn = m.slot(e, fld::Call::func);
      if (m.kind(fn) != Kind::Name || tm.func_by_name.count(m.str(m.slot(fn, fld::Name::id)))) return t;
      std::string_view n = m.str(m.slot(fn, fld::Name::id));
      auto args = m.list_of(e, fld::Call::args);
      bool big_arg = false;
      for (NodeId a : args) big_arg |= is_big(T, tm.type_of(a));
      if (n == "pow" && T.kind(t) == TyKind::Int) {
        if (args.size() == 2 && !small_power(m, args[0], args[1])) return T.bigint();
        return big_arg ? T.bigint() : t;
      }
      if (n == "int" && args.size() == 1) {
        TypeId a = tm.type_of(args[0]);
        if (is_big(T, a)) return a;
        // `int(str(big))`: the digits of a big int.
        if (calls(m, args[0], "str") && m.list_of(args[0], fld::Call::args).size() == 1 &&
            is_big(T, tm.type_of(m.list_of(args[0], fld::Call::args)[0])))
          return T.bigint();
        // `int("1" * 30)`: digits beyond i64 by construction.
        NodeId x = args[0];
        if (T.kind(a) == TyKind::Str && is_op(m, x, {Kind::Mult})) {
          NodeId l = m.slot(x, fld::BinOp::left), r = m.slot(x, fld::BinOp::right);
          if (m.kind(l) != Kind::Constant) std::swap(l, r);
          long double k;
          if (m.kind(l) == Kind::Constant && small_literal(m, r, &k) &&
              m.constant(m.slot(l, fld::Constant::value)).tag == ast::Constant::Tag::Str &&
              static_cast<long double>(m.constant(m.slot(l, fld::Constant::value)).text.size()) * k > 18)
            return T.bigint();
        }
      }
      return t;
    }
    default: return t;
  }
}

}  // namespace portalis::sema
