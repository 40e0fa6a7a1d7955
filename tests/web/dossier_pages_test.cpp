// Contract (issue 5): the desk's intake form, the dossier pages and the printed forms work
// with plain HTML forms; a user of one agency can neither read nor change another agency's
// dossier (403); every page and form escapes user text; forms need the CSRF token; the
// citizen lookup shows status and appointment, nothing personal, the same answer for a wrong
// code and wrong digits, and is rate-limited.

#include "store/database.h"
#include "support/dossier_fixture.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <Poco/URI.h>

#include <gtest/gtest.h>

namespace motcua {
namespace {

using test::jsonInt;
using test::jsonString;

const std::string kForm = "application/x-www-form-urlencoded";

std::string encode(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "&=+?#/%[]", out);
    return out;
}

/// An urlencoded body from name/value pairs.
std::string formBody(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [key, value] : fields) out += (out.empty() ? "" : "&") + encode(key) + "=" + encode(value);
    return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class DossierPages : public test::DossierFixture {
protected:
    /// Posts a form as `who` with the session's CSRF token in the body (as a browser does).
    test::HttpResult post(const test::ServedApp::Login& who, const std::string& path,
                          std::vector<std::pair<std::string, std::string>> fields) {
        fields.emplace_back("_csrf", who.csrf);
        return app.request("POST", path, formBody(fields), {{"Cookie", who.cookie}, {"Content-Type", kForm}});
    }
    test::HttpResult get(const test::ServedApp::Login& who, const std::string& path) {
        return app.request("GET", path, "", {{"Cookie", who.cookie}});
    }

    /// Follows the desk's dossier list to the first intake slip printed again
    /// (/tiep-nhan/{id}/in/{form}); returns its path and the page. Fails the test when the
    /// list has no such link, to `form`, or the page does not open.
    std::pair<std::string, test::HttpResult> slipFromList(const std::string& form) {
        const auto list = get(desk, "/ho-so");
        const std::string marker = "<a href=\"/tiep-nhan/";
        const auto at = list.body.find(marker);
        std::string href;
        if (at != std::string::npos) href = list.body.substr(at + 9, list.body.find('"', at + 9) - at - 9);
        const std::string tail = "/in/" + form;
        EXPECT_TRUE(href.size() > tail.size() && href.compare(href.size() - tail.size(), tail.size(), tail) == 0)
            << list.body;
        auto page = get(desk, href.empty() ? "/tiep-nhan/0/in/" + form : href);
        EXPECT_EQ(page.status, 200) << page.body;
        return {href, page};
    }

    std::vector<std::pair<std::string, std::string>> intakeForm(const std::string& procedure,
                                                                const std::string& name = "Phạm Văn An") {
        return {{"procedure", procedure},
                {"channel", "direct"},
                {"result_delivery", "desk"},
                {"applicant.kind", "individual"},
                {"applicant.name", name},
                {"applicant.id_number", "038090001234"},
                {"applicant.phone", "0912345678"},
                {"applicant.address", "12 Lê Lợi, phường Hạc Thành"},
                {"documents[0].name", "Tờ khai yêu cầu cấp Phiếu LLTP"},
                {"documents[0].kind", "original"},
                {"documents[0].count", "1"},
                {"outcome", "accepted"},
                {"intake_key", "k-" + name + procedure}};
    }

    /// Intakes through the form; returns the dossier code from the receipt redirect.
    std::string intakeByForm(const std::string& procedure = "2.000488", const std::string& name = "Phạm Văn An") {
        const auto r = post(desk, "/tiep-nhan", intakeForm(procedure, name));
        EXPECT_EQ(r.status, 303) << r.body;
        const std::string location = r.headers.count("Location") ? r.headers.at("Location") : "";
        const std::string prefix = "/ho-so/";
        EXPECT_EQ(location.rfind(prefix, 0), 0u) << location;
        EXPECT_TRUE(contains(location, "/in/giay-tiep-nhan?in=1")) << location;
        return location.substr(prefix.size(), location.find('/', prefix.size()) - prefix.size());
    }

    /// The appointment of `code` as the API gives it, worded as the forms print it.
    std::string formDue(const std::string& code) {
        const std::string iso = jsonString(app.as(admin, "GET", "/api/v1/dossiers/" + code).body, "due_at");
        if (iso.size() < 16) return "?";  // "2026-12-03T09:00:00+07:00"
        return iso.substr(11, 2) + " giờ " + iso.substr(14, 2) + " phút, ngày " + iso.substr(8, 2) + "/" +
               iso.substr(5, 2) + "/" + iso.substr(0, 4);
    }

    /// Returns how many reads of personal data were logged with `action`.
    long long accessLogged(const std::string& action) {
        return app.db.database().run([&](store::Session& s) {
            auto& ps = s.prepare("SELECT COUNT(*) FROM personal_data_access_log WHERE action = ?");
            ps.setString(1, action);
            std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
            rs->next();
            return static_cast<long long>(rs->getInt64(1));
        });
    }

    long long version(const std::string& code) {
        return jsonInt(app.as(admin, "GET", "/api/v1/dossiers/" + code).body, "version");
    }

    /// Posts the command form `fields` of dossier `code` as `who`, with the dossier's current version.
    test::HttpResult command(const test::ServedApp::Login& who, const std::string& code,
                             std::vector<std::pair<std::string, std::string>> fields) {
        fields.emplace_back("version", std::to_string(version(code)));
        return post(who, "/ho-so/" + code + "/thao-tac", std::move(fields));
    }
};

TEST_F(DossierPages, IntakeFormSavesAndSendsTheDeskToThePrintedReceipt) {
    const std::string code = intakeByForm();
    ASSERT_FALSE(code.empty());
    const auto receipt = get(desk, "/ho-so/" + code + "/in/giay-tiep-nhan?in=1");
    ASSERT_EQ(receipt.status, 200);
    EXPECT_TRUE(contains(receipt.body, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"));
    EXPECT_TRUE(contains(receipt.body, "Mã hồ sơ: " + code));
    EXPECT_TRUE(contains(receipt.body, "Phạm Văn An"));
    EXPECT_TRUE(contains(receipt.body, "class=\"autoprint\""));
    EXPECT_TRUE(contains(receipt.body, "Sở Tư pháp"));
    EXPECT_TRUE(contains(receipt.body, "Thanh Hóa, ngày 18 tháng 11 năm 2026"));
    EXPECT_TRUE(contains(receipt.body, "Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 18/11/2026"));
    EXPECT_TRUE(contains(receipt.body, "<b>" + formDue(code) + "</b>")) << formDue(code);
    // Saving the same form again (a double click) prints the same dossier, not a second one.
    const auto again = post(desk, "/tiep-nhan", intakeForm("2.000488"));
    EXPECT_EQ(again.headers.at("Location"), "/ho-so/" + code + "/in/giay-tiep-nhan?in=1");
}

TEST_F(DossierPages, ProcedureIsFoundByNameWithoutDiacriticsOrOfferedAsChoices) {
    EXPECT_FALSE(intakeByForm("ly lich tu phap").empty());
    const auto ambiguous = post(desk, "/tiep-nhan", intakeForm("2.000", "Lê Thị Bình"));
    EXPECT_EQ(ambiguous.status, 422);
    EXPECT_TRUE(contains(ambiguous.body, "Có nhiều thủ tục khớp"));
    EXPECT_TRUE(contains(ambiguous.body, "name=\"procedure_choice\" value=\"2.000815\""));
    EXPECT_TRUE(contains(ambiguous.body, "name=\"procedure_choice\" value=\"2.000488\""));
    auto chosen = intakeForm("2.000", "Lê Thị Bình");
    chosen.emplace_back("procedure_choice", "2.000815");
    EXPECT_EQ(post(desk, "/tiep-nhan", chosen).status, 303);
    const auto suggestions = get(desk, "/tiep-nhan/thu-tuc?q=" + encode("CHỨNG THỰC"));
    EXPECT_EQ(suggestions.status, 200);
    EXPECT_TRUE(contains(suggestions.body, "\"code\":\"2.000815\"")) << suggestions.body;
    EXPECT_FALSE(contains(suggestions.body, "2.000488"));
    // Another agency's desk is not offered Sở Tư pháp's procedures; typed by code, the intake
    // says whose it is.
    EXPECT_FALSE(contains(get(other_desk, "/tiep-nhan/thu-tuc?q=" + encode("lý lịch")).body, "2.000488"));
    const auto foreign = post(other_desk, "/tiep-nhan", intakeForm("2.000488", "Lê Thị Bình"));
    EXPECT_EQ(foreign.status, 422);
    EXPECT_TRUE(contains(foreign.body, "không thuộc danh mục tiếp nhận của Sở Xây dựng")) << foreign.body;
}

TEST_F(DossierPages, TheTopBarAndHomeNameTheUsersAgency) {
    const auto home = get(desk, "/");
    ASSERT_EQ(home.status, 200);
    EXPECT_TRUE(contains(home.body, "Nguyễn Thị Hoa — Cán bộ tiếp nhận và trả kết quả · Sở Tư pháp</span>")) << home.body;
    EXPECT_FALSE(contains(home.body, "000.00.06.H56"));
}

TEST_F(DossierPages, ThePagesOfARoleTurnAwayOthersBeforeTheyFillAnything) {
    const auto intake = get(officer, "/tiep-nhan");
    EXPECT_EQ(intake.status, 403);
    EXPECT_TRUE(contains(intake.body, "Trang tiếp nhận hồ sơ dành cho")) << intake.body;
    EXPECT_FALSE(contains(intake.body, "name=\"applicant.name\""));
    EXPECT_EQ(get(desk, "/lanh-dao/han-xu-ly").status, 403);
    EXPECT_EQ(get(officer, "/lanh-dao/han-xu-ly").status, 403);
    EXPECT_EQ(get(desk, "/tiep-nhan").status, 200);
    EXPECT_EQ(get(head, "/tiep-nhan").status, 200);
    EXPECT_EQ(get(head, "/lanh-dao/han-xu-ly").status, 200);
}

TEST_F(DossierPages, InvalidIntakeKeepsTheValuesAndExplainsInVietnamese) {
    // No name and a malformed ID number, for `procedure`.
    const auto submit = [&](const std::string& procedure) {
        auto form = intakeForm(procedure, "");
        form[5] = {"applicant.id_number", "12ab"};
        const auto r = post(desk, "/tiep-nhan", form);
        EXPECT_EQ(r.status, 422);
        EXPECT_TRUE(contains(r.body, "Họ tên")) << r.body;
        return r.body;
    };
    const std::string body = submit("2.000488");
    EXPECT_TRUE(contains(body, "class=\"field-error\"")) << body;
    EXPECT_TRUE(contains(body, "value=\"12ab\""));
    EXPECT_TRUE(contains(body, "value=\"0912345678\""));
    EXPECT_TRUE(contains(body, "value=\"Tờ khai yêu cầu cấp Phiếu LLTP\""));
    // The ID number's error stands under its field.
    const auto id_field = body.find("value=\"12ab\"");
    ASSERT_NE(id_field, std::string::npos);
    EXPECT_NE(body.substr(id_field, 600).find("Số định danh cá nhân phải gồm 12 chữ số"), std::string::npos)
        << body.substr(id_field, 600);
    // With the procedure not found as well, every field's problem is told in the same answer.
    const std::string all = submit("không có thủ tục này");
    EXPECT_TRUE(contains(all, "Số định danh cá nhân phải gồm 12 chữ số")) << all;

    // A document's problem stands in its row, even after an empty row; a procedure chosen among
    // several stays chosen on the form shown again.
    auto form = intakeForm("2.000", "Lê Thị Bình");
    form.emplace_back("procedure_choice", "2.000815");
    form[8] = {"documents[0].name", ""};
    form.emplace_back("documents[2].name", "Bản chính cần chứng thực");
    form.emplace_back("documents[2].kind", "original");
    form.emplace_back("documents[2].count", "0");
    const auto row = post(desk, "/tiep-nhan", form);
    EXPECT_EQ(row.status, 422);
    const auto third = row.body.find("name=\"documents[2].count\"");
    ASSERT_NE(third, std::string::npos) << row.body;
    EXPECT_NE(row.body.substr(third, 400).find("Số lượng bản phải từ 1 đến 1000."), std::string::npos)
        << row.body.substr(third, 400);
    EXPECT_TRUE(contains(row.body, "id=\"procedure\" value=\"2.000815\"")) << "the choice is kept";
    EXPECT_EQ(jsonInt(app.as(admin, "GET", "/api/v1/dossiers").body, "total"), 0);
}

TEST_F(DossierPages, RefusalAtIntakePrintsTheRefusalForm) {
    auto form = intakeForm("2.000488", "Đỗ Văn Cường");
    form[11] = {"outcome", "refused"};
    form.emplace_back("reason", "Thủ tục không thuộc thẩm quyền của Sở");
    const auto r = post(desk, "/tiep-nhan", form);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(contains(r.body, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"));
    EXPECT_TRUE(contains(r.body, "Thủ tục không thuộc thẩm quyền của Sở"));
    EXPECT_TRUE(contains(r.body, "Sở Tư pháp tiếp nhận hồ sơ của: <b>Đỗ Văn Cường</b>")) << r.body;
    // The dossier list shows it without a code and without a link to a page it does not have.
    const auto list = get(desk, "/ho-so");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(contains(list.body, "Đỗ Văn Cường")) << list.body;
    EXPECT_TRUE(contains(list.body, "không cấp mã"));
    EXPECT_FALSE(contains(list.body, "href=\"/ho-so/\""));
    // …but with the slip to print again, later, as the citizen was handed it.
    const auto [href, again] = slipFromList("phieu-tu-choi");
    ASSERT_FALSE(href.empty());
    EXPECT_TRUE(contains(again.body, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"));
    EXPECT_TRUE(contains(again.body, "Thủ tục không thuộc thẩm quyền của Sở"));
    EXPECT_TRUE(contains(again.body, "Nguyễn Thị Hoa"));  // the desk officer who refused it
    const std::string id_path = href.substr(0, href.size() - 17);
    EXPECT_EQ(get(desk, id_path + "/in/phieu-bo-sung").status, 404);  // it was refused, not sent back
    EXPECT_EQ(get(desk, id_path + "/in/khong-co").status, 404);
    EXPECT_EQ(get(desk, "/tiep-nhan/99999999/in/phieu-tu-choi").status, 404);
    EXPECT_EQ(get(desk, "/tiep-nhan/1x/in/phieu-tu-choi").status, 404);
    // Another agency's desk finds no such number: counting numbers up tells it nothing.
    const auto foreign = get(other_desk, href);
    EXPECT_EQ(foreign.status, 404);
    EXPECT_FALSE(contains(foreign.body, "Đỗ Văn Cường"));
}

TEST_F(DossierPages, ADossierSentBackAtIntakeHasItsSupplementSlipToPrintAgain) {
    auto form = intakeForm("2.000488", "Vũ Thị Mai");
    form[11] = {"outcome", "incomplete"};
    form.emplace_back("reason", "Thiếu giấy tờ theo quy định");
    form.emplace_back("items", "Bản sao giấy khai sinh\nẢnh 4x6");
    ASSERT_EQ(post(desk, "/tiep-nhan", form).status, 200);
    const auto [href, slip] = slipFromList("phieu-bo-sung");
    ASSERT_FALSE(href.empty());
    EXPECT_TRUE(contains(slip.body, "<li>Bản sao giấy khai sinh</li>"));
    EXPECT_TRUE(contains(slip.body, "<li>Ảnh 4x6</li>"));
    EXPECT_TRUE(contains(slip.body, "Vũ Thị Mai"));
    EXPECT_EQ(get(desk, href.substr(0, href.size() - 17) + "/in/phieu-tu-choi").status, 404);

    // The citizen comes back with the papers: the intake form is filled from the first visit.
    const std::string id = href.substr(std::string("/tiep-nhan/").size(), href.size() - 17 - 11);
    const std::string again = "/tiep-nhan?tu=" + id;
    EXPECT_TRUE(contains(get(desk, "/ho-so").body, "href=\"" + again + "\">Tiếp nhận khi đã bổ sung</a>"));
    const auto prefilled = get(desk, again);
    ASSERT_EQ(prefilled.status, 200) << prefilled.body;
    EXPECT_TRUE(contains(prefilled.body, "Điền sẵn từ hồ sơ của Vũ Thị Mai nộp lúc 18/11/2026 09:00")) << prefilled.body;
    EXPECT_TRUE(contains(prefilled.body, "value=\"Vũ Thị Mai\""));
    EXPECT_TRUE(contains(prefilled.body, "value=\"038090001234\""));
    EXPECT_TRUE(contains(prefilled.body, "value=\"Tờ khai yêu cầu cấp Phiếu LLTP\""));
    EXPECT_TRUE(contains(prefilled.body, "value=\"2.000488\""));
    EXPECT_FALSE(contains(prefilled.body, "Thiếu giấy tờ theo quy định")) << "the reason is not carried over";
    auto complete = intakeForm("2.000488", "Vũ Thị Mai");
    complete.back() = {"intake_key", "the prefilled form's own key"};
    complete.emplace_back("documents[1].name", "Bản sao giấy khai sinh");
    complete.emplace_back("documents[1].kind", "certified_copy");
    complete.emplace_back("documents[1].count", "1");
    const auto taken = post(desk, "/tiep-nhan", complete);
    ASSERT_EQ(taken.status, 303) << taken.body;
    EXPECT_TRUE(contains(taken.headers.at("Location"), "/in/giay-tiep-nhan?in=1"));
    // Not for another agency's desk, nor from a dossier that was received.
    EXPECT_EQ(get(other_desk, again).status, 404);  // by number, another agency's is as if there were none
    EXPECT_EQ(get(officer, again).status, 403);
    const std::string code = taken.headers.at("Location").substr(7, taken.headers.at("Location").find('/', 7) - 7);
    // Taken once: the link now says so instead of filling a second intake.
    const auto twice = get(desk, again);
    EXPECT_EQ(twice.status, 409);
    EXPECT_TRUE(contains(twice.body, "đã được tiếp nhận lại, mã " + code)) << twice.body;
    EXPECT_FALSE(contains(twice.body, "value=\"Vũ Thị Mai\""));
    EXPECT_FALSE(contains(get(officer, "/ho-so").body, "Tiếp nhận khi đã bổ sung")) << "not offered to who cannot take it";
    const auto received = app.as(admin, "GET", "/api/v1/dossiers/" + code);
    EXPECT_EQ(get(desk, "/tiep-nhan?tu=" + std::to_string(test::jsonInt(received.body, "id"))).status, 409);
    EXPECT_EQ(get(desk, "/tiep-nhan?tu=abc").status, 404);
}

TEST_F(DossierPages, ADossierMovesThroughTheFormsToReturnAndTheHeadSeesItOverdue) {
    const std::string code = intakeByForm();
    const auto step = [&](const test::ServedApp::Login& who, std::vector<std::pair<std::string, std::string>> fields) {
        const auto r = command(who, code, std::move(fields));
        EXPECT_EQ(r.status, 303) << r.body;
        return r;
    };
    const auto detail = get(head, "/ho-so/" + code);
    ASSERT_EQ(detail.status, 200);
    EXPECT_TRUE(contains(detail.body, "data-command=\"start_processing\""));
    EXPECT_TRUE(contains(detail.body, "data-command=\"assign\""));
    const auto started = step(head, {{"command", "start_processing"}});
    // The page confirms the step from the trail, to the one who took it, while it is the latest;
    // a crafted link confirms nothing.
    const std::string confirmed = started.headers.at("Location");
    EXPECT_EQ(confirmed, "/ho-so/" + code + "?ok=" + std::to_string(version(code)));
    EXPECT_TRUE(contains(get(head, confirmed).body, "Đã ghi vào hồ sơ: ")) << get(head, confirmed).body;
    EXPECT_FALSE(contains(get(officer, confirmed).body, "Đã ghi vào hồ sơ"));
    for (const std::string& forged : {encode("Hồ sơ đã được duyệt, hãy chuyển khoản phí"), std::string("resolve"),
                                     std::to_string(version(code) - 1)}) {
        const auto crafted = get(head, "/ho-so/" + code + "?ok=" + forged);
        EXPECT_EQ(crafted.status, 200);
        EXPECT_FALSE(contains(crafted.body, "chuyển khoản")) << crafted.body;
        EXPECT_FALSE(contains(crafted.body, "Đã ghi vào hồ sơ")) << forged;
    }
    // The head picks the officer from the processing officers and heads of the agency.
    const auto processing = get(head, "/ho-so/" + code);
    EXPECT_TRUE(contains(processing.body, "<option value=\"xuly\" >Trần Văn Minh (xuly)</option>")) << processing.body;
    EXPECT_TRUE(contains(processing.body, "<option value=\"lanhdao\" >"));
    EXPECT_FALSE(contains(processing.body, "<option value=\"tiepnhan\""));  // a desk officer does not process
    step(head, {{"command", "assign"}, {"officer", "xuly"}});
    const auto queue = get(officer, "/ho-so-cua-toi");
    EXPECT_TRUE(contains(queue.body, "/ho-so/" + code));

    // Past the appointment (sessions have expired meanwhile): the head's list shows it as late
    // and lacking an apology.
    app.clock.set(test::kDossierNow + std::chrono::hours(24 * 16));
    admin = app.login("admin", "quan-tri-2026");
    head = app.login("lanhdao", "lanh-dao-2026");
    officer = app.login("xuly", "xu-ly-2026");
    desk = app.login("tiepnhan", "tiep-nhan-2026");
    const auto late = get(head, "/lanh-dao/han-xu-ly");
    ASSERT_EQ(late.status, 200);
    EXPECT_TRUE(contains(late.body, "overdue breach"));
    EXPECT_TRUE(contains(late.body, "Chưa có phiếu xin lỗi"));
    EXPECT_TRUE(contains(late.body, "quá ")) << late.body;
    const auto apology = post(head, "/ho-so/" + code + "/xin-loi",
                              {{"version", std::to_string(version(code))},
                               {"reason", "Chờ ý kiến của Công an tỉnh"},
                               {"new_due_at", "2026-12-18T16:00"}});
    ASSERT_EQ(apology.status, 303) << apology.body;
    EXPECT_EQ(apology.headers.at("Location"), "/ho-so/" + code + "/in/phieu-xin-loi");
    const auto letter = get(head, "/ho-so/" + code + "/in/phieu-xin-loi");
    EXPECT_TRUE(contains(letter.body, "Chờ ý kiến của Công an tỉnh"));
    EXPECT_TRUE(contains(letter.body, "16 giờ 00 phút, ngày 18/12/2026"));
    // With its apology the dossier stays on the overdue list, no longer marked as a breach.
    const auto covered = get(head, "/lanh-dao/han-xu-ly").body;
    EXPECT_FALSE(contains(covered, "Chưa có phiếu xin lỗi"));
    EXPECT_TRUE(contains(covered, "href=\"/ho-so/" + code + "\"")) << covered;
    EXPECT_TRUE(contains(covered, "Đã có phiếu xin lỗi, hẹn lại"));
    EXPECT_TRUE(contains(covered, "<tr class=\"overdue\">"));
    EXPECT_FALSE(contains(covered, "Quá cả ngày hẹn lại"));
    EXPECT_TRUE(contains(get(head, "/ho-so/" + code).body, "hạn giải quyết theo quy định:"));
    // Past the new appointment as well, the list says so.
    app.clock.set(test::kDossierNow + std::chrono::hours(24 * 31));  // 19/12, after 18/12 16:00
    head = app.login("lanhdao", "lanh-dao-2026");
    officer = app.login("xuly", "xu-ly-2026");
    desk = app.login("tiepnhan", "tiep-nhan-2026");
    admin = app.login("admin", "quan-tri-2026");
    EXPECT_TRUE(contains(get(head, "/lanh-dao/han-xu-ly").body, "Quá cả ngày hẹn lại"));

    const auto supplement = step(officer, {{"command", "request_supplement"}, {"reason", "Thiếu giấy tờ"},
                                           {"items", "Bản sao sổ hộ khẩu\nẢnh 4x6"}});
    EXPECT_EQ(supplement.headers.at("Location"), "/ho-so/" + code + "/in/phieu-bo-sung");
    const auto slip = get(officer, "/ho-so/" + code + "/in/phieu-bo-sung");
    EXPECT_TRUE(contains(slip.body, "<li>Bản sao sổ hộ khẩu</li>"));
    EXPECT_TRUE(contains(slip.body, "<li>Ảnh 4x6</li>"));
    step(desk, {{"command", "receive_supplement"}});
    step(officer, {{"command", "resolve"}, {"result_note", "Đã cấp Phiếu LLTP số 1"}});
    step(desk, {{"command", "return"}, {"delivery", "postal"}});
    const auto done = app.as(admin, "GET", "/api/v1/dossiers/" + code).body;
    EXPECT_EQ(jsonString(done, "status"), "returned");
    EXPECT_EQ(jsonString(done, "result_delivery"), "postal");
    const auto sheet = get(head, "/ho-so/" + code + "/in/phieu-kiem-soat");
    EXPECT_TRUE(contains(sheet.body, "Phiếu kiểm soát quá trình giải quyết hồ sơ"));
    // The verdict frozen with the result is printed in its row (the supplement restarted the count).
    const std::string verdict = jsonString(done, "verdict");
    const std::string label = verdict == "late" ? "Quá hạn" : verdict == "early" ? "Trước hạn" : "Đúng hạn";
    EXPECT_TRUE(contains(sheet.body, "<td>" + label + "</td>")) << verdict;
    EXPECT_TRUE(contains(sheet.body, "Đã cấp Phiếu LLTP số 1"));
    // People are named as they sign, by their full names, on the sheet, the receipt and the
    // trail, whoever prints them.
    EXPECT_TRUE(contains(sheet.body, "Nguyễn Thị Hoa")) << sheet.body;
    EXPECT_TRUE(contains(sheet.body, "Trần Văn Minh"));
    EXPECT_FALSE(contains(sheet.body, ">tiepnhan<"));
    EXPECT_TRUE(contains(get(head, "/ho-so/" + code + "/in/giay-tiep-nhan").body, "Nguyễn Thị Hoa"));
    const auto page = get(head, "/ho-so/" + code).body;
    EXPECT_TRUE(contains(page, "Trần Văn Minh")) << page;
    EXPECT_FALSE(contains(page, ">xuly<"));
}

TEST_F(DossierPages, ARejectionAfterAppraisalSendsTheOfficerToThePrintedRejectionSlip) {
    const std::string code = intakeByForm("2.000488", "Hoàng Thị <Lan>");
    // Nothing rejected yet: no slip to print, and the page offers none.
    EXPECT_EQ(get(officer, "/ho-so/" + code + "/in/phieu-tu-choi").status, 404);
    EXPECT_FALSE(contains(get(officer, "/ho-so/" + code).body, "/in/phieu-tu-choi"));
    ASSERT_EQ(command(head, code, {{"command", "start_processing"}}).status, 303);
    const auto rejected = command(officer, code, {{"command", "reject_after_appraisal"},
                                         {"reason", "Người yêu cầu không thuộc đối tượng được cấp <Phiếu số 2>"}});
    ASSERT_EQ(rejected.status, 303) << rejected.body;
    EXPECT_EQ(rejected.headers.at("Location"), "/ho-so/" + code + "/in/phieu-tu-choi");
    const auto slip = get(officer, "/ho-so/" + code + "/in/phieu-tu-choi");
    ASSERT_EQ(slip.status, 200) << slip.body;
    EXPECT_TRUE(contains(slip.body, "<h1 class=\"title\">Phiếu từ chối giải quyết hồ sơ</h1>")) << slip.body;
    EXPECT_TRUE(contains(slip.body, "Mã hồ sơ: " + code));
    EXPECT_TRUE(contains(slip.body, "Qua xem xét, thẩm định, Sở Tư pháp từ chối giải quyết hồ sơ này (lúc "));
    EXPECT_FALSE(contains(slip.body, "(ngày "));
    EXPECT_TRUE(contains(slip.body, "đối tượng được cấp &lt;Phiếu số 2&gt;"));
    EXPECT_TRUE(contains(slip.body, "Hoàng Thị &lt;Lan&gt;"));
    EXPECT_TRUE(contains(slip.body, "Người xử lý hồ sơ"));
    EXPECT_TRUE(contains(slip.body, "Trần Văn Minh"));  // the officer who rejected it
    EXPECT_FALSE(contains(slip.body, "<Phiếu số 2>"));
    // Later, from the dossier page.
    EXPECT_TRUE(contains(get(desk, "/ho-so/" + code).body, "href=\"/ho-so/" + code + "/in/phieu-tu-choi\""));
}

TEST_F(DossierPages, ATransferPrintsThePhieuChuyenXuLyWithTheTaskAndTimeLimit) {
    const std::string code = intakeByForm("2.000488", "Lý Văn <Tâm>");
    EXPECT_EQ(get(officer, "/ho-so/" + code + "/in/phieu-chuyen").status, 404);  // not transferred yet
    EXPECT_FALSE(contains(get(officer, "/ho-so/" + code).body, "/in/phieu-chuyen"));
    ASSERT_EQ(command(head, code, {{"command", "start_processing"}}).status, 303);
    // An unknown agency code is shown on the dossier page, the note kept for the next try.
    const auto unknown = command(officer, code, {{"command", "transfer"}, {"to_agency", "SXD"},
                                        {"note", "Xác minh hiện trạng <nhà ở>"}});
    EXPECT_EQ(unknown.status, 422) << unknown.body;
    EXPECT_TRUE(contains(unknown.body, "Không có cơ quan mã SXD.")) << unknown.body;
    EXPECT_TRUE(contains(unknown.body, "Xác minh hiện trạng &lt;nhà ở&gt;")) << unknown.body;
    EXPECT_TRUE(contains(unknown.body, "Hồ sơ " + code));
    const auto sent = command(officer, code, {{"command", "transfer"}, {"to_agency", "000.00.15.H56"},
                                     {"hop_due_at", "2026-11-20T16:00"}, {"note", "Xác minh hiện trạng <nhà ở>"}});
    ASSERT_EQ(sent.status, 303) << sent.body;
    const auto slip = get(officer, "/ho-so/" + code + "/in/phieu-chuyen");
    ASSERT_EQ(slip.status, 200) << slip.body;
    EXPECT_TRUE(contains(slip.body, "<h1 class=\"title\">Phiếu chuyển xử lý hồ sơ</h1>"));
    EXPECT_TRUE(contains(slip.body, "Kính gửi: <b>Sở Xây dựng</b>")) << slip.body;
    EXPECT_TRUE(contains(slip.body, "Sở Tư pháp chuyển hồ sơ của: <b>Lý Văn &lt;Tâm&gt;</b>"));
    EXPECT_TRUE(contains(slip.body, "Nhiệm vụ của cơ quan nhận: Xác minh hiện trạng &lt;nhà ở&gt;"));
    EXPECT_TRUE(contains(slip.body, "16 giờ 00 phút, ngày 20/11/2026"));
    EXPECT_TRUE(contains(slip.body, "Tờ khai yêu cầu cấp Phiếu LLTP"));  // the documents go with it
    EXPECT_TRUE(contains(slip.body, "Trần Văn Minh"));                  // who sent it
    EXPECT_TRUE(contains(get(officer, "/ho-so/" + code).body, "href=\"/ho-so/" + code + "/in/phieu-chuyen\""));
}

TEST_F(DossierPages, AnAgencyADossierPassedThroughReadsItAndPrintsItsHopsButCannotChangeIt) {
    const std::string code = intakeByForm("2.000488", "Mai Văn Đức");
    auto& auth = app.wiring->auth();
    auth.createUser("xulyxd", "Phan Thị Xây", domain::Role::ProcessingOfficer, "000.00.15.H56", "xu-ly-xd-2026");
    auth.createUser("xulytc", "Đinh Văn Tài", domain::Role::ProcessingOfficer, "000.00.10.H56", "xu-ly-tc-2026");
    const auto builder = app.login("xulyxd", "xu-ly-xd-2026");
    const auto finance = app.login("xulytc", "xu-ly-tc-2026");
    ASSERT_EQ(command(head, code, {{"command", "start_processing"}}).status, 303);
    ASSERT_EQ(
        command(officer, code, {{"command", "transfer"}, {"to_agency", "000.00.15.H56"}, {"note", "Xác minh nhà ở"}}).status,
        303);
    EXPECT_EQ(get(finance, "/ho-so/" + code).status, 403);  // not on any hop yet
    const auto onward =
        command(builder, code, {{"command", "transfer"}, {"to_agency", "000.00.10.H56"}, {"note", "Thẩm định giá"}});
    ASSERT_EQ(onward.status, 303) << onward.body;

    // Sở Xây dựng is neither the receiving nor the handling agency any more: it reads the
    // dossier, without a form to change it or another agency's forms to print…
    const auto page = get(builder, "/ho-so/" + code);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page.body, "Mai Văn Đức"));
    EXPECT_TRUE(contains(page.body, "đang do Sở Tài chính giải quyết"));
    EXPECT_FALSE(contains(page.body, "action=\"/ho-so/" + code + "/thao-tac\""));
    EXPECT_FALSE(contains(page.body, "/in/giay-tiep-nhan"));
    EXPECT_TRUE(contains(page.body, "href=\"/ho-so/" + code + "/in/phieu-chuyen?lan=1\""));
    EXPECT_TRUE(contains(page.body, "href=\"/ho-so/" + code + "/in/phieu-chuyen?lan=2\""));
    EXPECT_EQ(get(builder, "/ho-so/" + code + "/in/giay-tiep-nhan").status, 403);
    EXPECT_EQ(get(builder, "/ho-so/" + code + "/in/phieu-kiem-soat").status, 403);
    const auto api = app.as(builder, "GET", "/api/v1/dossiers/" + code);
    ASSERT_EQ(api.status, 200);
    EXPECT_TRUE(contains(api.body, "\"may_act\":false")) << api.body;
    EXPECT_TRUE(contains(app.as(finance, "GET", "/api/v1/dossiers/" + code).body, "\"may_act\":true"));
    // …and a command it posts anyway is refused, saying who has the dossier, and changes nothing.
    const auto before = version(code);
    const auto refused = command(builder, code, {{"command", "resolve"}, {"note", "Xong"}});
    EXPECT_EQ(refused.status, 403);
    EXPECT_TRUE(contains(refused.body, "đang do Sở Tài chính giải quyết")) << refused.body;
    EXPECT_EQ(version(code), before);

    // Its own slip is the one it prints by default: the second hop, to Sở Tài chính.
    const auto mine = get(builder, "/ho-so/" + code + "/in/phieu-chuyen");
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_TRUE(contains(mine.body, "Kính gửi: <b>Sở Tài chính</b>")) << mine.body;
    EXPECT_TRUE(contains(mine.body, "Thẩm định giá"));
    EXPECT_TRUE(contains(mine.body, "Phan Thị Xây"));
    // The first hop by its number; Sở Tư pháp, which sent it, gets that one by default.
    const auto first = get(builder, "/ho-so/" + code + "/in/phieu-chuyen?lan=1");
    ASSERT_EQ(first.status, 200);
    EXPECT_TRUE(contains(first.body, "Kính gửi: <b>Sở Xây dựng</b>"));
    EXPECT_TRUE(contains(get(officer, "/ho-so/" + code + "/in/phieu-chuyen").body, "Kính gửi: <b>Sở Xây dựng</b>"));
    for (const std::string lan : {"0", "3", "1x", ""}) {
        const auto none = get(builder, "/ho-so/" + code + "/in/phieu-chuyen?lan=" + lan);
        EXPECT_EQ(none.status, 404) << lan;
        EXPECT_TRUE(contains(none.body, "được chuyển liên thông 2 lần")) << none.body;
    }

    // A third hop, back to Sở Tư pháp, is between two other agencies: not Sở Xây dựng's to print.
    const auto back = command(finance, code,
                              {{"command", "transfer"}, {"to_agency", "000.00.06.H56"}, {"note", "Trả kết quả thẩm định"}});
    ASSERT_EQ(back.status, 303) << back.body;
    EXPECT_EQ(get(builder, "/ho-so/" + code + "/in/phieu-chuyen?lan=3").status, 403);
    EXPECT_FALSE(contains(get(builder, "/ho-so/" + code).body, "phieu-chuyen?lan=3"));
    EXPECT_TRUE(contains(get(builder, "/ho-so/" + code + "/in/phieu-chuyen").body, "Kính gửi: <b>Sở Tài chính</b>"));
    EXPECT_EQ(get(officer, "/ho-so/" + code + "/in/phieu-chuyen?lan=3").status, 200);  // the handling agency's
}

TEST_F(DossierPages, APostalDossierHandedOverLongAgoIsOnTheHeadsOverdueList) {
    auto form = intakeForm("2.000488", "Trần Thị Cúc");
    form[1] = {"channel", "postal"};
    form.emplace_back("received_at", "2026-10-19T08:00");
    form.emplace_back("handover_at", "2026-10-20T09:00");
    const auto r = post(desk, "/tiep-nhan", form);
    ASSERT_EQ(r.status, 303) << r.body;
    const std::string code = r.headers.at("Location").substr(7, r.headers.at("Location").find('/', 7) - 7);
    EXPECT_EQ(code.substr(14, 6), "261020");  // the code carries the handover day (QĐ 45/2016 Đ7.4)
    const auto late = get(head, "/lanh-dao/han-xu-ly");
    const auto row = late.body.find("/ho-so/" + code);
    ASSERT_NE(row, std::string::npos) << late.body.substr(late.body.find("<main"));
    const auto row_start = late.body.rfind("<tr", row);
    EXPECT_EQ(late.body.substr(row_start, 27), "<tr class=\"overdue breach\">");
    // The trail and the Phiếu kiểm soát give the times of the steps, and when they were entered.
    for (const auto& path : {"/ho-so/" + code, "/ho-so/" + code + "/in/phieu-kiem-soat"}) {
        const auto page = get(desk, path);
        EXPECT_TRUE(contains(page.body, "19/10/2026 08:00 (nhập lúc 18/11/2026 09:00)")) << path << page.body;
        EXPECT_TRUE(contains(page.body, "20/10/2026 09:00 (nhập lúc 18/11/2026 09:00)")) << path;
    }
}

TEST_F(DossierPages, AStepRefusedByTheRulesIsExplainedOnThePage) {
    const std::string code = intakeByForm();
    const auto r = post(desk, "/ho-so/" + code + "/thao-tac", {{"command", "return"}, {"version", std::to_string(version(code))}});
    EXPECT_EQ(r.status, 409);
    EXPECT_TRUE(contains(r.body, "role=\"alert\"")) << r.body;
    const auto stale = post(head, "/ho-so/" + code + "/thao-tac", {{"command", "start_processing"}, {"version", "0"}});
    EXPECT_EQ(stale.status, 409);
    EXPECT_TRUE(contains(stale.body, "vừa được người khác cập nhật"));
}

TEST_F(DossierPages, AnotherAgencysUserCanNeitherReadNorChangeTheDossier) {
    const std::string code = intakeByForm();
    const long long before = version(code);
    for (const auto& path : std::vector<std::string>{"/ho-so/" + code, "/ho-so/" + code + "/in/giay-tiep-nhan",
                                                     "/ho-so/" + code + "/in/phieu-kiem-soat"}) {
        SCOPED_TRACE(path);
        const auto r = get(other_desk, path);
        EXPECT_EQ(r.status, 403);
        EXPECT_FALSE(contains(r.body, "Phạm Văn An"));
    }
    EXPECT_EQ(post(other_desk, "/ho-so/" + code + "/thao-tac",
                   {{"command", "withdraw"}, {"reason", "x"}, {"version", std::to_string(before)}}).status, 403);
    EXPECT_EQ(post(other_desk, "/ho-so/" + code + "/xin-loi",
                   {{"reason", "x"}, {"new_due_at", "2026-12-30T10:00"}, {"version", std::to_string(before)}}).status, 403);
    EXPECT_FALSE(contains(get(other_desk, "/ho-so?q=" + code).body, "/ho-so/" + code));
    EXPECT_EQ(version(code), before);
}

TEST_F(DossierPages, FormsWithoutTheCsrfTokenAreRefused) {
    const std::string code = intakeByForm();
    const long long before = version(code);
    const auto r = app.request("POST", "/ho-so/" + code + "/thao-tac",
                               formBody({{"command", "withdraw"}, {"reason", "x"}, {"version", std::to_string(before)}}),
                               {{"Cookie", desk.cookie}, {"Content-Type", kForm}});
    EXPECT_EQ(r.status, 403);
    const auto intake = app.request("POST", "/tiep-nhan", formBody(intakeForm("2.000488", "Không Token")),
                                    {{"Cookie", desk.cookie}, {"Content-Type", kForm}});
    EXPECT_EQ(intake.status, 403);
    EXPECT_EQ(version(code), before);
    EXPECT_EQ(jsonInt(app.as(admin, "GET", "/api/v1/dossiers").body, "total"), 1);
}

TEST_F(DossierPages, UserTextIsEscapedInEveryPageAndPrintedForm) {
    const std::string evil = "<script>alert(1)</script>";
    const std::string code = intakeByForm("2.000488", evil);
    for (const auto& path : std::vector<std::string>{"/ho-so/" + code, "/ho-so?q=" + code, "/ho-so/" + code + "/in/giay-tiep-nhan",
          "/so-theo-doi/in?from=2026-11-01&to=2026-11-30"}) {
        SCOPED_TRACE(path);
        const auto r = get(desk, path);
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_FALSE(contains(r.body, evil));
        EXPECT_TRUE(contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
    auto form = intakeForm("2.000488", evil);
    form[5] = {"applicant.id_number", "<b>x</b>"};
    form.back() = {"intake_key", "another form"};
    const auto invalid = post(desk, "/tiep-nhan", form);
    EXPECT_EQ(invalid.status, 422);
    EXPECT_FALSE(contains(invalid.body, "<b>x</b>"));
    EXPECT_FALSE(contains(invalid.body, evil));
}

TEST_F(DossierPages, RegisterListsTheDossiersReceivedInTheRange) {
    const std::string first = intakeByForm("2.000488", "Người Thứ Nhất");
    const std::string second = intakeByForm("2.000815", "Người Thứ Hai");
    const long long logged = accessLogged("print_register");
    const auto book = get(desk, "/so-theo-doi/in?from=2026-11-18&to=2026-11-18");
    ASSERT_EQ(book.status, 200);
    EXPECT_EQ(accessLogged("print_register"), logged + 1);
    EXPECT_TRUE(contains(book.body, "Sổ theo dõi hồ sơ"));
    EXPECT_TRUE(contains(book.body, first));
    EXPECT_TRUE(contains(book.body, second));
    EXPECT_TRUE(contains(book.body, "Từ ngày 18/11/2026 đến ngày 18/11/2026"));
    const auto empty = get(desk, "/so-theo-doi/in?from=2026-11-19&to=2026-11-30");
    EXPECT_FALSE(contains(empty.body, first));
    EXPECT_TRUE(contains(empty.body, "Không có hồ sơ"));
}

TEST_F(DossierPages, CitizenLookupShowsStatusAndAppointmentOnly) {
    const std::string code = intakeByForm();
    const auto lookup = [&](const std::string& c, const std::string& digits) {
        return app.request("POST", "/tra-cuu", formBody({{"code", c}, {"phone4", digits}}), {{"Content-Type", kForm}});
    };
    const auto found = lookup(code, "5678");
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_TRUE(contains(found.body, "Đã tiếp nhận") || contains(found.body, "Được tiếp nhận")) << found.body;
    EXPECT_TRUE(contains(found.body, formDue(code))) << found.body;
    for (const char* personal : {"Phạm Văn An", "038090001234", "0912345678", "Lê Lợi"}) {
        EXPECT_FALSE(contains(found.body, personal)) << personal;
    }
    const auto wrong_digits = lookup(code, "1234");
    const auto wrong_code = lookup("000.00.06.H56-261118-9999", "5678");
    EXPECT_EQ(wrong_digits.status, 404);
    EXPECT_EQ(wrong_code.status, 404);
    const auto message = [](const std::string& body) {
        const auto at = body.find("class=\"error\"");
        return at == std::string::npos ? std::string() : body.substr(at, body.find("</p>", at) - at);
    };
    EXPECT_FALSE(message(wrong_digits.body).empty());
    EXPECT_EQ(message(wrong_digits.body), message(wrong_code.body));
    // A citizen typing Vietnamese words where the code goes gets the same answer, not a 500.
    const auto words = lookup("Hồ sơ khai sinh", "5678");
    EXPECT_EQ(words.status, 404) << words.body;
    EXPECT_EQ(message(words.body), message(wrong_code.body));
    EXPECT_EQ(get(desk, "/ho-so/H%E1%BB%93-s%C6%A1").status, 404);
    int limited = 0;
    for (int i = 0; i < 25; ++i) limited += lookup(code, "0000").status == 429 ? 1 : 0;
    EXPECT_GT(limited, 0);
    EXPECT_EQ(lookup(code, "5678").status, 429);
}

}  // namespace
}  // namespace motcua
