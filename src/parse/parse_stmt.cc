// Statements and blocks: CPython 3.11's statement grammar.
#include "parse/parser_impl.h"

namespace portalis::parse {

namespace fld = ast::fld;

bool Parser::statement(size_t list_mark) {
  uint8_t k = cur().kind;
  if (k == tk::INDENT) {
    fail(peek(), "unexpected indent", DiagId::UnexpectedIndent);
    if (err_.column > 0) --err_.column;  // CPython reports the indent's width here
    return false;
  }
  bool compound = k == KW_def || k == KW_if || k == KW_class || k == KW_with || k == KW_for || k == KW_try ||
                  k == KW_while || k == tk::AT ||
                  (k == KW_async && (peek().kind == KW_def || peek().kind == KW_with || peek().kind == KW_for)) ||
                  (k == tk::NAME && looks_like_match());
  if (compound) {
    NodeId n = compound_stmt();
    if (n == kNone) return false;
    scratch_.push_back(n);
    return true;
  }
  return simple_stmts(list_mark);
}

bool Parser::simple_stmts(size_t) {
  for (;;) {
    NodeId n = simple_stmt();
    if (n == kNone) return false;
    scratch_.push_back(n);
    if (accept(tk::SEMI)) {
      if (at(tk::NEWLINE)) break;
      continue;
    }
    break;
  }
  if (!at(tk::NEWLINE)) {
    // Python 2's print/exec statements get CPython's hint.
    NodeId last = scratch_.back();
    if (m_->kind(last) == Kind::Expr && starts_expr(cur().kind) && !at(tk::LPAR) && !at(tk::LSQB)) {
      NodeId v = m_->slot(last, ast::fld::Expr::value);
      if (m_->kind(v) == Kind::Name) {
        std::string_view id = m_->str(m_->slot(v, ast::fld::Name::id));
        if (id == "print" || id == "exec") {
          fail_node(v, "Missing parentheses in call to '" + std::string(id) + "'. Did you mean " + std::string(id) +
                           "(...)?");
          return false;
        }
      }
    }
    fail_here();
    return false;
  }
  advance();
  return true;
}

NodeId Parser::simple_stmt() {
  size_t s0 = p_;
  switch (cur().kind) {
    case KW_return: return return_stmt();
    case KW_import: return import_stmt();
    case KW_from: return from_import_stmt();
    case KW_raise: return raise_stmt();
    case KW_pass: advance(); return add(Kind::Pass, from(s0), {});
    case KW_break: advance(); return add(Kind::Break, from(s0), {});
    case KW_continue: advance(); return add(Kind::Continue, from(s0), {});
    case KW_del: return del_stmt();
    case KW_assert: return assert_stmt();
    case KW_global: return global_stmt(Kind::Global);
    case KW_nonlocal: return global_stmt(Kind::Nonlocal);
    default: return expr_or_assign_stmt();
  }
}

namespace {
Kind augassign_op(uint8_t k) {
  switch (k) {
    case tk::PLUSEQUAL: return Kind::Add;
    case tk::MINEQUAL: return Kind::Sub;
    case tk::STAREQUAL: return Kind::Mult;
    case tk::ATEQUAL: return Kind::MatMult;
    case tk::SLASHEQUAL: return Kind::Div;
    case tk::PERCENTEQUAL: return Kind::Mod;
    case tk::AMPEREQUAL: return Kind::BitAnd;
    case tk::VBAREQUAL: return Kind::BitOr;
    case tk::CIRCUMFLEXEQUAL: return Kind::BitXor;
    case tk::LEFTSHIFTEQUAL: return Kind::LShift;
    case tk::RIGHTSHIFTEQUAL: return Kind::RShift;
    case tk::DOUBLESTAREQUAL: return Kind::Pow;
    case tk::DOUBLESLASHEQUAL: return Kind::FloorDiv;
    default: return Kind::Count;
  }
}
}  // namespace

NodeId Parser::expr_or_assign_stmt() {
  size_t s0 = p_;
  if (!starts_expr(cur().kind) && !at(KW_yield)) return fail_here();
  NodeId first = PTRY(yield_or_star_expressions());
  if (at(tk::COLON)) {
    Kind k = m_->kind(first);
    uint32_t simple = 0;
    if (k == Kind::Name) simple = toks_[s0].kind == tk::LPAR ? 0 : 1;
    else if (k == Kind::Tuple) return fail_node(first, "only single target (not tuple) can be annotated");
    else if (k == Kind::List) return fail_node(first, "only single target (not list) can be annotated");
    else if (k != Kind::Attribute && k != Kind::Subscript) return fail_node(first, "illegal target for annotation");
    set_ctx(first, Kind::Store);
    advance();
    NodeId ann = PTRY(expression());
    NodeId value = kNone;
    if (accept(tk::EQUAL)) value = PTRY(yield_or_star_expressions());
    return add(Kind::AnnAssign, from(s0), {first, ann, value, simple});
  }
  if (at(tk::EQUAL)) {
    size_t mk = mark();
    scratch_.push_back(first);
    while (accept(tk::EQUAL)) {
      NodeId v = yield_or_star_expressions();
      if (v == kNone) { release(mk); return kNone; }
      scratch_.push_back(v);
    }
    NodeId value = scratch_.back();
    scratch_.pop_back();
    for (size_t i = mk; i < scratch_.size(); ++i) {
      NodeId t = scratch_[i];
      Kind tk = m_->kind(t);
      if (tk == Kind::Yield || tk == Kind::YieldFrom) { release(mk); return fail_node(t, "assignment to yield expression not possible"); }
      bool single = scratch_.size() - mk == 1;
      bool plain = tk != Kind::Tuple && tk != Kind::List && tk != Kind::GeneratorExp && tk != Kind::Starred &&
                   tk != Kind::Name && tk != Kind::Attribute && tk != Kind::Subscript;
      if (plain && tk == Kind::Constant) {
        auto tag = m_->constant(m_->slot(t, ast::fld::Constant::value)).tag;
        plain = tag != ast::Constant::Tag::True && tag != ast::Constant::Tag::False && tag != ast::Constant::Tag::None;
      }
      if (single && plain) {
        // CPython's invalid_named_expression: "x + 1 = 2" reads like a comparison.
        release(mk);
        return fail_node(t, "cannot assign to " + std::string(describe(t)) + " here. Maybe you meant '==' instead of '='?");
      }
      if (!set_ctx(t, Kind::Store)) { release(mk); return kNone; }
    }
    uint32_t targets = finish_list(mk);
    return add(Kind::Assign, from(s0), {targets, value, kNone});
  }
  Kind aug = augassign_op(cur().kind);
  if (aug != Kind::Count) {
    Kind k = m_->kind(first);
    if (k != Kind::Name && k != Kind::Attribute && k != Kind::Subscript)
      return fail_node(first, "'" + std::string(describe(first)) + "' is an illegal expression for augmented assignment");
    set_ctx(first, Kind::Store);
    advance();
    NodeId value = PTRY(yield_or_star_expressions());
    return add(Kind::AugAssign, from(s0), {first, op(aug), value});
  }
  return add(Kind::Expr, from(s0), {first});
}

uint32_t Parser::block(const Tok& owner) {
  if (!enter()) return kNone;
  size_t mk = mark();
  if (accept(tk::NEWLINE)) {
    if (!at(tk::INDENT)) {
      Tok t = cur();
      std::string_view kw = text(owner);
      std::string what = kw == "def" || kw == "async" ? std::string("function definition")
                         : kw == "class"               ? std::string("class definition")
                                                       : "'" + std::string(kw) + "' statement";
      fail(t, "expected an indented block after " + what + " on line " + std::to_string(owner.line),
           DiagId::ExpectedIndent);
      leave();
      return kNone;
    }
    advance();
    while (!at(tk::DEDENT) && !at(tk::ENDMARKER)) {
      size_t before = p_;
      if (!statement(mk) || p_ == before) {
        if (!failed_) fail_here();
        release(mk);
        leave();
        return kNone;
      }
    }
    accept(tk::DEDENT);
  } else if (!simple_stmts(mk)) {
    release(mk);
    leave();
    return kNone;
  }
  leave();
  if (scratch_.size() == mk) {
    fail_here();
    return kNone;
  }
  return finish_list(mk);
}

NodeId Parser::compound_stmt() {
  switch (cur().kind) {
    case KW_if: return if_stmt(false);
    case KW_while: return while_stmt();
    case KW_for: return for_stmt(nullptr);
    case KW_with: return with_stmt(nullptr);
    case KW_try: return try_stmt();
    case KW_def: return funcdef(nullptr, empty_list(), cur());
    case KW_class: return classdef(empty_list(), cur());
    case tk::AT: return decorated();
    case KW_async: {
      Tok a = cur();
      uint8_t next = peek().kind;
      advance();
      if (next == KW_def) return funcdef(&a, empty_list(), a);
      if (next == KW_for) return for_stmt(&a);
      return with_stmt(&a);
    }
    default: return match_stmt();
  }
}

NodeId Parser::if_stmt(bool) {
  size_t s0 = p_;
  Tok kw = cur();
  advance();
  NodeId test = PTRY(named_expression());
  if (at(tk::EQUAL) && m_->kind(test) == Kind::Name)
    return fail_node(test, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  if (!expect(tk::COLON, "expected ':'")) return kNone;
  uint32_t body = block(kw);
  if (body == kNone) return kNone;
  uint32_t orelse;
  if (at(KW_elif)) {
    NodeId n = PTRY(if_stmt(true));
    orelse = m_->add_list({n});
  } else if (at(KW_else)) {
    Tok e = cur();
    advance();
    if (!expect(tk::COLON, "expected ':'")) return kNone;
    orelse = block(e);
    if (orelse == kNone) return kNone;
  } else {
    orelse = empty_list();
  }
  return add(Kind::If, from(s0), {test, body, orelse});
}

NodeId Parser::while_stmt() {
  size_t s0 = p_;
  Tok kw = cur();
  advance();
  NodeId test = PTRY(named_expression());
  if (!expect(tk::COLON, "expected ':'")) return kNone;
  uint32_t body = block(kw);
  if (body == kNone) return kNone;
  uint32_t orelse = empty_list();
  if (at(KW_else)) {
    Tok e = cur();
    advance();
    if (!expect(tk::COLON, "expected ':'")) return kNone;
    orelse = block(e);
    if (orelse == kNone) return kNone;
  }
  return add(Kind::While, from(s0), {test, body, orelse});
}

NodeId Parser::for_stmt(const Tok* async_tok) {
  size_t s0 = async_tok ? p_ - 1 : p_;
  Tok kw = cur();
  advance();
  NodeId target = PTRY(star_targets());
  if (!expect(KW_in)) return kNone;
  NodeId iter = PTRY(star_expressions());
  if (!expect(tk::COLON, "expected ':'")) return kNone;
  uint32_t body = block(kw);
  if (body == kNone) return kNone;
  uint32_t orelse = empty_list();
  if (at(KW_else)) {
    Tok e = cur();
    advance();
    if (!expect(tk::COLON, "expected ':'")) return kNone;
    orelse = block(e);
    if (orelse == kNone) return kNone;
  }
  return add(async_tok ? Kind::AsyncFor : Kind::For, from(s0), {target, iter, body, orelse, kNone});
}

namespace {}  // namespace

bool Parser::with_items_plain(size_t mk) {
  for (;;) {
    NodeId e = expression();
    if (e == kNone) return false;
    NodeId t = kNone;
    if (accept(KW_as)) {
      t = target_atom();
      if (t == kNone || !set_ctx(t, Kind::Store)) return false;
    }
    scratch_.push_back(add(Kind::withitem, Pos{}, {e, t}));
    if (!accept(tk::COMMA)) return true;
  }
}

bool Parser::with_items_paren(size_t mk) {
  advance();  // '('
  for (;;) {
    NodeId e = expression();
    if (e == kNone) return false;
    NodeId t = kNone;
    if (accept(KW_as)) {
      t = target_atom();
      if (t == kNone || !set_ctx(t, Kind::Store)) return false;
      if (!at(tk::COMMA) && !at(tk::RPAR)) { fail_here(); return false; }
    }
    scratch_.push_back(add(Kind::withitem, Pos{}, {e, t}));
    if (!accept(tk::COMMA)) break;
    if (at(tk::RPAR)) break;
  }
  if (!expect(tk::RPAR)) return false;
  if (!at(tk::COLON)) { fail_here(); return false; }
  return true;
}

NodeId Parser::with_stmt(const Tok* async_tok) {
  size_t s0 = async_tok ? p_ - 1 : p_;
  Tok kw = cur();
  advance();
  size_t mk = mark();
  bool ok = false;
  if (at(tk::LPAR)) {
    Speculation sp(*this);
    ok = with_items_paren(mk);
    if (!ok) sp.rewind();
  }
  if (!ok && !with_items_plain(mk)) { release(mk); return kNone; }
  if (!expect(tk::COLON, "expected ':'")) { release(mk); return kNone; }
  uint32_t items = finish_list(mk);
  uint32_t body = block(kw);
  if (body == kNone) return kNone;
  return add(async_tok ? Kind::AsyncWith : Kind::With, from(s0), {items, body, kNone});
}

NodeId Parser::try_stmt() {
  size_t s0 = p_;
  Tok kw = cur();
  advance();
  if (!expect(tk::COLON, "expected ':'")) return kNone;
  uint32_t body = block(kw);
  if (body == kNone) return kNone;
  size_t mk = mark();
  int star_kind = -1;  // -1 unknown, 0 except, 1 except*
  while (at(KW_except)) {
    size_t h0 = p_;
    Tok ex = cur();
    advance();
    int is_star = accept(tk::STAR) ? 1 : 0;
    if (star_kind >= 0 && star_kind != is_star) {
      release(mk);
      return fail(ex, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    star_kind = is_star;
    NodeId type = kNone;
    uint32_t name = kNone;
    if (!at(tk::COLON)) {
      type = expression();
      if (type == kNone) { release(mk); return kNone; }
      if (at(tk::COMMA)) { release(mk); return fail_node(type, "multiple exception types must be parenthesized"); }
      if (accept(KW_as)) {
        if (!at(tk::NAME)) { release(mk); return fail_here(); }
        name = ident(text(cur()));
        advance();
      }
    } else if (is_star) {
      release(mk);
      return fail_here("expected one or more exception types");
    }
    if (!expect(tk::COLON, "expected ':'")) { release(mk); return kNone; }
    uint32_t hb = block(ex);
    if (hb == kNone) { release(mk); return kNone; }
    scratch_.push_back(add(Kind::ExceptHandler, from(h0), {type, name, hb}));
  }
  bool has_handlers = scratch_.size() > mk;
  uint32_t handlers = finish_list(mk);
  uint32_t orelse = empty_list(), finalbody = empty_list();
  if (has_handlers && at(KW_else)) {
    Tok e = cur();
    advance();
    if (!expect(tk::COLON, "expected ':'")) return kNone;
    orelse = block(e);
    if (orelse == kNone) return kNone;
  }
  bool has_finally = false;
  if (at(KW_finally)) {
    Tok f = cur();
    advance();
    if (!expect(tk::COLON, "expected ':'")) return kNone;
    finalbody = block(f);
    if (finalbody == kNone) return kNone;
    has_finally = true;
  }
  if (!has_handlers && !has_finally) return fail_here("expected 'except' or 'finally' block");
  return add(star_kind == 1 ? Kind::TryStar : Kind::Try, from(s0), {body, handlers, orelse, finalbody});
}

NodeId Parser::param(bool lambda, bool star) {
  size_t s0 = p_;
  if (!at(tk::NAME)) return fail_here();
  uint32_t name = ident(text(cur()));
  advance();
  NodeId ann = kNone;
  if (!lambda && accept(tk::COLON)) ann = PTRY(star ? star_expression() : expression());
  return add(Kind::arg, from(s0), {name, ann, kNone});
}

NodeId Parser::arguments(bool lambda) {
  uint8_t end = lambda ? tk::COLON : tk::RPAR;
  std::vector<uint32_t> posonly, args, defaults, kwonly, kwdefaults;
  NodeId vararg = kNone, kwarg = kNone;
  bool seen_slash = false, seen_star = false, bare_star = false;
  Tok star_tok{};
  while (!at(end)) {
    size_t before = p_;
    if (kwarg != kNone) return fail_here("arguments cannot follow var-keyword argument");
    if (at(tk::SLASH)) {
      if (seen_slash) return fail_here("/ may appear only once");
      if (seen_star) return fail_here("/ must be ahead of *");
      if (args.empty()) return fail_here("at least one argument must precede /");
      seen_slash = true;
      posonly.swap(args);
      advance();
    } else if (at(tk::STAR)) {
      if (seen_star) return fail_here("* argument may appear only once");
      seen_star = true;
      star_tok = cur();
      advance();
      if (at(tk::COMMA) || at(end)) {
        bare_star = true;
      } else {
        vararg = PTRY(param(lambda, true));
      }
    } else if (at(tk::DOUBLESTAR)) {
      advance();
      kwarg = PTRY(param(lambda, false));
    } else {
      NodeId a = PTRY(param(lambda, false));
      NodeId d = kNone;
      if (accept(tk::EQUAL)) d = PTRY(expression());
      if (seen_star) {
        kwonly.push_back(a);
        kwdefaults.push_back(d);
      } else {
        args.push_back(a);
        if (d != kNone) defaults.push_back(d);
        else if (!defaults.empty()) return fail_node(a, "non-default argument follows default argument");
      }
    }
    if (!accept(tk::COMMA)) break;
    if (p_ == before) return fail_here();
  }
  if (bare_star && kwonly.empty()) return fail(star_tok, "named arguments must follow bare *");
  return add(Kind::arguments, Pos{},
             {m_->add_list(posonly), m_->add_list(args), vararg, m_->add_list(kwonly), m_->add_list(kwdefaults), kwarg,
              m_->add_list(defaults)});
}

NodeId Parser::funcdef(const Tok* async_tok, uint32_t decorators, const Tok&) {
  size_t s0 = async_tok ? p_ - 1 : p_;
  Tok kw = cur();
  advance();  // def
  if (!at(tk::NAME)) return fail_here();
  uint32_t name = ident(text(cur()));
  advance();
  if (!expect(tk::LPAR, "expected '('")) return kNone;
  NodeId args = PTRY(arguments(false));
  if (!expect(tk::RPAR)) return kNone;
  NodeId returns = kNone;
  if (accept(tk::RARROW)) returns = PTRY(expression());
  if (!expect(tk::COLON, "expected ':'")) return kNone;
  uint32_t body = block(kw);
  if (body == kNone) return kNone;
  return add(async_tok ? Kind::AsyncFunctionDef : Kind::FunctionDef, from(s0),
             {name, args, body, decorators, returns, kNone});
}

NodeId Parser::classdef(uint32_t decorators, const Tok&) {
  size_t s0 = p_;
  Tok kw = cur();
  advance();
  if (!at(tk::NAME)) return fail_here();
  uint32_t name = ident(text(cur()));
  advance();
  uint32_t bases, keywords;
  if (at(tk::LPAR)) {
    NodeId c = PTRY(call(kNone, p_));
    bases = m_->slot(c, fld::Call::args);
    keywords = m_->slot(c, fld::Call::keywords);
  } else {
    bases = empty_list();
    keywords = empty_list();
  }
  if (!expect(tk::COLON, "expected ':'")) return kNone;
  uint32_t body = block(kw);
  if (body == kNone) return kNone;
  return add(Kind::ClassDef, from(s0), {name, bases, keywords, body, decorators});
}

NodeId Parser::decorated() {
  size_t mk = mark();
  while (at(tk::AT)) {
    advance();
    NodeId e = named_expression();
    if (e == kNone) { release(mk); return kNone; }
    scratch_.push_back(e);
    if (!expect(tk::NEWLINE)) { release(mk); return kNone; }
  }
  uint32_t decorators = finish_list(mk);
  if (at(KW_def)) return funcdef(nullptr, decorators, cur());
  if (at(KW_class)) return classdef(decorators, cur());
  if (at(KW_async) && peek().kind == KW_def) {
    Tok a = cur();
    advance();
    return funcdef(&a, decorators, a);
  }
  return fail_here();
}

NodeId Parser::alias_dotted() {
  size_t s0 = p_;
  if (!at(tk::NAME)) return fail_here();
  strbuf_.assign(text(cur()));
  advance();
  while (at(tk::DOT)) {
    advance();
    if (!at(tk::NAME)) return fail_here();
    strbuf_.push_back('.');
    strbuf_.append(text(cur()));
    advance();
  }
  uint32_t name = ident(strbuf_);
  uint32_t asname = kNone;
  if (accept(KW_as)) {
    if (!at(tk::NAME)) return fail_here();
    asname = ident(text(cur()));
    advance();
  }
  return add(Kind::alias, from(s0), {name, asname});
}

NodeId Parser::import_stmt() {
  size_t s0 = p_;
  advance();
  size_t mk = mark();
  for (;;) {
    NodeId a = alias_dotted();
    if (a == kNone) { release(mk); return kNone; }
    scratch_.push_back(a);
    if (!accept(tk::COMMA)) break;
  }
  return add(Kind::Import, from(s0), {finish_list(mk)});
}

NodeId Parser::from_import_stmt() {
  size_t s0 = p_;
  advance();
  uint32_t level = 0;
  for (;;) {
    if (at(tk::DOT)) level += 1;
    else if (at(tk::ELLIPSIS)) level += 3;
    else break;
    advance();
  }
  uint32_t module = kNone;
  if (at(tk::NAME)) {
    strbuf_.assign(text(cur()));
    advance();
    while (at(tk::DOT)) {
      advance();
      if (!at(tk::NAME)) return fail_here();
      strbuf_.push_back('.');
      strbuf_.append(text(cur()));
      advance();
    }
    module = ident(strbuf_);
  } else if (level == 0) {
    return fail_here();
  }
  if (!expect(KW_import)) return kNone;
  size_t mk = mark();
  if (at(tk::STAR)) {
    Tok s = cur();
    advance();
    scratch_.push_back(add(Kind::alias, tok_pos(s), {intern("*"), kNone}));
  } else {
    bool paren = accept(tk::LPAR);
    for (;;) {
      size_t a0 = p_;
      if (!at(tk::NAME)) { release(mk); return fail_here(); }
      uint32_t name = ident(text(cur()));
      advance();
      uint32_t asname = kNone;
      if (accept(KW_as)) {
        if (!at(tk::NAME)) { release(mk); return fail_here(); }
        asname = ident(text(cur()));
        advance();
      }
      scratch_.push_back(add(Kind::alias, from(a0), {name, asname}));
      if (!accept(tk::COMMA)) break;
      if (paren && at(tk::RPAR)) break;
      if (!paren && !at(tk::NAME)) {
        release(mk);
        return fail_here("trailing comma not allowed without surrounding parentheses");
      }
    }
    if (paren && !expect(tk::RPAR)) { release(mk); return kNone; }
  }
  return add(Kind::ImportFrom, from(s0), {module, finish_list(mk), level});
}

NodeId Parser::return_stmt() {
  size_t s0 = p_;
  advance();
  NodeId v = kNone;
  if (starts_expr(cur().kind)) v = PTRY(star_expressions());
  return add(Kind::Return, from(s0), {v});
}

NodeId Parser::raise_stmt() {
  size_t s0 = p_;
  advance();
  NodeId exc = kNone, cause = kNone;
  if (starts_expr(cur().kind)) {
    exc = PTRY(expression());
    if (accept(KW_from)) cause = PTRY(expression());
  }
  return add(Kind::Raise, from(s0), {exc, cause});
}

NodeId Parser::del_stmt() {
  size_t s0 = p_;
  advance();
  size_t mk = mark();
  for (;;) {
    NodeId t = target_atom();
    if (t == kNone || !set_ctx(t, Kind::Del)) { release(mk); return kNone; }
    scratch_.push_back(t);
    if (!accept(tk::COMMA)) break;
    if (!starts_expr(cur().kind)) break;
  }
  return add(Kind::Delete, from(s0), {finish_list(mk)});
}

NodeId Parser::assert_stmt() {
  size_t s0 = p_;
  advance();
  NodeId test = PTRY(expression());
  NodeId msg = kNone;
  if (accept(tk::COMMA)) msg = PTRY(expression());
  return add(Kind::Assert, from(s0), {test, msg});
}

NodeId Parser::global_stmt(Kind k) {
  size_t s0 = p_;
  advance();
  size_t mk = mark();
  for (;;) {
    if (!at(tk::NAME)) { release(mk); return fail_here(); }
    scratch_.push_back(ident(text(cur())));
    advance();
    if (!accept(tk::COMMA)) break;
  }
  return add(k, from(s0), {finish_list(mk)});
}

bool Parser::looks_like_match() {
  if (!at_name("match")) return false;
  uint8_t next = peek().kind;
  if (!starts_expr(next) || next == tk::STAR) {
    if (next != tk::STAR) return false;
  }
  Speculation sp(*this);
  advance();
  NodeId subj = star_named_expression();
  bool ok = false;
  if (subj != kNone) {
    while (accept(tk::COMMA)) {
      if (!starts_expr(cur().kind)) break;
      if (star_named_expression() == kNone) break;
    }
    ok = !failed_ && at(tk::COLON);
  }
  sp.rewind();
  return ok;
}

NodeId Parser::match_stmt() {
  size_t s0 = p_;
  Tok kw = cur();
  advance();
  size_t sub0 = p_;
  NodeId first = PTRY(star_named_expression());
  NodeId subject = first;
  if (at(tk::COMMA)) {
    size_t mk = mark();
    scratch_.push_back(first);
    while (accept(tk::COMMA)) {
      if (!starts_expr(cur().kind)) break;
      NodeId e = star_named_expression();
      if (e == kNone) { release(mk); return kNone; }
      scratch_.push_back(e);
    }
    Pos p = from(sub0);
    subject = add(Kind::Tuple, p, {finish_list(mk), op(Kind::Load)});
  } else if (m_->kind(first) == Kind::Starred) {
    return fail_node(first, "cannot use starred expression here");
  }
  if (!expect(tk::COLON, "expected ':'")) return kNone;
  if (!expect(tk::NEWLINE) ) return kNone;
  if (!at(tk::INDENT)) return fail(cur(), "expected an indented block after 'match' statement on line " + std::to_string(kw.line), DiagId::ExpectedIndent);
  advance();
  if (!enter()) return kNone;
  size_t mk = mark();
  while (at_name("case")) {
    Tok c = cur();
    advance();
    NodeId pat = patterns();
    if (pat == kNone) { release(mk); leave(); return kNone; }
    NodeId guard = kNone;
    if (accept(KW_if)) {
      guard = named_expression();
      if (guard == kNone) { release(mk); leave(); return kNone; }
    }
    if (!expect(tk::COLON, "expected ':'")) { release(mk); leave(); return kNone; }
    uint32_t body = block(c);
    if (body == kNone) { release(mk); leave(); return kNone; }
    scratch_.push_back(add(Kind::match_case, Pos{}, {pat, guard, body}));
  }
  leave();
  if (scratch_.size() == mk || !at(tk::DEDENT)) { release(mk); return fail_here(); }
  advance();
  return add(Kind::Match, from(s0), {subject, finish_list(mk)});
}

}  // namespace portalis::parse
