// Contract: the working calendar of state agencies — Saturday and Sunday are weekly rest days
// (QĐ 188/1999/QĐ-TTg) except làm bù Saturdays; holidays, swapped days off and nghỉ bù are not
// working days (BLLĐ 2019 Đ111–112 and the yearly VPCP schedules, rules §5.3–5.4). Working-day
// arithmetic must agree with a naive day-by-day walk over the same data.

#include "domain/calendar/working_calendar.h"

#include "domain/calendar/official_schedules.h"
#include "domain/core/error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

using date::local_days;

local_days day(int y, unsigned m, unsigned d) {
    return local_days{date::year{y} / date::month{m} / date::day{d}};
}

std::string show(local_days value) { return date::format("%a %F", value); }

const WorkingCalendar& calendar2020To2030() {
    static const WorkingCalendar calendar(2020, 2030, officialSchedules2024To2026());
    return calendar;
}

// splitmix64 (Steele, Lea, Flood 2014): a tiny deterministic generator for property tests.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    int between(int low, int high) {
        return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1));
    }

private:
    std::uint64_t state_;
};

// The naive oracle: weekday rule plus the calendar's published special days, walked one day
// at a time. It shares no code with the prefix arrays under test.
class NaiveCalendar {
public:
    explicit NaiveCalendar(const WorkingCalendar& calendar) {
        for (int year = calendar.firstYear(); year <= calendar.lastYear(); ++year) {
            for (const CalendarDay& entry : calendar.daysOfYear(year)) {
                (entry.kind == DayKind::WorkingSaturday ? worked_weekend_ : off_weekday_).insert(entry.day);
            }
        }
    }
    bool isWorking(local_days d) const {
        const date::weekday weekday{d};
        const bool weekend = weekday == date::Saturday || weekday == date::Sunday;
        return weekend ? worked_weekend_.count(d) > 0 : off_weekday_.count(d) == 0;
    }
    local_days add(local_days d, int count) const {
        const int step = count >= 0 ? 1 : -1;
        if (count == 0) {
            while (!isWorking(d)) d += date::days{1};
            return d;
        }
        for (int left = count * step; left > 0;) {
            d += date::days{step};
            if (isWorking(d)) --left;
        }
        return d;
    }

private:
    std::set<local_days> off_weekday_;
    std::set<local_days> worked_weekend_;
};

TEST(WorkingCalendar, TellsWorkingDaysAroundTet2026AndSwappedDays) {
    const WorkingCalendar& calendar = calendar2020To2030();
    const struct {
        local_days day;
        bool working;
        const char* description;
    } kRows[] = {
        {day(2026, 2, 13), true, "Fri 13/02/2026, last day before Tết"},
        {day(2026, 2, 14), false, "Sat 14/02/2026"},
        {day(2026, 2, 16), false, "Mon 16/02/2026, Tết (rules §5.4)"},
        {day(2026, 2, 20), false, "Fri 20/02/2026, Tết"},
        {day(2026, 2, 23), true, "Mon 23/02/2026, back to work"},
        {day(2026, 1, 10), true, "Sat 10/01/2026, làm bù"},
        {day(2026, 1, 2), false, "Fri 02/01/2026, swapped"},
        {day(2027, 2, 10), false, "Wed 10/02/2027, computed nghỉ bù for Tết on Sat 06/02 (Đ111.3)"},
        {day(2027, 2, 12), true, "Fri 12/02/2027"},
        {day(2023, 5, 2), false, "Tue 02/05/2023, nghỉ bù Giỗ Tổ (Sat 29/04)"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        EXPECT_EQ(calendar.isWorkingDay(row.day), row.working);
    }
}

TEST(WorkingCalendar, SkipsTetHolidaysWhenAddingWorkingDays) {
    const WorkingCalendar& calendar = calendar2020To2030();
    const struct {
        local_days from;
        int count;
        local_days expected;
        const char* description;
    } kRows[] = {
        {day(2026, 2, 13), 1, day(2026, 2, 23), "Fri before Tết 2026 + 1 → Mon 23/02"},
        {day(2026, 2, 12), 5, day(2026, 2, 26), "Thu 12/02 + 5 → Thu 26/02 (Fri 13, Mon 23 … Thu 26)"},
        {day(2026, 2, 16), 1, day(2026, 2, 23), "from a Tết day"},
        {day(2026, 2, 16), 0, day(2026, 2, 23), "0 on a non-working day rolls forward"},
        {day(2026, 2, 23), 0, day(2026, 2, 23), "0 on a working day stays"},
        {day(2026, 2, 23), -1, day(2026, 2, 13), "back over Tết"},
        {day(2026, 1, 9), 1, day(2026, 1, 10), "Fri 09/01 + 1 → làm bù Sat 10/01/2026"},
        {day(2026, 1, 1), 1, day(2026, 1, 5), "Thu 01/01/2026 + 1 → Mon 05/01 (02/01 swapped)"},
        {day(2026, 8, 28), 1, day(2026, 9, 3), "Fri 28/08/2026 + 1 → Thu 03/09"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        EXPECT_EQ(show(calendar.addWorkingDays(row.from, WorkingDays{row.count})), show(row.expected));
    }
    EXPECT_EQ(show(calendar.nextWorkingDay(day(2026, 2, 13))), show(day(2026, 2, 23)));
}

TEST(WorkingCalendar, CountsWorkingDaysOfMonthsAndYearsByHand) {
    const WorkingCalendar& calendar = calendar2020To2030();
    // February 2026: 20 weekdays − 5 Tết days = 15.
    EXPECT_EQ(calendar.workingDaysBetween(day(2026, 1, 31), day(2026, 2, 28)), WorkingDays{15});
    // 2026: 261 weekdays − 14 non-working weekdays + 2 làm bù Saturdays = 249.
    EXPECT_EQ(calendar.workingDaysBetween(day(2025, 12, 31), day(2026, 12, 31)), WorkingDays{249});
    // Antisymmetric.
    EXPECT_EQ(calendar.workingDaysBetween(day(2026, 2, 28), day(2026, 1, 31)), WorkingDays{-15});
    EXPECT_EQ(calendar.workingDaysBetween(day(2026, 3, 2), day(2026, 3, 2)), WorkingDays{0});
}

TEST(WorkingCalendar, ListsDaysOfYearSortedForTheCli) {
    const WorkingCalendar& calendar = calendar2020To2030();
    EXPECT_TRUE(calendar.hasOfficialSchedule(2026));
    EXPECT_FALSE(calendar.hasOfficialSchedule(2027));
    EXPECT_EQ(calendar.daysOfYear(2026), officialSchedules2024To2026()[2].days);
    for (int year = 2020; year <= 2030; ++year) {
        SCOPED_TRACE(year);
        const auto& days = calendar.daysOfYear(year);
        EXPECT_FALSE(days.empty());
        EXPECT_TRUE(std::is_sorted(days.begin(), days.end(),
                                   [](const CalendarDay& a, const CalendarDay& b) { return a.day < b.day; }));
    }
}

TEST(WorkingCalendar, AgreesWithANaiveDayByDayLoop) {
    const WorkingCalendar& calendar = calendar2020To2030();
    const NaiveCalendar naive(calendar);
    SplitMix64 random(20260224);
    for (int i = 0; i < 3000; ++i) {
        const local_days from = day(2020, 6, 1) + date::days{random.between(0, 3500)};
        const int count = random.between(-60, 60);
        SCOPED_TRACE(show(from) + " + " + std::to_string(count));
        ASSERT_EQ(calendar.isWorkingDay(from), naive.isWorking(from));
        const local_days result = calendar.addWorkingDays(from, WorkingDays{count});
        ASSERT_EQ(show(result), show(naive.add(from, count)));
        // The inverse holds whenever both ends are working days, or forward from any day.
        if (count > 0 || (count < 0 && calendar.isWorkingDay(from))) {
            ASSERT_EQ(calendar.workingDaysBetween(from, result).count(), count);
        }
    }
}

TEST(WorkingCalendar, CoversTheWholeSupportedRange) {
    const WorkingCalendar calendar(1900, 2100, officialSchedules2024To2026());
    EXPECT_EQ(calendar.firstYear(), 1900);
    EXPECT_EQ(calendar.lastYear(), 2100);
    EXPECT_TRUE(calendar.contains(day(1900, 1, 1)));
    EXPECT_TRUE(calendar.contains(day(2100, 12, 31)));
    EXPECT_FALSE(calendar.contains(day(2101, 1, 1)));
    // 01/01/1900 was a Monday and a holiday; Tue 02/01/1900 is the first working day.
    EXPECT_EQ(show(calendar.addWorkingDays(day(1900, 1, 1), WorkingDays{0})), show(day(1900, 1, 2)));
}

TEST(WorkingCalendar, AgreesWithANaiveWalkOverEveryDayOfTheRange) {
    // Every day of 1900–2100: working flag, next working day and running count, against the
    // weekday rule plus the published special days.
    const WorkingCalendar calendar(1900, 2100, officialSchedules2024To2026());
    const NaiveCalendar naive(calendar);
    const local_days first = day(1900, 1, 1);
    const local_days last = day(2100, 12, 31);
    std::vector<bool> expected;
    for (local_days d = first; d <= last; d += date::days{1}) expected.push_back(naive.isWorking(d));

    std::size_t next_working = expected.size();  // none known after the range
    for (std::size_t i = expected.size(); i-- > 0;) {
        const local_days d = first + date::days{static_cast<int>(i)};
        ASSERT_EQ(calendar.isWorkingDay(d), expected[i]) << show(d);
        if (next_working < expected.size()) {
            ASSERT_EQ(calendar.nextWorkingDay(d), first + date::days{static_cast<int>(next_working)}) << show(d);
        }
        if (expected[i]) next_working = i;
    }
    int running = 0;  // working days in (first, d]
    for (std::size_t i = 1; i < expected.size(); ++i) {
        running += expected[i] ? 1 : 0;
        ASSERT_EQ(calendar.workingDaysBetween(first, first + date::days{static_cast<int>(i)}).count(), running);
    }
}

TEST(WorkingCalendar, ThrowsOutsideItsRange) {
    const WorkingCalendar calendar(2026, 2026, officialSchedules2024To2026());
    EXPECT_THROW(static_cast<void>(calendar.isWorkingDay(day(2025, 12, 31))), Error);
    EXPECT_THROW(static_cast<void>(calendar.addWorkingDays(day(2026, 12, 30), WorkingDays{5})), Error);
    EXPECT_THROW(static_cast<void>(calendar.addWorkingDays(day(2026, 1, 5), WorkingDays{-5})), Error);
    EXPECT_THROW(static_cast<void>(calendar.daysOfYear(2027)), Error);
    EXPECT_THROW(static_cast<void>(calendar.nextWorkingDay(day(2026, 12, 31))), Error);
}

TEST(WorkingCalendar, RejectsInvalidConstruction) {
    EXPECT_THROW(WorkingCalendar(2027, 2026, {}), Error);
    EXPECT_THROW(WorkingCalendar(1899, 2026, {}), Error);
    EXPECT_THROW(WorkingCalendar(2026, 2101, {}), Error);
    std::vector<DayOffSchedule> twice = officialSchedules2024To2026();
    twice.push_back(twice.back());
    EXPECT_THROW(WorkingCalendar(2026, 2026, twice), Error);
    EXPECT_THROW(WorkingCalendar(2026, 2026, {DayOffSchedule{2026, {{day(2026, 2, 14), DayKind::Holiday, "x"}}}}),
                 Error);
    // A schedule of a year outside the range is ignored.
    EXPECT_NO_THROW(WorkingCalendar(2027, 2027, officialSchedules2024To2026()));
}

}  // namespace
}  // namespace motcua::domain
