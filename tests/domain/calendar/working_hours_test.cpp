// Contract: the working sessions of an agency (default 07:00–11:30 and 13:30–17:00, 8 h; rules
// §5.2 after the Tân Dân software) and the 15:00 forwarding cut-off (NĐ 61/2018 Đ18). Sessions
// are validated when built: in order, not overlapping, within the day.

#include "domain/calendar/working_hours.h"

#include "domain/core/error.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::domain {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr seconds at(int h, int m) { return hours{h} + minutes{m}; }

TEST(WorkingHours, DefaultsToTwoSessionsOfEightHoursAndCutOffAt15) {
    const WorkingHours working_hours;
    ASSERT_EQ(working_hours.sessions().size(), 2U);
    EXPECT_EQ(working_hours.sessions()[0], (WorkSession{hours{7}, hours{11} + minutes{30}}));
    EXPECT_EQ(working_hours.sessions()[1], (WorkSession{hours{13} + minutes{30}, hours{17}}));
    EXPECT_EQ(working_hours.dayLength(), WorkingMinutes{480});
    EXPECT_EQ(working_hours.forwardingCutOff(), hours{15});
    EXPECT_EQ(working_hours.endOfDay(), hours{17});
}

TEST(WorkingHours, MeasuresWorkedTimeAcrossTheLunchBreak) {
    const WorkingHours working_hours;
    const struct {
        seconds time_of_day;
        seconds worked;
        const char* description;
    } kRows[] = {
        {at(6, 0), at(0, 0), "before opening"},
        {at(7, 0), at(0, 0), "opening"},
        {at(9, 32), at(2, 32), "morning"},
        {at(11, 30), at(4, 30), "end of the morning session"},
        {at(12, 15), at(4, 30), "lunch"},
        {at(13, 30), at(4, 30), "start of the afternoon session"},
        {at(15, 0), at(6, 0), "cut-off"},
        {at(16, 59), at(7, 59), "one minute before closing"},
        {at(17, 0), at(8, 0), "closing"},
        {at(23, 0), at(8, 0), "evening"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        EXPECT_EQ(working_hours.workedBefore(row.time_of_day), row.worked);
    }
}

TEST(WorkingHours, NamesBoundaryInstantsByTheRequestedEdge) {
    const WorkingHours working_hours;
    EXPECT_EQ(working_hours.timeOfDayAt(at(4, 30), SessionEdge::EndOfPrevious), at(11, 30));
    EXPECT_EQ(working_hours.timeOfDayAt(at(4, 30), SessionEdge::StartOfNext), at(13, 30));
    EXPECT_EQ(working_hours.timeOfDayAt(at(8, 0), SessionEdge::EndOfPrevious), at(17, 0));
    EXPECT_EQ(working_hours.timeOfDayAt(at(0, 0), SessionEdge::StartOfNext), at(7, 0));
    EXPECT_EQ(working_hours.timeOfDayAt(at(0, 0), SessionEdge::EndOfPrevious), at(7, 0));
    EXPECT_EQ(working_hours.timeOfDayAt(at(5, 0), SessionEdge::EndOfPrevious), at(14, 0));
}

TEST(WorkingHours, AcceptsAgencySpecificSessions) {
    // A northern-province summer timetable: 07:30–11:30, 13:00–17:00 and a Saturday-free week.
    const WorkingHours summer({{hours{7} + minutes{30}, hours{11} + minutes{30}}, {hours{13}, hours{17}}}, hours{15});
    EXPECT_EQ(summer.dayLength(), WorkingMinutes{480});
    const WorkingHours single({{hours{8}, hours{12}}}, hours{11});
    EXPECT_EQ(single.dayLength(), WorkingMinutes{240});
    EXPECT_EQ(single.timeOfDayAt(at(4, 0), SessionEdge::StartOfNext), at(12, 0));
}

TEST(WorkingHours, RejectsInvalidSessions) {
    const struct {
        std::vector<WorkSession> sessions;
        minutes cut_off;
        const char* description;
    } kRows[] = {
        {{}, hours{15}, "no session"},
        {{{hours{13}, hours{17}}, {hours{7}, hours{11}}}, hours{15}, "out of order"},
        {{{hours{7}, hours{12}}, {hours{11}, hours{17}}}, hours{15}, "overlapping"},
        {{{hours{9}, hours{9}}}, hours{15}, "empty session"},
        {{{hours{10}, hours{9}}}, hours{15}, "reversed session"},
        {{{hours{20}, hours{25}}}, hours{15}, "past midnight"},
        {{{minutes{-5}, hours{9}}}, hours{15}, "before midnight"},
        {{{hours{7}, hours{17}}}, hours{25}, "cut-off outside the day"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        try {
            const WorkingHours working_hours(row.sessions, row.cut_off);
            ADD_FAILURE() << "accepted";
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
            EXPECT_NE(error.userMessage().find("Giờ làm việc"), std::string::npos);
        }
    }
}

}  // namespace
}  // namespace motcua::domain
