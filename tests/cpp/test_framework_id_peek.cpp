// Reading a framework's id from the top of its file (src/detail/framework_id_peek.cpp), which the
// registry uses to load only the files that may hold the id it is asked for. An id is given only when
// every valid reading of the file has that id; anything unusual gives none.
#include <gtest/gtest.h>

#include <routemap/framework_loader.hpp>

#include "detail/framework_id_peek.hpp"
#include "test_support.hpp"

using namespace routemap;
using detail::peek_framework_id;

TEST(FrameworkIdPeek, ReadsEveryBundledFrameworksId) {
    for (const auto* id : {"larch-remi", "newham-individual", "newham-organisation", "newham-service"}) {
        const auto file = test::bundled(id);
        EXPECT_EQ(peek_framework_id(file), std::optional<std::string>(id)) << file;
        EXPECT_EQ(load_framework(file).id(), id);
    }
}

TEST(FrameworkIdPeek, ReadsThePlainLayout) {
    EXPECT_EQ(peek_framework_id("format_version = 1\n[framework]\nid = \"a-b\"\nname = \"x\"\n", true), "a-b");
    EXPECT_EQ(peek_framework_id("# c\r\n[tiers]\r\n[framework] # the framework\r\n\tid=\"a\" # c\r\n", true), "a");
    // Other tables may come first; `id` of another table is not the framework's.
    EXPECT_EQ(peek_framework_id("[[tiers]]\nid = \"t\"\n[framework]\nname = \"n\"\nid = \"f\"\n", true), "f");
}

TEST(FrameworkIdPeek, GivesNothingWhenTheFileMustBeParsedToKnow) {
    // Multi-line strings may hide or fake a header.
    EXPECT_EQ(peek_framework_id("x = \"\"\"\n[framework]\nid = \"fake\"\n\"\"\"\n", true), std::nullopt);
    EXPECT_EQ(peek_framework_id("[framework]\ndescription = '''\nid = \"fake\"\n'''\nid = \"real\"\n", true), std::nullopt);
    // Written any other way than `id = "plain"` under [framework].
    EXPECT_EQ(peek_framework_id("framework.id = \"dotted\"\n", true), std::nullopt);
    EXPECT_EQ(peek_framework_id("framework = { id = \"inline\" }\n", true), std::nullopt);
    EXPECT_EQ(peek_framework_id("[framework]\n\"id\" = \"quoted\"\n", true), std::nullopt);
    EXPECT_EQ(peek_framework_id("[framework]\nid = 'literal'\n", true), std::nullopt);
    EXPECT_EQ(peek_framework_id("[framework]\nid = \"esc\\u0041\"\n", true), std::nullopt);
    EXPECT_EQ(peek_framework_id("[framework]\nid = \"a\" x\n", true), std::nullopt);
    EXPECT_EQ(peek_framework_id("[framework]\nname = \"n\"\n[framework.metadata]\nid = \"m\"\n", true), std::nullopt);
    EXPECT_EQ(peek_framework_id("[ framework ]\nid = \"spaced\"\n", true), std::nullopt);
    // A line cut short at the end of what was read may go on.
    EXPECT_EQ(peek_framework_id("[framework]\nid = \"cut\"", false), std::nullopt);
    EXPECT_EQ(peek_framework_id("[framework]\nid = \"whole\"", true), "whole");
    EXPECT_EQ(peek_framework_id("", true), std::nullopt);
    EXPECT_EQ(peek_framework_id(test::source_dir() / "no-such-file.toml"), std::nullopt);
}
