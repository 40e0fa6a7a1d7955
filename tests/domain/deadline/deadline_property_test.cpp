// Contract (properties of the deadline engine over pseudo-random receipts, 2020–2029):
// - the due time is strictly increasing in the duration (non-decreasing for calendar days,
//   whose weekend ends share the next Monday) and never before the receipt;
// - a supplement pause never makes the due time earlier (NĐ 61/2018 Đ19.4 restart, or the
//   legacy pause, rules §5.6);
// - N working days are exactly N × 8 h of working time from the counting start, and land on the
//   day a naive day-by-day walk finds (rules §5.2);
// - working-hour durations agree with a naive minute-by-minute walk over the 07:00–11:30,
//   13:30–17:00 sessions.
// Randomness is a fixed-seed splitmix64, so every run checks the same cases.

#include "domain/deadline/deadline.h"

#include "domain/calendar/official_schedules.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

using date::local_days;
using date::local_seconds;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const WorkingCalendar& calendar() {
    static const WorkingCalendar instance(2020, 2030, officialSchedules2024To2026());
    return instance;
}

const WorkingHours kHours;

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    std::int64_t between(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
    }

private:
    std::uint64_t state_;
};

const local_days kFirstReceiptDay = local_days{date::year{2020} / 1 / 1};
constexpr std::int64_t kReceiptDays = 3500;  // up to late 2029, leaving room for 60 working days

local_seconds randomInstant(SplitMix64& random, bool whole_minutes) {
    const local_days day = kFirstReceiptDay + date::days{static_cast<int>(random.between(0, kReceiptDays))};
    const seconds time_of_day = whole_minutes ? seconds{minutes{random.between(0, 24 * 60 - 1)}}
                                              : seconds{random.between(0, 24 * 3600 - 1)};
    return local_seconds{day} + time_of_day;
}

ReceiptRule randomRule(SplitMix64& random) {
    return random.next() % 2 == 0 ? ReceiptRule::CountFromReceipt : ReceiptRule::ApplyCutOff;
}

std::string show(local_seconds instant) { return date::format("%a %F %T", instant); }

bool isInsideWorkingTime(local_seconds instant) {
    const local_days day = date::floor<date::days>(instant);
    const auto time_of_day = instant - day;
    const bool in_morning = time_of_day > hours{7} && time_of_day <= hours{11} + minutes{30};
    const bool in_afternoon = time_of_day > hours{13} + minutes{30} && time_of_day <= hours{17};
    return calendar().isWorkingDay(day) && (in_morning || in_afternoon);
}

// The naive oracle for hour durations: walk whole minutes from the receipt, counting those that
// end inside a session of a working day. Whole non-working days and nights are skipped at once
// so the walk stays fast in sanitizer builds; inside a working day it goes minute by minute.
local_seconds naiveHoursDue(local_seconds received_at, int working_hours) {
    std::int64_t left = working_hours * 60;
    local_seconds minute = date::ceil<minutes>(received_at);
    for (;;) {
        const local_days day = date::floor<date::days>(minute);
        if (!calendar().isWorkingDay(day) || minute - day >= hours{17}) {
            minute = local_seconds{day + date::days{1}} + hours{7};
            continue;
        }
        if (minute - day < hours{7}) minute = local_seconds{day} + hours{7};
        const local_seconds end_of_minute = minute + minutes{1};
        if (isInsideWorkingTime(end_of_minute) && --left == 0) return end_of_minute;
        minute = end_of_minute;
    }
}

// The naive oracle for day durations: step day by day with isWorkingDay.
local_days naiveAddWorkingDays(local_days day, int count) {
    while (count > 0) {
        day += date::days{1};
        if (calendar().isWorkingDay(day)) --count;
    }
    return day;
}

TEST(DeadlineProperties, DueTimeIsStrictlyMonotoneInTheDuration) {
    SplitMix64 random(1);
    for (int i = 0; i < 1500; ++i) {
        const local_seconds received_at = randomInstant(random, false);
        const ReceiptRule rule = randomRule(random);
        SCOPED_TRACE(show(received_at));
        for (const char* unit : {"d", "h", "cd"}) {
            local_seconds previous = received_at;
            for (int amount = 1; amount <= 12; ++amount) {
                const Deadline result = computeDeadline(calendar(), kHours, received_at,
                                                        parseDuration(std::to_string(amount) + unit), rule);
                // Calendar days may share a due time: Saturday and Sunday both move to Monday.
                if (std::string(unit) == "cd") {
                    ASSERT_GE(result.due_at, previous) << amount << unit;
                } else {
                    ASSERT_GT(result.due_at, previous) << amount << unit;
                }
                ASSERT_GE(result.counting_start, received_at);
                previous = result.due_at;
            }
        }
    }
}

TEST(DeadlineProperties, WorkingDaysAreWholeDaysOfWorkingTimeOnTheNaiveDay) {
    SplitMix64 random(2);
    for (int i = 0; i < 4000; ++i) {
        const local_seconds received_at = randomInstant(random, false);
        const int amount = static_cast<int>(random.between(1, 60));
        const Deadline result =
            computeDeadline(calendar(), kHours, received_at, Duration{amount, DurationUnit::WorkingDays}, randomRule(random));
        SCOPED_TRACE(show(received_at) + " + " + std::to_string(amount) + "d → " + show(result.due_at));

        ASSERT_TRUE(isInsideWorkingTime(result.due_at));
        ASSERT_EQ(workingTimeBetween(calendar(), kHours, result.counting_start, result.due_at),
                  WorkingMinutes{480 * amount});

        const local_days start_day = date::floor<date::days>(result.counting_start);
        const auto start_time = result.counting_start - start_day;
        local_seconds expected;
        if (start_time == hours{7}) {
            expected = local_seconds{naiveAddWorkingDays(start_day, amount - 1)} + hours{17};
        } else if (start_time == hours{13} + minutes{30}) {
            expected = local_seconds{naiveAddWorkingDays(start_day, amount)} + hours{11} + minutes{30};
        } else {
            expected = local_seconds{naiveAddWorkingDays(start_day, amount)} + start_time;
        }
        ASSERT_EQ(show(result.due_at), show(expected));
    }
}

TEST(DeadlineProperties, WorkingHoursAgreeWithAMinuteByMinuteWalk) {
    SplitMix64 random(3);
    for (int i = 0; i < 600; ++i) {
        const local_seconds received_at = randomInstant(random, true);
        const int amount = static_cast<int>(random.between(1, 16));
        SCOPED_TRACE(show(received_at) + " + " + std::to_string(amount) + "h");
        const Deadline result = computeDeadline(calendar(), kHours, received_at,
                                                Duration{amount, DurationUnit::WorkingHours},
                                                ReceiptRule::CountFromReceipt);
        ASSERT_EQ(show(result.due_at), show(naiveHoursDue(received_at, amount)));
    }
}

TEST(DeadlineProperties, APauseNeverMakesTheDueTimeEarlier) {
    SplitMix64 random(4);
    for (int i = 0; i < 3000; ++i) {
        const local_seconds received_at = randomInstant(random, false);
        const Duration duration{static_cast<int>(random.between(1, 30)), DurationUnit::WorkingDays};
        const ReceiptRule rule = randomRule(random);
        const Deadline unpaused = computeDeadline(calendar(), kHours, received_at, duration, rule);

        std::vector<PauseInterval> pauses;
        local_seconds cursor = received_at;
        for (auto count = random.between(1, 3); count > 0; --count) {
            const local_seconds start = cursor + seconds{random.between(0, 10 * 24 * 3600)};
            const local_seconds end = start + seconds{random.between(0, 7 * 24 * 3600)};
            pauses.push_back(PauseInterval{start, end});
            cursor = end;
        }
        SCOPED_TRACE(show(received_at) + " + " + formatDuration(duration));
        for (const SupplementMode mode : {SupplementMode::Restart, SupplementMode::Pause}) {
            const std::optional<Deadline> paused =
                computeCurrentDeadline(calendar(), kHours, received_at, duration, rule, pauses, mode);
            ASSERT_TRUE(paused.has_value());
            ASSERT_GE(paused->due_at, unpaused.due_at);
            // One more pause at the end never helps either.
            std::vector<PauseInterval> longer = pauses;
            longer.push_back(PauseInterval{cursor, cursor + hours{random.between(0, 200)}});
            const std::optional<Deadline> paused_more =
                computeCurrentDeadline(calendar(), kHours, received_at, duration, rule, longer, mode);
            ASSERT_TRUE(paused_more.has_value());
            ASSERT_GE(paused_more->due_at, paused->due_at);
        }
    }
}

}  // namespace
}  // namespace motcua::domain
