// Authoring tools (docs/framework-authoring.md): writing a FrameworkSpec as a framework file, the
// matrix import, and Markdown rendered safely.
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <routemap/detail/html.hpp>

using namespace routemap;

namespace {

FrameworkSpec spec_of(const std::string& text, const std::string& name) {
    std::vector<Diagnostic> diagnostics;
    auto spec = read_framework_spec(text, name, diagnostics);
    EXPECT_TRUE(spec.has_value()) << name;
    EXPECT_FALSE(has_errors(diagnostics)) << name << ": " << (diagnostics.empty() ? "" : diagnostics[0].to_string());
    return spec.value_or(FrameworkSpec{});
}

void expect_same_actions(const std::vector<Action>& a, const std::vector<Action>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].text, b[i].text);
        expect_same_actions(a[i].children, b[i].children);
    }
}

void expect_same(const FrameworkSpec& a, const FrameworkSpec& b) {
    EXPECT_EQ(a.info.id, b.info.id);
    EXPECT_EQ(a.info.name, b.info.name);
    EXPECT_EQ(a.info.description, b.info.description);
    EXPECT_EQ(a.info.metadata, b.info.metadata);
    EXPECT_EQ(a.info.status, b.info.status);
    EXPECT_EQ(a.info.year, b.info.year);
    EXPECT_EQ(a.scoring.default_model, b.scoring.default_model);
    EXPECT_EQ(a.scoring.parameters, b.scoring.parameters);
    EXPECT_EQ(a.implicit_edges, b.implicit_edges);
    ASSERT_EQ(a.answers.size(), b.answers.size());
    for (std::size_t i = 0; i < a.answers.size(); ++i) {
        EXPECT_EQ(a.answers[i].id, b.answers[i].id);
        EXPECT_EQ(a.answers[i].credit, b.answers[i].credit);
        EXPECT_EQ(a.answers[i].meaning, b.answers[i].meaning);
    }
    ASSERT_EQ(a.tiers.size(), b.tiers.size());
    for (std::size_t i = 0; i < a.tiers.size(); ++i) {
        EXPECT_EQ(a.tiers[i].id, b.tiers[i].id);
        EXPECT_EQ(a.tiers[i].description, b.tiers[i].description);
    }
    ASSERT_EQ(a.domains.size(), b.domains.size());
    for (std::size_t d = 0; d < a.domains.size(); ++d) {
        const auto &x = a.domains[d], &y = b.domains[d];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.step, y.step);
        EXPECT_EQ(x.summary, y.summary);
        expect_same_actions(x.actions, y.actions);
        ASSERT_EQ(x.areas.size(), y.areas.size());
        for (std::size_t k = 0; k < x.areas.size(); ++k) {
            EXPECT_EQ(x.areas[k].id, y.areas[k].id);
            EXPECT_EQ(x.areas[k].implicit, y.areas[k].implicit);
            EXPECT_EQ(x.areas[k].tiers, y.areas[k].tiers);
            ASSERT_EQ(x.areas[k].criteria.size(), y.areas[k].criteria.size());
            for (std::size_t c = 0; c < x.areas[k].criteria.size(); ++c) {
                const auto &p = x.areas[k].criteria[c], &q = y.areas[k].criteria[c];
                EXPECT_EQ(p.id, q.id);
                EXPECT_EQ(p.tier, q.tier);
                EXPECT_EQ(p.text, q.text);
                EXPECT_EQ(p.details, q.details);
                EXPECT_EQ(p.requires_ids, q.requires_ids);
                EXPECT_EQ(p.weight, q.weight);
                EXPECT_EQ(p.tags, q.tags);
                EXPECT_EQ(p.source, q.source);
            }
        }
    }
}

}  // namespace

TEST(Authoring, EveryFrameworkFileIsWrittenBackAsItWasRead) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(test::source_dir() / "frameworks")) files.push_back(e.path());
    for (const auto* name : {"worked-example.toml", "mixed-tiers.toml", "graded-answers.toml", "explicit-five.toml"})
        files.push_back(test::source_dir() / "tests" / "data" / name);
    for (const auto& file : files) {
        const auto original = spec_of(test::detail_read(file), file.string());
        const auto written = format_framework_spec(original);
        const auto again = spec_of(written, "written.toml");
        expect_same(original, again);
        EXPECT_NO_THROW((void)parse_framework(written, "written.toml")) << file;
        EXPECT_EQ(format_framework_spec(again), written) << file;
    }
}

TEST(Authoring, ImportingAMatrixGivesItsDomainsAreasAndCells) {
    // A matrix laid out like the Newham ones, from newham-service's cells.
    const Registry registry({test::source_dir()}, test::no_plugins());
    const auto& f = registry.get("newham-service");
    auto quote = [](const std::string& cell) {
        std::string out = "\"";
        for (const char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    std::string csv = "STEP,AREA";
    for (const auto& t : f.tiers()) csv += "," + t.name;
    csv += "\r\n";
    for (const auto& d : f.domains()) {
        bool first = true;
        for (const auto& a : f.areas_of(d)) {
            csv += (first ? quote(d.name) : std::string()) + "," + quote(a.name);
            first = false;
            for (const auto& t : f.tiers()) {
                std::vector<std::string> texts;
                for (const auto& c : f.criteria_of(a))
                    if (c.tier == t.index) texts.push_back(c.text);
                std::string cell;
                for (const auto& text : texts) cell += (texts.size() > 1 ? (cell.empty() ? "- " : "\n- ") : "") + text;
                csv += "," + quote(cell);
            }
            csv += "\r\n";
        }
    }
    const auto result = import_matrix(csv, "matrices/newham-service.csv", {"", "Imported service matrix"});
    ASSERT_FALSE(has_errors(result.notes)) << result.notes[0].to_string();
    EXPECT_EQ(result.spec.info.id, "imported-service-matrix");
    const auto imported = parse_framework(result.toml, "imported.toml");
    ASSERT_EQ(imported.domains().size(), f.domains().size());
    ASSERT_EQ(imported.areas().size(), f.areas().size());
    ASSERT_EQ(imported.criteria().size(), f.criteria().size());
    for (std::size_t i = 0; i < f.areas().size(); ++i) {
        const auto &x = f.areas()[i], &y = imported.areas()[i];
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(f.domains()[x.domain].name, imported.domains()[y.domain].name);
        const auto xs = f.criteria_of(x), ys = imported.criteria_of(y);
        ASSERT_EQ(xs.size(), ys.size()) << x.id;
        // Same cells: the same texts at the same tiers, in the same order within each tier.
        for (std::size_t t = 0; t < f.tiers().size(); ++t) {
            std::vector<std::string> a, b;
            for (const auto& c : xs)
                if (c.tier == t) a.push_back(c.text);
            for (const auto& c : ys)
                if (c.tier == t) b.push_back(c.text);
            EXPECT_EQ(a, b) << x.id << " tier " << t;
        }
    }
    EXPECT_EQ(imported.tiers()[0].id, "fundamental");
    EXPECT_EQ(imported.criteria()[0].local_id, "fundamental.1");
    EXPECT_EQ(imported.info().status, "draft");
    // What needs an author's decision is said, each where it is.
    bool placeholders = false, ids = false;
    for (const auto& n : result.notes) {
        EXPECT_EQ(n.severity, Severity::warning) << n.to_string();
        placeholders = placeholders || n.message.find("the framework is a draft") != std::string::npos;
        ids = ids || n.message.find("ids were made from the names") != std::string::npos;
    }
    EXPECT_TRUE(placeholders);
    EXPECT_TRUE(ids);
}

TEST(Authoring, ImportNotesSentencesSkippedTiersAndRepeatedNames) {
    const std::string csv =
        "Step,Area,Level 1,Level 2,Level 3\n"
        "Data,Collecting,Data is collected. It is checked.,,Data is shared.\n"
        ",Collecting,A second area of the same name.,More.,Most.\n"
        ",,Continued: one more level-1 criterion of the area above.,,\n"
        "\"Data!\",Using,\"- one\n- two\n- three\",Used.,Used well.\n";
    const auto result = import_matrix(csv, "m.csv");
    ASSERT_FALSE(has_errors(result.notes)) << result.notes[0].to_string();
    const auto& spec = result.spec;
    ASSERT_EQ(spec.domains.size(), 2u);
    EXPECT_EQ(spec.domains[0].id, "data");
    EXPECT_EQ(spec.domains[1].id, "data-2");  // "Data!" makes the same id
    ASSERT_EQ(spec.domains[0].areas.size(), 2u);
    EXPECT_EQ(spec.domains[0].areas[1].id, "collecting-2");
    EXPECT_EQ(spec.domains[0].areas[1].criteria.size(), 4u);  // three cells, and one row continuing it
    EXPECT_EQ(spec.domains[0].areas[1].criteria[3].id, "level-1.2");
    EXPECT_EQ(spec.domains[1].areas[0].criteria.size(), 5u);  // three bullets, two cells
    EXPECT_EQ(spec.domains[1].areas[0].criteria[2].text, "three");
    std::string all;
    for (const auto& n : result.notes) all += n.to_string() + "\n";
    EXPECT_NE(all.find("m.csv:2:17: warning: the cell of 'Collecting' at Level 1 holds 2 sentences"), std::string::npos) << all;
    EXPECT_NE(all.find("area 'data.collecting' has no cell at level-2"), std::string::npos) << all;
    EXPECT_NE(all.find("row 3 has no area: its cells are added to the area above ('Collecting')"), std::string::npos) << all;
    EXPECT_NE(all.find("framework id 'm' made from the file name"), std::string::npos) << all;
    EXPECT_NO_THROW((void)parse_framework(result.toml, "m.toml"));

    const auto bad = import_matrix("Step,Area,One\n,Nowhere,Text\n", "bad.csv");
    ASSERT_TRUE(has_errors(bad.notes));
    EXPECT_TRUE(bad.toml.empty());
    EXPECT_TRUE(has_errors(import_matrix("", "empty.csv").notes));
    EXPECT_TRUE(has_errors(import_matrix("Step,Area,One\n", "header.csv").notes));
}

TEST(Markdown, HtmlIsSafe) {
    EXPECT_EQ(render_markdown_html("Plain text."), "<p>Plain text.</p>");
    EXPECT_EQ(render_markdown_html("*a* **b** `c`"), "<p><em>a</em> <strong>b</strong> <code>c</code></p>");
    EXPECT_EQ(render_markdown_html("- one\n- two"), "<ul><li>one</li><li>two</li></ul>");
    // Raw HTML is shown, never run.
    EXPECT_EQ(render_markdown_html("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    EXPECT_EQ(render_markdown_html("a <b onclick=\"x\">b</b>"), "<p>a &lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt;</p>");
    // Links: http, https, mailto and relative targets only.
    EXPECT_EQ(render_markdown_html("[x](https://example.org/?a=1&b=2)"),
              "<p><a href=\"https://example.org/?a=1&amp;b=2\">x</a></p>");
    EXPECT_EQ(render_markdown_html("[x](javascript:alert(1))"), "<p>x</p>");
    EXPECT_EQ(render_markdown_html("[x](JaVaScRiPt:alert(1))"), "<p>x</p>");
    EXPECT_EQ(render_markdown_html("[x](data:text/html,hi)"), "<p>x</p>");
    EXPECT_EQ(render_markdown_html("[x](page.html#top)"), "<p><a href=\"page.html#top\">x</a></p>");
    EXPECT_EQ(render_markdown_html("![a picture](https://example.org/p.png)"), "<p>a picture</p>");
    EXPECT_EQ(render_markdown_html("# Title"), "<h4>Title</h4>");
    EXPECT_EQ(render_markdown_html("x &amp; y &copy; &nosuch z"), "<p>x &amp; y &copy; &amp;nosuch z</p>");
    EXPECT_EQ(render_markdown_html(""), "");
    // Attribute quotes cannot be broken out of.
    EXPECT_EQ(render_markdown_html("[x](https://e.org/\"onmouseover=\"y)"),
              "<p><a href=\"https://e.org/&quot;onmouseover=&quot;y\">x</a></p>");
}

TEST(Markdown, TextForTheTerminal) {
    EXPECT_EQ(render_markdown_text("Plain *text* with `code`."), "Plain text with code.");
    EXPECT_EQ(render_markdown_text("One.\n\nTwo,\nstill two."), "One.\n\nTwo, still two.");
    EXPECT_EQ(render_markdown_text("Intro:\n\n- one\n- two\n  - nested\n\n1. first\n2. second"),
              "Intro:\n\n- one\n- two\n  - nested\n\n1. first\n2. second");
    EXPECT_EQ(render_markdown_text("See [the site](https://example.org) or <https://example.org>."),
              "See the site (https://example.org) or https://example.org.");
    EXPECT_EQ(render_markdown_text("<b>raw</b> &amp; done"), "<b>raw</b> & done");
    EXPECT_EQ(render_markdown_text("## Heading\n\nBody"), "Heading\n\nBody");
}

// The one HTML escaper (report, form, Markdown): markup characters as entities, control characters
// other than newline and tab as a space, everything else (UTF-8 included) as it is.
TEST(HtmlEscape, MarkupAndControlCharacters) {
    EXPECT_EQ(routemap::detail::escape_html("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(routemap::detail::escape_html(std::string("a\x01" "b\x1f" "c\n\td é", 11)), "a b c\n\td é");
    EXPECT_EQ(routemap::render_markdown_html(std::string("bell\x07 here", 10)), "<p>bell  here</p>");
}
