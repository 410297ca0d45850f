#pragma once
// OUT/portalis-report.json: the metrics file's summary for scripts.
#include <string>

#include "io/metrics.h"

namespace portalis::io {

std::string report_json(const Metrics& m);

}  // namespace portalis::io
