// Discovery along the search path: order, duplicates, broken files, plugins.
#include <gtest/gtest.h>

#include <cstdlib>

#include "test_support.hpp"

using namespace routemap;
using test::no_plugins;

namespace {

std::string small_framework(const std::string& id, const std::string& name) {
    return "format_version = 1\n[framework]\nid = \"" + id + "\"\nname = \"" + name +
           "\"\nversion = \"1\"\nlevel = \"service\"\npublisher = \"P\"\nyear = 2024\nsource = \"S\"\n"
           "[[tiers]]\nid = \"only\"\nname = \"Only\"\n"
           "[[domains]]\nid = \"d\"\nname = \"D\"\n[[domains.criteria]]\nid = \"c\"\ntext = \"Do it.\"\n";
}

}  // namespace

TEST(Registry, FindsTheBundledFrameworks) {
    Registry registry({test::source_dir()}, no_plugins());
    EXPECT_EQ(registry.ids(), (std::vector<std::string>{"larch-remi", "newham-individual", "newham-organisation",
                                                        "newham-service"}));
    EXPECT_TRUE(registry.problems().empty());
    const auto list = registry.list();
    const auto service = std::find_if(list.begin(), list.end(), [](auto& s) { return s.id == "newham-service"; });
    ASSERT_NE(service, list.end());
    EXPECT_EQ(service->domains, 6u);
    EXPECT_EQ(service->level, "service");
    EXPECT_EQ(registry.get("newham-service").criteria().size(), service->criteria);
}

TEST(Registry, EarlierDirectoriesWinAndDuplicatesAreReported) {
    const auto root = test::scratch("registry-order");
    test::write(root / "first/frameworks/same.toml", small_framework("same", "First"));
    test::write(root / "second/frameworks/same.toml", small_framework("same", "Second"));
    test::write(root / "second/frameworks/other.toml", small_framework("other", "Other"));
    Registry registry({root / "first", root / "missing", root / "second"}, no_plugins());
    EXPECT_EQ(registry.get("same").name(), "First");
    EXPECT_TRUE(registry.contains("other"));
    ASSERT_EQ(registry.problems().size(), 1u);
    EXPECT_NE(registry.problems()[0].message.find("duplicate framework id 'same'"), std::string::npos);
    EXPECT_NE(registry.problems()[0].message.find("first/frameworks/same.toml"), std::string::npos);
    // Swapping the order swaps the winner.
    Registry swapped({root / "second", root / "first"}, no_plugins());
    EXPECT_EQ(swapped.get("same").name(), "Second");
}

TEST(Registry, ABrokenFileIsReportedAndTheOthersStillLoad) {
    const auto root = test::scratch("registry-broken");
    test::write(root / "frameworks/a-good.toml", small_framework("good", "Good"));
    test::write(root / "frameworks/b-broken.toml", "[)[");
    test::write(root / "frameworks/c-also-good.toml", small_framework("also-good", "Also"));
    Registry registry({root}, no_plugins());
    EXPECT_EQ(registry.ids(), (std::vector<std::string>{"good", "also-good"}));
    ASSERT_EQ(registry.problems().size(), 1u);
    EXPECT_EQ(registry.problems()[0].location.file, (root / "frameworks/b-broken.toml").string());
    EXPECT_EQ(registry.problems()[0].location.line, 1u);
}

// Frameworks are loaded on demand (a file is passed over when the id at its top is another); the
// answers must be those of loading every file in order.
TEST(Registry, AFileThatClaimsAnIdButDoesNotLoadGivesWayToTheNextOne) {
    const auto root = test::scratch("registry-claims");
    test::write(root / "first/frameworks/same.toml", "format_version = 1\n[framework]\nid = \"same\"\nname = 3\n");
    test::write(root / "second/frameworks/same.toml", small_framework("same", "Second"));
    Registry registry({root / "first", root / "second"}, no_plugins());
    EXPECT_TRUE(registry.contains("same"));
    EXPECT_EQ(registry.get("same").name(), "Second");
    // The broken file is reported, and the valid one is no duplicate of it.
    ASSERT_FALSE(registry.problems().empty());
    for (const auto& p : registry.problems()) {
        EXPECT_EQ(p.location.file, (root / "first/frameworks/same.toml").string()) << p.to_string();
        EXPECT_EQ(p.message.find("duplicate"), std::string::npos) << p.to_string();
    }
    EXPECT_EQ(registry.ids(), (std::vector<std::string>{"same"}));
}

TEST(Registry, AnIdThatCannotBeReadAtTheTopIsStillFound) {
    const auto root = test::scratch("registry-hidden-id");
    auto hidden = small_framework("hidden", "Hidden");
    hidden.replace(hidden.find("[framework]\n"), 12, "[framework]\ndescription = \"\"\"\nLong.\n\"\"\"\n");
    test::write(root / "frameworks/a.toml", hidden);
    test::write(root / "frameworks/b.toml", small_framework("plain", "Plain"));
    Registry registry({root}, no_plugins());
    EXPECT_EQ(registry.get("hidden").info().description, "Long.\n");
    EXPECT_EQ(registry.get("plain").name(), "Plain");
    EXPECT_FALSE(registry.contains("other"));
    EXPECT_EQ(registry.ids(), (std::vector<std::string>{"hidden", "plain"}));
}

TEST(Registry, DuplicatesAndBrokenFilesAreReportedInSearchOrderWhateverWasAskedFirst) {
    const auto root = test::scratch("registry-problem-order");
    test::write(root / "one/frameworks/a-dup.toml", small_framework("dup", "One"));
    test::write(root / "one/frameworks/b-broken.toml", "[)[");
    test::write(root / "two/frameworks/a-dup.toml", small_framework("dup", "Two"));
    test::write(root / "two/frameworks/b-broken.toml", "format_version = 1\n[framework\n");
    for (const bool ask_first : {false, true}) {
        Registry registry({root / "one", root / "two"}, no_plugins());
        const Framework* first = nullptr;
        if (ask_first) first = &registry.get("dup");  // loads one/a-dup.toml only
        const auto& problems = registry.problems();
        ASSERT_EQ(problems.size(), 3u);
        EXPECT_EQ(problems[0].location.file, (root / "one/frameworks/b-broken.toml").string());
        EXPECT_NE(problems[1].message.find("duplicate framework id 'dup' in " + (root / "two/frameworks/a-dup.toml").string()),
                  std::string::npos)
            << problems[1].message;
        EXPECT_EQ(problems[2].location.file, (root / "two/frameworks/b-broken.toml").string());
        // What get() returned before everything was loaded is still there.
        if (first) {
            EXPECT_EQ(first->name(), "One");
        }
        EXPECT_EQ(registry.get("dup").name(), "One");
        EXPECT_EQ(registry.list().size(), 1u);
    }
}

TEST(Registry, AddedFrameworksAreCheckedAgainstFilesNotLoadedYet) {
    const auto root = test::scratch("registry-add");
    test::write(root / "frameworks/same.toml", small_framework("same", "File"));
    Registry registry({root}, no_plugins());
    EXPECT_FALSE(registry.add(parse_framework(small_framework("same", "Added"), "added.toml"), "code"));
    EXPECT_TRUE(registry.add(parse_framework(small_framework("new", "Added"), "added.toml"), "code"));
    EXPECT_EQ(registry.get("same").name(), "File");
    EXPECT_EQ(registry.ids(), (std::vector<std::string>{"same", "new"}));
    ASSERT_EQ(registry.problems().size(), 1u);
    EXPECT_NE(registry.problems()[0].message.find("duplicate framework id 'same' in code"), std::string::npos);
}

TEST(Registry, UnknownIdNamesTheKnownOnes) {
    Registry registry({test::source_dir()}, no_plugins());
    try {
        (void)registry.get("newham-borough");
        FAIL();
    } catch (const NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("unknown framework 'newham-borough'"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("newham-service"), std::string::npos);
    }
}

TEST(Registry, LoadsByIdOrPath) {
    Registry registry({test::source_dir()}, no_plugins());
    EXPECT_EQ(registry.load("newham-individual").id(), "newham-individual");
    EXPECT_EQ(registry.load(test::bundled("larch-remi").string()).id(), "larch-remi");
}

TEST(SearchPath, EnvironmentComesFirstThenUserThenInstall) {
    ::setenv("ROUTEMAP_PATH", "/tmp/one::/tmp/two", 1);
    ::setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
    const auto path = default_search_path();
    ::unsetenv("ROUTEMAP_PATH");
    ::unsetenv("XDG_DATA_HOME");
    ASSERT_EQ(path.size(), 4u);
    EXPECT_EQ(path[0], "/tmp/one");
    EXPECT_EQ(path[1], "/tmp/two");
    EXPECT_EQ(path[2], "/tmp/xdg/routemap");
    EXPECT_EQ(path[3], install_data_directory());
}

TEST(Plugins, TheRatingPluginLoadsFromADirectoryOnTheSearchPath) {
    Registry registry({test::binary_dir() / "share" / "routemap"});
    EXPECT_TRUE(registry.problems().empty()) << registry.problems()[0].to_string();
    ASSERT_EQ(registry.plugins().size(), 1u);
    EXPECT_EQ(registry.plugins()[0].name, "eds-rating");
    const auto names = registry.model_names();
    EXPECT_NE(std::find(names.begin(), names.end(), "eds-rating"), names.end());
}

TEST(Plugins, BadPluginsAreRefusedAndTheRestKeepWorking) {
    const auto plugins = test::binary_dir() / "test-plugins";
    Registry registry({plugins / "wrong_api", plugins / "missing_entry", plugins / "throwing",
                       test::binary_dir() / "share" / "routemap", test::source_dir()});
    ASSERT_EQ(registry.problems().size(), 3u);
    EXPECT_NE(registry.problems()[0].message.find("built for plugin API version " +
                                                  std::to_string(ROUTEMAP_PLUGIN_API_VERSION + 41)),
              std::string::npos)
        << registry.problems()[0].message;
    EXPECT_NE(registry.problems()[1].message.find("no 'routemap_plugin_entry' entry point"), std::string::npos);
    EXPECT_NE(registry.problems()[2].message.find("failed while registering: database of ratings not found"),
              std::string::npos);
    for (const auto& p : registry.problems()) EXPECT_FALSE(p.location.file.empty());
    // The good plugin and the frameworks are still there.
    EXPECT_EQ(registry.plugins().size(), 1u);
    EXPECT_TRUE(registry.contains("newham-service"));
    EXPECT_NO_THROW((void)registry.model("eds-rating"));
}

TEST(Plugins, ARegistrationThatThrowsLeavesNothingRegistered) {
    // half_registered adds a framework, then throws: it is refused and its framework is gone.
    Registry registry({test::binary_dir() / "test-plugins" / "half_registered", test::source_dir()});
    ASSERT_EQ(registry.problems().size(), 1u);
    EXPECT_NE(registry.problems()[0].message.find("second step failed (nothing it registered is kept)"), std::string::npos)
        << registry.problems()[0].message;
    EXPECT_FALSE(registry.contains("half-registered"));
    EXPECT_TRUE(registry.plugins().empty());
    EXPECT_TRUE(registry.contains("newham-service"));
}

TEST(Plugins, ACheckCanRefuseAPluginBeforeItIsOpened) {
    Registry::Options options;
    std::vector<std::filesystem::path> asked;
    options.check_plugin = [&](const std::filesystem::path& file) {
        asked.push_back(file);
        return std::string("it crashed while loading in a separate check process (signal 11)");
    };
    Registry registry({test::binary_dir() / "test-plugins" / "crashing"}, options);
    ASSERT_EQ(asked.size(), 1u);
    ASSERT_EQ(registry.problems().size(), 1u);
    EXPECT_NE(registry.problems()[0].message.find("test_plugin_crashing.so refused: it crashed"), std::string::npos);
}

TEST(Plugins, RoutemapNoPluginsTurnsThemOff) {
    ::setenv("ROUTEMAP_NO_PLUGINS", "1", 1);
    const Registry off({test::binary_dir() / "share" / "routemap"});
    ::setenv("ROUTEMAP_NO_PLUGINS", "0", 1);
    const Registry on({test::binary_dir() / "share" / "routemap"});
    ::unsetenv("ROUTEMAP_NO_PLUGINS");
    EXPECT_TRUE(off.plugins().empty());
    EXPECT_EQ(on.plugins().size(), 1u);
}

TEST(Registry, ADirectoryNamedTwiceIsScannedOnce) {
    Registry registry({test::source_dir(), test::source_dir() / "frameworks" / ".."}, no_plugins());
    EXPECT_TRUE(registry.problems().empty()) << registry.problems()[0].to_string();
    EXPECT_EQ(registry.ids().size(), 4u);
    EXPECT_EQ(registry.search_path().size(), 1u);
}

TEST(Plugins, FoundThroughRoutemapPath) {
    const auto plugins = test::binary_dir() / "share" / "routemap";
    ::setenv("ROUTEMAP_PATH", (plugins.string() + ":" + test::source_dir().string()).c_str(), 1);
    const Registry registry;  // the default search path
    ::unsetenv("ROUTEMAP_PATH");
    EXPECT_EQ(registry.search_path().front(), plugins);
    ASSERT_FALSE(registry.plugins().empty());
    EXPECT_EQ(registry.plugins().front().name, "eds-rating");
    EXPECT_EQ(registry.plugins().front().file, plugins / "plugins" / "eds_rating.so");
    EXPECT_TRUE(registry.contains("newham-organisation"));
    const auto& f = registry.get("newham-organisation");
    const auto a = read_assessment(test::source_dir() / "examples" / "newham-organisation-2026.toml");
    EXPECT_EQ(score(registry, f, a, "eds-rating").level_labels.back(), "Excelling");
}
