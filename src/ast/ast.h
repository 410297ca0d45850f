#pragma once
// The Python AST in flat arrays with 32-bit ids.
//
// Every node has a kind from node_kinds.def, a position, and one 32-bit slot
// per field (in CPython's _fields order). A slot holds, by the field's type:
//   Node/OptNode     a NodeId (kNone when absent)
//   List/OptNodeList a ListId (items are NodeIds; kNone items in OptNodeList)
//   Ident/OptIdent   a StrId into the identifier table (kNone when absent)
//   IdentList        a ListId whose items are StrIds
//   Const            a ConstId
//   OptStr           a StrId or kNone
//   Int              the value
//   Op               the Kind of a singleton (Load, Add, Eq, ...)
//   OpList           a ListId whose items are singleton Kinds
// Children are created before their parents, so ids grow bottom-up and the
// root (Module) is the last node.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace portalis::ast {

enum class Kind : uint16_t {
#define PORTALIS_NODE(Name, Category, Attrs) Name,
#define PORTALIS_SINGLETON(Name, Category) Name,
#include "ast/node_kinds.def"
  Count
};

enum class FieldType : uint8_t { Node, OptNode, List, Ident, OptIdent, IdentList, Const, OptStr, Int, Op, OpList, OptNodeList };

// Field indices per node kind: fld::FunctionDef::body == 2.
namespace fld {
namespace detail_first { enum : uint8_t { unused
#define PORTALIS_NODE(Name, Category, Attrs) }; } namespace Name { enum : uint8_t {
#define PORTALIS_FIELD(Field, Type) Field,
#include "ast/node_kinds.def"
}; }
}  // namespace fld

struct FieldInfo {
  std::string_view name;
  FieldType type;
};

struct KindInfo {
  std::string_view name;      // "FunctionDef"
  std::string_view category;  // "stmt", "expr", "operator", ...
  bool has_attributes;        // lineno/col_offset/end_lineno/end_col_offset
  bool singleton;             // Load, Add, ...: no fields, no position
  uint16_t first_field;       // index into all_fields()
  uint8_t field_count;
};

const KindInfo& kind_info(Kind k);
std::span<const FieldInfo> fields_of(Kind k);
inline std::string_view kind_name(Kind k) { return kind_info(k).name; }

using NodeId = uint32_t;
using ListId = uint32_t;
using StrId = uint32_t;
using ConstId = uint32_t;
inline constexpr uint32_t kNone = 0xFFFFFFFFu;

// CPython's positions: 1-based lines, 0-based columns in UTF-8 bytes.
struct Pos {
  uint32_t lineno = 0;
  uint32_t col_offset = 0;
  uint32_t end_lineno = 0;
  uint32_t end_col_offset = 0;
};

struct Node {
  Kind kind;
  uint16_t reserved;
  uint32_t slots;  // index of the first field slot in Module::slots_
  Pos pos;
};
static_assert(sizeof(Node) == 24, "nodes are packed records");

struct Constant {
  enum class Tag : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
  Tag tag = Tag::None;
  double number = 0;  // Float value, or the imaginary part of a Complex
  std::string text;   // Int: decimal digits with optional '-'; Str: UTF-8 (surrogates as WTF-8); Bytes: raw
};

struct ListRange {
  uint32_t begin;
  uint32_t count;
};

class Module {
 public:
  NodeId add(Kind k, Pos pos, std::span<const uint32_t> slots);
  NodeId add(Kind k, Pos pos, std::initializer_list<uint32_t> slots) {
    return add(k, pos, std::span<const uint32_t>(slots.begin(), slots.size()));
  }
  ListId add_list(std::span<const uint32_t> items);
  ListId add_list(std::initializer_list<uint32_t> items) {
    return add_list(std::span<const uint32_t>(items.begin(), items.size()));
  }
  StrId intern(std::string_view s);  // equal strings share one StrId
  ConstId add_const(Constant c);
  void set_root(NodeId id) { root_ = id; }
  // Pre-sizes the arrays for about `tokens` tokens of source (a parser hint).
  void reserve(size_t tokens);
  // Parsers patch a few fields after creation (expression context, end positions).
  void set_slot(NodeId id, uint32_t field, uint32_t value) { slots_[nodes_[id].slots + field] = value; }
  void set_pos(NodeId id, Pos p) { nodes_[id].pos = p; }

  NodeId root() const { return root_; }
  size_t node_count() const { return nodes_.size(); }
  Kind kind(NodeId id) const { return nodes_[id].kind; }
  const Pos& pos(NodeId id) const { return nodes_[id].pos; }
  uint32_t slot(NodeId id, uint32_t field) const { return slots_[nodes_[id].slots + field]; }
  std::span<const uint32_t> list(ListId id) const {
    const ListRange& r = lists_[id];
    return {items_.data() + r.begin, r.count};
  }
  // Convenience: the list held by a List field of node id.
  std::span<const uint32_t> list_of(NodeId id, uint32_t field) const { return list(slot(id, field)); }
  std::string_view str(StrId id) const { return strings_[id]; }
  const Constant& constant(ConstId id) const { return consts_[id]; }
  size_t memory_bytes() const;

 private:
  std::vector<Node> nodes_;
  std::vector<uint32_t> slots_;
  std::vector<ListRange> lists_;
  std::vector<uint32_t> items_;
  std::vector<std::string> strings_;
  std::vector<uint32_t> intern_index_;  // open addressing over strings_ (kNone = empty)
  std::vector<Constant> consts_;
  NodeId root_ = kNone;
};

}  // namespace portalis::ast
