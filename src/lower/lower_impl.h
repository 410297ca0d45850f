#pragma once
// The lowering's internal state, shared by its .cc files (one concept each:
// module/functions, statements, expressions, builtin calls).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lower/lower.h"

namespace portalis::lower {

using ast::Kind;
using ast::kNone;
using ast::NodeId;
using rust::Ids;
using rust::kNil;
using rust::Op;
using rust::RId;
using sema::TyKind;
using sema::TypeId;
using sema::Types;
namespace fld = ast::fld;

// How a lowered expression holds its value.
enum class Form : uint8_t {
  Owned,     // a fresh value (temporary) or a Copy value
  Place,     // a local variable or element: owned storage, clone to move out
  Borrowed,  // a reference: &str, &[T], &String, &'static str
  MutRef,    // &mut Vec<T> parameter
};

struct LE {
  RId id = kNil;
  TypeId ty = Types::kUnknown;
  Form form = Form::Owned;
};

// A Python name visible in the Rust function being built.
struct Binding {
  std::string rust;
  TypeId ty;
  Form form;
};

struct Unsupported {
  NodeId node;
  std::string what;
};

// Mixed modules (lower_mixed.cc): where static i64 arithmetic is not safe.
bool module_needs_bigints(const sema::TypedModule& tm);
std::set<uint32_t> functions_that_may_grow(const sema::TypedModule& tm);

// Dynamic mode helpers shared by its files (lower_dyn*.cc).
const char* dyn_binop_method(Kind op);  // "add" for Add, ...; nullptr for others
bool is_builtin_exception(std::string_view name);

class Lowerer {
 public:
  Lowerer(const sema::TypedModule& tm, const lex::TokenBuffer* tokens, const LowerOptions& opts, LowerResult& out,
          const std::set<uint32_t>& fallible, bool dynamic = false)
      : tm_(tm), m_(*tm.ast), T(const_cast<Types&>(tm.types)), toks_(tokens), opts_(opts), out_(out),
        b_(out.tree), fallible_in_(fallible), dyn_(dynamic) {}

  void module();
  std::set<uint32_t> fallible_out;  // functions whose body used `?`
  // Mixed modules (lower_mixed.cc): `dyn_fns` are lowered dynamically, the
  // rest statically; a static function that fails lands in static_failed_out,
  // one whose signature a dynamic caller cannot bridge in force_dyn_out.
  void set_mixed(const std::set<uint32_t>* dyn_fns) { dyn_fns_ = dyn_fns; }
  std::set<uint32_t> static_failed_out;
  std::set<uint32_t> force_dyn_out;

 private:
  // ---- module and functions (lower.cc)
  RId function(uint32_t f);
  RId stub_function(uint32_t f, const std::string& what, NodeId where);
  RId fn_signature_params(uint32_t f, Ids& params);
  RId ret_type(uint32_t f, bool fallible);
  std::string docstring(std::span<const uint32_t> body) const;
  std::string fn_rust_name(uint32_t f) const;
  void diag(NodeId n, DiagId id, std::string msg);

  // ---- statements (lower_stmt.cc)
  RId block(std::span<const uint32_t> body, ast::ListId list);
  void stmt(NodeId s, Ids& out);
  void assign(NodeId target, NodeId value_node, LE value, NodeId stmt, Ids& out);
  void aug_assign(NodeId s, Ids& out);
  void for_stmt(NodeId s, Ids& out);
  void while_stmt(NodeId s, Ids& out);
  RId declare_hoisted(uint32_t var);
  RId default_value(TypeId t);
  std::string leading_comment(NodeId s);

  // ---- expressions (lower_expr.cc)
  LE expr(NodeId e);
  LE expr_as(NodeId e, TypeId want);  // coerces Int -> Float etc.
  LE name(NodeId e);
  LE constant(NodeId e);
  LE binop(NodeId e);
  LE arith(Kind op, LE l, LE r, NodeId rnode, TypeId result);
  LE unary(NodeId e);
  LE boolop(NodeId e);
  LE compare(NodeId e);
  LE ifexp(NodeId e);
  LE subscript(NodeId e);
  LE fstring(NodeId e);
  LE list_lit(NodeId e);
  LE comprehension(NodeId e);
  RId truthy(LE v);
  RId owned(LE v);                 // a value the caller may keep
  RId borrow(LE v);                // &str / &[T] / &T for reading
  RId as_str_ref(LE v);            // a &str for comparisons
  RId moved(NodeId value_node, LE v, TypeId want);  // a returned local moves instead of cloning
  RId coerce(LE v, TypeId want);   // owned, converted to want (Int -> Float)
  RId to_float(LE v);
  RId py_str(LE v);                // String of str(v)
  RId index_expr(LE base, NodeId idx, const char* what);
  // For stores: a computed index goes to a local first (IndexMut cannot borrow the list twice).
  RId index_place(LE base, NodeId idx, const char* what, Ids& out);
  RId rt(std::string_view path);   // path into the runtime crate
  RId try_(RId e);                 // `e?` and remember the function can raise
  RId rust_type(TypeId t);
  RId param_type(const sema::Var& v);
  bool is_int_literal(NodeId e, int64_t* value) const;

  // ---- calls (lower_call.cc)
  LE call(NodeId e);
  LE call_user(NodeId e, uint32_t f);
  LE call_builtin(NodeId e, std::string_view name);
  LE call_method(NodeId e);
  LE print_call(NodeId e);
  RId iter_of(LE v, TypeId* elem, bool* by_ref);  // an iterator yielding owned elements
  LE range_call(NodeId e);

  // ---- dynamic mode (lower_dyn.cc): every value is the runtime's Value
  RId d_function(uint32_t f);
  RId d_block(std::span<const uint32_t> body);
  void d_stmt(NodeId s, Ids& out);
  void d_assign(NodeId target, RId value, Ids& out);
  void d_try(NodeId s, Ids& out);
  RId d_raise(NodeId s);
  RId d_expr(NodeId e);
  RId d_call(NodeId e);
  RId d_args(std::span<const uint32_t> args);  // `&[..]` of call arguments, spreading *xs
  RId d_cond(NodeId e);  // a Rust bool
  RId d_compare(NodeId e);
  RId d_comprehension(NodeId e);
  RId d_lambda(NodeId e);
  RId d_fstring(NodeId e);
  RId d_func_value(uint32_t f);
  void d_class(uint32_t ci, Ids& items, std::string force_fail = {});
  RId d_construct(NodeId call, uint32_t ci);
  RId d_super_call(NodeId call);
  int d_find_method(int ci, std::string_view name) const;  // function index or -1
  bool d_is_dataclass(uint32_t ci) const;
  bool d_is_frozen_dataclass(uint32_t ci) const;
  bool d_dataclass_flag(uint32_t ci, std::string_view flag) const;
  std::vector<std::string> d_class_mro(std::string_view name) const;
  std::vector<std::pair<std::string, NodeId>> d_dataclass_fields(uint32_t ci) const;
  std::string class_fn(uint32_t ci) const { return "class_" + rust::snake_case(tm_.classes[ci].name); }
  bool d_is_exception_class(std::string_view name) const;
  bool mentions_typing(NodeId e);
  std::string imported(std::string_view name);  // "heapq" / "heapq.heappush" for imported names, else ""
  std::map<std::string, std::string> imports_;
  bool imports_ready_ = false;
  std::set<std::string> typing_names_;
  // Module-level names read by functions (dynamic mode keeps them in the
  // runtime's global table); computed on first use.
  std::set<std::string> global_reads_;
  bool global_reads_ready_ = false;
  bool d_global_read(std::string_view name);
  std::string fresh(std::string_view base) { return std::string(base) + std::to_string(++tmp_counter_); }
  bool dyn_ = false;
  std::set<std::string> exception_classes_;
  // ---- mixed modules (lower_mixed.cc)
  const std::set<uint32_t>* dyn_fns_ = nullptr;
  bool mixed() const { return dyn_fns_ != nullptr && !dyn_; }
  bool is_dyn_fn(uint32_t f) const;
  bool bridgeable(TypeId t) const;      // has a ToValue/FromValue bridge
  bool mentions_class(TypeId t) const;
  RId from_value(RId value_ref, TypeId t);
  LE call_dynamic(NodeId e, uint32_t f, const std::vector<NodeId>& given);  // static caller
  RId d_call_static(uint32_t f, const std::vector<RId>& given);             // dynamic caller
  void mixed_main_prelude(Ids& out);
  void mixed_publish_globals(NodeId s, Ids& out);
  bool mixed_global_read(std::string_view name);
  std::set<std::string, std::less<>> mixed_reads_;
  bool mixed_reads_ready_ = false;
  NodeId discard_call_ = kNone;  // the call of the current expression statement

  Kind kind(NodeId n) const { return m_.kind(n); }
  uint32_t slot(NodeId n, uint32_t f) const { return m_.slot(n, f); }
  std::span<const uint32_t> list_of(NodeId n, uint32_t f) const { return m_.list_of(n, f); }
  std::string_view ident(NodeId n, uint32_t f) const { return m_.str(m_.slot(n, f)); }

  const sema::TypedModule& tm_;
  const ast::Module& m_;
  Types& T;
  const lex::TokenBuffer* toks_;
  const LowerOptions& opts_;
  LowerResult& out_;
  rust::Builder b_;
  const std::set<uint32_t>& fallible_in_;

  // per function
  uint32_t cur_ = 0;
  std::vector<std::map<std::string, Binding, std::less<>>> scopes_;
  std::map<ast::ListId, std::vector<uint32_t>> hoisted_;
  std::vector<Unsupported> unsupported_;
  bool used_try_ = false;
  std::vector<std::string> loop_flags_;  // per enclosing loop: its else-flag, or ""
  int tmp_counter_ = 0;
  uint32_t next_comment_tok_ = 0;

  const Binding* lookup(std::string_view n) const;
  void bind(std::string_view py, Binding b) { scopes_.back()[std::string(py)] = std::move(b); }
  void fail(NodeId n, std::string what) { unsupported_.push_back({n == kNone ? cur_stmt_ : n, std::move(what)}); }
  NodeId cur_stmt_ = kNone;
  std::string local_name(std::string_view py) const;
};

}  // namespace portalis::lower
