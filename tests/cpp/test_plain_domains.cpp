// The scan of a framework's domains written plainly (src/detail/plain_domains.hpp): what it reads,
// where, and every way of writing it leaves to toml++ and the reader of src/framework_loader.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detail/plain_domains.hpp"

using namespace routemap;
using detail::scan_plain_domains;

namespace {

const std::string domain_head = "[[domains]]\nid = \"d\"\nname = \"D\"\n";
const std::string area_head = "[[domains.areas]]\nid = \"a\"\nname = \"A\"\n";
const std::string criterion = "[[domains.areas.criteria]]\nid = \"c\"\ntext = \"T\"\n";

}  // namespace

TEST(PlainDomains, ReadsDomainsAreasAndCriteriaWithTheirPlaces) {
    const std::string piece =
        "[[domains]]\nid = \"d0\"\nname = \"Domäne “0”\"\nstep = \"S\"\nsummary = \"\"\ndescription = \"x\"\n\n"
        "[[domains.areas]]\r\nid = \"a0\"\r\nname = \"A\"\r\ntiers = [ \"é\",\"advanced\" , ]\r\n"
        "[[domains.areas.criteria]]\nid = \"fundamental.1\"\ntier = \"fundamental\"\ntext = \"Do it\"\n"
        "requires =  [\"d1.a.x.1\", \"é\",\"d2.a.y.2\"]\ndetails = [\"one\", \"two\"]\ntags = []\nsource = \"p. 3\"\n"
        "[[domains.areas.criteria]]\n  id=\"2\"\ntext = \"Then this\"\n"
        "[[domains]]\nid = \"d1\"\nname = \"Empty\"\n";
    const auto domains = scan_plain_domains(piece, "f.toml", 100);
    ASSERT_TRUE(domains);
    ASSERT_EQ(domains->size(), 2u);
    const auto& d = (*domains)[0];
    EXPECT_EQ(d.id, "d0");
    EXPECT_EQ(d.name, "Domäne “0”");
    EXPECT_EQ(d.step, "S");
    EXPECT_EQ(d.description, "x");
    EXPECT_EQ(d.location, (SourceLocation{"f.toml", 101, 1}));
    EXPECT_EQ(d.id_location, (SourceLocation{"f.toml", 102, 6}));
    ASSERT_EQ(d.areas.size(), 1u);
    const auto& a = d.areas[0];
    EXPECT_EQ(a.location, (SourceLocation{"f.toml", 108, 1}));
    EXPECT_EQ(a.tiers, (std::vector<std::string>{"é", "advanced"}));
    EXPECT_EQ(a.tiers_location, (SourceLocation{"f.toml", 111, 9}));
    ASSERT_EQ(a.tier_locations.size(), 2u);
    EXPECT_EQ(a.tier_locations[1], (SourceLocation{"f.toml", 111, 15}));  // columns in characters, as toml++ counts
    ASSERT_EQ(a.criteria.size(), 2u);
    const auto& c = a.criteria[0];
    EXPECT_EQ(c.id, "fundamental.1");
    EXPECT_EQ(c.tier, "fundamental");
    EXPECT_EQ(c.tier_location, (SourceLocation{"f.toml", 114, 8}));
    EXPECT_EQ(c.requires_ids, (std::vector<std::string>{"d1.a.x.1", "é", "d2.a.y.2"}));
    ASSERT_EQ(c.requires_locations.size(), 3u);
    EXPECT_EQ(c.requires_locations[2], (SourceLocation{"f.toml", 116, 30}));  // after "é": one column
    EXPECT_EQ(c.details, (std::vector<std::string>{"one", "two"}));
    EXPECT_TRUE(c.tags.empty());
    EXPECT_EQ(c.source, "p. 3");
    EXPECT_EQ(c.weight, 1.0);
    EXPECT_EQ(c.weight_location, SourceLocation{});
    EXPECT_EQ(a.criteria[1].id, "2");
    EXPECT_EQ(a.criteria[1].tier_location, SourceLocation{});
    EXPECT_TRUE((*domains)[1].areas.empty());
}

TEST(PlainDomains, LeavesEveryOtherWayOfWritingToToml) {
    const auto whole = domain_head + area_head + criterion;
    ASSERT_TRUE(scan_plain_domains(whole, "f.toml", 0));
    ASSERT_TRUE(scan_plain_domains("# Domain\n" + whole + "# the end\ntags = [] # none\n", "f.toml", 0));
    for (const std::string& text : std::vector<std::string>{
             whole + "weight = 2\n",                                   // a weight: a number
             whole + "colour = \"red\"\n",                             // a key no criterion has
             whole + "text = \"again\"\n",                             // a key twice
             whole + "requires = \"d.a.c\"\n",                         // a string where an array goes
             whole + "tier = [\"x\"]\n",                               // an array where a string goes
             whole + "requires = [\"a\",\n  \"b\"]\n",                 // an array over two lines
             whole + "requires = [\"a\", 1]\n",                        // an array of more than strings
             whole + "details = [\"a\" \"b\"]\n",                      // no comma
             whole + "source = 'p. 3'\n",                              // a literal string
             whole + "source = \"a\\tb\"\n",                           // an escape
             whole + "source = \"\"\"long\"\"\"\n",                    // a multi-line string
             whole + "# a \x7f in a comment\n",                       // DEL in a comment
             whole + "[[domains.areas.criteria.more]]\n",              // another table
             whole + "[[domains.criteria]]\nid = \"c\"\ntext = \"T\"\n",  // criteria held by the domain
             whole + "[domains.x]\n",                                  // a table, not an element
             domain_head + "actions = []\n" + area_head + criterion,   // actions
             domain_head + "answers = []\n" + area_head + criterion,   // an answer scale
             domain_head + area_head,                                  // an area without criteria
             domain_head + criterion,                                  // a criterion without an area
             "[[domains]]\nname = \"D\"\n" + area_head + criterion,    // a domain without an id
             "[[domains]]\nid = \"d\"\n" + area_head + criterion,      // a domain without a name
             domain_head + "[[domains.areas]]\nid = \"a\"\n" + criterion,  // an area without a name
             domain_head + area_head + "[[domains.areas.criteria]]\nid = \"c\"\n",  // a criterion without text
             domain_head + area_head + "[[domains.areas.criteria]]\ntext = \"T\"\n",  // nor an id
             "id = \"d\"\n" + whole,                                   // a key before any table
             " " + whole,                                              // an indented header
         })
        EXPECT_FALSE(scan_plain_domains(text, "f.toml", 0)) << text;
}
