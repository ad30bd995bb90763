// The generator's random source: uniform and weighted choices on std::mt19937_64, whose sequence
// the standard defines, through distributions written here because the std:: ones differ between
// library implementations. Internal to the core library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <utility>
#include <vector>

namespace steward::demo_generator {

// Uniform and weighted choices on top of std::mt19937_64, whose sequence the standard defines.
class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    {
    }

    // Uniform in [0, n), without modulo bias: draws in the incomplete last block are redrawn.
    std::uint64_t below(std::uint64_t n)
    {
        constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
        const std::uint64_t limit = max - max % n;
        std::uint64_t x = 0;
        do {
            x = m_engine();
        } while (x >= limit);
        return x % n;
    }
    int between(int low, int high) // inclusive
    {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1)));
    }
    bool perMille(int chance) { return below(1000) < static_cast<std::uint64_t>(chance); }
    template <typename T>
    const T& pick(std::span<const T> items)
    {
        return items[below(items.size())];
    }
    // An index into `weights`, each index as likely as its weight.
    std::size_t weighted(std::span<const int> weights)
    {
        int total = 0;
        for (const int w : weights)
            total += w;
        int x = static_cast<int>(below(static_cast<std::uint64_t>(total)));
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i])
                return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }
    template <typename T>
    void shuffle(std::vector<T>& items) // Fisher-Yates
    {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[below(i)]);
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace steward::demo_generator
