#include "tier_plan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "block_kernel.hpp"
#include "tier_layout.hpp"

namespace routemap::detail {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double tolerance = 1e-12;  // so that a completion of exactly the threshold reaches it
constexpr unsigned field_bits = 21;
constexpr std::uint64_t field_mask = (std::uint64_t{1} << field_bits) - 1;
// One 64-bit add per criterion counts met, partial and not applicable at once (21 bits each; the
// layout refuses frameworks large enough to overflow a field): the plan's table, indexed by code,
// gives each status its field, and each answer of an answer scale its meaning's.
constexpr std::uint64_t met_field = 1, partial_field = std::uint64_t{1} << field_bits,
                        not_applicable_field = std::uint64_t{1} << (2 * field_bits);

struct SlotStats {
    std::uint32_t applicable = 0, met = 0, partial = 0;  // counts
    // Not filled for staged, which needs only counts. credit_weight = sum of weight x credit: met 1,
    // partial the model's partial credit (0 for coverage), an answer its own credit.
    double applicable_weight = 0, met_weight = 0, partial_weight = 0, credit_weight = 0;
};

// The rule every model shares: walking the tiers upwards, a tier the node does not use (no
// applicable criterion) is passed through; a used tier is reached when its completion passes the
// test and every used tier below was reached; the level is the highest tier reached.
struct Reach {
    int level = 0;
    bool blocked = false;
    bool any = false;
    void tier(std::uint32_t t, bool reached) {
        any = true;
        if (blocked) return;
        if (reached) level = static_cast<int>(t) + 1;
        else blocked = true;
    }
};

struct Pooled {  // weighted sums per tier, for pooled nodes
    std::vector<double> applicable, credit;  // weights; credit as in SlotStats (coverage: the weight met)
    std::vector<std::uint32_t> applicable_count, met_count;
    explicit Pooled(std::size_t tiers) : applicable(tiers), credit(tiers), applicable_count(tiers), met_count(tiers) {}
    void clear() {  // plain loops: T is small, and a memset call per vector per row costs more
        for (std::size_t t = 0; t < applicable.size(); ++t) {
            applicable[t] = credit[t] = 0.0;
            applicable_count[t] = met_count[t] = 0;
        }
    }
    void add(const SlotStats& s, std::uint32_t tier) {
        applicable[tier] += s.applicable_weight;
        credit[tier] += s.credit_weight;
        applicable_count[tier] += s.applicable;
        met_count[tier] += s.met;
    }
    void add(const Pooled& other) {
        for (std::size_t t = 0; t < applicable.size(); ++t) {
            applicable[t] += other.applicable[t];
            credit[t] += other.credit[t];
            applicable_count[t] += other.applicable_count[t];
            met_count[t] += other.met_count[t];
        }
    }
};

template <TierModelKind Kind>
class TierPlan final : public ScoringPlan {
public:
    TierPlan(TierLayout layout, TierParameters parameters, const Framework& framework)
        : layout_(std::move(layout)), p_(parameters) {
        // Codes: 0 unknown and 1 not met count nothing and earn nothing; 2 partial, 3 met, 4 not
        // applicable; then each answer: its meaning's count and its own credit.
        packed_.fill(0);
        credit_.fill(0.0);
        packed_[2] = partial_field;
        packed_[3] = met_field;
        packed_[4] = not_applicable_field;
        credit_[2] = p_.partial_credit;
        credit_[3] = 1.0;
        for (const auto& a : framework.answers()) {
            packed_[a.code] = a.meaning == Status::met ? met_field : a.meaning == Status::partial ? partial_field : 0;
            credit_[a.code] = a.credit;
        }
        scaled_ = !framework.answers().empty();
        blocks_ = block_kernel_fits(layout_, scaled_);
    }

    void run(const std::uint8_t* codes, std::size_t row_stride, std::size_t begin, std::size_t end,
             BatchScores& out) const override {
        const auto& L = layout_;
        const auto T = L.tiers;
        const bool want_levels = out.outputs & batch_levels;
        const bool want_scores = out.outputs & batch_scores;
        const bool want_tiers = out.outputs & batch_tier_scores;
        if (!want_tiers && blocks_) return run_block_kernel(Kind, layout_, p_, codes, row_stride, begin, end, out);
        if (!want_tiers) return run_fused(codes, row_stride, begin, end, out, want_levels, want_scores);
        // Scratch for one row, allocated once per call, never per row.
        std::vector<SlotStats> slots(L.slots.size());
        std::vector<double> area_score(L.areas);
        std::vector<int> area_level(L.areas);
        std::vector<std::uint8_t> area_applicable(L.areas);
        std::vector<double> area_tiers(want_tiers ? L.areas * T : 0);
        Pooled domain(T), overall(T);

        for (std::size_t r = begin; r < end; ++r) {
            const std::uint8_t* row = codes + r * row_stride;
            count_slots(row, slots);
            for (std::size_t a = 0; a < L.areas; ++a)
                score_area(a, slots, area_level[a], area_score[a], area_applicable[a],
                           want_tiers ? &area_tiers[a * T] : nullptr);
            write_nodes(out.area_applicable, out.area_levels, out.area_scores, r, L.areas, area_applicable.data(),
                        area_level.data(), area_score.data(), want_levels, want_scores);
            if (want_tiers) std::copy(area_tiers.begin(), area_tiers.end(), out.area_tier_scores.begin() + r * L.areas * T);

            const bool pooled = Kind == TierModelKind::coverage || want_tiers;
            if (pooled) overall.clear();
            double overall_sum = 0.0;
            std::size_t overall_n = 0;
            int overall_level = std::numeric_limits<int>::max();
            for (std::size_t d = 0; d < L.domains; ++d) {
                if (pooled) {
                    domain.clear();
                    pool(d, slots, domain);
                }
                int level = std::numeric_limits<int>::max();
                double score = 0.0;
                std::size_t n = 0;
                if constexpr (Kind == TierModelKind::coverage) {
                    score_pooled(domain, level, score, n);
                } else {
                    for (auto a = L.domain_areas[d]; a < L.domain_areas[d + 1]; ++a) {
                        if (!area_applicable[a]) continue;
                        level = std::min(level, area_level[a]);
                        score += area_score[a];
                        ++n;
                    }
                    if (n) score = Kind == TierModelKind::staged ? level : score / static_cast<double>(n);
                }
                const std::size_t i = r * L.domains + d;
                out.domain_applicable[i] = n ? 1 : 0;
                if (want_levels) out.domain_levels[i] = n ? level : not_applicable;
                if (want_scores) out.domain_scores[i] = n ? score : nan;
                if (want_tiers) tier_scores_of(domain, d, area_applicable, area_tiers, &out.domain_tier_scores[i * T]);
                if (n) {
                    overall_level = std::min(overall_level, level);
                    overall_sum += score;
                    ++overall_n;
                }
                if (pooled) overall.add(domain);
            }
            int level = overall_level;
            double score = overall_n ? overall_sum / static_cast<double>(overall_n) : nan;
            std::size_t n = overall_n;
            if constexpr (Kind == TierModelKind::coverage) {
                level = std::numeric_limits<int>::max();
                score_pooled(overall, level, score, n);
            } else if constexpr (Kind == TierModelKind::staged) {
                score = level;
            }
            out.overall_applicable[r] = n ? 1 : 0;
            if (want_levels) out.overall_levels[r] = n ? level : not_applicable;
            if (want_scores) out.overall_scores[r] = n ? score : nan;
            if (want_tiers)
                tier_scores_of(overall, L.domains, area_applicable, area_tiers, &out.overall_tier_scores[r * T]);
        }
    }

private:
    static constexpr int not_applicable = -1;

    // The same numbers as the general path below, in one pass per row without per-tier outputs: each
    // slot is counted and used at once (no stats array), and nodes are written straight into `out`.
    // score_many's default outputs take this path when the block kernel cannot (answer scales); tests
    // compare both with one-by-one scoring, which takes the general one.
    void run_fused(const std::uint8_t* codes, std::size_t row_stride, std::size_t begin, std::size_t end,
                   BatchScores& out, bool want_levels, bool want_scores) const {
        const auto& L = layout_;
        const auto* slots = L.slots.data();
        const auto* column = L.columns.data();
        std::vector<double> tier_met(L.tiers), tier_all(L.tiers), overall_met(L.tiers), overall_all(L.tiers);
        std::vector<std::uint32_t> tier_n(L.tiers), overall_n_tier(L.tiers);
        for (std::size_t r = begin; r < end; ++r) {
            const std::uint8_t* row = codes + r * row_stride;
            int overall_level = std::numeric_limits<int>::max();
            double overall_sum = 0.0;
            std::size_t overall_n = 0;
            if constexpr (Kind == TierModelKind::coverage)
                for (std::size_t t = 0; t < L.tiers; ++t) overall_met[t] = overall_all[t] = 0.0, overall_n_tier[t] = 0;
            for (std::size_t d = 0; d < L.domains; ++d) {
                int domain_level = std::numeric_limits<int>::max();
                double domain_sum = 0.0;
                std::size_t domain_n = 0;
                if constexpr (Kind == TierModelKind::coverage)
                    for (std::size_t t = 0; t < L.tiers; ++t) tier_met[t] = tier_all[t] = 0.0, tier_n[t] = 0;
                for (auto a = L.domain_areas[d]; a < L.domain_areas[d + 1]; ++a) {
                    Reach reach;
                    double sum = 0.0, met_sum = 0.0, all_sum = 0.0;
                    std::uint32_t below = 0;
                    for (auto s = L.area_slots[a]; s < L.area_slots[a + 1]; ++s) {
                        const auto& slot = slots[s];
                        std::uint64_t packed = 0;
                        if (L.in_order) {
                            const auto* cell = row + slot.first;
                            for (std::uint32_t k = 0; k < slot.count; ++k) packed += packed_[cell[k]];
                        } else {
                            const auto* col = column + slot.first;
                            for (std::uint32_t k = 0; k < slot.count; ++k) packed += packed_[row[col[k]]];
                        }
                        const auto met = static_cast<std::uint32_t>(packed & field_mask);
                        const auto applicable = slot.count - static_cast<std::uint32_t>(packed >> (2 * field_bits));
                        if (applicable == 0) continue;
                        if constexpr (Kind == TierModelKind::staged) {
                            reach.tier(slot.tier, met == applicable);
                        } else {
                            SlotStats st;
                            st.applicable = applicable;
                            st.met = met;
                            st.partial = static_cast<std::uint32_t>((packed >> field_bits) & field_mask);
                            weigh(row, slot, st);
                            const double c = completion(st);
                            reach.tier(slot.tier, reaches(c));
                            sum += c * static_cast<double>(slot.tier + 1 - below);
                            below = slot.tier + 1;
                            met_sum += st.credit_weight;
                            all_sum += st.applicable_weight;
                            if constexpr (Kind == TierModelKind::coverage) {
                                tier_met[slot.tier] += st.credit_weight;
                                tier_all[slot.tier] += st.applicable_weight;
                                ++tier_n[slot.tier];
                            }
                        }
                    }
                    const std::size_t i = r * L.areas + a;
                    out.area_applicable[i] = reach.any ? 1 : 0;
                    double score = std::numeric_limits<double>::quiet_NaN();
                    if (reach.any) {
                        if constexpr (Kind == TierModelKind::staged) score = reach.level;
                        else if constexpr (Kind == TierModelKind::continuous) score = sum;
                        else score = met_sum / all_sum;
                        domain_level = std::min(domain_level, reach.level);
                        domain_sum += score;
                        ++domain_n;
                    }
                    if (want_levels) out.area_levels[i] = reach.any ? reach.level : not_applicable;
                    if (want_scores) out.area_scores[i] = score;
                }
                double domain_score = std::numeric_limits<double>::quiet_NaN();
                if constexpr (Kind == TierModelKind::coverage) {
                    Reach reach;
                    double met = 0.0, all = 0.0;
                    for (std::size_t t = 0; t < L.tiers; ++t) {
                        if (tier_n[t] == 0) continue;
                        reach.tier(static_cast<std::uint32_t>(t), reaches(tier_met[t] / tier_all[t]));
                        met += tier_met[t];
                        all += tier_all[t];
                        overall_met[t] += tier_met[t];
                        overall_all[t] += tier_all[t];
                        overall_n_tier[t] += tier_n[t];
                    }
                    domain_n = reach.any ? 1 : 0;
                    domain_level = reach.level;
                    if (reach.any) domain_score = met / all;
                } else if (domain_n) {
                    domain_score = Kind == TierModelKind::staged ? domain_level : domain_sum / static_cast<double>(domain_n);
                }
                const std::size_t i = r * L.domains + d;
                out.domain_applicable[i] = domain_n ? 1 : 0;
                if (want_levels) out.domain_levels[i] = domain_n ? domain_level : not_applicable;
                if (want_scores) out.domain_scores[i] = domain_score;
                if (domain_n) {
                    overall_level = std::min(overall_level, domain_level);
                    overall_sum += domain_score;
                    ++overall_n;
                }
            }
            double overall_score = std::numeric_limits<double>::quiet_NaN();
            if constexpr (Kind == TierModelKind::coverage) {
                Reach reach;
                double met = 0.0, all = 0.0;
                for (std::size_t t = 0; t < L.tiers; ++t) {
                    if (overall_n_tier[t] == 0) continue;
                    reach.tier(static_cast<std::uint32_t>(t), reaches(overall_met[t] / overall_all[t]));
                    met += overall_met[t];
                    all += overall_all[t];
                }
                overall_n = reach.any ? 1 : 0;
                overall_level = reach.level;
                if (reach.any) overall_score = met / all;
            } else if (overall_n) {
                overall_score = Kind == TierModelKind::staged ? overall_level : overall_sum / static_cast<double>(overall_n);
            }
            out.overall_applicable[r] = overall_n ? 1 : 0;
            if (want_levels) out.overall_levels[r] = overall_n ? overall_level : not_applicable;
            if (want_scores) out.overall_scores[r] = overall_score;
        }
    }

    // The weights of a slot's applicable, met and partial criteria (a uniform slot from its counts),
    // and its credit. Without answer scales the credit follows from the counts (met 1, partial the
    // partial credit); with them, each criterion's code gives its credit, summed here.
    void weigh(const std::uint8_t* row, const TierSlot& slot, SlotStats& st) const {
        const auto* column = layout_.columns.data() + slot.first;
        if (slot.uniform) {
            st.applicable_weight = slot.weight * st.applicable;
            st.met_weight = slot.weight * st.met;
            st.partial_weight = slot.weight * st.partial;
            if (!scaled_) {
                st.credit_weight = st.met_weight + p_.partial_credit * st.partial_weight;
                return;
            }
            double credit = 0;
            for (std::uint32_t k = 0; k < slot.count; ++k) credit += credit_[row[column[k]]];
            st.credit_weight = slot.weight * credit;
            return;
        }
        const auto* weight = layout_.weights.data() + slot.first;
        double applicable = 0, met = 0, partial = 0, credit = 0;
        for (std::uint32_t k = 0; k < slot.count; ++k) {
            const auto code = row[column[k]];
            const auto fields = packed_[code];
            applicable += code != 4 ? weight[k] : 0.0;
            met += fields == met_field ? weight[k] : 0.0;
            partial += fields == partial_field ? weight[k] : 0.0;
            if (scaled_) credit += weight[k] * credit_[code];
        }
        st.applicable_weight = applicable;
        st.met_weight = met;
        st.partial_weight = partial;
        st.credit_weight = scaled_ ? credit : met + p_.partial_credit * partial;
    }

    void count_slots(const std::uint8_t* row, std::vector<SlotStats>& stats) const {
        const auto& L = layout_;
        const auto* column = L.columns.data();
        for (std::size_t s = 0; s < L.slots.size(); ++s) {
            const auto& slot = L.slots[s];
            std::uint64_t sum = 0;
            if (L.in_order) {
                const auto* cell = row + slot.first;
                for (std::uint32_t k = 0; k < slot.count; ++k) sum += packed_[cell[k]];
            } else {
                const auto* col = column + slot.first;
                for (std::uint32_t k = 0; k < slot.count; ++k) sum += packed_[row[col[k]]];
            }
            auto& st = stats[s];
            st.met = static_cast<std::uint32_t>(sum & field_mask);
            st.partial = static_cast<std::uint32_t>((sum >> field_bits) & field_mask);
            st.applicable = slot.count - static_cast<std::uint32_t>(sum >> (2 * field_bits));
            if constexpr (Kind != TierModelKind::staged) weigh(row, slot, st);
        }
    }

    // A used tier's completion in one area: staged 1 or 0 (every applicable criterion met or not),
    // continuous the weighted mean credit, coverage the weighted share met.
    double completion(const SlotStats& s) const {
        if constexpr (Kind == TierModelKind::staged) return s.met == s.applicable ? 1.0 : 0.0;
        else return s.credit_weight / s.applicable_weight;  // continuous: mean credit; coverage: share met
    }
    bool reaches(double c) const {
        if constexpr (Kind == TierModelKind::staged) return c == 1.0;
        else return c + tolerance >= p_.level_threshold;
    }

    void score_area(std::size_t a, const std::vector<SlotStats>& stats, int& level, double& score,
                    std::uint8_t& applicable, double* tiers) const {
        const auto& L = layout_;
        if (tiers) std::fill(tiers, tiers + L.tiers, nan);
        Reach reach;
        double sum = 0.0, met = 0.0, all = 0.0;
        std::uint32_t below = 0;  // the level of the used tier below, for continuous's spans
        for (auto s = L.area_slots[a]; s < L.area_slots[a + 1]; ++s) {
            const auto& st = stats[s];
            if (st.applicable == 0) continue;
            const auto t = L.slots[s].tier;
            const double c = completion(st);
            if (tiers) tiers[t] = c;
            reach.tier(t, reaches(c));
            // continuous: a used tier's completion counts for every level from the used tier below up
            // to it, so the score runs from 0 (blank) to the highest used tier (all met).
            sum += c * static_cast<double>(t + 1 - below);
            below = t + 1;
            met += st.credit_weight;
            all += st.applicable_weight;
        }
        applicable = reach.any ? 1 : 0;
        level = reach.any ? reach.level : not_applicable;
        if (!reach.any) score = nan;
        else if constexpr (Kind == TierModelKind::staged) score = reach.level;
        else if constexpr (Kind == TierModelKind::continuous) score = sum;
        else score = met / all;
    }

    void pool(std::size_t d, const std::vector<SlotStats>& stats, Pooled& into) const {
        const auto& L = layout_;
        for (auto s = L.area_slots[L.domain_areas[d]]; s < L.area_slots[L.domain_areas[d + 1]]; ++s)
            into.add(stats[s], L.slots[s].tier);
    }

    // coverage's domain and overall nodes: pooled over every criterion they hold.
    void score_pooled(const Pooled& pooled, int& level, double& score, std::size_t& n) const {
        Reach reach;
        double met = 0.0, all = 0.0;
        for (std::size_t t = 0; t < layout_.tiers; ++t) {
            if (pooled.applicable_count[t] == 0) continue;
            reach.tier(static_cast<std::uint32_t>(t), reaches(pooled.credit[t] / pooled.applicable[t]));
            met += pooled.credit[t];
            all += pooled.applicable[t];
        }
        n = reach.any ? 1 : 0;
        level = reach.level;
        score = reach.any ? met / all : nan;
    }

    // Per-tier scores of a domain (d < domains) or of the whole framework (d == domains).
    void tier_scores_of(const Pooled& pooled, std::size_t d, const std::vector<std::uint8_t>& area_applicable,
                        const std::vector<double>& area_tiers, double* out) const {
        const auto& L = layout_;
        const auto T = L.tiers;
        for (std::size_t t = 0; t < T; ++t) {
            if (pooled.applicable_count[t] == 0) {
                out[t] = nan;
                continue;
            }
            if constexpr (Kind == TierModelKind::staged) {
                out[t] = pooled.met_count[t] == pooled.applicable_count[t] ? 1.0 : 0.0;
            } else if constexpr (Kind == TierModelKind::coverage) {
                out[t] = pooled.credit[t] / pooled.applicable[t];
            } else {  // continuous: the mean of the areas' completions at that tier
                const auto first = d < L.domains ? L.domain_areas[d] : 0;
                const auto last = d < L.domains ? L.domain_areas[d + 1] : static_cast<std::uint32_t>(L.areas);
                double sum = 0.0;
                std::size_t n = 0;
                for (auto a = first; a < last; ++a) {
                    const double c = area_tiers[a * T + t];
                    if (!area_applicable[a] || std::isnan(c)) continue;
                    sum += c;
                    ++n;
                }
                out[t] = n ? sum / static_cast<double>(n) : nan;
            }
        }
    }

    static void write_nodes(BatchArray<std::uint8_t>& applicable_out, BatchArray<std::int32_t>& levels_out,
                            BatchArray<double>& scores_out, std::size_t r, std::size_t n, const std::uint8_t* applicable,
                            const int* levels, const double* scores, bool want_levels, bool want_scores) {
        std::copy(applicable, applicable + n, applicable_out.begin() + r * n);
        if (want_levels) std::copy(levels, levels + n, levels_out.begin() + r * n);
        if (want_scores) std::copy(scores, scores + n, scores_out.begin() + r * n);
    }

    TierLayout layout_;
    TierParameters p_;
    std::array<std::uint64_t, 256> packed_{};  // by code: the count fields it adds to
    std::array<double, 256> credit_{};         // by code: its credit
    bool scaled_ = false;                      // the framework has answer scales
    bool blocks_ = false;                      // score_many's default outputs go through the block kernel
};

}  // namespace

std::shared_ptr<const ScoringPlan> make_tier_plan(TierModelKind kind, const Framework& framework,
                                                  const TierParameters& parameters) {
    auto layout = TierLayout::build(framework);
    switch (kind) {
        case TierModelKind::staged: return std::make_shared<TierPlan<TierModelKind::staged>>(std::move(layout), parameters, framework);
        case TierModelKind::continuous:
            return std::make_shared<TierPlan<TierModelKind::continuous>>(std::move(layout), parameters, framework);
        case TierModelKind::coverage: break;
    }
    return std::make_shared<TierPlan<TierModelKind::coverage>>(std::move(layout), parameters, framework);
}

}  // namespace routemap::detail
