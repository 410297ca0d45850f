#pragma once
// Static types of the translator: interned, 32-bit ids. Dyn is the runtime's
// dynamic Value, the fallback where no static type can be found.
#include <cstdint>
#include <string>
#include <vector>

namespace portalis::sema {

enum class TyKind : uint8_t { Unknown, Int, Float, Bool, Str, None, List, Tuple, Dict, Set, Class, Func, Range, Dyn, Iter,
                            BigInt,    // an int that may outgrow i64: the runtime's Int
                            Optional,  // T | None: args [T] (Rust Option<T>)
                            Exc,       // a caught exception (`except E as e`): rt PyException
                            Num,       // int | float known only at run time: rt::num::Num (types_num.cc)
                            FrozenSet,   // frozenset: args [elem] (rt::frozenset::FrozenSet)
                            TransTable };  // what str.maketrans returns (rt::pystr::TransTable)

using TypeId = uint32_t;

struct TypeRec {
  TyKind kind = TyKind::Unknown;
  std::vector<TypeId> args;  // List/Set/Iter: [elem]; Dict: [key, value]; Tuple: elements
  uint32_t cls = 0;          // Class: index into TypedModule::classes; Func: function index
};

class Types {
 public:
  Types();
  TypeId intern(const TypeRec& r);
  TypeId list(TypeId elem) { return intern({TyKind::List, {elem}, 0}); }
  TypeId set(TypeId elem) { return intern({TyKind::Set, {elem}, 0}); }
  TypeId iter(TypeId elem) { return intern({TyKind::Iter, {elem}, 0}); }
  TypeId dict(TypeId k, TypeId v) { return intern({TyKind::Dict, {k, v}, 0}); }
  TypeId tuple(std::vector<TypeId> elts) { return intern({TyKind::Tuple, std::move(elts), 0}); }
  TypeId cls(uint32_t index) { return intern({TyKind::Class, {}, index}); }
  // An int that may outgrow i64 (sema/infer_int.cc): the runtime's Int.
  TypeId bigint() { return intern({TyKind::BigInt, {}, 0}); }
  TypeId optional(TypeId t);  // T | None (None, Optional, Dyn and Unknown stay as they are)
  TypeId exc() { return intern({TyKind::Exc, {}, 0}); }
  TypeId num() { return intern({TyKind::Num, {}, 0}); }  // int | float (sema/types_num.cc)
  TypeId join_num(TypeId a, TypeId b);  // kUnknown when neither side is a number of the other kind
  const TypeRec& get(TypeId id) const { return recs_[id]; }
  TyKind kind(TypeId id) const { return recs_[id].kind; }
  TypeId elem(TypeId id) const { return recs_[id].args.empty() ? kUnknown : recs_[id].args[0]; }
  // Least upper bound; Int joins Float as Num (int | float); otherwise mismatch is Dyn.
  TypeId join(TypeId a, TypeId b);
  TypeId join_optional(TypeId a, TypeId b);  // one side None or Optional
  bool widens_to_optional(TypeId from, TypeId to) const;  // `to` is `from` with parts made Optional
  bool is_copy(TypeId id) const;
  bool has_unknown(TypeId id) const;
  bool has_dyn(TypeId id) const;
  std::string name(TypeId id) const;  // Python spelling, for diagnostics and tests
  // By class index: its base class or -1 (sema fills it), for joins of
  // instances of one hierarchy (infer_inherit.cc).
  std::vector<int> class_base;
  TypeId join_class(TypeId a, TypeId b);

  static constexpr TypeId kUnknown = 0, kInt = 1, kFloat = 2, kBool = 3, kStr = 4, kNone = 5, kDyn = 6, kRange = 7;

 private:
  std::vector<TypeRec> recs_;
};

}  // namespace portalis::sema
