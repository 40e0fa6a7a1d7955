// Contract (issue 3): GET /api/v1/calendar/{year} lists the non-working weekdays and working
// Saturdays of a year; GET /api/v1/calendar/deadline computes the due time; bad input gets a
// 4xx with a Vietnamese message. `motcua calendar` prints the same JSON.

#include "app/config.h"
#include "app/wiring.h"
#include "http/server.h"
#include "support/fixed_clock.h"
#include "support/http_client.h"
#include "service/auth_service.h"
#include "support/served_app.h"
#include "support/test_database.h"

#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>

namespace motcua {
namespace {

const date::sys_seconds kNow{std::chrono::seconds{1'795'000'000}};  // 2026-11-18

class CalendarApi : public ::testing::Test {
protected:
    test::HttpResult get(const std::string& path) { return app_.request("GET", path); }

    test::ServedApp app_{kNow};
    test::TestDatabase& db_ = app_.db;
};

TEST_F(CalendarApi, YearListsHolidaysWithKinds) {
    const auto r = get("/api/v1/calendar/2026");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.body.find(R"({"date":"2026-02-16","weekday":"Thứ Hai","name":"Tết Nguyên đán","kind":"holiday"})"),
              std::string::npos)
        << r.body;
    EXPECT_NE(r.body.find(R"("date":"2026-08-22")"), std::string::npos);
    EXPECT_NE(r.body.find(R"("kind":"working_saturday")"), std::string::npos);
}

TEST_F(CalendarApi, DeadlineMatchesTheLegalCount) {
    const auto r = get("/api/v1/calendar/deadline?received=2026-02-13T16%3A30%3A00%2B07%3A00&duration=5d");
    ASSERT_EQ(r.status, 200) << r.body;
    Poco::JSON::Parser parser;
    const auto obj = parser.parse(r.body).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(obj->getValue<std::string>("due_at"), "2026-02-27T17:00:00+07:00");
    EXPECT_EQ(obj->getValue<int>("working_days_counted"), 5);
}

TEST_F(CalendarApi, BadInputGetsClearVietnameseErrors) {
    struct Case {
        const char* path;
        int status;
        const char* message_part;
    };
    const Case cases[] = {
        {"/api/v1/calendar/deadline?duration=5d", 422, "Thiếu thời điểm tiếp nhận"},
        {"/api/v1/calendar/deadline?received=hôm-nay&duration=5d", 422, "không hợp lệ"},
        {"/api/v1/calendar/deadline?received=2026-02-13T16:30:00Z&duration=5x", 422, ""},
        {"/api/v1/calendar/deadline?received=2026-02-13T16:30:00Z&duration=5d&channel=fax", 422, "Kênh tiếp nhận"},
        {"/api/v1/calendar/deadline?received=2026-02-13T16:30:00Z&duration=5d&agency=KHONG.CO", 404, "Không có cơ quan"},
        {"/api/v1/calendar/20x6", 422, "Năm"},
        {"/api/v1/calendar/1800", 422, "1900"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.path);
        const auto r = get(c.path);
        EXPECT_EQ(r.status, c.status) << r.body;
        EXPECT_NE(r.body.find(c.message_part), std::string::npos) << r.body;
        EXPECT_NE(r.body.find("\"code\""), std::string::npos);
    }
}

std::string runCli(const std::string& env, const std::string& args) {
    const std::string command = "env " + env + " " + MOTCUA_BINARY + " " + args + " 2>/dev/null";
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    std::array<char, 4096> buf{};
    while (pipe != nullptr && std::fgets(buf.data(), buf.size(), pipe) != nullptr) out += buf.data();
    if (pipe != nullptr) ::pclose(pipe);
    return out;
}

TEST_F(CalendarApi, CommandLinePrintsTheSameJsonAsTheApi) {
    const std::string env = "MOTCUA_DB_URL='" + db_.url().toString() + "'";
    EXPECT_EQ(runCli(env, "calendar holidays --year 2026"), get("/api/v1/calendar/2026").body + "\n");
    const std::string cli = runCli(env, "calendar deadline --received 2026-02-13T16:30:00+07:00 --duration 5d");
    EXPECT_NE(cli.find(R"("due_at":"2026-02-27T17:00:00+07:00")"), std::string::npos) << cli;
    EXPECT_NE(cli.find(R"("working_days_counted":5)"), std::string::npos) << cli;
}

}  // namespace
}  // namespace motcua

namespace motcua {
namespace {

class CalendarAdminApi : public ::testing::Test {
protected:
    void SetUp() override {
        app_.wiring->auth().createUser("admin", "Quản trị", domain::Role::Admin, "000.00.00.H56", "quan-tri-2026");
        app_.wiring->auth().createUser("tiepnhan", "Cán bộ", domain::Role::DeskOfficer, "000.00.06.H56", "tiep-nhan-2026");
        admin_ = app_.login("admin", "quan-tri-2026");
        desk_ = app_.login("tiepnhan", "tiep-nhan-2026");
    }
    test::ServedApp app_{kNow, [](test::TestDatabase& db) {
                             const auto root = db.insertAgency("000.00.00.H56", "UBND tỉnh");
                             db.insertAgency("000.00.06.H56", "Sở Tư pháp", root);
                         }};
    test::ServedApp::Login admin_;
    test::ServedApp::Login desk_;
};

// Tết 2027 from Thu 04/02 (28 tháng Chạp) instead of the computed Fri 05/02, so Thu 11/02 works.
const char* kSchedule2027 = R"({"effective_from":"2026-12-01T00:00:00+07:00","source":"Công văn số 1/VPCP-KGVX",
  "days":[{"date":"2027-01-01","kind":"holiday","name":"Tết Dương lịch"},
          {"date":"2027-02-04","kind":"holiday","name":"Tết Nguyên đán"},
          {"date":"2027-02-05","kind":"holiday","name":"Tết Nguyên đán"},
          {"date":"2027-02-08","kind":"holiday","name":"Tết Nguyên đán"},
          {"date":"2027-02-09","kind":"compensatory","name":"Nghỉ bù Tết Nguyên đán"},
          {"date":"2027-02-10","kind":"compensatory","name":"Nghỉ bù Tết Nguyên đán"},
          {"date":"2027-04-16","kind":"holiday","name":"Giỗ Tổ Hùng Vương"},
          {"date":"2027-04-30","kind":"holiday","name":"Ngày Chiến thắng"},
          {"date":"2027-05-03","kind":"compensatory","name":"Nghỉ bù Ngày Quốc tế Lao động"},
          {"date":"2027-09-02","kind":"holiday","name":"Quốc khánh"},
          {"date":"2027-09-03","kind":"holiday","name":"Quốc khánh"},
          {"date":"2027-11-24","kind":"holiday","name":"Ngày Văn hóa Việt Nam"}]})";

TEST_F(CalendarAdminApi, AdministratorAddsAVersionThatAppliesFromItsEffectiveInstant) {
    const auto added = app_.as(admin_, "POST", "/api/v1/calendar/2027/versions", kSchedule2027);
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_NE(added.body.find("\"version\":1"), std::string::npos);
    EXPECT_NE(added.body.find("\"created_by\":\"admin\""), std::string::npos);
    // 2026-11-18 now: not yet effective, the computed 2027 rules apply (Tết 2027 = 5–9/2 by
    // default, the weekend days made up on 10 and 11/02).
    const auto before = app_.request("GET", "/api/v1/calendar/2027");
    EXPECT_NE(before.body.find("\"2027-02-11\""), std::string::npos) << before.body;
    EXPECT_EQ(before.body.find("\"2027-02-04\""), std::string::npos);
    app_.clock.set(app_.clock.now() + std::chrono::hours(24 * 14));
    const auto after = app_.request("GET", "/api/v1/calendar/2027");
    EXPECT_EQ(after.body.find("\"2027-02-11\""), std::string::npos) << after.body;
    EXPECT_NE(after.body.find("\"2027-02-04\""), std::string::npos);
    desk_ = app_.login("tiepnhan", "tiep-nhan-2026");  // two weeks later the old session has expired
    const auto versions = app_.as(desk_, "GET", "/api/v1/calendar/2027/versions");
    EXPECT_EQ(versions.status, 200);
    EXPECT_NE(versions.body.find("Công văn số 1/VPCP-KGVX"), std::string::npos);
}

TEST_F(CalendarAdminApi, OnlyAdministratorsChangeTheCalendarAndBadInputChangesNothing) {
    EXPECT_EQ(app_.request("POST", "/api/v1/calendar/2027/versions", kSchedule2027).status, 401);
    EXPECT_EQ(app_.as(desk_, "POST", "/api/v1/calendar/2027/versions", kSchedule2027).status, 403);
    const auto weekend = app_.as(admin_, "POST", "/api/v1/calendar/2027/versions",
                                 R"({"effective_from":"2026-12-01T00:00:00+07:00","source":"CV",
                                     "days":[{"date":"2027-01-02","kind":"holiday","name":"Thứ Bảy"}]})");
    EXPECT_EQ(weekend.status, 422) << weekend.body;
    const auto bad_kind = app_.as(admin_, "POST", "/api/v1/calendar/2027/versions",
                                  R"({"effective_from":"2026-12-01T00:00:00+07:00","source":"CV",
                                      "days":[{"date":"2027-01-04","kind":"party","name":"?"}]})");
    EXPECT_EQ(bad_kind.status, 422) << bad_kind.body;
    EXPECT_NE(bad_kind.body.find("days[0]"), std::string::npos);
    EXPECT_EQ(app_.as(admin_, "POST", "/api/v1/calendar/2027/versions", "{not json").status, 400);
    // A version replaces the whole year: one that leaves out the holidays the law fixes would
    // make Tết, 30/4 and 2/9 working days.
    const auto empty = app_.as(admin_, "POST", "/api/v1/calendar/2027/versions",
                               R"({"effective_from":"2026-12-01T00:00:00+07:00","source":"CV","days":[]})");
    EXPECT_EQ(empty.status, 422) << empty.body;
    EXPECT_NE(empty.body.find("\"field\":\"days\""), std::string::npos) << empty.body;
    for (const char* day : {"01/01/2027 (Tết Dương lịch)", "08/02/2027 (Tết Nguyên đán)", "16/04/2027 (Giỗ Tổ Hùng Vương)",
                            "30/04/2027", "02/09/2027", "24/11/2027"}) {
        EXPECT_NE(empty.body.find(day), std::string::npos) << day << " in " << empty.body;
    }
    EXPECT_EQ(empty.body.find("03/09/2027"), std::string::npos) << "the day next to 2/9 is the Thủ tướng's choice";
    std::string without_national_day = kSchedule2027;
    const auto national_day = without_national_day.find(R"({"date":"2027-09-02")");
    without_national_day.erase(national_day, without_national_day.find('}', national_day) + 2 - national_day);
    const auto partial = app_.as(admin_, "POST", "/api/v1/calendar/2027/versions", without_national_day);
    EXPECT_EQ(partial.status, 422) << partial.body;
    EXPECT_NE(partial.body.find("02/09/2027 (Quốc khánh)"), std::string::npos) << partial.body;
    EXPECT_EQ(partial.body.find("01/01/2027"), std::string::npos);
    EXPECT_EQ(app_.as(admin_, "GET", "/api/v1/calendar/2027/versions").body, "[]");
}

TEST_F(CalendarAdminApi, AgencyWorkingHoursChangeItsDeadlines) {
    const std::string path =
        "/api/v1/calendar/deadline?received=2026-11-19T08:00:00%2B07:00&duration=1d&agency=000.00.06.H56";
    EXPECT_NE(app_.request("GET", path).body.find("\"due_at\":\"2026-11-20T08:00:00+07:00\""), std::string::npos);
    const auto set = app_.as(admin_, "PUT", "/api/v1/agencies/000.00.06.H56/working-hours",
                             R"({"sessions":"07:30-11:30","forwarding_cutoff":"10:00"})");
    ASSERT_EQ(set.status, 200) << set.body;
    // One session 07:30–11:30 makes a 4-hour working day: 1 day from Thu 08:00 is 3.5 h on Thursday
    // and 0.5 h on Friday → Fri 08:00.
    EXPECT_NE(app_.request("GET", path).body.find("\"due_at\":\"2026-11-20T08:00:00+07:00\""), std::string::npos);
    const std::string hours_path =
        "/api/v1/calendar/deadline?received=2026-11-19T08:00:00%2B07:00&duration=2h&agency=000.00.06.H56";
    EXPECT_NE(app_.request("GET", hours_path).body.find("\"due_at\":\"2026-11-19T10:00:00+07:00\""), std::string::npos);
    const std::string late =
        "/api/v1/calendar/deadline?received=2026-11-19T10:30:00%2B07:00&duration=2h&agency=000.00.06.H56";
    // After the 10:00 cut-off: counted from Fri 07:30 → due Fri 09:30.
    EXPECT_NE(app_.request("GET", late).body.find("\"due_at\":\"2026-11-20T09:30:00+07:00\""), std::string::npos);
    const auto overlap = app_.as(admin_, "PUT", "/api/v1/agencies/000.00.06.H56/working-hours",
                                 R"({"sessions":"07:00-12:00,11:00-17:00","forwarding_cutoff":"15:00"})");
    EXPECT_EQ(overlap.status, 422) << overlap.body;
    // A time of day is two digits, a colon and two digits: "0x:30" is not 00:30, nor "11:3x" 11:03.
    for (const char* sessions : {"0x:30-11:30", "07:30-11:3x", "07:30-24:30"}) {
        const auto bad = app_.as(admin_, "PUT", "/api/v1/agencies/000.00.06.H56/working-hours",
                                 std::string(R"({"sessions":")") + sessions + R"(","forwarding_cutoff":"15:00"})");
        EXPECT_EQ(bad.status, 422) << sessions << ": " << bad.body;
    }
    // A misspelt or missing key is refused, not replaced by the default hours.
    for (const char* body : {R"({"sesions":"07:30-11:30"})", R"({"sessions":"07:30-11:30"})", "{}"}) {
        const auto bad = app_.as(admin_, "PUT", "/api/v1/agencies/000.00.06.H56/working-hours", body);
        EXPECT_EQ(bad.status, 422) << body << ": " << bad.body;
    }
    EXPECT_NE(app_.request("GET", hours_path).body.find("\"due_at\":\"2026-11-19T10:00:00+07:00\""), std::string::npos);
    EXPECT_NE(app_.request("GET", late).body.find("\"due_at\":\"2026-11-20T09:30:00+07:00\""), std::string::npos);
    EXPECT_EQ(app_.as(admin_, "PUT", "/api/v1/agencies/KHONG.CO/working-hours",
                      R"({"sessions":"07:30-11:30","forwarding_cutoff":"10:00"})")
                  .status,
              404);
}

}  // namespace
}  // namespace motcua
