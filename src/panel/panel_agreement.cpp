// The panel's agreement statistics: reliability data with units = criteria, and alpha (ordinal and
// nominal) with bootstrap intervals overall and per domain (docs/panels.md, "Agreement").

#include <cmath>
#include <limits>

#include <routemap/error.hpp>
#include <routemap/panel.hpp>

namespace routemap {

ReliabilityData reliability_data(const Panel& panel, NotApplicableRatings not_applicable, std::string_view domain) {
    std::size_t domain_index = 0;
    if (!domain.empty()) {
        while (domain_index < panel.domains.size() && panel.domains[domain_index].id != domain) ++domain_index;
        if (domain_index == panel.domains.size()) throw NotFoundError("no domain '" + std::string(domain) + "' in this panel");
    }
    constexpr double missing = std::numeric_limits<double>::quiet_NaN();
    ReliabilityData out(panel.raters.size());
    for (const auto& c : panel.criteria) {
        if (!domain.empty() && c.domain != domain_index) continue;
        for (std::size_t r = 0; r < panel.raters.size(); ++r) {
            const auto v = c.votes[r];
            double value = missing;
            if (const int code = ordinal_code(v)) value = code;
            else if (v == Status::not_applicable && not_applicable == NotApplicableRatings::category) value = 4;
            out[r].push_back(value);
        }
    }
    return out;
}

PanelAgreement panel_agreement(const Panel& panel, const BootstrapOptions& options, NotApplicableRatings not_applicable) {
    PanelAgreement out;
    out.not_applicable = not_applicable;
    out.ordinal = estimate_alpha(reliability_data(panel, NotApplicableRatings::missing), AlphaMetric::ordinal, options);
    out.nominal = estimate_alpha(reliability_data(panel, not_applicable), AlphaMetric::nominal, options);
    for (const auto& d : panel.domains) {
        DomainAgreement da{d.id, d.name, {}, {}};
        da.ordinal = estimate_alpha(reliability_data(panel, NotApplicableRatings::missing, d.id), AlphaMetric::ordinal, options);
        da.nominal = estimate_alpha(reliability_data(panel, not_applicable, d.id), AlphaMetric::nominal, options);
        out.domains.push_back(std::move(da));
    }
    return out;
}

}  // namespace routemap
