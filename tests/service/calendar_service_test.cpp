// Contract (issue 3; rules §5.3–5.4): the calendar in force is the statutory rules overridden by
// the stored yearly schedules; the 2024–2026 schedules shipped as seed data equal the official
// ones; an administrator adds a new version of a year's schedule with an effective instant, and
// only deadlines computed from that instant on see it.

#include "domain/calendar/official_schedules.h"
#include "domain/core/error.h"
#include "domain/deadline/duration.h"
#include "service/calendar_service.h"
#include "service/local_time.h"
#include "support/fixed_clock.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

using namespace date::literals;

const service::LocalTime& hcm() {
    static const service::LocalTime lt("Asia/Ho_Chi_Minh");
    return lt;
}

date::sys_seconds at(const char* iso) { return hcm().parseIso(iso, "test"); }

TEST(CalendarService, SeededSchedulesEqualTheOfficialOnes) {
    test::TestDatabase db;
    test::FixedClock clock(at("2026-11-22T09:00:00+07:00"));
    service::CalendarService calendar(db.database(), clock, hcm());
    for (const auto& official : domain::officialSchedules2024To2026()) {
        SCOPED_TRACE(official.year);
        const auto versions = calendar.versions(official.year);
        ASSERT_EQ(versions.size(), 1u);
        std::vector<std::pair<date::local_days, bool>> seeded;
        for (const auto& d : versions.front().schedule.days) seeded.emplace_back(d.day, domain::isNonWorkingKind(d.kind));
        std::vector<std::pair<date::local_days, bool>> expected;
        for (const auto& d : official.days) expected.emplace_back(d.day, domain::isNonWorkingKind(d.kind));
        EXPECT_EQ(seeded, expected);
    }
}

TEST(CalendarService, DaysOf2026ListEveryNonWorkingWeekdayAndWorkingSaturday) {
    test::TestDatabase db;
    test::FixedClock clock(at("2026-11-22T09:00:00+07:00"));
    service::CalendarService calendar(db.database(), clock, hcm());
    std::vector<std::string> got;
    for (const auto& d : calendar.daysOfYear(2026)) {
        got.push_back(date::format("%F", d.day) + " " + std::string(domain::dayKindCode(d.kind)));
    }
    // rules §5.4, 2026 table (VPCP 12729/VPCP-KGVX; Tết approval 10/2025; NQ 28/2026/QH16).
    const std::vector<std::string> expected = {
        "2026-01-01 holiday", "2026-01-02 day_off", "2026-01-10 working_saturday", "2026-02-16 holiday",
        "2026-02-17 holiday", "2026-02-18 holiday", "2026-02-19 holiday", "2026-02-20 holiday",
        "2026-04-27 compensatory", "2026-04-30 holiday", "2026-05-01 holiday", "2026-08-22 working_saturday",
        "2026-08-31 day_off", "2026-09-01 holiday", "2026-09-02 holiday", "2026-11-24 holiday"};
    EXPECT_EQ(got, expected);
}

TEST(CalendarService, DeadlineOfAPaperDossierReceivedAfterCutOffBeforeTet) {
    test::TestDatabase db;
    test::FixedClock clock(at("2026-02-13T16:30:00+07:00"));
    service::CalendarService calendar(db.database(), clock, hcm());
    // Fri 13/02/2026 16:30, after 15:00 (NĐ 61/2018 Đ18); Tết off Sat 14 – Sun 22/02: counting
    // starts Mon 23/02 07:00 and 5 working days end Fri 27/02 17:00.
    const auto answer = calendar.deadline(at("2026-02-13T16:30:00+07:00"), domain::parseDuration("5d"), std::nullopt,
                                          domain::ReceiptRule::ApplyCutOff);
    EXPECT_EQ(hcm().formatIso(answer.counting_start), "2026-02-23T07:00:00+07:00");
    EXPECT_EQ(hcm().formatIso(answer.due_at), "2026-02-27T17:00:00+07:00");
    EXPECT_EQ(answer.working_days_counted, 5);
}

TEST(CalendarService, NewScheduleVersionAppliesOnlyFromItsEffectiveInstant) {
    test::TestDatabase db;
    test::FixedClock clock(at("2026-11-20T09:00:00+07:00"));
    service::CalendarService calendar(db.database(), clock, hcm());
    const auto before = calendar.deadline(at("2026-11-20T09:00:00+07:00"), domain::parseDuration("3d"), std::nullopt,
                                          domain::ReceiptRule::ApplyCutOff);
    // Fri 20/11 09:00 + 3 working days: Mon 23, Tue 24 is a holiday, Wed 25 → Thu 26/11 09:00.
    EXPECT_EQ(hcm().formatIso(before.due_at), "2026-11-26T09:00:00+07:00");

    // An (unconfirmed) proposal: Mon 23/11 off, made up on Sat 28/11; effective from 21/11.
    auto schedule = calendar.versions(2026).back().schedule;
    schedule.days.push_back({date::local_days{2026_y / 11 / 23}, domain::DayKind::DayOff, "Nghỉ hoán đổi dịp 24/11"});
    schedule.days.push_back({date::local_days{2026_y / 11 / 28}, domain::DayKind::WorkingSaturday, "Làm bù cho ngày 23/11"});
    std::sort(schedule.days.begin(), schedule.days.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
    const auto added = calendar.addScheduleVersion(schedule, at("2026-11-21T00:00:00+07:00"), "Công văn thử nghiệm", "admin");
    EXPECT_EQ(added.version, 2);

    // Still 20/11: the new version is not yet effective; the same computation gives the same answer.
    const auto same = calendar.deadline(at("2026-11-20T09:00:00+07:00"), domain::parseDuration("3d"), std::nullopt,
                                        domain::ReceiptRule::ApplyCutOff);
    EXPECT_EQ(same.due_at, before.due_at);

    clock.set(at("2026-11-21T08:00:00+07:00"));
    const auto after = calendar.deadline(at("2026-11-20T09:00:00+07:00"), domain::parseDuration("3d"), std::nullopt,
                                         domain::ReceiptRule::ApplyCutOff);
    // Mon 23 and Tue 24 off now: Wed 25, Thu 26, Fri 27 → Fri 27/11 09:00.
    EXPECT_EQ(hcm().formatIso(after.due_at), "2026-11-27T09:00:00+07:00");
    ASSERT_EQ(calendar.versions(2026).size(), 2u);
    EXPECT_EQ(calendar.versions(2026).front().version, 1);  // the old version is kept, unchanged
}

TEST(CalendarService, RejectsAMalformedScheduleAndStoresNothing) {
    test::TestDatabase db;
    test::FixedClock clock(at("2026-11-20T09:00:00+07:00"));
    service::CalendarService calendar(db.database(), clock, hcm());
    domain::DayOffSchedule bad{2027, {{date::local_days{2027_y / 1 / 2}, domain::DayKind::Holiday, "Thứ Bảy"}}};
    EXPECT_THROW(calendar.addScheduleVersion(bad, at("2026-12-01T00:00:00+07:00"), "CV", "admin"), Error);
    EXPECT_TRUE(calendar.versions(2027).empty());
}

TEST(CalendarService, UnknownAgencyIsNotFound) {
    test::TestDatabase db;
    test::FixedClock clock(at("2026-11-20T09:00:00+07:00"));
    service::CalendarService calendar(db.database(), clock, hcm());
    try {
        calendar.deadline(at("2026-11-20T09:00:00+07:00"), domain::parseDuration("1d"), std::string("000.00.00.H99"),
                          domain::ReceiptRule::ApplyCutOff);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
    }
}

TEST(LocalTime, ParsesOffsetsZuluAndLocalTimeAlike) {
    EXPECT_EQ(hcm().parseIso("2026-02-13T16:30:00+07:00", "f"), hcm().parseIso("2026-02-13T09:30:00Z", "f"));
    EXPECT_EQ(hcm().parseIso("2026-02-13T16:30", "f"), hcm().parseIso("2026-02-13T16:30:00+0700", "f"));
    EXPECT_EQ(hcm().formatIso(hcm().parseIso("2026-02-13T09:30:00Z", "f")), "2026-02-13T16:30:00+07:00");
    for (const char* bad : {"", "2026-02-13", "2026-02-30T10:00:00+07:00", "2026-02-13T16:30:00+25:00",
                            "2026-02-13T16:30:00+07:00junk", "13/02/2026 16:30",
                            "1026-02-13T16:30", "1970-01-01T00:00:00Z", "2101-01-01T00:00:00+07:00"}) {
        SCOPED_TRACE(bad);
        EXPECT_THROW(hcm().parseIso(bad, "received"), Error);
    }
}

}  // namespace
}  // namespace motcua
