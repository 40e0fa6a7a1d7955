// Contract (STYLE.md 9.5): migrations are numbered, forward-only and checksummed; `migrate`
// applies pending files once, records (version, name, sha256, applied_at), and refuses to go
// on when an applied file was edited.

#include "domain/core/error.h"
#include "store/migrator.h"
#include "store/sql_script.h"
#include "support/test_database.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace motcua {
namespace {

const date::sys_seconds kNow{std::chrono::seconds{1'790'000'000}};

std::filesystem::path copyMigrations() {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("motcua-mig-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    std::filesystem::create_directories(dir);
    for (const auto& e : std::filesystem::directory_iterator(test::sourceDir() + "/sql/migrations")) {
        std::filesystem::copy_file(e.path(), dir / e.path().filename());
    }
    return dir;
}

int countApplied(store::Database& db) {
    return db.run([](store::Session& s) {
        std::unique_ptr<sql::ResultSet> rs(s.prepare("SELECT COUNT(*) FROM schema_migrations").executeQuery());
        rs->next();
        return rs->getInt(1);
    });
}

TEST(Migrator, AppliesEveryFileOnceAndRecordsChecksums) {
    test::TestDatabase db(false);
    store::Migrator migrator(db.database(), test::sourceDir() + "/sql/migrations");
    const auto pending_before = migrator.pending();
    ASSERT_FALSE(pending_before.empty());
    EXPECT_EQ(migrator.applyPending(kNow), static_cast<int>(pending_before.size()));
    EXPECT_TRUE(migrator.pending().empty());
    EXPECT_EQ(migrator.applyPending(kNow), 0);
    EXPECT_EQ(countApplied(db.database()), static_cast<int>(pending_before.size()));
    for (const auto& state : migrator.status()) {
        EXPECT_TRUE(state.applied) << state.file.name;
        EXPECT_EQ(state.file.sha256.size(), 64u);
    }
}

TEST(Migrator, RefusesWhenAnAppliedFileWasEdited) {
    test::TestDatabase db(false);
    const auto dir = copyMigrations();
    store::Migrator(db.database(), dir).applyPending(kNow);
    {
        std::ofstream edit(dir / "0001_create_agencies.sql", std::ios::app);
        edit << "\n-- edited after release\n";
    }
    store::Migrator edited(db.database(), dir);
    try {
        edited.pending();
        FAIL() << "expected a checksum refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::FailedPrecondition);
        EXPECT_NE(e.userMessage().find("0001_create_agencies.sql"), std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST(Migrator, NewFileIsPendingUntilApplied) {
    test::TestDatabase db(true);
    const auto dir = copyMigrations();
    {
        std::ofstream add(dir / "9999_add_probe.sql");
        add << "CREATE TABLE probe (id INT PRIMARY KEY, note VARCHAR(20) DEFAULT 'a;b');\n"
               "INSERT INTO probe (id) VALUES (1); -- a comment; with a semicolon\n";
    }
    store::Migrator migrator(db.database(), dir);
    ASSERT_EQ(migrator.pending().size(), 1u);
    EXPECT_EQ(migrator.pending().front().version, 9999);
    EXPECT_EQ(migrator.applyPending(kNow), 1);
    const std::string note = db.database().run([](store::Session& s) {
        std::unique_ptr<sql::ResultSet> rs(s.prepare("SELECT note FROM probe WHERE id = 1").executeQuery());
        rs->next();
        return std::string(rs->getString(1));
    });
    EXPECT_EQ(note, "a;b");
    std::filesystem::remove_all(dir);
}

TEST(Migrator, RejectsMisnamedFiles) {
    test::TestDatabase db(false);
    const auto dir = copyMigrations();
    { std::ofstream bad(dir / "12_bad.sql"); }
    EXPECT_THROW(store::Migrator(db.database(), dir), Error);
    std::filesystem::remove_all(dir);
}

TEST(SqlScript, SplitsOnSemicolonsOutsideQuotesAndComments) {
    const auto statements = store::splitSqlStatements(
        "CREATE TABLE a (x VARCHAR(3) DEFAULT ';');\n-- note; here\n/* block; */ INSERT INTO a VALUES ('it''s;');"
        "\n# hash; comment\nSELECT `we;ird` FROM a;  \n  ");
    ASSERT_EQ(statements.size(), 3u);
    EXPECT_NE(statements[0].find("DEFAULT ';'"), std::string::npos);
    EXPECT_NE(statements[1].find("'it''s;'"), std::string::npos);
    EXPECT_NE(statements[2].find("`we;ird`"), std::string::npos);
}

}  // namespace
}  // namespace motcua
