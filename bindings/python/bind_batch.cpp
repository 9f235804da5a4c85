// score_many: a numpy matrix of status codes (one row per assessment, one column per criterion) scored
// in one C++ call with the GIL released. A C-contiguous uint8 matrix (or uint8 rows with unit column
// stride) is read in place; any other integer array is range-checked and converted to uint8 once.

#include "common.hpp"

#include <mutex>

#include <pybind11/numpy.h>

#include <routemap/batch.hpp>
#include <routemap/error.hpp>
#include <routemap/scoring.hpp>

namespace routemap::python {

namespace {

// What a BatchResult's arrays are views of. Calls writing into one result (out=) from several Python
// threads take turns, since each runs with the GIL released.
struct BatchStorage {
    BatchScores scores;
    std::mutex writing;
};

struct BatchResult {
    std::string framework_id;
    std::string model;
    std::size_t rows = 0;
    std::vector<std::string> area_ids;
    std::vector<std::string> domain_ids;
    std::vector<std::string> tier_ids;
    // Arrays not asked for are None.
    py::object area_levels, area_scores, domain_levels, domain_scores, overall_levels, overall_scores;
    py::object area_applicable, domain_applicable, overall_applicable;
    py::object area_tier_scores, domain_tier_scores, overall_tier_scores;
    bool input_copied = false;
    unsigned threads = 0;
    unsigned outputs = batch_default_outputs;
    // The memory of every array above: each is a view of it that keeps it alive, and score_many(...,
    // out=this) writes into it again.
    std::shared_ptr<BatchStorage> storage;
};

// A numpy view of a vector of `storage`, without a copy: the array holds a share of the storage.
template <class T, class Allocator>
py::array_t<T> view(const std::shared_ptr<BatchStorage>& storage, std::vector<T, Allocator>& values,
                    std::vector<py::ssize_t> shape) {
    auto* share = new std::shared_ptr<BatchStorage>(storage);
    py::capsule owner(share, [](void* p) { delete static_cast<std::shared_ptr<BatchStorage>*>(p); });
    return py::array_t<T>(std::move(shape), values.data(), owner);
}

// The applicable masks, as numpy booleans (a view of the uint8 buffer, no copy).
py::object view_mask(const std::shared_ptr<BatchStorage>& storage, BatchArray<std::uint8_t>& values,
                     std::vector<py::ssize_t> shape) {
    return view(storage, values, std::move(shape)).attr("view")(py::dtype::of<bool>());
}

struct Request {
    Framework framework;
    const ScoringModel* model = nullptr;
    ModelParameters parameters;
    BatchOptions options;
};

struct Outputs {
    bool levels = true, scores = true, tier_scores = false;
    std::optional<unsigned> threads;
};

Request prepare(const Framework& framework, const std::optional<std::string>& model_name,
                const std::optional<ModelParameters>& overrides, const std::shared_ptr<Registry>& registry,
                const Outputs& outputs) {
    const auto& r = registry_or_default(registry);
    const auto name = model_name.value_or("");
    const auto& model = r.model(name.empty() ? framework.scoring().default_model : name);
    BatchOptions options;
    options.outputs = (outputs.levels ? batch_levels : 0u) | (outputs.scores ? batch_scores : 0u) |
                      (outputs.tier_scores ? batch_tier_scores : 0u);
    options.threads = outputs.threads.value_or(0);
    return Request{framework, &model, resolve_parameters(model, framework, overrides.value_or(ModelParameters{})), options};
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

// Whether an earlier result can take this call's output as it is: the same framework shape, rows
// and arrays asked for (its memory is then written, never resized, so views of it stay valid).
void check_out(const BatchResult& out, const Request& request, std::size_t rows) {
    const auto& f = request.framework;
    auto refuse = [&](const std::string& why) {
        throw py::value_error("score_many: out= must be a BatchResult of the same shape as this call's result: " + why);
    };
    if (out.framework_id != f.id()) refuse("it is of framework '" + out.framework_id + "', this call of '" + f.id() + "'");
    // Its own id lists, set when it was made, not its storage, which another thread may be writing.
    if (out.area_ids.size() != f.areas().size() || out.domain_ids.size() != f.domains().size() ||
        out.tier_ids.size() != f.tiers().size())
        refuse("framework '" + f.id() + "' has changed shape since (areas, domains or tiers)");
    if (out.rows != rows) refuse("it has " + std::to_string(out.rows) + " rows, this call " + std::to_string(rows));
    if (out.outputs != request.options.outputs)
        refuse("it holds other arrays (levels, scores, tier_scores must be asked for as when it was made)");
}

// `into` (out=) is returned as it is, so Python gets back the very object it passed.
std::shared_ptr<BatchResult> run(const Request& request, const std::uint8_t* codes, std::size_t rows,
                                 std::size_t row_stride, bool copied, const std::shared_ptr<BatchResult>& into) {
    if (into) {
        auto& out = *into;
        check_out(out, request, rows);
        {
            py::gil_scoped_release release;
            const std::lock_guard<std::mutex> lock(out.storage->writing);
            score_many_into(out.storage->scores, *request.model, request.framework, codes, rows, row_stride, request.parameters,
                            request.options);
        }
        out.model = request.model->name();
        out.input_copied = copied;
        out.threads = request.options.threads;
        return into;
    }
    auto storage = std::make_shared<BatchStorage>();
    {
        py::gil_scoped_release release;  // pure C++ from here; the caller's array is kept alive by its handle
        score_many_into(storage->scores, *request.model, request.framework, codes, rows, row_stride, request.parameters,
                        request.options);
    }
    auto& scores = storage->scores;
    auto result = std::make_shared<BatchResult>();
    auto& out = *result;
    out.framework_id = request.framework.id();
    out.model = request.model->name();
    out.rows = rows;
    for (const auto& a : request.framework.areas()) out.area_ids.push_back(a.id);
    for (const auto& d : request.framework.domains()) out.domain_ids.push_back(d.id);
    for (const auto& t : request.framework.tiers()) out.tier_ids.push_back(t.id);
    const auto n = static_cast<py::ssize_t>(rows);
    const auto na = static_cast<py::ssize_t>(scores.areas);
    const auto nd = static_cast<py::ssize_t>(scores.domains);
    const auto nt = static_cast<py::ssize_t>(scores.tiers);
    out.area_applicable = view_mask(storage, scores.area_applicable, {n, na});
    out.domain_applicable = view_mask(storage, scores.domain_applicable, {n, nd});
    out.overall_applicable = view_mask(storage, scores.overall_applicable, {n});
    const auto& o = request.options.outputs;
    auto maybe = [&](bool wanted, auto& values, std::vector<py::ssize_t> shape) -> py::object {
        if (!wanted) return py::none();
        return view(storage, values, std::move(shape));
    };
    out.area_levels = maybe(o & batch_levels, scores.area_levels, {n, na});
    out.domain_levels = maybe(o & batch_levels, scores.domain_levels, {n, nd});
    out.overall_levels = maybe(o & batch_levels, scores.overall_levels, {n});
    out.area_scores = maybe(o & batch_scores, scores.area_scores, {n, na});
    out.domain_scores = maybe(o & batch_scores, scores.domain_scores, {n, nd});
    out.overall_scores = maybe(o & batch_scores, scores.overall_scores, {n});
    out.area_tier_scores = maybe(o & batch_tier_scores, scores.area_tier_scores, {n, na, nt});
    out.domain_tier_scores = maybe(o & batch_tier_scores, scores.domain_tier_scores, {n, nd, nt});
    out.overall_tier_scores = maybe(o & batch_tier_scores, scores.overall_tier_scores, {n, nt});
    out.input_copied = copied;
    out.threads = request.options.threads;
    out.outputs = o;
    out.storage = std::move(storage);
    return result;
}

// The fast path: C-contiguous uint8, read in place.
std::shared_ptr<BatchResult> score_uint8(const Framework& framework, const py::array_t<std::uint8_t, py::array::c_style>& codes,
                       const std::optional<std::string>& model, const std::optional<ModelParameters>& parameters,
                       const std::shared_ptr<Registry>& registry, bool levels, bool scores, bool tier_scores,
                       std::optional<unsigned> threads, const std::shared_ptr<BatchResult>& out) {
    check_shape(framework, codes);
    const auto request = prepare(framework, model, parameters, registry, {levels, scores, tier_scores, threads});
    return run(request, codes.data(), static_cast<std::size_t>(codes.shape(0)), static_cast<std::size_t>(codes.shape(1)), false,
               out);
}

// Anything else array-like: integer dtypes only; values checked before the single conversion to uint8.
std::shared_ptr<BatchResult> score_any(const Framework& framework, const py::object& statuses, const std::optional<std::string>& model,
                     const std::optional<ModelParameters>& parameters, const std::shared_ptr<Registry>& registry,
                     bool levels, bool scores, bool tier_scores, std::optional<unsigned> threads,
                     const std::shared_ptr<BatchResult>& out) {
    const auto np = py::module_::import("numpy");
    py::array codes = np.attr("asarray")(statuses);
    const auto kind = codes.dtype().kind();
    if (kind != 'i' && kind != 'u')
        throw py::type_error("score_many: statuses must be an integer matrix of status codes (0 unknown, 1 not_met, "
                             "2 partial, 3 met, 4 not_applicable), got dtype " +
                             py::str(codes.dtype()).cast<std::string>());
    check_shape(framework, codes);
    const auto request = prepare(framework, model, parameters, registry, {levels, scores, tier_scores, threads});
    const auto rows = static_cast<std::size_t>(codes.shape(0));

    // uint8 rows whose columns are adjacent (a slice of a wider matrix, say) are read in place too.
    if (codes.dtype().is(py::dtype::of<std::uint8_t>()) && codes.strides(1) == 1 && codes.strides(0) >= codes.shape(1)) {
        const auto* data = static_cast<const std::uint8_t*>(codes.data());
        return run(request, data, rows, static_cast<std::size_t>(codes.strides(0)), false, out);
    }

    const py::object bad =
        np.attr("logical_or")(np.attr("less")(codes, 0), np.attr("greater")(codes, static_cast<int>(framework.code_count()) - 1));
    if (bad.attr("any")().cast<bool>()) {
        const py::object where = np.attr("argwhere")(bad)[py::int_(0)];
        const auto r = where[py::int_(0)].cast<std::size_t>();
        const auto c = where[py::int_(1)].cast<std::size_t>();
        const auto value = py::str(codes.attr("__getitem__")(py::make_tuple(r, c))).cast<std::string>();
        throw Error("score_many: invalid status code " + value + " at row " + std::to_string(r) + ", column " +
                    std::to_string(c) + " (criterion '" + framework.criteria()[c].id +
                    "'); codes are 0 unknown, 1 not met, 2 partial, 3 met, 4 not applicable" +
                    (framework.answers().empty() ? std::string() : ", 5 and up the answers of the answer scales"));
    }
    const auto converted = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>::ensure(codes);
    if (!converted) throw py::error_already_set();
    return run(request, converted.data(), rows, static_cast<std::size_t>(converted.shape(1)), true, out);
}

const char* const score_many_doc = R"doc(Score many assessments at once, as numpy arrays: for simulations and sensitivity analyses.

Gives exactly what score() gives for each row on its own, computed in C++ by the model's compiled
plan with the GIL released.

Parameters
----------
framework : Framework
statuses : array-like of int, shape (assessments, criteria)
    One row per assessment, one column per criterion in framework order (Framework.criterion_ids).
    Codes: 0 unknown, 1 not_met, 2 partial, 3 met, 4 not_applicable, then 5 + k for answer k of the
    framework's answer scale. A C-contiguous uint8 matrix is read without copying; other integer
    arrays are checked and converted once.
model : str, optional
    As for score().
parameters : mapping of str to float, optional
    As for score().
registry : Registry, optional
levels, scores : bool, default True
    Ask for less: an array not asked for is None.
tier_scores : bool, default False
    Also the completion of each (area, tier).
threads : int, optional
    Rows are split across this many threads; default every core.
out : BatchResult, optional
    A result of an earlier call with the same framework, number of rows and arrays asked for: its
    arrays are written in place and it is returned (as numpy's ``out=``). A loop over batches of one
    shape then takes its output memory once; new memory is the part of a call that does not scale
    with threads (the system clears each new page). Views of its arrays see the new values. Anything
    else is a ValueError, raised before any array is written.

Returns
-------
BatchResult
    overall_levels (assessments,), domain_levels and area_levels (assessments, nodes), the same
    for scores, and *_applicable boolean masks. Not applicable is never a number: levels are -1 and
    scores NaN there. .to_frame(wide=True) gives one row per assessment.

Examples
--------
>>> fw = routemap.load("newham-organisation")
>>> shape = (100_000, len(fw.criterion_ids))
>>> codes = numpy.random.default_rng(1).integers(0, 5, size=shape, dtype=numpy.uint8)
>>> result = routemap.score_many(fw, codes, "continuous")
>>> result.overall_scores.shape
(100000,)
)doc";

}  // namespace

void bind_batch(py::module_& m) {
    py::class_<BatchResult, std::shared_ptr<BatchResult>>(m, "BatchResult", "Levels and scores of many assessments, as numpy arrays (rows = assessments).")
        .def_readonly("framework_id", &BatchResult::framework_id, "The framework's id.")
        .def_readonly("model", &BatchResult::model, "The scoring model used.")
        .def_readonly("rows", &BatchResult::rows, "How many assessments.")
        .def_readonly("area_ids", &BatchResult::area_ids, "Area ids: the columns of area_levels and area_scores.")
        .def_readonly("domain_ids", &BatchResult::domain_ids, "Domain ids: the columns of domain_levels and domain_scores.")
        .def_readonly("tier_ids", &BatchResult::tier_ids, "Tier ids: the last axis of the *_tier_scores arrays.")
        .def_readonly("area_levels", &BatchResult::area_levels, "int32 array (rows x areas); -1 where not applicable; None if not asked for.")
        .def_readonly("area_scores", &BatchResult::area_scores, "float64 array (rows x areas); NaN where not applicable; None if not asked for.")
        .def_readonly("domain_levels", &BatchResult::domain_levels, "int32 array (rows x domains); -1 where not applicable.")
        .def_readonly("domain_scores", &BatchResult::domain_scores, "float64 array (rows x domains); NaN where not applicable.")
        .def_readonly("overall_levels", &BatchResult::overall_levels, "int32 array (rows); -1 where not applicable.")
        .def_readonly("overall_scores", &BatchResult::overall_scores, "float64 array (rows); NaN where not applicable.")
        .def_readonly("area_applicable", &BatchResult::area_applicable, "bool array (rows x areas): False where every criterion is not applicable.")
        .def_readonly("domain_applicable", &BatchResult::domain_applicable, "bool array (rows x domains).")
        .def_readonly("overall_applicable", &BatchResult::overall_applicable, "bool array (rows).")
        .def_readonly("area_tier_scores", &BatchResult::area_tier_scores, "float64 array (rows x areas x tiers) with tier_scores=True, else None.")
        .def_readonly("domain_tier_scores", &BatchResult::domain_tier_scores, "float64 array (rows x domains x tiers), or None.")
        .def_readonly("overall_tier_scores", &BatchResult::overall_tier_scores, "float64 array (rows x tiers), or None.")
        .def_readonly("threads", &BatchResult::threads, "The threads asked for (0 = every core).")
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
                 d["area_applicable"] = b.area_applicable;
                 d["domain_applicable"] = b.domain_applicable;
                 d["overall_applicable"] = b.overall_applicable;
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
          py::arg("parameters") = py::none(), py::arg("registry") = py::none(), py::kw_only(), py::arg("levels") = true,
          py::arg("scores") = true, py::arg("tier_scores") = false, py::arg("threads") = py::none(), py::arg("out") = py::none(), score_many_doc);
    m.def("score_many", &score_any, py::arg("framework"), py::arg("statuses"), py::arg("model") = py::none(),
          py::arg("parameters") = py::none(), py::arg("registry") = py::none(), py::kw_only(), py::arg("levels") = true,
          py::arg("scores") = true, py::arg("tier_scores") = false, py::arg("threads") = py::none(),
          py::arg("out") = py::none(),
          "The same for any other integer array-like (another dtype, Fortran order, nested lists): values are "
          "checked to be 0..4, then converted to a C-contiguous uint8 matrix once.");
}

}  // namespace routemap::python
