#include "base/bytes.h"
#include "cluster/plan.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace portalis::cluster {

uint64_t ShardPlan::total_bytes() const {
  uint64_t t = 0;
  for (const auto& e : entries) t += e.file.bytes;
  return t;
}

namespace {
// Files that fail in the walk still cost a little (a record); empty files
// likewise, so that many of them spread over ranks.
uint64_t weight(const WalkEntry& e) { return e.bytes + 64; }
}  // namespace

std::vector<uint32_t> ShardPlan::shard(int32_t rank) const {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < entries.size(); ++i)
    if (entries[i].owner == rank) out.push_back(i);
  std::stable_sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) { return entries[a].file.bytes > entries[b].file.bytes; });
  return out;
}

ShardPlan make_plan(std::vector<WalkEntry> files, int32_t ranks) {
  ShardPlan plan;
  plan.ranks = std::max<int32_t>(ranks, 1);
  std::sort(files.begin(), files.end(), [](const WalkEntry& a, const WalkEntry& b) { return a.path < b.path; });
  std::vector<uint32_t> order(files.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return weight(files[a]) > weight(files[b]); });
  std::vector<uint64_t> load(static_cast<size_t>(plan.ranks), 0);
  std::vector<int32_t> owner(files.size(), 0);
  for (uint32_t i : order) {
    size_t best = static_cast<size_t>(std::min_element(load.begin(), load.end()) - load.begin());  // lowest rank on ties
    owner[i] = static_cast<int32_t>(best);
    load[best] += weight(files[i]);
  }
  plan.rank_bytes.assign(static_cast<size_t>(plan.ranks), 0);
  for (size_t i = 0; i < files.size(); ++i) {
    plan.rank_bytes[static_cast<size_t>(owner[i])] += files[i].bytes;
    plan.entries.push_back(PlanEntry{std::move(files[i]), owner[i]});
  }
  return plan;
}

namespace {
using bytes::put;
using Cursor = bytes::Reader;
inline void put_s(std::string& o, std::string_view v) { bytes::put_str(o, v); }
}  // namespace

std::string encode_plan(const ShardPlan& plan) {
  std::string o;
  put<int32_t>(o, plan.ranks);
  put<uint64_t>(o, plan.entries.size());
  for (const auto& e : plan.entries) {
    put_s(o, e.file.path);
    put_s(o, e.file.relative_path);
    put<uint64_t>(o, e.file.bytes);
    put_s(o, e.file.error);
    put<int32_t>(o, e.owner);
  }
  return o;
}

bool decode_plan(const std::string& bytes, ShardPlan* plan) {
  Cursor c{bytes};
  ShardPlan p;
  p.ranks = c.get<int32_t>();
  uint64_t n = c.get<uint64_t>();
  if (!c.ok || p.ranks < 1 || n > bytes.size()) return false;
  p.rank_bytes.assign(static_cast<size_t>(p.ranks), 0);
  for (uint64_t i = 0; i < n && c.ok; ++i) {
    PlanEntry e;
    e.file.path = c.str();
    e.file.relative_path = c.str();
    e.file.bytes = c.get<uint64_t>();
    e.file.error = c.str();
    e.owner = c.get<int32_t>();
    if (e.owner < 0 || e.owner >= p.ranks) return false;
    p.rank_bytes[static_cast<size_t>(e.owner)] += e.file.bytes;
    p.entries.push_back(std::move(e));
  }
  if (!c.ok || c.p != bytes.size()) return false;
  *plan = std::move(p);
  return true;
}

}  // namespace portalis::cluster
