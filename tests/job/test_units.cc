// Pieces of the job that need no MPI: records, walk, shard plan, journal,
// JSON, atomic writes and the HDF5 writer read back with the HDF5 API.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "cluster/journal.h"
#include "cluster/plan.h"
#include "cluster/walk.h"
#include "io/atomic_file.h"
#include "io/h5_table.h"
#include "io/json.h"
#include "io/metrics_h5.h"
#include "io/report_json.h"
#include "pipeline/record.h"
#include "pipeline/runner.h"

namespace fs = std::filesystem;
using namespace portalis;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/portalis-job-test-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& rel, const std::string& text) const {
    fs::path p = path / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

pipeline::FileRecord sample_record(int i) {
  pipeline::FileRecord r;
  r.path = "dir/file" + std::to_string(i) + ".py";
  r.module_name = "dir.file" + std::to_string(i);
  r.rank = i % 3;
  r.bytes = 100 + i;
  r.lines = 10 + i;
  r.tokens = 50;
  r.nodes = 70;
  r.status = i % 2 ? pipeline::FileStatus::Failed : pipeline::FileStatus::Ok;
  r.failed_stage = i % 2 ? pipeline::Stage::Parse : pipeline::Stage::Count;
  r.ns[1] = 1234;
  r.content_hash = 42 + i;
  if (i % 2) r.add_diagnostic(Diagnostic{DiagId::SyntaxError, 3, 4, "invalid \"syntax\"\n"});
  return r;
}

TEST(Record, EncodeDecodeRoundTrip) {
  std::string buf;
  for (int i = 0; i < 5; ++i) pipeline::encode_record(sample_record(i), buf);
  size_t pos = 0;
  for (int i = 0; i < 5; ++i) {
    auto r = pipeline::decode_record(buf, &pos);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->path, sample_record(i).path);
    EXPECT_EQ(r->errors, i % 2 ? 1u : 0u);
    EXPECT_EQ(r->ns[1], 1234u);
  }
  EXPECT_EQ(pos, buf.size());
  for (size_t n = 0; n + 1 < buf.size(); n += 7) {
    size_t p = 0;
    std::string_view cut = std::string_view(buf).substr(0, n);
    while (p < cut.size() && pipeline::decode_record(cut, &p)) {
    }
  }
}

TEST(Pipeline, FrontStagesRecordCountsAndFailures) {
  if (!pipeline::stage_built(pipeline::Stage::Parse)) GTEST_SKIP() << "parser not built";
  TempDir t;
  std::string good = t.write("m.py", "def f(x):\n    return x + 1\n");
  std::string bad = t.write("bad.py", "x = = 1\n");
  auto u = pipeline::read_stage({good, "m.py", ""}, 1 << 20);
  pipeline::front_stages(u);
  EXPECT_EQ(u.record.status, pipeline::FileStatus::Ok);
  EXPECT_EQ(u.record.lines, 2u);
  EXPECT_GT(u.record.tokens, 5u);
  EXPECT_GT(u.record.nodes, 3u);
  EXPECT_FALSE(u.summary_blob.empty());
  auto b = pipeline::read_stage({bad, "bad.py", ""}, 1 << 20);
  pipeline::front_stages(b);
  EXPECT_EQ(b.record.status, pipeline::FileStatus::Failed);
  EXPECT_EQ(b.record.failed_stage, pipeline::Stage::Parse);
  EXPECT_GE(b.record.errors, 1u);
  auto missing = pipeline::read_stage({(t.path / "nope.py").string(), "nope.py", ""}, 1 << 20);
  EXPECT_EQ(missing.record.failed_stage, pipeline::Stage::Read);
  auto walked = pipeline::read_stage({"x.py", "x.py", "cannot stat: Too many levels of symbolic links"}, 1 << 20);
  EXPECT_EQ(walked.record.diagnostics.at(0).id, DiagId::IoError);
}

TEST(Walk, ExcludesLoopsAndBrokenEntries) {
  TempDir t;
  t.write("pkg/__init__.py", "");
  t.write("pkg/mod.py", "x = 1\n");
  t.write("pkg/readme.txt", "not python");
  t.write("pkg/__pycache__/mod.cpython-311.py", "");
  t.write(".git/hook.py", "");
  t.write("env1/pyvenv.cfg", "home = /usr\n");
  t.write("env1/lib/site.py", "");
  t.write("tests/test_x.py", "");
  fs::create_directory_symlink(t.path / "pkg", t.path / "pkg" / "loop");  // a loop back up
  fs::create_symlink(t.path / "missing.py", t.path / "pkg" / "dangling.py");
  auto w = cluster::walk_sources({t.path.string()}, cluster::default_excludes());
  std::vector<std::string> rel;
  for (const auto& e : w.entries) rel.push_back(e.relative_path + (e.error.empty() ? "" : " !"));
  EXPECT_EQ(rel, (std::vector<std::string>{"pkg/__init__.py", "pkg/dangling.py !", "pkg/mod.py", "tests/test_x.py"}));
  auto w2 = cluster::walk_sources({t.path.string()}, {"tests", "pkg/*.py"});
  // "pkg/*.py" takes the package's own files, not deeper ones ('*' stops at '/').
  std::vector<std::string> rel2;
  for (const auto& e : w2.entries) rel2.push_back(e.relative_path);
  EXPECT_EQ(rel2, (std::vector<std::string>{".git/hook.py", "pkg/__pycache__/mod.cpython-311.py"}));
  auto w3 = cluster::walk_sources({(t.path / "nothing").string()}, {});
  EXPECT_EQ(w3.missing.size(), 1u);
  auto w4 = cluster::walk_sources({(t.path / "pkg" / "mod.py").string()}, {});
  ASSERT_EQ(w4.entries.size(), 1u);
  // A file or directory inside a package keeps its package path (pkg.mod).
  EXPECT_EQ(w4.entries[0].relative_path, "pkg/mod.py");
  auto w5 = cluster::walk_sources({(t.path / "pkg").string()}, cluster::default_excludes());
  std::vector<std::string> rel5;
  for (const auto& e : w5.entries) rel5.push_back(e.relative_path + (e.error.empty() ? "" : " !"));
  EXPECT_EQ(rel5, (std::vector<std::string>{"pkg/__init__.py", "pkg/dangling.py !", "pkg/mod.py"}));
}

TEST(Plan, DeterministicBalancedLargestFirst) {
  std::vector<cluster::WalkEntry> files;
  for (int i = 0; i < 200; ++i)
    files.push_back({"f" + std::to_string(i) + ".py", "f" + std::to_string(i) + ".py", uint64_t((i * 7919) % 5000 + 1), ""});
  for (int ranks : {1, 2, 3, 7, 300}) {
    auto plan = cluster::make_plan(files, ranks);
    auto again = cluster::make_plan(std::vector<cluster::WalkEntry>(files.rbegin(), files.rend()), ranks);
    EXPECT_EQ(cluster::encode_plan(plan), cluster::encode_plan(again)) << "input order must not matter";
    std::set<std::string> seen;
    uint64_t max = 0, min = ~0ull, biggest = 0;
    for (int r = 0; r < ranks; ++r) {
      auto shard = plan.shard(r);
      for (size_t k = 1; k < shard.size(); ++k)
        EXPECT_GE(plan.entries[shard[k - 1]].file.bytes, plan.entries[shard[k]].file.bytes);
      for (uint32_t i : shard) EXPECT_TRUE(seen.insert(plan.entries[i].file.path).second);
      max = std::max(max, plan.rank_bytes[r]);
      min = std::min(min, plan.rank_bytes[r]);
    }
    for (const auto& f : files) biggest = std::max(biggest, f.bytes);
    EXPECT_EQ(seen.size(), files.size());
    if (ranks <= 7) {
      EXPECT_LE(max - min, biggest + 64) << "LPT keeps ranks within one file of each other";
    }
    cluster::ShardPlan back;
    ASSERT_TRUE(cluster::decode_plan(cluster::encode_plan(plan), &back));
    EXPECT_EQ(cluster::encode_plan(back), cluster::encode_plan(plan));
  }
}

TEST(Journal, TornTailIsIgnored) {
  TempDir t;
  std::string out = t.path.string();
  {
    cluster::JournalWriter w;
    ASSERT_EQ(w.open(cluster::journal_path(out, 0)), "");
    for (int i = 0; i < 4; ++i) {
      cluster::JournalEntry e;
      e.path = sample_record(i).path;
      e.content_hash = 7 + i;
      e.index_digest = 99;
      e.summary_blob = "blob" + std::to_string(i);
      e.outputs = {{"crate/src/m" + std::to_string(i) + ".rs", 5}};
      e.record = sample_record(i);
      w.append(e);
    }
  }
  auto all = cluster::load_journals(cluster::journal_dir(out));
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all.at("dir/file2.py").summary_blob, "blob2");
  EXPECT_EQ(all.at("dir/file3.py").record.errors, 1u);
  // A kill mid-append leaves a partial frame: the entries before it survive.
  std::string path = cluster::journal_path(out, 0);
  fs::resize_file(path, fs::file_size(path) - 5);
  uint64_t torn = 0;
  auto cut = cluster::load_journals(cluster::journal_dir(out), &torn);
  EXPECT_EQ(cut.size(), 3u);
  EXPECT_EQ(torn, 1u);
  EXPECT_EQ(cluster::decode_entries(cluster::encode_entries(cut)).size(), 3u);
  cluster::clear_journals(cluster::journal_dir(out));
  EXPECT_TRUE(cluster::load_journals(cluster::journal_dir(out)).empty());
}

TEST(Io, AtomicWriteAndUnwritableDir) {
  TempDir t;
  std::string p = (t.path / "a/b/c.rs").string();
  EXPECT_EQ(io::write_file_atomic(p, "fn main() {}\n"), "");
  std::string back;
  ASSERT_TRUE(io::read_whole_file(p, &back));
  EXPECT_EQ(back, "fn main() {}\n");
  for (const auto& e : fs::directory_iterator(t.path / "a/b")) EXPECT_EQ(e.path().filename(), "c.rs") << "no temporaries left";
  std::string file = t.write("plainfile", "x");
  EXPECT_NE(io::ensure_writable_dir(file + "/sub"), "");
  EXPECT_EQ(io::ensure_writable_dir((t.path / "new/dir").string()), "");
}

TEST(Io, JsonEscapes) {
  io::JsonWriter j;
  j.begin_object().str("k", "a\"b\\c\n\x01").real("nan", 0.0 / 0.0).end_object();
  EXPECT_EQ(j.take(), "{\n  \"k\": \"a\\\"b\\\\c\\n\\u0001\",\n  \"nan\": null\n}\n");
}

TEST(Io, MetricsH5ReadBack) {
  TempDir t;
  io::Metrics m;
  m.run.version = "0.1.0";
  m.run.ranks = 3;
  m.run.hosts = {"a", "b"};
  m.run.exchange = "mpi-allgatherv";
  uint64_t bytes = 0, lines = 0, diags = 0;
  for (int i = 0; i < 9; ++i) {
    m.files.push_back(sample_record(i));
    bytes += m.files.back().bytes;
    lines += m.files.back().lines;
    diags += m.files.back().diagnostics.size();
  }
  for (int r = 0; r < 3; ++r) {
    io::RankRecord rr;
    rr.rank = r;
    rr.host = "h";
    rr.device = "cpu";
    rr.ns[1] = 100 * (r + 1);
    m.ranks.push_back(rr);
  }
  std::string path = (t.path / "m.h5").string();
  ASSERT_EQ(io::write_metrics_h5(path, m), "");
  io::H5Reader h(path);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h.rows("/files"), 9);
  EXPECT_EQ(h.rows("/ranks"), 3);
  EXPECT_EQ(h.rows("/diagnostics"), static_cast<long long>(diags));
  EXPECT_EQ(h.rows("/stages"), static_cast<long long>(pipeline::kStageCount));
  uint64_t sb = 0, sl = 0;
  for (uint64_t v : h.u64_column("/files", "bytes")) sb += v;
  for (uint64_t v : h.u64_column("/files", "lines")) sl += v;
  EXPECT_EQ(sb, bytes);
  EXPECT_EQ(sl, lines);
  EXPECT_EQ(h.str_column("/files", "path").at(3), "dir/file3.py");
  EXPECT_EQ(h.str_column("/diagnostics", "message").at(0), "invalid \"syntax\"\n");
  EXPECT_EQ(h.str_column("/stages", "stage").at(1), "lex");
  EXPECT_DOUBLE_EQ(h.f64_column("/stages", "imbalance").at(1), 1.5);  // max 300 / mean 200
  EXPECT_EQ(h.int_attr("/run", "ranks"), 3);
  EXPECT_EQ(h.str_attr("/run", "hosts"), "a,b");
  EXPECT_EQ(h.str_attr("/run", "exchange"), "mpi-allgatherv");
  // An empty run still has well-formed (zero-row) tables.
  io::Metrics empty;
  ASSERT_EQ(io::write_metrics_h5(path, empty), "");
  io::H5Reader e(path);
  EXPECT_EQ(e.rows("/files"), 0);
  EXPECT_EQ(e.rows("/diagnostics"), 0);
  EXPECT_FALSE(e.columns("/files").empty());
  EXPECT_NE(io::report_json(m).find("\"failed\": 4"), std::string::npos);
}

}  // namespace
