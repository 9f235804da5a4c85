#pragma once
// The worked example of docs/scoring.md: tests/data/worked-example.toml with these statuses.

#include "test_support.hpp"

namespace routemap::test {

inline Framework worked_example() { return load_framework(source_dir() / "tests" / "data" / "worked-example.toml"); }

// Every framework the scoring tests run on: the bundled ones and the test data's edge cases (the
// worked example, areas with different tiers, explicit edges only, an answer scale).
inline std::vector<Framework> scoring_test_frameworks(const Registry& registry) {
    std::vector<Framework> out;
    for (const auto& id : registry.ids()) out.push_back(registry.get(id));
    out.push_back(worked_example());
    for (const char* file : {"mixed-tiers.toml", "explicit-five.toml", "graded-answers.toml"})
        out.push_back(load_framework(source_dir() / "tests" / "data" / file));
    return out;
}

inline Assessment worked_assessment(const Framework& f) {
    auto a = Assessment::blank(f, "Example service", "2026-01-31");
    a.set("d1.x.f1", Status::met);
    a.set("d1.x.f2", Status::met);
    a.set("d1.x.i1", Status::partial);
    a.set("d1.x.a1", Status::not_met);
    a.set("d1.y.f1", Status::met);
    a.set("d1.y.i1", Status::met);
    a.set("d1.y.i2", Status::not_applicable, {}, Exclusion::out_of_scope);
    a.set("d2.z.f1", Status::not_applicable, {}, Exclusion::not_relevant);
    a.set("d2.z.f2", Status::not_applicable, {}, Exclusion::owned_elsewhere);
    a.set("d2.u.f1", Status::unknown);
    a.set("d2.u.i1", Status::not_met);
    a.set("d2.u.a1", Status::met);
    return a;
}

}  // namespace routemap::test
