// Dynamic mode: the `with` statement (placeholder until context managers land).
#include "lower/lower_impl.h"

namespace portalis::lower {

void Lowerer::d_with(NodeId s, Ids& out) {
  (void)out;
  fail(s, "With statement");
}

}  // namespace portalis::lower
