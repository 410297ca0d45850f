// Unit reuse between the rounds of the mix (see lower_cache.h).
#include "lower/lower_cache.h"

#include <algorithm>

namespace portalis::lower {

namespace {

bool same_unsupported(const std::vector<Unsupported>& a, const std::vector<Unsupported>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].node != b[i].node || a[i].what != b[i].what) return false;
  return true;
}

bool same_scopes(const std::vector<std::map<std::string, Binding, std::less<>>>& a,
                 const std::vector<std::map<std::string, Binding, std::less<>>>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != b[i].size()) return false;
    for (auto x = a[i].begin(), y = b[i].begin(); x != a[i].end(); ++x, ++y)
      if (x->first != y->first || x->second.rust != y->second.rust || x->second.ty != y->second.ty ||
          x->second.form != y->second.form)
        return false;
  }
  return true;
}

}  // namespace

// The carried state is compared field by field here and snapshotted below:
// a field added to UnitCarried needs both.
bool Lowerer::unit_replay(size_t u, Ids& items) {
  if (u >= cache_->units.size() || !cache_->units[u].valid) return false;
  UnitEntry& e = cache_->units[u];
  const UnitCarried& c = e.before;
  if (c.cur != cur_ || c.cur_stmt != cur_stmt_ || c.discard_call != discard_call_ || c.tmp_counter != tmp_counter_ ||
      c.closure_depth != closure_depth_ || c.next_comment_tok != next_comment_tok_ || c.used_try != used_try_ ||
      c.cm_fn != cm_fn_ || c.gen_null != (gen_ == nullptr) || c.cm_extra_arg != cm_extra_arg_ ||
      c.loop_flags != loop_flags_.size() || c.try_loop_depth != try_loop_depth_.size() ||
      !same_unsupported(c.unsupported, unsupported_) || !same_scopes(c.scopes, scopes_) ||
      c.exception_classes != exception_classes_)
    return false;
  for (const SetRead& r : e.reads) {
    // The all-dynamic candidate reuses the mix's units that only met
    // dynamic functions: it has no dynamic set, is_dyn_fn answers true.
    if (r.set == 1 && dyn_) {
      if (r.id == kEmptyRead || !r.answer) return false;
      continue;
    }
    const LoggedSet* s = r.set == 0 ? &fallible_in_ : dyn_fns_;
    if (!s || s->answer(r.id) != r.answer) return false;
  }
  ++cache_->hits;
  items.insert(items.end(), e.items.begin(), e.items.end());
  out_.diagnostics.insert(out_.diagnostics.end(), e.diags.begin(), e.diags.end());
  out_.functions_static += e.functions_static;
  out_.functions_dynamic += e.functions_dynamic;
  out_.stubs += e.stubs;
  fallible_out.insert(e.fallible.begin(), e.fallible.end());
  static_failed_out.insert(e.failed.begin(), e.failed.end());
  force_dyn_out.insert(e.force_dyn.begin(), e.force_dyn.end());
  for (auto& [f, w] : e.why) static_fail_why[f] = w;
  const UnitCarried& a = e.after;
  cur_ = a.cur;
  cur_stmt_ = a.cur_stmt;
  discard_call_ = a.discard_call;
  tmp_counter_ = a.tmp_counter;
  closure_depth_ = a.closure_depth;
  next_comment_tok_ = a.next_comment_tok;
  used_try_ = a.used_try;
  cm_fn_ = a.cm_fn;
  cm_extra_arg_ = a.cm_extra_arg;
  unsupported_ = a.unsupported;
  scopes_ = a.scopes;
  // loop_flags_, try_loop_depth_, gen_ and exception_classes_ are balanced or
  // unchanged by a unit (compared above, equal after a replay).
  return true;
}

namespace {

void snapshot(UnitCarried& c, uint32_t cur, NodeId cur_stmt, NodeId discard_call, int tmp_counter, int closure_depth,
              uint32_t next_comment_tok, bool used_try, bool cm_fn, bool gen_null, RId cm_extra_arg, size_t loop_flags,
              size_t try_loop_depth) {
  c.cur = cur;
  c.cur_stmt = cur_stmt;
  c.discard_call = discard_call;
  c.tmp_counter = tmp_counter;
  c.closure_depth = closure_depth;
  c.next_comment_tok = next_comment_tok;
  c.used_try = used_try;
  c.cm_fn = cm_fn;
  c.gen_null = gen_null;
  c.cm_extra_arg = cm_extra_arg;
  c.loop_flags = loop_flags;
  c.try_loop_depth = try_loop_depth;
}

}  // namespace

void Lowerer::unit_open(size_t u, Ids& items) {
  ++cache_->misses;
  if (cache_->units.size() <= u) cache_->units.resize(u + 1);
  UnitEntry& e = cache_->units[u];
  e.valid = false;
  snapshot(e.before, cur_, cur_stmt_, discard_call_, tmp_counter_, closure_depth_, next_comment_tok_, used_try_, cm_fn_,
           gen_ == nullptr, cm_extra_arg_, loop_flags_.size(), try_loop_depth_.size());
  e.before.unsupported = unsupported_;
  e.before.scopes = scopes_;
  e.before.exception_classes = exception_classes_;
  e.reads.clear();
  fallible_in_.log_ = &e.reads;
  dyn_set_.log_ = &e.reads;
  e.items_from = items.size();
  e.diags_from = out_.diagnostics.size();
  e.functions_static = out_.functions_static;
  e.functions_dynamic = out_.functions_dynamic;
  e.stubs = out_.stubs;
  // The unit's own insertions land in empty sets, merged back at close.
  e.saved_fallible.clear();
  e.saved_failed.clear();
  e.saved_force_dyn.clear();
  e.saved_why.clear();
  std::swap(e.saved_fallible, fallible_out);
  std::swap(e.saved_failed, static_failed_out);
  std::swap(e.saved_force_dyn, force_dyn_out);
  std::swap(e.saved_why, static_fail_why);
}

void Lowerer::unit_close(size_t u, Ids& items) {
  UnitEntry& e = cache_->units[u];
  fallible_in_.log_ = nullptr;
  dyn_set_.log_ = nullptr;
  e.items.assign(items.begin() + static_cast<std::ptrdiff_t>(e.items_from), items.end());
  e.diags.assign(out_.diagnostics.begin() + static_cast<std::ptrdiff_t>(e.diags_from), out_.diagnostics.end());
  e.functions_static = out_.functions_static - e.functions_static;
  e.functions_dynamic = out_.functions_dynamic - e.functions_dynamic;
  e.stubs = out_.stubs - e.stubs;
  auto merge = [](std::set<uint32_t>& unit_set, std::set<uint32_t>& saved, std::set<uint32_t>& keep) {
    std::swap(saved, unit_set);  // unit_set: the saved round set; saved: the unit's
    unit_set.insert(saved.begin(), saved.end());
    keep = std::move(saved);
    saved.clear();
  };
  merge(fallible_out, e.saved_fallible, e.fallible);
  merge(static_failed_out, e.saved_failed, e.failed);
  merge(force_dyn_out, e.saved_force_dyn, e.force_dyn);
  std::swap(e.saved_why, static_fail_why);
  e.why = std::move(e.saved_why);
  for (auto& [f, w] : e.why) static_fail_why[f] = w;
  e.saved_why.clear();
  snapshot(e.after, cur_, cur_stmt_, discard_call_, tmp_counter_, closure_depth_, next_comment_tok_, used_try_, cm_fn_,
           gen_ == nullptr, cm_extra_arg_, loop_flags_.size(), try_loop_depth_.size());
  e.after.unsupported = unsupported_;
  e.after.scopes = scopes_;
  e.valid = true;
}

}  // namespace portalis::lower
