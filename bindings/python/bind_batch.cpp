// score_many: a numpy matrix of status codes (one row per assessment, one column per criterion) scored
// in one C++ call with the GIL released. A C-contiguous uint8 matrix (or uint8 rows with unit column
// stride) is read in place; any other integer array is range-checked and converted to uint8 once.

#include "common.hpp"

#include <pybind11/numpy.h>

#include <routemap/batch.hpp>
#include <routemap/error.hpp>
#include <routemap/scoring.hpp>

namespace routemap::python {

namespace {

struct BatchResult {
    std::string framework_id;
    std::string model;
    std::size_t rows = 0;
    std::vector<std::string> area_ids;
    std::vector<std::string> domain_ids;
    py::array area_levels, area_scores, domain_levels, domain_scores, overall_levels, overall_scores;
    bool input_copied = false;
};

// Hands a vector's buffer to numpy without copying it: the capsule owns the vector.
template <class T>
py::array_t<T> adopt(std::vector<T>&& values, std::vector<py::ssize_t> shape) {
    auto* owned = new std::vector<T>(std::move(values));
    py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
    return py::array_t<T>(std::move(shape), owned->data(), owner);
}

struct Request {
    Framework framework;
    const ScoringModel* model = nullptr;
    ModelParameters parameters;
};

Request prepare(const Framework& framework, const std::optional<std::string>& model_name,
                const std::optional<ModelParameters>& overrides, const std::shared_ptr<Registry>& registry) {
    const auto& r = registry_or_default(registry);
    const auto name = model_name.value_or("");
    const auto& model = r.model(name.empty() ? framework.scoring().default_model : name);
    return Request{framework, &model, resolve_parameters(model, framework, overrides.value_or(ModelParameters{}))};
}

void check_shape(const Framework& framework, const py::array& codes) {
    if (codes.ndim() != 2)
        throw py::value_error("score_many: statuses must be a 2-D matrix (assessments x criteria), got " +
                              std::to_string(codes.ndim()) + " dimension(s)");
    const auto columns = static_cast<py::ssize_t>(framework.criteria().size());
    if (codes.shape(1) != columns)
        throw py::value_error("score_many: framework '" + framework.id() + "' has " + std::to_string(columns) +
                              " criteria, so the matrix needs " + std::to_string(columns) + " columns; got " +
                              std::to_string(codes.shape(1)));
}

BatchResult run(const Request& request, const std::uint8_t* codes, std::size_t rows, std::size_t row_stride, bool copied) {
    BatchScores scores;
    {
        py::gil_scoped_release release;  // pure C++ from here; the caller's array is kept alive by its handle
        scores = score_many(*request.model, request.framework, codes, rows, row_stride, request.parameters);
    }
    BatchResult out;
    out.framework_id = request.framework.id();
    out.model = request.model->name();
    out.rows = rows;
    for (const auto& a : request.framework.areas()) out.area_ids.push_back(a.id);
    for (const auto& d : request.framework.domains()) out.domain_ids.push_back(d.id);
    const auto n = static_cast<py::ssize_t>(rows);
    const auto na = static_cast<py::ssize_t>(scores.areas);
    const auto nd = static_cast<py::ssize_t>(scores.domains);
    out.area_levels = adopt(std::move(scores.area_levels), {n, na});
    out.area_scores = adopt(std::move(scores.area_scores), {n, na});
    out.domain_levels = adopt(std::move(scores.domain_levels), {n, nd});
    out.domain_scores = adopt(std::move(scores.domain_scores), {n, nd});
    out.overall_levels = adopt(std::move(scores.overall_levels), {n});
    out.overall_scores = adopt(std::move(scores.overall_scores), {n});
    out.input_copied = copied;
    return out;
}

// The fast path: C-contiguous uint8, read in place.
BatchResult score_uint8(const Framework& framework, const py::array_t<std::uint8_t, py::array::c_style>& codes,
                        const std::optional<std::string>& model, const std::optional<ModelParameters>& parameters,
                        const std::shared_ptr<Registry>& registry) {
    check_shape(framework, codes);
    const auto request = prepare(framework, model, parameters, registry);
    return run(request, codes.data(), static_cast<std::size_t>(codes.shape(0)), static_cast<std::size_t>(codes.shape(1)), false);
}

// Anything else array-like: integer dtypes only; values checked before the single conversion to uint8.
BatchResult score_any(const Framework& framework, const py::object& statuses, const std::optional<std::string>& model,
                      const std::optional<ModelParameters>& parameters, const std::shared_ptr<Registry>& registry) {
    const auto np = py::module_::import("numpy");
    py::array codes = np.attr("asarray")(statuses);
    const auto kind = codes.dtype().kind();
    if (kind != 'i' && kind != 'u')
        throw py::type_error("score_many: statuses must be an integer matrix of status codes (0 unknown, 1 not_met, "
                             "2 partial, 3 met, 4 not_applicable), got dtype " +
                             py::str(codes.dtype()).cast<std::string>());
    check_shape(framework, codes);
    const auto request = prepare(framework, model, parameters, registry);
    const auto rows = static_cast<std::size_t>(codes.shape(0));

    // uint8 rows whose columns are adjacent (a slice of a wider matrix, say) are read in place too.
    if (codes.dtype().is(py::dtype::of<std::uint8_t>()) && codes.strides(1) == 1 && codes.strides(0) >= codes.shape(1)) {
        const auto* data = static_cast<const std::uint8_t*>(codes.data());
        return run(request, data, rows, static_cast<std::size_t>(codes.strides(0)), false);
    }

    const py::object bad =
        np.attr("logical_or")(np.attr("less")(codes, 0), np.attr("greater")(codes, static_cast<int>(status_count) - 1));
    if (bad.attr("any")().cast<bool>()) {
        const py::object where = np.attr("argwhere")(bad)[py::int_(0)];
        const auto r = where[py::int_(0)].cast<std::size_t>();
        const auto c = where[py::int_(1)].cast<std::size_t>();
        const auto value = py::str(codes.attr("__getitem__")(py::make_tuple(r, c))).cast<std::string>();
        throw Error("score_many: invalid status code " + value + " at row " + std::to_string(r) + ", column " +
                    std::to_string(c) + " (criterion '" + framework.criteria()[c].id +
                    "'); codes are 0 unknown, 1 not met, 2 partial, 3 met, 4 not applicable");
    }
    const auto converted = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>::ensure(codes);
    if (!converted) throw py::error_already_set();
    return run(request, converted.data(), rows, static_cast<std::size_t>(converted.shape(1)), true);
}

const char* const score_many_doc =
    "Score many assessments at once. `statuses` is an integer matrix, one row per assessment and one column per "
    "criterion in framework order (codes 0 unknown, 1 not_met, 2 partial, 3 met, 4 not_applicable). Returns a "
    "BatchResult with numpy arrays of levels and scores per area, domain and overall, computed in C++ with the GIL "
    "released; exactly what scoring each row on its own gives. A C-contiguous uint8 matrix is read without copying; "
    "other integer dtypes are checked and converted once.";

}  // namespace

void bind_batch(py::module_& m) {
    py::class_<BatchResult>(m, "BatchResult", "Levels and scores of many assessments, as numpy arrays (rows = assessments).")
        .def_readonly("framework_id", &BatchResult::framework_id, "The framework's id.")
        .def_readonly("model", &BatchResult::model, "The scoring model used.")
        .def_readonly("rows", &BatchResult::rows, "How many assessments.")
        .def_readonly("area_ids", &BatchResult::area_ids, "Area ids: the columns of area_levels and area_scores.")
        .def_readonly("domain_ids", &BatchResult::domain_ids, "Domain ids: the columns of domain_levels and domain_scores.")
        .def_readonly("area_levels", &BatchResult::area_levels, "int32 array (rows x areas).")
        .def_readonly("area_scores", &BatchResult::area_scores, "float64 array (rows x areas).")
        .def_readonly("domain_levels", &BatchResult::domain_levels, "int32 array (rows x domains).")
        .def_readonly("domain_scores", &BatchResult::domain_scores, "float64 array (rows x domains).")
        .def_readonly("overall_levels", &BatchResult::overall_levels, "int32 array (rows).")
        .def_readonly("overall_scores", &BatchResult::overall_scores, "float64 array (rows).")
        .def_readonly("input_copied", &BatchResult::input_copied,
                      "False when the status matrix was read in place (uint8 with adjacent columns), True when it "
                      "had to be converted.")
        .def("to_dict",
             [](const BatchResult& b) {
                 py::dict d;
                 d["area_ids"] = b.area_ids;
                 d["domain_ids"] = b.domain_ids;
                 d["area_levels"] = b.area_levels;
                 d["area_scores"] = b.area_scores;
                 d["domain_levels"] = b.domain_levels;
                 d["domain_scores"] = b.domain_scores;
                 d["overall_levels"] = b.overall_levels;
                 d["overall_scores"] = b.overall_scores;
                 return d;
             },
             "The arrays and id lists as a dict.")
        .def("__len__", [](const BatchResult& b) { return b.rows; }, "The number of assessments.")
        .def("__repr__", [](const BatchResult& b) {
            return "<BatchResult " + b.framework_id + " (" + b.model + "): " + std::to_string(b.rows) + " assessments x " +
                   std::to_string(b.area_ids.size()) + " areas, " + std::to_string(b.domain_ids.size()) + " domains>";
        });

    // Overload order matters: pybind11 first tries every overload without conversions, so an exact
    // C-contiguous uint8 array binds to the first; everything else falls to the second.
    m.def("score_many", &score_uint8, py::arg("framework"), py::arg("statuses").noconvert(), py::arg("model") = py::none(),
          py::arg("parameters") = py::none(), py::arg("registry") = py::none(), score_many_doc);
    m.def("score_many", &score_any, py::arg("framework"), py::arg("statuses"), py::arg("model") = py::none(),
          py::arg("parameters") = py::none(), py::arg("registry") = py::none(),
          "The same for any other integer array-like (another dtype, Fortran order, nested lists): values are "
          "checked to be 0..4, then converted to a C-contiguous uint8 matrix once.");
}

}  // namespace routemap::python
