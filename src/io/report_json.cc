#include "io/report_json.h"

#include "io/json.h"

namespace portalis::io {

using pipeline::FileStatus;
using pipeline::kStageCount;
using pipeline::Stage;

std::string report_json(const Metrics& m) {
  JsonWriter j;
  j.begin_object();
  j.unum("schema_version", 1);
  j.begin_object("run")
      .str("version", m.run.version)
      .str("command_line", m.run.command_line)
      .str("configuration", m.run.config)
      .num("ranks", m.run.ranks);
  j.begin_array("hosts");
  for (const auto& h : m.run.hosts) j.str({}, h);
  j.end_array();
  j.str("start_time", m.run.start_time)
      .str("end_time", m.run.end_time)
      .real("wall_seconds", m.run.wall_seconds)
      .str("exchange", m.run.exchange)
      .unum("exchange_total_bytes", m.run.exchange_total_bytes)
      .str("missing_stages", m.run.missing_stages)
      .end_object();

  uint64_t bytes = 0, lines = 0, tokens = 0, nodes = 0, errors = 0, warnings = 0, notes = 0, resumed = 0;
  uint64_t by_status[3] = {0, 0, 0};
  for (const auto& f : m.files) {
    bytes += f.bytes;
    lines += f.lines;
    tokens += f.tokens;
    nodes += f.nodes;
    errors += f.errors;
    warnings += f.warnings;
    notes += f.notes;
    resumed += f.resumed;
    ++by_status[static_cast<int>(f.status)];
  }
  j.begin_object("totals")
      .unum("files", m.files.size())
      .unum("ok", by_status[0])
      .unum("partial", by_status[1])
      .unum("failed", by_status[2])
      .unum("resumed", resumed)
      .unum("bytes", bytes)
      .unum("lines", lines)
      .unum("tokens", tokens)
      .unum("nodes", nodes)
      .unum("errors", errors)
      .unum("warnings", warnings)
      .unum("notes", notes)
      .end_object();

  j.begin_array("stages");
  for (const auto& s : stage_rows(m)) {
    j.begin_object()
        .str("stage", s.stage)
        .unum("files", s.files)
        .unum("total_ns", s.total_ns)
        .unum("max_rank_ns", s.max_rank_ns)
        .real("imbalance", s.imbalance)
        .real("mb_per_s", s.mb_per_s)
        .real("lines_per_s", s.lines_per_s)
        .end_object();
  }
  j.end_array();

  j.begin_array("ranks");
  for (const auto& r : m.ranks) {
    j.begin_object()
        .num("rank", r.rank)
        .str("host", r.host)
        .str("device", r.device)
        .boolean("gpu_used", r.gpu_used)
        .unum("files", r.files)
        .unum("files_resumed", r.files_resumed)
        .unum("bytes", r.bytes)
        .unum("lines", r.lines);
    j.begin_object("ns");
    for (size_t s = 0; s < kStageCount; ++s) j.unum(pipeline::stage_name(static_cast<Stage>(s)), r.ns[s]);
    j.end_object();
    j.unum("ns_exchange", r.ns_exchange)
        .unum("exchange_bytes", r.exchange_bytes)
        .unum("ns_wall", r.ns_wall)
        .unum("peak_rss_bytes", r.peak_rss_bytes)
        .unum("ns_cpu", r.ns_cpu);
    j.begin_object("lex")
        .str("device", r.lex_device)
        .boolean("gpu", r.lex_gpu)
        .str("engine", r.lex_engine)
        .str("note", r.lex_note)
        .unum("files", r.lex_files)
        .unum("scan_files", r.lex_scan_files)
        .unum("fallback_files", r.lex_fallback_files)
        .unum("bytes", r.lex_bytes)
        .unum("batches", r.lex_batches)
        .unum("ns_batch", r.ns_lex_batch)
        .unum("ns_h2d", r.ns_lex_h2d)
        .unum("ns_kernel", r.ns_lex_kernel)
        .unum("ns_d2h", r.ns_lex_d2h)
        .end_object();
    j.end_object();
  }
  j.end_array();

  j.begin_array("files");
  for (const auto& f : m.files) {
    j.begin_object()
        .str("path", f.path)
        .str("module", f.module_name)
        .num("rank", f.rank)
        .str("status", pipeline::status_name(f.status))
        .str("failed_stage", f.failed_stage == Stage::Count ? "" : pipeline::stage_name(f.failed_stage))
        .unum("bytes", f.bytes)
        .unum("lines", f.lines)
        .unum("tokens", f.tokens)
        .unum("nodes", f.nodes)
        .unum("errors", f.errors)
        .unum("warnings", f.warnings)
        .unum("notes", f.notes)
        .unum("functions_static", f.functions_static)
        .unum("functions_dynamic", f.functions_dynamic)
        .unum("stubs", f.stubs)
        .unum("outputs", f.outputs)
        .boolean("resumed", f.resumed)
        .unum("ns_total", f.total_ns());
    j.begin_array("diagnostics");
    for (const auto& d : f.diagnostics)
      j.begin_object()
          .str("id", diag_name(d.id))
          .str("severity", severity_name(diag_severity(d.id)))
          .unum("line", d.line)
          .unum("column", d.column)
          .str("message", d.message)
          .end_object();
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return j.take();
}

}  // namespace portalis::io
