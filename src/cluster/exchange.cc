#include "cluster/exchange.h"

#include <cstring>

namespace portalis::cluster {

std::unique_ptr<SummaryExchange> make_nccl_exchange(const Comm& comm, const DeviceInfo& dev, std::string* error);

std::string pack_blobs(const std::vector<std::string>& blobs) {
  std::string out;
  for (const auto& b : blobs) {
    uint32_t n = static_cast<uint32_t>(b.size());
    out.append(reinterpret_cast<const char*>(&n), 4);
    out += b;
  }
  return out;
}

bool unpack_blobs(std::string_view packed, std::vector<std::string>* out) {
  size_t p = 0;
  while (p < packed.size()) {
    if (packed.size() - p < 4) return false;
    uint32_t n;
    std::memcpy(&n, packed.data() + p, 4);
    p += 4;
    if (packed.size() - p < n) return false;
    out->emplace_back(packed.substr(p, n));
    p += n;
  }
  return true;
}

namespace {

class MpiExchange : public SummaryExchange {
 public:
  explicit MpiExchange(const Comm& comm) : comm_(comm) {}
  const char* name() const override { return "mpi-allgatherv"; }
  std::vector<std::string> allgather(const std::vector<std::string>& mine) override {
    std::string all = comm_.allgatherv(pack_blobs(mine));
    bytes_received_ = all.size();
    std::vector<std::string> out;
    if (!unpack_blobs(all, &out)) throw std::runtime_error("summary exchange: corrupt buffer");
    return out;
  }

 private:
  const Comm& comm_;
};

}  // namespace

std::unique_ptr<SummaryExchange> make_mpi_exchange(const Comm& comm) { return std::make_unique<MpiExchange>(comm); }

std::unique_ptr<SummaryExchange> make_exchange(const Comm& comm, const std::string& choice, const DeviceInfo& dev,
                                               std::string* error) {
  if (choice == "mpi") return make_mpi_exchange(comm);
  // Every rank must take the same decision: a collective over "has a GPU".
  bool all_gpus = comm.allreduce_sum(dev.has_gpu ? 1 : 0) == comm.size();
  if (choice == "nccl" || (choice == "auto" && nccl_built() && all_gpus)) {
    if (!nccl_built()) {
      *error = "--exchange nccl: this build has no NCCL (CUDA or libnccl not found at configure time)";
      return nullptr;
    }
    if (!all_gpus) {
      *error = "--exchange nccl: not every rank has a GPU";
      return nullptr;
    }
    return make_nccl_exchange(comm, dev, error);
  }
  if (choice != "auto") {
    *error = "--exchange must be auto, mpi or nccl, not '" + choice + "'";
    return nullptr;
  }
  return make_mpi_exchange(comm);
}

}  // namespace portalis::cluster
