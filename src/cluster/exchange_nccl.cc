// ncclAllGather transport for the summary exchange, and GPU selection by
// local rank. Compiled with real CUDA/NCCL calls only when both were found
// at configure time (PORTALIS_HAVE_NCCL); otherwise the stubs below say so.
#include <stdexcept>

#include "cluster/check.h"
#include "cluster/exchange.h"

#if PORTALIS_HAVE_NCCL
#include <cuda_runtime.h>
#include <nccl.h>

#define PORTALIS_CUDA_CHECK(call)                                                                             \
  do {                                                                                                        \
    cudaError_t portalis_e_ = (call);                                                                         \
    if (portalis_e_ != cudaSuccess)                                                                           \
      ::portalis::cluster::fail_call("CUDA", #call, cudaGetErrorString(portalis_e_), __FILE__, __LINE__);     \
  } while (0)
#define PORTALIS_NCCL_CHECK(call)                                                                             \
  do {                                                                                                        \
    ncclResult_t portalis_r_ = (call);                                                                        \
    if (portalis_r_ != ncclSuccess)                                                                           \
      ::portalis::cluster::fail_call("NCCL", #call, ncclGetErrorString(portalis_r_), __FILE__, __LINE__);     \
  } while (0)
#endif

namespace portalis::cluster {

#if PORTALIS_HAVE_NCCL

bool nccl_built() { return true; }

DeviceInfo select_device(const Comm& comm) {
  DeviceInfo info;
  int count = 0;
  // No device (or no driver) is an answer here, not an error.
  if (cudaGetDeviceCount(&count) != cudaSuccess || count < 1) {
    cudaGetLastError();
    return info;
  }
  info.device = comm.local_rank() % count;
  PORTALIS_CUDA_CHECK(cudaSetDevice(info.device));
  cudaDeviceProp prop;
  PORTALIS_CUDA_CHECK(cudaGetDeviceProperties(&prop, info.device));
  info.has_gpu = true;
  info.name = prop.name;
  return info;
}

namespace {

class NcclExchange : public SummaryExchange {
 public:
  NcclExchange(const Comm& comm, const DeviceInfo& dev) : comm_(comm) {
    ncclUniqueId id;
    if (comm.rank() == 0) PORTALIS_NCCL_CHECK(ncclGetUniqueId(&id));
    PORTALIS_MPI_CHECK(MPI_Bcast(&id, sizeof id, MPI_BYTE, 0, MPI_COMM_WORLD));
    PORTALIS_CUDA_CHECK(cudaSetDevice(dev.device));
    PORTALIS_NCCL_CHECK(ncclCommInitRank(&nccl_, comm.size(), id, comm.rank()));
    PORTALIS_CUDA_CHECK(cudaStreamCreate(&stream_));
  }
  ~NcclExchange() override {
    cudaStreamDestroy(stream_);
    ncclCommDestroy(nccl_);
  }
  const char* name() const override { return "nccl-allgather"; }

  std::vector<std::string> allgather(const std::vector<std::string>& mine) override {
    std::string packed = pack_blobs(mine);
    // ncclAllGather moves equal counts: every rank pads to the largest.
    std::vector<int64_t> sizes = comm_.allgather(static_cast<int64_t>(packed.size()));
    int64_t max = 1;
    for (int64_t s : sizes) max = std::max(max, s);
    size_t chunk = static_cast<size_t>(max);
    char* send = nullptr;
    char* recv = nullptr;
    PORTALIS_CUDA_CHECK(cudaMalloc(&send, chunk));
    PORTALIS_CUDA_CHECK(cudaMalloc(&recv, chunk * sizes.size()));
    PORTALIS_CUDA_CHECK(cudaMemsetAsync(send, 0, chunk, stream_));
    PORTALIS_CUDA_CHECK(cudaMemcpyAsync(send, packed.data(), packed.size(), cudaMemcpyHostToDevice, stream_));
    PORTALIS_NCCL_CHECK(ncclAllGather(send, recv, chunk, ncclUint8, nccl_, stream_));
    std::string all(chunk * sizes.size(), '\0');
    PORTALIS_CUDA_CHECK(cudaMemcpyAsync(all.data(), recv, all.size(), cudaMemcpyDeviceToHost, stream_));
    PORTALIS_CUDA_CHECK(cudaStreamSynchronize(stream_));
    PORTALIS_CUDA_CHECK(cudaFree(send));
    PORTALIS_CUDA_CHECK(cudaFree(recv));
    bytes_received_ = all.size();
    std::vector<std::string> out;
    for (size_t r = 0; r < sizes.size(); ++r)
      if (!unpack_blobs(std::string_view(all).substr(r * chunk, static_cast<size_t>(sizes[r])), &out))
        throw std::runtime_error("summary exchange (nccl): corrupt buffer from rank " + std::to_string(r));
    return out;
  }

 private:
  const Comm& comm_;
  ncclComm_t nccl_{};
  cudaStream_t stream_{};
};

}  // namespace

std::unique_ptr<SummaryExchange> make_nccl_exchange(const Comm& comm, const DeviceInfo& dev, std::string* error) {
  return std::make_unique<NcclExchange>(comm, dev);
}

#else

bool nccl_built() { return false; }

DeviceInfo select_device(const Comm&) { return DeviceInfo{}; }

std::unique_ptr<SummaryExchange> make_nccl_exchange(const Comm&, const DeviceInfo&, std::string* error) {
  *error = "NCCL is not built into this binary";
  return nullptr;
}

#endif

}  // namespace portalis::cluster
