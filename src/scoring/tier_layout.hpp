#pragma once
// routemap::detail: not public API.
// The part of a scoring plan that depends only on the framework: criteria grouped into slots, one
// per (area, tier) that has criteria, in area then tier order, so that a row is scored by one pass
// over the slots with no lookups by id and no allocation.

#include <cstdint>
#include <vector>

#include <routemap/framework.hpp>

namespace routemap::detail {

struct TierSlot {
    std::uint32_t area = 0;
    std::uint32_t tier = 0;
    std::uint32_t first = 0;  // into TierLayout::columns / weights
    std::uint32_t count = 0;
    bool uniform = true;      // every criterion of the slot has the same weight
    double weight = 1.0;      // that weight, when uniform
};

struct TierLayout {
    std::size_t criteria = 0, areas = 0, domains = 0, tiers = 0;
    std::vector<TierSlot> slots;               // area order, then tier order
    std::vector<std::uint32_t> columns;        // criterion indices, grouped by slot
    std::vector<double> weights;               // parallel to columns
    std::vector<std::uint32_t> area_slots;     // areas + 1 offsets into slots
    std::vector<std::uint32_t> domain_areas;   // domains + 1 offsets into the areas (contiguous per domain)
    bool in_order = true;  // columns[k] == k: criteria already sit in slot order (the usual case), so no gather

    static TierLayout build(const Framework& framework);
};

}  // namespace routemap::detail
