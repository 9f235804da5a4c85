#pragma once
// routemap::detail is not public API.
// Ids to values, for the indexes of a Framework and its validator: a framework of 10^5 criteria looks
// ids up several hundred thousand times while it is built and while assessments are read against it,
// and std::unordered_map<std::string, ...> spent most of that in the allocator (a node and a copy of
// the id per entry) and in cache misses (node, then key). This table is one array of slots, found by
// linear probing from the id's hash; each slot keeps the hash, so that a probe compares ids only when
// the hashes agree. It holds views: each id must outlive the map (an element's own id, in a vector that
// no longer grows, or an IdArena's copy).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace routemap::detail {

template <class Value>
class IdMap {
public:
    IdMap() = default;

    // Room for `n` ids without growing.
    void reserve(std::size_t n) {
        std::size_t wanted = 16;
        while (wanted < n + n / 2 + 1) wanted *= 2;  // at most two thirds full
        if (wanted > slots_.size()) rehash(wanted);
    }

    // Adds `id` unless it is there already; returns the value kept for it and whether it was added.
    std::pair<Value*, bool> emplace(std::string_view id, Value value) {
        if ((size_ + 1) * 3 > slots_.size() * 2) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        const auto h = hash(id);
        for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
            auto& slot = slots_[at];
            if (!slot.used) {
                slot = Slot{h, id, std::move(value), true};
                ++size_;
                return {&slot.value, true};
            }
            if (slot.hash == h && slot.key == id) return {&slot.value, false};
        }
    }

    [[nodiscard]] const Value* find(std::string_view id) const noexcept {
        if (size_ == 0) return nullptr;
        const auto h = hash(id);
        for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
            const auto& slot = slots_[at];
            if (!slot.used) return nullptr;
            if (slot.hash == h && slot.key == id) return &slot.value;
        }
    }
    [[nodiscard]] bool contains(std::string_view id) const noexcept { return find(id) != nullptr; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

private:
    struct Slot {
        std::size_t hash = 0;
        std::string_view key;
        Value value{};
        bool used = false;
    };

    static std::size_t hash(std::string_view id) noexcept { return std::hash<std::string_view>{}(id); }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
        for (auto& slot : old) {
            if (!slot.used) continue;
            for (std::size_t at = slot.hash & mask_;; at = (at + 1) & mask_)
                if (!slots_[at].used) {
                    slots_[at] = std::move(slot);
                    break;
                }
        }
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
};

// Copies of ids that have no home of their own (a criterion's full id before it is built), kept in
// blocks that never move, for IdMap's views.
class IdArena {
public:
    std::string_view keep(std::string_view id) {
        if (id.size() > room_) {
            const auto size = std::max<std::size_t>(block_bytes, id.size());
            blocks_.push_back(std::make_unique<char[]>(size));
            next_ = blocks_.back().get();
            room_ = size;
        }
        std::copy(id.begin(), id.end(), next_);
        const std::string_view kept(next_, id.size());
        next_ += id.size();
        room_ -= id.size();
        return kept;
    }

private:
    static constexpr std::size_t block_bytes = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* next_ = nullptr;
    std::size_t room_ = 0;
};

}  // namespace routemap::detail
