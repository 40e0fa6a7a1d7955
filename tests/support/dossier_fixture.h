#pragma once
/// A served motcua with a small province (root → Sở Tư pháp → its desk; siblings Sở Xây dựng and
/// Sở Tài chính), one procedure of each duration kind, and a signed-in user per role: what the
/// dossier API and page tests start from.

#include "service/auth_service.h"
#include "support/served_app.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::test {

/// 2026-11-18 (a Wednesday) 09:00 +07:00.
inline const date::sys_seconds kDossierNow{std::chrono::seconds{1'794'967'200}};

class DossierFixture : public ::testing::Test {
protected:
    void SetUp() override {
        auto& auth = app.wiring->auth();
        auth.createUser("admin", "Quản trị", domain::Role::Admin, "000.00.00.H56", "quan-tri-2026");
        auth.createUser("tiepnhan", "Nguyễn Thị Hoa", domain::Role::DeskOfficer, "000.00.06.H56", "tiep-nhan-2026");
        auth.createUser("xuly", "Trần Văn Minh", domain::Role::ProcessingOfficer, "000.00.06.H56", "xu-ly-2026");
        auth.createUser("lanhdao", "Lê Quang Huy", domain::Role::Head, "000.00.06.H56", "lanh-dao-2026");
        auth.createUser("xaydung", "Cán bộ Sở Xây dựng", domain::Role::DeskOfficer, "000.00.15.H56", "xay-dung-2026");
        admin = app.login("admin", "quan-tri-2026");
        desk = app.login("tiepnhan", "tiep-nhan-2026");
        officer = app.login("xuly", "xu-ly-2026");
        head = app.login("lanhdao", "lanh-dao-2026");
        other_desk = app.login("xaydung", "xay-dung-2026");
        expectCreated(app.as(admin, "POST", "/api/v1/fields", R"({"code":"LLTP","name":"Lý lịch tư pháp"})"));
        expectCreated(app.as(admin, "POST", "/api/v1/procedures",
                             R"({"code":"2.000488","name":"Cấp Phiếu lý lịch tư pháp","field_code":"LLTP",
                                 "duration":"10d","online_level":"full","fee_vnd":200000,
                                 "agency_codes":["000.00.06.H56"]})"));
        expectCreated(app.as(admin, "POST", "/api/v1/procedures",
                             R"({"code":"2.000815","name":"Chứng thực bản sao","field_code":"LLTP",
                                 "duration":"same_day","online_level":"none",
                                 "agency_codes":["000.00.06.H56","000.00.15.H56"]})"));
    }

    static void expectCreated(const HttpResult& r) { ASSERT_EQ(r.status, 201) << r.body; }

    /// A complete intake body for procedure 2.000488 at the desk.
    static std::string intakeBody(const std::string& name = "Phạm Văn An", const std::string& extra = "") {
        return R"({"procedure_code":"2.000488","channel":"direct","result_delivery":"desk",)"
               R"("applicant":{"kind":"individual","name":")" + name +
               R"(","id_number":"038090001234","phone":"0912345678","address":"12 Lê Lợi, phường Hạc Thành"},)"
               R"("documents":[{"name":"Tờ khai yêu cầu cấp Phiếu LLTP","kind":"original","count":1},)"
               R"({"name":"Căn cước công dân","kind":"photocopy","count":1}])" + extra + "}";
    }

    ServedApp app{kDossierNow, [](TestDatabase& db) {
                      const auto root = db.insertAgency("000.00.00.H56", "UBND tỉnh Thanh Hóa");
                      db.insertAgency("000.00.06.H56", "Sở Tư pháp", root);
                      db.insertAgency("000.00.15.H56", "Sở Xây dựng", root);
                      db.insertAgency("000.00.10.H56", "Sở Tài chính", root);
                  }};
    ServedApp::Login admin, desk, officer, head, other_desk;
};

/// Returns the string value of "key" in a flat JSON text (first occurrence), or "".
inline std::string jsonString(const std::string& json, const std::string& key) {
    const std::string needle = "\"" + key + "\":\"";
    const auto at = json.find(needle);
    if (at == std::string::npos) return "";
    return json.substr(at + needle.size(), json.find('"', at + needle.size()) - at - needle.size());
}

/// Returns the integer value of "key" in a flat JSON text (first occurrence), or -1.
inline long long jsonInt(const std::string& json, const std::string& key) {
    const std::string needle = "\"" + key + "\":";
    const auto at = json.find(needle);
    if (at == std::string::npos) return -1;
    return std::stoll(json.substr(at + needle.size()));
}

}  // namespace motcua::test
