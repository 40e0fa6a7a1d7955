// Contract: instants and dates go to MariaDB as "YYYY-MM-DD HH:MM:SS" and "YYYY-MM-DD" (UTC
// session), and come back unchanged.

#include "store/sql_time.h"

#include <gtest/gtest.h>

#include <random>

namespace motcua {
namespace {

using namespace std::chrono_literals;

TEST(SqlTime, WritesFixedWidthDateTimes) {
    EXPECT_EQ(store::toSqlDateTime(date::sys_days{date::year{2026} / 1 / 5} + 7h + 3min + 9s), "2026-01-05 07:03:09");
    EXPECT_EQ(store::toSqlDateTime(date::sys_days{date::year{1000} / 12 / 31} + 23h + 59min + 59s),
              "1000-12-31 23:59:59");
    EXPECT_EQ(store::toSqlDateTime(date::sys_days{date::year{2028} / 2 / 29}), "2028-02-29 00:00:00");
    EXPECT_EQ(store::toSqlDate(date::year{2025} / 9 / 2), "2025-09-02");
}

TEST(SqlTime, AgreesWithDateFormatAndReadsBack) {
    std::mt19937_64 random(20261123);
    // Every second from year 1000 to 9999, sampled.
    const auto low = date::sys_seconds{date::sys_days{date::year{1000} / 1 / 1}}.time_since_epoch().count();
    const auto high = date::sys_seconds{date::sys_days{date::year{9999} / 12 / 31}}.time_since_epoch().count() + 86399;
    std::uniform_int_distribution<std::int64_t> pick(low, high);
    for (int i = 0; i < 20000; ++i) {
        const date::sys_seconds t{std::chrono::seconds{pick(random)}};
        const std::string text = store::toSqlDateTime(t);
        ASSERT_EQ(text, date::format("%F %T", t));
        ASSERT_EQ(store::fromSqlDateTime(text), t);
        const date::year_month_day day{date::floor<date::days>(t)};
        ASSERT_EQ(store::toSqlDate(day), date::format("%F", date::sys_days{day}));
        ASSERT_EQ(store::fromSqlDate(store::toSqlDate(day)), day);
    }
}

}  // namespace
}  // namespace motcua
