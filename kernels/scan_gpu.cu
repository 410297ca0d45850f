// The scan lexer on the GPU: the phases of kernels/scan_phases.h, one thread
// per chunk, token or file, with CUB device scans between them. The per-byte
// functions and scan operators are the same __host__ __device__ code the host
// engine runs, so the host test on the stdlib verifies this algorithm too.
#include <cuda_runtime.h>

#include <chrono>
#include <cub/device/device_scan.cuh>
#include <string>
#include <vector>

#include "kernels/scan_engine.h"
#include "kernels/scan_lines.h"

namespace portalis::kernels {
namespace {

__global__ void k_transfer(const FstTables* gt, BatchView v, uint32_t nchunks, Transfer* out) {
  __shared__ FstTables t;
  for (uint32_t i = threadIdx.x; i < sizeof(FstTables); i += blockDim.x)
    reinterpret_cast<uint8_t*>(&t)[i] = reinterpret_cast<const uint8_t*>(gt)[i];
  __syncthreads();
  const uint32_t c = blockIdx.x * blockDim.x + threadIdx.x;
  if (c < nchunks) out[c] = chunk_transfer(t, v, c);
}

__global__ void k_mark(const FstTables* gt, BatchView v, uint32_t nchunks, const Transfer* prefix, uint8_t* outb,
                       uint8_t* file_end_state, uint32_t* starts) {
  __shared__ FstTables t;
  for (uint32_t i = threadIdx.x; i < sizeof(FstTables); i += blockDim.x)
    reinterpret_cast<uint8_t*>(&t)[i] = reinterpret_cast<const uint8_t*>(gt)[i];
  __syncthreads();
  const uint32_t c = blockIdx.x * blockDim.x + threadIdx.x;
  if (c < nchunks) starts[c] = chunk_mark(t, v, c, prefix[c].to[kIdle], outb, file_end_state);
}

__global__ void k_compact(BatchView v, uint32_t nchunks, const uint8_t* outb, const uint32_t* first, uint32_t* tb,
                          uint32_t* te) {
  const uint32_t c = blockIdx.x * blockDim.x + threadIdx.x;
  if (c < nchunks) chunk_compact(v, c, outb, first[c], tb, te);
}

__global__ void k_classify(BatchView v, uint32_t ntok, const uint32_t* tb, const uint32_t* te, uint8_t* kind,
                           uint8_t* flags) {
  const uint32_t t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t < ntok) token_classify(v, t, tb, te, kind, flags);
}

__global__ void k_first_token(BatchView v, TokenArrays a, FileArrays fa) {
  const uint32_t f = blockIdx.x * blockDim.x + threadIdx.x;
  if (f <= v.nfiles) file_first_token(v, f, a, fa);
}

__global__ void k_info(BatchView v, TokenArrays a) {
  const uint32_t t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t < a.ntok) token_info(v, t, a);
}

__global__ void k_lines(BatchView v, TokenArrays a, FileArrays fa) {
  const uint32_t t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t < a.ntok) token_lines(v, t, a, fa);
}

__global__ void k_struct_scatter(TokenArrays a) {
  const uint32_t t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t < a.ntok) token_struct_scatter(t, a);
}

__global__ void k_file_lines(const FstTables* gt, BatchView v, TokenArrays a, FileArrays fa) {
  const uint32_t f = blockIdx.x * blockDim.x + threadIdx.x;
  if (f < v.nfiles) file_lines(*gt, v, f, a, fa);
}

__global__ void k_token_emit(BatchView v, TokenArrays a, FileArrays fa, Token* out) {
  const uint32_t t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t < a.ntok) token_emit(v, t, a, fa, out);
}

__global__ void k_file_tail(BatchView v, TokenArrays a, FileArrays fa, Token* out, uint32_t* file_offset) {
  const uint32_t f = blockIdx.x * blockDim.x + threadIdx.x;
  if (f <= v.nfiles) file_emit_tail(v, f, a, fa, out, file_offset);
}

struct MaxU32 {
  __host__ __device__ uint32_t operator()(uint32_t x, uint32_t y) const { return x > y ? x : y; }
};

// Device buffers from the stream-ordered pool (kept between batches, so a
// repeated batch does not pay cudaMalloc again), freed on every exit path.
struct DeviceMem {
  std::vector<void*> ptrs;
  DeviceMem() {
    static bool pool_set = [] {
      cudaMemPool_t pool;
      if (cudaDeviceGetDefaultMemPool(&pool, 0) == cudaSuccess) {
        uint64_t keep = ~uint64_t{0};
        cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &keep);
      }
      cudaGetLastError();
      return true;
    }();
    (void)pool_set;
  }
  ~DeviceMem() {
    for (void* p : ptrs) cudaFreeAsync(p, 0);
    cudaStreamSynchronize(0);
  }
  template <class T>
  cudaError_t alloc(T** p, size_t count) {
    void* q = nullptr;
    cudaError_t e = cudaMallocAsync(&q, count * sizeof(T) + 16, 0);
    if (e == cudaSuccess) ptrs.push_back(q);
    *p = static_cast<T*>(q);
    return e;
  }
};

struct Events {
  cudaEvent_t e[6] = {};
  Events() {
    for (auto& x : e) cudaEventCreate(&x);
  }
  ~Events() {
    for (auto& x : e) cudaEventDestroy(x);
  }
};

float ms_between(cudaEvent_t a, cudaEvent_t b) {
  float ms = 0;
  cudaEventElapsedTime(&ms, a, b);
  return ms;
}

// Events between the kernel phases, read after the final synchronisation.
struct PhaseEvents {
  std::vector<std::pair<std::string, cudaEvent_t>> marks;
  bool on = false;
  void mark(const char* name) {
    if (!on) return;
    cudaEvent_t e;
    if (cudaEventCreate(&e) != cudaSuccess) return;
    cudaEventRecord(e);
    marks.emplace_back(name, e);
  }
  void read(cudaEvent_t start, std::vector<std::pair<std::string, double>>* out) const {
    cudaEvent_t prev = start;
    for (const auto& [name, e] : marks) {
      out->emplace_back(name, ms_between(prev, e) / 1e3);
      prev = e;
    }
  }
  ~PhaseEvents() {
    for (auto& m : marks) cudaEventDestroy(m.second);
  }
};

uint32_t blocks_for(uint64_t n, uint32_t threads) { return static_cast<uint32_t>((n + threads - 1) / threads); }

}  // namespace

GpuInfo probe_gpu() {
  GpuInfo g;
  int count = 0;
  cudaError_t e = cudaGetDeviceCount(&count);
  if (e != cudaSuccess) {
    g.why = std::string("CUDA: ") + cudaGetErrorString(e);
    cudaGetLastError();
    return g;
  }
  if (count == 0) {
    g.why = "no CUDA device";
    return g;
  }
  cudaDeviceProp prop;
  e = cudaGetDeviceProperties(&prop, 0);
  if (e != cudaSuccess) {
    g.why = std::string("CUDA: ") + cudaGetErrorString(e);
    return g;
  }
  if (prop.major < 8) {
    g.why = std::string(prop.name) + " has compute capability " + std::to_string(prop.major) + "." +
            std::to_string(prop.minor) + "; the kernels are built for 8.0 and 9.0";
    return g;
  }
  e = cudaFree(nullptr);  // creates the context: fails here if the driver is too old
  if (e != cudaSuccess) {
    g.why = std::string("CUDA: ") + cudaGetErrorString(e);
    cudaGetLastError();
    return g;
  }
  g.usable = true;
  g.name = prop.name;
  return g;
}

void* alloc_pinned(size_t bytes, bool* pinned) {
  void* p = nullptr;
  if (cudaMallocHost(&p, bytes ? bytes : 1) == cudaSuccess) {
    *pinned = true;
    return p;
  }
  cudaGetLastError();
  *pinned = false;
  return std::malloc(bytes ? bytes : 1);
}

void free_pinned(void* p, bool pinned) {
  if (pinned) cudaFreeHost(p);
  else std::free(p);
}

bool scan_batch_gpu(const BatchView& hv, ScanResult* out, GpuTimings* timings, std::string* error) {
#define CK(call)                                                        \
  do {                                                                  \
    cudaError_t err_ = (call);                                          \
    if (err_ != cudaSuccess) {                                          \
      *error = std::string(#call) + ": " + cudaGetErrorString(err_);    \
      cudaGetLastError();                                               \
      return false;                                                     \
    }                                                                   \
  } while (0)
  if (hv.nfiles == 0) {
    *out = ScanResult{};
    out->file_offset.assign(1, 0);
    if (timings) *timings = GpuTimings{};
    return true;
  }
  auto t_alloc = std::chrono::steady_clock::now();
  const FstTables& tables = fst_tables();
  BatchView v = hv;
  // Enough chunks to fill the device; the result does not depend on the size.
  uint32_t chunk = static_cast<uint32_t>((static_cast<uint64_t>(v.n) + 262143) / 262144);
  v.chunk = chunk < 256 ? 256 : chunk > 4096 ? 4096 : chunk;
  const uint32_t nchunks = num_chunks(v);
  DeviceMem m;
  Events ev;
  FstTables* d_tables;
  uint8_t* d_data;
  uint32_t* d_file_begin;
  Transfer *d_transfer, *d_prefix;
  uint8_t *d_outb, *d_end_state;
  uint32_t *d_starts, *d_first;
  CK(m.alloc(&d_tables, 1));
  CK(m.alloc(&d_data, v.n));
  CK(m.alloc(&d_file_begin, v.nfiles + 1));
  CK(m.alloc(&d_transfer, nchunks + 1));
  CK(m.alloc(&d_prefix, nchunks + 1));
  CK(m.alloc(&d_outb, v.n));
  CK(m.alloc(&d_end_state, v.nfiles + 1));
  CK(m.alloc(&d_starts, nchunks + 1));
  CK(m.alloc(&d_first, nchunks + 1));
  size_t temp_bytes = 0, need = 0;
  CK(cub::DeviceScan::ExclusiveScan(nullptr, need, d_transfer, d_prefix, ComposeOp{}, identity_transfer(),
                                    static_cast<int>(nchunks)));
  temp_bytes = need;
  CK(cub::DeviceScan::ExclusiveSum(nullptr, need, d_starts, d_first, static_cast<int>(nchunks)));
  if (need > temp_bytes) temp_bytes = need;
  const uint32_t max_tok = v.n;  // at most one token per byte, plus files' tails below
  CK(cub::DeviceScan::ExclusiveSum(nullptr, need, d_starts, d_first, static_cast<int>(v.nfiles)));
  if (need > temp_bytes) temp_bytes = need;
  uint8_t* d_temp;
  CK(m.alloc(&d_temp, temp_bytes));
  double alloc_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_alloc).count();

  // Host to device.
  CK(cudaEventRecord(ev.e[0]));
  CK(cudaMemcpyAsync(d_tables, &tables, sizeof tables, cudaMemcpyHostToDevice));
  CK(cudaMemcpyAsync(d_data, v.data, v.n, cudaMemcpyHostToDevice));
  CK(cudaMemcpyAsync(d_file_begin, v.file_begin, (v.nfiles + 1) * sizeof(uint32_t), cudaMemcpyHostToDevice));
  CK(cudaMemsetAsync(d_end_state, kIdle, v.nfiles + 1));
  CK(cudaEventRecord(ev.e[1]));

  PhaseEvents ph;
  ph.on = timings != nullptr;
  BatchView dv = v;
  dv.data = d_data;
  dv.file_begin = d_file_begin;
  const uint32_t T = 256;
  if (nchunks > 0) {
    k_transfer<<<blocks_for(nchunks, T), T>>>(d_tables, dv, nchunks, d_transfer);
    CK(cudaGetLastError());
    CK(cub::DeviceScan::ExclusiveScan(d_temp, temp_bytes, d_transfer, d_prefix, ComposeOp{}, identity_transfer(),
                                      static_cast<int>(nchunks)));
    ph.mark("fst transfer + scan");
    k_mark<<<blocks_for(nchunks, T), T>>>(d_tables, dv, nchunks, d_prefix, d_outb, d_end_state, d_starts);
    CK(cudaGetLastError());
    CK(cub::DeviceScan::ExclusiveSum(d_temp, temp_bytes, d_starts, d_first, static_cast<int>(nchunks)));
  }
  ph.mark("fst mark + start scan");
  uint32_t last[2] = {0, 0};
  if (nchunks > 0) {
    CK(cudaMemcpy(&last[0], d_first + nchunks - 1, sizeof(uint32_t), cudaMemcpyDeviceToHost));
    CK(cudaMemcpy(&last[1], d_starts + nchunks - 1, sizeof(uint32_t), cudaMemcpyDeviceToHost));
  }
  const uint32_t ntok = last[0] + last[1];
  (void)max_tok;
  const uint32_t nf = v.nfiles;
  uint32_t *d_tb, *d_te;
  uint8_t *d_kind, *d_flags;
  CK(m.alloc(&d_tb, ntok + 1));
  CK(m.alloc(&d_te, ntok + 1));
  CK(m.alloc(&d_kind, ntok + 1));
  CK(m.alloc(&d_flags, ntok + 1));
  TokenArrays a{};
  a.ntok = ntok;
  a.begin = d_tb;
  a.end = d_te;
  a.kind = d_kind;
  a.flags = d_flags;
  CK(m.alloc(&a.file, ntok + 1));
  CK(m.alloc(&a.delta, ntok + 1));
  CK(m.alloc(&a.depth, ntok + 1));
  CK(m.alloc(&a.nl_mark, ntok + 1));
  CK(m.alloc(&a.last_nl, ntok + 1));
  CK(m.alloc(&a.code_mark, ntok + 1));
  CK(m.alloc(&a.last_code, ntok + 1));
  CK(m.alloc(&a.role, ntok + 1));
  CK(m.alloc(&a.structural, ntok + 1));
  CK(m.alloc(&a.struct_pos, ntok + 1));
  CK(m.alloc(&a.struct_list, ntok + 1));
  CK(m.alloc(&a.pre, ntok + 1));
  CK(m.alloc(&a.weight, ntok + 1));
  CK(m.alloc(&a.out_pos, ntok + 1));
  CK(m.alloc(&a.col, ntok + 1));
  CK(m.alloc(&a.alt, ntok + 1));
  FileArrays fa{};
  CK(m.alloc(&fa.first_token, nf + 1));
  fa.end_state = d_end_state;
  CK(m.alloc(&fa.status, nf + 1));
  CK(m.alloc(&fa.tail, nf + 1));
  CK(m.alloc(&fa.tail_bits, nf + 1));
  CK(m.alloc(&fa.tail_dedents, nf + 1));
  CK(m.alloc(&fa.tail_pos, nf + 1));
  uint32_t* d_file_offset;
  CK(m.alloc(&d_file_offset, nf + 1));
  // The one-past-the-end entries take part in the exclusive sums.
  CK(cudaMemsetAsync(a.delta + ntok, 0, sizeof(int32_t)));
  CK(cudaMemsetAsync(a.structural + ntok, 0, sizeof(uint32_t)));
  CK(cudaMemsetAsync(a.weight + ntok, 0, sizeof(uint32_t)));
  CK(cudaMemsetAsync(fa.tail + nf, 0, sizeof(uint32_t)));
  CK(cudaMemsetAsync(fa.status, kFileOk, nf + 1));
  // CUB temporary storage for the largest of the scans below.
  size_t need2 = 0;
  CK(cub::DeviceScan::ExclusiveSum(nullptr, need2, a.delta, a.depth, static_cast<int>(ntok + 1)));
  if (need2 > temp_bytes) temp_bytes = need2;
  CK(cub::DeviceScan::InclusiveScan(nullptr, need2, a.nl_mark, a.last_nl, MaxU32{}, static_cast<int>(ntok + 1)));
  if (need2 > temp_bytes) temp_bytes = need2;
  CK(cub::DeviceScan::ExclusiveSum(nullptr, need2, a.weight, a.out_pos, static_cast<int>(ntok + 1)));
  if (need2 > temp_bytes) temp_bytes = need2;
  CK(cub::DeviceScan::ExclusiveSum(nullptr, need2, fa.tail, fa.tail_pos, static_cast<int>(nf + 1)));
  if (need2 > temp_bytes) temp_bytes = need2;
  CK(m.alloc(&d_temp, temp_bytes));

  if (nchunks > 0) {
    k_compact<<<blocks_for(nchunks, T), T>>>(dv, nchunks, d_outb, d_first, d_tb, d_te);
    CK(cudaGetLastError());
  }
  ph.mark("count sync + allocations");
  if (ntok > 0) {
    k_classify<<<blocks_for(ntok, T), T>>>(dv, ntok, d_tb, d_te, d_kind, d_flags);
    CK(cudaGetLastError());
  }
  ph.mark("compact + classify");
  k_first_token<<<blocks_for(nf + 1, T), T>>>(dv, a, fa);
  CK(cudaGetLastError());
  if (ntok > 0) {
    k_info<<<blocks_for(ntok, T), T>>>(dv, a);
    CK(cudaGetLastError());
    CK(cub::DeviceScan::InclusiveScan(d_temp, temp_bytes, a.nl_mark, a.last_nl, MaxU32{}, static_cast<int>(ntok)));
    CK(cub::DeviceScan::InclusiveScan(d_temp, temp_bytes, a.code_mark, a.last_code, MaxU32{},
                                      static_cast<int>(ntok)));
  }
  ph.mark("token info + line scans");
  CK(cub::DeviceScan::ExclusiveSum(d_temp, temp_bytes, a.delta, a.depth, static_cast<int>(ntok + 1)));
  if (ntok > 0) {
    k_lines<<<blocks_for(ntok, T), T>>>(dv, a, fa);
    CK(cudaGetLastError());
  }
  CK(cub::DeviceScan::ExclusiveSum(d_temp, temp_bytes, a.structural, a.struct_pos, static_cast<int>(ntok + 1)));
  if (ntok > 0) {
    k_struct_scatter<<<blocks_for(ntok, T), T>>>(a);
    CK(cudaGetLastError());
  }
  ph.mark("depth scan + lines + structural scatter");
  const uint32_t FT = 64;
  k_file_lines<<<blocks_for(nf, FT), FT>>>(d_tables, dv, a, fa);
  CK(cudaGetLastError());
  ph.mark("per-file indentation pass");
  CK(cub::DeviceScan::ExclusiveSum(d_temp, temp_bytes, a.weight, a.out_pos, static_cast<int>(ntok + 1)));
  CK(cub::DeviceScan::ExclusiveSum(d_temp, temp_bytes, fa.tail, fa.tail_pos, static_cast<int>(nf + 1)));
  uint32_t ends[2] = {0, 0};
  CK(cudaMemcpy(&ends[0], a.out_pos + ntok, sizeof(uint32_t), cudaMemcpyDeviceToHost));
  CK(cudaMemcpy(&ends[1], fa.tail_pos + nf, sizeof(uint32_t), cudaMemcpyDeviceToHost));
  const uint32_t nout = ends[0] + ends[1];
  Token* d_tokens;
  CK(m.alloc(&d_tokens, nout + 1));
  ph.mark("output scans + sync + allocation");
  if (ntok > 0) {
    k_token_emit<<<blocks_for(ntok, T), T>>>(dv, a, fa, d_tokens);
    CK(cudaGetLastError());
  }
  k_file_tail<<<blocks_for(nf + 1, T), T>>>(dv, a, fa, d_tokens, d_file_offset);
  CK(cudaGetLastError());
  ph.mark("token emission");
  CK(cudaEventRecord(ev.e[2]));

  // Device to host.
  out->tokens.resize(nout);
  out->file_offset.assign(nf + 1, 0);
  out->file_status.assign(nf, kFileOk);
  CK(cudaMemcpyAsync(out->tokens.data(), d_tokens, nout * sizeof(Token), cudaMemcpyDeviceToHost));
  CK(cudaMemcpyAsync(out->file_offset.data(), d_file_offset, (nf + 1) * sizeof(uint32_t), cudaMemcpyDeviceToHost));
  CK(cudaMemcpyAsync(out->file_status.data(), fa.status, nf, cudaMemcpyDeviceToHost));
  CK(cudaEventRecord(ev.e[3]));
  CK(cudaEventSynchronize(ev.e[3]));
  out->raw_tokens = ntok;
  if (timings) {
    timings->alloc = alloc_s;
    timings->h2d = ms_between(ev.e[0], ev.e[1]) / 1e3;
    timings->kernel = ms_between(ev.e[1], ev.e[2]) / 1e3;
    timings->d2h = ms_between(ev.e[2], ev.e[3]) / 1e3;
    timings->phases.clear();
    ph.read(ev.e[1], &timings->phases);
  }
  return true;
#undef CK
}

}  // namespace portalis::kernels
