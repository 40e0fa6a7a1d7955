// Contract (issue 7, security): SQL-injection strings in every text field of an intake, a
// transition, an apology and the catalog, and in every list filter, are data, never SQL: they
// are stored and returned exactly as typed (or refused with a 4xx where the field has a
// format), no request gets a 5xx, filters built from them match nothing, and no other table
// changes. Cross-agency reads of the audit trail and apology attempts are refused (403).

#include "support/dossier_fixture.h"
#include "support/test_database.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <gtest/gtest.h>

namespace motcua {
namespace {

const std::vector<std::string> kPayloads = {
    "' OR '1'='1",
    "'; DROP TABLE dossiers; --",
    "\" OR \"\"=\"",
    "1; UPDATE users SET role='admin' WHERE '1'='1",
    "x' UNION SELECT password_hash FROM users -- ",
    "\\'; SELECT SLEEP(5); #",
    "%' AND 1=1 AND '%'='",
    "admin'/*",
};

/// JSON-escapes `s` as a string literal body.
std::string esc(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

long long count(test::TestDatabase& db, const std::string& table) {
    return db.database().run([&](store::Session& s) {
        std::unique_ptr<sql::ResultSet> rs(s.prepare("SELECT COUNT(*) FROM " + table).executeQuery());
        rs->next();
        return static_cast<long long>(rs->getInt64(1));
    });
}

Poco::JSON::Object::Ptr parse(const std::string& body) {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

class Injection : public test::DossierFixture {
protected:
    std::map<std::string, long long> guarded() {
        std::map<std::string, long long> counts;
        for (const char* t : {"agencies", "users", "procedures", "fields", "calendar_schedules"}) counts[t] = count(app.db, t);
        return counts;
    }
};

TEST_F(Injection, TextFieldsOfAnIntakeAreStoredExactlyAsTyped) {
    const auto before = guarded();
    long long created = 0;
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        const std::string body =
            R"({"procedure_code":"2.000488","channel":"direct","result_delivery":"desk",)"
            R"("applicant":{"kind":"individual","name":")" + esc(payload) +
            R"(","id_number":"038090001234","phone":"0912345678","email":"","address":")" + esc(payload) +
            R"(","representative":{"name":")" + esc(payload) + R"(","id_number":"038090009999"}},)"
            R"("documents":[{"name":")" + esc(payload) + R"(","kind":"original","count":1}]})";
        const auto r = app.as(desk, "POST", "/api/v1/dossiers", body);
        ASSERT_EQ(r.status, 201) << r.body;
        ++created;
        const std::string code = test::jsonString(r.body, "code");
        const auto view = parse(app.as(desk, "GET", "/api/v1/dossiers/" + code).body);
        const auto applicant = view->getObject("applicant");
        ASSERT_FALSE(applicant.isNull());
        EXPECT_EQ(applicant->getValue<std::string>("name"), payload);
        EXPECT_EQ(applicant->getValue<std::string>("address"), payload);
        // Injection strings in the identity fields are refused by their format, never executed.
        const auto bad_id = app.as(desk, "POST", "/api/v1/dossiers", intakeBody("An", "").replace(
                                                                         intakeBody("An", "").find("038090001234"), 12,
                                                                         esc(payload)));
        EXPECT_GE(bad_id.status, 400) << bad_id.body;
        EXPECT_LT(bad_id.status, 500) << bad_id.body;
    }
    EXPECT_EQ(count(app.db, "dossiers"), created);
    EXPECT_EQ(guarded(), before);
}

TEST_F(Injection, NotesReasonsAndCatalogNamesAreData) {
    const auto before_users = count(app.db, "users");
    const std::string code = test::jsonString(app.as(desk, "POST", "/api/v1/dossiers", intakeBody()).body, "code");
    long long version = 2;
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        const auto field = app.as(admin, "POST", "/api/v1/fields",
                                  R"({"code":"F)" + std::to_string(version) + R"(","name":")" + esc(payload) + "\"}");
        ASSERT_EQ(field.status, 201) << field.body;
        EXPECT_EQ(parse(field.body)->getValue<std::string>("name"), payload);
    }
    ASSERT_EQ(app.as(officer, "POST", "/api/v1/dossiers/" + code + "/transitions",
                     R"({"command":"start_processing","version":2})").status, 200);
    const auto supplement =
        app.as(officer, "POST", "/api/v1/dossiers/" + code + "/transitions",
               R"({"command":"request_supplement","version":3,"reason":")" + esc(kPayloads[1]) + R"(","items":[")" +
                   esc(kPayloads[4]) + "\"]}");
    ASSERT_EQ(supplement.status, 200) << supplement.body;
    Poco::JSON::Parser parser;
    const auto events = parser.parse(app.as(desk, "GET", "/api/v1/dossiers/" + code + "/events").body)
                            .extract<Poco::JSON::Array::Ptr>();
    std::string trail;
    for (std::size_t i = 0; i < events->size(); ++i) {
        const auto e = events->getObject(static_cast<unsigned>(i));
        trail += e->getValue<std::string>("note") + "\n";
        const auto details = e->getObject("details");
        for (const auto& key : details->getNames()) trail += details->getValue<std::string>(key) + "\n";
    }
    EXPECT_NE(trail.find(kPayloads[1]), std::string::npos) << trail;
    EXPECT_NE(trail.find(kPayloads[4]), std::string::npos) << trail;
    EXPECT_EQ(count(app.db, "users"), before_users);
    EXPECT_EQ(count(app.db, "dossiers"), 1);
}

TEST_F(Injection, ListFiltersMatchNothingAndNeverFail) {
    ASSERT_EQ(app.as(desk, "POST", "/api/v1/dossiers", intakeBody()).status, 201);
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        std::string encoded;
        Poco::URI::encode(payload, "&=+?#%'\"/;", encoded);
        for (const char* filter : {"q", "status", "procedure", "agency", "due", "from", "to"}) {
            const auto r = app.as(desk, "GET", "/api/v1/dossiers?" + std::string(filter) + "=" + encoded);
            EXPECT_TRUE(r.status == 200 || (r.status >= 400 && r.status < 500)) << filter << ": " << r.status << r.body;
            if (r.status == 200) {
                EXPECT_NE(r.body.find("\"total\":0"), std::string::npos) << filter << ": " << r.body;
            }
        }
    }
    const auto all = app.as(desk, "GET", "/api/v1/dossiers");
    EXPECT_NE(all.body.find("\"total\":1"), std::string::npos) << all.body;
}

// Codes, keys and statuses are ASCII columns, which MariaDB will not compare with other text:
// Vietnamese words typed where a code belongs must find nothing (or be refused), never fail.
TEST_F(Injection, VietnameseWordsWhereACodeBelongsFindNothingAndNeverFail) {
    const std::string code = test::jsonString(app.as(desk, "POST", "/api/v1/dossiers", intakeBody()).body, "code");
    const std::string words = "Sở Tư pháp";
    std::string encoded;
    Poco::URI::encode(words, "&=+?#%'\"/;", encoded);
    for (const std::string& path : {"/api/v1/dossiers/" + encoded, "/api/v1/dossiers/" + encoded + "/events"}) {
        const auto r = app.as(desk, "GET", path);
        EXPECT_EQ(r.status, 404) << path << ": " << r.body;
    }
    for (const char* filter : {"q", "status", "procedure", "agency"}) {
        const auto r = app.as(desk, "GET", "/api/v1/dossiers?" + std::string(filter) + "=" + encoded);
        EXPECT_TRUE(r.status == 200 || (r.status >= 400 && r.status < 500)) << filter << ": " << r.status << r.body;
        if (r.status == 200) {
            EXPECT_NE(r.body.find("\"total\":0"), std::string::npos) << filter << ": " << r.body;
        }
    }
    const auto report = app.as(desk, "GET", "/api/v1/reports/06a?period=2026-Q4&agency=" + encoded);
    EXPECT_TRUE(report.status >= 400 && report.status < 500) << report.status << report.body;
    std::string intake = intakeBody();
    intake.replace(intake.find("2.000488"), 8, "Khai sinh");
    const auto unknown_procedure = app.as(desk, "POST", "/api/v1/dossiers", intake);
    EXPECT_TRUE(unknown_procedure.status >= 400 && unknown_procedure.status < 500) << unknown_procedure.body;
    const auto keyed = app.as(desk, "POST", "/api/v1/dossiers", intakeBody(), {{"Idempotency-Key", "hồ-sơ-1"}});
    EXPECT_EQ(keyed.status, 400) << keyed.body;
    EXPECT_NE(keyed.body.find("Idempotency-Key"), std::string::npos) << keyed.body;
    const auto transfer = app.as(officer, "POST", "/api/v1/dossiers/" + code + "/transitions",
                                 R"({"command":"transfer","version":2,"to_agency":")" + words +
                                     R"(","hop_due_at":"2026-12-25T17:00:00+07:00"})");
    EXPECT_TRUE(transfer.status >= 400 && transfer.status < 500) << transfer.status << transfer.body;
    EXPECT_EQ(count(app.db, "dossiers"), 1);
    EXPECT_EQ(count(app.db, "dossier_events"), 2);
}

TEST_F(Injection, AnotherAgencysTrailAndApologyAreForbidden) {
    const std::string code = test::jsonString(app.as(desk, "POST", "/api/v1/dossiers", intakeBody()).body, "code");
    EXPECT_EQ(app.as(other_desk, "GET", "/api/v1/dossiers/" + code + "/events").status, 403);
    EXPECT_EQ(app.as(other_desk, "POST", "/api/v1/dossiers/" + code + "/apology",
                     R"({"version":2,"reason":"x","new_due_at":"2026-12-20T09:00:00+07:00"})")
                  .status,
              403);
    EXPECT_EQ(count(app.db, "dossier_events"), 2);
}

}  // namespace
}  // namespace motcua
