// Markdown for descriptions and details (markdown.hpp): md4c parses, routemap renders, so that what
// comes out is under routemap's control (escaping, link targets) whatever the text holds.

#include <routemap/markdown.hpp>

#include <routemap/detail/html.hpp>

#include <cstring>
#include <type_traits>
#include <vector>

#include <md4c.h>

namespace routemap {

namespace {

constexpr unsigned parser_flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                                  MD_FLAG_PERMISSIVEWWWAUTOLINKS;

void escape(std::string& out, std::string_view text) { detail::append_escaped_html(out, text); }

// The few entities people write in prose, as text; others stay as written.
std::string decode_entity(std::string_view entity) {
    if (entity == "&amp;") return "&";
    if (entity == "&lt;") return "<";
    if (entity == "&gt;") return ">";
    if (entity == "&quot;") return "\"";
    if (entity == "&apos;" || entity == "&#39;") return "'";
    if (entity == "&nbsp;") return " ";
    if (entity == "&ndash;") return "\xE2\x80\x93";
    if (entity == "&mdash;") return "\xE2\x80\x94";
    return std::string(entity);
}

std::string attribute(const MD_ATTRIBUTE& a) {
    std::string out;
    if (!a.text) return out;
    for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
        const std::string_view piece(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
        if (a.substr_types[i] == MD_TEXT_ENTITY) out += decode_entity(piece);
        else if (a.substr_types[i] == MD_TEXT_NULLCHAR) out += "\xEF\xBF\xBD";
        else out += piece;
    }
    return out;
}

// http, https and mailto, or a relative target (no scheme): never javascript:, data: or the like.
bool safe_target(std::string_view url) {
    std::string lower;
    for (const char c : url) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")) return true;
    const auto colon = lower.find(':');
    return colon == std::string::npos || lower.find_first_of("/?#") < colon;
}

struct Html {
    std::string out;
    std::vector<bool> link_open;  // per open link: whether an <a> was written
    int image = 0;                // inside an image: its description is written as text

    static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
        auto& r = *static_cast<Html*>(self);
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_QUOTE: r.out += "<blockquote>"; break;
            case MD_BLOCK_UL: r.out += "<ul>"; break;
            case MD_BLOCK_OL: {
                const auto start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
                r.out += start == 1 ? "<ol>" : "<ol start=\"" + std::to_string(start) + "\">";
                break;
            }
            case MD_BLOCK_LI: r.out += "<li>"; break;
            case MD_BLOCK_HR: r.out += "<hr>"; break;
            case MD_BLOCK_H: r.out += "<h" + std::to_string(heading(detail)) + ">"; break;
            case MD_BLOCK_CODE: r.out += "<pre><code>"; break;
            case MD_BLOCK_HTML: r.out += "<p>"; break;  // not produced with MD_FLAG_NOHTML; text if it were
            case MD_BLOCK_P: r.out += "<p>"; break;
            case MD_BLOCK_TABLE: r.out += "<table>"; break;
            case MD_BLOCK_THEAD: r.out += "<thead>"; break;
            case MD_BLOCK_TBODY: r.out += "<tbody>"; break;
            case MD_BLOCK_TR: r.out += "<tr>"; break;
            case MD_BLOCK_TH: r.out += "<th>"; break;
            case MD_BLOCK_TD: r.out += "<td>"; break;
        }
        return 0;
    }
    static int leave_block(MD_BLOCKTYPE type, void* detail, void* self) {
        auto& r = *static_cast<Html*>(self);
        switch (type) {
            case MD_BLOCK_DOC: case MD_BLOCK_HR: break;
            case MD_BLOCK_QUOTE: r.out += "</blockquote>"; break;
            case MD_BLOCK_UL: r.out += "</ul>"; break;
            case MD_BLOCK_OL: r.out += "</ol>"; break;
            case MD_BLOCK_LI: r.out += "</li>"; break;
            case MD_BLOCK_H: r.out += "</h" + std::to_string(heading(detail)) + ">"; break;
            case MD_BLOCK_CODE: r.out += "</code></pre>"; break;
            case MD_BLOCK_HTML: case MD_BLOCK_P: r.out += "</p>"; break;
            case MD_BLOCK_TABLE: r.out += "</table>"; break;
            case MD_BLOCK_THEAD: r.out += "</thead>"; break;
            case MD_BLOCK_TBODY: r.out += "</tbody>"; break;
            case MD_BLOCK_TR: r.out += "</tr>"; break;
            case MD_BLOCK_TH: r.out += "</th>"; break;
            case MD_BLOCK_TD: r.out += "</td>"; break;
        }
        return 0;
    }
    static unsigned heading(void* detail) {
        const auto level = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
        return level + 3 > 6 ? 6 : level + 3;  // under the page's own headings
    }
    static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
        auto& r = *static_cast<Html*>(self);
        if (r.image) return 0;
        switch (type) {
            case MD_SPAN_EM: r.out += "<em>"; break;
            case MD_SPAN_STRONG: r.out += "<strong>"; break;
            case MD_SPAN_CODE: r.out += "<code>"; break;
            case MD_SPAN_DEL: r.out += "<del>"; break;
            case MD_SPAN_U: r.out += "<u>"; break;
            case MD_SPAN_A: {
                const auto href = attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
                const bool ok = safe_target(href);
                if (ok) {
                    r.out += "<a href=\"";
                    escape(r.out, href);
                    r.out += "\">";
                }
                r.link_open.push_back(ok);
                break;
            }
            case MD_SPAN_IMG: ++r.image; break;
            default: break;
        }
        return 0;
    }
    static int leave_span(MD_SPANTYPE type, void*, void* self) {
        auto& r = *static_cast<Html*>(self);
        if (type == MD_SPAN_IMG) {
            --r.image;
            return 0;
        }
        if (r.image) return 0;
        switch (type) {
            case MD_SPAN_EM: r.out += "</em>"; break;
            case MD_SPAN_STRONG: r.out += "</strong>"; break;
            case MD_SPAN_CODE: r.out += "</code>"; break;
            case MD_SPAN_DEL: r.out += "</del>"; break;
            case MD_SPAN_U: r.out += "</u>"; break;
            case MD_SPAN_A:
                if (!r.link_open.empty()) {
                    if (r.link_open.back()) r.out += "</a>";
                    r.link_open.pop_back();
                }
                break;
            default: break;
        }
        return 0;
    }
    static int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
        auto& r = *static_cast<Html*>(self);
        const std::string_view t(text, size);
        switch (type) {
            case MD_TEXT_NULLCHAR: r.out += "\xEF\xBF\xBD"; break;
            case MD_TEXT_BR: r.out += r.image ? " " : "<br>"; break;
            case MD_TEXT_SOFTBR: r.out += r.image ? " " : "\n"; break;
            case MD_TEXT_ENTITY: r.out += t; break;  // md4c passes only well-formed references (&amp; &#169;)
            default: escape(r.out, t); break;  // normal, code, and raw HTML (escaped: shown, never run)
        }
        return 0;
    }
};

struct Text {
    std::string out;
    struct List {
        bool ordered = false;
        unsigned next = 1;
    };
    std::vector<List> lists;
    std::vector<std::string> links;  // targets of the open links
    std::vector<std::size_t> link_starts;
    int quote = 0;

    void new_block() {
        // A blank line between blocks, but list items follow each other directly.
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (out.empty()) return;
        if (out.back() != '\n') out += '\n';
        if (lists.empty() && !(out.size() >= 2 && out[out.size() - 2] == '\n')) out += '\n';
    }
    void prefix() {
        if (quote) out += std::string(static_cast<std::size_t>(quote), '>') + " ";
    }
    static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
        auto& r = *static_cast<Text*>(self);
        switch (type) {
            case MD_BLOCK_UL: r.new_block(); r.lists.push_back({false, 1}); break;
            case MD_BLOCK_OL:
                r.new_block();
                r.lists.push_back({true, static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start});
                break;
            case MD_BLOCK_LI: {
                if (!r.out.empty() && r.out.back() != '\n') r.out += '\n';
                r.out += std::string(2 * (r.lists.size() - 1), ' ');
                r.prefix();
                auto& list = r.lists.back();
                r.out += list.ordered ? std::to_string(list.next++) + ". " : "- ";
                break;
            }
            case MD_BLOCK_QUOTE: r.new_block(); ++r.quote; break;
            case MD_BLOCK_P: case MD_BLOCK_H: case MD_BLOCK_CODE: case MD_BLOCK_TABLE: case MD_BLOCK_HR:
                if (r.lists.empty() || (!r.out.empty() && r.out.back() == '\n')) {
                    r.new_block();
                    r.prefix();
                }
                if (type == MD_BLOCK_HR) r.out += "---";
                break;
            case MD_BLOCK_TR: if (!r.out.empty() && r.out.back() != '\n') r.out += '\n'; break;
            case MD_BLOCK_TD: case MD_BLOCK_TH:
                if (!r.out.empty() && r.out.back() != '\n') r.out += " | ";
                break;
            default: break;
        }
        return 0;
    }
    static int leave_block(MD_BLOCKTYPE type, void*, void* self) {
        auto& r = *static_cast<Text*>(self);
        if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
            r.lists.pop_back();
            if (!r.out.empty() && r.out.back() != '\n') r.out += '\n';
        }
        if (type == MD_BLOCK_QUOTE) --r.quote;
        return 0;
    }
    static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
        auto& r = *static_cast<Text*>(self);
        if (type == MD_SPAN_A) {
            r.links.push_back(attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
            r.link_starts.push_back(r.out.size());
        }
        return 0;
    }
    static int leave_span(MD_SPANTYPE type, void*, void* self) {
        auto& r = *static_cast<Text*>(self);
        if (type == MD_SPAN_A && !r.links.empty()) {
            const auto target = r.links.back();
            const auto shown = r.out.substr(r.link_starts.back());
            r.links.pop_back();
            r.link_starts.pop_back();
            auto bare = [](std::string s) {
                for (const char* scheme : {"mailto:", "https://", "http://"})
                    if (s.starts_with(scheme)) s.erase(0, std::strlen(scheme));
                return s;
            };
            if (!target.empty() && bare(target) != bare(shown)) r.out += " (" + target + ")";
        }
        return 0;
    }
    static int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
        auto& r = *static_cast<Text*>(self);
        const std::string_view t(text, size);
        switch (type) {
            case MD_TEXT_NULLCHAR: r.out += "\xEF\xBF\xBD"; break;
            case MD_TEXT_BR:
                r.out += '\n';
                r.out += std::string(2 * r.lists.size(), ' ');
                r.prefix();
                break;
            case MD_TEXT_SOFTBR: r.out += ' '; break;
            case MD_TEXT_ENTITY: r.out += decode_entity(t); break;
            case MD_TEXT_CODE:
                // In a code block, each line goes on a line of its own.
                for (const char c : t) {
                    r.out += c;
                    if (c == '\n') r.prefix();
                }
                break;
            default: r.out += t; break;
        }
        return 0;
    }
};

template <class Renderer>
std::string render(std::string_view markdown) {
    Renderer r;
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = parser_flags;
    parser.enter_block = &Renderer::enter_block;
    parser.leave_block = &Renderer::leave_block;
    parser.enter_span = &Renderer::enter_span;
    parser.leave_span = &Renderer::leave_span;
    parser.text = &Renderer::text;
    if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &r) != 0) {
        // md4c gives up only when out of memory: fall back to the text as it is, escaped.
        std::string out;
        if constexpr (std::is_same_v<Renderer, Html>) {
            out = "<p>";
            escape(out, markdown);
            out += "</p>";
        } else {
            out = std::string(markdown);
        }
        return out;
    }
    return std::move(r.out);
}

}  // namespace

std::string render_markdown_html(std::string_view markdown) { return render<Html>(markdown); }

std::string render_markdown_text(std::string_view markdown) {
    auto out = render<Text>(markdown);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

}  // namespace routemap
