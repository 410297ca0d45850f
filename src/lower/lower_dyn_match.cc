// Dynamic mode: the `match` statement.
//
// The subject goes to a local once; each case becomes one Rust bool
// expression that tests the pattern and assigns its captures on the way
// (`&&` keeps CPython's left-to-right order and stops at the first miss),
// then `&& guard`; the cases chain as `if .. {} else if .. {}`, so the first
// match runs its body and break/continue/return in it mean what they mean
// in Python. rt::pmatch answers the shape questions (sequence of a length,
// mapping with keys, instance of a class) and hands back the parts.
#include "lower/lower_impl.h"

namespace portalis::lower {

void Lowerer::d_bind_name(std::string_view py, RId value, Ids& out) {
  const Binding* bnd = lookup(py);
  if (!bnd) {
    fail(kNone, "match capture of a module-level variable from a function");
    return;
  }
  out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(bnd->rust), value)));
  if (cur_ == 0 && d_global_read(py))
    out.push_back(b_.expr_stmt(b_.call(rt("dynamic::set_global"), {b_.str_lit(global_key(py)), b_.method(b_.path(bnd->rust), "clone", {})})));
}

namespace {
RId all_of(rust::Builder& b, const Ids& tests) {
  RId acc = kNil;
  for (RId t : tests) acc = acc == kNil ? t : b.binary(Op::And, acc, t);
  return acc == kNil ? b.bool_lit(true) : acc;
}
}  // namespace

// `match opt { Some(parts) => { let p0 = parts[0].clone(); .. tests }, None => false }`
RId Lowerer::d_pattern_parts(RId opt, std::span<const uint32_t> pats, int depth) {
  std::string parts = fresh("parts");
  Ids st, tests;
  for (size_t i = 0; i < pats.size(); ++i) {
    std::string e = fresh("elem");
    st.push_back(b_.let(e, kNil, b_.method(b_.index(b_.path(parts), b_.int_lit(static_cast<int64_t>(i))), "clone", {}), false));
    tests.push_back(d_pattern(pats[i], e, depth + 1));
  }
  Ids arms;
  arms.push_back(b_.arm(b_.call(b_.path("Some"), {b_.pat_ident(parts)}), kNil, b_.block(st, all_of(b_, tests))));
  arms.push_back(b_.arm(b_.path("None"), kNil, b_.bool_lit(false)));
  return b_.match(opt, arms);
}

RId Lowerer::d_pattern(NodeId p, const std::string& v, int depth) {
  if (depth > 100) {
    fail(p, "match pattern nested too deeply");
    return b_.bool_lit(false);
  }
  RId subj = b_.ref(b_.path(v));
  switch (kind(p)) {
    case Kind::MatchValue:
      return b_.method(b_.path(v), "py_eq", {b_.ref(d_expr(slot(p, fld::MatchValue::value)))});
    case Kind::MatchSingleton: {
      auto tag = m_.constant(slot(p, fld::MatchSingleton::value)).tag;
      RId s = tag == ast::Constant::Tag::True    ? b_.call("Value::Bool", {b_.bool_lit(true)})
              : tag == ast::Constant::Tag::False ? b_.call("Value::Bool", {b_.bool_lit(false)})
                                                 : b_.path("Value::None");
      return b_.call(rt("pmatch::singleton"), {subj, b_.ref(s)});
    }
    case Kind::MatchAs: {
      NodeId sub = slot(p, fld::MatchAs::pattern);
      uint32_t nm = slot(p, fld::MatchAs::name);
      Ids tests;
      if (sub != kNone) tests.push_back(d_pattern(sub, v, depth + 1));
      if (nm != kNone) {
        Ids st;
        d_bind_name(m_.str(nm), b_.method(b_.path(v), "clone", {}), st);
        tests.push_back(b_.block(st, b_.bool_lit(true)));
      }
      return all_of(b_, tests);
    }
    case Kind::MatchStar: {
      uint32_t nm = slot(p, fld::MatchStar::name);
      if (nm == kNone) return b_.bool_lit(true);
      Ids st;
      d_bind_name(m_.str(nm), b_.method(b_.path(v), "clone", {}), st);
      return b_.block(st, b_.bool_lit(true));
    }
    case Kind::MatchOr: {
      RId acc = kNil;
      for (NodeId q : list_of(p, fld::MatchOr::patterns)) {
        RId t = d_pattern(q, v, depth + 1);
        acc = acc == kNil ? t : b_.binary(Op::Or, acc, t);
      }
      return acc == kNil ? b_.bool_lit(false) : acc;
    }
    case Kind::MatchSequence: {
      auto pats = list_of(p, fld::MatchSequence::patterns);
      int64_t star = -1;
      for (size_t i = 0; i < pats.size(); ++i)
        if (kind(pats[i]) == Kind::MatchStar) star = static_cast<int64_t>(i);
      RId opt = b_.call(rt("pmatch::seq"), {subj, b_.int_lit(static_cast<int64_t>(pats.size())), b_.int_lit(star)});
      return d_pattern_parts(opt, pats, depth);
    }
    case Kind::MatchMapping: {
      Ids keys;
      for (NodeId k : list_of(p, fld::MatchMapping::keys)) keys.push_back(d_expr(k));
      RId opt = b_.call(rt("pmatch::map"), {subj, b_.ref(b_.array(keys))});
      RId t = d_pattern_parts(opt, list_of(p, fld::MatchMapping::patterns), depth);
      uint32_t rest = slot(p, fld::MatchMapping::rest);
      if (rest == kNone) return t;
      Ids keys2;
      for (NodeId k : list_of(p, fld::MatchMapping::keys)) keys2.push_back(d_expr(k));
      Ids st;
      d_bind_name(m_.str(rest), b_.call(rt("pmatch::map_rest"), {subj, b_.ref(b_.array(keys2))}), st);
      return b_.binary(Op::And, t, b_.block(st, b_.bool_lit(true)));
    }
    case Kind::MatchClass: {
      NodeId cls = slot(p, fld::MatchClass::cls);
      if (kind(cls) != Kind::Name) {
        fail(p, "class pattern with a dotted class");
        return b_.bool_lit(false);
      }
      std::string cn(ident(cls, fld::Name::id));
      Ids tests{b_.call(rt("pmatch::is_type"), {subj, b_.str_lit(cn)})};
      auto pos = list_of(p, fld::MatchClass::patterns);
      std::vector<std::string> attrs;
      auto ci = tm_.class_by_name.find(cn);
      if (!pos.empty()) {
        if (ci == tm_.class_by_name.end()) {
          // int(n), str(s), ...: the one positional sub-pattern is the subject itself.
          if (pos.size() != 1) {
            fail(p, "several positional patterns for a builtin class");
            return b_.bool_lit(false);
          }
          tests.push_back(d_pattern(pos[0], v, depth + 1));
        } else {
          if (d_is_dataclass(ci->second)) {
            for (auto& f : d_dataclass_fields(ci->second)) attrs.push_back(f.first);
          } else {
            for (NodeId st : list_of(tm_.classes[ci->second].node, fld::ClassDef::body))
              if (kind(st) == Kind::Assign && list_of(st, fld::Assign::targets).size() == 1 &&
                  kind(list_of(st, fld::Assign::targets)[0]) == Kind::Name &&
                  ident(list_of(st, fld::Assign::targets)[0], fld::Name::id) == "__match_args__") {
                NodeId tv = slot(st, fld::Assign::value);
                if (kind(tv) == Kind::Tuple || kind(tv) == Kind::List)
                  for (NodeId x : list_of(tv, fld::Tuple::elts))
                    if (kind(x) == Kind::Constant && m_.constant(slot(x, fld::Constant::value)).tag == ast::Constant::Tag::Str)
                      attrs.emplace_back(m_.constant(slot(x, fld::Constant::value)).text);
              }
          }
          if (attrs.size() < pos.size()) {
            fail(p, "class pattern with more positional patterns than __match_args__");
            return b_.bool_lit(false);
          }
        }
      }
      auto kwd = m_.list(slot(p, fld::MatchClass::kwd_attrs));
      auto kpats = list_of(p, fld::MatchClass::kwd_patterns);
      std::vector<std::pair<std::string, NodeId>> sub;
      if (ci != tm_.class_by_name.end())
        for (size_t i = 0; i < pos.size(); ++i) sub.emplace_back(attrs[i], pos[i]);
      for (size_t i = 0; i < kpats.size() && i < kwd.size(); ++i) sub.emplace_back(std::string(m_.str(kwd[i])), kpats[i]);
      for (auto& [a, q] : sub) {
        std::string e = fresh("field");
        Ids arms;
        arms.push_back(b_.arm(b_.call(b_.path("Some"), {b_.pat_ident(e)}), kNil, d_pattern(q, e, depth + 1)));
        arms.push_back(b_.arm(b_.path("None"), kNil, b_.bool_lit(false)));
        tests.push_back(b_.match(b_.call(rt("pmatch::attr"), {subj, b_.str_lit(a)}), arms));
      }
      return all_of(b_, tests);
    }
    default:
      fail(p, std::string(ast::kind_name(kind(p))) + " pattern");
      return b_.bool_lit(false);
  }
}

void Lowerer::d_match(NodeId s, Ids& out) {
  std::string subj = fresh("subject");
  out.push_back(b_.let(subj, kNil, d_expr(slot(s, fld::Match::subject)), false));
  auto cases = list_of(s, fld::Match::cases);
  std::vector<RId> conds, bodies;
  for (NodeId c : cases) {
    RId t = d_pattern(slot(c, fld::match_case::pattern), subj, 0);
    NodeId guard = slot(c, fld::match_case::guard);
    if (guard != kNone) t = b_.binary(Op::And, t, d_cond(guard));
    conds.push_back(t);
    bodies.push_back(d_block(list_of(c, fld::match_case::body)));
  }
  RId chain = kNil;
  for (size_t i = cases.size(); i-- > 0;) chain = b_.if_(conds[i], bodies[i], chain);
  if (chain != kNil) out.push_back(b_.expr_stmt(chain));
}

}  // namespace portalis::lower
