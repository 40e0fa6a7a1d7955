// Contract (issue 5): passwords are stored as salted PBKDF2 hashes; login opens a new session
// whose token travels only in an HttpOnly, SameSite cookie; every state-changing request needs
// the session's CSRF token and a same-origin Origin; repeated failures lock the login; a
// token planted before login is never adopted (no session fixation).

#include "app/config.h"
#include "app/wiring.h"
#include "domain/core/error.h"
#include "http/server.h"
#include "service/auth_service.h"
#include "service/password.h"
#include "support/fixed_clock.h"
#include "support/http_client.h"
#include "support/served_app.h"
#include "support/test_database.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

namespace motcua {
namespace {

const date::sys_seconds kNow{std::chrono::seconds{1'795'000'000}};

std::string sessionToken(const test::HttpResult& r) {
    for (const auto& cookie : r.set_cookies) {
        if (cookie.rfind("motcua_session=", 0) == 0) return cookie.substr(15, cookie.find(';') - 15);
    }
    return "";
}

class AuthApi : public ::testing::Test {
protected:
    void SetUp() override {
        app_.wiring->auth().createUser("tiepnhan", "Nguyễn Thị Hoa", domain::Role::DeskOfficer, "000.00.01.H56",
                                       "mat-khau-dung-2026");
    }
    test::HttpResult login(const std::string& user, const std::string& password,
                           std::vector<std::pair<std::string, std::string>> headers = {}) {
        return app_.request("POST", "/api/v1/auth/login",
                            R"({"username":")" + user + R"(","password":")" + password + R"("})", headers);
    }
    test::HttpResult me(const std::string& token) {
        return app_.request("GET", "/api/v1/auth/me", "", {{"Cookie", "motcua_session=" + token}});
    }

    test::ServedApp app_{kNow, [](test::TestDatabase& db) { db.insertAgency("000.00.01.H56", "Sở Tư pháp"); }};
    test::FixedClock& clock_ = app_.clock;
    test::TestDatabase& db_ = app_.db;
};

TEST_F(AuthApi, LoginSetsAnHttpOnlySameSiteCookieAndMeReturnsTheUser) {
    const auto r = login("tiepnhan", "mat-khau-dung-2026");
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(r.set_cookies.size(), 1u);
    EXPECT_NE(r.set_cookies[0].find("HttpOnly"), std::string::npos);
    EXPECT_NE(r.set_cookies[0].find("SameSite=Strict"), std::string::npos);
    EXPECT_NE(r.body.find("\"csrf_token\""), std::string::npos);
    const auto who = me(sessionToken(r));
    EXPECT_EQ(who.status, 200);
    EXPECT_NE(who.body.find("Nguyễn Thị Hoa"), std::string::npos);
    EXPECT_NE(who.body.find("\"role\":\"desk_officer\""), std::string::npos);
}

TEST_F(AuthApi, WrongPasswordAndUnknownUserGetTheSameAnswer) {
    const auto wrong = login("tiepnhan", "sai-mat-khau");
    const auto unknown = login("khongco", "sai-mat-khau");
    const auto full_name = login("Nguyễn Thị Hoa", "sai-mat-khau");  // typed instead of the username
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(full_name.status, 401) << full_name.body;
    EXPECT_NE(wrong.body.find("Tên đăng nhập hoặc mật khẩu không đúng"), std::string::npos);
    EXPECT_EQ(wrong.body.substr(0, wrong.body.find("request_id")), unknown.body.substr(0, unknown.body.find("request_id")));
    EXPECT_TRUE(wrong.set_cookies.empty());
}

TEST_F(AuthApi, LocksTheLoginAfterRepeatedFailures) {
    for (int i = 0; i < service::AuthService::kMaxFailures; ++i) EXPECT_EQ(login("tiepnhan", "sai").status, 401);
    const auto locked = login("tiepnhan", "mat-khau-dung-2026");
    EXPECT_EQ(locked.status, 403);
    EXPECT_NE(locked.body.find("thử lại sau"), std::string::npos);
    clock_.advance(std::chrono::minutes(16));
    EXPECT_EQ(login("tiepnhan", "mat-khau-dung-2026").status, 200);
}

TEST_F(AuthApi, StateChangingRequestsNeedTheCsrfToken) {
    const auto r = login("tiepnhan", "mat-khau-dung-2026");
    const std::string token = sessionToken(r);
    Poco::JSON::Parser parser;
    const std::string csrf = parser.parse(r.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("csrf_token");
    const auto without = app_.request("POST", "/api/v1/auth/logout", "{}",
                                           {{"Cookie", "motcua_session=" + token}});
    EXPECT_EQ(without.status, 403);
    const auto wrong = app_.request("POST", "/api/v1/auth/logout", "{}",
                                         {{"Cookie", "motcua_session=" + token}, {"X-CSRF-Token", csrf + "x"}});
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(me(token).status, 200);  // still signed in: nothing happened
    const auto cross = app_.request("POST", "/api/v1/auth/logout", "{}",
                                         {{"Cookie", "motcua_session=" + token}, {"X-CSRF-Token", csrf},
                                          {"Origin", "http://evil.example"}});
    EXPECT_EQ(cross.status, 403);
    const auto ok = app_.request("POST", "/api/v1/auth/logout", "{}",
                                      {{"Cookie", "motcua_session=" + token}, {"X-CSRF-Token", csrf}});
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(me(token).status, 401);
}

TEST_F(AuthApi, APlantedSessionTokenIsNeverAdopted) {
    const std::string planted = "attacker-chosen-token-value-0123456789abcdef";
    const auto r = login("tiepnhan", "mat-khau-dung-2026", {{"Cookie", "motcua_session=" + planted}});
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(sessionToken(r), planted);
    EXPECT_EQ(me(planted).status, 401);
    EXPECT_EQ(me(sessionToken(r)).status, 200);
}

TEST_F(AuthApi, SessionsExpireWhenIdle) {
    const std::string token = sessionToken(login("tiepnhan", "mat-khau-dung-2026"));
    clock_.advance(service::AuthService::kIdleTimeout + std::chrono::minutes(1));
    EXPECT_EQ(me(token).status, 401);
}

TEST_F(AuthApi, ASessionEndedByAnotherProcessStopsWorkingWithinTheRecheckTime) {
    const std::string token = sessionToken(login("tiepnhan", "mat-khau-dung-2026"));
    ASSERT_EQ(me(token).status, 200);
    // `motcua user passwd` in another process deletes the user's sessions in the database.
    db_.database().run([](store::Session& s) { s.execute("DELETE FROM user_sessions"); });
    EXPECT_EQ(me(token).status, 200);  // read less than kSessionRecheck ago: still trusted here
    clock_.advance(service::AuthService::kSessionRecheck);
    EXPECT_EQ(me(token).status, 401);
}

TEST_F(AuthApi, ANewPasswordEndsTheSessionsOfThisServerAtOnce) {
    const std::string token = sessionToken(login("tiepnhan", "mat-khau-dung-2026"));
    ASSERT_EQ(me(token).status, 200);
    app_.wiring->auth().setPassword("tiepnhan", "mat-khau-moi-2026-x");
    EXPECT_EQ(me(token).status, 401);
}

TEST_F(AuthApi, PasswordsAreStoredOnlyAsSaltedPbkdf2) {
    const std::string stored = db_.database().run([](store::Session& s) {
        std::unique_ptr<sql::ResultSet> rs(
            s.prepare("SELECT password_hash FROM users WHERE username = 'tiepnhan'").executeQuery());
        rs->next();
        return std::string(rs->getString(1));
    });
    EXPECT_EQ(stored.rfind("pbkdf2-sha256$310000$", 0), 0u) << stored;
    EXPECT_EQ(stored.find("mat-khau-dung-2026"), std::string::npos);
    EXPECT_TRUE(service::verifyPassword("mat-khau-dung-2026", stored));
    EXPECT_FALSE(service::verifyPassword("mat-khau-dung-2027", stored));
}

TEST(Password, SaltsDifferAndMalformedHashesNeverVerify) {
    const auto a = service::hashPassword("mot-mat-khau", 1000);
    const auto b = service::hashPassword("mot-mat-khau", 1000);
    EXPECT_NE(a, b);
    EXPECT_TRUE(service::verifyPassword("mot-mat-khau", a));
    for (const char* bad : {"", "plain", "pbkdf2-sha256$x$y$z", "md5$1000$AAAA$AAAA", "pbkdf2-sha256$10$AAAA$AAAA"}) {
        EXPECT_FALSE(service::verifyPassword("mot-mat-khau", bad)) << bad;
    }
    EXPECT_THROW(service::checkPasswordStrength("1234567"), Error);
    EXPECT_THROW(service::checkPasswordStrength("123456789"), Error);
    EXPECT_NO_THROW(service::checkPasswordStrength("mot-mat-khau"));
}

}  // namespace
}  // namespace motcua
