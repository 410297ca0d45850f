#include "kernels/lex_batch.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "kernels/scan_engine.h"
#include "lex/decode.h"
#include "lex/unicode.h"

namespace portalis::kernels {
namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

void line_starts_lf(const std::string& text, std::vector<uint32_t>* starts) {
  // Scan files contain no '\r' (those fall back), so lines end at '\n'.
  starts->clear();
  starts->push_back(0);
  const char* b = text.data();
  const char* p = b;
  const char* e = b + text.size();
  while (p < e) {
    const void* q = std::memchr(p, '\n', static_cast<size_t>(e - p));
    if (!q) break;
    p = static_cast<const char*>(q) + 1;
    starts->push_back(static_cast<uint32_t>(p - b));
  }
}

// PyUnicode_IsIdentifier, as the serial lexer checks non-ASCII names.
bool valid_identifier(std::string_view name) {
  size_t i = 0;
  bool first = true;
  while (i < name.size()) {
    uint32_t cp = lex::next_code_point(name, i);
    bool ok = first ? (cp == '_' || lex::is_xid_start(cp)) : lex::is_xid_continue(cp);
    if (!ok) return false;
    first = false;
  }
  return true;
}

}  // namespace

bool parse_device(std::string_view s, Device* d) {
  if (s == "auto") *d = Device::Auto;
  else if (s == "cpu") *d = Device::Cpu;
  else if (s == "gpu") *d = Device::Gpu;
  else return false;
  return true;
}

bool parse_engine(std::string_view s, Engine* e) {
  if (s == "serial") *e = Engine::Serial;
  else if (s == "scan") *e = Engine::Scan;
  else return false;
  return true;
}

bool lex_batch(const std::vector<std::string_view>& sources, Device device, Engine engine,
               std::vector<lex::TokenBuffer>* out, BatchStats* stats, std::string* error) {
  return lex_batch(sources, device, engine, BatchOptions{}, out, stats, error);
}

bool lex_batch(const std::vector<std::string_view>& sources, Device device, Engine engine, const BatchOptions& opts,
               std::vector<lex::TokenBuffer>* out, BatchStats* stats, std::string* error) {
  BatchStats st;
  st.files = sources.size();
  bool use_gpu = false;
  if (device != Device::Cpu) {
    GpuInfo g = probe_gpu();
    if (g.usable) {
      use_gpu = true;
      st.device = "gpu: " + g.name;
    } else if (device == Device::Gpu) {
      *error = "--device gpu: no usable GPU (" + g.why + ")";
      return false;
    } else {
      st.device = "cpu";
      st.note = "auto chose the CPU: " + g.why;
    }
  } else {
    st.device = "cpu";
  }
  if (use_gpu) engine = Engine::Scan;  // the GPU runs the scan algorithm

  out->clear();
  out->resize(sources.size());
  auto t0 = Clock::now();
  if (engine == Engine::Serial) {
    st.engine = "serial";
    for (size_t i = 0; i < sources.size(); ++i) {
      (*out)[i] = lex::lex(sources[i]);
      st.bytes += sources[i].size();
    }
    st.lex_s = since(t0);
    *stats = st;
    return true;
  }

  // Decode (PEP 263 / BOM).
  std::vector<lex::DecodedSource> dec(sources.size());
  for (size_t i = 0; i < sources.size(); ++i) {
    dec[i] = lex::decode_source(sources[i]);
    st.bytes += dec[i].text.size();
  }
  st.pack_s = since(t0);
  st.file_status.assign(sources.size(), kFileOk);
  st.engine = use_gpu ? "scan-gpu" : "scan-host";

  // Batches of at most max_batch_bytes (offsets are 32-bit; device memory is
  // about 50 bytes per token), each packed back to back.
  const uint64_t cap = std::min<uint64_t>(opts.max_batch_bytes ? opts.max_batch_bytes : 1, 0xF0000000ull);
  for (size_t a = 0; a < sources.size();) {
    size_t b = a;
    uint64_t total = 0;
    while (b < sources.size() && (b == a || total + dec[b].text.size() <= cap)) total += dec[b++].text.size();
    if (total >= 0xF0000000ull) {
      *error = "a source file larger than 3.75 GiB cannot be lexed";
      return false;
    }
    auto tp = Clock::now();
    bool pinned = false;
    auto* buf = static_cast<uint8_t*>(alloc_pinned(total + 16, &pinned));
    std::vector<uint32_t> file_begin(b - a + 1);
    uint64_t pos = 0;
    for (size_t i = a; i < b; ++i) {
      file_begin[i - a] = static_cast<uint32_t>(pos);
      std::memcpy(buf + pos, dec[i].text.data(), dec[i].text.size());
      pos += dec[i].text.size();
    }
    file_begin[b - a] = static_cast<uint32_t>(pos);
    BatchView v{buf, static_cast<uint32_t>(total), file_begin.data(), static_cast<uint32_t>(b - a),
                opts.host_chunk ? opts.host_chunk : kDefaultChunk};
    st.pack_s += since(tp);

    ScanResult r;
    auto t1 = Clock::now();
    if (use_gpu) {
      GpuTimings gt;
      std::string why;
      if (scan_batch_gpu(v, &r, &gt, &why)) {
        st.h2d_s += gt.h2d;
        st.kernel_s += gt.kernel;
        st.d2h_s += gt.d2h;
      } else if (device == Device::Gpu) {
        free_pinned(buf, pinned);
        *error = "GPU lexing failed: " + why;
        return false;
      } else {
        st.note = "GPU failed (" + why + "), fell back to the CPU";
        st.device = "cpu";
        st.engine = "scan-host";
        use_gpu = false;
      }
    }
    if (!use_gpu) scan_batch_host(v, &r);
    st.lex_s += since(t1);
    free_pinned(buf, pinned);

    auto t2 = Clock::now();
    for (size_t i = a; i < b; ++i) {
      lex::TokenBuffer& tb = (*out)[i];
      const size_t k = i - a;
      if (r.file_status[k] == kFileOk) {
        // Non-ASCII names: the same identifier check as the serial lexer
        // (Unicode tables live on the host); an invalid one falls back.
        for (uint32_t j = r.file_offset[k]; j < r.file_offset[k + 1]; ++j) {
          const Token& t = r.tokens[j];
          if (t.kind == TokenKind::NAME && (t.flags & lex::kFlagNonAscii) &&
              !valid_identifier(std::string_view(dec[i].text).substr(t.begin, t.end - t.begin))) {
            r.file_status[k] = kFileIdentifier;
            break;
          }
        }
      }
      st.file_status[i] = r.file_status[k];
      if (r.file_status[k] == kFileOk) {
        ++st.scan_files;
        tb.text = std::move(dec[i].text);
        tb.encoding = std::move(dec[i].encoding);
        tb.tokens.assign(r.tokens.begin() + r.file_offset[k], r.tokens.begin() + r.file_offset[k + 1]);
        line_starts_lf(tb.text, &tb.line_starts);
        tb.diagnostics = std::move(dec[i].diagnostics);
      } else {
        ++st.fallback_files;
        std::vector<Diagnostic> pre = std::move(dec[i].diagnostics);
        tb = lex::lex_utf8(std::move(dec[i].text), std::move(dec[i].encoding));
        if (!pre.empty()) tb.diagnostics.insert(tb.diagnostics.begin(), pre.begin(), pre.end());
      }
    }
    st.unpack_s += since(t2);
    ++st.batches;
    a = b;
  }
  *stats = st;
  return true;
}

}  // namespace portalis::kernels
