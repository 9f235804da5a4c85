// The self-assessment form page: what the C++ side promises (the browser tests in
// tests/cli/test_form_browser.py check what the page does). Framework and assessment text is data:
// it reaches the page only as JSON inside <script type="application/json">, escaped so that it
// can never close the element, and the JSON gives the text back unchanged.

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <routemap/assessment.hpp>
#include <routemap/error.hpp>
#include <routemap/form.hpp>
#include <routemap/framework_loader.hpp>

#include "test_support.hpp"

namespace {

using namespace routemap;

const std::string hostile = "</script><script>alert(1)</script> <!-- & \"quotes\" 'single' \xE2\x80\xA8 \xE2\x80\xA9 \\ end";

Framework hostile_framework() {
    return parse_framework(test::header("hostile") + test::two_tiers() +
                           "[[domains]]\nid = \"d\"\nname = \"Domain " + "</script>" + "\"\n"
                           "[[domains.actions]]\ntext = \"Act <b>now</b> & \\\"then\\\"\"\n"
                           "[[domains.areas]]\nid = \"a\"\nname = \"Area\"\n"
                           "[[domains.areas.criteria]]\nid = \"fundamental.1\"\ntier = \"fundamental\"\ntext = \"" +
                           std::string("Text \\u003c/script\\u003e & \\\"q\\\" \\u2028 <!-- x") + "\"\n"
                           "details = [\"<img src=x onerror=alert(1)>\"]\n");
}

std::string data_of(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"rm-data\">";
    const auto start = page.find(open);
    EXPECT_NE(start, std::string::npos);
    const auto end = page.find("</script>", start);
    return page.substr(start + open.size(), end - start - open.size());
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST(Form, IsOneSelfContainedPage) {
    const auto framework = load_framework(test::bundled("newham-service"));
    const auto page = render_form(framework);
    EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    EXPECT_NE(page.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
    EXPECT_EQ(page.find("src=\"http"), std::string::npos);
    EXPECT_EQ(page.find("href=\"http"), std::string::npos);
    EXPECT_EQ(count(page, "<script"), 2u);  // the data, and the script
    EXPECT_EQ(count(page, "</script>"), 2u);
    const auto data = nlohmann::json::parse(data_of(page));
    EXPECT_EQ(data["framework"]["id"], "newham-service");
    EXPECT_EQ(data["framework"]["domains"].size(), framework.domains().size());
    std::size_t criteria = 0;
    for (const auto& d : data["framework"]["domains"])
        for (const auto& a : d["areas"]) criteria += a["criteria"].size();
    EXPECT_EQ(criteria, framework.criteria().size());
    EXPECT_EQ(data["statuses"], nlohmann::json({"met", "partial", "not_met", "not_applicable", "unknown"}));
    EXPECT_EQ(data["reasons"], nlohmann::json({"not_relevant", "out_of_scope", "owned_elsewhere"}));
    EXPECT_TRUE(data["prefill"].is_null());
}

TEST(Form, FrameworkTextCannotEscapeTheDataElement) {
    const auto framework = hostile_framework();
    const auto page = render_form(framework);
    EXPECT_EQ(count(page, "</script>"), 2u);
    EXPECT_EQ(page.find("<script>alert"), std::string::npos);
    EXPECT_EQ(page.find("<img"), std::string::npos);
    const auto raw = data_of(page);
    EXPECT_EQ(raw.find_first_of("<>&"), std::string::npos);
    EXPECT_EQ(raw.find("\xE2\x80\xA8"), std::string::npos);
    EXPECT_EQ(raw.find("\xE2\x80\xA9"), std::string::npos);
    const auto data = nlohmann::json::parse(raw);  // and the text comes back unchanged
    const auto& domain = data["framework"]["domains"][0];
    EXPECT_EQ(domain["name"], "Domain </script>");
    EXPECT_EQ(domain["actions"][0]["text"], "Act <b>now</b> & \"then\"");
    EXPECT_EQ(domain["areas"][0]["criteria"][0]["text"], framework.criteria()[0].text);
    EXPECT_EQ(domain["areas"][0]["criteria"][0]["details"][0], "<img src=x onerror=alert(1)>");
    // The title is HTML-escaped.
    EXPECT_NE(page.find("<h1 id=\"rm-title\">Tiny</h1>"), std::string::npos);
}

TEST(Form, PrefillIsEmbeddedWithEveryField) {
    const auto framework = load_framework(test::bundled("newham-service"));
    auto a = Assessment::blank(framework, hostile, "2026-03-31");
    a.assessors = {"Ann \"A\" Lee", hostile};
    const auto& first = framework.criteria()[0].id;
    const auto& second = framework.criteria()[1].id;
    auto& r = a.set(first, Status::partial, hostile + "\nline two");
    r.note = "note";
    r.owner = "owner";
    r.due = "2026-09-30";
    auto& na = a.set(second, Status::not_applicable, "", Exclusion::owned_elsewhere);
    na.exclusion_text = "The trust's BI team";
    FormOptions options;
    options.prefill = &a;
    const auto page = render_form(framework, options);
    EXPECT_EQ(count(page, "</script>"), 2u);
    const auto data = nlohmann::json::parse(data_of(page));
    const auto& p = data["prefill"];
    EXPECT_EQ(p["subject"], hostile);
    EXPECT_EQ(p["date"], "2026-03-31");
    EXPECT_EQ(p["assessors"], nlohmann::json({"Ann \"A\" Lee", hostile}));
    EXPECT_EQ(p["criteria"][first]["status"], "partial");
    EXPECT_EQ(p["criteria"][first]["evidence"], hostile + "\nline two");
    EXPECT_EQ(p["criteria"][first]["due"], "2026-09-30");
    EXPECT_EQ(p["criteria"][second]["status"], "not_applicable");
    EXPECT_EQ(p["criteria"][second]["reason"], "owned_elsewhere");
    EXPECT_EQ(p["criteria"][second]["reason_text"], "The trust's BI team");
}

TEST(Form, RefusesAPrefillThatDoesNotFit) {
    const auto framework = load_framework(test::bundled("newham-service"));
    const auto other = load_framework(test::bundled("newham-organisation"));
    const auto a = Assessment::blank(other);
    FormOptions options;
    options.prefill = &a;
    EXPECT_THROW((void)render_form(framework, options), AssessmentError);
    auto missing_reason = Assessment::blank(framework);
    missing_reason.records[framework.criteria()[0].id].status = Status::not_applicable;  // as a plugin might
    options.prefill = &missing_reason;
    EXPECT_THROW((void)render_form(framework, options), AssessmentError);
}

TEST(Form, EachFormKeepsItsOwnDraftUnlessTold) {
    const auto framework = load_framework(test::bundled("newham-individual"));
    auto instance = [&](const std::string& id) {
        FormOptions options;
        options.instance_id = id;
        return nlohmann::json::parse(data_of(render_form(framework, options)))["instance"].get<std::string>();
    };
    EXPECT_EQ(instance("diabetes-2026"), "diabetes-2026");
    const auto a = instance(""), b = instance("");
    EXPECT_EQ(a.size(), 24u);
    EXPECT_NE(a, b);
}

}  // namespace
