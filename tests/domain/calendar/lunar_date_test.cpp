// Contract: the Vietnamese lunar calendar (âm lịch) at UTC+7 — a month starts on the local day
// of the new moon, month 11 contains the December solstice, the first month without a major
// solar term in a 13-month year is leap. It fixes Tết Nguyên đán (BLLĐ 2019 Đ112.1.b) and
// Giỗ Tổ Hùng Vương 10/3 âm lịch (Đ112.1.đ).
// Expected values are published facts (Tết and Giỗ Tổ dates as announced; Hồ Ngọc Đức's
// "Lịch Việt Nam" tables for leap months), never output of the code under test.

#include "domain/calendar/lunar_date.h"

#include "domain/core/error.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::domain {
namespace {

using date::local_days;
using date::year_month_day;

year_month_day ymd(int y, unsigned m, unsigned d) {
    return year_month_day{date::year{y}, date::month{m}, date::day{d}};
}

std::string show(year_month_day day) { return date::format("%F", day); }

struct TetRow {
    int year;
    year_month_day first_day;
    const char* note;
};

// Mùng 1 Tết of the Vietnamese calendar. Rows marked "≠ CN" differ from the Chinese (UTC+8)
// calendar because the new moon falls between 16:00 and 17:00 UTC, or because of a different
// leap month.
const TetRow kTetDays[] = {
    {1968, ymd(1968, 1, 29), "Mậu Thân; ≠ CN 30/01 (the 1968 Tết offensive date split)"},
    {1985, ymd(1985, 1, 21), "Ất Sửu; ≠ CN 20/02 (Việt Nam has no leap month 10 in 1984)"},
    {1986, ymd(1986, 2, 9), "Bính Dần"},
    {1987, ymd(1987, 1, 29), "Đinh Mão"},
    {1988, ymd(1988, 2, 17), "Mậu Thìn"},
    {1989, ymd(1989, 2, 6), "Kỷ Tỵ"},
    {1990, ymd(1990, 1, 27), "Canh Ngọ"},
    {1991, ymd(1991, 2, 15), "Tân Mùi"},
    {1992, ymd(1992, 2, 4), "Nhâm Thân"},
    {1993, ymd(1993, 1, 23), "Quý Dậu"},
    {1994, ymd(1994, 2, 10), "Giáp Tuất"},
    {1995, ymd(1995, 1, 31), "Ất Hợi"},
    {1996, ymd(1996, 2, 19), "Bính Tý"},
    {1997, ymd(1997, 2, 7), "Đinh Sửu"},
    {1998, ymd(1998, 1, 28), "Mậu Dần"},
    {1999, ymd(1999, 2, 16), "Kỷ Mão"},
    {2000, ymd(2000, 2, 5), "Canh Thìn"},
    {2001, ymd(2001, 1, 24), "Tân Tỵ"},
    {2002, ymd(2002, 2, 12), "Nhâm Ngọ"},
    {2003, ymd(2003, 2, 1), "Quý Mùi"},
    {2004, ymd(2004, 1, 22), "Giáp Thân"},
    {2005, ymd(2005, 2, 9), "Ất Dậu"},
    {2006, ymd(2006, 1, 29), "Bính Tuất"},
    {2007, ymd(2007, 2, 17), "Đinh Hợi; ≠ CN 18/02"},
    {2008, ymd(2008, 2, 7), "Mậu Tý"},
    {2009, ymd(2009, 1, 26), "Kỷ Sửu"},
    {2010, ymd(2010, 2, 14), "Canh Dần"},
    {2011, ymd(2011, 2, 3), "Tân Mão"},
    {2012, ymd(2012, 1, 23), "Nhâm Thìn"},
    {2013, ymd(2013, 2, 10), "Quý Tỵ"},
    {2014, ymd(2014, 1, 31), "Giáp Ngọ"},
    {2015, ymd(2015, 2, 19), "Ất Mùi"},
    {2016, ymd(2016, 2, 8), "Bính Thân"},
    {2017, ymd(2017, 1, 28), "Đinh Dậu"},
    {2018, ymd(2018, 2, 16), "Mậu Tuất"},
    {2019, ymd(2019, 2, 5), "Kỷ Hợi"},
    {2020, ymd(2020, 1, 25), "Canh Tý"},
    {2021, ymd(2021, 2, 12), "Tân Sửu"},
    {2022, ymd(2022, 2, 1), "Nhâm Dần"},
    {2023, ymd(2023, 1, 22), "Quý Mão"},
    {2024, ymd(2024, 2, 10), "Giáp Thìn (rules §5.4)"},
    {2025, ymd(2025, 1, 29), "Ất Tỵ (rules §5.4)"},
    {2026, ymd(2026, 2, 17), "Bính Ngọ (rules §5.4)"},
    {2027, ymd(2027, 2, 6), "Đinh Mùi (rules §5.4)"},
    {2028, ymd(2028, 1, 26), "Mậu Thân"},
    {2029, ymd(2029, 2, 13), "Kỷ Dậu"},
    {2030, ymd(2030, 2, 2), "Canh Tuất; ≠ CN 03/02"},
};

TEST(LunarDate, FindsTetMung1ForEveryYearOfTheTable) {
    for (const TetRow& row : kTetDays) {
        SCOPED_TRACE(std::to_string(row.year) + " " + row.note);
        EXPECT_EQ(toLunar(row.first_day), (LunarDate{row.year, 1, 1, false}));
        EXPECT_EQ(show(fromLunar(LunarDate{row.year, 1, 1, false})), show(row.first_day));
        // The day before Tết is the last day of month 12 of the previous lunar year.
        const LunarDate eve = toLunar(year_month_day{local_days{row.first_day} - date::days{1}});
        EXPECT_EQ(eve.year, row.year - 1);
        EXPECT_EQ(eve.month, 12);
        EXPECT_FALSE(eve.leap);
        EXPECT_TRUE(eve.day == 29 || eve.day == 30);
    }
}

TEST(LunarDate, FindsGioToHungVuongOnTenthDayOfThirdMonth) {
    // BLLĐ 2019 Đ112.1.đ: Giỗ Tổ Hùng Vương 10/3 âm lịch; dates as announced each year.
    const struct {
        int year;
        year_month_day day;
    } kRows[] = {
        {2017, ymd(2017, 4, 6)},  {2018, ymd(2018, 4, 25)}, {2019, ymd(2019, 4, 14)},
        {2020, ymd(2020, 4, 2)},  {2021, ymd(2021, 4, 21)}, {2022, ymd(2022, 4, 10)},
        {2023, ymd(2023, 4, 29)}, {2024, ymd(2024, 4, 18)}, {2025, ymd(2025, 4, 7)},
        {2026, ymd(2026, 4, 26)},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.year);
        EXPECT_EQ(show(fromLunar(LunarDate{row.year, 3, 10, false})), show(row.day));
        EXPECT_EQ(toLunar(row.day), (LunarDate{row.year, 3, 10, false}));
    }
}

TEST(LunarDate, FindsLeapMonthsOfHoNgocDucTables) {
    const struct {
        int year;
        int leap_month;
    } kRows[] = {
        {1984, 0}, {1985, 2}, {1987, 7}, {1990, 5}, {1993, 3}, {1995, 8},  {1998, 5}, {2001, 4},
        {2004, 2}, {2006, 7}, {2009, 5}, {2012, 4}, {2014, 9}, {2017, 6},  {2020, 4}, {2023, 2},
        {2024, 0}, {2025, 6}, {2026, 0}, {2028, 5}, {2031, 3}, {2033, 11},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.year);
        EXPECT_EQ(leapMonthOf(row.year), row.leap_month);
    }
}

TEST(LunarDate, ConvertsMidAutumnAndLeapMonthDays) {
    const struct {
        year_month_day solar;
        LunarDate lunar;
        const char* description;
    } kRows[] = {
        {ymd(2023, 9, 29), {2023, 8, 15, false}, "Trung thu 2023"},
        {ymd(2024, 9, 17), {2024, 8, 15, false}, "Trung thu 2024"},
        {ymd(2025, 10, 6), {2025, 8, 15, false}, "Trung thu 2025 (after leap month 6)"},
        {ymd(2023, 3, 22), {2023, 2, 1, true}, "mùng 1 tháng 2 nhuận Quý Mão"},
        {ymd(2025, 7, 25), {2025, 6, 1, true}, "mùng 1 tháng 6 nhuận Ất Tỵ"},
        {ymd(2024, 2, 8), {2023, 12, 29, false}, "29 tháng Chạp Quý Mão (first day off of Tết 2024)"},
        {ymd(2024, 2, 9), {2023, 12, 30, false}, "30 Tết Quý Mão"},
        {ymd(2025, 1, 28), {2024, 12, 29, false}, "Tết Ất Tỵ has no 30 Tết: 29 tháng Chạp is the eve"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        EXPECT_EQ(toLunar(row.solar), row.lunar);
        EXPECT_EQ(show(fromLunar(row.lunar)), show(row.solar));
    }
}

TEST(LunarDate, KeepsMonthsOf29Or30ConsecutiveDays) {
    // Dense walk over 2022–2027: each day is the next lunar day or the first of a new month
    // after a month of 29 or 30 days.
    local_days day{ymd(2022, 1, 1)};
    LunarDate previous = toLunar(year_month_day{day});
    for (day += date::days{1}; day <= local_days{ymd(2027, 12, 31)}; day += date::days{1}) {
        const LunarDate current = toLunar(year_month_day{day});
        SCOPED_TRACE(show(year_month_day{day}));
        if (current.day == 1) {
            EXPECT_TRUE(previous.day == 29 || previous.day == 30);
        } else {
            EXPECT_EQ(current.day, previous.day + 1);
            EXPECT_EQ(current.month, previous.month);
            EXPECT_EQ(current.leap, previous.leap);
        }
        previous = current;
    }
}

TEST(LunarDate, RoundTripsSampledDaysOverTheWholeRange) {
    for (local_days day{kFirstLunarSupportedDate}; day <= local_days{kLastLunarSupportedDate};
         day += date::days{37}) {
        const year_month_day solar{day};
        SCOPED_TRACE(show(solar));
        EXPECT_EQ(show(fromLunar(toLunar(solar))), show(solar));
    }
    EXPECT_EQ(toLunar(kFirstLunarSupportedDate), (LunarDate{1899, 12, 1, false}));
    EXPECT_EQ(toLunar(kLastLunarSupportedDate).year, 2100);
}

TEST(LunarDate, RejectsImpossibleDates) {
    const struct {
        LunarDate lunar;
        const char* description;
    } kRows[] = {
        {{2024, 12, 30, false}, "tháng Chạp Giáp Thìn has 29 days (no 30 Tết in 2025)"},
        {{2024, 4, 1, true}, "Giáp Thìn has no leap month"},
        {{2023, 3, 1, true}, "Quý Mão's leap month is 2, not 3"},
        {{2024, 13, 1, false}, "month 13"},
        {{2024, 0, 1, false}, "month 0"},
        {{2024, 1, 0, false}, "day 0"},
        {{2024, 1, 31, false}, "day 31"},
        {{1850, 1, 1, false}, "before the supported range"},
        {{2100, 12, 2, false}, "falls on 2101-01-01, after the range"},
        {{99999, 1, 1, false}, "absurd year"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        try {
            static_cast<void>(fromLunar(row.lunar));
            ADD_FAILURE() << "no exception";
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
            EXPECT_FALSE(error.userMessage().empty());
        }
    }
}

TEST(LunarDate, RejectsSolarDatesOutsideTheRangeOrInvalid) {
    EXPECT_THROW(static_cast<void>(toLunar(ymd(1899, 12, 31))), Error);
    EXPECT_THROW(static_cast<void>(toLunar(ymd(2101, 1, 1))), Error);
    EXPECT_THROW(static_cast<void>(toLunar(ymd(2023, 2, 30))), Error);
    EXPECT_THROW(static_cast<void>(leapMonthOf(1899)), Error);
}

}  // namespace
}  // namespace motcua::domain
