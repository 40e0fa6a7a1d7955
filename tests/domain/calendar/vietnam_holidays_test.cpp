// Contract: statutory public holidays of Bộ luật Lao động 2019 Đ112 (01/01; Tết 05 ngày; Giỗ Tổ
// 10/3 âm lịch; 30/4; 01/5; 02/9 + 01 adjacent day), Ngày Văn hóa Việt Nam 24/11 from 2026
// (Nghị quyết 28/2026/QH16), and nghỉ bù of Đ111.3 (a holiday on a weekly rest day gives a
// compensatory day on the next working day). Expected dates are counted by hand from the
// calendar and from the Tết/Giỗ Tổ dates announced each year.

#include "domain/calendar/vietnam_holidays.h"

#include "domain/calendar/official_schedules.h"
#include "domain/core/error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

using date::local_days;

local_days day(int y, unsigned m, unsigned d) {
    return local_days{date::year{y} / date::month{m} / date::day{d}};
}

std::string show(local_days value) { return date::format("%F", value); }

struct Expected {
    local_days day;
    DayKind kind;
};

std::string describe(const std::vector<CalendarDay>& days) {
    std::string text;
    for (const CalendarDay& entry : days) {
        text += show(entry.day) + " " + std::string(dayKindCode(entry.kind)) + "; ";
    }
    return text;
}

void expectSchedule(const DayOffSchedule& schedule, const std::vector<Expected>& expected) {
    SCOPED_TRACE(describe(schedule.days));
    ASSERT_EQ(schedule.days.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(show(expected[i].day));
        EXPECT_EQ(show(schedule.days[i].day), show(expected[i].day));
        EXPECT_EQ(schedule.days[i].kind, expected[i].kind);
        EXPECT_FALSE(schedule.days[i].name.empty());
    }
}

constexpr DayKind H = DayKind::Holiday;
constexpr DayKind C = DayKind::Compensatory;

TEST(VietnamHolidays, ComputesTheWholeStatutoryYear2027ByHand) {
    // Tết Đinh Mùi: mùng 1 = Sat 06/02/2027 (rules §5.4), so the five days are Fri 05/02 (last
    // day of Bính Ngọ) to Tue 09/02; Sat 06 and Sun 07 give nghỉ bù Wed 10 and Thu 11 (Đ111.3).
    // Giỗ Tổ = Fri 16/04/2027. 01/5 is a Saturday → nghỉ bù Mon 03/5. 02/9 is a Thursday → the
    // adjacent day is Fri 03/9. 24/11 is a Wednesday.
    expectSchedule(statutorySchedule(2027), {
                                                {day(2027, 1, 1), H},
                                                {day(2027, 2, 5), H},
                                                {day(2027, 2, 8), H},
                                                {day(2027, 2, 9), H},
                                                {day(2027, 2, 10), C},
                                                {day(2027, 2, 11), C},
                                                {day(2027, 4, 16), H},
                                                {day(2027, 4, 30), H},
                                                {day(2027, 5, 3), C},
                                                {day(2027, 9, 2), H},
                                                {day(2027, 9, 3), H},
                                                {day(2027, 11, 24), H},
                                            });
}

TEST(VietnamHolidays, GivesCompensatoryDaysForHolidaysOnWeekends) {
    // BLLĐ 2019 Đ111.3. Each row: a weekday that must be a compensatory day off.
    const struct {
        local_days day;
        const char* description;
    } kRows[] = {
        {day(2022, 1, 3), "01/01/2022 is a Saturday (official 2022: nghỉ bù Mon 03/01)"},
        {day(2022, 4, 11), "Giỗ Tổ Sun 10/04/2022 (official 2022: nghỉ bù Mon 11/04)"},
        {day(2023, 5, 2), "Giỗ Tổ Sat 29/04/2023, 30/4 Sun, 01/5 Mon → Tue 02/05 (official 2023)"},
        {day(2023, 5, 3), "… and Wed 03/05 for the Sunday 30/4 (official 2023)"},
        {day(2026, 4, 27), "Giỗ Tổ Sun 26/04/2026 → Mon 27/04 (rules §5.4)"},
        {day(2029, 11, 26), "24/11/2029 is a Saturday → Mon 26/11"},
        {day(2029, 9, 4), "02/9/2029 is a Sunday, Mon 03/9 is the adjacent holiday → Tue 04/9"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        const int year = static_cast<int>(date::year_month_day{row.day}.year());
        const DayOffSchedule schedule = statutorySchedule(year);
        const auto found = std::find_if(schedule.days.begin(), schedule.days.end(),
                                        [&row](const CalendarDay& entry) { return entry.day == row.day; });
        ASSERT_NE(found, schedule.days.end());
        EXPECT_EQ(found->kind, DayKind::Compensatory);
        EXPECT_NE(found->name.find("Nghỉ bù"), std::string::npos);
    }
}

TEST(VietnamHolidays, ChoosesTheNationalDayAdjacentDayLikeTheOfficialSchedules) {
    // BLLĐ 2019 Đ112.1.e: 02/9 + 01 adjacent day chosen by the Thủ tướng; our default must
    // reproduce the announced choices.
    const struct {
        int year;
        local_days adjacent;
        const char* source;
    } kRows[] = {
        {2021, day(2021, 9, 3), "Thu 02/9 → Fri 03/9 (press 2021)"},
        {2022, day(2022, 9, 1), "Fri 02/9 → Thu 01/9 (press 2022)"},
        {2023, day(2023, 9, 1), "Sat 02/9 → Fri 01/9 (press 2023)"},
        {2024, day(2024, 9, 3), "Mon 02/9 → Tue 03/9 (rules §5.4)"},
        {2025, day(2025, 9, 1), "Tue 02/9 → Mon 01/9 (rules §5.4)"},
        {2026, day(2026, 9, 1), "Wed 02/9 → Tue 01/9 (rules §5.4)"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.source);
        EXPECT_EQ(show(nationalDayAdjacentDay(row.year)), show(row.adjacent));
    }
}

TEST(VietnamHolidays, AddsCultureDayOnlyFrom2026) {
    const auto has24November = [](int year) {
        const std::vector<CalendarDay> holidays = statutoryHolidays(year);
        return std::any_of(holidays.begin(), holidays.end(), [year](const CalendarDay& entry) {
            return entry.day == day(year, 11, 24) && entry.name == kCultureDayHolidayName;
        });
    };
    EXPECT_FALSE(has24November(2024));
    EXPECT_FALSE(has24November(2025));
    EXPECT_TRUE(has24November(2026));
    EXPECT_TRUE(has24November(2030));
}

TEST(VietnamHolidays, ListsElevenHolidayDatesAYearAndTwelveFrom2026) {
    // 1 + 5 + 1 + 1 + 1 + 2 = 11 days (Đ112.1), + 24/11 from 2026; a Giỗ Tổ on 30/4 (1947)
    // merges into one date with both names and no extra day.
    for (int year = 1900; year <= 2100; ++year) {
        SCOPED_TRACE(year);
        const std::vector<CalendarDay> holidays = statutoryHolidays(year);
        const std::size_t expected = (year >= 2026 ? 12U : 11U) - (year == 1947 ? 1U : 0U);
        EXPECT_EQ(holidays.size(), expected);
        EXPECT_TRUE(std::is_sorted(holidays.begin(), holidays.end(),
                                   [](const CalendarDay& a, const CalendarDay& b) { return a.day < b.day; }));
    }
    const std::vector<CalendarDay> holidays1947 = statutoryHolidays(1947);
    const auto merged = std::find_if(holidays1947.begin(), holidays1947.end(),
                                     [](const CalendarDay& entry) { return entry.day == day(1947, 4, 30); });
    ASSERT_NE(merged, holidays1947.end());
    EXPECT_EQ(merged->name, std::string(kHungKingsHolidayName) + "; " + std::string(kVictoryDayHolidayName));
}

TEST(VietnamHolidays, ComputesValidSchedulesForEveryYear) {
    for (int year = 1900; year <= 2100; ++year) {
        SCOPED_TRACE(year);
        const DayOffSchedule schedule = statutorySchedule(year);
        EXPECT_NO_THROW(validateSchedule(schedule));
        // Every weekend holiday gave exactly one compensatory day.
        const std::vector<CalendarDay> holidays = statutoryHolidays(year);
        const auto weekend_holidays = std::count_if(holidays.begin(), holidays.end(),
                                                    [](const CalendarDay& entry) { return isWeekend(entry.day); });
        const auto compensatory = std::count_if(schedule.days.begin(), schedule.days.end(), [](const CalendarDay& entry) {
            return entry.kind == DayKind::Compensatory;
        });
        EXPECT_EQ(compensatory, weekend_holidays);
    }
}

TEST(VietnamHolidays, AgreesWithOfficialSchedulesWhereNoSwapWasDecided) {
    // The fixed-date holidays and Giỗ Tổ of 2024–2026 as computed must be off in the official
    // schedule too; only Tết and the swaps are the government's choice.
    for (const DayOffSchedule& official : officialSchedules2024To2026()) {
        SCOPED_TRACE(official.year);
        for (const CalendarDay& computed : statutorySchedule(official.year).days) {
            if (computed.name == kLunarNewYearHolidayName) continue;
            if (computed.name.find(kLunarNewYearHolidayName) != std::string::npos) continue;
            SCOPED_TRACE(show(computed.day) + " " + computed.name);
            const auto found = std::find_if(official.days.begin(), official.days.end(),
                                            [&computed](const CalendarDay& entry) { return entry.day == computed.day; });
            ASSERT_NE(found, official.days.end());
            EXPECT_EQ(found->kind, computed.kind);
        }
    }
}

TEST(VietnamHolidays, FindsTheFixedHolidaysAScheduleLeavesOut) {
    // The official schedules and every computed one keep them all.
    for (const DayOffSchedule& official : officialSchedules2024To2026()) {
        SCOPED_TRACE(official.year);
        EXPECT_EQ(describe(statutoryHolidaysMissingFrom(official)), "");
    }
    for (int year = 1900; year <= 2100; ++year) {
        SCOPED_TRACE(year);
        EXPECT_EQ(describe(statutoryHolidaysMissingFrom(statutorySchedule(year))), "");
    }
    // 2027 with nothing listed: the weekday ones, by hand. Tết is Sat 06/02, so of mùng 1–3 only
    // Mon 08/02; 01/5 is a Saturday; 03/9 (next to 02/9) is left to the Thủ tướng.
    EXPECT_EQ(describe(statutoryHolidaysMissingFrom(DayOffSchedule{2027, {}})),
              "2027-01-01 holiday; 2027-02-08 holiday; 2027-04-16 holiday; 2027-04-30 holiday; 2027-09-02 holiday; "
              "2027-11-24 holiday; ");
    // A holiday listed as a working day is as good as missing; a swapped day off counts as off.
    DayOffSchedule year = statutorySchedule(2027);
    for (CalendarDay& entry : year.days) {
        if (entry.day == day(2027, 4, 30)) entry.kind = DayKind::DayOff;
    }
    EXPECT_EQ(describe(statutoryHolidaysMissingFrom(year)), "");
    std::erase_if(year.days, [](const CalendarDay& entry) { return entry.day == day(2027, 9, 2); });
    EXPECT_EQ(describe(statutoryHolidaysMissingFrom(year)), "2027-09-02 holiday; ");
    // Before 2026 there is no 24/11 to keep.
    // 2025, all on weekdays: 1/1, mùng 1–3 (29–31/01), Giỗ Tổ (07/04), 30/4, 1/5, 2/9.
    EXPECT_EQ(statutoryHolidaysMissingFrom(DayOffSchedule{2025, {}}).size(), 8u);
}

TEST(VietnamHolidays, RejectsYearsOutsideTheLunarRange) {
    EXPECT_THROW(static_cast<void>(statutoryHolidays(1899)), Error);
    EXPECT_THROW(static_cast<void>(statutorySchedule(2101)), Error);
}

TEST(CalendarDay, RoundTripsKindCodes) {
    for (const DayKind kind : {DayKind::Holiday, DayKind::DayOff, DayKind::Compensatory, DayKind::WorkingSaturday}) {
        EXPECT_EQ(parseDayKind(dayKindCode(kind)), kind);
    }
    EXPECT_EQ(dayKindCode(DayKind::DayOff), "day_off");
    EXPECT_EQ(dayKindCode(DayKind::WorkingSaturday), "working_saturday");
    EXPECT_THROW(static_cast<void>(parseDayKind("weekend")), Error);
}

TEST(CalendarDay, RejectsMalformedSchedules) {
    const struct {
        DayOffSchedule schedule;
        const char* description;
    } kRows[] = {
        {{2026, {{day(2025, 12, 31), DayKind::Holiday, "x"}}}, "day outside the year"},
        {{2026, {{day(2026, 2, 14), DayKind::Holiday, "x"}}}, "holiday listed on a Saturday"},
        {{2026, {{day(2026, 1, 9), DayKind::WorkingSaturday, "x"}}}, "make-up day on a Friday"},
        {{2026, {{day(2026, 1, 1), DayKind::Holiday, ""}}}, "no name"},
        {{2026, {{day(2026, 1, 1), DayKind::Holiday, "x"}, {day(2026, 1, 1), DayKind::DayOff, "y"}}}, "duplicate"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        EXPECT_THROW(validateSchedule(row.schedule), Error);
    }
    EXPECT_EQ(formatVietnameseDate(day(2026, 4, 5)), "05/04/2026");
}

}  // namespace
}  // namespace motcua::domain
