#pragma once
// Scopes, symbols and type inference: AST in, TypedModule out (pure).
//
// Every function (and the module's own top-level code, funcs[0]) gets its
// variables with one static type each, where the first binding of each
// variable goes in Rust (the innermost block holding all its uses), and every
// expression node gets a type. Annotations win; otherwise types come from
// literals, operators, builtins, assignments and, for parameters, the
// argument types at the module's call sites. Unresolvable types are Dyn.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"
#include "base/diagnostic.h"
#include "sema/types.h"

namespace portalis::index { class GlobalIndex; }

namespace portalis::sema {

// Function types of lambdas: {Func, {}, kLambdaFunc | index into TypedModule::lambdas}.
inline constexpr uint32_t kLambdaFunc = 0x40000000u;

struct Var {
  std::string name;
  TypeId type = Types::kUnknown;
  bool annotated = false;
  bool is_param = false;
  bool reassigned = false;  // bound again after its first binding (params: at all)
  bool mutated = false;     // container changed in place (append, item store, ...)
  bool global_ref = false;  // a module-level name read from a function
  bool cell = false;        // shared with a nested def that rebinds it (`nonlocal`): Rc<Cell<T>>
  bool global_decl = false; // declared `global` here: the module's variable (infer.cc, lower_static_global.cc)
  // Where the Rust `let` goes: at decl_stmt (an assignment directly in
  // decl_block), or, when decl_stmt is kNone, at the start of decl_block.
  ast::ListId decl_block = ast::kNone;
  ast::NodeId decl_stmt = ast::kNone;
  ast::NodeId default_value = ast::kNone;  // parameter default
};

struct Function {
  ast::NodeId node = ast::kNone;  // FunctionDef; kNone for the module body
  std::string name;
  int cls = -1;                   // owning class for methods
  std::vector<uint32_t> params;   // indices into vars, in order (self excluded)
  // The rest of the signature (the dynamic lowering binds them; the static
  // one reports them): vars indices, -1 when absent.
  uint32_t posonly = 0;           // how many of params are positional-only
  int vararg = -1;                // *args
  std::vector<uint32_t> kwonly;   // keyword-only parameters, in order
  int kwarg = -1;                 // **kwargs
  TypeId ret = Types::kUnknown;
  bool ret_annotated = false;
  bool is_static = false;
  std::vector<Var> vars;
  std::map<std::string, uint32_t, std::less<>> var_index;
  std::vector<std::pair<ast::NodeId, std::string>> unsupported;  // construct and its name
  // A def inside a module function (infer_closure.cc): its enclosing
  // function, and the enclosing variables it reads (vars indices, passed as
  // extra parameters after params); the enclosing function's nested defs.
  int parent = -1;
  std::vector<uint32_t> captures;
  std::map<std::string, uint32_t, std::less<>> nested;
  uint32_t max_call_args = 0;     // lambdas (TypedModule::lambdas): most positional arguments a call passes
  // A per-call-type copy of another def (infer_specialize.h): its index.
  // Python has one function there, so the metrics count the copies with it.
  int copy_of = -1;
  const Var* find(std::string_view n) const {
    auto it = var_index.find(n);
    return it == var_index.end() ? nullptr : &vars[it->second];
  }
};

struct ClassInfo {
  std::string name;
  ast::NodeId node = ast::kNone;
  int base = -1;
  std::vector<std::pair<std::string, TypeId>> fields;
  std::map<std::string, uint32_t, std::less<>> methods;  // name -> function index
  bool dataclass = false;
};

struct TypedModule {
  const ast::Module* ast = nullptr;
  std::shared_ptr<const ast::Module> owned_ast;  // a copy with specialised defs (infer_specialize.h), or null
  Types types;
  std::vector<TypeId> expr_type;     // by NodeId (kUnknown for non-expressions)
  std::vector<uint32_t> owner;       // by NodeId: the function whose body holds the node
  std::vector<Function> funcs;       // funcs[0] is the module body
  std::map<std::string, uint32_t, std::less<>> func_by_name;   // module-level functions
  std::map<std::string, uint32_t, std::less<>> class_by_name;
  std::map<ast::NodeId, uint32_t> nested_fn;  // nested def statement -> its function
  // Lambdas used as values (infer_lambda.cc): functions of their own, kept
  // apart from funcs (node is the Lambda, parent the function holding it);
  // their function type is {Func, {}, kLambdaFunc | index}.
  std::vector<Function> lambdas;
  std::map<ast::NodeId, uint32_t> lambda_of;
  const Function* func_of(TypeId t) const;  // the function (or lambda) a function value calls, or nullptr
  std::vector<ClassInfo> classes;
  // For-loop targets bound by the loop itself (Rust `for x in`): by For NodeId.
  std::vector<uint8_t> for_binds;    // by NodeId: 1 when the For's Name target is bound by the loop
  std::vector<Diagnostic> diagnostics;
  bool is_program = false;
  ast::NodeId main_guard = ast::kNone;  // the `if __name__ == "__main__":` statement
  TypeId type_of(ast::NodeId e) const { return e < expr_type.size() ? expr_type[e] : Types::kUnknown; }
};

// infer_closure.cc: the names a def's body reads (Load), in first-use order.
std::vector<std::string> names_read(const ast::Module& m, ast::NodeId def);
// The defs directly inside a function body (any depth of if/for/while/try/with, not inside other defs).
std::vector<ast::NodeId> nested_defs(const ast::Module& m, ast::NodeId def);
// The names a def declares `nonlocal` (its own body, not inside further defs).
std::vector<std::string> nonlocal_names(const ast::Module& m, ast::NodeId def);

// infer_lambda.cc: lambdas used as values. Whether a lambda's signature is
// one they take (positional parameters, defaults allowed); its Function
// (parameters only: the body is one expression); the names its body reads
// from enclosing scopes (not its parameters, nor names that comprehensions
// or lambdas inside it bind), in first-use order.
bool lambda_value_ok(const ast::Module& m, ast::NodeId lambda);
Function lambda_function(const ast::Module& m, ast::NodeId lambda, uint32_t parent);
std::vector<std::string> lambda_free_names(const ast::Module& m, ast::NodeId lambda);

TypedModule infer(const ast::Module& module, const index::GlobalIndex* index, std::string_view module_name);

// Builtin result rules from builtins.def, shared with the lowering.
enum class BuiltinRecv : uint8_t { Fn, Str, List, Int, Float, Dict, Set };
enum class BuiltinResult : uint8_t { Int, Float, Bool, Str, None, Same, Elem, ListStr, ListSame, Special };
enum class BuiltinHow : uint8_t { Method, RtFn, Code };
struct BuiltinInfo {
  BuiltinRecv recv;
  std::string_view py;
  BuiltinResult result;
  BuiltinHow how;
  std::string_view rust;
};
const BuiltinInfo* find_builtin(BuiltinRecv recv, std::string_view name);
BuiltinRecv recv_of(TyKind k);
// The result type of a Special method of recv (recv kUnknown: a builtin
// function); kDyn when not known. refine_recv: what the call tells about
// the receiver's own type (`s.add(1)`: set[int]), or kUnknown (infer_methods.cc).
// `string.punctuation` (str), `math.pi` (float), `str.lower` (Dyn: a function
// value only the key= of sorted/sort/min/max takes); kUnknown for others.
TypeId module_attr_type(std::string_view module, std::string_view attr);
// `Graph = Dict[str, List[int]]` at module level: a type alias, no variable.
bool is_type_alias_stmt(const ast::Module& m, ast::NodeId s);
TypeId special_call_type(Types& T, TypeId recv, std::string_view name, const std::vector<TypeId>& args, TypeId* refine_recv);
// next(), frozenset(), ... (infer_builtins_more.cc): kDyn when not known, kUnknown to wait for a later round.
TypeId builtin_call_more(Types& T, std::string_view name, const std::vector<TypeId>& args);

}  // namespace portalis::sema
