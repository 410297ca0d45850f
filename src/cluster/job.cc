#include "cluster/job.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <ctime>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <thread>

#include "cluster/check.h"
#include "cluster/console.h"
#include "cluster/exchange.h"
#include "cluster/journal.h"
#include "cluster/plan.h"
#include "cluster/progress.h"
#include "cluster/walk.h"
#include "io/atomic_file.h"
#include "io/metrics_h5.h"
#include "io/report_json.h"
#include "kernels/lex_batch.h"
#include "kernels/scan_engine.h"
#include "pipeline/runner.h"

namespace portalis::cluster {
namespace {

using Clock = std::chrono::steady_clock;
using pipeline::FileRecord;
using pipeline::ModuleUnit;
using pipeline::Stage;

uint64_t ns_since(Clock::time_point t0) {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count());
}

std::string iso_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

uint64_t peak_rss_bytes() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<uint64_t>(ru.ru_maxrss) * 1024;
}

// CPU time next to wall time tells a slow rank from a starved one.
uint64_t cpu_ns() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto ns = [](const timeval& t) { return uint64_t(t.tv_sec) * 1000000000ull + uint64_t(t.tv_usec) * 1000ull; };
  return ns(ru.ru_utime) + ns(ru.ru_stime);
}

// Throws in the named phase on the named rank (tests of the fault path).
void maybe_fault(const JobOptions& o, const Comm& comm, const char* phase) {
  if (o.inject_fault.empty()) return;
  size_t colon = o.inject_fault.find(':');
  if (colon == std::string::npos) return;
  if (std::to_string(comm.rank()) != o.inject_fault.substr(0, colon)) return;
  // "abort" kills the rank outright in the front end, as a crash would.
  if (o.inject_fault.substr(colon + 1) == "abort" && std::string_view(phase) == "front") std::abort();
  if (o.inject_fault.substr(colon + 1) == phase) throw std::runtime_error(std::string("injected fault in ") + phase);
}

// Every rank reaches this after each phase, error or not, so no rank waits in
// a collective for one that has thrown. Rank 0 prints every failed rank's
// message; all ranks then return true together.
bool any_rank_failed(const Comm& comm, const std::string& error, const char* phase) {
  std::vector<int64_t> flags = comm.allgather(error.empty() ? 0 : 1);
  if (std::none_of(flags.begin(), flags.end(), [](int64_t f) { return f != 0; })) return false;
  std::string mine = error.empty() ? "" : "rank " + std::to_string(comm.rank()) + " on " + comm.host() + ": " + error;
  std::vector<int64_t> sizes;
  std::string all = comm.gatherv(mine, &sizes);
  if (comm.rank() == 0) {
    size_t p = 0;
    for (size_t r = 0; r < sizes.size(); ++r) {
      if (sizes[r] > 0) std::fprintf(stderr, "portalis: %s failed: %s\n", phase, all.substr(p, static_cast<size_t>(sizes[r])).c_str());
      p += static_cast<size_t>(sizes[r]);
    }
    std::fprintf(stderr, "portalis: the job stopped after the %s phase; no metrics were written\n", phase);
    std::fflush(stderr);
  }
  spdlog::error("job stopped after {}: {}", phase, error.empty() ? "another rank failed" : error);
  return true;
}

// What rank 0 broadcasts after walking: a status, a message, the plan and
// the journal entries a --resume run may reuse.
struct Setup {
  int32_t status = 0;  // 0 go, 2 bad input/options, 1 rank 0 failed
  std::string message;
  std::string plan;
  std::string journal;
  std::string warning;
};

std::string encode_setup(const Setup& s) {
  std::string o;
  auto put_s = [&](const std::string& v) {
    uint64_t n = v.size();
    o.append(reinterpret_cast<const char*>(&n), 8);
    o += v;
  };
  o.append(reinterpret_cast<const char*>(&s.status), 4);
  put_s(s.message);
  put_s(s.plan);
  put_s(s.journal);
  put_s(s.warning);
  return o;
}

Setup decode_setup(const std::string& b) {
  Setup s;
  size_t p = 0;
  auto get_s = [&]() {
    uint64_t n = 0;
    if (b.size() - p < 8) return std::string();
    std::memcpy(&n, b.data() + p, 8);
    p += 8;
    if (b.size() - p < n) return std::string();
    std::string r = b.substr(p, n);
    p += n;
    return r;
  };
  if (b.size() < 4) return Setup{1, "corrupt setup broadcast", "", "", ""};
  std::memcpy(&s.status, b.data(), 4);
  p = 4;
  s.message = get_s();
  s.plan = get_s();
  s.journal = get_s();
  s.warning = get_s();
  return s;
}

Setup plan_on_rank0(const Comm& comm, const JobOptions& o) {
  Setup s;
  if (o.sources.empty()) return Setup{2, "no sources given: portalis translate SOURCE... -o OUT", "", "", ""};
  if (o.output.empty()) return Setup{2, "no output directory given (-o OUT)", "", "", ""};
  std::vector<std::string> excludes = o.no_default_excludes ? std::vector<std::string>{} : default_excludes();
  excludes.insert(excludes.end(), o.excludes.begin(), o.excludes.end());
  WalkResult walk = walk_sources(o.sources, excludes);
  if (!walk.missing.empty()) {
    std::string m;
    for (const auto& p : walk.missing) m += (m.empty() ? "" : ", ") + p;
    return Setup{2, "no such file or directory: " + m, "", "", ""};
  }
  if (walk.entries.empty()) {
    std::string m;
    for (const auto& p : o.sources) m += (m.empty() ? "" : ", ") + p;
    return Setup{2, "no Python files found in " + m + " (" + std::to_string(walk.skipped_excluded) + " entries excluded)", "",
                 "", ""};
  }
  if (std::string err = io::ensure_writable_dir(o.output); !err.empty()) return Setup{2, err, "", "", ""};
  if (std::string err = io::ensure_writable_dir(o.output + "/logs"); !err.empty()) return Setup{2, err, "", "", ""};
  const std::string jdir = journal_dir(o.output);
  if (o.resume) s.journal = encode_entries(load_journals(jdir));
  // Fresh journals for this run; entries a resumed run reuses are written again.
  clear_journals(jdir);
  size_t n = walk.entries.size();
  if (static_cast<size_t>(comm.size()) > n)
    s.warning = "more ranks (" + std::to_string(comm.size()) + ") than files (" + std::to_string(n) + "): ranks " +
                std::to_string(n) + ".." + std::to_string(comm.size() - 1) + " have nothing to do";
  s.plan = encode_plan(make_plan(std::move(walk.entries), comm.size()));
  return s;
}

std::shared_ptr<spdlog::logger> open_log(const JobOptions& o, const Comm& comm) {
  std::string path = o.output + "/logs/rank-" + std::to_string(comm.rank()) + ".log";
  auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(path, /*truncate=*/!o.resume);
  auto log = std::make_shared<spdlog::logger>("rank-" + std::to_string(comm.rank()), sink);
  log->set_pattern("%Y-%m-%dT%H:%M:%S.%e [%l] " + where_am_i() + ": %v");
  log->set_level(spdlog::level::from_str(o.log_level));
  log->flush_on(spdlog::level::info);
  return log;
}

bool outputs_unchanged(const std::string& out_dir, const JournalEntry& e) {
  for (const auto& [path, hash] : e.outputs) {
    std::string data;
    if (!io::read_whole_file(out_dir + "/" + path, &data) || pipeline::content_hash(data) != hash) return false;
  }
  return true;
}

// The binary itself (size and modification time): a rebuilt translator
// must not reuse what an older one wrote.
std::string build_identity(const JobOptions& o) {
  struct stat st {};
  std::string id = o.version + "|" + pipeline::missing_stages();
  if (::stat("/proc/self/exe", &st) == 0)
    id += "|" + std::to_string(st.st_size) + "|" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
  return id;
}

// What a file's translation depends on besides its own bytes: every summary,
// and the build (a binary with more stages, or a newer translator, redoes it).
uint64_t index_digest(std::vector<std::string> blobs, const std::string& build) {
  std::sort(blobs.begin(), blobs.end());
  uint64_t h = pipeline::content_hash(build);
  for (const auto& b : blobs) h = h * 1099511628211ull ^ pipeline::content_hash(b);
  return h;
}

struct Unit {
  uint32_t plan_index;
  ModuleUnit module;
  const JournalEntry* candidate = nullptr;  // journal entry with the same content hash
};

void encode_rank(const io::RankRecord& r, std::string& o) {
  auto put = [&](const void* p, size_t n) { o.append(static_cast<const char*>(p), n); };
  auto put_s = [&](const std::string& s) {
    uint32_t n = static_cast<uint32_t>(s.size());
    put(&n, 4);
    o += s;
  };
  put(&r.rank, 4);
  put_s(r.host);
  put_s(r.device);
  uint8_t g = r.gpu_used;
  put(&g, 1);
  for (uint64_t v : {r.files, r.bytes, r.lines, r.files_resumed, r.ns_exchange, r.exchange_bytes, r.ns_wall, r.peak_rss_bytes, r.ns_cpu})
    put(&v, 8);
  put(r.ns.data(), sizeof(uint64_t) * r.ns.size());
  put_s(r.lex_device);
  put_s(r.lex_note);
  put_s(r.lex_engine);
  uint8_t lg = r.lex_gpu;
  put(&lg, 1);
  for (uint64_t v : {r.lex_files, r.lex_scan_files, r.lex_fallback_files, r.lex_bytes, r.lex_batches, r.ns_lex_batch,
                     r.ns_lex_h2d, r.ns_lex_kernel, r.ns_lex_d2h})
    put(&v, 8);
}

io::RankRecord decode_rank(std::string_view s) {
  io::RankRecord r;
  size_t p = 0;
  auto get = [&](void* dst, size_t n) {
    if (s.size() - p < n) throw std::runtime_error("corrupt rank record");
    std::memcpy(dst, s.data() + p, n);
    p += n;
  };
  auto get_s = [&]() {
    uint32_t n;
    get(&n, 4);
    std::string v(n, '\0');
    get(v.data(), n);
    return v;
  };
  get(&r.rank, 4);
  r.host = get_s();
  r.device = get_s();
  uint8_t g;
  get(&g, 1);
  r.gpu_used = g;
  for (uint64_t* v : {&r.files, &r.bytes, &r.lines, &r.files_resumed, &r.ns_exchange, &r.exchange_bytes, &r.ns_wall, &r.peak_rss_bytes, &r.ns_cpu})
    get(v, 8);
  get(r.ns.data(), sizeof(uint64_t) * r.ns.size());
  r.lex_device = get_s();
  r.lex_note = get_s();
  r.lex_engine = get_s();
  uint8_t lg;
  get(&lg, 1);
  r.lex_gpu = lg;
  for (uint64_t* v : {&r.lex_files, &r.lex_scan_files, &r.lex_fallback_files, &r.lex_bytes, &r.lex_batches,
                      &r.ns_lex_batch, &r.ns_lex_h2d, &r.ns_lex_kernel, &r.ns_lex_d2h})
    get(v, 8);
  return r;
}

}  // namespace

int run_job(const Comm& comm, const JobOptions& o) {
  const auto t_start = Clock::now();
  const std::string start_time = iso_now();
  const bool root = comm.rank() == 0;
  bool mode_ok = true;
  const ProgressMode mode = parse_progress_mode(o.progress, &mode_ok);

  // ---- walk and plan on rank 0, broadcast -------------------------------
  std::string setup_bytes;
  if (root) {
    Setup s;
    try {
      kernels::Device d;
      kernels::Engine e;
      if (!mode_ok) {
        s = Setup{2, "--progress must be auto, tty, plain or off", "", "", ""};
      } else if (!kernels::parse_device(o.device, &d)) {
        s = Setup{2, "--device must be auto, cpu or gpu", "", "", ""};
      } else if (!kernels::parse_engine(o.lex_engine, &e)) {
        s = Setup{2, "--lex-engine must be serial or scan", "", "", ""};
      } else if (o.lex_batch_mb == 0) {
        s = Setup{2, "--lex-batch-mb must be at least 1", "", "", ""};
      } else {
        maybe_fault(o, comm, "walk");
        s = plan_on_rank0(comm, o);
      }
    } catch (const std::exception& e) {
      s = Setup{1, std::string("rank 0 failed while walking the sources: ") + e.what(), "", "", ""};
    }
    setup_bytes = encode_setup(s);
  }
  comm.bcast(setup_bytes);
  Setup setup = decode_setup(setup_bytes);
  if (setup.status != 0) {
    if (root) std::fprintf(stderr, "portalis translate: %s\n", setup.message.c_str());
    return setup.status;
  }
  ShardPlan plan;
  if (!decode_plan(setup.plan, &plan)) {
    if (root) std::fprintf(stderr, "portalis translate: corrupt shard plan\n");
    return 1;
  }
  std::map<std::string, JournalEntry> journal_in = decode_entries(setup.journal);
  setup.journal.clear();

  auto log = open_log(o, comm);
  spdlog::set_default_logger(log);
  DeviceInfo dev = select_device(comm);
  // The lex stage's device: probed once per rank so that --device gpu fails
  // up front (exit 2, on every rank) and auto records why it chose the CPU.
  kernels::Device lex_device = kernels::Device::Auto;
  kernels::Engine lex_engine = kernels::Engine::Serial;
  kernels::parse_device(o.device, &lex_device);  // validated by rank 0 above
  kernels::parse_engine(o.lex_engine, &lex_engine);
  io::RankRecord me;
  {
    std::string lex_error;
    if (lex_device == kernels::Device::Cpu) {
      me.lex_device = "cpu";
    } else {
      kernels::GpuInfo g = kernels::probe_gpu();
      if (g.usable) {
        me.lex_device = "gpu: " + g.name;
      } else {
        me.lex_device = "cpu";
        me.lex_note = "auto chose the CPU: " + g.why;
        if (lex_device == kernels::Device::Gpu) lex_error = "--device gpu: no usable GPU on " + comm.host() + " (" + g.why + ")";
      }
    }
    // What the batches will report (kept when this rank lexes nothing).
    me.lex_engine = me.lex_device != "cpu" ? "scan-gpu" : lex_engine == kernels::Engine::Scan ? "scan-host" : "serial";
    std::vector<int64_t> flags = comm.allgather(lex_error.empty() ? 0 : 1);
    if (std::any_of(flags.begin(), flags.end(), [](int64_t f) { return f != 0; })) {
      std::vector<int64_t> sizes;
      std::string all = comm.gatherv(lex_error.empty() ? "" : "rank " + std::to_string(comm.rank()) + ": " + lex_error, &sizes);
      if (root) {
        size_t p = 0;
        for (int64_t n : sizes) {
          if (n > 0) std::fprintf(stderr, "portalis translate: %s\n", all.substr(p, static_cast<size_t>(n)).c_str());
          p += static_cast<size_t>(n);
        }
        std::fflush(stderr);
      }
      return 2;
    }
  }
  std::string exchange_error;
  auto exchange = make_exchange(comm, o.exchange, dev, &exchange_error);
  if (!exchange) {
    if (root) std::fprintf(stderr, "portalis translate: %s\n", exchange_error.c_str());
    return 2;
  }

  // Hosts and devices of every rank, for the header and the metrics.
  std::vector<int64_t> id_sizes;
  std::string ids = comm.allgatherv(comm.host() + "\t" + dev.name, &id_sizes);
  std::vector<std::pair<std::string, std::string>> rank_ids;
  for (size_t r = 0, p = 0; r < id_sizes.size(); p += static_cast<size_t>(id_sizes[r]), ++r) {
    std::string one = ids.substr(p, static_cast<size_t>(id_sizes[r]));
    size_t tab = one.find('\t');
    rank_ids.emplace_back(one.substr(0, tab), one.substr(tab + 1));
  }
  if (root) {
    print_header(stdout, o.version, comm.size(), rank_ids, plan.entries.size(), plan.total_bytes(), exchange->name(),
                 pipeline::missing_stages(), journal_in.size(), o.resume);
    if (!setup.warning.empty()) std::fprintf(stdout, "note: %s\n", setup.warning.c_str());
    std::fflush(stdout);
  }
  const std::vector<uint32_t> shard = plan.shard(comm.rank());
  log->info("start: {} of {} files ({} bytes), exchange {}, device {}", shard.size(), plan.entries.size(),
            plan.rank_bytes[static_cast<size_t>(comm.rank())], exchange->name(), dev.name);

  me.rank = comm.rank();
  me.host = comm.host();
  me.device = dev.name;
  me.gpu_used = dev.has_gpu && std::string(exchange->name()) == "nccl-allgather";

  JournalWriter journal;
  std::vector<Unit> units;
  std::string error;

  // ---- front end: read -> lex -> parse -> index ---------------------------
  {
    Progress progress(comm, 1, "front-end", plan.entries.size(), plan.total_bytes(), mode);
    try {
      if (std::string err = journal.open(journal_path(o.output, comm.rank())); !err.empty()) throw std::runtime_error(err);
      maybe_fault(o, comm, "front");
      uint64_t done = 0, bytes = 0;
      kernels::BatchOptions batch_options;
      batch_options.max_batch_bytes = o.lex_batch_mb << 20;
      // Files are read until a batch is full, lexed together (GPU or host
      // scan, or the serial lexer), then parsed and indexed one by one.
      std::vector<Unit> batch;
      uint64_t batch_bytes = 0;
      auto flush = [&]() {
        std::vector<size_t> which;
        std::vector<std::string_view> sources;
        uint64_t total = 0;
        for (size_t k = 0; k < batch.size(); ++k) {
          const ModuleUnit& m = batch[k].module;
          if (batch[k].candidate || m.record.status == pipeline::FileStatus::Failed) continue;
          which.push_back(k);
          sources.emplace_back(m.bytes);
          total += m.bytes.size();
        }
        if (!sources.empty()) {
          std::vector<lex::TokenBuffer> tokens;
          kernels::BatchStats st;
          std::string lex_error;
          auto t0 = Clock::now();
          if (!kernels::lex_batch(sources, lex_device, lex_engine, batch_options, &tokens, &st, &lex_error))
            throw std::runtime_error(lex_error);
          const uint64_t ns = ns_since(t0);
          me.lex_device = st.device;
          if (!st.note.empty()) me.lex_note = st.note;
          me.lex_engine = st.engine;
          me.lex_gpu = me.lex_gpu || st.engine == "scan-gpu";
          me.lex_files += st.files;
          me.lex_scan_files += st.scan_files;
          me.lex_fallback_files += st.fallback_files;
          me.lex_bytes += st.bytes;
          me.lex_batches += std::max<uint64_t>(st.batches, 1);
          me.ns_lex_batch += ns;
          me.ns_lex_h2d += static_cast<uint64_t>(st.h2d_s * 1e9);
          me.ns_lex_kernel += static_cast<uint64_t>(st.kernel_s * 1e9);
          me.ns_lex_d2h += static_cast<uint64_t>(st.d2h_s * 1e9);
          // The batch's time goes to its files by bytes (empty files: evenly).
          for (size_t j = 0; j < which.size(); ++j) {
            const uint64_t share = total ? static_cast<uint64_t>(double(ns) * double(sources[j].size()) / double(total))
                                         : ns / which.size();
            pipeline::set_tokens(batch[which[j]].module, std::move(tokens[j]), share);
          }
        }
        for (Unit& u : batch) {
          if (!u.candidate) pipeline::front_stages(u.module);
          const WalkEntry& w = plan.entries[u.plan_index].file;
          log->debug("front {} {} {} bytes", w.path, pipeline::status_name(u.module.record.status), u.module.record.bytes);
          bytes += w.bytes;
          units.push_back(std::move(u));
          progress.update(++done, bytes);
        }
        batch.clear();
        batch_bytes = 0;
      };
      for (uint32_t i : shard) {
        const WalkEntry& w = plan.entries[i].file;
        Unit u{i, pipeline::read_stage({w.path, w.relative_path, w.error}, o.max_file_mb << 20), nullptr};
        auto it = journal_in.find(w.path);
        if (it != journal_in.end() && u.module.record.status != pipeline::FileStatus::Failed &&
            it->second.content_hash == u.module.record.content_hash) {
          // Unchanged since the journaled run: its summary stands in for the front end.
          u.candidate = &it->second;
          u.module.summary_blob = it->second.summary_blob;
          std::string().swap(u.module.bytes);
        }
        batch_bytes += u.module.bytes.size();
        batch.push_back(std::move(u));
        if (batch_bytes >= batch_options.max_batch_bytes) flush();
      }
      flush();
      me.gpu_used = me.gpu_used || me.lex_gpu;
      log->info("lex: device {}, gpu {}, engine {}, {} files ({} scan, {} fallback), {} bytes in {} batches, "
                "{:.3f} s (h2d {:.3f} s, kernel {:.3f} s, d2h {:.3f} s){}{}",
                me.lex_device, me.lex_gpu ? "yes" : "no", me.lex_engine, me.lex_files,
                me.lex_scan_files, me.lex_fallback_files, me.lex_bytes, me.lex_batches, me.ns_lex_batch / 1e9,
                me.ns_lex_h2d / 1e9, me.ns_lex_kernel / 1e9, me.ns_lex_d2h / 1e9, me.lex_note.empty() ? "" : "; ",
                me.lex_note);
    } catch (const std::exception& e) {
      error = e.what();
    }
    progress.finish();
  }
  if (any_rank_failed(comm, error, "front-end")) return 1;

  // ---- exchange: every rank gets every summary ----------------------------
  index::GlobalIndex global;
  uint64_t digest = 0;
  {
    std::vector<std::string> mine;
    for (const Unit& u : units)
      if (!u.module.summary_blob.empty()) mine.push_back(u.module.summary_blob);
    // The barrier keeps the wait for the slowest rank's front end out of
    // the exchange's own time (it shows in the stage imbalance instead).
    comm.barrier();
    auto t0 = Clock::now();
    std::vector<std::string> all = exchange->allgather(mine);
    me.ns_exchange = ns_since(t0);
    me.exchange_bytes = exchange->bytes_received();
    try {
      maybe_fault(o, comm, "exchange");
      // Sorted, so that which summary wins a duplicate name does not depend on ranks.
      std::sort(all.begin(), all.end());
      for (const auto& blob : all) {
        Diagnostic d;
        if (auto s = index::deserialize(blob, &d)) global.add(std::move(*s));
        else log->warn("dropped a summary: {}", d.message);
      }
      digest = index_digest(std::move(all), build_identity(o));
      log->info("exchange: {} summaries, {} bytes received, {} ms", global.modules().size(), me.exchange_bytes,
                me.ns_exchange / 1e6);
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  if (any_rank_failed(comm, error, "exchange")) return 1;

  // ---- translate and write ------------------------------------------------
  std::vector<FileRecord> records;
  {
    Progress progress(comm, 2, "translate", plan.entries.size(), plan.total_bytes(), mode);
    try {
      maybe_fault(o, comm, "translate");
      const auto tplan = pipeline::plan_translation(global);
      uint64_t done = 0, bytes = 0;
      for (Unit& u : units) {
        const WalkEntry& w = plan.entries[u.plan_index].file;
        FileRecord rec;
        if (u.candidate && u.candidate->index_digest == digest && outputs_unchanged(o.output, *u.candidate)) {
          rec = u.candidate->record;
          rec.resumed = true;
          journal.append(*u.candidate);
        } else {
          if (u.candidate) {  // changed context: redo the front end it skipped
            u.module = pipeline::read_stage({w.path, w.relative_path, w.error}, o.max_file_mb << 20);
            pipeline::front_stages(u.module);
          }
          pipeline::TranslateResult tr = pipeline::translate_stage(u.module, global, *tplan);
          FileRecord& r = u.module.record;
          JournalEntry entry;
          auto t0 = Clock::now();
          for (const auto& f : tr.files) {
            std::string err = io::write_file_atomic(o.output + "/" + f.path, f.contents);
            if (!err.empty()) {
              r.add_diagnostic(Diagnostic{DiagId::IoError, 0, 0, err});
              r.status = pipeline::FileStatus::Failed;
              if (r.failed_stage == Stage::Count) r.failed_stage = Stage::Write;
              continue;
            }
            entry.outputs.emplace_back(f.path, pipeline::content_hash(f.contents));
            ++r.outputs;
          }
          if (tr.ran) {  // nothing to write without a translator
            r.ns[static_cast<size_t>(Stage::Write)] += ns_since(t0);
            r.stages_run |= 1u << static_cast<unsigned>(Stage::Write);
          }
          if (o.delay_per_file_ms) std::this_thread::sleep_for(std::chrono::milliseconds(o.delay_per_file_ms));
          entry.path = w.path;
          entry.content_hash = r.content_hash;
          entry.index_digest = digest;
          entry.summary_blob = u.module.summary_blob;
          entry.record = r;
          if (r.status != pipeline::FileStatus::Failed || r.failed_stage != Stage::Read) journal.append(entry);
          rec = std::move(r);
        }
        rec.rank = comm.rank();
        log->debug("done {} {} outputs={}{}", rec.path, pipeline::status_name(rec.status), rec.outputs,
                   rec.resumed ? " (resumed)" : "");
        for (const auto& d : rec.diagnostics)
          if (diag_severity(d.id) == Severity::Error) log->info("{}", format_diagnostic(rec.path, d));
        me.files += 1;
        me.files_resumed += rec.resumed;
        me.bytes += rec.bytes;
        me.lines += rec.lines;
        for (size_t s = 0; s < pipeline::kStageCount; ++s) me.ns[s] += rec.ns[s];
        bytes += w.bytes;
        records.push_back(std::move(rec));
        progress.update(++done, bytes);
      }
      units.clear();
      if (root) {
        // The manifests depend on the index alone, which every rank holds.
        for (const auto& f : pipeline::workspace_stage(global, o.runtime_path))
          if (std::string err = io::write_file_atomic(o.output + "/" + f.path, f.contents); !err.empty())
            throw std::runtime_error(err);
      }
    } catch (const std::exception& e) {
      error = e.what();
    }
    progress.finish();
  }
  if (any_rank_failed(comm, error, "translate")) return 1;

  // ---- gather records to rank 0 -------------------------------------------
  me.ns_wall = ns_since(t_start);
  me.peak_rss_bytes = peak_rss_bytes();
  me.ns_cpu = cpu_ns();
  std::string my_records;
  for (const auto& r : records) pipeline::encode_record(r, my_records);
  std::string all_records = comm.gatherv(my_records);
  std::string my_rank;
  encode_rank(me, my_rank);
  std::vector<int64_t> rank_sizes;
  std::string all_ranks = comm.gatherv(my_rank, &rank_sizes);
  const uint64_t exchange_total = static_cast<uint64_t>(comm.allreduce_sum(static_cast<int64_t>(me.exchange_bytes)));
  log->info("finished: {} files, {} resumed, wall {:.3f} s, peak rss {} MB", me.files, me.files_resumed, me.ns_wall / 1e9,
            me.peak_rss_bytes >> 20);
  if (!root) return 0;

  io::Metrics m;
  try {
    size_t p = 0;
    while (p < all_records.size()) {
      auto r = pipeline::decode_record(all_records, &p);
      if (!r) throw std::runtime_error("corrupt file records in the gather");
      m.files.push_back(std::move(*r));
    }
    std::sort(m.files.begin(), m.files.end(), [](const FileRecord& a, const FileRecord& b) { return a.path < b.path; });
    for (size_t r = 0, q = 0; r < rank_sizes.size(); q += static_cast<size_t>(rank_sizes[r]), ++r)
      m.ranks.push_back(decode_rank(std::string_view(all_ranks).substr(q, static_cast<size_t>(rank_sizes[r]))));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "portalis translate: %s\n", e.what());
    return 1;
  }
  m.run.version = o.version;
  m.run.command_line = o.command_line;
  m.run.config = o.config_text;
  m.run.ranks = comm.size();
  std::set<std::string> hosts;
  for (const auto& r : m.ranks) hosts.insert(r.host);
  m.run.hosts.assign(hosts.begin(), hosts.end());
  m.run.start_time = start_time;
  m.run.end_time = iso_now();
  m.run.wall_seconds = ns_since(t_start) / 1e9;
  m.run.exchange = exchange->name();
  m.run.exchange_total_bytes = exchange_total;
  m.run.missing_stages = pipeline::missing_stages();

  int status = 0;
  const std::string h5 = o.output + "/portalis-metrics.h5";
  if (std::string err = io::write_metrics_h5(h5, m); !err.empty()) {
    std::fprintf(stderr, "portalis translate: cannot write %s: %s\n", h5.c_str(), err.c_str());
    status = 1;
  }
  const std::string json = o.output + "/portalis-report.json";
  if (std::string err = io::write_file_atomic(json, io::report_json(m)); !err.empty()) {
    std::fprintf(stderr, "portalis translate: %s\n", err.c_str());
    status = 1;
  }
  print_tables(stdout, m);
  std::fprintf(stdout, "wrote %s, %s and %s/logs/rank-*.log\n", h5.c_str(), json.c_str(), o.output.c_str());
  std::fflush(stdout);
  return status;
}

}  // namespace portalis::cluster
