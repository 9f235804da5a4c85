#pragma once
// Python-side handles on the parts of a Framework. Each holds a copy of the Framework (a shared,
// immutable handle) and an index, so a Domain or Criterion object stays valid however long Python
// keeps it, even after the Framework object it came from is gone.

#include <cstddef>

#include <routemap/framework.hpp>

namespace routemap::python {

template <class T>
struct PartRef {
    Framework framework;
    std::size_t index = 0;
    friend bool operator==(const PartRef& a, const PartRef& b) {
        return a.index == b.index && a.framework.id() == b.framework.id() &&
               a.framework.version() == b.framework.version();
    }
};

struct TierRef : PartRef<Tier> {
    [[nodiscard]] const Tier& get() const { return framework.tiers()[index]; }
};
struct DomainRef : PartRef<Domain> {
    [[nodiscard]] const Domain& get() const { return framework.domains()[index]; }
};
struct AreaRef : PartRef<Area> {
    [[nodiscard]] const Area& get() const { return framework.areas()[index]; }
};
struct CriterionRef : PartRef<Criterion> {
    [[nodiscard]] const Criterion& get() const { return framework.criteria()[index]; }
};

inline TierRef tier_ref(const Framework& f, std::size_t i) { return TierRef{{f, i}}; }
inline DomainRef domain_ref(const Framework& f, std::size_t i) { return DomainRef{{f, i}}; }
inline AreaRef area_ref(const Framework& f, std::size_t i) { return AreaRef{{f, i}}; }
inline CriterionRef criterion_ref(const Framework& f, std::size_t i) { return CriterionRef{{f, i}}; }

}  // namespace routemap::python
