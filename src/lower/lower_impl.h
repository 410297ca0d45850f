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
  Cell,      // dynamic mode: a variable shared with closures (rt::closure::Cell)
  Global,    // dynamic mode: a module variable kept in the runtime's global table
  SCell,     // static mode: a `nonlocal` variable shared with nested defs (Rc<Cell<T>>; &Cell<T> in them)
};

// Dynamic mode: one Python scope (module, function, lambda, comprehension,
// class body) and how its names are stored (lower_dyn_closure.cc).
struct DScope {
  NodeId node = kNone;
  int parent = -1;
  Kind kind = Kind::Module;
  bool closure = false;                  // a nested def or lambda: a Rust closure
  std::set<std::string> bound, params, stored, globals, nonlocals;
  std::set<std::string> cells;           // locals a closure captures and that can change
  std::set<std::string> captures;        // for closures: enclosing names cloned in
  std::set<std::string> rebound_inside;  // locals an inner scope rebinds (nonlocal)
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

// Static classes (lower_static_class.cc): the classes that may become Rust
// structs, and the classes a function's code touches.
std::set<uint32_t> static_class_candidates(const sema::TypedModule& tm);
bool s_is_static_dunder(std::string_view name);  // dunders a static class may define
bool s_dataclass_shape(const sema::TypedModule& tm, uint32_t ci);  // a @dataclass the static lowering writes (lower_static_dataclass.cc)
std::set<uint32_t> classes_touched_by(const sema::TypedModule& tm, uint32_t f);
// Single inheritance (lower_static_inherit.cc): a class's hierarchy root (-1:
// no base and no subclass), the hierarchy's classes, whether `class C(B)` is
// plain single inheritance, what keeps a hierarchy dynamic ("" if nothing),
// and the static members of hierarchies not static as a whole (with why).
int inherit_root(const sema::TypedModule& tm, uint32_t ci);
std::vector<uint32_t> inherit_members(const sema::TypedModule& tm, uint32_t root);
bool inherit_base_ok(const sema::TypedModule& tm, uint32_t ci);
std::string inherit_problem(const sema::TypedModule& tm, uint32_t root);
std::vector<std::pair<uint32_t, std::string>> inherit_partial(const sema::TypedModule& tm, const std::set<uint32_t>& statics);
// Name stores of n under the statements, and how many are plain `n = v` /
// `n op= v` statements (lower_static_cell.cc).
void count_name_stores(const ast::Module& m, ast::ListId body, std::string_view n, int* stores, int* plain);
class Lowerer;
// User exception classes with an __init__ lowered statically (lower_static_exc.cc):
// the candidates, and after a round the ones to lower dynamically after all.
std::set<uint32_t> static_exc_candidates(const sema::TypedModule& tm);
bool drop_static_excs(const sema::TypedModule& tm, const Lowerer& l, const std::set<uint32_t>& static_classes,
                      std::set<uint32_t>& excs, std::set<uint32_t>& dyn_fns, std::map<uint32_t, Unsupported>& why);
// The parameters a call of a function value passes: a lambda's defaulted
// ones are bound where it is made (lower_static_lambda.cc).
std::vector<uint32_t> s_value_params(const sema::Function& fn);
// After a round: static classes with a failed method, or touched by a
// dynamic function, become dynamic (their methods join dyn_fns). True when
// anything changed.
bool drop_static_classes(const sema::TypedModule& tm, const Lowerer& l, std::set<uint32_t>& static_classes,
                         std::set<uint32_t>& dyn_fns, std::map<uint32_t, Unsupported>& why);

// Literal text of an f-string into a Rust format string (braces doubled).
inline void append_format_literal(std::string& fmt, std::string_view text) {
  for (char c : text) {
    if (c == '{') fmt += "{{";
    else if (c == '}') fmt += "}}";
    else fmt += c;
  }
}

// Dynamic mode helpers shared by its files (lower_dyn*.cc).
const char* dyn_binop_method(Kind op);
// `name(a, b=, *args, c=, **kw)`: a def's signature for rt::args::bind.
std::string spec_of(const ast::Module& m, std::string_view name, NodeId args);  // "add" for Add, ...; nullptr for others
bool is_builtin_exception(std::string_view name);

// A round's input set (fallible or dynamic functions) whose reads are logged
// while a unit of the module is lowered, so that the next round can reuse the
// unit's lowering when every read answers the same (lower_cache.cc).
struct SetRead {
  uint32_t id;  // kEmptyRead: the set's empty()
  uint8_t set;
  bool answer;
};
inline constexpr uint32_t kEmptyRead = 0xFFFFFFFFu;
class LoggedSet {
 public:
  LoggedSet() = default;
  LoggedSet(const std::set<uint32_t>& s, uint8_t which) : s_(&s), which_(which) {}
  size_t count(uint32_t x) const {
    bool r = s_->count(x) > 0;
    if (log_) log_->push_back({x, which_, r});
    return r;
  }
  bool empty() const {
    if (log_) log_->push_back({kEmptyRead, which_, s_->empty()});
    return s_->empty();
  }
  bool answer(uint32_t x) const { return x == kEmptyRead ? s_->empty() : s_->count(x) > 0; }  // not logged
  std::vector<SetRead>* log_ = nullptr;

 private:
  const std::set<uint32_t>* s_ = nullptr;
  uint8_t which_ = 0;
};
struct UnitCache;

class Lowerer {
 public:
  Lowerer(const sema::TypedModule& tm, const lex::TokenBuffer* tokens, const LowerOptions& opts, LowerResult& out,
          const std::set<uint32_t>& fallible, bool dynamic = false)
      : dyn_(dynamic), tm_(tm), m_(*tm.ast), T(const_cast<Types&>(tm.types)), toks_(tokens), opts_(opts), out_(out),
        b_(out.tree), fallible_in_(fallible, 0) {}

  void module();
  std::set<uint32_t> fallible_out;  // functions whose body used `?`
  // Mixed modules (lower_mixed.cc): `dyn_fns` are lowered dynamically, the
  // rest statically; a static function that fails lands in static_failed_out,
  // one whose signature a dynamic caller cannot bridge in force_dyn_out.
  void set_mixed(const std::set<uint32_t>* dyn_fns) {
    if (dyn_fns) dyn_set_ = LoggedSet(*dyn_fns, 1);
    dyn_fns_ = dyn_fns ? &dyn_set_ : nullptr;
  }
  // Rounds of lower_module share one tree and reuse the units (a class, a
  // function) whose inputs did not change (lower_cache.cc).
  void set_cache(UnitCache* c) { cache_ = c; }
  std::set<uint32_t> static_failed_out;
  std::map<uint32_t, Unsupported> static_fail_why;  // function -> first construct given up on
  std::set<uint32_t> force_dyn_out;
  // What the lowering computes once per module from the typed module alone
  // (scopes, imports, global reads), handed from one round to the next.
  void give_facts(struct ModuleFacts& f);
  void take_facts(struct ModuleFacts& f);

 private:
  // ---- module and functions (lower.cc)
  void begin_function(uint32_t f);  // resets the per-function state (cur_, scopes, counters)
  RId function(uint32_t f);
  RId stub_function(uint32_t f, const std::string& what, NodeId where);
  RId fn_signature_params(uint32_t f, Ids& params);
  RId ret_type(uint32_t f, bool fallible);
  std::string docstring(std::span<const uint32_t> body) const;
  std::string fn_rust_name(uint32_t f) const;
  void diag(NodeId n, DiagId id, std::string msg);
  // One unit of module(): lowered, or replayed from the previous round.
  template <class F>
  void unit(Ids& items, F&& lower) {
    if (!cache_) return lower();
    size_t u = unit_no_++;
    if (unit_replay(u, items)) return;
    unit_open(u, items);
    lower();
    unit_close(u, items);
  }
  bool unit_replay(size_t u, Ids& items);
  void unit_open(size_t u, Ids& items);
  void unit_close(size_t u, Ids& items);
  UnitCache* cache_ = nullptr;
  size_t unit_no_ = 0;

  // ---- statements (lower_stmt.cc)
  RId block(std::span<const uint32_t> body, ast::ListId list);
  void stmt(NodeId s, Ids& out);
  void assign(NodeId target, NodeId value_node, LE value, NodeId stmt, Ids& out);
  void aug_assign(NodeId s, Ids& out);
  void for_stmt(NodeId s, Ids& out);
  void while_stmt(NodeId s, Ids& out);
  RId declare_hoisted(uint32_t var);
  RId default_value(TypeId t);
  // statements added for more static functions (lower_static_more.cc)
  void assert_stmt(NodeId s, Ids& out);
  LE slice_expr(NodeId e, LE base);
  LE str_percent(LE l, LE r);
  LE str_value_method(NodeId e, std::string_view m, LE recv, std::vector<LE>& a);
  // integers that may outgrow i64, rt::int::Int (lower_static_int.cc)
  RId big_owned(LE v);  // an owned Int (a machine int widened)
  RId big_ref(LE v);    // a &Int
  LE big_arith(Kind op, LE l, LE r, NodeId rnode, TypeId result);
  LE big_unary(Kind op, LE v);
  RId big_compare(Op rop, LE l, LE r);  // kNil: not comparable here
  bool big_builtin(NodeId e, std::string_view n, std::vector<LE>& a, LE& out);  // false: not a big-int call
  // int | float values, rt::num::Num (lower_static_num.cc)
  RId num_coerce(LE v, TypeId want);  // kNil: neither side is a Num conversion
  LE num_arith(Kind op, LE l, LE r, NodeId rnode, TypeId result);
  LE num_unary(Kind op, LE v, NodeId e);
  RId num_compare(Op rop, LE l, LE r);  // kNil: not numbers
  RId num_contains(LE x, LE xs, bool negate);  // `x in xs` for a list of int | float; kNil: not that
  bool num_builtin(NodeId e, std::string_view n, std::vector<LE>& a, LE& out);  // false: not a Num call
  // static dicts (lower_static_dict.cc)
  RId dict_key_ref(LE k, TypeId want);
  LE dict_lit(NodeId e);
  LE dict_subscript(NodeId e, LE base);
  void dict_store(LE base, NodeId key, LE value, Ids& out);
  LE dict_method(NodeId e, std::string_view m, LE recv, std::vector<LE>& a);
  std::string leading_comment(NodeId s);
  // Optional values and keyword-only parameters (lower_static_optional.cc)
  std::vector<uint32_t> s_call_params(uint32_t f) const;  // what callers bind: positional then keyword-only
  LE opt_unwrap(const Binding& b, NodeId e);          // a name narrowed to its value type
  RId coerce_optional(LE v, TypeId want);             // into Optional[T] / a tuple holding one
  RId is_none_test(NodeId ln, LE l, NodeId rn, LE r, bool negate);  // kNil when not `x is None`
  RId opt_truthy(LE v);
  bool has_optional(TypeId t) const;  // ordering None against values raises in Python: not lowered
  // try/except/raise in static functions (lower_static_try.cc)
  void s_try(NodeId s, Ids& out);
  void s_raise(NodeId s, Ids& out);
  bool s_jump(NodeId s, Ids& out);  // return/break/continue inside a try closure
  std::vector<size_t> s_try_loops_;  // per enclosing static try: the loop depth it began at
  std::vector<std::string> s_caught_;  // per enclosing handler: the caught exception's Rust name
  // builtins, methods and statements for more static functions (lower_static_methods.cc);
  // each returns kNil / an LE with id kNil, lowering nothing, when it does not handle the construct
  LE method_recv(NodeId attr, std::string_view m);  // `d[k].append(x)`: getitem_mut
  LE method_ext(NodeId e, std::string_view m, LE recv);
  LE builtin_ext(NodeId e, std::string_view n);
  LE binop_ext(NodeId e);
  RId compare_ext(Kind op, LE l, LE r);
  bool aug_assign_ext(NodeId s, Ids& out);
  void delete_stmt(NodeId s, Ids& out);
  LE set_lit(NodeId e);
  LE collect_comp(NodeId e);  // set and dict comprehensions
  RId key_fn(NodeId key, TypeId elem, TypeId* key_ty);
  RId mut_ref(LE v);
  RId elem_ref(LE v, TypeId want);
  LE expr_as_ext(NodeId e, TypeId want);  // `set()` where the variable's type says set[int]
  LE attribute_ext(NodeId e);              // `string.punctuation`, `math.pi`
  RId unpack_list(LE value, size_t n, Ids& out);
  bool nested_float(TypeId t) const;
  bool setdefault_place_ = false;  // lowering `d.setdefault(k, v)` as the receiver of a mutating method  // no Ord in Rust: sort through PyOrd
  RId cond_of(NodeId e);  // a test: `w and w not in seen` needs only each operand's truth  // `a, b = xs`: a checked tuple of xs's items

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
  LE zip_rows(NodeId e);  // `zip(*rows)` whose rows are read as lists (lower_static_rows.cc)
  LE map_builtin(NodeId e);  // `map(str, xs)` (lower_static_rows.cc)
  LE store_base(NodeId base, Ids& out);  // `m[i]` of `m[i][j] = v`: its indexes hoisted (lower_static_rows.cc)

  // ---- dynamic mode (lower_dyn.cc): every value is the runtime's Value
  RId d_function(uint32_t f);
  RId d_block(std::span<const uint32_t> body);
  void d_stmt(NodeId s, Ids& out);
  void d_assign(NodeId target, RId value, Ids& out);
  void d_try(NodeId s, Ids& out);
  RId d_raise(NodeId s);
  bool d_jump(NodeId s, Ids& out);
  RId d_exc_class_value(std::string_view name);  // an exception class as a value, or kNil  // return/break/continue leaving a try closure (lower_dyn_try.cc)
  // Per enclosing try statement (dynamic mode): the loop depth it began at.
  std::vector<size_t> try_loop_depth_;
  RId d_expr(NodeId e);
  RId d_call(NodeId e);
  RId d_args(std::span<const uint32_t> args);  // `&[..]` of call arguments, spreading *xs
  RId d_cond(NodeId e);  // a Rust bool
  RId d_compare(NodeId e);
  RId d_operand(NodeId e);  // an operand only borrowed: a plain local without clone()
  RId d_comprehension(NodeId e);
  RId d_lambda(NodeId e);
  // generators (lower_dyn_gen.cc): a state machine in an FnMut closure
  bool d_is_generator(NodeId fn_node);
  RId d_gen_body(std::span<const uint32_t> run, Ids& out);  // the generator object; frame lets go to out
  RId d_genexp(NodeId e);
  size_t g_new_state();
  Ids g_jump(size_t k);
  void g_goto(size_t k);
  RId g_sent();
  void g_stmts(std::span<const uint32_t> body);
  void g_stmt(NodeId s);
  struct GenCtx* gen_ = nullptr;
  // match (lower_dyn_match.cc) and with (lower_dyn_with.cc)
  void d_match(NodeId s, Ids& out);
  RId d_pattern(NodeId p, const std::string& v, int depth);  // a Rust bool; assigns captures
  RId d_pattern_parts(RId opt, std::span<const uint32_t> pats, int depth);
  void d_bind_name(std::string_view py, RId value, Ids& out);
  void d_with(NodeId s, Ids& out);
  // @contextlib.contextmanager functions and issubclass (lower_dyn_cm.cc)
  int d_cm_kind(uint32_t f);  // 0: not one, 1: lowered with a body callback, 2: unsupported shape
  int d_cm_call(NodeId e);   // the contextmanager function `e` calls directly, or -1
  void d_with_cm(NodeId item, uint32_t f, Ids& inner, Ids& out);
  void d_cm_yield(NodeId y, Ids& out);
  RId d_issubclass(NodeId a, NodeId b);
  bool cm_fn_ = false;         // lowering a contextmanager function: `yield x` calls its body callback
  RId cm_extra_arg_ = kNil;    // the body callback d_call_known passes last (one call only)
  RId d_fstring(NodeId e);
  RId d_func_value(uint32_t f);
  // ---- dynamic parameters and argument binding (lower_dyn_args.cc)
  std::vector<uint32_t> d_param_vars(uint32_t f) const;  // Rust parameter order
  bool d_plain_params(uint32_t f) const;                 // no *args, keyword-only or **kwargs
  std::string d_sig_spec(uint32_t f) const;              // "f(a, b=, *args, **kw)" for rt::args::bind
  RId d_default(uint32_t f, uint32_t var);
  void d_extra_params(uint32_t f, Ids& params);
  bool d_has_spread(NodeId call) const;                  // `*xs` or `**d` among the arguments
  RId d_kwargs(NodeId call);                             // `&[(&str, Value)]` of the keywords
  RId d_call_value(RId callee, NodeId call);
  Ids d_bound_args(uint32_t f, const std::string& slots, size_t first = 0);
  bool d_method_needs_kw(uint32_t f);
  std::set<std::string> kw_attrs_;  // method names some call passes keywords to
  bool kw_attrs_ready_ = false;  // called with keywords somewhere, or has *args/**kwargs
  RId d_method_kw_def(std::string_view py_name, uint32_t f);  // `c.def_method_kw(..)` binding at run time
  RId d_call_known(NodeId e, uint32_t f);
  RId d_print_spread(NodeId call, RId sep, RId end);
  RId d_spread_parts(std::span<const uint32_t> items);   // vec![(is_star, value), ..]
  // ---- `def` as a statement: nested functions, decorators (lower_dyn_def.cc)
  bool d_decorated(uint32_t f) const;  // a module function with a user-written decorator
  bool d_def_runs(NodeId def) const;   // a module-level def that does work when it runs
  // ---- the codebase's modules (lower_import.cc)
  void module_exports(Ids& items);                     // `pub fn py_attr(name)` of this module
  NodeId module_literal(std::string_view name);        // the literal a module constant is bound to once, or kNone
  bool module_body_runs();                             // an imported module's body does work (py_init)
  bool module_exported(std::string_view name) const;   // another module of the codebase may read it
  bool init_fn_ = false;                               // lowering the module body as `py_init`
  // The runtime's global and class tables are shared by all modules of a
  // program: the keys of a module others import carry its dotted name.
  std::string global_key(std::string_view py) const {
    if (opts_.exports.empty() || opts_.module_name.empty()) return std::string(py);
    return opts_.module_name + "." + std::string(py);
  }
  RId d_codebase_attr(const std::string& dotted);      // `pkg.mod.name` of another module, or kNil
  RId d_func_ref(uint32_t f);          // the function as a value (decorated: from the globals)
  RId d_decorate(NodeId decorator, RId value, RId wrapped_name);
  void d_class(uint32_t ci, Ids& items, std::string force_fail = {});
  RId d_construct(NodeId call, uint32_t ci);
  RId d_super_call(NodeId call);
  RId d_method_kw(NodeId call);  // `obj.m(k=v)` for a user method; kNil when not one
  int d_find_method(int ci, std::string_view name) const;  // function index or -1
  bool d_is_dataclass(uint32_t ci) const;
  bool d_is_frozen_dataclass(uint32_t ci) const;
  bool d_dataclass_flag(uint32_t ci, std::string_view flag) const;
  std::vector<std::string> d_class_mro(std::string_view name) const;
  std::vector<std::pair<std::string, NodeId>> d_dataclass_fields(uint32_t ci) const;
  std::string class_fn(uint32_t ci) const { return "class_" + rust::snake_case(tm_.classes[ci].name); }
  std::string type_fn(uint32_t ci) const { return "type_" + rust::snake_case(tm_.classes[ci].name); }
  bool d_is_exception_class(std::string_view name) const;
  // stdlib helpers (lower_dyn_stdlib.cc)
  static constexpr int64_t kNotCached = -2, kBadCache = -3;
  int64_t d_cache_maxsize(uint32_t f);  // @lru_cache/@cache maxsize (-1: unbounded), else kNotCached/kBadCache
  RId d_cache_wrap(uint32_t f, const Ids& params, RId ret, RId body);
  RId d_stdlib_call(NodeId e);  // kNil when e is not one of its calls
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
  const LoggedSet* dyn_fns_ = nullptr;
  LoggedSet dyn_set_;
  bool mixed() const { return dyn_fns_ != nullptr && !dyn_; }
  bool is_dyn_fn(uint32_t f) const;
  bool bridgeable(TypeId t) const;      // has a ToValue/FromValue bridge
  bool mentions_class(TypeId t) const;
  RId from_value(RId value_ref, TypeId t);
  LE call_dynamic(NodeId e, uint32_t f, const std::vector<NodeId>& given);  // static caller
  RId d_call_static(uint32_t f, const std::vector<RId>& given);             // dynamic caller
  void register_exception_classes(Ids& out);  // main's first statements
  void mixed_publish_globals(NodeId s, Ids& out);
  bool mixed_global_read(std::string_view name);
  std::set<std::string, std::less<>> mixed_reads_;
  bool mixed_reads_ready_ = false;
  NodeId discard_call_ = kNone;  // the call of the current expression statement
  // ---- dynamic closures (lower_dyn_closure.cc)
  std::vector<DScope> dscopes_;
  std::map<NodeId, int> dscope_of_;
  std::set<std::string> global_declared_;  // names some function declares `global`
  int closure_depth_ = 0;                   // > 0 while lowering a nested def or lambda body
  void d_scopes();                          // builds dscopes_ once
  const DScope* d_scope(NodeId n);          // the scope a FunctionDef/Lambda/comprehension/root opens
  bool d_is_cell(NodeId scope_node, std::string_view name);
  bool d_global_declared(std::string_view name);
  bool d_prologue_owns(NodeId scope_node, std::string_view name);  // a cell or `global` name
  RId d_read(const Binding& b, std::string_view py);  // the value of a bound name
  void d_write(const Binding& b, std::string_view py, RId value, Ids& out);
  void d_scope_prologue(NodeId scope_node, Ids& out);  // cells, globals and extra locals of a function
  void d_def_stmt(NodeId s, Ids& out);       // a def statement inside a function (or a decorated one)
  RId d_closure(NodeId def);                 // a nested def or lambda as a Value::func
  NodeId d_vararg(uint32_t f) const;         // the *args parameter of a module function
  bool d_comp_cell(NodeId comp, std::string_view py, RId val, Ids& binds, Ids& decls);
  // ---- static nested functions, lambdas (lower_static_closure.cc)
  std::vector<uint32_t> s_params(uint32_t f) const;  // the Rust signature: s_call_params, then captures
  void s_nested_checks(uint32_t f);                  // gives up where a nested def cannot be static
  void s_nested_item(uint32_t f, Ids& items);        // a nested def as a module-level fn
  int s_nested_callee(std::string_view n) const;     // nested function a call by name reaches, or -1
  void s_capture_args(NodeId call, uint32_t f, Ids& out);
  RId s_pass_arg(LE v, const sema::Var& p);
  void s_def_stmt(NodeId s, Ids& out);
  void s_chained_assign(NodeId s, Ids& out);
  bool s_has_key_kw(NodeId call) const;              // key=/reverse= keywords
  LE s_key_call(NodeId e, std::string_view n);       // sorted/min/max(xs, key=.., reverse=..)
  LE s_sort_kw(NodeId e, LE recv);                   // xs.sort(key=.., reverse=..)
  LE s_keyed(NodeId e, std::string_view n, LE src);  // sorted/min/max of src with e's keywords
  RId s_key_str_method(NodeId kf, RId x, TypeId el, TypeId* kt);  // key=str.lower (lower_static_keyfn.cc); kNil otherwise
  void s_alias_check(NodeId target, NodeId value);  // `b = a` of a list that changes (lower_static_alias.cc)
  bool s_repeat_shares(NodeId e, TypeId list_ty);    // `[[0] * 3] * 2`: fails, true
  void s_iter_var_check(NodeId target, NodeId value);  // a variable holding a generator expression (lower_static_builtins.cc)
  LE builtin_more(NodeId e, std::string_view n);       // next(), frozenset(), ...; id kNil when not handled
  LE method_more(NodeId e);                            // str.maketrans(..), s.translate(t); id kNil when not handled
  LE expr_as_more(NodeId e, TypeId want);              // frozenset() where the receiver knows its type
  bool s_table_use_ok(NodeId table_expr);
  void s_table_var_check(NodeId target);
  // ---- function values: nested defs that escape (lower_static_fnvalue.cc)
  bool s_func_ok(TypeId t) const;                    // a function value the static mode can type
  bool s_func_bridgeable(TypeId t) const;            // ... and wrap into a Value
  RId s_func_type(TypeId t);                         // rt::fnvalue::FnN<A.., R>
  void s_func_checks(uint32_t f);                    // gives up on function values it cannot type
  LE s_func_value(NodeId e);                         // a nested def as a closure value
  void s_cell_assign(const Binding& b, bool decl, RId val, Ids& out);  // `nonlocal` variables (lower_static_cell.cc)
  void s_cell_checks(uint32_t f);
  void s_nonlocal_stmt(NodeId s);
  sema::Var s_cell_param(uint32_t f, uint32_t p) const;  // p as the caller passes it
  void s_cell_params(uint32_t f, Ids& out);              // parameters made cells: shadowed by one  // nothing to run when every name is a cell
  LE s_call_value(NodeId e, const Binding& b);       // call of a variable holding a function value
  // ---- lambdas as function values (lower_static_lambda.cc)
  LE s_lambda(NodeId e);
  RId s_func_placeholder(TypeId t);  // a hoisted function-value variable's value before its first store (never called)
  bool s_comp_late_cell(NodeId comp, std::string_view py);  // a lambda in comp reads its variable py
  RId s_comp_target_cell(NodeId comp, std::string_view py, const std::string& rn, TypeId elem, Ids& cells, Ids& sets);
  std::set<std::string> s_lambda_fixed_;  // Rust names inside a lambda being lowered that never change
  // ---- lists shared by escaping closures (lower_static_shared.cc)
  bool s_shared_list(const sema::Var& v);  // v, a local of the current function, is one
  void s_shared_decl(const Binding& b, const sema::Var& v, Ids& out);  // after its `let`: into an Rc<RefCell<..>>
  RId s_shared_capture(const Binding& b, const sema::Var& capture, Ids& lets);  // a closure's borrow of it
  std::map<std::pair<uint32_t, std::string>, bool> s_shared_cache_;
  // ---- `global n` in static functions (lower_static_global.cc)
  void s_global_checks(uint32_t f);
  LE s_global_read(const Binding& b, std::string_view py);
  void s_global_write(const Binding& b, std::string_view py, RId value, Ids& out);

  // ---- static classes (lower_static_class.cc)
 public:
  void set_static_classes(const std::set<uint32_t>* s) { static_classes_ = s; }
  std::set<uint32_t> class_failed_out;  // static classes with a method that failed
  // user exception classes lowered statically (lower_static_exc.cc)
  void set_static_excs(const std::set<uint32_t>* s) { static_excs_ = s; }
  std::set<uint32_t> exc_failed_out;  // static exception classes whose __init__ failed
 private:
  const std::set<uint32_t>* static_excs_ = nullptr;
  bool s_static_exc(int ci) const;
  bool s_exc_class(uint32_t ci, Ids& items);  // false: not one (or it failed)
  bool s_raise_exc(NodeId s, Ids& out);        // `raise C(..)` of a class with __init__, `raise e`
  LE s_exc_attr(NodeId e);                     // `e.field`, `e.args`, `type(e).__name__`; id kNil: not one
  LE s_exc_call(NodeId e, std::string_view n); // `isinstance(e, C)`; id kNil: not one
  std::vector<std::pair<std::string, NodeId>> s_exc_handlers_;  // handlers around the code: (name, handler)
  const std::set<uint32_t>* static_classes_ = nullptr;
  bool is_static_class(int ci) const;
  void s_class_methods(uint32_t ci, Ids& impl_items);  // its methods, in source order
  std::string s_class_name(uint32_t ci) const;
  RId s_class_type(uint32_t ci);
  std::string s_method_name(uint32_t f) const;
  void s_self_param(uint32_t f, Ids& params);
  void s_class(uint32_t ci, Ids& items);
  void s_class_bridge(uint32_t ci, Ids& items);
  bool s_conflicts(NodeId s);
  LE s_attr(NodeId e);
  bool s_store(NodeId target, LE value, Ids& out);
  bool s_aug_assign(NodeId s, Ids& out);
  bool s_call_hook(NodeId e, LE* result);
  LE s_construct(NodeId e, uint32_t ci);
  void s_class_text(uint32_t ci, Ids& items);                         // lower_static_dunder.cc
  // @dataclass (lower_static_dataclass.cc)
  bool s_dc_frozen(uint32_t ci) const;
  std::vector<NodeId> s_dc_defaults(uint32_t ci) const;
  void s_dc_new(uint32_t ci, Ids& impl_items);
  LE s_dc_construct(NodeId e, uint32_t ci);
  RId s_dc_repr(uint32_t ci);
  void s_dc_native(uint32_t ci, Ids& items);
  void s_dc_eq_hash(uint32_t ci, Ids& fns);
  bool s_dc_store(uint32_t ci, std::string_view name, Ids& out);  // true: a frozen field (raises)
  RId s_field_is(NodeId ln, NodeId rn, bool negate);  // `a.items is b.items`; kNil: not that
  bool s_field_item_store(NodeId target, LE value, Ids& out);  // `obj.items[k] = v` into the field itself
  bool s_compare_dunder(NodeId e, Kind op, const LE& l, const LE& r, RId* out);
  bool s_len_dunder(NodeId e, const LE& a, LE* out);
  bool s_sort_dunder(NodeId e, TypeId el, const std::string& vec, RId* out);
  // Single inheritance (lower_static_inherit.cc): a hierarchy is one struct.
  int s_root(uint32_t ci) const;  // the hierarchy's root class, or -1 for a class without base or subclass
  TypeId s_field_type(uint32_t ci, std::string_view name) const;  // own or inherited field, kUnknown if none
  bool s_inherit_class(uint32_t ci, Ids& items);   // true when ci belongs to a hierarchy (emitted with its root)
  bool s_inherit_method_call(NodeId e, LE* out);   // obj.m(...) / super().m(...) on a hierarchy
  LE s_inherit_construct(NodeId e, uint32_t ci);
  LE s_inherit_builtin(NodeId e, std::string_view n);  // isinstance / issubclass; id kNil otherwise
  LE s_type_is(NodeId e);                          // `type(x) is C`; id kNil otherwise
  LE s_class_attr(NodeId e);                       // `C.__name__`, `C.__mro__[i].__name__`; id kNil otherwise
  bool s_upcast(TypeId from, TypeId to) const;     // same Rust type: subclass instances where base ones go
  bool same_default(NodeId a, NodeId b) const;     // two parameter defaults are the same constant
  LE s_math_call(NodeId e);                        // `math.sqrt(x)` (lower_static_math.cc); id kNil otherwise
  std::map<NodeId, bool> conflict_cache_;
  std::map<NodeId, LE> preset_;       // expressions already lowered (expr() returns these)
  bool s_in_hook_ = false;
  std::string fn_name_override_;      // function(): the Rust name of a method in an impl
  std::string call_name_override_;    // call_user(): the callee's Rust path
  RId call_self_arg_ = kNil;          // call_user(): the instance, passed first

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
  LoggedSet fallible_in_;

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
