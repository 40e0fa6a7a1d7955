// Contract: the due time ("hẹn trả kết quả") of a dossier.
// - Working days/hours are counted in working time from the first working instant after receipt
//   (rules §5.2, Tân Dân worked example: Fri 27/10/2023 09:32 + 5 working days → Fri 03/11/2023
//   09:32); a boundary is named as the end of the earlier session (17:00, 11:30).
// - Paper dossiers received after 15:00 count from the next working day (NĐ 61/2018 Đ18).
// - Calendar days start the day after and end at the end of the last day, moved to the next
//   working day if that is not one (BLDS 2015 Đ147–148).
// - Same-day procedures end at 17:00, or the next working day after 15:00 (rules §5.1).
// - Supplements restart the count (NĐ 61/2018 Đ19.4 as amended by NĐ 107/2021) or, in legacy
//   mode, pause it (rules §5.6).
// Every expected instant below is counted by hand on the 2026 calendar of rules §5.4.

#include "domain/deadline/deadline.h"

#include "domain/calendar/official_schedules.h"
#include "domain/core/error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::domain {
namespace {

using date::local_seconds;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const WorkingCalendar& calendar() {
    static const WorkingCalendar instance(2020, 2030, officialSchedules2024To2026());
    return instance;
}

const WorkingHours kHours;

local_seconds at(int y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
    return local_seconds{date::local_days{date::year{y} / date::month{mo} / date::day{d}}} + hours{h} +
           minutes{mi} + seconds{s};
}

std::string show(local_seconds instant) { return date::format("%a %F %T", instant); }

Deadline deadline(local_seconds received_at, const char* duration, ReceiptRule rule = ReceiptRule::CountFromReceipt) {
    return computeDeadline(calendar(), kHours, received_at, parseDuration(duration), rule);
}

constexpr ReceiptRule kOnline = ReceiptRule::CountFromReceipt;
constexpr ReceiptRule kPaper = ReceiptRule::ApplyCutOff;

struct Row {
    local_seconds received_at;
    const char* duration;
    ReceiptRule rule;
    local_seconds expected_start;
    local_seconds expected_due;
    const char* description;
};

void expectRows(const std::vector<Row>& rows) {
    for (const Row& row : rows) {
        SCOPED_TRACE(std::string(row.description) + " — received " + show(row.received_at) + " + " + row.duration);
        const Deadline result = deadline(row.received_at, row.duration, row.rule);
        EXPECT_EQ(show(result.counting_start), show(row.expected_start));
        EXPECT_EQ(show(result.due_at), show(row.expected_due));
    }
}

TEST(Deadline, ReproducesTheTanDanWorkedExample) {
    // rules §5.2: received Fri 27/10/2023 09:32, 5 working days → hẹn trả Fri 03/11/2023 09:32.
    const Deadline result = deadline(at(2023, 10, 27, 9, 32), "5d");
    EXPECT_EQ(show(result.counting_start), show(at(2023, 10, 27, 9, 32)));
    EXPECT_EQ(show(result.due_at), show(at(2023, 11, 3, 9, 32)));
    EXPECT_EQ(result.working_days_counted, WorkingDays{6});  // Fri, Mon–Fri
}

TEST(Deadline, CountsFromTheNextWorkingInstantAfterReceipt) {
    expectRows({
        {at(2026, 3, 9, 7, 0), "1d", kOnline, at(2026, 3, 9, 7, 0), at(2026, 3, 9, 17, 0),
         "07:00 + 1 day ends at 17:00 the same day, not 07:00 the next"},
        {at(2026, 3, 9, 6, 15), "1d", kOnline, at(2026, 3, 9, 7, 0), at(2026, 3, 9, 17, 0), "before opening"},
        {at(2026, 3, 9, 16, 59), "1d", kOnline, at(2026, 3, 9, 16, 59), at(2026, 3, 10, 16, 59), "16:59"},
        {at(2026, 3, 9, 17, 1), "1d", kOnline, at(2026, 3, 10, 7, 0), at(2026, 3, 10, 17, 0), "17:01"},
        {at(2026, 3, 9, 17, 0), "1d", kOnline, at(2026, 3, 10, 7, 0), at(2026, 3, 10, 17, 0), "17:00 sharp"},
        {at(2026, 3, 9, 12, 0), "1d", kOnline, at(2026, 3, 9, 13, 30), at(2026, 3, 10, 11, 30),
         "lunch counts from 13:30; the due instant is named 11:30"},
        {at(2026, 2, 16, 10, 0), "1d", kOnline, at(2026, 2, 23, 7, 0), at(2026, 2, 23, 17, 0),
         "received on a Tết holiday (Mon 16/02/2026)"},
        {at(2026, 1, 10, 9, 0), "1d", kOnline, at(2026, 1, 10, 9, 0), at(2026, 1, 12, 9, 0),
         "received on làm bù Saturday 10/01/2026, which is a working day"},
        {at(2026, 1, 17, 9, 0), "1d", kOnline, at(2026, 1, 19, 7, 0), at(2026, 1, 19, 17, 0),
         "received on an ordinary Saturday"},
        {at(2026, 8, 28, 16, 0), "1d", kOnline, at(2026, 8, 28, 16, 0), at(2026, 9, 3, 16, 0),
         "Fri 28/08/2026 over the swapped Monday and Quốc khánh"},
    });
}

TEST(Deadline, AppliesTheFifteenOClockCutOffToPaperDossiers) {
    // NĐ 61/2018 Đ18: "sau 15 giờ" — strictly after 15:00:00.
    expectRows({
        {at(2026, 3, 9, 15, 0, 0), "1d", kPaper, at(2026, 3, 9, 15, 0), at(2026, 3, 10, 15, 0), "15:00:00 is not after"},
        {at(2026, 3, 9, 15, 0, 1), "1d", kPaper, at(2026, 3, 10, 7, 0), at(2026, 3, 10, 17, 0), "15:00:01"},
        {at(2026, 3, 9, 16, 59), "1d", kPaper, at(2026, 3, 10, 7, 0), at(2026, 3, 10, 17, 0), "16:59 paper"},
        {at(2026, 3, 9, 16, 59), "1d", kOnline, at(2026, 3, 9, 16, 59), at(2026, 3, 10, 16, 59), "16:59 online"},
        {at(2026, 3, 13, 15, 30), "2d", kPaper, at(2026, 3, 16, 7, 0), at(2026, 3, 17, 17, 0), "Friday after 15:00"},
        {at(2026, 2, 13, 15, 30), "1d", kPaper, at(2026, 2, 23, 7, 0), at(2026, 2, 23, 17, 0), "last day before Tết"},
        {at(2026, 3, 14, 16, 0), "1d", kPaper, at(2026, 3, 16, 7, 0), at(2026, 3, 16, 17, 0), "Saturday afternoon"},
    });
}

TEST(Deadline, CountsWorkingDaysAcrossTet) {
    // Thu 12/02/2026 10:00 + 5 days = 40 h: Thu 5 h, Fri 13 8 h, [Tết 14–22/02], Mon 23, Tue 24,
    // Wed 25 8 h each, Thu 26 07:00–10:00.
    const Deadline result = deadline(at(2026, 2, 12, 10, 0), "5d");
    EXPECT_EQ(show(result.due_at), show(at(2026, 2, 26, 10, 0)));
    EXPECT_EQ(result.working_days_counted, WorkingDays{6});
    // 20 working days from Mon 02/02/2026 07:00 end on Fri 06/03 17:00 (Feb has 15 working days).
    EXPECT_EQ(show(deadline(at(2026, 2, 2, 7, 0), "20d").due_at), show(at(2026, 3, 6, 17, 0)));
}

TEST(Deadline, CountsWorkingHoursAcrossTheLunchBreakAndNight) {
    expectRows({
        {at(2026, 3, 9, 10, 30), "4h", kOnline, at(2026, 3, 9, 10, 30), at(2026, 3, 9, 16, 30), "1 h + 3 h"},
        {at(2026, 3, 9, 7, 30), "4h", kOnline, at(2026, 3, 9, 7, 30), at(2026, 3, 9, 11, 30),
         "ends at 11:30, not 13:30"},
        {at(2026, 3, 9, 11, 0), "2h", kOnline, at(2026, 3, 9, 11, 0), at(2026, 3, 9, 15, 0), "30 min + 1 h 30"},
        {at(2026, 3, 9, 16, 0), "2h", kOnline, at(2026, 3, 9, 16, 0), at(2026, 3, 10, 8, 0), "over the night"},
        {at(2026, 3, 9, 16, 59), "1h", kOnline, at(2026, 3, 9, 16, 59), at(2026, 3, 10, 7, 59), "16:59 + 1 h"},
        {at(2026, 3, 9, 17, 1), "1h", kOnline, at(2026, 3, 10, 7, 0), at(2026, 3, 10, 8, 0), "17:01 + 1 h"},
        {at(2026, 3, 13, 16, 0), "2h", kOnline, at(2026, 3, 13, 16, 0), at(2026, 3, 16, 8, 0), "over the weekend"},
        {at(2026, 2, 13, 16, 0), "2h", kOnline, at(2026, 2, 13, 16, 0), at(2026, 2, 23, 8, 0), "over Tết"},
        {at(2026, 3, 9, 7, 0), "8h", kOnline, at(2026, 3, 9, 7, 0), at(2026, 3, 9, 17, 0), "8 h = one day"},
    });
}

TEST(Deadline, CountsCalendarDaysFromTheNextDayToTheEndOfAWorkingDay) {
    // BLDS 2015 Đ147.2: starts the day after; Đ148.1 ends at the end of the last day; Đ148.5
    // a non-working last day moves to the next working day.
    expectRows({
        {at(2026, 3, 9, 10, 0), "10cd", kOnline, at(2026, 3, 10, 0, 0), at(2026, 3, 19, 17, 0), "Mon + 10 → Thu 19/03"},
        {at(2026, 3, 9, 10, 0), "5cd", kOnline, at(2026, 3, 10, 0, 0), at(2026, 3, 16, 17, 0),
         "last day Sat 14/03 → Mon 16/03"},
        {at(2026, 2, 11, 10, 0), "5cd", kOnline, at(2026, 2, 12, 0, 0), at(2026, 2, 23, 17, 0),
         "last day Mon 16/02 is Tết → Mon 23/02"},
        {at(2026, 3, 9, 16, 0), "1cd", kOnline, at(2026, 3, 10, 0, 0), at(2026, 3, 10, 17, 0), "online at 16:00"},
        {at(2026, 3, 9, 16, 0), "1cd", kPaper, at(2026, 3, 11, 0, 0), at(2026, 3, 11, 17, 0),
         "paper at 16:00 is received the next working day"},
        {at(2026, 3, 14, 10, 0), "1cd", kOnline, at(2026, 3, 17, 0, 0), at(2026, 3, 17, 17, 0),
         "received on a Saturday: counted from Monday"},
    });
    EXPECT_EQ(deadline(at(2026, 3, 9, 10, 0), "10cd").working_days_counted, WorkingDays{8});
}

TEST(Deadline, ReturnsSameDayProceduresByCloseOrNextWorkingDayAfterCutOff) {
    expectRows({
        {at(2026, 3, 9, 14, 0), "same_day", kOnline, at(2026, 3, 9, 14, 0), at(2026, 3, 9, 17, 0), "14:00"},
        {at(2026, 3, 9, 15, 30), "same_day", kOnline, at(2026, 3, 10, 7, 0), at(2026, 3, 10, 17, 0),
         "after 15:00, whatever the channel"},
        {at(2026, 3, 13, 15, 30), "same_day", kPaper, at(2026, 3, 16, 7, 0), at(2026, 3, 16, 17, 0), "Friday 15:30"},
        {at(2026, 3, 9, 6, 0), "same_day", kOnline, at(2026, 3, 9, 7, 0), at(2026, 3, 9, 17, 0), "before opening"},
        {at(2026, 3, 14, 10, 0), "same_day", kOnline, at(2026, 3, 16, 7, 0), at(2026, 3, 16, 17, 0), "Saturday"},
    });
}

TEST(Deadline, RejectsDurationsOutOfRange) {
    EXPECT_THROW(static_cast<void>(computeDeadline(calendar(), kHours, at(2026, 3, 9, 9, 0),
                                                   Duration{0, DurationUnit::WorkingDays}, kOnline)),
                 Error);
    EXPECT_THROW(static_cast<void>(computeDeadline(calendar(), kHours, at(2026, 3, 9, 9, 0),
                                                   Duration{-3, DurationUnit::WorkingHours}, kOnline)),
                 Error);
    // Beyond the calendar's last year.
    EXPECT_THROW(static_cast<void>(deadline(at(2030, 12, 20, 9, 0), "60d")), Error);
}

TEST(Deadline, RestartsTheCountWhenTheSupplementArrives) {
    // NĐ 61/2018 Đ19.4 (NĐ 107/2021): "tính lại từ đầu sau khi nhận đủ hồ sơ".
    const Duration five_days = parseDuration("5d");
    const std::vector<PauseInterval> pauses = {{at(2026, 3, 4, 10, 0), at(2026, 3, 9, 14, 0)}};
    const std::optional<Deadline> online = computeCurrentDeadline(calendar(), kHours, at(2026, 3, 2, 9, 0), five_days,
                                                                  kOnline, pauses, SupplementMode::Restart);
    ASSERT_TRUE(online.has_value());
    EXPECT_EQ(show(online->counting_start), show(at(2026, 3, 9, 14, 0)));
    EXPECT_EQ(show(online->due_at), show(at(2026, 3, 16, 14, 0)));

    // A paper supplement after 15:00 counts from the next working day.
    const std::vector<PauseInterval> late = {{at(2026, 3, 4, 10, 0), at(2026, 3, 9, 15, 30)}};
    const std::optional<Deadline> paper = computeCurrentDeadline(calendar(), kHours, at(2026, 3, 2, 9, 0), five_days,
                                                                 kPaper, late, SupplementMode::Restart);
    ASSERT_TRUE(paper.has_value());
    EXPECT_EQ(show(paper->due_at), show(at(2026, 3, 16, 17, 0)));
}

TEST(Deadline, ShiftsTheDueTimeByPausedWorkingTimeInLegacyMode) {
    // Received Mon 09/03/2026 09:00, 5 days → Mon 16/03 09:00. Paused Fri 13/03 16:00 → Mon
    // 16/03 08:00 over the weekend: 1 h on Friday + 1 h on Monday = 2 h → due Mon 16/03 11:00.
    const Duration five_days = parseDuration("5d");
    const std::vector<PauseInterval> weekend = {{at(2026, 3, 13, 16, 0), at(2026, 3, 16, 8, 0)}};
    const std::optional<Deadline> paused = computeCurrentDeadline(calendar(), kHours, at(2026, 3, 9, 9, 0), five_days,
                                                                  kOnline, weekend, SupplementMode::Pause);
    ASSERT_TRUE(paused.has_value());
    EXPECT_EQ(show(paused->counting_start), show(at(2026, 3, 9, 9, 0)));
    EXPECT_EQ(show(paused->due_at), show(at(2026, 3, 16, 11, 0)));

    // The same wait under Restart counts 5 days from Mon 16/03 08:00.
    const std::optional<Deadline> restarted = computeCurrentDeadline(
        calendar(), kHours, at(2026, 3, 9, 9, 0), five_days, kOnline, weekend, SupplementMode::Restart);
    ASSERT_TRUE(restarted.has_value());
    EXPECT_EQ(show(restarted->due_at), show(at(2026, 3, 23, 8, 0)));

    // Two pauses add up: 2 h + a whole working day (Tue 10/03 07:00 → Wed 11/03 07:00).
    const std::vector<PauseInterval> two = {{at(2026, 3, 10, 7, 0), at(2026, 3, 11, 7, 0)},
                                            {at(2026, 3, 13, 16, 0), at(2026, 3, 16, 8, 0)}};
    const std::optional<Deadline> twice = computeCurrentDeadline(calendar(), kHours, at(2026, 3, 9, 9, 0), five_days,
                                                                 kOnline, two, SupplementMode::Pause);
    ASSERT_TRUE(twice.has_value());
    EXPECT_EQ(show(twice->due_at), show(at(2026, 3, 17, 11, 0)));

    // A pause entirely outside working time changes nothing.
    const std::vector<PauseInterval> night = {{at(2026, 3, 10, 18, 0), at(2026, 3, 11, 6, 30)}};
    EXPECT_EQ(computeCurrentDeadline(calendar(), kHours, at(2026, 3, 9, 9, 0), five_days, kOnline, night,
                                     SupplementMode::Pause),
              deadline(at(2026, 3, 9, 9, 0), "5d"));
}

TEST(Deadline, HasNoDueTimeWhileWaitingForASupplement) {
    const std::vector<PauseInterval> open = {{at(2026, 3, 4, 10, 0), std::nullopt}};
    for (const SupplementMode mode : {SupplementMode::Restart, SupplementMode::Pause}) {
        EXPECT_FALSE(computeCurrentDeadline(calendar(), kHours, at(2026, 3, 2, 9, 0), parseDuration("5d"), kOnline,
                                            open, mode)
                         .has_value());
    }
    EXPECT_EQ(computeCurrentDeadline(calendar(), kHours, at(2026, 3, 2, 9, 0), parseDuration("5d"), kOnline, {},
                                     SupplementMode::Restart),
              deadline(at(2026, 3, 2, 9, 0), "5d"));
}

TEST(Deadline, RejectsMalformedPauses) {
    const local_seconds received = at(2026, 3, 9, 9, 0);
    const std::vector<std::vector<PauseInterval>> bad = {
        {{at(2026, 3, 6, 9, 0), at(2026, 3, 10, 9, 0)}},                                         // before receipt
        {{at(2026, 3, 10, 9, 0), at(2026, 3, 10, 8, 0)}},                                        // ends before start
        {{at(2026, 3, 10, 9, 0), at(2026, 3, 12, 9, 0)}, {at(2026, 3, 11, 9, 0), at(2026, 3, 13, 9, 0)}},  // overlap
        {{at(2026, 3, 10, 9, 0), std::nullopt}, {at(2026, 3, 11, 9, 0), at(2026, 3, 13, 9, 0)}},  // open, not last
    };
    for (std::size_t i = 0; i < bad.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_THROW(static_cast<void>(computeCurrentDeadline(calendar(), kHours, received, parseDuration("5d"),
                                                              kOnline, bad[i], SupplementMode::Pause)),
                     Error);
    }
}

TEST(Deadline, MeasuresRemainingAndOverdueWorkingTime) {
    const local_seconds due = at(2026, 3, 11, 11, 30);
    const struct {
        local_seconds now;
        std::int64_t minutes;
        const char* text;
        const char* description;
    } kRows[] = {
        {at(2026, 3, 9, 9, 0), 1110, "còn 2 ngày 2 giờ", "Mon 09:00: 6 h + 8 h + 4 h 30"},
        {at(2026, 3, 11, 10, 45), 45, "còn 45 phút", "45 minutes"},
        {at(2026, 3, 11, 11, 29, 30), 0, "còn 0 phút", "30 seconds left"},
        {due, 0, "còn 0 phút", "at the due instant"},
        {at(2026, 3, 11, 11, 30, 30), -1, "quá 1 phút", "30 seconds late"},
        {at(2026, 3, 11, 12, 30), -1, "quá 1 phút", "lunch after an 11:30 due time is still overdue"},
        {at(2026, 3, 11, 13, 45), -15, "quá 15 phút", "15 minutes into the afternoon"},
        {at(2026, 3, 13, 9, 30), -840, "quá 1 ngày 6 giờ", "Fri 09:30: 3 h 30 + 8 h + 2 h 30"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        const WorkingMinutes remaining = remainingWorkingTime(calendar(), kHours, row.now, due);
        EXPECT_EQ(remaining.count(), row.minutes);
        EXPECT_EQ(formatRemaining(remaining, kHours), row.text);
    }
    // Due Friday 17:00, seen on Saturday: overdue although no working time has passed.
    EXPECT_EQ(remainingWorkingTime(calendar(), kHours, at(2026, 3, 14, 10, 0), at(2026, 3, 13, 17, 0)),
              WorkingMinutes{-1});
    EXPECT_EQ(workingTimeBetween(calendar(), kHours, at(2026, 3, 14, 10, 0), at(2026, 3, 16, 8, 0)), WorkingMinutes{60});
    EXPECT_EQ(workingTimeBetween(calendar(), kHours, at(2026, 3, 16, 8, 0), at(2026, 3, 13, 16, 0)),
              WorkingMinutes{-120});
}

TEST(Deadline, FormatsRemainingTimeInVietnamese) {
    const struct {
        std::int64_t minutes;
        const char* text;
    } kRows[] = {
        {0, "còn 0 phút"},          {45, "còn 45 phút"},          {60, "còn 1 giờ"},
        {90, "còn 1 giờ 30 phút"},  {480, "còn 1 ngày"},          {480 + 59, "còn 1 ngày"},
        {2 * 480 + 180, "còn 2 ngày 3 giờ"}, {-(480 + 240), "quá 1 ngày 4 giờ"}, {-1, "quá 1 phút"},
        {-125, "quá 2 giờ 5 phút"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.minutes);
        EXPECT_EQ(formatRemaining(WorkingMinutes{row.minutes}, kHours), row.text);
    }
    // A 4-hour agency day: 5 h is 1 day 1 h.
    const WorkingHours half_day({{hours{7}, hours{11}}}, hours{10});
    EXPECT_EQ(formatRemaining(WorkingMinutes{300}, half_day), "còn 1 ngày 1 giờ");
}

TEST(Deadline, ClassifiesCompletionAsEarlyOnTimeOrLate) {
    // TT 01/2018 BM.05: "trước hạn / đúng hạn / quá hạn".
    const local_seconds due = at(2026, 3, 13, 17, 0);
    const struct {
        local_seconds finished_at;
        Timeliness expected;
        const char* description;
    } kRows[] = {
        {at(2026, 3, 12, 16, 0), Timeliness::Early, "the day before"},
        {at(2026, 3, 13, 8, 0), Timeliness::OnTime, "the due date, morning"},
        {at(2026, 3, 13, 17, 0, 0), Timeliness::OnTime, "the due instant"},
        {at(2026, 3, 13, 17, 0, 1), Timeliness::Late, "one second late"},
        {at(2026, 3, 16, 7, 0), Timeliness::Late, "next working day"},
    };
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.description);
        EXPECT_EQ(classifyCompletion(row.finished_at, due), row.expected);
    }
    EXPECT_EQ(timelinessCode(Timeliness::OnTime), "on_time");
    EXPECT_EQ(describeTimeliness(Timeliness::Early), "trước hạn");
    EXPECT_EQ(describeTimeliness(Timeliness::Late), "quá hạn");
}

TEST(Deadline, ExposesTheCountingStartForTheReceipt) {
    EXPECT_EQ(show(countingStart(calendar(), kHours, at(2026, 3, 9, 12, 0), kOnline)), show(at(2026, 3, 9, 13, 30)));
    EXPECT_EQ(show(countingStart(calendar(), kHours, at(2026, 3, 9, 15, 30), kPaper)), show(at(2026, 3, 10, 7, 0)));
    EXPECT_EQ(show(countingStart(calendar(), kHours, at(2026, 2, 14, 9, 0), kOnline)), show(at(2026, 2, 23, 7, 0)));
}

}  // namespace
}  // namespace motcua::domain
