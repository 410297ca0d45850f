#pragma once
// Every MPI, NCCL and CUDA call goes through a check macro. A failure is
// reported with rank, host, file and line, then the whole job is aborted:
// a failed collective cannot be recovered from without hanging other ranks.
#include <mpi.h>

#include <string>

namespace portalis::cluster {

// "rank 3 on node07" (set once MPI is up).
const std::string& where_am_i();
void set_identity(int rank, const std::string& host);

[[noreturn]] void fail_call(const char* api, const char* call, const std::string& error, const char* file, int line);

std::string mpi_error_string(int code);

}  // namespace portalis::cluster

#define PORTALIS_MPI_CHECK(call)                                                                          \
  do {                                                                                                    \
    int portalis_rc_ = (call);                                                                            \
    if (portalis_rc_ != MPI_SUCCESS)                                                                      \
      ::portalis::cluster::fail_call("MPI", #call, ::portalis::cluster::mpi_error_string(portalis_rc_), __FILE__, \
                                     __LINE__);                                                           \
  } while (0)
