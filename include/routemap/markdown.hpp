#pragma once
// Descriptions and details in framework files may be written in Markdown (CommonMark, with tables
// and strikethrough). These render them for the surfaces that show them: HTML for the report and the
// form, plain text for the terminal. Parsed with md4c (a Debian package), rendered by routemap.

#include <string>
#include <string_view>

namespace routemap {

// An HTML fragment, safe to embed in a page: raw HTML in the text is escaped (shown, never run);
// links keep only http, https and mailto targets or relative ones (others become plain text); images
// become their description; headings become <h4>..<h6> so that they sit under the page's own. Text
// without Markdown gives one <p>.
[[nodiscard]] std::string render_markdown_html(std::string_view markdown);

// Plain text for a terminal: emphasis and code marks dropped, a link as "text (target)" when the two
// differ, list items on lines of their own ("- " or "1. ", indented by two spaces per level), blocks
// separated by a blank line. Lines are not wrapped.
[[nodiscard]] std::string render_markdown_text(std::string_view markdown);

}  // namespace routemap
