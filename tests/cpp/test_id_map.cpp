// detail::IdMap (src/detail/id_map.hpp): the flat table behind a Framework's indexes and its
// validator's duplicate checks, compared with std::unordered_map on the same operations.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "detail/id_map.hpp"

using routemap::detail::IdArena;
using routemap::detail::IdMap;

TEST(IdMap, AgreesWithAnUnorderedMapThroughEveryGrowth) {
    std::mt19937 random(7);
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i) {
        // Many ids sharing long prefixes, some repeated, the empty id once: what frameworks look like.
        ids.push_back("d" + std::to_string(random() % 50) + ".a" + std::to_string(random() % 40) + ".fundamental." +
                      std::to_string(random() % 20));
    }
    ids.emplace_back();
    IdMap<std::size_t> map;
    std::unordered_map<std::string, std::size_t> expected;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto [value, added] = map.emplace(ids[i], i);
        const auto [it, expected_added] = expected.emplace(ids[i], i);
        ASSERT_EQ(added, expected_added) << ids[i];
        ASSERT_EQ(*value, it->second) << ids[i];  // the first value stays
    }
    EXPECT_EQ(map.size(), expected.size());
    for (const auto& [id, value] : expected) {
        ASSERT_TRUE(map.find(id)) << id;
        EXPECT_EQ(*map.find(id), value);
    }
    for (const auto* absent : {"d1.a1", "d1.a1.fundamental.", "x", "d1.a1.fundamental.1 "}) {
        EXPECT_EQ(map.contains(absent), expected.count(absent) == 1) << absent;
    }
}

TEST(IdMap, AnEmptyMapFindsNothingAndReserveKeepsWhatIsThere) {
    IdMap<int> map;
    EXPECT_FALSE(map.find(""));
    EXPECT_FALSE(map.contains("a"));
    EXPECT_TRUE(map.empty());
    map.emplace("a", 1);
    map.emplace("b", 2);
    map.reserve(100000);
    map.reserve(3);  // never shrinks
    EXPECT_EQ(*map.find("a"), 1);
    EXPECT_EQ(*map.find("b"), 2);
    EXPECT_EQ(map.size(), 2u);
}

TEST(IdArena, KeepsCopiesThatNeverMove) {
    IdArena arena;
    std::vector<std::string_view> kept;
    std::vector<std::string> originals;
    for (int i = 0; i < 50000; ++i) {  // several blocks, and one id longer than a block
        originals.push_back(std::string(static_cast<std::size_t>(i % 97), 'x') + std::to_string(i));
        kept.push_back(arena.keep(originals.back()));
    }
    originals.push_back(std::string(100000, 'y'));
    kept.push_back(arena.keep(originals.back()));
    for (std::size_t i = 0; i < kept.size(); ++i) ASSERT_EQ(kept[i], originals[i]) << i;
    EXPECT_EQ(arena.keep(""), "");
}
