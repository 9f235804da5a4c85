#include "tier_layout.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include <routemap/error.hpp>

namespace routemap::detail {

TierLayout TierLayout::build(const Framework& framework) {
    TierLayout layout;
    layout.criteria = framework.criteria().size();
    layout.areas = framework.areas().size();
    layout.domains = framework.domains().size();
    layout.tiers = framework.tiers().size();
    // Slot counters are packed 21 bits a field (tier_plan.cpp); the indices are 32-bit.
    if (layout.criteria >= (std::size_t{1} << 21))
        throw Error("framework '" + framework.id() + "' has " + std::to_string(layout.criteria) +
                    " criteria; scoring plans hold at most 2,097,151");

    layout.columns.reserve(layout.criteria);
    layout.weights.reserve(layout.criteria);
    layout.area_slots.reserve(layout.areas + 1);
    std::vector<std::uint32_t> by_tier;
    for (const auto& area : framework.areas()) {
        layout.area_slots.push_back(static_cast<std::uint32_t>(layout.slots.size()));
        const auto criteria = framework.criteria_of(area);
        by_tier.resize(criteria.size());
        std::iota(by_tier.begin(), by_tier.end(), std::uint32_t{0});
        // Stable, so that a slot keeps document order (sums then run in the same order everywhere).
        std::stable_sort(by_tier.begin(), by_tier.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return criteria[a].tier < criteria[b].tier; });
        for (const auto local : by_tier) {
            const auto& c = criteria[local];
            if (layout.slots.size() == layout.area_slots.back() || layout.slots.back().tier != c.tier) {
                TierSlot slot;
                slot.area = static_cast<std::uint32_t>(area.index);
                slot.tier = static_cast<std::uint32_t>(c.tier);
                slot.first = static_cast<std::uint32_t>(layout.columns.size());
                slot.weight = c.weight;
                layout.slots.push_back(slot);
            }
            auto& slot = layout.slots.back();
            if (c.weight != slot.weight) slot.uniform = false;
            ++slot.count;
            layout.columns.push_back(static_cast<std::uint32_t>(c.index));
            layout.weights.push_back(c.weight);
        }
    }
    layout.area_slots.push_back(static_cast<std::uint32_t>(layout.slots.size()));
    for (std::size_t k = 0; k < layout.columns.size(); ++k)
        if (layout.columns[k] != k) layout.in_order = false;
    for (const auto& domain : framework.domains()) layout.domain_areas.push_back(static_cast<std::uint32_t>(domain.first_area));
    layout.domain_areas.push_back(static_cast<std::uint32_t>(layout.areas));
    return layout;
}

}  // namespace routemap::detail
