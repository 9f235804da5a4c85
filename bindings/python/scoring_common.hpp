#pragma once
// Helpers shared by the scoring, comparison and aggregation bindings.

#include "common.hpp"

#include <routemap/scoring.hpp>

namespace routemap::python {

// {"unknown": n, "not_met": n, "partial": n, "met": n, "not_applicable": n}
py::dict counts_dict(const StatusCounts& counts);

}  // namespace routemap::python
