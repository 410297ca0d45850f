// Match statement patterns (PEP 634) with CPython 3.11's node shapes.
#include "parse/parser_impl.h"

namespace portalis::parse {

NodeId Parser::patterns() {
  size_t s0 = p_;
  auto one = [&]() -> NodeId {
    if (at(tk::STAR)) {
      size_t st = p_;
      advance();
      if (!at(tk::NAME)) return fail_here();
      std::string_view n = text(cur());
      advance();
      return add(Kind::MatchStar, from(st), {n == "_" ? kNone : ident(n)});
    }
    return pattern();
  };
  NodeId first = PTRY(one());
  if (!at(tk::COMMA)) {
    if (m_->kind(first) == Kind::MatchStar) return fail_node(first, "invalid syntax");
    return first;
  }
  size_t mk = mark();
  scratch_.push_back(first);
  while (accept(tk::COMMA)) {
    if (at(tk::COLON) || at(KW_if)) break;
    NodeId e = one();
    if (e == kNone) { release(mk); return kNone; }
    scratch_.push_back(e);
  }
  return add(Kind::MatchSequence, from(s0), {finish_list(mk)});
}

NodeId Parser::pattern() {
  if (!enter()) return kNone;
  size_t s0 = p_;
  NodeId p = or_pattern();
  if (p != kNone && accept(KW_as)) {
    if (!at(tk::NAME)) { leave(); return fail_here("invalid pattern target"); }
    std::string_view n = text(cur());
    if (n == "_") { leave(); return fail_here("cannot use '_' as a target"); }
    advance();
    p = add(Kind::MatchAs, from(s0), {p, ident(n)});
  }
  leave();
  return p;
}

NodeId Parser::or_pattern() {
  size_t s0 = p_;
  NodeId first = PTRY(closed_pattern());
  if (!at(tk::VBAR)) return first;
  size_t mk = mark();
  scratch_.push_back(first);
  while (accept(tk::VBAR)) {
    NodeId e = closed_pattern();
    if (e == kNone) { release(mk); return kNone; }
    scratch_.push_back(e);
  }
  return add(Kind::MatchOr, from(s0), {finish_list(mk)});
}

NodeId Parser::signed_number_expr() {
  size_t s0 = p_;
  NodeId left;
  if (at(tk::MINUS)) {
    advance();
    if (!at(tk::NUMBER)) return fail_here();
    Tok n = cur();
    advance();
    NodeId num = PTRY(number(n));
    left = add(Kind::UnaryOp, from(s0), {op(Kind::USub), num});
  } else {
    Tok n = cur();
    advance();
    left = PTRY(number(n));
  }
  if ((at(tk::PLUS) || at(tk::MINUS)) && peek().kind == tk::NUMBER) {
    Kind k = at(tk::PLUS) ? Kind::Add : Kind::Sub;
    advance();
    Tok n = cur();
    advance();
    NodeId right = PTRY(number(n));
    if (m_->constant(m_->slot(right, ast::fld::Constant::value)).tag != ast::Constant::Tag::Complex)
      return fail_node(right, "imaginary number required in complex literal");
    left = add(Kind::BinOp, from(s0), {left, op(k), right});
  }
  return left;
}

NodeId Parser::name_or_attr() {
  size_t s0 = p_;
  NodeId e = name_node(cur(), Kind::Load);
  advance();
  while (accept(tk::DOT)) {
    if (!at(tk::NAME)) return fail_here();
    uint32_t attr = ident(text(cur()));
    advance();
    e = add(Kind::Attribute, from(s0), {e, attr, op(Kind::Load)});
  }
  return e;
}

NodeId Parser::closed_pattern() {
  size_t s0 = p_;
  switch (cur().kind) {
    case tk::NUMBER:
    case tk::MINUS: {
      NodeId v = PTRY(signed_number_expr());
      return add(Kind::MatchValue, from(s0), {v});
    }
    case tk::STRING: {
      NodeId v = PTRY(strings());
      if (m_->kind(v) == Kind::JoinedStr) return fail_node(v, "patterns may only match literals and attribute lookups");
      return add(Kind::MatchValue, from(s0), {v});
    }
    case KW_None: case KW_True: case KW_False: {
      ast::Constant c;
      c.tag = at(KW_None) ? ast::Constant::Tag::None : at(KW_True) ? ast::Constant::Tag::True : ast::Constant::Tag::False;
      advance();
      return add(Kind::MatchSingleton, from(s0), {m_->add_const(std::move(c))});
    }
    case tk::NAME: {
      uint8_t next = peek().kind;
      if (next == tk::DOT || next == tk::LPAR) {
        NodeId e = PTRY(name_or_attr());
        if (at(tk::LPAR)) return class_pattern(e);
        return add(Kind::MatchValue, from(s0), {e});
      }
      std::string_view n = text(cur());
      advance();
      return add(Kind::MatchAs, from(s0), {kNone, n == "_" ? kNone : ident(n)});
    }
    case tk::LPAR: {
      Tok open = cur();
      advance();
      if (accept(tk::RPAR)) return add(Kind::MatchSequence, from(s0), {empty_list()});
      return sequence_pattern(tk::RPAR, open);
    }
    case tk::LSQB: {
      Tok open = cur();
      advance();
      return sequence_pattern(tk::RSQB, open);
    }
    case tk::LBRACE:
      return mapping_pattern();
    default:
      return fail_here();
  }
}

// After the opening bracket: a sequence, or (for parentheses) a group.
NodeId Parser::sequence_pattern(uint8_t close, const Tok&) {
  size_t s0 = p_ - 1;
  size_t mk = mark();
  bool comma = false;
  while (!at(close)) {
    size_t before = p_;
    NodeId e;
    if (at(tk::STAR)) {
      size_t st = p_;
      advance();
      if (!at(tk::NAME)) { release(mk); return fail_here(); }
      std::string_view n = text(cur());
      advance();
      e = add(Kind::MatchStar, from(st), {n == "_" ? kNone : ident(n)});
    } else {
      e = pattern();
    }
    if (e == kNone) { release(mk); return kNone; }
    scratch_.push_back(e);
    if (!accept(tk::COMMA)) break;
    comma = true;
    if (p_ == before) { release(mk); return fail_here(); }
  }
  if (!expect(close)) { release(mk); return kNone; }
  if (close == tk::RPAR && !comma && scratch_.size() == mk + 1 && m_->kind(scratch_.back()) != Kind::MatchStar) {
    NodeId g = scratch_.back();
    release(mk);
    return g;  // a group: the inner pattern keeps its own position
  }
  return add(Kind::MatchSequence, from(s0), {finish_list(mk)});
}

NodeId Parser::mapping_pattern() {
  size_t s0 = p_;
  advance();
  size_t mk = mark();
  uint32_t rest = kNone;
  while (!at(tk::RBRACE)) {
    size_t before = p_;
    if (rest != kNone) { release(mk); return fail_here(); }
    if (accept(tk::DOUBLESTAR)) {
      if (!at(tk::NAME)) { release(mk); return fail_here(); }
      rest = ident(text(cur()));
      advance();
    } else {
      NodeId key;
      size_t k0 = p_;
      switch (cur().kind) {
        case tk::NUMBER: case tk::MINUS: key = signed_number_expr(); break;
        case tk::STRING: key = strings(); break;
        case KW_None: case KW_True: case KW_False: {
          ast::Constant c;
          c.tag = at(KW_None) ? ast::Constant::Tag::None : at(KW_True) ? ast::Constant::Tag::True : ast::Constant::Tag::False;
          advance();
          key = add(Kind::Constant, from(k0), {m_->add_const(std::move(c)), kNone});
          break;
        }
        case tk::NAME:
          if (peek().kind != tk::DOT) { release(mk); return fail_here(); }
          key = name_or_attr();
          break;
        default:
          release(mk);
          return fail_here();
      }
      if (key == kNone || !expect(tk::COLON)) { release(mk); return kNone; }
      NodeId v = pattern();
      if (v == kNone) { release(mk); return kNone; }
      scratch_.push_back(key);
      scratch_.push_back(v);
    }
    if (!accept(tk::COMMA)) break;
    if (p_ == before) { release(mk); return fail_here(); }
  }
  if (!expect(tk::RBRACE)) { release(mk); return kNone; }
  uint32_t keys = strided_list(mk, 2, 0);
  uint32_t pats = strided_list(mk, 2, 1);
  release(mk);
  return add(Kind::MatchMapping, from(s0), {keys, pats, rest});
}

NodeId Parser::class_pattern(NodeId cls) {
  size_t s0 = p_;
  // The class pattern starts where its class name does.
  const Pos& cp = m_->pos(cls);
  advance();  // '('
  std::vector<uint32_t> pats, attrs, kpats;
  while (!at(tk::RPAR)) {
    size_t before = p_;
    if (at(tk::NAME) && peek().kind == tk::EQUAL) {
      attrs.push_back(ident(text(cur())));
      advance();
      advance();
      kpats.push_back(PTRY(pattern()));
    } else {
      NodeId pt = PTRY(pattern());
      if (!attrs.empty()) return fail_node(pt, "positional patterns follow keyword patterns");
      pats.push_back(pt);
    }
    if (!accept(tk::COMMA)) break;
    if (p_ == before) return fail_here();
  }
  if (!expect(tk::RPAR)) return kNone;
  (void)s0;
  Pos p{cp.lineno, cp.col_offset, last_eline_, last_ecol_};
  return add(Kind::MatchClass, p, {cls, m_->add_list(pats), m_->add_list(attrs), m_->add_list(kpats)});
}

}  // namespace portalis::parse
