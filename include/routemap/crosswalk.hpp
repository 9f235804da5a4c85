#pragma once
// Crosswalks: mapping files (mappings/*.toml on the search path) that relate items of two frameworks
// (domains, areas or criteria) with a typed relationship after the OSCAL control-mapping model and
// NIST OLIR, and a rationale per link; and the projection of an assessment of one framework onto
// the other as a draft whose every suggested status carries its provenance and a review flag.
// Rules and file format: docs/crosswalks.md. An invalid mapping file is a FrameworkError with
// file, line and column, like a framework file.

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/assessment.hpp>
#include <routemap/diagnostic.hpp>
#include <routemap/status.hpp>

namespace routemap {

class Framework;

// How the `from` item relates to the `to` item, as sets of what they ask for:
//   equal       they ask for the same thing
//   subset      everything `from` asks for is part of what `to` asks for; `to` asks for more
//   superset    `from` asks for everything `to` asks for, and more
//   intersects  they share some of what they ask for, and each asks for something the other does not
enum class Relationship { equal, subset, superset, intersects };
std::string_view to_string(Relationship relationship) noexcept;
std::optional<Relationship> parse_relationship(std::string_view text) noexcept;
// The relationship seen from the other side: subset <-> superset; equal and intersects stay.
Relationship inverse(Relationship relationship) noexcept;

// What an assessment's subject is to the other framework's subject.
//   same  the same kind of subject (an organisation and an organisation)
//   part  the `from` subject is one part of the `to` subject (a service of an organisation, a
//         person of a team): one part alone suggests at most partial; `rollup` combines the parts.
enum class MappingScope { same, part, whole };
std::string_view to_string(MappingScope scope) noexcept;

enum class ItemKind { domain, area, criterion };
std::string_view to_string(ItemKind kind) noexcept;

struct MappingLink {
    std::string from;
    std::string to;
    Relationship relationship = Relationship::intersects;
    std::string rationale;
    SourceLocation location;
};

struct Mapping {
    std::string name;
    std::string description;
    std::string from_framework;
    std::string from_version;  // empty: any version
    std::string to_framework;
    std::string to_version;
    MappingScope scope = MappingScope::same;
    std::vector<MappingLink> links;
    std::string file;

    // The same links seen from `to` to `from` (relationships inverted, scope part <-> whole).
    [[nodiscard]] Mapping reversed() const;
    // Links whose `from` is the item or lies under it (a criterion under an area or domain), or contains it.
    [[nodiscard]] std::vector<const MappingLink*> links_from(std::string_view item) const;
};

// Parses a mapping file's own shape (syntax, keys, types, relationships). Throws FrameworkError
// listing every problem, each with its position.
Mapping parse_mapping(std::string_view text, const std::string& source_name = "<string>");
Mapping read_mapping(const std::filesystem::path& file);
// Every id checked against both frameworks (unknown ids with "did you mean"), the frameworks' ids and
// versions against the mapping's, repeated links. Empty when the mapping fits.
std::vector<Diagnostic> check_mapping(const Mapping& mapping, const Framework& from, const Framework& to);
// What kind of item an id is in a framework, or nullopt when it is none.
std::optional<ItemKind> item_kind(const Framework& framework, std::string_view id) noexcept;

// Mapping files found along a search path: <dir>/mappings/*.toml, in the order of the directories
// (the first mapping between a pair of frameworks wins; a later one is reported as a duplicate).
class MappingLibrary {
public:
    explicit MappingLibrary(std::span<const std::filesystem::path> search_path);
    [[nodiscard]] const std::vector<Mapping>& mappings() const noexcept { return mappings_; }
    // The mapping from `a` to `b`: as written, or the reverse of one from `b` to `a`; nullopt if none.
    [[nodiscard]] std::optional<Mapping> find(std::string_view a, std::string_view b) const;
    // Like find(); NotFoundError naming the mappings there are.
    [[nodiscard]] Mapping get(std::string_view a, std::string_view b) const;
    // Files that failed to parse, duplicates.
    [[nodiscard]] const std::vector<Diagnostic>& problems() const noexcept { return problems_; }

private:
    std::vector<Mapping> mappings_;
    std::vector<Diagnostic> problems_;
};

// The suggestion one link makes from the status of its source item, or nullopt when the source
// status says nothing about the target (the rule table in docs/crosswalks.md).
std::optional<Status> suggest_status(Status source, Relationship relationship) noexcept;
// The status of an item of an assessment: a criterion's own; for an area or a domain, met when every
// applicable criterion is met, not_met when none is met or partial and at least one is not_met,
// unknown when every applicable criterion is unknown, not_applicable when all are, partial otherwise.
Status item_status(const Framework& framework, const Assessment& assessment, std::string_view item);

struct ProjectionSource {
    std::string item;        // the source item (criterion, area or domain id)
    Status status = Status::unknown;  // its status in the source assessment
    Relationship relationship = Relationship::intersects;  // source item -> target item
    std::string target_item;  // the item the link names on the target side (the criterion or a group above it)
    std::optional<Status> suggests;
    std::string rationale;
};

struct ProjectedCriterion {
    std::string id;
    Status status = Status::unknown;  // the suggestion (unknown when there is none)
    bool review = true;               // every suggestion is a draft for a person to confirm
    bool met_by_mapping = false;      // met only because a mapping says so
    bool capped = false;              // lowered to partial because the source is one part (scope part)
    std::vector<ProjectionSource> sources;
};

struct Projection {
    std::string from_framework;
    std::string to_framework;
    std::string mapping_file;
    Assessment draft;                         // of the target framework; evidence and note carry provenance
    std::vector<ProjectedCriterion> criteria;  // target framework order, only those some link reaches
    [[nodiscard]] std::size_t count(Status status) const noexcept;
};

// Drafts an assessment of `to` from one of `from` (validated first) through the mapping (from -> to).
// Statuses combine as the most cautious suggestion of the links that reach a criterion; met is
// suggested only through equal or superset, written "MET BY MAPPING" in the evidence, and every
// projected record's note starts with "REVIEW:" (docs/crosswalks.md).
Projection project(const Framework& from, const Framework& to, const Assessment& assessment, const Mapping& mapping);

// The review marker that starts the note of every projected or rolled-up record.
inline constexpr std::string_view review_marker = "REVIEW:";

}  // namespace routemap
