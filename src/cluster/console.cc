#include "cluster/console.h"

#include <map>

namespace portalis::cluster {

void print_header(std::FILE* out, const std::string& version, int ranks,
                  const std::vector<std::pair<std::string, std::string>>& host_device, size_t files, uint64_t bytes,
                  const std::string& exchange, const std::string& missing_stages, size_t journal_entries, bool resume) {
  std::map<std::string, int> hosts, devices;
  for (const auto& [h, d] : host_device) {
    ++hosts[h];
    ++devices[d];
  }
  std::string devs;
  for (const auto& [d, n] : devices) devs += (devs.empty() ? "" : ", ") + std::to_string(n) + "x " + d;
  std::fprintf(out, "portalis %s translate: %d rank%s on %zu host%s (%s), exchange %s\n", version.c_str(), ranks,
               ranks == 1 ? "" : "s", hosts.size(), hosts.size() == 1 ? "" : "s", devs.c_str(), exchange.c_str());
  std::fprintf(out, "input: %zu files, %.2f MB\n", files, double(bytes) / 1e6);
  if (resume) std::fprintf(out, "resume: %zu finished files in the journal\n", journal_entries);
  if (!missing_stages.empty())
    std::fprintf(out, "note: stages not built into this binary, skipped: %s\n", missing_stages.c_str());
}

void print_tables(std::FILE* out, const io::Metrics& m) {
  uint64_t ok = 0, partial = 0, failed = 0, resumed = 0, bytes = 0, lines = 0;
  for (const auto& f : m.files) {
    ok += f.status == pipeline::FileStatus::Ok;
    partial += f.status == pipeline::FileStatus::Partial;
    failed += f.status == pipeline::FileStatus::Failed;
    resumed += f.resumed;
    bytes += f.bytes;
    lines += f.lines;
  }
  std::fprintf(out, "\n%-8s %7s %11s %11s %9s %10s %12s\n", "stage", "files", "total s", "max rank s", "imbalance",
               "MB/s", "lines/s");
  for (const auto& s : io::stage_rows(m)) {
    if (s.files == 0) {
      std::fprintf(out, "%-8s %7s\n", s.stage.c_str(), "-");
      continue;
    }
    std::fprintf(out, "%-8s %7llu %11.3f %11.3f %9.2f %10.1f %12.0f\n", s.stage.c_str(),
                 static_cast<unsigned long long>(s.files), s.total_ns / 1e9, s.max_rank_ns / 1e9, s.imbalance, s.mb_per_s,
                 s.lines_per_s);
  }
  std::fprintf(out, "\n%4s %-16s %-20s %6s %9s %10s %11s %11s %9s %8s %8s\n", "rank", "host", "device", "files", "MB",
               "front s", "exchange ms", "translate s", "wall s", "cpu s", "peak MB");
  for (const auto& r : m.ranks) {
    using pipeline::Stage;
    auto ns = [&](Stage s) { return r.ns[static_cast<size_t>(s)]; };
    double front = (ns(Stage::Read) + ns(Stage::Lex) + ns(Stage::Parse) + ns(Stage::Index)) / 1e9;
    double back = (ns(Stage::Infer) + ns(Stage::Lower) + ns(Stage::Emit) + ns(Stage::Write)) / 1e9;
    std::fprintf(out, "%4d %-16.16s %-20.20s %6llu %9.2f %10.3f %11.3f %11.3f %9.3f %8.3f %8llu\n", r.rank, r.host.c_str(),
                 r.device.c_str(), static_cast<unsigned long long>(r.files), r.bytes / 1e6, front, r.ns_exchange / 1e6,
                 back, r.ns_wall / 1e9, r.ns_cpu / 1e9, static_cast<unsigned long long>(r.peak_rss_bytes >> 20));
  }
  // The lex stage per rank (kernels/lex_batch.h): where it ran and how.
  std::fprintf(out, "\n%4s %-20s %-9s %6s %6s %8s %9s %8s %8s %9s %8s\n", "rank", "lex device", "engine", "scan",
               "serial", "MB", "lex s", "h2d s", "kernel s", "d2h s", "MB/s");
  for (const auto& r : m.ranks) {
    const double s = r.ns_lex_batch / 1e9;
    std::fprintf(out, "%4d %-20.20s %-9.9s %6llu %6llu %8.2f %9.3f %8.3f %8.3f %9.3f %8.1f\n", r.rank, r.lex_device.c_str(),
                 r.lex_engine.c_str(), static_cast<unsigned long long>(r.lex_scan_files),
                 static_cast<unsigned long long>(r.lex_files - r.lex_scan_files), r.lex_bytes / 1e6, s, r.ns_lex_h2d / 1e9,
                 r.ns_lex_kernel / 1e9, r.ns_lex_d2h / 1e9, s > 0 ? r.lex_bytes / 1e6 / s : 0.0);
  }
  std::fprintf(out, "\nfiles: %zu (%llu ok, %llu partial, %llu failed, %llu resumed), %.2f MB, %llu lines, %.3f s wall\n",
               m.files.size(), static_cast<unsigned long long>(ok), static_cast<unsigned long long>(partial),
               static_cast<unsigned long long>(failed), static_cast<unsigned long long>(resumed), bytes / 1e6,
               static_cast<unsigned long long>(lines), m.run.wall_seconds);
  // The first failures, so a user sees why without opening the report.
  int shown = 0;
  for (const auto& f : m.files) {
    if (f.status != pipeline::FileStatus::Failed || f.diagnostics.empty()) continue;
    if (shown++ == 10) {
      std::fprintf(out, "  ... (%llu failed files in all; see portalis-report.json)\n", static_cast<unsigned long long>(failed));
      break;
    }
    for (const auto& d : f.diagnostics)
      if (diag_severity(d.id) == Severity::Error) {
        std::fprintf(out, "  %s\n", format_diagnostic(f.path, d).c_str());
        break;
      }
  }
}

}  // namespace portalis::cluster
