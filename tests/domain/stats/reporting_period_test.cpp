// Contract: reporting periods.
// - Nghị định 09/2019/NĐ-CP Đ12 (rules.md §9.2): a month's data run from the 15th of the previous
//   month to the 14th; a quarter from the 15th of the month before it to the 14th of its last
//   month (Q1 = 15/12 → 14/3); H1 = 15/12 → 14/6, H2 = 15/6 → 14/12; a year = 15/12 → 14/12.
// - Calendar variants ("cal:") and explicit ranges "YYYY-MM-DD..YYYY-MM-DD" (rules.md §9.2: many
//   provinces and the DVCQG dashboards report calendar months and quarters).
// - A period covers whole local days: 00:00:00 of the first to 23:59:59 of the last.
// - Junk is refused with Error{InvalidArgument} and a Vietnamese message (the parser is fuzzed).
// Every expected date below is written by hand from those rules.

#include "domain/stats/reporting_period.h"

#include "domain/core/error.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::domain::stats {
namespace {

using date::year_month_day;

year_month_day ymd(int y, unsigned m, unsigned d) { return date::year{y} / date::month{m} / date::day{d}; }

std::string show(year_month_day day) { return date::format("%F", date::sys_days{day}); }

struct PeriodRow {
    const char* text;
    const char* label;
    PeriodKind kind;
    PeriodMode mode;
    year_month_day first;
    year_month_day last;
    const char* source;
};

TEST(ReportingPeriodTest, ParsesEveryFormIntoTheLegalWindow) {
    const std::vector<PeriodRow> rows{
        {"2026-M07", "2026-M07", PeriodKind::Month, PeriodMode::Nd09, ymd(2026, 6, 15), ymd(2026, 7, 14), "NĐ 09 Đ12 month"},
        {"2026-M01", "2026-M01", PeriodKind::Month, PeriodMode::Nd09, ymd(2025, 12, 15), ymd(2026, 1, 14),
         "NĐ 09 Đ12 January starts in the previous year"},
        {"2024-M03", "2024-M03", PeriodKind::Month, PeriodMode::Nd09, ymd(2024, 2, 15), ymd(2024, 3, 14), "leap year"},
        {"2026-m7", "2026-M07", PeriodKind::Month, PeriodMode::Nd09, ymd(2026, 6, 15), ymd(2026, 7, 14),
         "lower case, one digit"},
        {"2026-Q1", "2026-Q1", PeriodKind::Quarter, PeriodMode::Nd09, ymd(2025, 12, 15), ymd(2026, 3, 14),
         "NĐ 09 Đ12: Q1 = 15/12 → 14/3"},
        {"2026-Q3", "2026-Q3", PeriodKind::Quarter, PeriodMode::Nd09, ymd(2026, 6, 15), ymd(2026, 9, 14), "NĐ 09 Đ12"},
        {"2026-Q4", "2026-Q4", PeriodKind::Quarter, PeriodMode::Nd09, ymd(2026, 9, 15), ymd(2026, 12, 14), "NĐ 09 Đ12"},
        {"2026-H1", "2026-H1", PeriodKind::HalfYear, PeriodMode::Nd09, ymd(2025, 12, 15), ymd(2026, 6, 14),
         "NĐ 09 Đ12: 15/12 → 14/6"},
        {"2026-H2", "2026-H2", PeriodKind::HalfYear, PeriodMode::Nd09, ymd(2026, 6, 15), ymd(2026, 12, 14),
         "NĐ 09 Đ12: 15/6 → 14/12"},
        {"2026", "2026", PeriodKind::Year, PeriodMode::Nd09, ymd(2025, 12, 15), ymd(2026, 12, 14),
         "NĐ 09 Đ12: 15/12 → 14/12"},
        {"cal:2026-Q3", "cal:2026-Q3", PeriodKind::Quarter, PeriodMode::Calendar, ymd(2026, 7, 1), ymd(2026, 9, 30),
         "calendar quarter"},
        {"CAL:2026-m02", "cal:2026-M02", PeriodKind::Month, PeriodMode::Calendar, ymd(2026, 2, 1), ymd(2026, 2, 28),
         "calendar February"},
        {"cal:2028-M02", "cal:2028-M02", PeriodKind::Month, PeriodMode::Calendar, ymd(2028, 2, 1), ymd(2028, 2, 29),
         "calendar February, leap year"},
        {"cal:2026-H2", "cal:2026-H2", PeriodKind::HalfYear, PeriodMode::Calendar, ymd(2026, 7, 1), ymd(2026, 12, 31),
         "calendar half-year"},
        {"cal:2026", "cal:2026", PeriodKind::Year, PeriodMode::Calendar, ymd(2026, 1, 1), ymd(2026, 12, 31),
         "calendar year"},
        {"2026-07-01..2026-09-30", "2026-07-01..2026-09-30", PeriodKind::Range, PeriodMode::Nd09, ymd(2026, 7, 1),
         ymd(2026, 9, 30), "explicit range"},
        {"  2026-07-01..2026-07-01 ", "2026-07-01..2026-07-01", PeriodKind::Range, PeriodMode::Nd09, ymd(2026, 7, 1),
         ymd(2026, 7, 1), "one-day range, spaces trimmed"},
    };
    for (const PeriodRow& row : rows) {
        SCOPED_TRACE(std::string{row.text} + " — " + row.source);
        const ReportingPeriod period = parseReportingPeriod(row.text);
        EXPECT_EQ(period.label(), row.label);
        EXPECT_EQ(period.kind(), row.kind);
        EXPECT_EQ(period.mode(), row.mode);
        EXPECT_EQ(show(period.firstDay()), show(row.first));
        EXPECT_EQ(show(period.lastDay()), show(row.last));
        EXPECT_EQ(parseReportingPeriod(period.label()), period) << "the label parses back";
    }
}

TEST(ReportingPeriodTest, CoversWholeLocalDays) {
    // 2026-M07 = 15/06/2026 00:00:00 → 14/07/2026 23:59:59 (NĐ 09 Đ12).
    const ReportingPeriod period = parseReportingPeriod("2026-M07");
    const auto at = [](unsigned m, unsigned d, int h, int mi, int s) {
        return date::local_seconds{date::local_days{date::year{2026} / date::month{m} / date::day{d}}} +
               std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
    };
    EXPECT_EQ(period.start(), at(6, 15, 0, 0, 0));
    EXPECT_EQ(period.end(), at(7, 14, 23, 59, 59));
    EXPECT_FALSE(period.contains(at(6, 14, 23, 59, 59))) << "received on the 14th: previous month";
    EXPECT_TRUE(period.contains(at(6, 15, 0, 0, 0))) << "received on the 15th: this month";
    EXPECT_TRUE(period.contains(at(7, 14, 23, 59, 59)));
    EXPECT_FALSE(period.contains(at(7, 15, 0, 0, 0))) << "the 15th opens the next month";
    EXPECT_EQ(period.dayCount(), 30);
}

TEST(ReportingPeriodTest, APeriodStillRunningIsCutAtThePresent) {
    const ReportingPeriod period = parseReportingPeriod("2026-M07");
    const auto at = [](unsigned m, unsigned d, int h) {
        return date::local_seconds{date::local_days{date::year{2026} / date::month{m} / date::day{d}}} +
               std::chrono::hours{h};
    };
    const ReportingPeriod running = period.asOf(at(7, 2, 10));
    ASSERT_TRUE(running.cutAt().has_value());
    EXPECT_EQ(*running.cutAt(), at(7, 2, 10));
    EXPECT_EQ(running.end(), at(7, 2, 10));
    EXPECT_EQ(running.start(), period.start());
    EXPECT_EQ(running.lastDay(), period.lastDay()) << "the period keeps its days and label";
    EXPECT_EQ(running.label(), "2026-M07");
    EXPECT_FALSE(running.contains(at(7, 2, 11)));
    EXPECT_NE(running, period);
    // Over, or over at that very second: unchanged.
    EXPECT_EQ(period.asOf(at(7, 20, 8)), period);
    EXPECT_EQ(period.asOf(period.end()), period);
    EXPECT_FALSE(period.asOf(at(7, 20, 8)).cutAt().has_value());
    // Not begun: refused, naming its first day.
    try {
        (void)period.asOf(at(6, 14, 23));
        FAIL() << "a period not begun was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
        EXPECT_NE(e.userMessage().find("chưa bắt đầu (từ ngày 15/06/2026)"), std::string::npos) << e.userMessage();
    }
}

TEST(ReportingPeriodTest, PreviousPeriodStepsBackOnePeriod) {
    const std::vector<std::pair<const char*, const char*>> rows{
        {"2026-M07", "2026-M06"}, {"2026-M01", "2025-M12"}, {"2026-Q1", "2025-Q4"},   {"2026-Q3", "2026-Q2"},
        {"2026-H1", "2025-H2"},   {"2026-H2", "2026-H1"},   {"2026", "2025"},         {"cal:2026-M01", "cal:2025-M12"},
        {"cal:2026", "cal:2025"}, {"2026-07-01..2026-09-30", "2026-03-31..2026-06-30"} /* 92 days */,
        {"2026-03-01..2026-03-01", "2026-02-28..2026-02-28"},
    };
    for (const auto& [text, expected] : rows) {
        SCOPED_TRACE(text);
        const ReportingPeriod period = parseReportingPeriod(text);
        const ReportingPeriod previous = previousPeriod(period);
        EXPECT_EQ(previous.label(), expected);
        if (period.kind() != PeriodKind::Range) {
            // NĐ 09 and calendar windows tile the time line: the previous one ends the day before.
            EXPECT_EQ(date::sys_days{previous.lastDay()} + date::days{1}, date::sys_days{period.firstDay()});
        }
    }
}

TEST(ReportingPeriodTest, ContainingFindsTheWindowOfADay) {
    struct Row {
        year_month_day day;
        PeriodKind kind;
        PeriodMode mode;
        const char* expected;
        const char* why;
    };
    const std::vector<Row> rows{
        {ymd(2026, 7, 14), PeriodKind::Month, PeriodMode::Nd09, "2026-M07", "the 14th closes July's window"},
        {ymd(2026, 7, 15), PeriodKind::Month, PeriodMode::Nd09, "2026-M08", "the 15th opens August's window"},
        {ymd(2025, 12, 15), PeriodKind::Month, PeriodMode::Nd09, "2026-M01", "15/12 belongs to next year's January"},
        {ymd(2025, 12, 15), PeriodKind::Year, PeriodMode::Nd09, "2026", "NĐ 09 year starts 15/12"},
        {ymd(2026, 3, 14), PeriodKind::Quarter, PeriodMode::Nd09, "2026-Q1", "Q1 ends 14/3"},
        {ymd(2026, 3, 15), PeriodKind::Quarter, PeriodMode::Nd09, "2026-Q2", "Q2 starts 15/3"},
        {ymd(2026, 6, 15), PeriodKind::HalfYear, PeriodMode::Nd09, "2026-H2", "H2 starts 15/6"},
        {ymd(2026, 7, 15), PeriodKind::Month, PeriodMode::Calendar, "cal:2026-M07", "calendar month"},
        {ymd(2026, 12, 31), PeriodKind::Quarter, PeriodMode::Calendar, "cal:2026-Q4", "calendar quarter"},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.why);
        const ReportingPeriod period = ReportingPeriod::containing(row.day, row.kind, row.mode);
        EXPECT_EQ(period.label(), row.expected);
        EXPECT_TRUE(period.contains(date::local_seconds{date::local_days{row.day}}));
    }
}

TEST(ReportingPeriodTest, RefusesJunkWithAVietnameseMessage) {
    const std::vector<std::string> junk{
        "",
        "   ",
        "2026-",
        "2026-M",
        "2026-M13",
        "2026-M00",
        "2026-M007",
        "2026-Q5",
        "2026-Q0",
        "2026-H3",
        "2026-X1",
        "202-M01",
        "20266",
        "1999",
        "2101-Q1",
        "cal:",
        "cal:2026-",
        "cal2026",
        "2026-02-30..2026-03-01",
        "2026-07-01..2026-06-30",
        "2026-07-01..",
        "..2026-07-01",
        "2026-7-1..2026-9-30",
        "2026-07-01...2026-09-30",
        "2026-07-01..2026-09-30..2026-10-01",
        "+2026",
        "-2026",
        "2026-M-1",
        "2026-M+1",
        "２０２６",
        std::string("2026\0-M07", 9),
        "\xff\xfe",
        std::string(65, '2'),
        "2026-M07 extra",
    };
    for (const std::string& text : junk) {
        SCOPED_TRACE("input: " + text);
        try {
            (void)parseReportingPeriod(text);
            ADD_FAILURE() << "accepted";
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
            EXPECT_EQ(error.field(), "period");
            EXPECT_NE(error.userMessage().find("Kỳ báo cáo"), std::string::npos) << error.userMessage();
        }
    }
}

TEST(ReportingPeriodTest, SurvivesEveryByteMutationOfValidInputs) {
    // A cheap deterministic fuzz: flip every byte of valid inputs to every value; the parser
    // must either accept (and then the label round-trips) or throw InvalidArgument.
    const std::vector<std::string> seeds{"2026-M07", "cal:2026-Q3", "2026-07-01..2026-09-30"};
    int accepted = 0;
    for (const std::string& seed : seeds) {
        for (std::size_t i = 0; i < seed.size(); ++i) {
            for (int b = 0; b < 256; ++b) {
                std::string text = seed;
                text[i] = static_cast<char>(b);
                try {
                    const ReportingPeriod period = parseReportingPeriod(text);
                    ++accepted;
                    EXPECT_EQ(parseReportingPeriod(period.label()), period) << text;
                    EXPECT_LE(date::sys_days{period.firstDay()}, date::sys_days{period.lastDay()});
                } catch (const Error& error) {
                    EXPECT_EQ(error.code(), ErrorCode::InvalidArgument) << text;
                }
            }
        }
    }
    EXPECT_GT(accepted, 0);
}

TEST(ReportingPeriodTest, FactoriesRefuseOutOfRangeArguments) {
    EXPECT_THROW((void)ReportingPeriod::of(PeriodKind::Month, PeriodMode::Nd09, 2026, 0), Error);
    EXPECT_THROW((void)ReportingPeriod::of(PeriodKind::Month, PeriodMode::Nd09, 2026, 13), Error);
    EXPECT_THROW((void)ReportingPeriod::of(PeriodKind::Quarter, PeriodMode::Calendar, 2026, 5), Error);
    EXPECT_THROW((void)ReportingPeriod::of(PeriodKind::Range, PeriodMode::Nd09, 2026, 1), Error);
    EXPECT_THROW((void)ReportingPeriod::of(PeriodKind::Year, PeriodMode::Nd09, 1899), Error);
    EXPECT_THROW((void)ReportingPeriod::range(ymd(2026, 7, 2), ymd(2026, 7, 1)), Error);
    EXPECT_THROW((void)ReportingPeriod::range(ymd(2026, 2, 30), ymd(2026, 3, 1)), Error);
    EXPECT_THROW((void)previousPeriod(ReportingPeriod::of(PeriodKind::Year, PeriodMode::Nd09, 1900)), Error);
}

}  // namespace
}  // namespace motcua::domain::stats
