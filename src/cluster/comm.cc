#include "cluster/comm.h"

#include <climits>
#include <stdexcept>

#include "cluster/check.h"

namespace portalis::cluster {

Comm::Comm(int* argc, char*** argv) {
  int initialized = 0;
  PORTALIS_MPI_CHECK(MPI_Initialized(&initialized));
  if (!initialized) {
    int provided = 0;
    PORTALIS_MPI_CHECK(MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided));
    we_initialized_ = true;
  }
  // Errors come back to the check macros, which report where they happened.
  PORTALIS_MPI_CHECK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
  PORTALIS_MPI_CHECK(MPI_Comm_rank(MPI_COMM_WORLD, &rank_));
  PORTALIS_MPI_CHECK(MPI_Comm_size(MPI_COMM_WORLD, &size_));
  char name[MPI_MAX_PROCESSOR_NAME];
  int len = 0;
  PORTALIS_MPI_CHECK(MPI_Get_processor_name(name, &len));
  host_.assign(name, static_cast<size_t>(len));
  set_identity(rank_, host_);
  MPI_Comm node;
  PORTALIS_MPI_CHECK(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node));
  PORTALIS_MPI_CHECK(MPI_Comm_rank(node, &local_rank_));
  PORTALIS_MPI_CHECK(MPI_Comm_size(node, &local_size_));
  PORTALIS_MPI_CHECK(MPI_Comm_free(&node));
}

Comm::~Comm() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (we_initialized_ && !finalized) MPI_Finalize();
}

void Comm::barrier() const { PORTALIS_MPI_CHECK(MPI_Barrier(MPI_COMM_WORLD)); }

namespace {
int checked_int(int64_t n) {
  // MPI counts are int; a single buffer over 2 GiB would need chunking, which
  // the job's buffers (file lists, summaries, records) never approach.
  if (n < 0 || n > INT_MAX) throw std::runtime_error("MPI buffer of " + std::to_string(n) + " bytes exceeds 2 GiB");
  return static_cast<int>(n);
}
}  // namespace

void Comm::bcast(std::string& bytes, int root) const {
  int64_t n = static_cast<int64_t>(bytes.size());
  PORTALIS_MPI_CHECK(MPI_Bcast(&n, 1, MPI_INT64_T, root, MPI_COMM_WORLD));
  bytes.resize(static_cast<size_t>(n));
  if (n > 0) PORTALIS_MPI_CHECK(MPI_Bcast(bytes.data(), checked_int(n), MPI_BYTE, root, MPI_COMM_WORLD));
}

std::vector<int64_t> Comm::allgather(int64_t v) const {
  std::vector<int64_t> all(static_cast<size_t>(size_));
  PORTALIS_MPI_CHECK(MPI_Allgather(&v, 1, MPI_INT64_T, all.data(), 1, MPI_INT64_T, MPI_COMM_WORLD));
  return all;
}

int64_t Comm::allreduce_max(int64_t v) const {
  int64_t out = 0;
  PORTALIS_MPI_CHECK(MPI_Allreduce(&v, &out, 1, MPI_INT64_T, MPI_MAX, MPI_COMM_WORLD));
  return out;
}

int64_t Comm::allreduce_sum(int64_t v) const {
  int64_t out = 0;
  PORTALIS_MPI_CHECK(MPI_Allreduce(&v, &out, 1, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD));
  return out;
}

std::string Comm::allgatherv(const std::string& mine, std::vector<int64_t>* sizes_out) const {
  std::vector<int64_t> sizes = allgather(static_cast<int64_t>(mine.size()));
  std::vector<int> counts(sizes.size()), displs(sizes.size());
  int64_t total = 0;
  for (size_t r = 0; r < sizes.size(); ++r) {
    counts[r] = checked_int(sizes[r]);
    displs[r] = checked_int(total);
    total += sizes[r];
  }
  checked_int(total);
  std::string all(static_cast<size_t>(total), '\0');
  PORTALIS_MPI_CHECK(MPI_Allgatherv(mine.data(), counts[static_cast<size_t>(rank_)], MPI_BYTE, all.data(), counts.data(),
                                    displs.data(), MPI_BYTE, MPI_COMM_WORLD));
  if (sizes_out) *sizes_out = std::move(sizes);
  return all;
}

std::string Comm::gatherv(const std::string& mine, std::vector<int64_t>* sizes_out, int root) const {
  int64_t n = static_cast<int64_t>(mine.size());
  std::vector<int64_t> sizes(rank_ == root ? static_cast<size_t>(size_) : 0);
  PORTALIS_MPI_CHECK(MPI_Gather(&n, 1, MPI_INT64_T, sizes.data(), 1, MPI_INT64_T, root, MPI_COMM_WORLD));
  std::vector<int> counts(sizes.size()), displs(sizes.size());
  int64_t total = 0;
  for (size_t r = 0; r < sizes.size(); ++r) {
    counts[r] = checked_int(sizes[r]);
    displs[r] = checked_int(total);
    total += sizes[r];
  }
  checked_int(total);
  std::string all(static_cast<size_t>(total), '\0');
  PORTALIS_MPI_CHECK(MPI_Gatherv(mine.data(), checked_int(n), MPI_BYTE, all.data(), counts.data(), displs.data(), MPI_BYTE,
                                 root, MPI_COMM_WORLD));
  if (sizes_out) *sizes_out = std::move(sizes);
  return all;
}

void Comm::abort(int code) const {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);
}

}  // namespace portalis::cluster
