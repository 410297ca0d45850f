#pragma once
// The summary exchange: every rank contributes its modules' summary blobs and
// receives everyone's. One interface, two transports: MPI_Allgatherv (always
// built) and ncclAllGather (built when CUDA and NCCL are found; used when
// every rank has a GPU).
#include <memory>
#include <string>
#include <vector>

#include "cluster/comm.h"

namespace portalis::cluster {

class SummaryExchange {
 public:
  virtual ~SummaryExchange() = default;
  virtual const char* name() const = 0;
  // Everyone's blobs, in rank order then each rank's order.
  virtual std::vector<std::string> allgather(const std::vector<std::string>& mine) = 0;
  uint64_t bytes_received() const { return bytes_received_; }

 protected:
  uint64_t bytes_received_ = 0;
};

// Length-prefixed packing shared by both transports.
std::string pack_blobs(const std::vector<std::string>& blobs);
bool unpack_blobs(std::string_view packed, std::vector<std::string>* out);

std::unique_ptr<SummaryExchange> make_mpi_exchange(const Comm& comm);

// What this rank's GPU is, if any ("cpu" otherwise).
struct DeviceInfo {
  bool has_gpu = false;
  int device = -1;
  std::string name = "cpu";
};
DeviceInfo select_device(const Comm& comm);  // by local rank
bool nccl_built();

// "auto": NCCL when built and every rank has a GPU, else MPI. "mpi", "nccl"
// force one (nccl fails with a message when it cannot run).
std::unique_ptr<SummaryExchange> make_exchange(const Comm& comm, const std::string& choice, const DeviceInfo& dev,
                                               std::string* error);

}  // namespace portalis::cluster
