#pragma once
// The job's view of MPI: world rank and size, host, local rank (ranks on the
// same node, from MPI_Comm_split_type) and the few collectives the job uses,
// all on byte buffers. Without mpirun, MPI still initialises as a singleton,
// so a plain `portalis translate` runs the same code with one rank.
#include <mpi.h>

#include <cstdint>
#include <string>
#include <vector>

namespace portalis::cluster {

class Comm {
 public:
  Comm(int* argc, char*** argv);
  ~Comm();
  Comm(const Comm&) = delete;
  Comm& operator=(const Comm&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  int local_rank() const { return local_rank_; }
  int local_size() const { return local_size_; }
  const std::string& host() const { return host_; }
  MPI_Comm world() const { return MPI_COMM_WORLD; }

  void barrier() const;
  // Rank `root`'s buffer to everyone.
  void bcast(std::string& bytes, int root = 0) const;
  // Everyone's buffer to everyone, concatenated in rank order; `sizes` gets
  // each rank's length.
  std::string allgatherv(const std::string& mine, std::vector<int64_t>* sizes = nullptr) const;
  // Everyone's buffer to `root` (others get ""), with per-rank lengths.
  std::string gatherv(const std::string& mine, std::vector<int64_t>* sizes = nullptr, int root = 0) const;
  // One flag/number per rank to everyone.
  std::vector<int64_t> allgather(int64_t v) const;
  int64_t allreduce_max(int64_t v) const;
  int64_t allreduce_sum(int64_t v) const;
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0, size_ = 1, local_rank_ = 0, local_size_ = 1;
  std::string host_;
  bool we_initialized_ = false;
};

}  // namespace portalis::cluster
