// @dataclass classes in static code (see lower_static_class.cc).
#include "lower/lower_impl.h"

namespace portalis::lower {}  // namespace portalis::lower
