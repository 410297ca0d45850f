// Built when no CUDA compiler was found: the GPU is never usable.
#include <cstdlib>

#include "kernels/scan_engine.h"

namespace portalis::kernels {

GpuInfo probe_gpu() {
  GpuInfo g;
  g.why = "portalis was built without CUDA";
  return g;
}

bool scan_batch_gpu(const BatchView&, ScanResult*, GpuTimings*, std::string* error) {
  *error = "portalis was built without CUDA";
  return false;
}

void* alloc_pinned(size_t bytes, bool* pinned) {
  *pinned = false;
  return std::malloc(bytes ? bytes : 1);
}

void free_pinned(void* p, bool) { std::free(p); }

}  // namespace portalis::kernels
