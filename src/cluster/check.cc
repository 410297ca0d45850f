#include "cluster/check.h"

#include <cstdio>

namespace portalis::cluster {
namespace {
std::string& identity() {
  static std::string id = "rank ? on ?";
  return id;
}
}  // namespace

const std::string& where_am_i() { return identity(); }
void set_identity(int rank, const std::string& host) { identity() = "rank " + std::to_string(rank) + " on " + host; }

std::string mpi_error_string(int code) {
  char buf[MPI_MAX_ERROR_STRING];
  int len = 0;
  if (MPI_Error_string(code, buf, &len) != MPI_SUCCESS) return "MPI error " + std::to_string(code);
  return std::string(buf, static_cast<size_t>(len));
}

void fail_call(const char* api, const char* call, const std::string& error, const char* file, int line) {
  std::fprintf(stderr, "portalis: %s: %s:%d: %s call failed: %s: %s\n", where_am_i().c_str(), file, line, api, call,
               error.c_str());
  std::fflush(stderr);
  int initialized = 0, finalized = 0;
  MPI_Initialized(&initialized);
  MPI_Finalized(&finalized);
  if (initialized && !finalized) MPI_Abort(MPI_COMM_WORLD, 3);
  std::_Exit(3);
}

}  // namespace portalis::cluster
