#pragma once
// A small Rust syntax tree in flat arrays with 32-bit ids, built only through
// Builder (so every node is well formed) and turned into text only by
// print_file (one printer: precedence, parentheses, indentation live there).
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace portalis::rust {

enum class RKind : uint8_t {
#define PORTALIS_RNODE(Name, Cat) Name,
#include "rust/rust_kinds.def"
  Count
};
std::string_view rkind_name(RKind k);

// Operators of Binary, Unary and Assign nodes.
enum class Op : uint8_t {
  None, Add, Sub, Mul, Div, Rem, BitAnd, BitOr, BitXor, Shl, Shr, And, Or,
  Eq, Ne, Lt, Le, Gt, Ge,
  Neg, Not, Ref, RefMut, Deref,
  Assign, AddAssign, SubAssign, MulAssign, DivAssign, RemAssign, AndAssign, OrAssign, XorAssign, ShlAssign, ShrAssign,
};

using RId = uint32_t;
inline constexpr RId kNil = 0xFFFFFFFFu;

enum Flags : uint8_t { kMut = 1, kPub = 2, kInclusive = 4, kMove = 8, kBrackets = 16, kBlockBody = 32 };

struct RNode {
  RKind kind;
  uint8_t flags = 0;
  Op op = Op::None;
  uint32_t text = kNil;  // string id (names, literal text, comments)
  RId a = kNil, b = kNil, c = kNil;
  uint32_t list = kNil;  // list id of children
  uint32_t doc = kNil;   // string id of a doc comment or a leading comment
};

class Tree {
 public:
  RId add(RNode n) { nodes_.push_back(n); return static_cast<RId>(nodes_.size() - 1); }
  uint32_t add_str(std::string_view s) {
    // All strings in one buffer: no allocation per string (a view returned
    // by str() is only valid until the next add_str).
    strs_.push_back({static_cast<uint32_t>(chars_.size()), static_cast<uint32_t>(s.size())});
    chars_.append(s);
    return static_cast<uint32_t>(strs_.size() - 1);
  }
  uint32_t add_list(std::span<const RId> ids) {
    lists_.push_back({static_cast<uint32_t>(items_.size()), static_cast<uint32_t>(ids.size())});
    items_.insert(items_.end(), ids.begin(), ids.end());
    return static_cast<uint32_t>(lists_.size() - 1);
  }
  const RNode& node(RId id) const { return nodes_[id]; }
  RNode& node_mut(RId id) { return nodes_[id]; }
  std::string_view str(uint32_t id) const {
    return id == kNil ? std::string_view() : std::string_view(chars_.data() + strs_[id].first, strs_[id].second);
  }
  std::span<const RId> list(uint32_t id) const {
    if (id == kNil) return {};
    return {items_.data() + lists_[id].first, lists_[id].second};
  }
  size_t size() const { return nodes_.size(); }

 private:
  std::vector<RNode> nodes_;
  std::string chars_;
  std::vector<std::pair<uint32_t, uint32_t>> strs_;  // offset and length in chars_
  std::vector<std::pair<uint32_t, uint32_t>> lists_;
  std::vector<RId> items_;
};

// Escapes a Rust keyword or an invalid identifier: `type` -> `r#type`,
// `self`/`crate`/`super`/`Self` -> `self_` (they cannot be raw).
std::string escape_ident(std::string_view name);
// "word_count" / "WordCount" conversions used for Rust naming conventions.
std::string snake_case(std::string_view name);
std::string camel_case(std::string_view name);

using Ids = std::vector<RId>;

class Builder {
 public:
  explicit Builder(Tree& t) : t_(t) {}
  Tree& tree() { return t_; }

  // ---- items
  RId file(const Ids& items);
  RId comment(std::string_view text);                       // `// text` (one line per \n)
  RId inner_attr(std::string_view attr);                    // `#![attr]`
  RId outer_attr(std::string_view attr);                    // `#[attr]`
  RId use(std::string_view path);                           // `use path;`
  RId mod_decl(std::string_view name, bool pub);            // `pub mod name;`
  RId fn(std::string_view name, const Ids& params, RId ret, RId body, bool pub = false,
         std::string_view doc = {});
  RId param(std::string_view name, RId type, bool mut = false);
  RId self_param(bool ref, bool mut);                       // &self / &mut self / self
  RId struct_(std::string_view name, const Ids& fields, std::string_view derives, std::string_view doc = {});
  RId field_def(std::string_view name, RId type);
  RId impl(std::string_view type_name, RId trait_type, const Ids& items);
  RId const_(std::string_view name, RId type, RId value);

  // ---- statements
  RId let(std::string_view name, RId type, RId init, bool mut);
  RId let_pat(RId pat, RId type, RId init);
  RId expr_stmt(RId e);
  RId with_comment(RId stmt_or_item, std::string_view comment);  // leading `// comment`

  // ---- expressions
  RId int_lit(int64_t v);
  RId int_lit_text(std::string_view digits, std::string_view suffix = {});
  RId float_lit(double v);
  RId bool_lit(bool v);
  RId str_lit(std::string_view utf8);
  RId char_lit(uint32_t cp);
  RId path(std::string_view p);   // identifiers and paths, each segment already valid
  RId call(RId callee, const Ids& args);
  RId call(std::string_view callee, const Ids& args) { return call(path(callee), args); }
  RId method(RId recv, std::string_view name, const Ids& args);
  RId method_turbofish(RId recv, std::string_view name, const Ids& generics, const Ids& args);  // x.f::<T>()
  RId call_turbofish(std::string_view callee, const Ids& generics, const Ids& args);
  RId assoc_path(RId type, std::string_view name);  // `<Type>::name`
  RId macro(std::string_view name, const Ids& args, bool brackets = false);
  RId binary(Op op, RId l, RId r);
  RId unary(Op op, RId e);
  RId ref(RId e) { return unary(Op::Ref, e); }
  RId ref_mut(RId e) { return unary(Op::RefMut, e); }
  RId deref(RId e) { return unary(Op::Deref, e); }
  RId cast(RId e, RId type);
  RId field(RId e, std::string_view name);
  RId index(RId e, RId i);
  RId block(const Ids& stmts, RId tail = kNil);
  RId if_(RId cond, RId then_block, RId else_ = kNil);
  RId while_(RId cond, RId body, std::string_view label = {});
  RId loop(RId body, std::string_view label = {});
  RId for_(RId pat, RId iter, RId body, std::string_view label = {});
  RId break_(std::string_view label = {}, RId value = kNil);
  RId continue_(std::string_view label = {});
  RId return_(RId value = kNil);
  RId assign(Op op, RId l, RId r);
  RId closure(const Ids& params, RId body, bool move = false);  // params are Param or PatIdent nodes
  RId tuple(const Ids& elems);
  RId array(const Ids& elems);
  RId range(RId lo, RId hi, bool inclusive = false);
  RId struct_lit(std::string_view name, const Ids& field_inits);
  RId field_init(std::string_view name, RId value);
  RId match(RId scrutinee, const Ids& arms);
  RId arm(RId pat, RId guard, RId body);
  RId try_(RId e);  // e?

  // ---- patterns
  RId pat_ident(std::string_view name, bool mut = false);
  RId pat_tuple(const Ids& pats);
  RId pat_wild();
  RId pat_lit(RId lit_expr);

  // ---- types
  RId ty(std::string_view name, const Ids& generics = {});
  RId ty_ref(RId inner, bool mut = false);
  RId ty_tuple(const Ids& elems);
  RId ty_slice(RId elem);
  RId ty_fn(const Ids& params, RId ret);  // `impl Fn(A) -> R` as a parameter type

 private:
  RId mk(RKind k, uint32_t text = kNil, RId a = kNil, RId b = kNil, RId c = kNil, const Ids* list = nullptr,
         uint8_t flags = 0, Op op = Op::None);
  Tree& t_;
};

// The one printer. Output is stable (same tree, same text) and uses 4-space
// indentation like rustfmt.
std::string print_file(const Tree& t, RId file);
std::string print_node(const Tree& t, RId node);  // for tests

}  // namespace portalis::rust
