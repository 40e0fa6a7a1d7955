// Contract: the official day-off schedules for công chức, viên chức of 2024, 2025 and 2026
// (domain rules §5.4: VPCP công văn 2450/VPCP-KGVX 2024, 8726/VPCP-KGVX 2024, 12729/VPCP-KGVX
// 2025 and press). Every non-working Monday–Friday and every make-up Saturday below is written
// by hand from that table, not generated.

#include "domain/calendar/official_schedules.h"

#include "domain/calendar/working_calendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::domain {
namespace {

using date::local_days;

local_days day(int y, unsigned m, unsigned d) {
    return local_days{date::year{y} / date::month{m} / date::day{d}};
}

std::string show(local_days value) { return date::format("%F", value); }

struct Row {
    local_days day;
    DayKind kind;
};

constexpr DayKind H = DayKind::Holiday;
constexpr DayKind O = DayKind::DayOff;
constexpr DayKind C = DayKind::Compensatory;
constexpr DayKind W = DayKind::WorkingSaturday;

const std::vector<Row> kExpected2024 = {
    {day(2024, 1, 1), H},    // Tết Dương lịch (Sat 30/12/2023 – Mon 01/01)
    {day(2024, 2, 8), H},    // Tết: Thu 08/02 – Wed 14/02
    {day(2024, 2, 9), H},    //
    {day(2024, 2, 12), H},   //
    {day(2024, 2, 13), H},   //
    {day(2024, 2, 14), H},   //
    {day(2024, 4, 18), H},   // Giỗ Tổ Thu 18/04
    {day(2024, 4, 29), O},   // Mon 29/04 swapped …
    {day(2024, 4, 30), H},   //
    {day(2024, 5, 1), H},    //
    {day(2024, 5, 4), W},    // … làm bù Sat 04/05 (2450/VPCP-KGVX)
    {day(2024, 9, 2), H},    // Quốc khánh Mon 02/9 + Tue 03/9
    {day(2024, 9, 3), H},    //
};

const std::vector<Row> kExpected2025 = {
    {day(2025, 1, 1), H},    // Tết Dương lịch Wed 01/01
    {day(2025, 1, 27), H},   // Tết: Mon 27/01 – Fri 31/01 (8726/VPCP-KGVX)
    {day(2025, 1, 28), H},   //
    {day(2025, 1, 29), H},   //
    {day(2025, 1, 30), H},   //
    {day(2025, 1, 31), H},   //
    {day(2025, 4, 7), H},    // Giỗ Tổ Mon 07/04
    {day(2025, 4, 26), W},   // làm bù Sat 26/04 …
    {day(2025, 4, 30), H},   //
    {day(2025, 5, 1), H},    //
    {day(2025, 5, 2), O},    // … for Fri 02/05
    {day(2025, 9, 1), H},    // Quốc khánh Mon 01/9 + Tue 02/9
    {day(2025, 9, 2), H},    //
};

const std::vector<Row> kExpected2026 = {
    {day(2026, 1, 1), H},    // Tết Dương lịch Thu 01/01
    {day(2026, 1, 2), O},    // Fri 02/01 swapped … (12729/VPCP-KGVX)
    {day(2026, 1, 10), W},   // … làm bù Sat 10/01
    {day(2026, 2, 16), H},   // Tết: Mon 16/02 – Fri 20/02
    {day(2026, 2, 17), H},   //
    {day(2026, 2, 18), H},   //
    {day(2026, 2, 19), H},   //
    {day(2026, 2, 20), H},   //
    {day(2026, 4, 27), C},   // nghỉ bù for Giỗ Tổ Sun 26/04
    {day(2026, 4, 30), H},   //
    {day(2026, 5, 1), H},    //
    {day(2026, 8, 22), W},   // làm bù Sat 22/08 …
    {day(2026, 8, 31), O},   // … for Mon 31/08
    {day(2026, 9, 1), H},    // Quốc khánh Tue 01/9 + Wed 02/9
    {day(2026, 9, 2), H},    //
    {day(2026, 11, 24), H},  // Ngày Văn hóa Việt Nam
};

void expectRows(const DayOffSchedule& schedule, const std::vector<Row>& expected) {
    ASSERT_EQ(schedule.days.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(show(expected[i].day));
        EXPECT_EQ(show(schedule.days[i].day), show(expected[i].day));
        EXPECT_EQ(schedule.days[i].kind, expected[i].kind);
        EXPECT_FALSE(schedule.days[i].name.empty());
    }
}

TEST(OfficialSchedules, ListsThe2024To2026SchedulesOfTheGovernment) {
    const std::vector<DayOffSchedule> schedules = officialSchedules2024To2026();
    ASSERT_EQ(schedules.size(), 3U);
    EXPECT_EQ(schedules[0].year, 2024);
    EXPECT_EQ(schedules[1].year, 2025);
    EXPECT_EQ(schedules[2].year, 2026);
    {
        SCOPED_TRACE("2024");
        expectRows(schedules[0], kExpected2024);
    }
    {
        SCOPED_TRACE("2025");
        expectRows(schedules[1], kExpected2025);
    }
    {
        SCOPED_TRACE("2026");
        expectRows(schedules[2], kExpected2026);
    }
}

TEST(OfficialSchedules, AreValidAndNamedInVietnamese) {
    for (const DayOffSchedule& schedule : officialSchedules2024To2026()) {
        SCOPED_TRACE(schedule.year);
        EXPECT_NO_THROW(validateSchedule(schedule));
    }
    const DayOffSchedule schedule2026 = officialSchedules2024To2026()[2];
    EXPECT_EQ(schedule2026.days.front().name, "Tết Dương lịch");
    EXPECT_EQ(schedule2026.days.back().name, "Ngày Văn hóa Việt Nam");
}

TEST(OfficialSchedules, DriveTheWorkingCalendarOfTheirYears) {
    const WorkingCalendar calendar(2024, 2026, officialSchedules2024To2026());
    const struct {
        local_days day;
        bool working;
        const char* description;
    } kRows[] = {
        {day(2024, 2, 8), false, "2024 Tết starts Thu 08/02"},
        {day(2024, 2, 15), true, "back to work Thu 15/02/2024"},
        {day(2024, 5, 4), true, "làm bù Sat 04/05/2024"},
        {day(2024, 4, 29), false, "swapped Mon 29/04/2024"},
        {day(2025, 4, 26), true, "làm bù Sat 26/04/2025"},
        {day(2025, 5, 2), false, "swapped Fri 02/05/2025"},
        {day(2025, 2, 3), true, "back to work Mon 03/02/2025"},
        {day(2026, 1, 2), false, "swapped Fri 02/01/2026"},
        {day(2026, 1, 10), true, "làm bù Sat 10/01/2026"},
        {day(2026, 1, 17), false, "ordinary Saturday 17/01/2026"},
        {day(2026, 2, 23), true, "back to work Mon 23/02/2026"},
        {day(2026, 4, 27), false, "nghỉ bù Mon 27/04/2026"},
        {day(2026, 8, 22), true, "làm bù Sat 22/08/2026"},
        {day(2026, 11, 23), true, "Mon 23/11/2026: the proposed swap is not confirmed"},
        {day(2026, 11, 24), false, "Ngày Văn hóa Việt Nam"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        EXPECT_EQ(calendar.isWorkingDay(row.day), row.working);
    }
}

}  // namespace
}  // namespace motcua::domain
