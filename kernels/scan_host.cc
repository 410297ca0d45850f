// The host scan engine: the GPU algorithm's phases run as loops over the same
// chunks, with sequential scans. It exists so that the algorithm is verified
// (on every stdlib file, in the test command) on machines without a GPU.
#include <chrono>

#include <algorithm>

#include "kernels/scan_engine.h"
#include "kernels/scan_lines.h"

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
  // Token-level phases (kernels/scan_lines.h), with the scans as loops.
  std::vector<uint32_t> file(ntok), nl_mark(ntok), last_nl(ntok), code_mark(ntok), last_code(ntok);
  std::vector<int32_t> delta(ntok), depth(ntok + 1);
  std::vector<uint8_t> role(ntok);
  std::vector<uint32_t> structural(ntok + 1, 0), struct_pos(ntok + 1), weight(ntok + 1, 0), out_pos(ntok + 1);
  std::vector<int8_t> pre(ntok);
  std::vector<uint32_t> col(ntok), alt(ntok);
  TokenArrays a{ntok, tb.data(), te.data(), kind.data(), flags.data(), file.data(), delta.data(), depth.data(),
                nl_mark.data(), last_nl.data(), code_mark.data(), last_code.data(), role.data(), structural.data(),
                struct_pos.data(), nullptr, pre.data(), weight.data(), out_pos.data(), col.data(), alt.data()};
  std::vector<uint32_t> first_token(v.nfiles + 1), tail(v.nfiles + 1, 0), tail_pos(v.nfiles + 1);
  std::vector<uint8_t> status(v.nfiles + 1, kFileOk), tail_bits(v.nfiles + 1), tail_dedents(v.nfiles + 1);
  FileArrays fa{first_token.data(), file_end_state.data(), status.data(), tail.data(), tail_bits.data(),
                tail_dedents.data(), tail_pos.data()};
  for (uint32_t f = 0; f <= v.nfiles; ++f) file_first_token(v, f, a, fa);
  for (uint32_t i = 0; i < ntok; ++i) token_info(v, i, a);
  int32_t dsum = 0;
  uint32_t mnl = 0, mcode = 0;
  for (uint32_t i = 0; i < ntok; ++i) {
    depth[i] = dsum;
    dsum += delta[i];
    last_nl[i] = mnl = std::max(mnl, nl_mark[i]);
    last_code[i] = mcode = std::max(mcode, code_mark[i]);
  }
  depth[ntok] = dsum;
  for (uint32_t i = 0; i < ntok; ++i) token_lines(v, i, a, fa);
  uint32_t nstruct = 0;
  for (uint32_t i = 0; i <= ntok; ++i) {
    struct_pos[i] = nstruct;
    nstruct += structural[i];
  }
  std::vector<uint32_t> struct_list(nstruct + 1);
  a.struct_list = struct_list.data();
  for (uint32_t i = 0; i < ntok; ++i) token_struct_scatter(i, a);
  for (uint32_t f = 0; f < v.nfiles; ++f) file_lines(t, v, f, a, fa);
  uint32_t total = 0;
  for (uint32_t i = 0; i <= ntok; ++i) {
    out_pos[i] = total;
    total += weight[i];
  }
  for (uint32_t f = 0; f <= v.nfiles; ++f) {
    tail_pos[f] = total;
    total += tail[f];
  }
  // tail_pos must be an exclusive sum of its own: rebase.
  for (uint32_t f = 0; f <= v.nfiles; ++f) tail_pos[f] -= out_pos[ntok];
  out->tokens.resize(total);
  out->file_offset.assign(v.nfiles + 1, 0);
  for (uint32_t i = 0; i < ntok; ++i) token_emit(v, i, a, fa, out->tokens.data());
  for (uint32_t f = 0; f <= v.nfiles; ++f) file_emit_tail(v, f, a, fa, out->tokens.data(), out->file_offset.data());
  out->file_status.assign(status.begin(), status.begin() + v.nfiles);
  out->raw_tokens = ntok;
  if (timings) {
    timings->fst = std::chrono::duration<double>(t1 - t0).count();
    timings->tokens = std::chrono::duration<double>(t2 - t1).count();
    timings->structure = seconds_since(t2);
  }
}

}  // namespace portalis::kernels
