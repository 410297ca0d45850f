#include "io/metrics_h5.h"

#include <hdf5.h>
#include <unistd.h>

#include <cstdio>

#include "io/h5_table.h"

namespace portalis::io {
namespace {

using pipeline::kStageCount;
using pipeline::Stage;

std::string ns_column(size_t s) { return "ns_" + std::string(pipeline::stage_name(static_cast<Stage>(s))); }

void file_row(H5Table& t, const pipeline::FileRecord& f, std::vector<std::string>& names) {
  t.begin_row();
  t.str("path", f.path);
  t.str("module", f.module_name);
  t.i32("rank", f.rank);
  t.u64("bytes", f.bytes);
  t.u64("lines", f.lines);
  t.u64("tokens", f.tokens);
  t.u64("nodes", f.nodes);
  t.str("status", pipeline::status_name(f.status));
  t.str("failed_stage", f.failed_stage == Stage::Count ? "" : pipeline::stage_name(f.failed_stage));
  t.u32("stages_run", f.stages_run);
  t.u32("errors", f.errors);
  t.u32("warnings", f.warnings);
  t.u32("notes", f.notes);
  t.u32("functions_static", f.functions_static);
  t.u32("functions_dynamic", f.functions_dynamic);
  t.u32("stubs", f.stubs);
  t.u32("outputs", f.outputs);
  t.u64("content_hash", f.content_hash);
  t.u8("resumed", f.resumed);
  for (size_t s = 0; s < kStageCount; ++s) t.u64(names[s].c_str(), f.ns[s]);
  t.u64("ns_total", f.total_ns());
}

void rank_row(H5Table& t, const RankRecord& r, std::vector<std::string>& names) {
  t.begin_row();
  t.i32("rank", r.rank);
  t.str("host", r.host);
  t.str("device", r.device);
  t.u8("gpu_used", r.gpu_used);
  t.u64("files", r.files);
  t.u64("files_resumed", r.files_resumed);
  t.u64("bytes", r.bytes);
  t.u64("lines", r.lines);
  for (size_t s = 0; s < kStageCount; ++s) t.u64(names[s].c_str(), r.ns[s]);
  t.u64("ns_exchange", r.ns_exchange);
  t.u64("exchange_bytes", r.exchange_bytes);
  t.u64("ns_wall", r.ns_wall);
  t.u64("peak_rss_bytes", r.peak_rss_bytes);
  t.u64("ns_cpu", r.ns_cpu);
  t.str("lex_device", r.lex_device);
  t.u8("lex_gpu", r.lex_gpu);
  t.str("lex_engine", r.lex_engine);
  t.str("lex_note", r.lex_note);
  t.u64("lex_files", r.lex_files);
  t.u64("lex_scan_files", r.lex_scan_files);
  t.u64("lex_fallback_files", r.lex_fallback_files);
  t.u64("lex_bytes", r.lex_bytes);
  t.u64("lex_batches", r.lex_batches);
  t.u64("ns_lex_batch", r.ns_lex_batch);
  t.u64("ns_lex_h2d", r.ns_lex_h2d);
  t.u64("ns_lex_kernel", r.ns_lex_kernel);
  t.u64("ns_lex_d2h", r.ns_lex_d2h);
}

void diag_row(H5Table& t, uint32_t file_index, const std::string& path, const Diagnostic& d) {
  t.begin_row();
  t.u32("file_index", file_index);
  t.str("path", path);
  t.str("id", diag_name(d.id));
  t.str("category", diag_category(d.id));
  t.str("severity", severity_name(diag_severity(d.id)));
  t.u32("line", d.line);
  t.u32("column", d.column);
  t.str("message", d.message);
}

void stage_row(H5Table& t, const StageRow& s) {
  t.begin_row();
  t.str("stage", s.stage);
  t.u64("files", s.files);
  t.u64("total_ns", s.total_ns);
  t.u64("max_rank_ns", s.max_rank_ns);
  t.f64("mean_rank_ns", s.mean_rank_ns);
  t.f64("imbalance", s.imbalance);
  t.f64("mb_per_s", s.mb_per_s);
  t.f64("lines_per_s", s.lines_per_s);
}

void str_attr(hid_t obj, const char* name, const std::string& value) {
  hid_t t = H5Tcopy(H5T_C_S1);
  H5Tset_size(t, H5T_VARIABLE);
  H5Tset_cset(t, H5T_CSET_UTF8);
  hid_t sp = H5Screate(H5S_SCALAR);
  hid_t a = H5Acreate2(obj, name, t, sp, H5P_DEFAULT, H5P_DEFAULT);
  const char* p = value.c_str();
  H5Awrite(a, t, &p);
  H5Aclose(a);
  H5Sclose(sp);
  H5Tclose(t);
}

void num_attr(hid_t obj, const char* name, hid_t type, const void* v) {
  hid_t sp = H5Screate(H5S_SCALAR);
  hid_t a = H5Acreate2(obj, name, type, sp, H5P_DEFAULT, H5P_DEFAULT);
  H5Awrite(a, type, v);
  H5Aclose(a);
  H5Sclose(sp);
}

}  // namespace

std::string write_metrics_h5(const std::string& path, const Metrics& m) {
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors are returned, not printed
  hid_t file = H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (file < 0) return "cannot create " + tmp;
  std::string err;
  auto keep = [&](std::string e) {
    if (err.empty()) err = std::move(e);
  };

  hid_t run = H5Gcreate2(file, "run", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  str_attr(run, "version", m.run.version);
  str_attr(run, "command_line", m.run.command_line);
  str_attr(run, "configuration", m.run.config);
  num_attr(run, "ranks", H5T_NATIVE_INT32, &m.run.ranks);
  std::string hosts;
  for (const auto& h : m.run.hosts) hosts += (hosts.empty() ? "" : ",") + h;
  str_attr(run, "hosts", hosts);
  str_attr(run, "start_time", m.run.start_time);
  str_attr(run, "end_time", m.run.end_time);
  num_attr(run, "wall_seconds", H5T_NATIVE_DOUBLE, &m.run.wall_seconds);
  str_attr(run, "exchange", m.run.exchange);
  num_attr(run, "exchange_total_bytes", H5T_NATIVE_UINT64, &m.run.exchange_total_bytes);
  str_attr(run, "missing_stages", m.run.missing_stages);
  uint64_t n_files = m.files.size();
  num_attr(run, "files", H5T_NATIVE_UINT64, &n_files);
  H5Gclose(run);

  std::vector<std::string> ns_names;
  for (size_t s = 0; s < kStageCount; ++s) ns_names.push_back(ns_column(s));

  H5Table files;
  if (m.files.empty()) {
    file_row(files, pipeline::FileRecord{}, ns_names);
    files.clear_rows();
  }
  for (const auto& f : m.files) file_row(files, f, ns_names);
  keep(files.write(file, "files", "one row per input file, sorted by path"));

  H5Table ranks;
  if (m.ranks.empty()) {
    rank_row(ranks, RankRecord{}, ns_names);
    ranks.clear_rows();
  }
  for (const auto& r : m.ranks) rank_row(ranks, r, ns_names);
  keep(ranks.write(file, "ranks", "one row per MPI rank"));

  H5Table diags;
  diag_row(diags, 0, "", Diagnostic{});
  diags.clear_rows();
  for (size_t i = 0; i < m.files.size(); ++i)
    for (const auto& d : m.files[i].diagnostics) diag_row(diags, static_cast<uint32_t>(i), m.files[i].path, d);
  keep(diags.write(file, "diagnostics", "one row per diagnostic; file_index is the row in /files"));

  H5Table stages;
  for (const auto& s : stage_rows(m)) stage_row(stages, s);
  keep(stages.write(file, "stages", "per-stage totals over all files and ranks"));

  if (H5Fclose(file) < 0) keep("cannot close " + tmp);
  if (!err.empty()) {
    std::remove(tmp.c_str());
    return err;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return "cannot rename " + tmp + " to " + path;
  }
  return "";
}

}  // namespace portalis::io
