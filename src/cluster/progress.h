#pragma once
// The live progress line. Only rank 0 prints; the other ranks send it small
// non-blocking updates (files and bytes done) that rank 0 drains between its
// own files. On a terminal the line redraws in place; otherwise plain lines
// at each tenth of the way.
#include <mpi.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include "cluster/comm.h"

namespace portalis::cluster {

enum class ProgressMode { Auto, Tty, Plain, Off };
ProgressMode parse_progress_mode(const std::string& s, bool* ok);

class Progress {
 public:
  Progress(const Comm& comm, int phase, std::string label, uint64_t total_files, uint64_t total_bytes, ProgressMode mode,
           std::FILE* out = stdout);
  // This rank's counters, cumulative.
  void update(uint64_t files_done, uint64_t bytes_done);
  // Sends the final counts and (on rank 0) waits for every rank's; always
  // call it, also after an error, or rank 0 waits forever.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  void poll();
  void render(bool final);

  const Comm& comm_;
  int tag_;
  std::string label_;
  uint64_t total_files_, total_bytes_;
  bool tty_;
  bool off_;
  std::FILE* out_;
  Clock::time_point start_, last_send_, last_render_;
  std::vector<uint64_t> files_, bytes_;
  std::vector<bool> final_;
  uint64_t my_files_ = 0, my_bytes_ = 0;
  int last_tenth_ = -1;
  uint64_t last_plain_files_ = ~uint64_t{0};
  std::deque<std::array<uint64_t, 3>> send_bufs_;
  std::vector<MPI_Request> requests_;
};

}  // namespace portalis::cluster
