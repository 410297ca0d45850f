#pragma once
// The shard plan: which rank handles which file. Deterministic (depends only
// on the file list and the rank count), balanced by bytes: files sorted
// largest first, each given to the rank with the fewest bytes so far (LPT).
// Shards decide who does the work, never what the result is.
#include <cstdint>
#include <string>
#include <vector>

#include "cluster/walk.h"

namespace portalis::cluster {

struct PlanEntry {
  WalkEntry file;
  int32_t owner = 0;
};

struct ShardPlan {
  int32_t ranks = 1;
  std::vector<PlanEntry> entries;  // sorted by path: the order of the final records
  std::vector<uint64_t> rank_bytes;

  uint64_t total_bytes() const;
  // Indices into entries owned by `rank`, largest first.
  std::vector<uint32_t> shard(int32_t rank) const;
};

ShardPlan make_plan(std::vector<WalkEntry> files, int32_t ranks);

std::string encode_plan(const ShardPlan& plan);
bool decode_plan(const std::string& bytes, ShardPlan* plan);

}  // namespace portalis::cluster
