// portalis_lex_scaling: the scan lexer's self-checking test and benchmark.
// Needs nothing but the core (it runs on GPU machines without our packages).
//
//   portalis_lex_scaling check [--engine host|gpu] [--quiet] DIR|FILE...
//       Lexes every .py file (site-packages skipped) with the serial CPU lexer
//       and with the scan lexer; requires identical tokens, text, encoding,
//       line starts and diagnostics. Prints the counts; exit 1 on any mismatch.
//   portalis_lex_scaling bench [--max-mb N] [--host-max-mb N] DIR
//       Replicates the files up to 1 MB, 4 MB, ... N MB and prints throughput
//       of the serial lexer, the host scan engine and (when usable) the GPU,
//       kernel-only and end to end, plus the crossover size.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "kernels/lex_batch.h"
#include "kernels/scan_engine.h"
#include "kernels/scan_phases.h"
#include "lex/decode.h"
#include "lex/lexer.h"

namespace fs = std::filesystem;
using namespace portalis;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

void collect(const fs::path& p, std::vector<std::string>* files) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) {
    files->push_back(p.string());
    return;
  }
  fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& q = it->path();
    if (it->is_directory(ec) && q.filename() == "site-packages") {
      it.disable_recursion_pending();
      continue;
    }
    if (q.extension() == ".py" && it->is_regular_file(ec)) files->push_back(q.string());
  }
  std::sort(files->begin(), files->end());
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::string describe(const lex::TokenBuffer& b, size_t i) {
  if (i >= b.tokens.size()) return "<none>";
  const lex::Token& t = b.tokens[i];
  std::string s = std::string(lex::token_kind_name(t.kind)) + " [" + std::to_string(t.begin) + "," +
                  std::to_string(t.end) + ") flags=" + std::to_string(t.flags) + " line " +
                  std::to_string(b.line_of(t.begin)) + " '";
  std::string_view txt = t.end <= b.text.size() && t.begin <= t.end ? b.token_text(t) : "";
  s += std::string(txt.substr(0, 40)) + "'";
  return s;
}

// Empty string when equal, else what differs first.
std::string compare(const lex::TokenBuffer& a, const lex::TokenBuffer& b) {
  if (a.text != b.text) return "text differs";
  if (a.encoding != b.encoding) return "encoding " + a.encoding + " vs " + b.encoding;
  if (a.line_starts != b.line_starts) return "line starts differ";
  if (a.diagnostics.size() != b.diagnostics.size()) return "diagnostic count differs";
  size_t n = std::min(a.tokens.size(), b.tokens.size());
  for (size_t i = 0; i < n; ++i) {
    const lex::Token &x = a.tokens[i], &y = b.tokens[i];
    if (x.kind != y.kind || x.flags != y.flags || x.begin != y.begin || x.end != y.end || x.reserved != y.reserved)
      return "token " + std::to_string(i) + ": serial " + describe(a, i) + " vs scan " + describe(b, i);
  }
  if (a.tokens.size() != b.tokens.size())
    return "token count " + std::to_string(a.tokens.size()) + " vs " + std::to_string(b.tokens.size()) +
           "; first extra: serial " + describe(a, n) + " scan " + describe(b, n);
  return "";
}

int run_check(const std::vector<std::string>& args) {
  kernels::Device device = kernels::Device::Cpu;
  bool quiet = false, list_fallback = false;
  uint64_t min_scan = 0;
  kernels::BatchOptions opts;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--engine" && i + 1 < args.size()) {
      device = args[++i] == "gpu" ? kernels::Device::Gpu : kernels::Device::Cpu;
    } else if (args[i] == "--quiet") {
      quiet = true;
    } else if (args[i] == "--chunk" && i + 1 < args.size()) {
      opts.host_chunk = static_cast<uint32_t>(std::stoul(args[++i]));
    } else if (args[i] == "--min-scan" && i + 1 < args.size()) {
      min_scan = std::stoull(args[++i]);
    } else if (args[i] == "--list-fallback") {
      list_fallback = true;
    } else {
      collect(args[i], &files);
    }
  }
  if (files.empty()) {
    std::cerr << "check: no .py files found\n";
    return 2;
  }
  std::vector<std::string> data(files.size());
  for (size_t i = 0; i < files.size(); ++i)
    if (!read_file(files[i], &data[i])) std::cerr << "check: cannot read " << files[i] << "\n";
  std::vector<std::string_view> views(data.begin(), data.end());

  auto t0 = Clock::now();
  std::vector<lex::TokenBuffer> serial(files.size());
  for (size_t i = 0; i < files.size(); ++i) serial[i] = lex::lex(views[i]);
  double serial_s = since(t0);

  std::vector<lex::TokenBuffer> scan;
  kernels::BatchStats st;
  std::string err;
  auto t1 = Clock::now();
  if (!kernels::lex_batch(views, device, kernels::Engine::Scan, opts, &scan, &st, &err)) {
    std::cerr << "check: " << err << "\n";
    return 2;
  }
  double scan_s = since(t1);
  size_t same = 0, shown = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string d = compare(serial[i], scan[i]);
    if (d.empty()) {
      ++same;
    } else if (shown++ < 20) {
      std::cout << "MISMATCH " << files[i] << ": " << d << "\n";
    }
  }
  std::printf("check: engine %s on %s: %zu files, %llu bytes: identical %zu/%zu; scan path %llu, fallback to serial %llu\n",
              st.engine.c_str(), st.device.c_str(), files.size(), static_cast<unsigned long long>(st.bytes), same,
              files.size(), static_cast<unsigned long long>(st.scan_files),
              static_cast<unsigned long long>(st.fallback_files));
  if (!st.note.empty()) std::printf("check: note: %s\n", st.note.c_str());
  if (!quiet)
    std::printf("check: serial %.3f s (%.1f MB/s); scan batch %.3f s total (lex %.3f s = %.1f MB/s, h2d %.4f, kernel %.4f, d2h %.4f)\n",
                serial_s, st.bytes / 1e6 / serial_s, scan_s, st.lex_s, st.bytes / 1e6 / st.lex_s, st.h2d_s,
                st.kernel_s, st.d2h_s);
  if (list_fallback)
    for (size_t i = 0; i < files.size(); ++i)
      if (st.file_status[i] != 0)
        std::printf("fallback %s: %s\n", files[i].c_str(), kernels::kFileStatusNames[st.file_status[i]]);
  if (st.scan_files < min_scan) {
    std::printf("check: FAIL: only %llu files went through the scan path, the ratchet is %llu\n",
                static_cast<unsigned long long>(st.scan_files), static_cast<unsigned long long>(min_scan));
    return 1;
  }
  return same == files.size() ? 0 : 1;
}

struct Corpus {
  std::vector<char> buf;  // owned when not pinned
  uint8_t* data = nullptr;
  bool pinned = false;
  std::vector<uint32_t> file_begin;
  uint64_t bytes = 0;
};

int run_bench(const std::vector<std::string>& args) {
  double max_mb = 1024, host_max_mb = 64;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--max-mb" && i + 1 < args.size()) max_mb = std::stod(args[++i]);
    else if (args[i] == "--host-max-mb" && i + 1 < args.size()) host_max_mb = std::stod(args[++i]);
    else collect(args[i], &files);
  }
  if (files.empty()) {
    std::cerr << "bench: no .py files found\n";
    return 2;
  }
  // Decoded texts of the files that the scan handles (what the batch packs).
  std::vector<std::string> texts;
  uint64_t base_bytes = 0;
  for (const auto& f : files) {
    std::string raw;
    if (!read_file(f, &raw)) continue;
    texts.push_back(lex::decode_source(raw).text);
    base_bytes += texts.back().size();
  }
  kernels::GpuInfo gpu = kernels::probe_gpu();
  std::printf("bench: %zu files, %.1f MB of source; GPU: %s\n", texts.size(), base_bytes / 1e6,
              gpu.usable ? gpu.name.c_str() : ("none (" + gpu.why + ")").c_str());
  std::printf("%10s %8s | %12s | %12s | %12s %12s %9s %9s %9s\n", "MB", "files", "serial MB/s", "host-scan MB/s",
              "gpu-kern GB/s", "gpu-e2e GB/s", "h2d ms", "kern ms", "d2h ms");
  double crossover = -1;
  for (double mb = 1; mb <= max_mb * 1.0001; mb *= 4) {
    // Replicate whole files until the target size.
    const uint64_t target = static_cast<uint64_t>(mb * 1e6);
    std::vector<size_t> pick;
    uint64_t total = 0;
    for (size_t i = 0; total < target; i = (i + 1) % texts.size()) {
      pick.push_back(i);
      total += texts[i].size();
    }
    Corpus c;
    c.data = static_cast<uint8_t*>(kernels::alloc_pinned(total + 16, &c.pinned));
    c.file_begin.reserve(pick.size() + 1);
    uint64_t pos = 0;
    for (size_t i : pick) {
      c.file_begin.push_back(static_cast<uint32_t>(pos));
      std::memcpy(c.data + pos, texts[i].data(), texts[i].size());
      pos += texts[i].size();
    }
    c.file_begin.push_back(static_cast<uint32_t>(pos));
    c.bytes = pos;
    kernels::BatchView v{c.data, static_cast<uint32_t>(pos), c.file_begin.data(),
                         static_cast<uint32_t>(pick.size()), kernels::kDefaultChunk};
    // Serial lexer, one core (text already decoded, as the scan sees it).
    auto t0 = Clock::now();
    size_t sink = 0;
    for (size_t f = 0; f < pick.size(); ++f) {
      std::string one(reinterpret_cast<const char*>(c.data + c.file_begin[f]), c.file_begin[f + 1] - c.file_begin[f]);
      sink += lex::lex_utf8(std::move(one)).tokens.size();
    }
    double serial_s = since(t0);
    double host_s = -1;
    std::string host_phases;
    if (mb <= host_max_mb) {
      kernels::ScanResult r;
      kernels::ScanTimings ht;
      auto t1 = Clock::now();
      kernels::scan_batch_host(v, &r, &ht);
      host_s = since(t1);
      sink += r.tokens.size();
      host_phases = "host scan phases: fst " + std::to_string(ht.fst) + " s, tokens " + std::to_string(ht.tokens) +
                    " s, structure " + std::to_string(ht.structure) + " s";
    }
    double kern_s = -1, e2e_s = -1, h2d = 0, d2h = 0;
    std::string gpu_phases;
    if (gpu.usable) {
      kernels::ScanResult r;
      kernels::GpuTimings gt;
      std::string err;
      bool ok = kernels::scan_batch_gpu(v, &r, &gt, &err);  // warm-up (allocations, module load)
      if (ok) ok = kernels::scan_batch_gpu(v, &r, &gt, &err);
      if (ok) {
        kern_s = gt.kernel;
        e2e_s = gt.h2d + gt.kernel + gt.d2h;
        h2d = gt.h2d;
        d2h = gt.d2h;
        for (const auto& [name, sec] : gt.phases) {
          char b[96];
          std::snprintf(b, sizeof b, "%s%s %.2f", gpu_phases.empty() ? "" : ", ", name.c_str(), sec * 1e3);
          gpu_phases += b;
        }
        if (crossover < 0 && e2e_s < serial_s) crossover = mb;
      } else {
        std::printf("bench: GPU failed at %.0f MB: %s\n", mb, err.c_str());
      }
    }
    auto fmt = [](double bytes, double s, double unit) -> std::string {
      if (s <= 0) return "-";
      char b[32];
      std::snprintf(b, sizeof b, "%.2f", bytes / unit / s);
      return b;
    };
    std::printf("%10.0f %8zu | %12s | %12s | %12s %12s %9.2f %9.2f %9.2f\n", pos / 1e6, pick.size(),
                fmt(pos, serial_s, 1e6).c_str(), fmt(pos, host_s, 1e6).c_str(), fmt(pos, kern_s, 1e9).c_str(),
                fmt(pos, e2e_s, 1e9).c_str(), h2d * 1e3, kern_s > 0 ? kern_s * 1e3 : 0.0, d2h * 1e3);
    if (!host_phases.empty()) std::printf("           (%s)\n", host_phases.c_str());
    if (!gpu_phases.empty()) std::printf("           (gpu phases ms: %s)\n", gpu_phases.c_str());
    std::fflush(stdout);
    kernels::free_pinned(c.data, c.pinned);
    if (sink == 0) std::printf("(no tokens)\n");
  }
  if (gpu.usable) {
    if (crossover > 0) std::printf("bench: crossover: GPU end to end beats the serial lexer from %.0f MB up\n", crossover);
    else std::printf("bench: crossover: the serial lexer was faster at every size measured\n");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "usage: portalis_lex_scaling check [--engine host|gpu] [--quiet] [--list-fallback] [--min-scan N] [--chunk BYTES] DIR|FILE...\n"
                 "       portalis_lex_scaling bench [--max-mb N] [--host-max-mb N] DIR|FILE...\n";
    return args.empty() ? 2 : 0;
  }
  std::string cmd = args[0];
  args.erase(args.begin());
  if (cmd == "check") return run_check(args);
  if (cmd == "bench") return run_bench(args);
  std::cerr << "unknown command " << cmd << "\n";
  return 2;
}
