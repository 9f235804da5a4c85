// Crosswalks: mapping files (shape and ids checked with positions), discovery on the search path,
// the suggestion rule table, projection with provenance and review flags, and roll-up.

#include <gtest/gtest.h>

#include <routemap/routemap.hpp>

#include "test_support.hpp"

namespace routemap::test {
namespace {

Registry bundled_registry() { return Registry({source_dir()}, no_plugins()); }

const char* mapping_head = R"(format_version = 1
[mapping]
name = "Test"
from = "newham-service"
to = "newham-organisation"
)";

TEST(Crosswalk, RuleTableNeverSuggestsMetWithoutEqualOrSuperset) {
    for (auto r : {Relationship::equal, Relationship::subset, Relationship::superset, Relationship::intersects})
        for (auto s : all_statuses) {
            const auto suggestion = suggest_status(s, r);
            if (suggestion == Status::met) {
                EXPECT_TRUE(r == Relationship::equal || r == Relationship::superset);
                EXPECT_EQ(s, Status::met);
            }
            if (s == Status::unknown || s == Status::not_applicable) {
                EXPECT_FALSE(suggestion);
            }
        }
    EXPECT_EQ(suggest_status(Status::met, Relationship::subset), Status::partial);
    EXPECT_EQ(suggest_status(Status::met, Relationship::intersects), Status::partial);
    EXPECT_EQ(suggest_status(Status::not_met, Relationship::subset), Status::not_met);
    EXPECT_FALSE(suggest_status(Status::not_met, Relationship::intersects));
    EXPECT_FALSE(suggest_status(Status::not_met, Relationship::superset));
    EXPECT_EQ(inverse(Relationship::subset), Relationship::superset);
}

TEST(Crosswalk, ParsingReportsEveryProblemWithItsPosition) {
    const std::string text = std::string(mapping_head) +
                             "\n[[links]]\nfrom = \"workforce\"\nto = \"workforce\"\nrelationship = \"same\"\nrationale = \"x\"\n"
                             "\n[[links]]\nfrom = \"workforce\"\nto = \"workforce\"\nrelationship = \"equal\"\nrationale = \"\"\ncolour = 1\n";
    try {
        (void)parse_mapping(text, "m.toml");
        FAIL() << "expected FrameworkError";
    } catch (const FrameworkError& e) {
        ASSERT_EQ(e.diagnostics().size(), 3u) << e.what();
        EXPECT_NE(e.diagnostics()[0].message.find("unknown relationship 'same'"), std::string::npos);
        EXPECT_EQ(e.diagnostics()[0].location.file, "m.toml");
        EXPECT_EQ(e.diagnostics()[0].location.line, 10u);
    }
}

TEST(Crosswalk, UnknownIdsOnEitherSideAreReportedWithASuggestion) {
    const auto registry = bundled_registry();
    const auto m = parse_mapping(std::string(mapping_head) +
                                     "\n[[links]]\nfrom = \"workforce.skils.fundamental.1\"\nto = \"culture.learnin\"\n"
                                     "relationship = \"intersects\"\nrationale = \"typos\"\n",
                                 "m.toml");
    const auto problems = check_mapping(m, registry.get("newham-service"), registry.get("newham-organisation"));
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_NE(problems[0].message.find("did you mean 'workforce.skills.fundamental.1'"), std::string::npos) << problems[0].message;
    EXPECT_NE(problems[1].message.find("did you mean 'culture.learning'"), std::string::npos) << problems[1].message;
    EXPECT_EQ(problems[0].location.line, 7u);
}

TEST(Crosswalk, BundledMappingsAreFoundAndFitTheirFrameworks) {
    const auto registry = bundled_registry();
    const MappingLibrary library(registry.search_path());
    EXPECT_TRUE(library.problems().empty());
    ASSERT_GE(library.mappings().size(), 3u);
    for (const auto& m : library.mappings()) {
        const auto problems = check_mapping(m, registry.get(m.from_framework), registry.get(m.to_framework));
        EXPECT_TRUE(problems.empty()) << m.file << ": " << (problems.empty() ? "" : problems[0].to_string());
        for (const auto& link : m.links) EXPECT_FALSE(link.rationale.empty());
    }
    // Found in either direction; reversed, subset and superset swap.
    const auto forward = library.get("newham-service", "newham-organisation");
    const auto backward = library.get("newham-organisation", "newham-service");
    ASSERT_EQ(forward.links.size(), backward.links.size());
    for (std::size_t i = 0; i < forward.links.size(); ++i) {
        EXPECT_EQ(forward.links[i].from, backward.links[i].to);
        EXPECT_EQ(inverse(forward.links[i].relationship), backward.links[i].relationship);
    }
    EXPECT_EQ(backward.scope, MappingScope::whole);
    EXPECT_THROW((void)library.get("newham-individual", "larch-remi"), NotFoundError);
}

TEST(Crosswalk, ProjectionCarriesProvenanceAndReviewAndSaysMetByMapping) {
    const auto registry = bundled_registry();
    const MappingLibrary library(registry.search_path());
    const auto org = read_assessment(source_dir() / "examples" / "newham-organisation-2026.toml");
    const auto& from = registry.get("newham-organisation");
    const auto& to = registry.get("larch-remi");
    const auto p = project(from, to, org, library.get(from.id(), to.id()));
    EXPECT_EQ(p.draft.framework_id, "larch-remi");
    EXPECT_EQ(p.draft.subject, org.subject);
    EXPECT_TRUE(p.draft.check(to).empty());
    ASSERT_FALSE(p.criteria.empty());
    for (const auto& c : p.criteria) {
        EXPECT_TRUE(c.review);
        ASSERT_FALSE(c.sources.empty());
        const auto& record = p.draft.records.at(c.id);
        EXPECT_TRUE(record.note.starts_with(review_marker)) << record.note;
        EXPECT_NE(record.evidence.find(c.sources[0].item), std::string::npos);
        // Met only through equal or superset links, and then said in the evidence.
        if (c.status == Status::met) {
            EXPECT_TRUE(c.met_by_mapping);
            EXPECT_TRUE(record.evidence.starts_with("MET BY MAPPING"));
            for (const auto& s : c.sources) EXPECT_TRUE(s.relationship == Relationship::superset || s.relationship == Relationship::equal);
        }
    }
    // Nothing reaches the anchor institution commitment: it stays unknown.
    EXPECT_EQ(p.draft.status("anchor.commitment.commitment.1"), Status::unknown);
    // The demographic data link is a superset: met in Newham (95% recording) makes it met by mapping.
    ASSERT_EQ(org.status("understanding.quantitative.fundamental.1"), Status::met);
    EXPECT_EQ(p.draft.status("health-equity.data.awareness.1"), Status::met);
}

TEST(Crosswalk, OnePartAloneSuggestsAtMostPartial) {
    const auto registry = bundled_registry();
    const MappingLibrary library(registry.search_path());
    const auto service = read_assessment(source_dir() / "examples" / "trust" / "community-diabetes-2026.toml");
    const auto p = project(registry.get("newham-service"), registry.get("newham-organisation"), service,
                           library.get("newham-service", "newham-organisation"));
    EXPECT_EQ(p.count(Status::met), 0u);
    bool capped = false;
    for (const auto& c : p.criteria) capped = capped || c.capped;
    EXPECT_TRUE(capped);
}

TEST(Crosswalk, GroupLinksPassDownOnlyMet) {
    const auto registry = bundled_registry();
    const auto m = parse_mapping(std::string(mapping_head) +
                                 "\n[[links]]\nfrom = \"workforce\"\nto = \"workforce\"\nrelationship = \"equal\"\nrationale = \"r\"\n");
    const auto& from = registry.get("newham-service");
    const auto& to = registry.get("newham-organisation");
    auto a = Assessment::blank(from, "S", "2026-01-01");
    for (const auto& c : from.criteria_of(from.domain("workforce"))) a.set(c.id, Status::met);
    EXPECT_EQ(item_status(from, a, "workforce"), Status::met);
    auto p = project(from, to, a, m);
    for (const auto& c : to.criteria_of(to.domain("workforce"))) EXPECT_EQ(p.draft.status(c.id), Status::met);
    a.set("workforce.skills.fundamental.1", Status::partial);
    EXPECT_EQ(item_status(from, a, "workforce"), Status::partial);
    p = project(from, to, a, m);
    for (const auto& c : to.criteria_of(to.domain("workforce"))) EXPECT_EQ(p.draft.status(c.id), Status::unknown);
}

TEST(Rollup, RulesCombineServicesAndNameWhoHoldsEachNodeDown) {
    const auto registry = bundled_registry();
    const MappingLibrary library(registry.search_path());
    const std::vector<std::string> inputs{(source_dir() / "examples" / "trust").string()};
    const auto c = Collection::read(inputs, &registry);
    const auto parts = c.latest("newham-service");
    ASSERT_EQ(parts.size(), 3u);
    const auto& to = registry.get("newham-organisation");
    const auto mapping = library.get("newham-service", "newham-organisation");
    RollupOptions weakest_options;
    const auto weakest = rollup(registry, to, parts, mapping, weakest_options);
    RollupOptions median_options;
    median_options.rule = RollupRule::median;
    const auto median = rollup(registry, to, parts, mapping, median_options);
    ASSERT_EQ(weakest.criteria.size(), median.criteria.size());
    auto rank = [](Status s) { return s == Status::met ? 2 : s == Status::partial ? 1 : 0; };
    std::size_t differ = 0;
    for (std::size_t i = 0; i < weakest.criteria.size(); ++i) {
        const auto& w = weakest.criteria[i];
        EXPECT_LE(rank(w.status), rank(median.criteria[i].status));
        differ += w.status != median.criteria[i].status;
        EXPECT_EQ(w.parts.size(), 3u);
        // The weakest rule's status is the lowest part's, and those parts are named.
        int lowest = 2;
        std::size_t counted = 0;
        for (const auto& ps : w.parts)
            if (ps.status != Status::not_applicable) {
                lowest = std::min(lowest, rank(ps.status));
                ++counted;
            }
        if (counted == 0) {  // not applicable for every service: left unknown in the draft
            EXPECT_EQ(w.status, Status::not_applicable);
            EXPECT_EQ(weakest.draft.status(w.id), Status::unknown);
            continue;
        }
        EXPECT_EQ(rank(w.status), lowest) << w.id;
        if (lowest < 2) {
            EXPECT_FALSE(w.held_down_by.empty()) << w.id;
        } else {
            EXPECT_TRUE(w.held_down_by.empty());
        }
        EXPECT_TRUE(weakest.draft.records.at(w.id).note.starts_with(review_marker));
    }
    EXPECT_GT(differ, 0u);
    // An equal link met by all three services is met in the roll-up (no cap: the parts make the whole).
    std::size_t met = 0;
    for (const auto& w : weakest.criteria) met += w.status == Status::met;
    EXPECT_GT(met, 0u);
    ASSERT_EQ(weakest.domains.size(), to.domains().size());
    for (const auto& d : weakest.domains) EXPECT_EQ(d.part_levels.size(), 3u);
    const auto html = rollup_report_html(weakest, to);
    EXPECT_NE(html.find("Held down by"), std::string::npos);
    EXPECT_NE(html.find("Musculoskeletal"), std::string::npos);
}

TEST(Rollup, ShareRuleFollowsItsThreshold) {
    const auto registry = bundled_registry();
    const MappingLibrary library(registry.search_path());
    const auto& from = registry.get("newham-service");
    const auto& to = registry.get("newham-organisation");
    auto a = Assessment::blank(from, "A", "2026-01-01"), b = Assessment::blank(from, "B", "2026-01-01"),
         c = Assessment::blank(from, "C", "2026-01-01");
    const std::string id = "workforce.skills.fundamental.1";  // equal to the organisation's
    a.set(id, Status::met);
    b.set(id, Status::met);
    c.set(id, Status::not_met);
    const std::vector<const Assessment*> parts{&a, &b, &c};
    const auto mapping = library.get(from.id(), to.id());
    RollupOptions options;
    options.rule = RollupRule::share;
    options.share = 0.6;
    EXPECT_EQ(rollup(registry, to, parts, mapping, options).draft.status(id), Status::met);
    options.share = 0.75;
    EXPECT_EQ(rollup(registry, to, parts, mapping, options).draft.status(id), Status::not_met);
    options.rule = RollupRule::weakest;
    const auto r = rollup(registry, to, parts, mapping, options);
    EXPECT_EQ(r.draft.status(id), Status::not_met);
    for (const auto& rc : r.criteria)
        if (rc.id == id) {
            EXPECT_EQ(rc.held_down_by, std::vector<std::string>{"C"});
        }
    EXPECT_THROW((void)rollup_rule_from_name("mean"), Error);
}

}  // namespace
}  // namespace routemap::test
