// Contract (issue 5; STYLE.md 10): every template loads and renders; pages escape user text;
// a signed-out visitor is sent to the sign-in page and back; sign-in and sign-out work with
// forms, CSRF-protected, and never redirect off the site.

#include "domain/core/error.h"
#include "service/auth_service.h"
#include "support/served_app.h"
#include "web/template_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace motcua {
namespace {

const date::sys_seconds kNow{std::chrono::seconds{1'795'000'000}};

std::string cookieFrom(const test::HttpResult& r) {
    for (const auto& c : r.set_cookies) {
        if (c.rfind("motcua_session=", 0) == 0) return c.substr(0, c.find(';'));
    }
    return "";
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
    const auto a = text.find(open);
    if (a == std::string::npos) return "";
    const auto b = text.find(close, a + open.size());
    return text.substr(a + open.size(), b - a - open.size());
}

class WebPages : public ::testing::Test {
protected:
    void SetUp() override {
        app_.wiring->auth().createUser("tiepnhan", "Nguyễn <b>Hoa</b>", domain::Role::DeskOfficer, "000.00.06.H56",
                                       "mat-khau-dung-2026");
    }
    std::string signIn() {
        const auto r = app_.request("POST", "/dang-nhap", "username=tiepnhan&password=mat-khau-dung-2026&next=%2F",
                                    {{"Content-Type", "application/x-www-form-urlencoded"}});
        EXPECT_EQ(r.status, 303);
        return cookieFrom(r);
    }
    test::ServedApp app_{kNow, [](test::TestDatabase& db) { db.insertAgency("000.00.06.H56", "Sở Tư pháp"); }};
};

TEST(TemplateSet, EveryTemplateLoadsAndRendersWithEmptyData) {
    const web::TemplateSet templates(test::sourceDir() + "/templates");
    ASSERT_FALSE(templates.names().empty());
    for (const auto& name : templates.names()) {
        SCOPED_TRACE(name);
        EXPECT_NO_THROW(templates.render(name, web::Data{}));
    }
    EXPECT_NE(templates.staticFile("motcua.css"), nullptr);
}

TEST(TemplateSet, AnInvalidTemplateStopsStartUpNamingTheFile) {
    const auto dir = std::filesystem::temp_directory_path() / ("motcua-tpl-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "pages");
    {
        std::ofstream bad(dir / "pages" / "broken.mustache");
        bad << "{{#open}} never closed";
    }
    try {
        web::TemplateSet templates(dir);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(e.userMessage().find("pages/broken.mustache"), std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST_F(WebPages, SignedOutVisitorIsSentToSignInAndBack) {
    const auto r = app_.request("GET", "/");
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.headers.at("Location").rfind("/dang-nhap?next=", 0), 0u);
    const auto login = app_.request("GET", "/dang-nhap?next=%2F");
    EXPECT_EQ(login.status, 200);
    EXPECT_NE(login.body.find("Đăng nhập"), std::string::npos);
}

TEST_F(WebPages, SignInShowsTheUserWithTheirTextEscaped) {
    const std::string cookie = signIn();
    ASSERT_FALSE(cookie.empty());
    const auto home = app_.request("GET", "/", "", {{"Cookie", cookie}});
    ASSERT_EQ(home.status, 200);
    EXPECT_NE(home.body.find("Nguyễn &lt;b&gt;Hoa&lt;/b&gt;"), std::string::npos)
        << between(home.body, "<h1>", "</h1>");
    EXPECT_EQ(home.body.find("<b>Hoa</b>"), std::string::npos);
}

TEST_F(WebPages, WrongPasswordStaysOnTheFormWithAMessage) {
    const auto r = app_.request("POST", "/dang-nhap", "username=tiepnhan&password=sai&next=%2F",
                                {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(r.status, 401);
    EXPECT_NE(r.body.find("Tên đăng nhập hoặc mật khẩu không đúng"), std::string::npos);
    EXPECT_TRUE(r.set_cookies.empty());
}

TEST_F(WebPages, NeverRedirectsOffSiteAfterSignIn) {
    for (const char* next : {"https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2F%5Cevil.example"}) {
        SCOPED_TRACE(next);
        const auto r = app_.request("POST", "/dang-nhap",
                                    std::string("username=tiepnhan&password=mat-khau-dung-2026&next=") + next,
                                    {{"Content-Type", "application/x-www-form-urlencoded"}});
        EXPECT_EQ(r.status, 303);
        EXPECT_EQ(r.headers.at("Location"), "/");
    }
}

TEST_F(WebPages, AnErrorPageLeadsBackToThePageOfThisSiteTheUserCameFrom) {
    const std::string cookie = signIn();
    const std::string site = "http://127.0.0.1:" + std::to_string(app_.server->port());
    const auto from = [&](const std::string& referer) {
        const auto r = app_.request("GET", "/ho-so/KHONG-CO", "", {{"Cookie", cookie}, {"Referer", referer}});
        EXPECT_GE(r.status, 400);
        return between(r.body, "<p><a href=\"", "\">← Quay lại");
    };
    EXPECT_EQ(from(site + "/ho-so?q=An"), "/ho-so?q=An");
    EXPECT_EQ(from("http://evil.example/x"), "/");
    EXPECT_EQ(from(site + "//evil.example/x"), "/");
    EXPECT_EQ(from(site + ".evil.example/x"), "/");
}

TEST_F(WebPages, SignOutNeedsTheFormCsrfToken) {
    const std::string cookie = signIn();
    const auto home = app_.request("GET", "/", "", {{"Cookie", cookie}});
    const std::string csrf = between(home.body, "name=\"_csrf\" value=\"", "\"");
    ASSERT_FALSE(csrf.empty());
    const auto forged = app_.request("POST", "/dang-xuat", "_csrf=forged",
                                     {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(forged.status, 403);
    const auto ok = app_.request("POST", "/dang-xuat", "_csrf=" + csrf,
                                 {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(ok.status, 303);
    EXPECT_EQ(app_.request("GET", "/", "", {{"Cookie", cookie}}).status, 303);
}

}  // namespace
}  // namespace motcua
