// Reads OUT/portalis-metrics.h5 back with the HDF5 API and prints what the
// job tests compare against their input: row counts, sums and attributes, as
// one JSON object.
#include <cstdio>
#include <numeric>
#include <string>

#include "io/h5_table.h"
#include "io/json.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: portalis_h5_check FILE.h5\n");
    return 2;
  }
  portalis::io::H5Reader h(argv[1]);
  if (!h.ok()) {
    std::fprintf(stderr, "cannot open %s\n", argv[1]);
    return 1;
  }
  auto sum = [](const std::vector<uint64_t>& v) { return std::accumulate(v.begin(), v.end(), uint64_t{0}); };
  portalis::io::JsonWriter j;
  j.begin_object()
      .num("files_rows", h.rows("/files"))
      .num("ranks_rows", h.rows("/ranks"))
      .num("diagnostics_rows", h.rows("/diagnostics"))
      .num("stages_rows", h.rows("/stages"))
      .unum("bytes", sum(h.u64_column("/files", "bytes")))
      .unum("lines", sum(h.u64_column("/files", "lines")))
      .unum("errors", sum(h.u64_column("/files", "errors")))
      .unum("rank_files", sum(h.u64_column("/ranks", "files")))
      .num("attr_ranks", h.int_attr("/run", "ranks"))
      .str("attr_version", h.str_attr("/run", "version"))
      .str("attr_command_line", h.str_attr("/run", "command_line"))
      .str("attr_start_time", h.str_attr("/run", "start_time"))
      .str("attr_end_time", h.str_attr("/run", "end_time"))
      .str("attr_hosts", h.str_attr("/run", "hosts"));
  j.begin_array("paths");
  for (const auto& p : h.str_column("/files", "path")) j.str({}, p);
  j.end_array();
  // The lex stage's per-rank columns, as read back (one entry per rank).
  j.begin_array("rank_columns");
  for (const auto& c : h.columns("/ranks")) j.str({}, c);
  j.end_array();
  for (const char* c : {"lex_device", "lex_engine", "lex_note"}) {
    j.begin_array(c);
    for (const auto& v : h.str_column("/ranks", c)) j.str({}, v);
    j.end_array();
  }
  for (const char* c : {"lex_gpu", "lex_files", "lex_scan_files", "lex_fallback_files", "lex_bytes", "lex_batches",
                        "ns_lex_batch", "ns_lex_h2d", "ns_lex_kernel", "ns_lex_d2h", "ns_lex", "bytes"}) {
    j.begin_array((std::string("ranks_") + c).c_str());
    for (uint64_t v : h.u64_column("/ranks", c)) j.unum({}, v);
    j.end_array();
  }
  j.begin_array("stages");
  for (const auto& p : h.str_column("/stages", "stage")) j.str({}, p);
  j.end_array();
  j.end_object();
  std::fputs(j.take().c_str(), stdout);
  return 0;
}
