// Contract (issue 6): the compiler's page shows Biểu 06a for the chosen period and agency, the
// on-time chart per agency and the monthly trend as inline SVG (no script, no internet), export
// links, and the index criteria with the dossiers behind a shortfall; a bad period is explained
// on the page (422, Vietnamese); users without statistics rights get 403; a head sees only his
// agency and below.

#include "support/dossier_fixture.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class ReportPages : public test::DossierFixture {};

TEST_F(ReportPages, CompilerPageShowsTheFormChartsExportsAndCriteria) {
    // A dossier received now (18/11/2026) at the desk for a procedure offered toàn trình: it keeps
    // the online share of 2026-M12 (15/11 – 14/12/2026) down.
    const auto created = app.as(desk, "POST", "/api/v1/dossiers", intakeBody());
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string code = test::jsonString(created.body, "code");
    ASSERT_EQ(app.as(officer, "POST", "/api/v1/dossiers/" + code + "/transitions",
                     R"({"command":"start_processing","version":2})").status,
              200);
    const auto page = app.as(head, "GET", "/thong-ke?period=2026-M12&group=agency&table=par-draft");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page.body, "Biểu 06a/VPCP/KSTT — Sở Tư pháp (000.00.06.H56)"));
    EXPECT_TRUE(contains(page.body, "từ 15/11/2026 đến 14/12/2026"));
    EXPECT_TRUE(contains(page.body, "<svg class=\"chart\""));
    EXPECT_TRUE(contains(page.body, "format=csv")) << "CSV export link";
    EXPECT_TRUE(contains(page.body, "format=xlsx")) << "XLSX export link";
    EXPECT_TRUE(contains(page.body, "href=\"/ho-so/" + code + "\"")) << "the dossier behind a shortfall";
    EXPECT_FALSE(contains(page.body, "<script src=\"http")) << "nothing from the internet";
    // A compiler reads statistics, not dossiers: the codes, without links to pages he may not open.
    app.wiring->auth().createUser("tonghop", "Cán bộ tổng hợp", domain::Role::Compiler, "000.00.06.H56", "tong-hop-2026");
    const auto compiler = app.login("tonghop", "tong-hop-2026");
    const auto his = app.as(compiler, "GET", "/thong-ke?period=2026-M12&group=agency&table=par-draft");
    ASSERT_EQ(his.status, 200) << his.body;
    EXPECT_TRUE(contains(his.body, "<span class=\"code\">" + code + "</span>")) << his.body;
    EXPECT_FALSE(contains(his.body, "href=\"/ho-so/"));
    EXPECT_EQ(app.as(compiler, "GET", "/ho-so/" + code).status, 403);
}

TEST_F(ReportPages, BadInputAndScope) {
    const auto bad = app.as(head, "GET", "/thong-ke?period=2026-Q9");
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad.body, "role=\"alert\""));
    EXPECT_TRUE(contains(bad.body, "value=\"2026-Q9\"")) << "the typed period is kept";
    EXPECT_EQ(app.as(head, "GET", "/thong-ke?period=2026&agency=000.00.15.H56").status, 403);
    EXPECT_EQ(app.as(desk, "GET", "/thong-ke").status, 403);
    const auto own = app.as(admin, "GET", "/thong-ke");
    EXPECT_EQ(own.status, 200) << "the default period is the current NĐ 09 quarter";
}

}  // namespace
}  // namespace motcua
