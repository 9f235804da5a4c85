// routemap::detail: not public API. The body of the block kernel (block_kernel.hpp), included by
// block_kernel.cpp (baseline x86-64) and block_kernel_avx2.cpp (-mavx2) inside a namespace of their
// own, so that one source compiles to both and the CPU picks at run time.
//
// Loops over `lanes` are plain loops over fixed-size arrays, which GCC vectorises at -O3 (byte lanes
// for counts and levels, double lanes for weights and scores); the slot counts use GCC's vector
// extension directly, the transposes SSE2 intrinsics. The arithmetic is the row path's (tier_plan.cpp),
// term by term and in the same order, so that results are identical, not just close: floating-point
// contraction is off for these files (an FMA would round differently), and trapping math is off so
// that selects vectorise (nothing here traps; no result changes).

// The including file includes <algorithm>, <cstring>, <iterator>, <limits>, <vector> and, with SSE2,
// <emmintrin.h> first, outside its namespace.

namespace {

constexpr std::size_t lanes = block_rows;
constexpr double tolerance = 1e-12;  // as in tier_plan.cpp
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint8_t code_partial = 2, code_met = 3, code_not_applicable = 4;

using Bytes = std::uint8_t[lanes];
using ByteVector = std::uint8_t __attribute__((vector_size(lanes)));  // GCC's vector extension: one lane per row
using Doubles = double[lanes];
using Counts = std::uint32_t[lanes];

// Per-thread scratch, allocated once per call.
struct Scratch {
    std::vector<std::uint8_t> columns;      // criteria x lanes: the block's codes, transposed
    std::vector<double> tier_credit, tier_weight, all_credit, all_weight;  // coverage's pooled sums, tiers x lanes
    std::vector<std::uint8_t> tier_used, all_used;
    // The block's area and domain outputs, nodes x lanes, written to the row-major outputs at the end
    // of the block (write_transposed); the masks hold at least 16 nodes, for its 16 x 16 byte tiles.
    std::vector<std::uint8_t> area_applicable, domain_applicable;
    std::vector<std::int32_t> area_levels, domain_levels;
    std::vector<double> area_scores, domain_scores;
    explicit Scratch(const TierLayout& L)
        : columns(L.criteria * lanes), tier_credit(L.tiers * lanes), tier_weight(L.tiers * lanes),
          all_credit(L.tiers * lanes), all_weight(L.tiers * lanes), tier_used(L.tiers * lanes), all_used(L.tiers * lanes),
          area_applicable(std::max<std::size_t>(L.areas, 16) * lanes), domain_applicable(std::max<std::size_t>(L.domains, 16) * lanes),
          area_levels(L.areas * lanes),
          domain_levels(L.domains * lanes), area_scores(L.areas * lanes), domain_scores(L.domains * lanes) {}
};

inline void or_into(std::uint8_t* __restrict into, const std::uint8_t* __restrict from, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) into[i] |= from[i];
}

// `level` where `any` (0 or 1) is 1, else 255 (-1 as a signed byte): bitwise, because GCC does not
// vectorise the same select written with ?:.
inline std::uint8_t or_none(std::uint8_t any, std::uint8_t level) {
    const auto mask = static_cast<std::uint8_t>(0 - any);
    return static_cast<std::uint8_t>((level & mask) | static_cast<std::uint8_t>(~mask));
}

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
// 16 rows of 16 bytes (row stride `stride`) to 16 columns of 16 bytes (stride `dst_stride`): four rounds
// of interleaving, bytes, then pairs, fours and eights, 64 shuffles for 256 bytes.
inline void transpose16(const std::uint8_t* src, std::size_t stride, std::uint8_t* dst, std::size_t dst_stride) {
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
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (2 * m) * dst_stride), _mm_unpacklo_epi64(oct[0][m], oct[1][m]));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (2 * m + 1) * dst_stride), _mm_unpackhi_epi64(oct[0][m], oct[1][m]));
    }
}
#endif

template <class T>
struct FourOf;  // four lanes of T as one of GCC's vectors
template <>
struct FourOf<double> {
    typedef double type __attribute__((vector_size(32)));
};
template <>
struct FourOf<std::int32_t> {
    typedef std::int32_t type __attribute__((vector_size(16)));
};

// nodes x lanes (staged) to the row-major rows x nodes (out), for the first `rows` lanes: 4 x 4 tiles
// transposed with shuffles when the block is full, the last tile overlapping the one before when
// nodes is not a multiple of 4; element by element otherwise.
template <class T>
void write_transposed(const T* __restrict staged, std::size_t nodes, std::size_t rows, T* __restrict out) {
#if defined(__clang__) || __GNUC__ >= 12  // __builtin_shufflevector
    using Four = typename FourOf<T>::type;
    if (rows == lanes && nodes >= 4) {
        for (std::size_t n = 0;; n += 4) {
            const std::size_t first = std::min(n, nodes - 4);
            for (std::size_t i = 0; i < lanes; i += 4) {
                Four a, b, c, d;
                std::memcpy(&a, staged + (first + 0) * lanes + i, sizeof(Four));
                std::memcpy(&b, staged + (first + 1) * lanes + i, sizeof(Four));
                std::memcpy(&c, staged + (first + 2) * lanes + i, sizeof(Four));
                std::memcpy(&d, staged + (first + 3) * lanes + i, sizeof(Four));
                const Four ab_even = __builtin_shufflevector(a, b, 0, 4, 2, 6), ab_odd = __builtin_shufflevector(a, b, 1, 5, 3, 7);
                const Four cd_even = __builtin_shufflevector(c, d, 0, 4, 2, 6), cd_odd = __builtin_shufflevector(c, d, 1, 5, 3, 7);
                const Four row0 = __builtin_shufflevector(ab_even, cd_even, 0, 1, 4, 5);
                const Four row1 = __builtin_shufflevector(ab_odd, cd_odd, 0, 1, 4, 5);
                const Four row2 = __builtin_shufflevector(ab_even, cd_even, 2, 3, 6, 7);
                const Four row3 = __builtin_shufflevector(ab_odd, cd_odd, 2, 3, 6, 7);
                std::memcpy(out + (i + 0) * nodes + first, &row0, sizeof(Four));
                std::memcpy(out + (i + 1) * nodes + first, &row1, sizeof(Four));
                std::memcpy(out + (i + 2) * nodes + first, &row2, sizeof(Four));
                std::memcpy(out + (i + 3) * nodes + first, &row3, sizeof(Four));
            }
            if (first + 4 == nodes) return;
        }
    }
#endif
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t n = 0; n < nodes; ++n) out[i * nodes + n] = staged[n * lanes + i];
}

// Bytes: 16 x 16 transposes into a row per lane, stored 16 bytes at a time; a row's store runs into the
// rows after it, which their own stores then overwrite, so the rows whose store would run past the
// block are written byte by byte: nothing past the block (perhaps another thread's rows) is touched.
void write_transposed(const std::uint8_t* __restrict staged, std::size_t nodes, std::size_t rows, std::uint8_t* __restrict out) {
#if defined(__SSE2__)
    if (rows == lanes && nodes <= 16) {  // staged holds 16 nodes (Scratch pads it)
        alignas(16) std::uint8_t by_row[lanes * 16];
        for (std::size_t half = 0; half < lanes; half += 16) transpose16(staged + half, lanes, by_row + half * 16, 16);
        std::size_t i = 0;
        for (; i * nodes + 16 <= lanes * nodes; ++i) std::memcpy(out + i * nodes, by_row + i * 16, 16);
        for (; i < lanes; ++i)
            for (std::size_t n = 0; n < nodes; ++n) out[i * nodes + n] = by_row[i * 16 + n];
        return;
    }
#endif
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t n = 0; n < nodes; ++n) out[i * nodes + n] = staged[n * lanes + i];
}

// The block's codes as criteria (in the framework's order) x lanes. Lanes past the last row are
// blank rows (code 0), scored and never written.
void transpose(std::size_t n, const std::uint8_t* codes, std::size_t row_stride, std::size_t rows, std::uint8_t* columns) {
#if defined(__SSE2__)
    if (rows == lanes && n >= 16) {
        // Tiles of 16 criteria; the last one overlaps the one before when n is not a multiple of 16.
        for (std::size_t c = 0;; c += 16) {
            const std::size_t first = std::min(c, n - 16);
            for (std::size_t half = 0; half < lanes; half += 16)
                transpose16(codes + half * row_stride + first, row_stride, columns + first * lanes + half, lanes);
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
                stage(s.area_applicable, s.area_levels, s.area_scores, a, walk.any, walk.level, score);
                if constexpr (Kind != TierModelKind::coverage) {
                    add_child(walk.any, walk.level, score, domain_level, domain_sum, domain_n);
                }
            }
            alignas(32) Bytes domain_any;
            alignas(32) Doubles domain_score;
            if constexpr (Kind == TierModelKind::coverage) {
                pooled(s.tier_credit.data(), s.tier_weight.data(), s.tier_used.data(), domain_level, domain_any, domain_score);
                // Raw pointers, here and below: a byte store through a vector may alias the vector's
                // own pointer, which would stop GCC from vectorising the loop.
                const double* __restrict tc = s.tier_credit.data();
                const double* __restrict tw = s.tier_weight.data();
                const std::uint8_t* __restrict tu = s.tier_used.data();
                double* __restrict ac = s.all_credit.data();
                double* __restrict aw = s.all_weight.data();
                std::uint8_t* __restrict au = s.all_used.data();
                for (std::size_t i = 0; i < L_.tiers * lanes; ++i) {  // an unused tier's sums are +0.0
                    ac[i] += tc[i];
                    aw[i] += tw[i];
                }
                or_into(au, tu, L_.tiers * lanes);
            } else {
                mean(domain_level, domain_sum, domain_n, domain_any, domain_score);
                add_child(domain_any, domain_level, domain_score, overall_level, overall_sum, overall_n);
            }
            stage(s.domain_applicable, s.domain_levels, s.domain_scores, d, domain_any, domain_level, domain_score);
        }
        alignas(32) Doubles overall_score;
        if constexpr (Kind == TierModelKind::coverage)
            pooled(s.all_credit.data(), s.all_weight.data(), s.all_used.data(), overall_level, overall_any, overall_score);
        else
            mean(overall_level, overall_sum, overall_n, overall_any, overall_score);
        flush(s.area_applicable, s.area_levels, s.area_scores, L_.areas, out_.area_applicable, out_.area_levels,
              out_.area_scores);
        flush(s.domain_applicable, s.domain_levels, s.domain_scores, L_.domains, out_.domain_applicable,
              out_.domain_levels, out_.domain_scores);
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
            alignas(32) Bytes not_applicable, met, partial, used, reached;
            {
                // Whole-vector counts (a compare gives -1 per true lane, so subtracting it counts).
                ByteVector na{}, m{}, pa{};
                for (std::uint32_t c = 0; c < slot.count; ++c) {
                    ByteVector x;
                    std::memcpy(&x, columns_ + criteria[c] * lanes, lanes);
                    na -= reinterpret_cast<ByteVector>(x == code_not_applicable);
                    m -= reinterpret_cast<ByteVector>(x == code_met);
                    if constexpr (Kind == TierModelKind::continuous) pa -= reinterpret_cast<ByteVector>(x == code_partial);
                }
                std::memcpy(not_applicable, &na, lanes);
                std::memcpy(met, &m, lanes);
                std::memcpy(partial, &pa, lanes);
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
            // A lane's slot is used exactly when its applicable weight is not 0 (weights are positive,
            // block_kernel_fits): a mask in the doubles' own width, cheaper than widening `used`.
            for (std::size_t i = 0; i < lanes; ++i) {
                const bool u = weight[i] != 0.0;
                if constexpr (Kind == TierModelKind::continuous) {
                    // a used tier's completion counts for every level from the used tier below up to it
                    sum[i] = u ? sum[i] + completion[i] * (top - below[i]) : sum[i];
                    below[i] = u ? top : below[i];
                } else {
                    // An unused slot's weight and credit are +0.0, and adding +0.0 to these non-negative
                    // sums changes nothing: no select needed.
                    credit_sum[i] += credit[i];
                    weight_sum[i] += weight[i];
                }
            }
            if constexpr (Kind == TierModelKind::coverage) {
                const auto o = slot.tier * lanes;
                double* __restrict tc = s.tier_credit.data() + o;
                double* __restrict tw = s.tier_weight.data() + o;
                std::uint8_t* __restrict tu = s.tier_used.data() + o;
                for (std::size_t i = 0; i < lanes; ++i) {
                    tc[i] += credit[i];  // +0.0 for an unused slot, as above
                    tw[i] += weight[i];
                }
                for (std::size_t i = 0; i < lanes; ++i) tu[i] |= used[i];
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
                if constexpr (Kind == TierModelKind::coverage)  // no partial credit: the term is +0.0
                    credit[i] = w * static_cast<double>(met[i]);
                else
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
        for (std::size_t i = 0; i < lanes; ++i) min_level[i] = std::min(min_level[i], or_none(any[i], level[i]));
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
                credit[i] += tier_credit[o + i];  // +0.0 for an unused tier
                weight[i] += tier_weight[o + i];
            }
            walk.tier(static_cast<std::uint8_t>(t + 1), *reinterpret_cast<const Bytes*>(tier_used + o), reached);
        }
        for (std::size_t i = 0; i < lanes; ++i) {
            level[i] = walk.level[i];
            any[i] = walk.any[i];
            score[i] = walk.any[i] ? credit[i] / weight[i] : nan;
        }
    }

    // One node's lanes into the block's staged outputs (nodes x lanes).
    static void stage(std::vector<std::uint8_t>& applicable, std::vector<std::int32_t>& levels, std::vector<double>& scores,
                      std::size_t node, const Bytes& any, const Bytes& level, const Doubles& score) {
        std::uint8_t* __restrict a = applicable.data() + node * lanes;
        std::int32_t* __restrict l = levels.data() + node * lanes;
        double* __restrict v = scores.data() + node * lanes;
        for (std::size_t i = 0; i < lanes; ++i) a[i] = any[i];
        alignas(32) std::int8_t signed_level[lanes];  // -1 where not applicable; a byte select, then one widening
        for (std::size_t i = 0; i < lanes; ++i) signed_level[i] = static_cast<std::int8_t>(or_none(any[i], level[i]));
        for (std::size_t i = 0; i < lanes; ++i) l[i] = signed_level[i];
        for (std::size_t i = 0; i < lanes; ++i) v[i] = score[i];
    }

    // The block's staged outputs of one node kind into the row-major outputs, its real rows only.
    void flush(const std::vector<std::uint8_t>& applicable, const std::vector<std::int32_t>& levels,
               const std::vector<double>& scores, std::size_t nodes, BatchArray<std::uint8_t>& applicable_out,
               BatchArray<std::int32_t>& levels_out, BatchArray<double>& scores_out) const {
        const std::size_t first = first_row_ * nodes;
        write_transposed(applicable.data(), nodes, rows_, applicable_out.data() + first);
        if (want_levels_) write_transposed(levels.data(), nodes, rows_, levels_out.data() + first);
        if (want_scores_) write_transposed(scores.data(), nodes, rows_, scores_out.data() + first);
    }

    // One node's lanes into the row-major outputs, for the block's real rows only.
    void write(BatchArray<std::uint8_t>& applicable, BatchArray<std::int32_t>& levels, BatchArray<double>& scores,
               std::size_t nodes, std::size_t node, const Bytes& any, const Bytes& level, const Doubles& score) const {
        // Raw pointers: a byte store may alias anything, a vector's own pointer included, which would
        // reload it at every store.
        const std::size_t first = first_row_ * nodes + node, rows = rows_;
        std::uint8_t* __restrict a = applicable.data() + first;
        for (std::size_t i = 0; i < rows; ++i) a[i * nodes] = any[i];
        if (want_levels_) {
            std::int32_t* __restrict l = levels.data() + first;
            for (std::size_t i = 0; i < rows; ++i) l[i * nodes] = any[i] ? static_cast<std::int32_t>(level[i]) : std::int32_t{-1};
        }
        if (want_scores_) {
            double* __restrict v = scores.data() + first;
            for (std::size_t i = 0; i < rows; ++i) v[i * nodes] = score[i];
        }
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
