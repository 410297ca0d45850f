#pragma once
// OUT/portalis-metrics.h5 (schema in docs/metrics.md).
#include <string>

#include "io/metrics.h"

namespace portalis::io {

// Writes to a temporary file and renames it into place. "" or an error.
std::string write_metrics_h5(const std::string& path, const Metrics& m);

}  // namespace portalis::io
