// routemap::detail: not public API. The body of the block kernel (block_kernel.hpp), included by
// block_kernel.cpp (baseline x86-64) and block_kernel_avx2.cpp (-mavx2) inside a namespace of their
// own, so that one source compiles to both and the CPU picks at run time.
//
// Every loop over `lanes` is a plain loop over fixed-size arrays, which GCC vectorises at -O3 (byte
// lanes for counts and levels, double lanes for weights and scores). The arithmetic is the row path's
// (tier_plan.cpp), term by term and in the same order, so that results are identical, not just close.
// Floating-point contraction is off for these files: an FMA would round differently.

// The including file includes <algorithm>, <iterator>, <limits>, <vector> and, with SSE2,
// <emmintrin.h> first, outside its namespace.

namespace {

constexpr std::size_t lanes = block_rows;
constexpr double tolerance = 1e-12;  // as in tier_plan.cpp
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint8_t code_partial = 2, code_met = 3, code_not_applicable = 4;

using Bytes = std::uint8_t[lanes];
using Doubles = double[lanes];
using Counts = std::uint32_t[lanes];

// Per-thread scratch, allocated once per call.
struct Scratch {
    std::vector<std::uint8_t> columns;      // criteria x lanes: the block's codes, transposed
    std::vector<double> tier_credit, tier_weight, all_credit, all_weight;  // coverage's pooled sums, tiers x lanes
    std::vector<std::uint8_t> tier_used, all_used;
    explicit Scratch(const TierLayout& L)
        : columns(L.criteria * lanes), tier_credit(L.tiers * lanes), tier_weight(L.tiers * lanes),
          all_credit(L.tiers * lanes), all_weight(L.tiers * lanes), tier_used(L.tiers * lanes), all_used(L.tiers * lanes) {}
};

// The level walk of docs/scoring.md over one node's used tiers, in tier order, for every lane.
struct Walk {
    alignas(32) Bytes level{}, blocked{}, any{};
    void tier(std::uint8_t reached_level, const Bytes& used, const Bytes& reached) {
        // used, reached, blocked and any are 0 or 1; bitwise, so that the loop has no branches.
        for (std::size_t i = 0; i < lanes; ++i) {
            const std::uint8_t u = used[i], ok = reached[i];
            level[i] = (u & (blocked[i] ^ 1) & ok) ? reached_level : level[i];
            blocked[i] |= u & (ok ^ 1);
            any[i] |= u;
        }
    }
};

#if defined(__SSE2__)
// 16 rows of 16 codes (row stride `stride`) to 16 criteria of 16 lanes (stride `lanes`): four rounds
// of interleaving, bytes, then pairs, fours and eights, 64 shuffles for 256 bytes.
inline void transpose16(const std::uint8_t* src, std::size_t stride, std::uint8_t* dst) {
    __m128i row[16], pair[8][2], quad[4][4], oct[2][8];
    for (int i = 0; i < 16; ++i) row[i] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i * stride));
    for (int p = 0; p < 8; ++p) {  // pair[p][h]: columns 8h..8h+7, rows 2p and 2p+1
        pair[p][0] = _mm_unpacklo_epi8(row[2 * p], row[2 * p + 1]);
        pair[p][1] = _mm_unpackhi_epi8(row[2 * p], row[2 * p + 1]);
    }
    for (int q = 0; q < 4; ++q)  // quad[q][g]: columns 4g..4g+3, rows 4q..4q+3
        for (int h = 0; h < 2; ++h) {
            quad[q][2 * h] = _mm_unpacklo_epi16(pair[2 * q][h], pair[2 * q + 1][h]);
            quad[q][2 * h + 1] = _mm_unpackhi_epi16(pair[2 * q][h], pair[2 * q + 1][h]);
        }
    for (int e = 0; e < 2; ++e)  // oct[e][m]: columns 2m and 2m+1, rows 8e..8e+7
        for (int g = 0; g < 4; ++g) {
            oct[e][2 * g] = _mm_unpacklo_epi32(quad[2 * e][g], quad[2 * e + 1][g]);
            oct[e][2 * g + 1] = _mm_unpackhi_epi32(quad[2 * e][g], quad[2 * e + 1][g]);
        }
    for (int m = 0; m < 8; ++m) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (2 * m) * lanes), _mm_unpacklo_epi64(oct[0][m], oct[1][m]));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (2 * m + 1) * lanes), _mm_unpackhi_epi64(oct[0][m], oct[1][m]));
    }
}
#endif

// The block's codes as criteria (in the framework's order) x lanes. Lanes past the last row are
// blank rows (code 0), scored and never written.
void transpose(std::size_t n, const std::uint8_t* codes, std::size_t row_stride, std::size_t rows, std::uint8_t* columns) {
#if defined(__SSE2__)
    if (rows == lanes && n >= 16) {
        // Tiles of 16 criteria; the last one overlaps the one before when n is not a multiple of 16.
        for (std::size_t c = 0;; c += 16) {
            const std::size_t first = std::min(c, n - 16);
            for (std::size_t half = 0; half < lanes; half += 16)
                transpose16(codes + half * row_stride + first, row_stride, columns + first * lanes + half);
            if (first + 16 == n) return;
        }
    }
#endif
    for (std::size_t i = 0; i < rows; ++i) {
        const std::uint8_t* row = codes + i * row_stride;
        for (std::size_t k = 0; k < n; ++k) columns[k * lanes + i] = row[k];
    }
    for (std::size_t i = rows; i < lanes; ++i)
        for (std::size_t k = 0; k < n; ++k) columns[k * lanes + i] = 0;
}

template <TierModelKind Kind>
class Block {
public:
    Block(const TierLayout& L, const TierParameters& p, BatchScores& out) : L_(L), p_(p), out_(out) {
        want_levels_ = out.outputs & batch_levels;
        want_scores_ = out.outputs & batch_scores;
    }

    void score(const std::uint8_t* codes, std::size_t row_stride, std::size_t first_row, std::size_t rows, Scratch& s) {
        transpose(L_.criteria, codes, row_stride, rows, s.columns.data());
        first_row_ = first_row;
        rows_ = rows;
        columns_ = s.columns.data();

        alignas(32) Bytes overall_level, overall_any{};
        alignas(32) Doubles overall_sum{};
        alignas(32) Counts overall_n{};
        std::fill(std::begin(overall_level), std::end(overall_level), std::uint8_t{255});
        if constexpr (Kind == TierModelKind::coverage) {
            std::fill(s.all_credit.begin(), s.all_credit.end(), 0.0);
            std::fill(s.all_weight.begin(), s.all_weight.end(), 0.0);
            std::fill(s.all_used.begin(), s.all_used.end(), std::uint8_t{0});
        }
        for (std::size_t d = 0; d < L_.domains; ++d) {
            alignas(32) Bytes domain_level;
            alignas(32) Doubles domain_sum{};
            alignas(32) Counts domain_n{};
            std::fill(std::begin(domain_level), std::end(domain_level), std::uint8_t{255});
            if constexpr (Kind == TierModelKind::coverage) {
                std::fill(s.tier_credit.begin(), s.tier_credit.end(), 0.0);
                std::fill(s.tier_weight.begin(), s.tier_weight.end(), 0.0);
                std::fill(s.tier_used.begin(), s.tier_used.end(), std::uint8_t{0});
            }
            for (auto a = L_.domain_areas[d]; a < L_.domain_areas[d + 1]; ++a) {
                alignas(32) Doubles score;
                Walk walk;
                area(a, walk, score, s);
                write(out_.area_applicable, out_.area_levels, out_.area_scores, L_.areas, a, walk.any, walk.level, score);
                if constexpr (Kind != TierModelKind::coverage) {
                    add_child(walk.any, walk.level, score, domain_level, domain_sum, domain_n);
                }
            }
            alignas(32) Bytes domain_any;
            alignas(32) Doubles domain_score;
            if constexpr (Kind == TierModelKind::coverage) {
                pooled(s.tier_credit.data(), s.tier_weight.data(), s.tier_used.data(), domain_level, domain_any, domain_score);
                for (std::size_t i = 0; i < L_.tiers * lanes; ++i) {
                    const bool u = s.tier_used[i];
                    s.all_credit[i] = u ? s.all_credit[i] + s.tier_credit[i] : s.all_credit[i];
                    s.all_weight[i] = u ? s.all_weight[i] + s.tier_weight[i] : s.all_weight[i];
                }
                for (std::size_t i = 0; i < L_.tiers * lanes; ++i) s.all_used[i] |= s.tier_used[i];
            } else {
                mean(domain_level, domain_sum, domain_n, domain_any, domain_score);
                add_child(domain_any, domain_level, domain_score, overall_level, overall_sum, overall_n);
            }
            write(out_.domain_applicable, out_.domain_levels, out_.domain_scores, L_.domains, d, domain_any, domain_level,
                  domain_score);
        }
        alignas(32) Doubles overall_score;
        if constexpr (Kind == TierModelKind::coverage)
            pooled(s.all_credit.data(), s.all_weight.data(), s.all_used.data(), overall_level, overall_any, overall_score);
        else
            mean(overall_level, overall_sum, overall_n, overall_any, overall_score);
        write(out_.overall_applicable, out_.overall_levels, out_.overall_scores, 1, 0, overall_any, overall_level,
              overall_score);
    }

private:
    // One area: each slot counted over its criteria, its completion tested, and used at once.
    void area(std::size_t a, Walk& walk, Doubles& score, Scratch& s) {
        alignas(32) Doubles sum{}, below{}, credit_sum{}, weight_sum{};
        for (auto k = L_.area_slots[a]; k < L_.area_slots[a + 1]; ++k) {
            const auto& slot = L_.slots[k];
            const std::uint32_t* criteria = L_.columns.data() + slot.first;
            alignas(32) Bytes not_applicable{}, met{}, partial{}, used, reached;
            for (std::uint32_t c = 0; c < slot.count; ++c)
                for (std::size_t i = 0; i < lanes; ++i) {
                    const std::uint8_t* codes = columns_ + criteria[c] * lanes;
                    not_applicable[i] += codes[i] == code_not_applicable;
                    met[i] += codes[i] == code_met;
                    if constexpr (Kind == TierModelKind::continuous) partial[i] += codes[i] == code_partial;
                }
            const auto count = static_cast<std::uint8_t>(slot.count);
            const auto level = static_cast<std::uint8_t>(slot.tier + 1);
            if constexpr (Kind == TierModelKind::staged) {
                for (std::size_t i = 0; i < lanes; ++i) {
                    const std::uint8_t applicable = count - not_applicable[i];
                    used[i] = applicable != 0;
                    reached[i] = met[i] == applicable;
                }
                walk.tier(level, used, reached);
                continue;
            }
            alignas(32) Doubles weight, credit, completion;
            weigh(slot, not_applicable, met, partial, weight, credit);
            for (std::size_t i = 0; i < lanes; ++i) {
                used[i] = not_applicable[i] != count;
                completion[i] = credit[i] / weight[i];
                reached[i] = completion[i] + tolerance >= p_.level_threshold;
            }
            walk.tier(level, used, reached);
            const double top = level;
            for (std::size_t i = 0; i < lanes; ++i) {
                const bool u = used[i];
                if constexpr (Kind == TierModelKind::continuous) {
                    // a used tier's completion counts for every level from the used tier below up to it
                    sum[i] = u ? sum[i] + completion[i] * (top - below[i]) : sum[i];
                    below[i] = u ? top : below[i];
                } else {
                    credit_sum[i] = u ? credit_sum[i] + credit[i] : credit_sum[i];
                    weight_sum[i] = u ? weight_sum[i] + weight[i] : weight_sum[i];
                }
            }
            if constexpr (Kind == TierModelKind::coverage) {
                const auto o = slot.tier * lanes;
                for (std::size_t i = 0; i < lanes; ++i) {
                    const bool u = used[i];
                    s.tier_credit[o + i] = u ? s.tier_credit[o + i] + credit[i] : s.tier_credit[o + i];
                    s.tier_weight[o + i] = u ? s.tier_weight[o + i] + weight[i] : s.tier_weight[o + i];
                    s.tier_used[o + i] |= used[i];
                }
            }
        }
        for (std::size_t i = 0; i < lanes; ++i) {
            double value;
            if constexpr (Kind == TierModelKind::staged) value = walk.level[i];
            else if constexpr (Kind == TierModelKind::continuous) value = sum[i];
            else value = credit_sum[i] / weight_sum[i];
            score[i] = walk.any[i] ? value : nan;
        }
    }

    // A slot's applicable weight and credit (met 1, partial the partial credit; coverage's is 0), as
    // TierPlan::weigh: from the counts when the slot's weights are equal, else criterion by criterion.
    void weigh(const TierSlot& slot, const Bytes& not_applicable, const Bytes& met, const Bytes& partial, Doubles& weight,
               Doubles& credit) const {
        const double pc = p_.partial_credit;
        if (slot.uniform) {
            const double w = slot.weight;
            const auto count = static_cast<std::uint8_t>(slot.count);
            for (std::size_t i = 0; i < lanes; ++i) {
                weight[i] = w * static_cast<double>(static_cast<std::uint8_t>(count - not_applicable[i]));
                credit[i] = w * static_cast<double>(met[i]) + pc * (w * static_cast<double>(partial[i]));
            }
            return;
        }
        alignas(32) Doubles met_weight{}, partial_weight{};
        std::fill(std::begin(weight), std::end(weight), 0.0);
        const std::uint32_t* criteria = L_.columns.data() + slot.first;
        const double* w = L_.weights.data() + slot.first;
        for (std::uint32_t c = 0; c < slot.count; ++c)
            for (std::size_t i = 0; i < lanes; ++i) {
                const std::uint8_t* codes = columns_ + criteria[c] * lanes;
                weight[i] += codes[i] != code_not_applicable ? w[c] : 0.0;
                met_weight[i] += codes[i] == code_met ? w[c] : 0.0;
                partial_weight[i] += codes[i] == code_partial ? w[c] : 0.0;
            }
        for (std::size_t i = 0; i < lanes; ++i) credit[i] = met_weight[i] + pc * partial_weight[i];
    }

    // An applicable child (area or domain) into its parent's minimum level, score sum and count. The
    // three loops are apart so that each vectorises on its own element size.
    static void add_child(const Bytes& any, const Bytes& level, const Doubles& score, Bytes& min_level, Doubles& sum,
                          Counts& n) {
        for (std::size_t i = 0; i < lanes; ++i) min_level[i] = std::min(min_level[i], any[i] ? level[i] : std::uint8_t{255});
        for (std::size_t i = 0; i < lanes; ++i) sum[i] = any[i] ? sum[i] + score[i] : sum[i];
        for (std::size_t i = 0; i < lanes; ++i) n[i] += any[i];
    }

    // staged and continuous nodes above areas: the minimum level and the mean score of their applicable
    // children.
    static void mean(const Bytes& level, const Doubles& sum, const Counts& n, Bytes& any, Doubles& score) {
        for (std::size_t i = 0; i < lanes; ++i) {
            any[i] = n[i] != 0;
            if constexpr (Kind == TierModelKind::staged) score[i] = n[i] ? static_cast<double>(level[i]) : nan;
            else score[i] = n[i] ? sum[i] / static_cast<double>(n[i]) : nan;
        }
    }

    // coverage's domain and overall nodes: pooled over every criterion they hold, tier by tier.
    void pooled(const double* tier_credit, const double* tier_weight, const std::uint8_t* tier_used, Bytes& level,
                Bytes& any, Doubles& score) const {
        Walk walk;
        alignas(32) Doubles credit{}, weight{};
        for (std::size_t t = 0; t < L_.tiers; ++t) {
            const auto o = t * lanes;
            alignas(32) Bytes reached;
            for (std::size_t i = 0; i < lanes; ++i) {
                reached[i] = tier_credit[o + i] / tier_weight[o + i] + tolerance >= p_.level_threshold;
                const bool u = tier_used[o + i];
                credit[i] = u ? credit[i] + tier_credit[o + i] : credit[i];
                weight[i] = u ? weight[i] + tier_weight[o + i] : weight[i];
            }
            walk.tier(static_cast<std::uint8_t>(t + 1), *reinterpret_cast<const Bytes*>(tier_used + o), reached);
        }
        for (std::size_t i = 0; i < lanes; ++i) {
            level[i] = walk.level[i];
            any[i] = walk.any[i];
            score[i] = walk.any[i] ? credit[i] / weight[i] : nan;
        }
    }

    // One node's lanes into the row-major outputs, for the block's real rows only.
    void write(std::vector<std::uint8_t>& applicable, std::vector<std::int32_t>& levels, std::vector<double>& scores,
               std::size_t nodes, std::size_t node, const Bytes& any, const Bytes& level, const Doubles& score) const {
        const std::size_t first = first_row_ * nodes + node;
        for (std::size_t i = 0; i < rows_; ++i) applicable[first + i * nodes] = any[i];
        if (want_levels_)
            for (std::size_t i = 0; i < rows_; ++i)
                levels[first + i * nodes] = any[i] ? static_cast<std::int32_t>(level[i]) : std::int32_t{-1};
        if (want_scores_)
            for (std::size_t i = 0; i < rows_; ++i) scores[first + i * nodes] = score[i];
    }

    const TierLayout& L_;
    const TierParameters& p_;
    BatchScores& out_;
    bool want_levels_ = false, want_scores_ = false;
    std::size_t first_row_ = 0, rows_ = 0;
    const std::uint8_t* columns_ = nullptr;
};

template <TierModelKind Kind>
void run_blocks(const TierLayout& L, const TierParameters& p, const std::uint8_t* codes, std::size_t row_stride,
                std::size_t begin, std::size_t end, BatchScores& out) {
    Scratch scratch(L);
    Block<Kind> block(L, p, out);
    for (std::size_t r = begin; r < end; r += lanes)
        block.score(codes + r * row_stride, row_stride, r, std::min(lanes, end - r), scratch);
}

}  // namespace

void run(TierModelKind kind, const TierLayout& L, const TierParameters& p, const std::uint8_t* codes,
         std::size_t row_stride, std::size_t begin, std::size_t end, BatchScores& out) {
    switch (kind) {
        case TierModelKind::staged: return run_blocks<TierModelKind::staged>(L, p, codes, row_stride, begin, end, out);
        case TierModelKind::continuous:
            return run_blocks<TierModelKind::continuous>(L, p, codes, row_stride, begin, end, out);
        case TierModelKind::coverage: return run_blocks<TierModelKind::coverage>(L, p, codes, row_stride, begin, end, out);
    }
}
