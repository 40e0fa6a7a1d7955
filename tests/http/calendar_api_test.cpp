// Contract (issue 3): GET /api/v1/calendar/{year} lists the non-working weekdays and working
// Saturdays of a year; GET /api/v1/calendar/deadline computes the due time; bad input gets a
// 4xx with a Vietnamese message. `motcua calendar` prints the same JSON.

#include "app/config.h"
#include "app/wiring.h"
#include "http/server.h"
#include "support/fixed_clock.h"
#include "support/http_client.h"
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
