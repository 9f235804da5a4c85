#include "versions/changes.hpp"

#include <algorithm>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>

#include "detail/input_file.hpp"

namespace routemap {

namespace detail {

void read_changes(TomlReader& r, const toml::table& root, std::vector<FrameworkChange>& out) {
    for (const auto* t : r.tables(root, "changes", "the file", false)) {
        FrameworkChange c;
        c.location = r.where(*t);
        const std::string context = "a change";
        r.unknown_keys(*t, {"since", "kind", "from", "to", "note"}, context);
        c.since = r.string(*t, "since", context, true).value_or("");
        c.kind = r.string(*t, "kind", context, true).value_or("");
        c.from = r.strings(*t, "from", context);
        c.to = r.strings(*t, "to", context);
        c.note = r.string(*t, "note", context, false).value_or("");
        static const std::vector<std::string> kinds{"renamed", "moved", "split", "merged", "removed", "tier_renamed"};
        if (!c.kind.empty() && std::find(kinds.begin(), kinds.end(), c.kind) == kinds.end())
            r.error("unknown change kind '" + c.kind + "': expected renamed, moved, split, merged, removed or tier_renamed",
                    r.where(*t->get("kind")));
        const auto want = [&](bool ok, const std::string& what) {
            if (!ok) r.error("a '" + c.kind + "' change needs " + what, c.location);
        };
        if (c.kind == "renamed" || c.kind == "moved" || c.kind == "tier_renamed")
            want(c.from.size() == 1 && c.to.size() == 1, "one id in from and one in to");
        if (c.kind == "split") want(c.from.size() == 1 && c.to.size() >= 2, "one id in from and at least two in to");
        if (c.kind == "merged") want(c.from.size() >= 2 && c.to.size() == 1, "at least two ids in from and one in to");
        if (c.kind == "removed") want(!c.from.empty() && c.to.empty(), "ids in from and none in to");
        out.push_back(std::move(c));
    }
}

}  // namespace detail

std::vector<FrameworkChange> framework_changes(const Framework& framework) {
    std::vector<FrameworkChange> out;
    if (framework.file().empty()) return out;
    std::vector<Diagnostic> diagnostics;
    const auto text = detail::read_text_file(framework.file());
    auto root = detail::parse_toml(text, framework.file(), diagnostics);
    if (!root) throw FrameworkError(std::move(diagnostics));
    detail::TomlReader r(framework.file(), diagnostics);
    detail::read_changes(r, *root, out);
    if (has_errors(diagnostics)) throw FrameworkError(std::move(diagnostics));
    return out;
}

}  // namespace routemap
