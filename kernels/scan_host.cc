// The host scan engine: the GPU algorithm's phases run as loops over the same
// chunks, with sequential scans. It exists so that the algorithm is verified
// (on every stdlib file, in the test command) on machines without a GPU.
#include <chrono>

#include "kernels/scan_engine.h"

namespace portalis::kernels {

const FstTables& fst_tables() {
  static const FstTables* t = [] {
    auto* p = new FstTables;
    build_fst_tables(p);
    return p;
  }();
  return *t;
}

namespace {
double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

void scan_batch_host(const BatchView& v, ScanResult* out, ScanTimings* timings) {
  const FstTables& t = fst_tables();
  auto t0 = std::chrono::steady_clock::now();
  const uint32_t nchunks = num_chunks(v);
  // Phases 1-2: transfer functions, composed in order (the exclusive scan).
  std::vector<uint8_t> chunk_state(nchunks);
  uint8_t state = kIdle;
  for (uint32_t c = 0; c < nchunks; ++c) {
    chunk_state[c] = state;
    state = chunk_transfer(t, v, c).to[state];
  }
  // Phases 3-4.
  std::vector<uint8_t> outb(v.n);
  std::vector<uint8_t> file_end_state(v.nfiles, kIdle);
  std::vector<uint32_t> first(nchunks);
  uint32_t ntok = 0;
  for (uint32_t c = 0; c < nchunks; ++c) {
    first[c] = ntok;
    ntok += chunk_mark(t, v, c, chunk_state[c], outb.data(), file_end_state.data());
  }
  auto t1 = std::chrono::steady_clock::now();
  // Phases 5-6.
  std::vector<uint32_t> tb(ntok), te(ntok);
  for (uint32_t c = 0; c < nchunks; ++c) chunk_compact(v, c, outb.data(), first[c], tb.data(), te.data());
  std::vector<uint8_t> kind(ntok), flags(ntok);
  for (uint32_t i = 0; i < ntok; ++i) token_classify(v, i, tb.data(), te.data(), kind.data(), flags.data());
  auto t2 = std::chrono::steady_clock::now();
  // Phases 7-8.
  std::vector<int8_t> pre(ntok);
  std::vector<FileResult> fr(v.nfiles);
  for (uint32_t f = 0; f < v.nfiles; ++f)
    file_structure(t, v, f, tb.data(), te.data(), ntok, kind.data(), pre.data(), file_end_state.data(), &fr[f]);
  out->file_offset.assign(v.nfiles + 1, 0);
  out->file_status.assign(v.nfiles, kFileOk);
  uint32_t total = 0;
  for (uint32_t f = 0; f < v.nfiles; ++f) {
    out->file_offset[f] = total;
    out->file_status[f] = fr[f].status;
    total += fr[f].out_count;
  }
  out->file_offset[v.nfiles] = total;
  out->tokens.resize(total);
  for (uint32_t f = 0; f < v.nfiles; ++f)
    file_emit(v, f, tb.data(), te.data(), kind.data(), flags.data(), pre.data(), fr[f], out->file_offset[f],
              out->tokens.data());
  out->raw_tokens = ntok;
  if (timings) {
    timings->fst = std::chrono::duration<double>(t1 - t0).count();
    timings->tokens = std::chrono::duration<double>(t2 - t1).count();
    timings->structure = seconds_since(t2);
  }
}

}  // namespace portalis::kernels
