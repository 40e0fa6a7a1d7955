// Contract (issue 6; TT 01/2020/TT-VPCP Biểu 06a, NĐ 09/2019 Đ12, counting rules in README):
// a small dataset driven through the real API, with every 06a column computed by hand for the
// NĐ 09 month 2026-M11 (15/10/2026 – 14/11/2026); the received-on-the-14th / on-the-15th and
// resolved-after-the-period-end boundaries; a dossier transferred between agencies counted once;
// the exports (CSV with BOM, XLSX); the index criteria with drill-down; scope (403) and bad
// periods (4xx); and the stored records equal to a recomputation from the audit trail.

#include "service/report_service.h"
#include "service/stats_records.h"
#include "store/database.h"
#include "support/dossier_fixture.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <stdexcept>

namespace motcua {
namespace {

using test::jsonString;

date::sys_seconds at(const std::string& local) {
    // "2026-10-14 09:00" in +07:00
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    if (std::sscanf(local.c_str(), "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) != 5) throw std::invalid_argument(local);
    const date::sys_days day{date::year{y} / static_cast<unsigned>(mo) / static_cast<unsigned>(d)};
    return day + std::chrono::hours{h - 7} + std::chrono::minutes{mi};
}

Poco::JSON::Object::Ptr parse(const std::string& body) {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

long long count(const Poco::JSON::Object::Ptr& row, const std::string& group, const std::string& column) {
    return row->getObject(group)->getValue<long long>(column);
}

class ReportApi : public test::DossierFixture {
protected:
    /// Moves the clock and signs everybody in again (sessions expire when idle).
    void setClock(const std::string& local) {
        app.clock.set(at(local));
        admin = app.login("admin", "quan-tri-2026");
        desk = app.login("tiepnhan", "tiep-nhan-2026");
        officer = app.login("xuly", "xu-ly-2026");
        head = app.login("lanhdao", "lanh-dao-2026");
    }

    std::string intakeAt(const std::string& local, const std::string& channel = "direct",
                         const std::string& procedure = "2.000488") {
        setClock(local);
        std::string extra;
        std::string delivery = "desk";
        if (channel == "postal") extra = R"(,"handover_at":")" + date::format("%FT%T+07:00", at(local) + std::chrono::hours(7)) + "\"";
        if (channel == "online_full") delivery = "online";
        const auto r = app.as(desk, "POST", "/api/v1/dossiers",
                              R"({"procedure_code":")" + procedure + R"(","channel":")" + channel +
                                  R"(","result_delivery":")" + delivery +
                                  R"(","applicant":{"kind":"individual","name":"Lê Văn Tám","id_number":"038090001234",)"
                                  R"("phone":"0912345678","address":"1 Lê Lợi"},)"
                                  R"("documents":[{"name":"Tờ khai","kind":"original","count":1}])" + extra + "}");
        EXPECT_EQ(r.status, 201) << r.body;
        return jsonString(r.body, "code");
    }

    long long version(const std::string& code) {
        return test::jsonInt(app.as(desk, "GET", "/api/v1/dossiers/" + code).body, "version");
    }

    void act(const std::string& local, const test::ServedApp::Login& who, const std::string& code,
             const std::string& command, const std::string& extra = "") {
        setClock(local);
        const auto r = app.as(who, "POST", "/api/v1/dossiers/" + code + "/transitions",
                              R"({"command":")" + command + R"(","version":)" + std::to_string(version(code)) + extra + "}");
        ASSERT_EQ(r.status, 200) << command << " " << code << ": " << r.body;
    }

    void resolveAt(const std::string& local, const std::string& code) {
        act(local, officer, code, "start_processing");
        act(local, officer, code, "resolve");
    }

    Poco::JSON::Object::Ptr report(const std::string& query) {
        const auto r = app.as(admin, "GET", "/api/v1/reports/06a?" + query);
        EXPECT_EQ(r.status, 200) << r.body;
        return parse(r.body);
    }

    /// Builds the dataset of the file comment; returns the codes by letter.
    std::map<char, std::string> dataset() {
        std::map<char, std::string> c;
        c['A'] = intakeAt("2026-10-14 09:00");                  // the 14th: carried over into 2026-M11
        c['B'] = intakeAt("2026-10-15 09:00");                  // the 15th: received in 2026-M11
        c['C'] = intakeAt("2026-10-16 09:00", "online_full");   // online, still open at E, overdue
        c['D'] = intakeAt("2026-10-20 09:00", "postal");        // postal, resolved after E: overdue at E
        c['E'] = intakeAt("2026-10-21 09:00");                  // transferred, resolved late
        c['H'] = intakeAt("2026-10-19 09:00");                  // resolved on its due date: on time
        c['F'] = intakeAt("2026-11-13 10:00", "online_full");   // received in the last days, open
        c['G'] = intakeAt("2026-11-16 08:00");                  // after E: not in 2026-M11
        resolveAt("2026-10-20 10:00", c['A']);                  // due 28/10: early
        resolveAt("2026-10-16 10:00", c['B']);                  // early
        act("2026-10-22 10:00", officer, c['E'], "start_processing");
        act("2026-10-22 11:00", officer, c['E'], "transfer", R"(,"to_agency":"000.00.15.H56")");
        act("2026-11-10 10:00", officer, c['E'], "resolve");     // due 04/11: late
        resolveAt("2026-11-02 08:30", c['H']);                  // due 02/11 09:00: on time
        resolveAt("2026-11-16 10:00", c['D']);                  // after E
        return c;
    }
};

TEST_F(ReportApi, EveryColumnOfAHandComputedMonth) {
    const auto c = dataset();
    const auto json = report("period=2026-M11&agency=000.00.06.H56");
    EXPECT_EQ(json->getObject("period")->getValue<std::string>("first_day"), "2026-10-15");
    EXPECT_EQ(json->getObject("period")->getValue<std::string>("last_day"), "2026-11-14");
    const auto total = json->getObject("total");
    // Received: B, E, H direct and D postal (4); C, F online (2); A from the previous period.
    EXPECT_EQ(count(total, "received", "carried_over"), 1);
    EXPECT_EQ(count(total, "received", "online"), 2);
    EXPECT_EQ(count(total, "received", "direct_and_postal"), 4);
    EXPECT_EQ(count(total, "received", "postal"), 1);
    EXPECT_EQ(count(total, "received", "total"), 7);
    // Resolved in the period: A and B early, H on time, E late (D only after the end).
    EXPECT_EQ(count(total, "resolved", "early"), 2);
    EXPECT_EQ(count(total, "resolved", "on_time"), 1);
    EXPECT_EQ(count(total, "resolved", "late"), 1);
    EXPECT_EQ(count(total, "resolved", "total"), 4);
    // In progress at the end: C and D overdue, F within time.
    EXPECT_EQ(count(total, "in_progress", "overdue"), 2);
    EXPECT_EQ(count(total, "in_progress", "within_time"), 1);
    EXPECT_EQ(count(total, "in_progress", "total"), 3);
    const auto rates = total->getObject("rates");
    EXPECT_EQ(rates->getObject("on_time")->getValue<int>("numerator"), 3);
    EXPECT_EQ(rates->getObject("on_time")->getValue<int>("denominator"), 4);
    // Late or overdue (E, C, D) and no apology: coverage 0 of 3.
    EXPECT_EQ(rates->getObject("apology_coverage")->getValue<int>("denominator"), 3);
    EXPECT_EQ(rates->getObject("apology_coverage")->getValue<int>("numerator"), 0);
    // Toàn trình share: C and F filed online, of the 6 new receipts of a procedure offered toàn trình.
    EXPECT_EQ(rates->getObject("online_full_share")->getValue<int>("numerator"), 2);
    EXPECT_EQ(rates->getObject("online_full_share")->getValue<int>("denominator"), 6);
    EXPECT_EQ(rates->getObject("postal_receipt_share")->getValue<int>("numerator"), 1);
    // The month after: A, B, E, H are gone; C, D, F carried over; G received.
    const auto next = report("period=2026-M12&agency=000.00.06.H56")->getObject("total");
    EXPECT_EQ(count(next, "received", "carried_over"), 3);
    EXPECT_EQ(count(next, "received", "total"), 4);
    EXPECT_EQ(count(next, "resolved", "total"), 1) << "D resolved 16/11";
    (void)c;

    // Every step above is still pending (no `serve` loop here): moving the steps into the day
    // counters changes no report.
    const auto pendingSteps = [&] {
        return app.wiring->database().run([](store::Session& s) {
            std::unique_ptr<sql::ResultSet> rs(s.prepare("SELECT COUNT(*) FROM stats_counter_pending").executeQuery());
            return rs->next() ? rs->getInt64(1) : -1;
        });
    };
    const auto before = app.as(admin, "GET", "/api/v1/reports/06a?period=2026-M11&agency=000.00.06.H56").body;
    EXPECT_GT(pendingSteps(), 0);
    EXPECT_GT(service::flushDayCounters(app.wiring->database()), 0);
    EXPECT_EQ(pendingSteps(), 0);
    EXPECT_EQ(app.as(admin, "GET", "/api/v1/reports/06a?period=2026-M11&agency=000.00.06.H56").body, before);
    EXPECT_EQ(service::flushDayCounters(app.wiring->database()), 0);
}

TEST_F(ReportApi, ATransferredDossierIsCountedOnce) {
    dataset();
    const auto json = report("period=2026-M11&agency=000.00.00.H56");
    const auto rows = json->getArray("rows");
    std::map<std::string, long long> received;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto row = rows->getObject(static_cast<unsigned>(i));
        received[row->getValue<std::string>("key")] = count(row, "received", "total");
    }
    EXPECT_EQ(received["000.00.00.H56"], 7) << "the province row counts each dossier once";
    EXPECT_EQ(received["000.00.06.H56"], 7) << "under the receiving agency";
    EXPECT_EQ(received["000.00.15.H56"], 0) << "not again under the agency it was transferred to";
    const auto by_handling = report("period=2026-M11&agency=000.00.00.H56&attribution=handling")->getArray("rows");
    long long handled = 0, province = 0;
    for (std::size_t i = 0; i < by_handling->size(); ++i) {
        const auto row = by_handling->getObject(static_cast<unsigned>(i));
        if (row->getValue<std::string>("key") == "000.00.15.H56") handled = count(row, "resolved", "late");
        if (row->getValue<std::string>("key") == "000.00.00.H56") province = count(row, "received", "total");
    }
    EXPECT_EQ(handled, 1) << "by handling agency, E is Sở Xây dựng's late result";
    EXPECT_EQ(province, 7);
}

TEST_F(ReportApi, APeriodStillRunningJudgesOpenDossiersNowNotAtItsEnd) {
    const auto code = intakeAt("2026-11-16 09:00");  // due 30/11, inside 2026-M12 (15/11 – 14/12)
    setClock("2026-11-27 10:00");
    auto month = report("period=2026-M12&agency=000.00.06.H56");
    EXPECT_EQ(month->getObject("period")->getValue<std::string>("as_of"), "2026-11-27T10:00:00+07:00");
    auto total = month->getObject("total");
    EXPECT_EQ(count(total, "in_progress", "within_time"), 1) << "due on 30/11: not overdue on 27/11";
    EXPECT_EQ(count(total, "in_progress", "overdue"), 0);
    EXPECT_EQ(total->getObject("rates")->getObject("apology_coverage")->getValue<int>("denominator"), 0);
    // Read record by record (handling agency) it is the same.
    const auto handled = report("period=2026-M12&agency=000.00.06.H56&attribution=handling")->getObject("total");
    EXPECT_EQ(count(handled, "in_progress", "overdue"), 0);
    EXPECT_EQ(count(handled, "in_progress", "within_time"), 1);
    const auto page = app.as(admin, "GET", "/thong-ke?period=2026-M12&agency=000.00.06.H56");
    EXPECT_NE(page.body.find("kỳ chưa kết thúc, số liệu tính đến 10 giờ 00 phút, ngày 27/11/2026"), std::string::npos);

    setClock("2026-12-01 10:00");  // past its due time
    total = report("period=2026-M12&agency=000.00.06.H56")->getObject("total");
    EXPECT_EQ(count(total, "in_progress", "overdue"), 1) << code;
    EXPECT_EQ(count(total, "in_progress", "within_time"), 0);
    // A period over has no cut; one not begun is refused.
    EXPECT_TRUE(report("period=2026-M11&agency=000.00.06.H56")->getObject("period")->isNull("as_of"));
    const auto future = app.as(admin, "GET", "/api/v1/reports/06a?period=2027");
    EXPECT_EQ(future.status, 422) << future.body;
    EXPECT_NE(future.body.find("chưa bắt đầu"), std::string::npos) << future.body;
}

TEST_F(ReportApi, ADossierDueLaterTodayIsWithinTimeNowFromTheCountersAndFromTheRecords) {
    // A same-day procedure taken at 09:00 is due at 17:00; the day counters, read through the
    // day, see it overdue by the day's end, and the cut at 10:00 corrects them from its record.
    const auto expectInProgress = [&](long long within_time, long long overdue) {
        for (const char* attribution : {"receiving", "handling"}) {
            SCOPED_TRACE(attribution);
            const auto total = report(std::string("period=2026-M12&agency=000.00.06.H56&attribution=") + attribution)
                                   ->getObject("total");
            EXPECT_EQ(count(total, "in_progress", "within_time"), within_time);
            EXPECT_EQ(count(total, "in_progress", "overdue"), overdue);
        }
    };
    intakeAt("2026-12-02 09:00", "direct", "2.000815");
    setClock("2026-12-02 10:00");
    expectInProgress(1, 0);
    setClock("2026-12-02 17:30");
    expectInProgress(0, 1);
}

TEST_F(ReportApi, ExportsIndexDrillDownScopeAndBadInput) {
    const auto c = dataset();
    const auto csv = app.as(admin, "GET", "/api/v1/reports/06a?period=2026-M11&agency=000.00.06.H56&format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM for Excel";
    EXPECT_NE(csv.body.find("Số hồ sơ nhận giải quyết - Tổng số"), std::string::npos);
    EXPECT_NE(csv.body.find("Sở Tư pháp"), std::string::npos);
    const auto xlsx = app.as(admin, "GET", "/api/v1/reports/06a?period=2026-M11&agency=000.00.06.H56&format=xlsx");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u) << "an .xlsx is a zip file";
    EXPECT_GT(xlsx.body.size(), 3000u);

    const auto index = app.as(admin, "GET", "/api/v1/reports/index?period=2026-M11&agency=000.00.06.H56&table=par-draft");
    ASSERT_EQ(index.status, 200) << index.body;
    const auto criteria = parse(index.body)->getArray("criteria");
    bool found_on_time = false;
    for (std::size_t i = 0; i < criteria->size(); ++i) {
        const auto cr = criteria->getObject(static_cast<unsigned>(i));
        if (cr->getValue<std::string>("indicator") != "on_time_rate") continue;
        found_on_time = true;
        const auto shortfall = cr->getArray("shortfall");
        ASSERT_EQ(shortfall->size(), 1u);
        EXPECT_EQ(shortfall->getElement<std::string>(0), c.at('E')) << "the late dossier is behind the shortfall";
        EXPECT_EQ(cr->getArray("counted")->size(), 3u);
    }
    EXPECT_TRUE(found_on_time);

    // A head reads his own agency, not the province or a sibling; a desk officer reads none.
    EXPECT_EQ(app.as(head, "GET", "/api/v1/reports/06a?period=2026-M11").status, 200);
    EXPECT_EQ(app.as(head, "GET", "/api/v1/reports/06a?period=2026-M11&agency=000.00.00.H56").status, 403);
    EXPECT_EQ(app.as(head, "GET", "/api/v1/reports/06a?period=2026-M11&agency=000.00.15.H56").status, 403);
    EXPECT_EQ(app.as(desk, "GET", "/api/v1/reports/06a?period=2026-M11").status, 403);
    const auto bad = app.as(admin, "GET", "/api/v1/reports/06a?period=2026-Q5");
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_NE(bad.body.find("period"), std::string::npos);
    EXPECT_EQ(app.as(admin, "GET", "/api/v1/reports/06a").status, 422);
    const auto bad_group = app.as(admin, "GET", "/api/v1/reports/06a?period=2026-M11&group=tinh");
    EXPECT_EQ(bad_group.status, 422);
    EXPECT_NE(bad_group.body.find("\"field\":\"group\""), std::string::npos) << "named as sent: " << bad_group.body;
    EXPECT_EQ(app.as(admin, "GET", "/api/v1/reports/06a?period=2026&format=pdf").status, 422);
    EXPECT_EQ(app.as(admin, "GET", "/api/v1/reports/index?period=2026&table=khong-co").status, 404);
}

TEST_F(ReportApi, ScoringTablesAreEnteredAsData) {
    dataset();
    const std::string table = "code;name;indicator;max_points;rule\\n"
                              "T1;Tỷ lệ đúng hạn 2027;on_time_rate;2;bands:1=2,0.7=1\\n";
    const auto saved = app.as(admin, "PUT", "/api/v1/reports/scoring-tables/par-2027",
                              R"({"name":"Chỉ số CCHC 2027","body":")" + table + "\"}");
    ASSERT_EQ(saved.status, 200) << saved.body;
    const auto index = app.as(admin, "GET", "/api/v1/reports/index?period=2026-M11&agency=000.00.06.H56&table=par-2027");
    ASSERT_EQ(index.status, 200) << index.body;
    const auto json = parse(index.body);
    EXPECT_DOUBLE_EQ(json->getValue<double>("points"), 1.0) << "3 of 4 on time = 75% → the 0.7 band";
    EXPECT_EQ(app.as(admin, "PUT", "/api/v1/reports/scoring-tables/x",
                     R"({"name":"Hỏng","body":"T1;Tên;khong_co;2;linear"})").status,
              422);
    EXPECT_EQ(app.as(head, "PUT", "/api/v1/reports/scoring-tables/x", R"({"name":"x","body":")" + table + "\"}").status,
              403);
}

TEST_F(ReportApi, RandomHistoriesKeepRecordsEqualToTheTrail) {
    std::mt19937 rng(20261122);
    std::vector<std::string> codes;
    for (int i = 0; i < 40; ++i) {
        const int day = 1 + static_cast<int>(rng() % 28);
        codes.push_back(intakeAt("2026-10-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + " 09:00",
                                 rng() % 3 == 0 ? "online_full" : "direct"));
    }
    setClock("2026-11-17 09:00");
    const std::vector<std::string> commands = {"start_processing", "request_supplement", "receive_supplement", "resolve",
                                               "return", "withdraw", "transfer"};
    int applied = 0;
    for (int step = 0; step < 200; ++step) {
        const auto& code = codes[rng() % codes.size()];
        const auto& command = commands[rng() % commands.size()];
        std::string extra;
        if (command == "request_supplement") extra = R"(,"reason":"Thiếu","items":["Bản sao"])";
        if (command == "withdraw") extra = R"(,"reason":"Công dân rút")";
        if (command == "transfer") extra = R"(,"to_agency":"000.00.15.H56")";
        const auto r = app.as(head, "POST", "/api/v1/dossiers/" + code + "/transitions",
                              R"({"command":")" + command + R"(","version":)" + std::to_string(version(code)) + extra + "}");
        // Illegal moves (409) and repeated transfers to the same agency (422) are refused; nothing is written.
        EXPECT_TRUE(r.status == 200 || r.status == 409 || r.status == 422) << r.body;
        applied += r.status == 200 ? 1 : 0;
        if (step % 40 == 0) app.clock.advance(std::chrono::hours(26));
        if (step % 40 == 0) head = app.login("lanhdao", "lanh-dao-2026");
        if (step % 40 == 0) desk = app.login("tiepnhan", "tiep-nhan-2026");
    }
    EXPECT_GT(applied, 40) << "the walk must change the dossiers, not only be refused";
    const auto verify = app.wiring->reports().verify();
    EXPECT_EQ(verify.dossiers, 40);
    EXPECT_TRUE(verify.differences.empty()) << verify.differences.front();
}

}  // namespace
}  // namespace motcua
