#include "io/metrics.h"

#include <algorithm>

namespace portalis::io {

std::vector<StageRow> stage_rows(const Metrics& m) {
  std::vector<StageRow> rows;
  for (size_t s = 0; s < pipeline::kStageCount; ++s) {
    StageRow row;
    row.stage = std::string(pipeline::stage_name(static_cast<pipeline::Stage>(s)));
    uint64_t bytes = 0, lines = 0;
    for (const auto& f : m.files) {
      if (!(f.stages_run & (1u << s))) continue;
      ++row.files;
      row.total_ns += f.ns[s];
      bytes += f.bytes;
      lines += f.lines;
    }
    double sum = 0;
    for (const auto& r : m.ranks) {
      row.max_rank_ns = std::max(row.max_rank_ns, r.ns[s]);
      sum += double(r.ns[s]);
    }
    row.mean_rank_ns = m.ranks.empty() ? 0 : sum / double(m.ranks.size());
    row.imbalance = row.mean_rank_ns > 0 ? double(row.max_rank_ns) / row.mean_rank_ns : 0;
    if (row.total_ns > 0) {
      row.mb_per_s = double(bytes) / 1e6 / (double(row.total_ns) / 1e9);
      row.lines_per_s = double(lines) / (double(row.total_ns) / 1e9);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace portalis::io
