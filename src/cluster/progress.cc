#include "cluster/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "cluster/check.h"

namespace portalis::cluster {

namespace {
// Open MPI's mpirun hands its ranks a pseudo-terminal whether or not its own
// output goes to one, so under mpirun isatty() says nothing: plain lines
// there, unless --progress tty asks for the redrawn line.
bool stdout_is_terminal(std::FILE* out) {
  if (std::getenv("OMPI_COMM_WORLD_SIZE")) return false;
  return ::isatty(::fileno(out));
}
}  // namespace

ProgressMode parse_progress_mode(const std::string& s, bool* ok) {
  *ok = true;
  if (s == "auto") return ProgressMode::Auto;
  if (s == "tty") return ProgressMode::Tty;
  if (s == "plain") return ProgressMode::Plain;
  if (s == "off") return ProgressMode::Off;
  *ok = false;
  return ProgressMode::Auto;
}

Progress::Progress(const Comm& comm, int phase, std::string label, uint64_t total_files, uint64_t total_bytes,
                   ProgressMode mode, std::FILE* out)
    : comm_(comm),
      tag_(1000 + phase),
      label_(std::move(label)),
      total_files_(total_files),
      total_bytes_(total_bytes),
      tty_(mode == ProgressMode::Tty || (mode == ProgressMode::Auto && stdout_is_terminal(out))),
      off_(mode == ProgressMode::Off),
      out_(out),
      start_(Clock::now()),
      last_send_(start_),
      last_render_(start_) {
  if (comm_.rank() == 0) {
    files_.assign(static_cast<size_t>(comm_.size()), 0);
    bytes_.assign(static_cast<size_t>(comm_.size()), 0);
    final_.assign(static_cast<size_t>(comm_.size()), false);
  }
}

void Progress::update(uint64_t files_done, uint64_t bytes_done) {
  my_files_ = files_done;
  my_bytes_ = bytes_done;
  auto now = Clock::now();
  if (comm_.rank() != 0) {
    if (now - last_send_ < std::chrono::milliseconds(200)) return;
    last_send_ = now;
    send_bufs_.push_back({files_done, bytes_done, 0});
    requests_.emplace_back();
    PORTALIS_MPI_CHECK(MPI_Isend(send_bufs_.back().data(), 3, MPI_UINT64_T, 0, tag_, MPI_COMM_WORLD, &requests_.back()));
    return;
  }
  files_[0] = files_done;
  bytes_[0] = bytes_done;
  poll();
  render(false);
}

void Progress::poll() {
  for (;;) {
    int flag = 0;
    MPI_Status st;
    PORTALIS_MPI_CHECK(MPI_Iprobe(MPI_ANY_SOURCE, tag_, MPI_COMM_WORLD, &flag, &st));
    if (!flag) return;
    uint64_t msg[3];
    PORTALIS_MPI_CHECK(MPI_Recv(msg, 3, MPI_UINT64_T, st.MPI_SOURCE, tag_, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
    size_t r = static_cast<size_t>(st.MPI_SOURCE);
    files_[r] = std::max(files_[r], msg[0]);
    bytes_[r] = std::max(bytes_[r], msg[1]);
    if (msg[2]) final_[r] = true;
  }
}

void Progress::finish() {
  if (comm_.rank() != 0) {
    send_bufs_.push_back({my_files_, my_bytes_, 1});
    requests_.emplace_back();
    PORTALIS_MPI_CHECK(MPI_Isend(send_bufs_.back().data(), 3, MPI_UINT64_T, 0, tag_, MPI_COMM_WORLD, &requests_.back()));
    PORTALIS_MPI_CHECK(MPI_Waitall(static_cast<int>(requests_.size()), requests_.data(), MPI_STATUSES_IGNORE));
    return;
  }
  files_[0] = my_files_;
  bytes_[0] = my_bytes_;
  final_[0] = true;
  for (;;) {
    poll();
    bool all = true;
    for (bool f : final_) all = all && f;
    render(all);
    if (all) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void Progress::render(bool final) {
  if (comm_.rank() != 0 || off_) return;
  auto now = Clock::now();
  uint64_t files = 0, bytes = 0;
  for (size_t r = 0; r < files_.size(); ++r) {
    files += files_[r];
    bytes += bytes_[r];
  }
  double elapsed = std::chrono::duration<double>(now - start_).count();
  int tenth = total_files_ ? static_cast<int>(files * 10 / total_files_) : 10;
  if (tty_) {
    if (!final && now - last_render_ < std::chrono::milliseconds(100)) return;
  } else if (!final && (tenth == last_tenth_ || now - last_render_ < std::chrono::milliseconds(500))) {
    return;  // plain lines: at most one per tenth of the way and per half second
  }
  if (final && !tty_ && files == last_plain_files_) return;
  last_plain_files_ = files;
  last_render_ = now;
  last_tenth_ = tenth;
  double mbps = elapsed > 0 ? double(bytes) / 1e6 / elapsed : 0;
  // Largest files go first, so bytes run ahead of files: the smaller of the
  // two fractions gives the less optimistic estimate.
  double frac = std::min(total_bytes_ ? double(bytes) / double(total_bytes_) : 1.0,
                         total_files_ ? double(files) / double(total_files_) : 1.0);
  double eta = frac > 0 && frac < 1 ? elapsed * (1 - frac) / frac : 0;
  char line[256];
  std::snprintf(line, sizeof line, "[%-9s] %6llu/%llu files  %7.1f MB/s  elapsed %6.1fs  eta %6.1fs", label_.c_str(),
                static_cast<unsigned long long>(files), static_cast<unsigned long long>(total_files_), mbps, elapsed,
                final ? 0.0 : eta);
  if (tty_)
    std::fprintf(out_, "\r%s\x1b[K%s", line, final ? "\n" : "");
  else
    std::fprintf(out_, "%s\n", line);
  std::fflush(out_);
}

}  // namespace portalis::cluster
