#pragma once
// Reuse of unit lowerings between the rounds of lower_module's mix: a unit
// (a class, a module function, main) is lowered again only when something it
// read changed. What it read of the round's inputs is logged (LoggedSet);
// the Lowerer state it starts from and leaves behind is compared and restored;
// what it produced (items in the shared tree, diagnostics, counts, the
// functions it found fallible or dynamic) is replayed.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lower/lower_impl.h"

namespace portalis::lower {

// The Lowerer state one unit hands to the next.
struct UnitCarried {
  uint32_t cur = 0;
  NodeId cur_stmt = kNone, discard_call = kNone;
  int tmp_counter = 0, closure_depth = 0;
  uint32_t next_comment_tok = 0;
  bool used_try = false, cm_fn = false, gen_null = true;
  RId cm_extra_arg = kNil;
  size_t loop_flags = 0, try_loop_depth = 0;
  std::vector<Unsupported> unsupported;
  std::vector<std::map<std::string, Binding, std::less<>>> scopes;
  std::set<std::string> exception_classes;
};

struct UnitEntry {
  bool valid = false;
  UnitCarried before, after;
  std::vector<SetRead> reads;
  Ids items;
  std::vector<Diagnostic> diags;
  uint32_t functions_static = 0, functions_dynamic = 0, stubs = 0;
  std::set<uint32_t> fallible, failed, force_dyn;
  std::map<uint32_t, Unsupported> why;
  // while open
  size_t items_from = 0, diags_from = 0;
  std::set<uint32_t> saved_fallible, saved_failed, saved_force_dyn;
  std::map<uint32_t, Unsupported> saved_why;
};

struct UnitCache {
  std::vector<UnitEntry> units;  // in module() order
  size_t hits = 0, misses = 0;
};

}  // namespace portalis::lower
