// Contract: the legal processing time of a procedure is stated in working days ("ngày làm
// việc", the default for TTHC), working hours (NĐ 297/2025: "02 giờ làm việc"), calendar days
// (BLDS 2015 Đ147–148) or "trong ngày" (rules §5.1, §11.2). Stored as "5d", "4h", "10cd",
// "same_day"; anything else is rejected with a Vietnamese message, even fuzzed input.
// Working-time units are strong types: a wrong sum does not compile (STYLE.md 9.2.6).

#include "domain/deadline/duration.h"

#include "domain/core/error.h"

#include <date/date.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>

namespace motcua::domain {
namespace {

template <class A, class B>
concept Addable = requires(A a, B b) { a + b; };

// The wrong sums do not compile.
static_assert(Addable<WorkingDays, WorkingDays>);
static_assert(Addable<WorkingMinutes, WorkingMinutes>);
static_assert(!Addable<WorkingDays, WorkingMinutes>);
static_assert(!Addable<WorkingDays, date::days>);
static_assert(!Addable<date::days, WorkingDays>);
static_assert(!Addable<date::local_days, WorkingDays>);
static_assert(!Addable<WorkingDays, int>);
static_assert(!std::is_convertible_v<int, WorkingDays>);
static_assert(!std::is_convertible_v<date::days, WorkingDays>);
static_assert(!std::is_convertible_v<WorkingDays, int>);
static_assert(!std::is_convertible_v<WorkingMinutes, WorkingDays>);

TEST(Duration, KeepsWorkingCountsArithmeticWithinOneUnit) {
    constexpr WorkingDays five{5};
    static_assert((five + WorkingDays{2}).count() == 7);
    static_assert((five - WorkingDays{7}) == WorkingDays{-2});
    static_assert(-five < WorkingDays{0});
    static_assert(five * 3 == WorkingDays{15});
    WorkingMinutes total{30};
    total += WorkingMinutes{45};
    EXPECT_EQ(total, WorkingMinutes{75});
}

TEST(Duration, ParsesTheStorageForms) {
    const struct {
        const char* text;
        Duration expected;
    } kRows[] = {
        {"5d", {5, DurationUnit::WorkingDays}},
        {"1d", {1, DurationUnit::WorkingDays}},
        {"60d", {60, DurationUnit::WorkingDays}},
        {"4h", {4, DurationUnit::WorkingHours}},
        {"8h", {8, DurationUnit::WorkingHours}},
        {"10cd", {10, DurationUnit::CalendarDays}},
        {"3650cd", {kMaxDurationAmount, DurationUnit::CalendarDays}},
        {"same_day", {0, DurationUnit::SameDay}},
        {"007d", {7, DurationUnit::WorkingDays}},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.text);
        EXPECT_EQ(parseDuration(row.text), row.expected);
    }
}

TEST(Duration, RejectsJunkWithAVietnameseMessage) {
    const char* const kJunk[] = {"",     "d",     "5",      "5 d",   " 5d",    "5d ",     "-5d",  "+5d",
                                 "0d",   "0h",    "3651cd", "5D",    "5dd",    "5c",      "5cdx", "same",
                                 "SAME_DAY", "same_day ", "1e3d", "99999999999999999999d", "5.5d", "0x5d",
                                 "٥d",   "5\xe2\x80\x8b" "d"};
    for (const char* text : kJunk) {
        SCOPED_TRACE(text);
        try {
            static_cast<void>(parseDuration(text));
            ADD_FAILURE() << "accepted";
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
            EXPECT_NE(error.userMessage().find("Thời hạn giải quyết không hợp lệ"), std::string::npos);
        }
    }
    // Embedded NUL bytes.
    EXPECT_THROW(static_cast<void>(parseDuration(std::string_view("5\0d", 3))), Error);
}

TEST(Duration, FormatsAndDescribesInVietnamese) {
    EXPECT_EQ(formatDuration({5, DurationUnit::WorkingDays}), "5d");
    EXPECT_EQ(formatDuration({4, DurationUnit::WorkingHours}), "4h");
    EXPECT_EQ(formatDuration({10, DurationUnit::CalendarDays}), "10cd");
    EXPECT_EQ(formatDuration({0, DurationUnit::SameDay}), "same_day");
    EXPECT_EQ(describeDuration({5, DurationUnit::WorkingDays}), "5 ngày làm việc");
    EXPECT_EQ(describeDuration({4, DurationUnit::WorkingHours}), "4 giờ làm việc");
    EXPECT_EQ(describeDuration({10, DurationUnit::CalendarDays}), "10 ngày");
    EXPECT_EQ(describeDuration({0, DurationUnit::SameDay}), "trong ngày");
}

TEST(Duration, SurvivesPseudoRandomInputAndRoundTrips) {
    // A deterministic mini-fuzzer (splitmix64): random bytes biased towards the grammar.
    std::uint64_t state = 0x5EED;
    const auto next = [&state]() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    };
    static constexpr char kAlphabet[] = "0123456789dhc_samey \x00\xff-+";
    const std::string_view alphabet(kAlphabet, sizeof(kAlphabet) - 1);
    int accepted = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        const auto length = next() % 9;
        for (std::uint64_t j = 0; j < length; ++j) text += alphabet[next() % alphabet.size()];
        try {
            const Duration parsed = parseDuration(text);
            ++accepted;
            EXPECT_EQ(parseDuration(formatDuration(parsed)), parsed) << text;
        } catch (const Error& error) {
            ASSERT_EQ(error.code(), ErrorCode::InvalidArgument);
        }
    }
    EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace motcua::domain
