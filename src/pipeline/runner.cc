#include "pipeline/runner.h"

#include <algorithm>
#include <chrono>
#include <exception>

#include "base/source.h"
#include "lex/lexer.h"
#if PORTALIS_HAVE_PARSER
#include "parse/parser.h"
#endif
#if PORTALIS_HAVE_EMIT
#include "emit/translate.h"
#endif

namespace portalis::pipeline {

struct FrontState {
  lex::TokenBuffer tokens;
  bool lexed = false;  // set by set_tokens or front_stages
#if PORTALIS_HAVE_PARSER
  ast::Module ast;
  bool parsed = false;
#endif
};

ModuleUnit::ModuleUnit() = default;
ModuleUnit::~ModuleUnit() = default;
ModuleUnit::ModuleUnit(ModuleUnit&&) noexcept = default;
ModuleUnit& ModuleUnit::operator=(ModuleUnit&&) noexcept = default;

namespace {

using Clock = std::chrono::steady_clock;

uint64_t since(Clock::time_point t0) {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count());
}

void mark(FileRecord& r, Stage s, Clock::time_point t0) {
  r.ns[static_cast<size_t>(s)] += since(t0);
  r.stages_run |= 1u << static_cast<unsigned>(s);
}

void fail(FileRecord& r, Stage s, Diagnostic d) {
  r.add_diagnostic(std::move(d));
  r.status = FileStatus::Failed;
  if (r.failed_stage == Stage::Count) r.failed_stage = s;
}

// A bug of ours inside a stage fails that file, not the job.
[[maybe_unused]] void internal_error(FileRecord& r, Stage s, const char* what) {
  fail(r, s, Diagnostic{DiagId::InternalError, 0, 0, std::string(stage_name(s)) + ": " + what});
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

bool stage_built(Stage s) {
  switch (s) {
    case Stage::Read: case Stage::Index: case Stage::Write: return true;
    case Stage::Lex: return PORTALIS_HAVE_LEXER;
    case Stage::Parse: return PORTALIS_HAVE_PARSER;
    case Stage::Infer: case Stage::Lower: case Stage::Emit: return PORTALIS_HAVE_EMIT;
    default: return false;
  }
}

std::string missing_stages() {
  std::string out;
  for (size_t i = 0; i < kStageCount; ++i) {
    Stage s = static_cast<Stage>(i);
    // Index needs an AST, so it is missing with the parser.
    bool built = stage_built(s) && (s != Stage::Index || stage_built(Stage::Parse));
    if (built) continue;
    if (!out.empty()) out += ", ";
    out += stage_name(s);
  }
  return out;
}

ModuleUnit read_stage(const FileInput& input, uint64_t max_bytes) {
  ModuleUnit u;
  u.record.path = input.path;
  u.relative_path = input.relative_path;
  u.record.module_name = index::module_name_for_path(input.relative_path);
  u.is_package = ends_with(input.relative_path, "__init__.py");
  auto t0 = Clock::now();
  if (!input.walk_error.empty()) {
    fail(u.record, Stage::Read, Diagnostic{DiagId::IoError, 0, 0, input.walk_error});
    mark(u.record, Stage::Read, t0);
    return u;
  }
  Diagnostic diag;
  auto src = read_source(input.path, &diag, max_bytes);
  if (!src) {
    fail(u.record, Stage::Read, std::move(diag));
  } else {
    u.bytes = std::move(src->bytes);
    u.record.bytes = u.bytes.size();
    u.record.content_hash = content_hash(u.bytes);
    // Lines as `wc -l` plus an unterminated last line: one pass, no table.
    u.record.lines = static_cast<uint64_t>(std::count(u.bytes.begin(), u.bytes.end(), '\n')) +
                     (!u.bytes.empty() && u.bytes.back() != '\n');
  }
  mark(u.record, Stage::Read, t0);
  return u;
}

void set_tokens(ModuleUnit& u, lex::TokenBuffer tokens, uint64_t lex_ns) {
  FileRecord& r = u.record;
  if (r.status == FileStatus::Failed) return;
  if (!u.state) u.state = std::make_shared<FrontState>();
  u.state->tokens = std::move(tokens);
  u.state->lexed = true;
  r.ns[static_cast<size_t>(Stage::Lex)] += lex_ns;
  r.stages_run |= 1u << static_cast<unsigned>(Stage::Lex);
}

void front_stages(ModuleUnit& u) {
  FileRecord& r = u.record;
  if (r.status == FileStatus::Failed) return;
  if (!u.state) u.state = std::make_shared<FrontState>();
#if PORTALIS_HAVE_LEXER
  if (!u.state->lexed) {
    auto t0 = Clock::now();
    try {
      u.state->tokens = lex::lex(u.bytes);
      u.state->lexed = true;
    } catch (const std::exception& e) {
      internal_error(r, Stage::Lex, e.what());
    }
    mark(r, Stage::Lex, t0);
  }
  if (u.state->lexed) {
    r.tokens = u.state->tokens.tokens.size();
#if !PORTALIS_HAVE_PARSER
    // With a parser, its result carries the lexer's diagnostics too.
    for (const Diagnostic& d : u.state->tokens.diagnostics) r.add_diagnostic(d);
    if (has_errors(u.state->tokens.diagnostics)) {
      r.status = FileStatus::Failed;
      r.failed_stage = Stage::Lex;
    }
#endif
  }
#endif
  std::string().swap(u.bytes);  // tokens hold the decoded text from here on
#if PORTALIS_HAVE_PARSER
  if (r.status != FileStatus::Failed) {
    auto t0 = Clock::now();
    try {
      auto result = parse::parse_module(u.state->tokens);
      for (Diagnostic& d : result.diagnostics) r.add_diagnostic(std::move(d));
      if (!result.ok) {
        r.status = FileStatus::Failed;
        r.failed_stage = has_errors(u.state->tokens.diagnostics) ? Stage::Lex : Stage::Parse;
      } else {
        u.state->ast = std::move(result.module);
        u.state->parsed = true;
        r.nodes = u.state->ast.node_count();
      }
    } catch (const std::exception& e) {
      internal_error(r, Stage::Parse, e.what());
    }
    mark(r, Stage::Parse, t0);
  }
  if (u.state->parsed) {
    auto t0 = Clock::now();
    try {
      auto summary = index::summarize(u.state->ast, r.module_name, u.relative_path, u.is_package);
      u.summary_blob = index::serialize(summary);
    } catch (const std::exception& e) {
      internal_error(r, Stage::Index, e.what());
    }
    mark(r, Stage::Index, t0);
  }
#endif
}

struct TranslatePlan {
#if PORTALIS_HAVE_EMIT && PORTALIS_HAVE_PARSER
  translate::Layout layout;
#endif
};

std::shared_ptr<const TranslatePlan> plan_translation(const index::GlobalIndex& index) {
  auto plan = std::make_shared<TranslatePlan>();
#if PORTALIS_HAVE_EMIT && PORTALIS_HAVE_PARSER
  plan->layout = translate::compute_layout(index);
#else
  (void)index;
#endif
  return plan;
}

TranslateResult translate_stage(ModuleUnit& u, const index::GlobalIndex& index, const TranslatePlan& plan) {
  TranslateResult out;
#if PORTALIS_HAVE_EMIT && PORTALIS_HAVE_PARSER
  FileRecord& r = u.record;
  if (r.status != FileStatus::Failed && u.state && u.state->parsed) {
    auto t0 = Clock::now();
    try {
      translate::ModuleInput in;
      in.module_name = r.module_name;
      in.path = u.relative_path;
      in.is_package = u.is_package;
      in.ast = &u.state->ast;
      in.tokens = &u.state->tokens;
      translate::ModuleOutput mo = translate::translate_module(in, index, plan.layout);
      out.ran = true;
      r.ns[static_cast<size_t>(Stage::Infer)] += mo.ns_infer;
      r.ns[static_cast<size_t>(Stage::Lower)] += mo.ns_lower;
      r.ns[static_cast<size_t>(Stage::Emit)] += mo.ns_emit;
      for (Stage s : {Stage::Infer, Stage::Lower, Stage::Emit}) r.stages_run |= 1u << static_cast<unsigned>(s);
      // Time the translator did not attribute to a stage still counts, as emit.
      uint64_t attributed = mo.ns_infer + mo.ns_lower + mo.ns_emit;
      uint64_t total = since(t0);
      if (total > attributed) r.ns[static_cast<size_t>(Stage::Emit)] += total - attributed;
      for (Diagnostic& d : mo.diagnostics) r.add_diagnostic(std::move(d));
      r.functions_static = mo.functions_static;
      r.functions_dynamic = mo.functions_dynamic;
      r.stubs = mo.stubs;
      if (mo.status == translate::TranslateStatus::Failed) {
        r.status = FileStatus::Failed;
        r.failed_stage = Stage::Lower;
      } else if (mo.status == translate::TranslateStatus::Partial) {
        r.status = FileStatus::Partial;
      }
      for (auto& f : mo.files) out.files.push_back(GeneratedFile{std::move(f.path), std::move(f.contents)});
    } catch (const std::exception& e) {
      internal_error(r, Stage::Lower, e.what());
    }
  }
#else
  (void)index;
  (void)plan;
#endif
  u.state.reset();
  return out;
}

std::vector<GeneratedFile> workspace_stage(const index::GlobalIndex& index, const std::string& runtime_path) {
  std::vector<GeneratedFile> out;
#if PORTALIS_HAVE_EMIT && PORTALIS_HAVE_PARSER
  for (auto& f : translate::workspace_files(index, runtime_path)) out.push_back(GeneratedFile{std::move(f.path), std::move(f.contents)});
#else
  (void)index;
  (void)runtime_path;
#endif
  return out;
}

}  // namespace portalis::pipeline
