// Time of the summary exchange against its size: every rank contributes
// `count` blobs of `size` bytes (shaped like module summaries), through the
// same SummaryExchange the job uses. Run under mpirun; rank 0 prints one
// line per size: total bytes received per rank, median and min microseconds.
//   mpirun -np 2 portalis_exchange_bench [--exchange mpi|nccl|auto]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cluster/comm.h"
#include "cluster/exchange.h"

int main(int argc, char** argv) {
  portalis::cluster::Comm comm(&argc, &argv);
  std::string choice = "mpi";
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--exchange") == 0) choice = argv[i + 1];
  auto dev = portalis::cluster::select_device(comm);
  std::string error;
  auto ex = portalis::cluster::make_exchange(comm, choice, dev, &error);
  if (!ex) {
    if (comm.rank() == 0) std::fprintf(stderr, "%s\n", error.c_str());
    return 2;
  }
  if (comm.rank() == 0)
    std::printf("# %s, %d ranks\n# bytes_per_rank received_per_rank median_us min_us GB/s(received/median)\n", ex->name(),
                comm.size());
  // A stdlib module's summary is ~2.4 KB on average (8.7 MB for 1,781 modules over 2 ranks... see RESULTS.md).
  for (size_t per_rank : {size_t(1) << 10, size_t(1) << 14, size_t(1) << 17, size_t(1) << 20, size_t(4) << 20,
                          size_t(16) << 20, size_t(64) << 20}) {
    const size_t blob = 2400;
    std::vector<std::string> mine;
    for (size_t b = 0; b < std::max<size_t>(1, per_rank / blob); ++b) mine.emplace_back(std::min(blob, per_rank), char('a' + b % 26));
    std::vector<double> us;
    int reps = per_rank >= (size_t(16) << 20) ? 5 : 15;
    uint64_t received = 0;
    for (int r = 0; r < reps; ++r) {
      comm.barrier();
      auto t0 = std::chrono::steady_clock::now();
      auto all = ex->allgather(mine);
      double t = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
      // The slowest rank's time is the exchange's time.
      int64_t worst = comm.allreduce_max(static_cast<int64_t>(t));
      us.push_back(double(worst));
      received = ex->bytes_received();
      if (all.size() != mine.size() * static_cast<size_t>(comm.size())) {
        std::fprintf(stderr, "wrong blob count\n");
        return 1;
      }
    }
    std::sort(us.begin(), us.end());
    if (comm.rank() == 0)
      std::printf("%zu %llu %.0f %.0f %.3f\n", per_rank, static_cast<unsigned long long>(received), us[us.size() / 2], us[0],
                  double(received) / (us[us.size() / 2] * 1e3));
  }
  return 0;
}
