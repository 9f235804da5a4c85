#pragma once
// The immutable, validated model of a maturity framework:
// framework -> domains -> areas -> tiered criteria, plus the dependency graph.
// Children are stored contiguously in document order, so each level is a span of the next.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <routemap/diagnostic.hpp>
#include <routemap/framework_spec.hpp>

namespace routemap {

class DependencyGraph;

struct Tier {
    std::string id;
    std::string name;
    std::string description;
    std::size_t index = 0;  // 0 = lowest; a tier's level is index + 1
    SourceLocation location;
};

// Status codes (Assessment::codes, score_many): 0 unknown, 1 not met, 2 partial, 3 met, 4 not
// applicable (Status), then first_answer_code + k for the k-th answer of Framework::answers().
inline constexpr std::uint8_t first_answer_code = 5;
inline constexpr std::size_t max_answers = 256 - first_answer_code;  // every code fits in one byte

// One answer of an answer scale (AnswerSpec, validated).
struct Answer {
    std::string id;
    std::string name;
    std::string description;
    double credit = 0.0;                // 0 to 1
    Status meaning = Status::not_met;   // met, partial or not_met
    std::size_t index = 0;              // in Framework::answers()
    std::uint8_t code = first_answer_code;  // first_answer_code + index
    std::string domain;                     // the domain whose own scale holds it; empty: the framework's scale
    SourceLocation location;
};

struct Criterion {
    std::string id;        // full id: domain.area.local (domain.local in an implicit area)
    std::string local_id;
    std::size_t tier = 0;  // tier index
    std::string text;
    std::vector<std::string> details;
    std::vector<std::string> requires_ids;  // explicit prerequisites (full ids)
    double weight = 1.0;
    std::vector<std::string> tags;
    std::string source;
    std::size_t index = 0;   // position in Framework::criteria()
    std::size_t area = 0;    // index into Framework::areas()
    std::size_t domain = 0;  // index into Framework::domains()
    SourceLocation location;
};

struct Area {
    std::string id;  // full id: domain.area (the domain's id for an implicit area)
    std::string local_id;
    std::string name;
    std::string description;
    bool implicit = false;
    std::size_t index = 0;
    std::size_t domain = 0;
    std::size_t first_criterion = 0;
    std::size_t criterion_count = 0;
    SourceLocation location;
    std::vector<std::size_t> declared_tiers;  // tier indices the file states the area uses (may be empty)
};

struct Domain {
    std::string id;
    std::string name;
    std::string step;
    std::string summary;
    std::string description;
    std::vector<Action> actions;
    std::size_t index = 0;
    std::size_t first_area = 0;
    std::size_t area_count = 0;
    SourceLocation location;
    // Its answer scale, in Framework::answers(): its own, or the framework's (empty without one).
    std::size_t first_answer = 0;
    std::size_t answer_count = 0;
};

class Framework {
public:
    // Validates and indexes; throws FrameworkError listing every problem found.
    // Warnings are kept and available from warnings().
    static Framework build(FrameworkSpec spec);
    // Same, but appends problems to `diagnostics` and returns nullopt on errors.
    static std::optional<Framework> build(FrameworkSpec spec, std::vector<Diagnostic>& diagnostics);

    [[nodiscard]] const FrameworkInfo& info() const noexcept;
    [[nodiscard]] const std::string& id() const noexcept { return info().id; }
    [[nodiscard]] const std::string& name() const noexcept { return info().name; }
    [[nodiscard]] const std::string& version() const noexcept { return info().version; }
    [[nodiscard]] const ScoringDefaults& scoring() const noexcept;
    [[nodiscard]] const std::string& file() const noexcept;
    [[nodiscard]] int format_version() const noexcept;

    [[nodiscard]] std::span<const Tier> tiers() const noexcept;
    [[nodiscard]] std::span<const Domain> domains() const noexcept;
    [[nodiscard]] std::span<const Area> areas() const noexcept;
    [[nodiscard]] std::span<const Criterion> criteria() const noexcept;

    [[nodiscard]] std::span<const Area> areas_of(const Domain& domain) const noexcept;
    [[nodiscard]] std::span<const Criterion> criteria_of(const Area& area) const noexcept;
    [[nodiscard]] std::span<const Criterion> criteria_of(const Domain& domain) const noexcept;

    // Lookups by id: find_* returns nullptr, the others throw NotFoundError.
    [[nodiscard]] const Tier* find_tier(std::string_view id) const noexcept;
    [[nodiscard]] const Domain* find_domain(std::string_view id) const noexcept;
    [[nodiscard]] const Area* find_area(std::string_view full_id) const noexcept;
    [[nodiscard]] const Criterion* find_criterion(std::string_view full_id) const noexcept;
    [[nodiscard]] const Tier& tier(std::string_view id) const;
    [[nodiscard]] const Domain& domain(std::string_view id) const;
    [[nodiscard]] const Area& area(std::string_view full_id) const;
    [[nodiscard]] const Criterion& criterion(std::string_view full_id) const;

    // Every answer of every answer scale: the framework's first, then each domain's own, in file order
    // (empty when the framework uses the built-in statuses only). A criterion accepts the answers of
    // its domain's scale (answers_of), and always the built-in statuses too.
    [[nodiscard]] std::span<const Answer> answers() const noexcept;
    [[nodiscard]] std::span<const Answer> answers_of(const Domain& domain) const noexcept;
    [[nodiscard]] std::span<const Answer> answers_of(const Criterion& criterion) const noexcept;
    [[nodiscard]] const Answer* find_answer(const Criterion& criterion, std::string_view id) const noexcept;
    // One past the largest valid code: first_answer_code + answers().size().
    [[nodiscard]] std::size_t code_count() const noexcept;
    // The status a code counts as (an answer's meaning); codes past code_count() are unknown.
    [[nodiscard]] Status meaning(std::uint8_t code) const noexcept;
    [[nodiscard]] ImplicitEdges implicit_edges() const noexcept;

    [[nodiscard]] const DependencyGraph& graph() const noexcept;
    [[nodiscard]] const std::vector<Diagnostic>& warnings() const noexcept;

    [[nodiscard]] std::size_t action_count(bool include_nested = true) const noexcept;
    [[nodiscard]] std::vector<std::size_t> criteria_per_tier() const;

private:
    struct Data;
    explicit Framework(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
    std::shared_ptr<const Data> data_;  // immutable and shared: copies are cheap
};

}  // namespace routemap
