// Expressions: precedence climbing over CPython 3.11's expression grammar.
// Left-recursive chains (a.b.c, a+b+c, not not x, ----x) are loops; only
// brackets, lambdas and conditionals recurse, under the depth cap.
#include "parse/literals.h"
#include "parse/parser_impl.h"

namespace portalis::parse {

namespace fld = ast::fld;

bool starts_expr(uint8_t k) {
  switch (k) {
    case tk::NAME: case tk::NUMBER: case tk::STRING: case tk::LPAR: case tk::LSQB: case tk::LBRACE:
    case tk::MINUS: case tk::PLUS: case tk::TILDE: case tk::STAR: case tk::ELLIPSIS:
    case KW_not: case KW_lambda: case KW_await: case KW_None: case KW_True: case KW_False:
      return true;
    default:
      return false;
  }
}

NodeId Parser::star_expressions() {
  size_t s0 = p_;
  NodeId first = PTRY(star_expression());
  if (!at(tk::COMMA)) return first;
  size_t mk = mark();
  scratch_.push_back(first);
  while (accept(tk::COMMA)) {
    if (!starts_expr(cur().kind)) break;
    NodeId e = star_expression();
    if (e == kNone) { release(mk); return kNone; }
    scratch_.push_back(e);
  }
  Pos p = from(s0);
  return add(Kind::Tuple, p, {finish_list(mk), op(Kind::Load)});
}

NodeId Parser::star_expression() {
  if (at(tk::STAR)) {
    Tok star = cur();
    advance();
    NodeId v = PTRY(bitwise(0));
    return add(Kind::Starred, span_from(star), {v, op(Kind::Load)});
  }
  return expression();
}

NodeId Parser::star_named_expression() {
  if (at(tk::STAR)) {
    Tok star = cur();
    advance();
    NodeId v = PTRY(bitwise(0));
    return add(Kind::Starred, span_from(star), {v, op(Kind::Load)});
  }
  return named_expression();
}

NodeId Parser::named_expression() {
  if (at(tk::NAME) && peek().kind == tk::COLONEQUAL) {
    Tok name = cur();
    advance();
    advance();
    NodeId target = name_node(name, Kind::Store);
    NodeId value = PTRY(expression());
    return add(Kind::NamedExpr, span_from(name), {target, value});
  }
  NodeId e = PTRY(expression());
  if (at(tk::COLONEQUAL)) {
    return fail_node(e, "cannot use assignment expressions with " + std::string(describe(e)));
  }
  return e;
}

NodeId Parser::expression() {
  size_t s0 = p_;
  if (!enter()) return kNone;
  NodeId r;
  if (at(KW_lambda)) {
    r = lambdef();
  } else {
    r = disjunction();
    if (r != kNone && at(KW_if)) {
      advance();
      NodeId test = disjunction();
      NodeId orelse = kNone;
      if (test != kNone && expect(KW_else, "expected 'else' after 'if' expression")) orelse = expression();
      r = orelse == kNone ? kNone : add(Kind::IfExp, from(s0), {test, r, orelse});
    }
  }
  leave();
  return r;
}

NodeId Parser::yield_expr() {
  Tok y = cur();
  advance();
  if (accept(KW_from)) {
    NodeId v = PTRY(expression());
    return add(Kind::YieldFrom, span_from(y), {v});
  }
  if (starts_expr(cur().kind)) {
    NodeId v = PTRY(star_expressions());
    return add(Kind::Yield, span_from(y), {v});
  }
  return add(Kind::Yield, tok_pos(y), {kNone});
}

NodeId Parser::yield_or_star_expressions() { return at(KW_yield) ? yield_expr() : star_expressions(); }

NodeId Parser::lambdef() {
  Tok lam = cur();
  advance();
  NodeId args = PTRY(arguments(true));
  if (!expect(tk::COLON, "expected ':'")) return kNone;
  NodeId body = PTRY(expression());
  return add(Kind::Lambda, span_from(lam), {args, body});
}

NodeId Parser::disjunction() {
  size_t s0 = p_;
  NodeId first = PTRY(conjunction());
  if (!at(KW_or)) return first;
  size_t mk = mark();
  scratch_.push_back(first);
  NodeId last = first;
  while (accept(KW_or)) {
    last = conjunction();
    if (last == kNone) { release(mk); return kNone; }
    scratch_.push_back(last);
  }
  Pos p = from(s0);
  return add(Kind::BoolOp, p, {op(Kind::Or), finish_list(mk)});
}

NodeId Parser::conjunction() {
  size_t s0 = p_;
  NodeId first = PTRY(inversion());
  if (!at(KW_and)) return first;
  size_t mk = mark();
  scratch_.push_back(first);
  NodeId last = first;
  while (accept(KW_and)) {
    last = inversion();
    if (last == kNone) { release(mk); return kNone; }
    scratch_.push_back(last);
  }
  Pos p = from(s0);
  return add(Kind::BoolOp, p, {op(Kind::And), finish_list(mk)});
}

NodeId Parser::inversion() {
  size_t mk = mark();
  while (at(KW_not)) {
    scratch_.push_back(static_cast<uint32_t>(p_));
    advance();
  }
  NodeId e = comparison();
  if (e == kNone) { release(mk); return kNone; }
  for (size_t i = scratch_.size(); i-- > mk;) e = add(Kind::UnaryOp, span_from(toks_[scratch_[i]]), {op(Kind::Not), e});
  release(mk);
  return e;
}

namespace {
// Comparison operator at the cursor: its Kind and token count, or Count.
}  // namespace

NodeId Parser::comparison() {
  size_t s0 = p_;
  NodeId left = PTRY(bitwise(0));
  size_t mk = mark();
  NodeId last = left;
  for (;;) {
    Kind k = Kind::Count;
    int ntok = 1;
    switch (cur().kind) {
      case tk::EQEQUAL: k = Kind::Eq; break;
      case tk::NOTEQUAL: k = Kind::NotEq; break;
      case tk::LESS: k = Kind::Lt; break;
      case tk::LESSEQUAL: k = Kind::LtE; break;
      case tk::GREATER: k = Kind::Gt; break;
      case tk::GREATEREQUAL: k = Kind::GtE; break;
      case KW_in: k = Kind::In; break;
      case KW_not:
        if (peek().kind == KW_in) { k = Kind::NotIn; ntok = 2; }
        break;
      case KW_is:
        if (peek().kind == KW_not) { k = Kind::IsNot; ntok = 2; }
        else k = Kind::Is;
        break;
      default: break;
    }
    if (k == Kind::Count) break;
    for (int i = 0; i < ntok; ++i) advance();
    last = bitwise(0);
    if (last == kNone) { release(mk); return kNone; }
    scratch_.push_back(op(k));
    scratch_.push_back(last);
  }
  if (scratch_.size() == mk) return left;
  uint32_t ops = strided_list(mk, 2, 0);
  uint32_t comps = strided_list(mk, 2, 1);
  release(mk);
  return add(Kind::Compare, from(s0), {left, ops, comps});
}

namespace {
int binary_prec(uint8_t k, Kind* op) {
  switch (k) {
    case tk::VBAR: *op = Kind::BitOr; return 1;
    case tk::CIRCUMFLEX: *op = Kind::BitXor; return 2;
    case tk::AMPER: *op = Kind::BitAnd; return 3;
    case tk::LEFTSHIFT: *op = Kind::LShift; return 4;
    case tk::RIGHTSHIFT: *op = Kind::RShift; return 4;
    case tk::PLUS: *op = Kind::Add; return 5;
    case tk::MINUS: *op = Kind::Sub; return 5;
    case tk::STAR: *op = Kind::Mult; return 6;
    case tk::SLASH: *op = Kind::Div; return 6;
    case tk::DOUBLESLASH: *op = Kind::FloorDiv; return 6;
    case tk::PERCENT: *op = Kind::Mod; return 6;
    case tk::AT: *op = Kind::MatMult; return 6;
    default: return 0;
  }
}
}  // namespace

NodeId Parser::bitwise(int min_prec) {
  size_t s0 = p_;
  NodeId left = PTRY(factor());
  for (;;) {
    Kind k;
    int prec = binary_prec(cur().kind, &k);
    if (prec == 0 || prec < min_prec) break;
    advance();
    NodeId right = PTRY(bitwise(prec + 1));
    left = add(Kind::BinOp, from(s0), {left, op(k), right});
  }
  return left;
}

NodeId Parser::factor() {
  size_t mk = mark();
  for (;;) {
    uint8_t k = cur().kind;
    if (k != tk::MINUS && k != tk::PLUS && k != tk::TILDE) break;
    scratch_.push_back(static_cast<uint32_t>(p_));
    advance();
  }
  NodeId e = power();
  if (e == kNone) { release(mk); return kNone; }
  for (size_t i = scratch_.size(); i-- > mk;) {
    const Tok& t = toks_[scratch_[i]];
    Kind k = t.kind == tk::MINUS ? Kind::USub : t.kind == tk::PLUS ? Kind::UAdd : Kind::Invert;
    e = add(Kind::UnaryOp, span_from(t), {op(k), e});
  }
  release(mk);
  return e;
}

NodeId Parser::power() {
  size_t s0 = p_;
  NodeId base = PTRY(await_primary());
  if (!at(tk::DOUBLESTAR)) return base;
  advance();
  if (!enter()) return kNone;
  NodeId exp = factor();
  leave();
  if (exp == kNone) return kNone;
  return add(Kind::BinOp, from(s0), {base, op(Kind::Pow), exp});
}

NodeId Parser::await_primary() {
  if (at(KW_await)) {
    Tok a = cur();
    advance();
    size_t s0 = p_;
    NodeId v = PTRY(primary(PTRY(atom()), s0));
    return add(Kind::Await, span_from(a), {v});
  }
  size_t s0 = p_;
  return primary(PTRY(atom()), s0);
}

NodeId Parser::primary(NodeId e, size_t s0) {
  for (;;) {
    switch (cur().kind) {
      case tk::DOT: {
        advance();
        if (!at(tk::NAME)) return fail_here();
        Tok name = cur();
        advance();
        e = add(Kind::Attribute, from(s0), {e, ident(text(name)), op(Kind::Load)});
        break;
      }
      case tk::LPAR:
        e = PTRY(call(e, s0));
        break;
      case tk::LSQB: {
        advance();
        if (!enter()) return kNone;
        NodeId s = slices();
        leave();
        if (s == kNone || !expect(tk::RSQB)) return kNone;
        e = add(Kind::Subscript, from(s0), {e, s, op(Kind::Load)});
        break;
      }
      default:
        return e;
    }
  }
}

// Inside brackets, an expression directly followed by another one is most
// likely a missing comma; CPython says so (except for NAME STRING, which
// reads like a misspelt prefix).
bool Parser::forgot_comma(NodeId e, size_t start) {
  uint8_t k = cur().kind;
  if (!starts_expr(k) || k == tk::STAR || k == tk::MINUS || k == tk::PLUS || k == tk::LPAR || k == tk::LSQB)
    return false;
  if (m_->kind(e) == Kind::Name && k == tk::STRING && p_ == start + 1) return false;
  fail_node(e, "invalid syntax. Perhaps you forgot a comma?");
  return true;
}

NodeId Parser::number(const Tok& t) {
  ast::Constant c;
  if (!number_constant(text(t), &c)) return fail(t, "invalid syntax");
  return add(Kind::Constant, tok_pos(t), {m_->add_const(std::move(c)), kNone});
}

NodeId Parser::atom() {
  const Tok& t = cur();
  switch (t.kind) {
    case tk::NAME: {
      Tok n = t;
      advance();
      return name_node(n, Kind::Load);
    }
    case KW_True: case KW_False: case KW_None: {
      ast::Constant c;
      c.tag = t.kind == KW_True ? ast::Constant::Tag::True
              : t.kind == KW_False ? ast::Constant::Tag::False : ast::Constant::Tag::None;
      Tok n = t;
      advance();
      return add(Kind::Constant, tok_pos(n), {m_->add_const(std::move(c)), kNone});
    }
    case tk::ELLIPSIS: {
      ast::Constant c;
      c.tag = ast::Constant::Tag::Ellipsis;
      Tok n = t;
      advance();
      return add(Kind::Constant, tok_pos(n), {m_->add_const(std::move(c)), kNone});
    }
    case tk::NUMBER: {
      Tok n = t;
      advance();
      return number(n);
    }
    case tk::STRING: return strings();
    case tk::LPAR: case tk::LSQB: case tk::LBRACE: {
      if (!enter()) return kNone;
      NodeId r = t.kind == tk::LPAR ? paren_atom() : t.kind == tk::LSQB ? list_atom() : brace_atom();
      leave();
      return r;
    }
    default:
      return fail_here();
  }
}

NodeId Parser::paren_atom() {
  Tok open = cur();
  advance();
  size_t s0 = p_;
  if (accept(tk::RPAR)) return add(Kind::Tuple, span_from(open), {empty_list(), op(Kind::Load)});
  if (at(KW_yield)) {
    NodeId y = PTRY(yield_expr());
    if (!expect(tk::RPAR)) return kNone;
    return y;
  }
  NodeId first = PTRY(star_named_expression());
  if (at(KW_for) || (at(KW_async) && peek().kind == KW_for)) {
    if (m_->kind(first) == Kind::Starred) return fail_node(first, "iterable unpacking cannot be used in comprehension");
    uint32_t gens = comprehension_clauses();
    if (failed_ || !expect(tk::RPAR)) return kNone;
    return add(Kind::GeneratorExp, span_from(open), {first, gens});
  }
  if (at(tk::COMMA)) {
    size_t mk = mark();
    scratch_.push_back(first);
    while (accept(tk::COMMA)) {
      if (at(tk::RPAR)) break;
      NodeId e = star_named_expression();
      if (e == kNone) { release(mk); return kNone; }
      scratch_.push_back(e);
    }
    if (!expect(tk::RPAR)) { release(mk); return kNone; }
    return add(Kind::Tuple, span_from(open), {finish_list(mk), op(Kind::Load)});
  }
  if (forgot_comma(first, s0)) return kNone;
  if (!expect(tk::RPAR)) return kNone;
  if (m_->kind(first) == Kind::Starred) return fail_node(first, "cannot use starred expression here");
  return first;
}

NodeId Parser::list_atom() {
  Tok open = cur();
  size_t s0 = p_ + 1;
  advance();
  if (accept(tk::RSQB)) return add(Kind::List, span_from(open), {empty_list(), op(Kind::Load)});
  NodeId first = PTRY(star_named_expression());
  if (at(KW_for) || (at(KW_async) && peek().kind == KW_for)) {
    if (m_->kind(first) == Kind::Starred) return fail_node(first, "iterable unpacking cannot be used in comprehension");
    uint32_t gens = comprehension_clauses();
    if (failed_ || !expect(tk::RSQB)) return kNone;
    return add(Kind::ListComp, span_from(open), {first, gens});
  }
  size_t mk = mark();
  scratch_.push_back(first);
  if (forgot_comma(first, s0)) { release(mk); return kNone; }
  while (accept(tk::COMMA)) {
    if (at(tk::RSQB)) break;
    size_t e0 = p_;
    NodeId e = star_named_expression();
    if (e == kNone || forgot_comma(e, e0)) { release(mk); return kNone; }
    scratch_.push_back(e);
  }
  if (!expect(tk::RSQB)) { release(mk); return kNone; }
  return add(Kind::List, span_from(open), {finish_list(mk), op(Kind::Load)});
}

NodeId Parser::brace_atom() {
  Tok open = cur();
  advance();
  if (accept(tk::RBRACE)) return add(Kind::Dict, span_from(open), {empty_list(), empty_list()});
  size_t mk = mark();
  bool is_dict;
  if (at(tk::DOUBLESTAR)) {
    advance();
    NodeId v = PTRY(bitwise(0));
    scratch_.push_back(kNone);
    scratch_.push_back(v);
    is_dict = true;
  } else {
    NodeId first = PTRY(star_named_expression());
    if (at(tk::COLON)) {
      advance();
      if (m_->kind(first) == Kind::Starred) { release(mk); return fail_node(first, "cannot use a starred expression in a dictionary key"); }
      NodeId v = expression();
      if (v == kNone) { release(mk); return kNone; }
      if (at(KW_for) || (at(KW_async) && peek().kind == KW_for)) {
        release(mk);
        uint32_t gens = comprehension_clauses();
        if (failed_ || !expect(tk::RBRACE)) return kNone;
        return add(Kind::DictComp, span_from(open), {first, v, gens});
      }
      scratch_.push_back(first);
      scratch_.push_back(v);
      is_dict = true;
    } else {
      if (at(KW_for) || (at(KW_async) && peek().kind == KW_for)) {
        if (m_->kind(first) == Kind::Starred) return fail_node(first, "iterable unpacking cannot be used in comprehension");
        uint32_t gens = comprehension_clauses();
        if (failed_ || !expect(tk::RBRACE)) return kNone;
        return add(Kind::SetComp, span_from(open), {first, gens});
      }
      scratch_.push_back(first);
      is_dict = false;
    }
  }
  while (accept(tk::COMMA)) {
    if (at(tk::RBRACE)) break;
    if (is_dict) {
      if (accept(tk::DOUBLESTAR)) {
        NodeId v = bitwise(0);
        if (v == kNone) { release(mk); return kNone; }
        scratch_.push_back(kNone);
        scratch_.push_back(v);
      } else {
        NodeId k = expression();
        if (k == kNone) { release(mk); return kNone; }
        if (!at(tk::COLON)) { release(mk); return fail_node(k, "':' expected after dictionary key"); }
        advance();
        NodeId v = expression();
        if (v == kNone) { release(mk); return kNone; }
        scratch_.push_back(k);
        scratch_.push_back(v);
      }
    } else {
      NodeId e = star_named_expression();
      if (e == kNone) { release(mk); return kNone; }
      scratch_.push_back(e);
    }
  }
  if (!expect(tk::RBRACE)) { release(mk); return kNone; }
  if (is_dict) {
    uint32_t keys = strided_list(mk, 2, 0);
    uint32_t values = strided_list(mk, 2, 1);
    release(mk);
    return add(Kind::Dict, span_from(open), {keys, values});
  }
  return add(Kind::Set, span_from(open), {finish_list(mk)});
}

uint32_t Parser::comprehension_clauses() {
  size_t mk = mark();
  while (at(KW_for) || (at(KW_async) && peek().kind == KW_for)) {
    bool is_async = accept(KW_async);
    advance();  // for
    NodeId target = star_targets();
    if (target == kNone || !expect(KW_in)) { release(mk); return kNone; }
    NodeId iter = disjunction();
    if (iter == kNone) { release(mk); return kNone; }
    size_t ifs = mark();
    while (accept(KW_if)) {
      NodeId c = disjunction();
      if (c == kNone) { release(mk); return kNone; }
      scratch_.push_back(c);
    }
    uint32_t ifl = finish_list(ifs);
    scratch_.push_back(add(Kind::comprehension, Pos{}, {target, iter, ifl, is_async ? 1u : 0u}));
  }
  return finish_list(mk);
}

NodeId Parser::target_atom() {
  if (at(tk::STAR)) {
    Tok star = cur();
    advance();
    NodeId v = PTRY(bitwise(0));
    return add(Kind::Starred, span_from(star), {v, op(Kind::Load)});
  }
  return bitwise(0);
}

NodeId Parser::star_targets() {
  size_t s0 = p_;
  NodeId first = PTRY(target_atom());
  NodeId result = first;
  if (at(tk::COMMA)) {
    size_t mk = mark();
    scratch_.push_back(first);
    while (accept(tk::COMMA)) {
      if (!starts_expr(cur().kind)) break;
      NodeId e = target_atom();
      if (e == kNone) { release(mk); return kNone; }
      scratch_.push_back(e);
    }
    Pos p = from(s0);
    result = add(Kind::Tuple, p, {finish_list(mk), op(Kind::Load)});
  }
  if (!set_ctx(result, Kind::Store)) return kNone;
  return result;
}

NodeId Parser::call(NodeId func, size_t s0) {
  Tok open = cur();
  advance();
  if (!enter()) return kNone;
  size_t mk = mark();
  bool seen_kw = false, seen_kwunpack = false;
  auto bail = [&]() -> NodeId { release(mk); leave(); return kNone; };
  while (!at(tk::RPAR)) {
    size_t before = p_;
    if (at(tk::STAR)) {
      Tok star = cur();
      advance();
      NodeId v = expression();
      if (v == kNone) return bail();
      if (seen_kwunpack) { fail(star, "iterable argument unpacking follows keyword argument unpacking"); return bail(); }
      scratch_.push_back(add(Kind::Starred, span_from(star), {v, op(Kind::Load)}));
    } else if (at(tk::DOUBLESTAR)) {
      Tok dstar = cur();
      advance();
      NodeId v = expression();
      if (v == kNone) return bail();
      scratch_.push_back(add(Kind::keyword, span_from(dstar), {kNone, v}));
      seen_kwunpack = true;
    } else if (at(tk::NAME) && peek().kind == tk::EQUAL) {
      Tok name = cur();
      advance();
      advance();
      NodeId v = expression();
      if (v == kNone) return bail();
      scratch_.push_back(add(Kind::keyword, span_from(name), {ident(text(name)), v}));
      seen_kw = true;
    } else {
      NodeId e = named_expression();
      if (e == kNone) return bail();
      if (at(KW_for) || (at(KW_async) && peek().kind == KW_for)) {
        uint32_t gens = comprehension_clauses();
        if (failed_) return bail();
        if (scratch_.size() != mk || !at(tk::RPAR)) {
          fail_node(e, "Generator expression must be parenthesized");
          return bail();
        }
        advance();
        NodeId g = add(Kind::GeneratorExp, span_from(open), {e, gens});
        scratch_.push_back(g);
        uint32_t args = finish_list(mk);
        leave();
        return add(Kind::Call, from(s0), {func, args, empty_list()});
      }
      if (at(tk::EQUAL)) {
        fail_node(e, "expression cannot contain assignment, perhaps you meant \"==\"?");
        return bail();
      }
      if (forgot_comma(e, before)) return bail();
      if (seen_kwunpack) { fail_node(e, "positional argument follows keyword argument unpacking"); return bail(); }
      if (seen_kw) { fail_node(e, "positional argument follows keyword argument"); return bail(); }
      scratch_.push_back(e);
    }
    if (!accept(tk::COMMA)) break;
    if (p_ == before) { fail_here(); return bail(); }
  }
  if (!expect(tk::RPAR)) return bail();
  leave();
  // Split positional arguments from keywords, keeping their order.
  tmp_.clear();
  for (size_t i = mk; i < scratch_.size(); ++i)
    if (m_->kind(scratch_[i]) != Kind::keyword) tmp_.push_back(scratch_[i]);
  uint32_t args = m_->add_list(tmp_);
  tmp_.clear();
  for (size_t i = mk; i < scratch_.size(); ++i)
    if (m_->kind(scratch_[i]) == Kind::keyword) tmp_.push_back(scratch_[i]);
  uint32_t kws = m_->add_list(tmp_);
  release(mk);
  return add(Kind::Call, from(s0), {func, args, kws});
}

NodeId Parser::slice() {
  if (at(tk::STAR)) {
    Tok star = cur();
    advance();
    NodeId v = PTRY(bitwise(0));
    return add(Kind::Starred, span_from(star), {v, op(Kind::Load)});
  }
  Tok start = cur();
  NodeId lower = kNone;
  if (!at(tk::COLON)) {
    NodeId e = PTRY(named_expression());
    if (!at(tk::COLON)) return e;
    lower = e;
  }
  advance();  // ':'
  NodeId upper = kNone, step = kNone;
  if (!at(tk::COLON) && !at(tk::COMMA) && !at(tk::RSQB)) upper = PTRY(expression());
  if (accept(tk::COLON)) {
    if (!at(tk::COMMA) && !at(tk::RSQB)) step = PTRY(expression());
  }
  return add(Kind::Slice, span_from(start), {lower, upper, step});
}

NodeId Parser::slices() {
  size_t s0 = p_;
  NodeId first = PTRY(slice());
  if (!at(tk::COMMA)) {
    // A lone starred slice (a[*b]) is a one-element tuple.
    if (m_->kind(first) == Kind::Starred) return add(Kind::Tuple, from(s0), {m_->add_list({first}), op(Kind::Load)});
    return first;
  }
  size_t mk = mark();
  scratch_.push_back(first);
  while (accept(tk::COMMA)) {
    if (at(tk::RSQB)) break;
    NodeId e = slice();
    if (e == kNone) { release(mk); return kNone; }
    scratch_.push_back(e);
  }
  Pos p = from(s0);
  return add(Kind::Tuple, p, {finish_list(mk), op(Kind::Load)});
}

}  // namespace portalis::parse
