#pragma once
// What rank 0 prints: the header before the job, the tables after it.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "io/metrics.h"

namespace portalis::cluster {

void print_header(std::FILE* out, const std::string& version, int ranks,
                  const std::vector<std::pair<std::string, std::string>>& host_device, size_t files, uint64_t bytes,
                  const std::string& exchange, const std::string& missing_stages, size_t journal_entries, bool resume);

void print_tables(std::FILE* out, const io::Metrics& m);

}  // namespace portalis::cluster
