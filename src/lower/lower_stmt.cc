// Statement lowering: blocks with their hoisted declarations, assignments,
// control flow (for/while ... else via a flag, since Rust 1.63 has no
// labeled block breaks), returns.
#include "lower/lower_impl.h"

namespace portalis::lower {

RId Lowerer::default_value(TypeId t) {
  switch (T.kind(t)) {
    case TyKind::Int: return b_.int_lit(0);
    case TyKind::Float: return b_.float_lit(0.0);
    case TyKind::Bool: return b_.bool_lit(false);
    case TyKind::Str: return b_.call("String::new", {});
    case TyKind::List: return b_.call("Vec::new", {});
    case TyKind::Tuple: {
      Ids e;
      for (TypeId a : T.get(t).args) e.push_back(default_value(a));
      return b_.tuple(e);
    }
    case TyKind::Func: return s_func_placeholder(t);  // lower_static_lambda.cc
    default: return b_.call("Default::default", {});
  }
}

RId Lowerer::declare_hoisted(uint32_t vi) {
  const sema::Var& v = tm_.funcs[cur_].vars[vi];
  return b_.let(local_name(v.name), rust_type(v.type), default_value(v.type), true);
}

RId Lowerer::block(std::span<const uint32_t> body, ast::ListId list) {
  Ids out;
  auto h = hoisted_.find(list);
  if (h != hoisted_.end())
    for (uint32_t v : h->second) out.push_back(declare_hoisted(v));
  for (NodeId s : body) stmt(s, out);
  return b_.block(out);
}

void Lowerer::stmt(NodeId s, Ids& out) {
  size_t first = out.size();
  cur_stmt_ = s;
  switch (kind(s)) {
    case Kind::Expr: {
      NodeId v = slot(s, fld::Expr::value);
      if (kind(v) == Kind::Constant) break;  // a bare string (docstring-like): nothing runs
      discard_call_ = v;  // a call whose result nobody reads needs no static type
      LE e = expr(v);
      discard_call_ = kNone;
      out.push_back(b_.expr_stmt(e.id));
      break;
    }
    case Kind::Assign: {
      auto targets = list_of(s, fld::Assign::targets);
      if (targets.size() != 1) {
        s_chained_assign(s, out);
        break;
      }
      NodeId v = slot(s, fld::Assign::value);
      LE val = expr_as(v, tm_.type_of(targets[0]));
      assign(targets[0], v, val, s, out);
      break;
    }
    case Kind::AnnAssign: {
      NodeId v = slot(s, fld::AnnAssign::value);
      if (v == kNone) break;
      NodeId t = slot(s, fld::AnnAssign::target);
      LE val = expr_as(v, tm_.type_of(t));
      assign(t, v, val, s, out);
      break;
    }
    case Kind::AugAssign: aug_assign(s, out); break;
    case Kind::If: {
      // elif chains become `else if`.
      RId cond = cond_of(slot(s, fld::If::test));
      RId then_b = block(list_of(s, fld::If::body), slot(s, fld::If::body));
      auto orelse = list_of(s, fld::If::orelse);
      RId else_b = kNil;
      if (orelse.size() == 1 && kind(orelse[0]) == Kind::If && hoisted_.count(slot(s, fld::If::orelse)) == 0) {
        Ids tmp;
        stmt(orelse[0], tmp);
        if (tmp.size() == 1 && b_.tree().node(tmp[0]).kind == rust::RKind::ExprStmt)
          else_b = b_.tree().node(tmp[0]).a;
        else
          else_b = b_.block(tmp);
      } else if (!orelse.empty()) {
        else_b = block(orelse, slot(s, fld::If::orelse));
      }
      out.push_back(b_.expr_stmt(b_.if_(cond, then_b, else_b)));
      break;
    }
    case Kind::While: while_stmt(s, out); break;
    case Kind::For: for_stmt(s, out); break;
    case Kind::Try: s_try(s, out); break;
    case Kind::Raise: s_raise(s, out); break;
    case Kind::Return: {
      if (s_jump(s, out)) break;
      NodeId v = slot(s, fld::Return::value);
      const sema::Function& fn = tm_.funcs[cur_];
      bool fallible = cur_ == 0 || fallible_in_.count(cur_) > 0;
      RId val = kNil;
      if (v != kNone) val = moved(v, expr_as(v, fn.ret), fn.ret);
      if (fallible) val = b_.call(b_.path("Ok"), {val == kNil ? b_.tuple({}) : val});
      out.push_back(b_.expr_stmt(b_.return_(val)));
      break;
    }
    case Kind::Pass: break;
    case Kind::Break:
      if (s_jump(s, out)) break;
      if (!loop_flags_.empty() && !loop_flags_.back().empty())
        out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(loop_flags_.back()), b_.bool_lit(true))));
      out.push_back(b_.expr_stmt(b_.break_()));
      break;
    case Kind::Continue:
      if (s_jump(s, out)) break;
      out.push_back(b_.expr_stmt(b_.continue_())); break;
    case Kind::Import: case Kind::ImportFrom: break;
    case Kind::Assert: assert_stmt(s, out); break;
    case Kind::FunctionDef: s_def_stmt(s, out); break;
    case Kind::Delete: delete_stmt(s, out); break;
    case Kind::Nonlocal: s_nonlocal_stmt(s); break;
    case Kind::Global: break;  // its names are bound as Form::Global (lower_static_global.cc)
    default: fail(s, std::string(ast::kind_name(kind(s))) + " statement"); break;
  }
  if (mixed() && cur_ == 0) mixed_publish_globals(s, out);
  if (out.size() > first) {
    std::string c = leading_comment(s);
    if (!c.empty()) b_.with_comment(out[first], c);
  }
}

void Lowerer::assign(NodeId target, NodeId value_node, LE value, NodeId s, Ids& out) {
  switch (kind(target)) {
    case Kind::Name: {
      std::string_view py = ident(target, fld::Name::id);
      const Binding* bnd = lookup(py);
      if (!bnd) {
        fail(target, "assignment to an unknown name");
        return;
      }
      s_alias_check(target, value_node);
      const sema::Function& fn = tm_.funcs[cur_];
      const sema::Var* v = fn.find(py);
      RId val = coerce(value, bnd->ty);
      if (bnd->form == Form::SCell) {
        s_cell_assign(*bnd, v && !v->is_param && v->decl_stmt == s, val, out);
        return;
      }
      if (bnd->form == Form::Global) {
        s_global_write(*bnd, py, val, out);  // lower_static_global.cc
        return;
      }
      if (v && !v->is_param && v->decl_stmt == s && scopes_.size() >= 1 && bnd == &scopes_.front().at(std::string(py))) {
        out.push_back(b_.let(bnd->rust, rust_type(bnd->ty), val, v->reassigned || v->mutated || T.kind(bnd->ty) == TyKind::Iter));
        s_shared_decl(*bnd, *v, out);
        return;
      }
      out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(bnd->rust), val)));
      return;
    }
    case Kind::Tuple: case Kind::List: {
      auto elts = list_of(target, fld::Tuple::elts);
      Ids places;
      for (NodeId t : elts) {
        if (kind(t) == Kind::Name) {
          const Binding* bnd = lookup(ident(t, fld::Name::id));
          if (!bnd) {
            fail(t, "assignment to an unknown name");
            return;
          }
          places.push_back(b_.path(bnd->rust));
        } else if (kind(t) == Kind::Subscript) {
          LE base = expr(slot(t, fld::Subscript::value));
          if (T.kind(base.ty) != TyKind::List) {
            fail(t, "item assignment in tuple unpacking");
            return;
          }
          places.push_back(b_.index(base.id, index_place(base, slot(t, fld::Subscript::slice), "list assignment index out of range", out)));
        } else {
          fail(t, "nested unpacking target");
          return;
        }
      }
      // Coerce element-wise when the value is a tuple display.
      RId val;
      if (value_node != kNone && kind(value_node) == Kind::Tuple && list_of(value_node, fld::Tuple::elts).size() == elts.size()) {
        Ids vs;
        auto ve = list_of(value_node, fld::Tuple::elts);
        for (size_t i = 0; i < ve.size(); ++i) vs.push_back(coerce(expr_as(ve[i], tm_.type_of(elts[i])), tm_.type_of(elts[i])));
        val = b_.tuple(vs);
      } else if (T.kind(value.ty) == TyKind::List) {
        val = unpack_list(value, elts.size(), out);
      } else {
        val = owned(value);
      }
      out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.tuple(places), val)));
      return;
    }
    case Kind::Subscript: {
      if (s_field_item_store(target, value, out)) return;  // `obj.items[k] = v` (lower_static_dataclass.cc)
      LE base = store_base(slot(target, fld::Subscript::value), out);
      if (T.kind(base.ty) == TyKind::List) {
        RId idx = index_place(base, slot(target, fld::Subscript::slice), "list assignment index out of range", out);
        out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.index(base.id, idx), coerce(value, T.elem(base.ty)))));
        return;
      }
      if (T.kind(base.ty) == TyKind::Dict) {
        dict_store(base, slot(target, fld::Subscript::slice), value, out);
        return;
      }
      fail(target, "item assignment on " + T.name(base.ty));
      return;
    }
    case Kind::Attribute:
      if (s_store(target, value, out)) return;
      fail(target, "attribute assignment");
      return;
    default: fail(target, "assignment target"); return;
  }
}

void Lowerer::aug_assign(NodeId s, Ids& out) {
  NodeId t = slot(s, fld::AugAssign::target);
  Kind op = Kind(slot(s, fld::AugAssign::op));
  NodeId vnode = slot(s, fld::AugAssign::value);
  if (kind(t) == Kind::Attribute && s_aug_assign(s, out)) return;
  if (aug_assign_ext(s, out)) return;
  LE target;
  if (kind(t) == Kind::Subscript && T.kind(tm_.type_of(slot(t, fld::Subscript::value))) == TyKind::List) {
    LE base = store_base(slot(t, fld::Subscript::value), out);
    RId idx = index_place(base, slot(t, fld::Subscript::slice), "list index out of range", out);
    target = {b_.index(base.id, idx), T.elem(base.ty), Form::Place};
  } else {
    target = expr(t);
  }
  LE value = expr(vnode);
  RId place = target.id;
  if (kind(t) != Kind::Name && kind(t) != Kind::Subscript) {
    fail(t, "augmented assignment target");
    return;
  }
  TyKind tk = T.kind(target.ty);
  if (kind(t) == Kind::Name && target.form == Form::Owned && lookup(ident(t, fld::Name::id)) &&
      (lookup(ident(t, fld::Name::id))->form == Form::SCell || lookup(ident(t, fld::Name::id))->form == Form::Global)) {
    // count += step on a cell: count.set(count.get() + step).
    LE res = arith(op, target, value, vnode, tm_.type_of(t));
    assign(t, kNone, {coerce(res, target.ty), target.ty, Form::Owned}, s, out);
    return;
  }
  if (tk == TyKind::Str && op == Kind::Add) {
    out.push_back(b_.expr_stmt(b_.assign(Op::AddAssign, place, value.form == Form::Borrowed ? value.id : b_.ref(value.id))));
    return;
  }
  if (tk == TyKind::List && op == Kind::Add) {
    TypeId el;
    bool by_ref;
    out.push_back(b_.expr_stmt(b_.method(place, "extend", {iter_of(value, &el, &by_ref)})));
    return;
  }
  bool simple = false;
  Op rop = Op::None;
  if (tk == TyKind::Int || tk == TyKind::Float) {
    switch (op) {
      case Kind::Add: rop = Op::AddAssign; simple = true; break;
      case Kind::Sub: rop = Op::SubAssign; simple = true; break;
      case Kind::Mult: rop = Op::MulAssign; simple = true; break;
      case Kind::BitAnd: rop = Op::AndAssign; simple = tk == TyKind::Int; break;
      case Kind::BitOr: rop = Op::OrAssign; simple = tk == TyKind::Int; break;
      case Kind::BitXor: rop = Op::XorAssign; simple = tk == TyKind::Int; break;
      default: break;
    }
    if (tk == TyKind::Float && op == Kind::Div && kind(vnode) == Kind::Constant) {
      rop = Op::DivAssign;
      simple = true;
      int64_t lit;
      if (is_int_literal(vnode, &lit) && lit == 0) simple = false;
    }
    // The value side must already have the target's type.
    if (simple && T.kind(value.ty) != tk && !(tk == TyKind::Float && T.kind(value.ty) == TyKind::Int)) simple = false;
  }
  if (simple) {
    out.push_back(b_.expr_stmt(b_.assign(rop, place, coerce(value, target.ty))));
    return;
  }
  LE cur = target;
  cur.form = Form::Owned;
  if (!T.is_copy(target.ty) && tk != TyKind::BigInt) {
    fail(s, "augmented assignment on " + T.name(target.ty));
    return;
  }
  LE res = arith(op, cur, value, vnode, tm_.type_of(t));
  out.push_back(b_.expr_stmt(b_.assign(Op::Assign, place, coerce(res, target.ty))));
}

void Lowerer::while_stmt(NodeId s, Ids& out) {
  NodeId test = slot(s, fld::While::test);
  auto orelse = list_of(s, fld::While::orelse);
  std::string flag;
  if (!orelse.empty()) {
    flag = "broke_" + std::to_string(++tmp_counter_);
    out.push_back(b_.let(flag, kNil, b_.bool_lit(false), true));
  }
  loop_flags_.push_back(flag);
  bool forever = kind(test) == Kind::Constant && m_.constant(slot(test, fld::Constant::value)).tag == ast::Constant::Tag::True;
  RId cond = forever ? kNil : cond_of(test);
  RId body = block(list_of(s, fld::While::body), slot(s, fld::While::body));
  loop_flags_.pop_back();
  out.push_back(b_.expr_stmt(forever ? b_.loop(body) : b_.while_(cond, body)));
  if (!orelse.empty())
    out.push_back(b_.expr_stmt(b_.if_(b_.unary(Op::Not, b_.path(flag)), block(orelse, slot(s, fld::While::orelse)))));
}

void Lowerer::for_stmt(NodeId s, Ids& out) {
  NodeId target = slot(s, fld::For::target);
  LE it = expr(slot(s, fld::For::iter));
  TypeId elem = Types::kUnknown;
  bool by_ref = false;
  RId iter = iter_of(it, &elem, &by_ref);
  if (iter == kNil) {
    fail(s, "iteration over " + T.name(it.ty));
    return;
  }
  bool mut = tm_.for_binds[s] == 2;
  scopes_.emplace_back();
  RId pat;
  if (kind(target) == Kind::Name) {
    std::string py(ident(target, fld::Name::id));
    std::string rn = py == "_" ? "_" : local_name(py);
    pat = b_.pat_ident(rn, mut && rn != "_");
    bind(py, {rn, elem, Form::Place});
  } else if (kind(target) == Kind::Tuple && T.kind(elem) == TyKind::Tuple &&
             T.get(elem).args.size() == list_of(target, fld::Tuple::elts).size()) {
    Ids pats;
    auto elts = list_of(target, fld::Tuple::elts);
    for (size_t i = 0; i < elts.size(); ++i) {
      if (kind(elts[i]) != Kind::Name) {
        fail(elts[i], "nested loop target");
        scopes_.pop_back();
        return;
      }
      std::string py(ident(elts[i], fld::Name::id));
      std::string rn = py == "_" ? "_" : local_name(py);
      pats.push_back(b_.pat_ident(rn, mut && rn != "_"));
      bind(py, {rn, T.get(elem).args[i], Form::Place});
    }
    pat = b_.pat_tuple(pats);
  } else {
    fail(target, "loop target");
    scopes_.pop_back();
    return;
  }
  auto orelse = list_of(s, fld::For::orelse);
  std::string flag;
  if (!orelse.empty()) {
    flag = "broke_" + std::to_string(++tmp_counter_);
    out.push_back(b_.let(flag, kNil, b_.bool_lit(false), true));
  }
  loop_flags_.push_back(flag);
  RId body = block(list_of(s, fld::For::body), slot(s, fld::For::body));
  loop_flags_.pop_back();
  scopes_.pop_back();
  out.push_back(b_.expr_stmt(b_.for_(pat, iter, body)));
  if (!orelse.empty())
    out.push_back(b_.expr_stmt(b_.if_(b_.unary(Op::Not, b_.path(flag)), block(orelse, slot(s, fld::For::orelse)))));
}

std::string Lowerer::leading_comment(NodeId s) {
  // Comments on the lines just above statement s (and not yet used) ride
  // along as `//` comments.
  if (!toks_ || s >= m_.node_count()) return {};
  uint32_t line = m_.pos(s).lineno;
  std::string text;
  const auto& toks = toks_->tokens;
  // A token is on line >= `line` when it begins at or after that line's
  // start (what line_of computes, without a search per token).
  const auto& starts = toks_->line_starts;
  uint32_t limit = line == 0 ? 0 : line - 1 < starts.size() ? starts[line - 1] : UINT32_MAX;
  while (next_comment_tok_ < toks.size()) {
    const lex::Token& t = toks[next_comment_tok_];
    if (t.begin >= limit) break;
    if (t.kind == lex::TokenKind::COMMENT) {
      std::string_view c = toks_->token_text(t);
      c.remove_prefix(1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      if (!text.empty()) text += '\n';
      text += c;
    }
    ++next_comment_tok_;
  }
  return text;
}

}  // namespace portalis::lower
