// routemap::detail is not public API. See spec_codec.hpp.
#include "spec_codec.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

#include <routemap/limits.hpp>

namespace routemap::detail {

namespace {

// A new member in one of these structs must be written and read below (and the cache's entry format
// raised, framework_cache.cpp): these sizes stop the build until someone has looked. The round-trip
// test over every framework file in the repository then checks that the member is carried. (Sizes as
// on x86-64 with libstdc++, where routemap is developed; other platforms rely on the test alone.)
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(SourceLocation) == 40);
static_assert(sizeof(CriterionSpec) == 392);
static_assert(sizeof(AreaSpec) == 296);
static_assert(sizeof(DomainSpec) == 312);
static_assert(sizeof(AnswerSpec) == 272);
static_assert(sizeof(TierSpec) == 176);
static_assert(sizeof(Action) == 96);
static_assert(sizeof(FrameworkInfo) == 312);
static_assert(sizeof(ScoringDefaults) == 80);
static_assert(sizeof(FrameworkSpec) == 592);
#endif

class Writer {
public:
    explicit Writer(std::string file) : file_(std::move(file)) {}

    template <class T>
    void raw(T value) {
        static_assert(std::is_trivially_copyable_v<T>);
        char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        out_.append(bytes, sizeof(T));
    }
    void count(std::size_t n) { raw(static_cast<std::uint32_t>(n)); }
    void string(const std::string& s) {
        count(s.size());
        out_.append(s);
    }
    void strings(const std::vector<std::string>& v) {
        count(v.size());
        for (const auto& s : v) string(s);
    }
    void location(const SourceLocation& l) {
        // 0: no file; 1: the spec's own file; 2: another, written out.
        if (l.file.empty()) raw<std::uint8_t>(0);
        else if (l.file == file_) raw<std::uint8_t>(1);
        else {
            raw<std::uint8_t>(2);
            string(l.file);
        }
        raw(l.line);
        raw(l.column);
    }
    void locations(const std::vector<SourceLocation>& v) {
        count(v.size());
        for (const auto& l : v) location(l);
    }
    std::string take() { return std::move(out_); }

private:
    std::string file_;
    std::string out_;
};

class Reader {
public:
    Reader(std::string_view bytes, const std::string& file) : rest_(bytes), file_(file) {}

    [[nodiscard]] bool ok() const noexcept { return ok_; }
    [[nodiscard]] bool done() const noexcept { return ok_ && rest_.empty(); }

    template <class T>
    T raw() {
        T value{};
        if (!ok_ || rest_.size() < sizeof(T)) return fail(value);
        std::memcpy(&value, rest_.data(), sizeof(T));
        rest_.remove_prefix(sizeof(T));
        return value;
    }
    // A count of things of at least `least` bytes each: never more than the rest could hold, so that a
    // damaged count cannot ask for a huge allocation.
    std::size_t count(std::size_t least = 1) {
        const auto n = raw<std::uint32_t>();
        if (n > rest_.size() / least) return fail(std::size_t{0});
        return n;
    }
    std::string string() {
        const auto n = count();
        if (!ok_ || n > limits::max_file_bytes) return fail(std::string{});
        std::string s(rest_.substr(0, n));
        rest_.remove_prefix(n);
        return s;
    }
    std::vector<std::string> strings() {
        std::vector<std::string> v(count(4));
        for (auto& s : v) s = string();
        return v;
    }
    SourceLocation location() {
        SourceLocation l;
        switch (raw<std::uint8_t>()) {
            case 0: break;
            case 1: l.file = file_; break;
            case 2: l.file = string(); break;
            default: return fail(l);
        }
        l.line = raw<std::uint32_t>();
        l.column = raw<std::uint32_t>();
        return l;
    }
    std::vector<SourceLocation> locations() {
        std::vector<SourceLocation> v(count(9));
        for (auto& l : v) l = location();
        return v;
    }
    bool boolean() {
        const auto b = raw<std::uint8_t>();
        if (b > 1) return fail(false);
        return b == 1;
    }
    template <class T>
    T fail(T value) {
        ok_ = false;
        rest_ = {};
        return value;
    }

private:
    std::string_view rest_;
    const std::string& file_;
    bool ok_ = true;
};

// --- writing ---

void write(Writer& w, const Action& a) {
    w.string(a.text);
    w.count(a.children.size());
    for (const auto& c : a.children) write(w, c);
    w.location(a.location);
}

void write(Writer& w, const AnswerSpec& a) {
    w.string(a.id);
    w.string(a.name);
    w.string(a.description);
    w.raw(a.credit);
    w.raw<std::uint8_t>(a.meaning ? static_cast<std::uint8_t>(*a.meaning) + 1 : 0);
    w.location(a.location);
    w.location(a.id_location);
    w.location(a.credit_location);
    w.location(a.meaning_location);
}

void write(Writer& w, const std::vector<AnswerSpec>& answers) {
    w.count(answers.size());
    for (const auto& a : answers) write(w, a);
}

void write(Writer& w, const CriterionSpec& c) {
    w.string(c.id);
    w.string(c.tier);
    w.location(c.tier_location);
    w.string(c.text);
    w.strings(c.details);
    w.strings(c.requires_ids);
    w.locations(c.requires_locations);
    w.raw(c.weight);
    w.strings(c.tags);
    w.string(c.source);
    w.location(c.location);
    w.location(c.id_location);
    w.location(c.weight_location);
}

void write(Writer& w, const AreaSpec& a) {
    w.string(a.id);
    w.string(a.name);
    w.string(a.description);
    w.raw<std::uint8_t>(a.implicit ? 1 : 0);
    w.strings(a.tiers);
    w.locations(a.tier_locations);
    w.location(a.tiers_location);
    w.count(a.criteria.size());
    for (const auto& c : a.criteria) write(w, c);
    w.location(a.location);
    w.location(a.id_location);
}

void write(Writer& w, const DomainSpec& d) {
    w.string(d.id);
    w.string(d.name);
    w.string(d.step);
    w.string(d.summary);
    w.string(d.description);
    w.count(d.actions.size());
    for (const auto& a : d.actions) write(w, a);
    w.count(d.areas.size());
    for (const auto& a : d.areas) write(w, a);
    w.location(d.location);
    w.location(d.id_location);
    write(w, d.answers);
}

void write(Writer& w, const FrameworkInfo& i) {
    w.string(i.id);
    w.string(i.name);
    w.string(i.version);
    w.string(i.level);
    w.string(i.publisher);
    w.raw(i.year);
    w.string(i.source);
    w.string(i.description);
    w.string(i.status);
    w.count(i.metadata.size());
    for (const auto& [key, values] : i.metadata) {
        w.string(key);
        w.strings(values);
    }
}

void write(Writer& w, const ScoringDefaults& s) {
    w.string(s.default_model);
    w.count(s.parameters.size());
    for (const auto& [model, parameters] : s.parameters) {
        w.string(model);
        w.count(parameters.size());
        for (const auto& [name, value] : parameters) {
            w.string(name);
            w.raw(value);
        }
    }
}

void write(Writer& w, const TierSpec& t) {
    w.string(t.id);
    w.string(t.name);
    w.string(t.description);
    w.location(t.location);
    w.location(t.id_location);
}

// --- reading ---

bool read(Reader& r, Action& a, std::size_t depth) {
    if (depth > limits::max_nesting_depth) return r.fail(false);
    a.text = r.string();
    a.children.resize(r.count(17));
    for (auto& c : a.children)
        if (!read(r, c, depth + 1)) return false;
    a.location = r.location();
    return r.ok();
}

void read(Reader& r, AnswerSpec& a) {
    a.id = r.string();
    a.name = r.string();
    a.description = r.string();
    a.credit = r.raw<double>();
    const auto meaning = r.raw<std::uint8_t>();
    if (meaning > status_count) return (void)r.fail(0);
    if (meaning) a.meaning = static_cast<Status>(meaning - 1);
    a.location = r.location();
    a.id_location = r.location();
    a.credit_location = r.location();
    a.meaning_location = r.location();
}

std::vector<AnswerSpec> read_answers(Reader& r) {
    std::vector<AnswerSpec> answers(r.count(25));
    for (auto& a : answers) read(r, a);
    return answers;
}

void read(Reader& r, CriterionSpec& c) {
    c.id = r.string();
    c.tier = r.string();
    c.tier_location = r.location();
    c.text = r.string();
    c.details = r.strings();
    c.requires_ids = r.strings();
    c.requires_locations = r.locations();
    c.weight = r.raw<double>();
    c.tags = r.strings();
    c.source = r.string();
    c.location = r.location();
    c.id_location = r.location();
    c.weight_location = r.location();
}

void read(Reader& r, AreaSpec& a) {
    a.id = r.string();
    a.name = r.string();
    a.description = r.string();
    a.implicit = r.boolean();
    a.tiers = r.strings();
    a.tier_locations = r.locations();
    a.tiers_location = r.location();
    a.criteria.resize(r.count(60));
    for (auto& c : a.criteria) read(r, c);
    a.location = r.location();
    a.id_location = r.location();
}

void read(Reader& r, DomainSpec& d) {
    d.id = r.string();
    d.name = r.string();
    d.step = r.string();
    d.summary = r.string();
    d.description = r.string();
    d.actions.resize(r.count(17));
    for (auto& a : d.actions)
        if (!read(r, a, 1)) return;
    d.areas.resize(r.count(40));
    for (auto& a : d.areas) read(r, a);
    d.location = r.location();
    d.id_location = r.location();
    d.answers = read_answers(r);
}

void read(Reader& r, FrameworkInfo& i) {
    i.id = r.string();
    i.name = r.string();
    i.version = r.string();
    i.level = r.string();
    i.publisher = r.string();
    i.year = r.raw<int>();
    i.source = r.string();
    i.description = r.string();
    i.status = r.string();
    for (auto n = r.count(8); n-- > 0 && r.ok();) {
        auto key = r.string();
        i.metadata[std::move(key)] = r.strings();
    }
}

void read(Reader& r, ScoringDefaults& s) {
    s.default_model = r.string();
    for (auto n = r.count(8); n-- > 0 && r.ok();) {
        auto& parameters = s.parameters[r.string()];
        for (auto m = r.count(12); m-- > 0 && r.ok();) {
            auto name = r.string();
            parameters[std::move(name)] = r.raw<double>();
        }
    }
}

void read(Reader& r, TierSpec& t) {
    t.id = r.string();
    t.name = r.string();
    t.description = r.string();
    t.location = r.location();
    t.id_location = r.location();
}

}  // namespace

std::string encode_spec(const FrameworkSpec& spec) {
    Writer w(spec.file);
    w.raw(spec.format_version);
    write(w, spec.info);
    write(w, spec.scoring);
    w.count(spec.tiers.size());
    for (const auto& t : spec.tiers) write(w, t);
    w.count(spec.domains.size());
    for (const auto& d : spec.domains) write(w, d);
    w.location(spec.location);
    w.location(spec.id_location);
    w.raw(static_cast<std::uint8_t>(spec.implicit_edges));
    write(w, spec.answers);
    return w.take();
}

std::optional<FrameworkSpec> decode_spec(std::string_view bytes, const std::string& file) {
    Reader r(bytes, file);
    FrameworkSpec spec;
    spec.file = file;
    spec.format_version = r.raw<int>();
    read(r, spec.info);
    read(r, spec.scoring);
    spec.tiers.resize(r.count(15));
    for (auto& t : spec.tiers) read(r, t);
    spec.domains.resize(r.count(50));
    for (auto& d : spec.domains) read(r, d);
    spec.location = r.location();
    spec.id_location = r.location();
    const auto edges = r.raw<std::uint8_t>();
    if (edges > static_cast<std::uint8_t>(ImplicitEdges::none)) return std::nullopt;
    spec.implicit_edges = static_cast<ImplicitEdges>(edges);
    spec.answers = read_answers(r);
    if (!r.done()) return std::nullopt;
    return spec;
}

}  // namespace routemap::detail
