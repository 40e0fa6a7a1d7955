// Contract (issue 7): `motcua demo generate` writes lawful histories fast: every generated dossier
// went through the real state machine (events 1..version, one submitted and one accepted event,
// gapless daily codes), the mix has every channel, transfers, supplements, late dossiers with and
// without an apology and open overdue ones, the same seed gives the same data, a database that
// already holds dossiers is refused, and desk intakes afterwards continue the daily sequences.

#include "app/config.h"
#include "app/wiring.h"
#include "domain/core/error.h"
#include "service/demo_generator.h"
#include "service/report_service.h"
#include "store/database.h"
#include "support/dossier_checks.h"
#include "support/fixed_clock.h"
#include "support/test_database.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <gtest/gtest.h>

#include <cstdlib>

namespace motcua {
namespace {

// Mon 2026-11-23 10:00 +07:00.
const date::sys_seconds kNow{std::chrono::seconds{1'795'402'800}};

long long scalar(store::Database& db, const std::string& sql) {
    return db.run([&](store::Session& s) {
        std::unique_ptr<sql::ResultSet> rs(s.prepare(sql).executeQuery());
        return rs->next() ? static_cast<long long>(rs->getInt64(1)) : -1LL;
    });
}

struct Generated {
    test::TestDatabase db;
    test::FixedClock clock{kNow};
    app::Config config;
    std::unique_ptr<app::Wiring> wiring;
    service::GenerateSummary summary;

    explicit Generated(std::int64_t dossiers, std::uint64_t seed = 7) {
        const std::string load = "env MOTCUA_DB_URL='" + db.url().toString() + "' " + MOTCUA_BINARY +
                                 " demo load > /dev/null 2>&1";
        if (std::system(load.c_str()) != 0) throw std::runtime_error("demo load failed");
        config.db_url = db.url().toString();
        config.home = test::sourceDir();
        wiring = std::make_unique<app::Wiring>(config, clock);
        service::GenerateOptions options;
        options.dossiers = dossiers;
        options.agencies = 8;
        options.years = 2;
        options.seed = seed;
        options.batch = 500;
        summary = generator().run(options);
    }
    service::DemoGenerator generator() {
        return service::DemoGenerator(wiring->database(), clock, wiring->calendar(), wiring->catalog());
    }
};

TEST(DemoGenerator, WritesLawfulHistoriesWithTheWholeMix) {
    Generated g(3000);
    auto& db = g.wiring->database();
    EXPECT_EQ(g.summary.dossiers, 3000);
    EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM dossiers"), 3000);
    EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM dossier_events"), g.summary.events);
    EXPECT_EQ(static_cast<long long>(test::checkCommittedDossiers(db).size()),
              scalar(db, "SELECT COUNT(*) FROM dossiers WHERE code IS NOT NULL"));
    for (const char* channel : {"direct", "online_full", "online_partial", "postal"}) {
        EXPECT_GT(scalar(db, std::string("SELECT COUNT(*) FROM dossiers WHERE channel = '") + channel + "'"), 0) << channel;
    }
    EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM dossier_transfers"), 0);
    EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM dossiers WHERE supplement_count > 0"), 0);
    EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM dossiers WHERE verdict = 'late' AND apology_issued_at IS NOT NULL"), 0);
    EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM dossiers WHERE verdict = 'late' AND apology_issued_at IS NULL"), 0);
    EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM dossiers WHERE verdict = 'early'"), 0);
    EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM dossiers WHERE status = 'refused_at_intake'"), 0);
    EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM dossiers WHERE is_open AND current_due_at < '2026-11-23 03:00:00'"), 0)
        << "some open dossiers are overdue";
    // Two years of receipts: two Tết holidays lie inside, and no dossier was received on one.
    EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM dossiers WHERE received_at BETWEEN '2026-02-15' AND '2026-02-21'"), 0);
    EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM dossiers WHERE received_at < '2025-01-01'"), 0);
    // The statistics records were written with the histories and equal a recomputation.
    EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM dossier_stats"), 3000);
    const auto verify = g.wiring->reports().verify();
    EXPECT_EQ(verify.dossiers, 3000);
    EXPECT_TRUE(verify.differences.empty()) << verify.differences.size() << " differences, first: "
                                            << (verify.differences.empty() ? "" : verify.differences.front());
}

TEST(DemoGenerator, SameSeedSameDataAndRefusesADatabaseWithDossiers) {
    Generated a(200, 42), b(200, 42);
    const std::string digest =
        "SELECT SUM(CRC32(CONCAT_WS('|', code, status, channel, applicant_name, received_at, verdict))) FROM dossiers";
    EXPECT_EQ(scalar(a.wiring->database(), digest), scalar(b.wiring->database(), digest));
    service::GenerateOptions again;
    again.dossiers = 10;
    try {
        a.generator().run(again);
        FAIL() << "a second run must be refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::FailedPrecondition);
        EXPECT_NE(e.userMessage().find("đã có"), std::string::npos) << e.userMessage();
    }
    EXPECT_EQ(scalar(a.wiring->database(), "SELECT COUNT(*) FROM dossiers"), 200);
}

TEST(DemoGenerator, DeskIntakesAfterwardsContinueTheDailySequence) {
    Generated g(400);
    auto& db = g.wiring->database();
    // The busiest agency-day of the generated data, and a new dossier code on that day: the
    // sequence table was raised to the generated maximum, so the next number follows it.
    const auto last = scalar(db, "SELECT MAX(last_seq) FROM dossier_code_sequences");
    ASSERT_GT(last, 0);
    const auto numbered = scalar(db, "SELECT MAX(CAST(SUBSTRING_INDEX(code, '-', -1) AS UNSIGNED)) FROM dossiers");
    EXPECT_EQ(last, numbered);
    EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM dossier_code_sequences s WHERE s.last_seq <> (SELECT COUNT(*) FROM "
                         "dossiers d WHERE d.receiving_agency_id = s.agency_id AND d.code IS NOT NULL AND "
                         "SUBSTRING_INDEX(SUBSTRING_INDEX(d.code, '-', -2), '-', 1) = DATE_FORMAT(s.day, '%y%m%d'))"),
              0);
}

}  // namespace
}  // namespace motcua
