#include "ast/ast.h"

#include <array>
#include <cassert>
#include <functional>

namespace portalis::ast {
namespace {

// One entry per node kind or field, in node_kinds.def order; fields follow
// their node. Walked once at compile time to build the kind table.
struct Entry {
  bool is_field;
  bool singleton;
  std::string_view name;
  std::string_view category;
  bool attrs;
  FieldType type;
};

constexpr Entry kEntries[] = {
#define PORTALIS_NODE(Name, Category, Attrs) {false, false, #Name, #Category, std::string_view(#Attrs) == "Attrs", FieldType::Node},
#define PORTALIS_FIELD(Field, Type) {true, false, #Field, "", false, FieldType::Type},
#define PORTALIS_SINGLETON(Name, Category) {false, true, #Name, #Category, false, FieldType::Node},
#include "ast/node_kinds.def"
};

constexpr size_t kKindCount = static_cast<size_t>(Kind::Count);
constexpr size_t kFieldCount = [] {
  size_t n = 0;
  for (const Entry& e : kEntries) n += e.is_field;
  return n;
}();

struct Tables {
  std::array<KindInfo, kKindCount> kinds{};
  std::array<FieldInfo, kFieldCount> fields{};
};

constexpr Tables kTables = [] {
  Tables t{};
  size_t k = 0, f = 0;
  for (const Entry& e : kEntries) {
    if (e.is_field) {
      t.fields[f++] = FieldInfo{e.name, e.type};
      t.kinds[k - 1].field_count++;
    } else {
      t.kinds[k++] = KindInfo{e.name, e.category, e.attrs, e.singleton, static_cast<uint16_t>(f), 0};
    }
  }
  return t;
}();

}  // namespace

const KindInfo& kind_info(Kind k) { return kTables.kinds[static_cast<size_t>(k)]; }

std::span<const FieldInfo> fields_of(Kind k) {
  const KindInfo& info = kind_info(k);
  return {kTables.fields.data() + info.first_field, info.field_count};
}

NodeId Module::add(Kind k, Pos pos, std::span<const uint32_t> slots) {
  assert(slots.size() == kind_info(k).field_count);
  NodeId id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(Node{k, 0, static_cast<uint32_t>(slots_.size()), pos});
  slots_.insert(slots_.end(), slots.begin(), slots.end());
  return id;
}

void Module::reserve(size_t tokens) {
  // Measured on the stdlib: about 0.6 nodes, 1.4 slots, 0.3 lists and 0.6
  // list items per token.
  nodes_.reserve(tokens * 6 / 10 + 16);
  slots_.reserve(tokens * 14 / 10 + 16);
  lists_.reserve(tokens * 3 / 10 + 16);
  items_.reserve(tokens * 6 / 10 + 16);
}

ListId Module::add_list(std::span<const uint32_t> items) {
  ListId id = static_cast<ListId>(lists_.size());
  lists_.push_back(ListRange{static_cast<uint32_t>(items_.size()), static_cast<uint32_t>(items.size())});
  items_.insert(items_.end(), items.begin(), items.end());
  return id;
}

StrId Module::intern(std::string_view s) {
  // Identifiers repeat heavily: an open-addressing table of StrIds (std::hash
  // of the bytes, linear probing, kept under half full) finds the existing entry.
  uint64_t h = std::hash<std::string_view>{}(s);
  if ((strings_.size() + 1) * 2 > intern_index_.size()) {
    size_t cap = intern_index_.empty() ? 256 : intern_index_.size() * 2;
    std::vector<uint32_t> idx(cap, kNone);
    for (uint32_t id = 0; id < strings_.size(); ++id) {
      uint64_t g = std::hash<std::string_view>{}(strings_[id]);
      size_t j = g & (cap - 1);
      while (idx[j] != kNone) j = (j + 1) & (cap - 1);
      idx[j] = id;
    }
    intern_index_.swap(idx);
  }
  size_t mask = intern_index_.size() - 1;
  size_t j = h & mask;
  while (intern_index_[j] != kNone) {
    if (strings_[intern_index_[j]] == s) return intern_index_[j];
    j = (j + 1) & mask;
  }
  strings_.emplace_back(s);
  StrId id = static_cast<StrId>(strings_.size() - 1);
  intern_index_[j] = id;
  return id;
}

ConstId Module::add_const(Constant c) {
  consts_.push_back(std::move(c));
  return static_cast<ConstId>(consts_.size() - 1);
}

size_t Module::memory_bytes() const {
  size_t n = nodes_.capacity() * sizeof(Node) + slots_.capacity() * 4 + lists_.capacity() * sizeof(ListRange) +
             items_.capacity() * 4;
  for (const auto& s : strings_) n += sizeof(s) + s.capacity();
  n += intern_index_.capacity() * 4;
  for (const auto& c : consts_) n += sizeof(c) + c.text.capacity();
  return n;
}

}  // namespace portalis::ast
