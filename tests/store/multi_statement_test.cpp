// Contract: a statement batch runs its statements in one round trip, in order, and returns the
// rows of those that return rows; the text of its statements cannot be changed by their data
// (every value a literal: safe characters quoted, anything else hex), so hostile strings are
// stored as they came; the first failing statement stops the batch, so a COMMIT after it never
// runs, and the connection stays usable for the rollback.

#include "domain/core/error.h"
#include "store/multi_statement.h"
#include "support/test_database.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <gtest/gtest.h>

namespace motcua {
namespace {

using store::StatementBatch;
using store::TextRow;

TEST(TextRow, RendersNumbersNullsAndSafeTextAsTheyAre) {
    TextRow row("INSERT INTO t (a, b, c, d, e) VALUES (?, ?, ?, ?, ?)");
    row.setInt64(1, -42);
    row.setBoolean(2, true);
    row.setNull(3, 0);
    row.setString(4, "2026-11-18 09:00:00.000");
    row.setInt(5, 7);
    EXPECT_EQ(row.render(), "INSERT INTO t (a, b, c, d, e) VALUES (-42, 1, NULL, '2026-11-18 09:00:00.000', 7)");
}

TEST(TextRow, RendersEveryOtherStringAsAUtf8mb4HexLiteral) {
    EXPECT_EQ(TextRow::literal("Hồ"), "_utf8mb4 X'48E1BB93'");
    EXPECT_EQ(TextRow::literal("a'b"), "_utf8mb4 X'612762'");
    EXPECT_EQ(TextRow::literal(""), "''");
    const std::vector<std::string> hostile_values{"'; DROP TABLE t; --", "\\' OR 1=1 #", std::string("a\0b", 3), "\"?\"",
                                                  "x`y"};
    for (const auto& hostile : hostile_values) {
        const auto text = TextRow::literal(hostile);
        ASSERT_EQ(text.rfind("_utf8mb4 X'", 0), 0u) << hostile;
        EXPECT_EQ(text.find_first_not_of("0123456789ABCDEF", 11), text.size() - 1) << text;
    }
}

TEST(TextRow, APlaceholderLeftUnboundOrOutOfRangeIsAnError) {
    TextRow row("UPDATE t SET a = ? WHERE b = ?");
    row.setInt64(1, 1);
    EXPECT_THROW(row.render(), Error);
    EXPECT_THROW(row.setInt64(3, 1), Error);
    EXPECT_THROW(row.setInt64(0, 1), Error);
}

class StatementBatchDb : public ::testing::Test {
protected:
    void SetUp() override {
        db.database().run([](store::Session& s) {
            s.execute("CREATE TABLE batch_t (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) CHARACTER SET utf8mb4"
                      " COLLATE utf8mb4_uca1400_vietnamese_as_ci NOT NULL)");
            s.execute("CREATE TABLE batch_seq (k INT PRIMARY KEY, last_seq BIGINT NOT NULL)");
            s.execute("INSERT INTO batch_seq VALUES (1, 10)");
        });
    }

    std::vector<std::string> names() {
        return db.database().run([](store::Session& s) {
            std::vector<std::string> out;
            std::unique_ptr<sql::ResultSet> rs(s.prepare("SELECT name FROM batch_t ORDER BY id").executeQuery());
            while (rs->next()) out.push_back(rs->getString(1));
            return out;
        });
    }

    test::TestDatabase db;
};

TEST_F(StatementBatchDb, HostileAndVietnameseStringsAreStoredExactlyAndIdsComeBackInOrder) {
    const std::vector<std::string> values{"Nguyễn Văn Bình", "'); DROP TABLE batch_t; --", "a\\'b\"c`d",
                                          "x; DELETE FROM batch_seq", "Hồ ≠ Hổ ≠ Ho"};
    StatementBatch batch;
    batch.add("START TRANSACTION");
    store::addStatement(batch, "INSERT INTO batch_t (name) VALUES (?), (?), (?), (?), (?) RETURNING id", [&](TextRow& row) {
        for (unsigned i = 0; i < values.size(); ++i) row.setString(i + 1, values[i]);
    }, true);
    batch.add("SELECT last_seq FROM batch_seq", true);
    batch.addCommit();
    const auto [rows, commit_sent] = db.database().run([&](store::Session& s) {
        auto out = s.runBatch(batch);
        return std::make_pair(out, s.commitSent());
    });
    EXPECT_TRUE(commit_sent);  // a lost connection now could have committed
    ASSERT_EQ(rows.size(), 2u);
    ASSERT_EQ(rows[0].size(), values.size());
    for (std::size_t i = 1; i < rows[0].size(); ++i) EXPECT_GT(rows[0][i], rows[0][i - 1]);
    EXPECT_EQ(rows[1], std::vector<std::int64_t>{10});
    EXPECT_EQ(names(), values);
}

TEST(StatementBatch, KnowsWhereItsCommitIsAlsoWhenAppendedToAnother) {
    StatementBatch rows;
    rows.add("INSERT INTO t VALUES (1)");
    EXPECT_EQ(rows.commitAt(), 0u);
    StatementBatch last;
    last.add("DO 1");
    last.addCommit();
    EXPECT_EQ(last.commitAt(), 2u);
    rows.append(last);
    EXPECT_EQ(rows.statements(), (std::vector<std::string>{"INSERT INTO t VALUES (1)", "DO 1", "COMMIT"}));
    EXPECT_EQ(rows.commitAt(), 3u);
    StatementBatch text;
    text.add("COMMIT");  // only addCommit() marks it
    EXPECT_EQ(text.commitAt(), 0u);
}

TEST_F(StatementBatchDb, AFailedCheckStopsTheBatchBeforeItsCommitAndTheRollbackUndoesIt) {
    const auto attempt = [&](std::int64_t expected_last) {
        db.database().run([&](store::Session& s) {
            store::Transaction tx(s, store::Transaction::StartedByBatch{});
            StatementBatch batch;
            batch.add("START TRANSACTION");
            store::addStatement(batch, "INSERT INTO batch_t (name) VALUES (?)",
                                [&](TextRow& row) { row.setString(1, "expected " + std::to_string(expected_last)); });
            store::addStatement(batch, "UPDATE batch_seq SET last_seq = last_seq + 1 WHERE k = 1 AND last_seq = ?",
                                [&](TextRow& row) { row.setInt64(1, expected_last); });
            batch.add("BEGIN NOT ATOMIC IF ROW_COUNT() <> 1 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = "
                      "'motcua: code sequence moved'; END IF; END");
            batch.addCommit();
            s.runBatch(batch);
            tx.committedByBatch();
        });
    };
    try {
        attempt(9);  // the sequence stands at 10
        FAIL() << "the check should have failed";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Conflict);
        EXPECT_EQ(e.field(), std::optional<std::string>("code_sequence"));
    }
    EXPECT_TRUE(names().empty());  // the insert before the check was rolled back
    attempt(10);
    EXPECT_EQ(names(), std::vector<std::string>{"expected 10"});
    // The same pooled connection still works after the failure.
    const auto last = db.database().run([](store::Session& s) {
        StatementBatch batch;
        batch.add("SELECT last_seq FROM batch_seq", true);
        return s.runBatch(batch);
    });
    EXPECT_EQ(last, (std::vector<std::vector<std::int64_t>>{{11}}));
}

TEST_F(StatementBatchDb, ABatchOfSeveralMegabytesGoesInSeveralRoundTripsWithItsResultsInOrder) {
    db.database().run([](store::Session& s) { s.execute("ALTER TABLE batch_t MODIFY name MEDIUMTEXT NOT NULL"); });
    StatementBatch batch;
    batch.add("START TRANSACTION");
    std::vector<std::string> values;
    for (int i = 0; i < 40; ++i) {
        values.push_back(std::to_string(i) + std::string(40000, 'e') + "ế");  // 80 kB as hex each
        store::addStatement(batch, "INSERT INTO batch_t (name) VALUES (?) RETURNING id",
                            [&](TextRow& row) { row.setString(1, values.back()); }, true);
    }
    batch.add("SELECT COUNT(*) FROM batch_t", true);
    batch.addCommit();
    const auto [rows, commit_sent] = db.database().run([&](store::Session& s) {
        auto out = s.runBatch(batch);
        return std::make_pair(out, s.commitSent());
    });
    EXPECT_TRUE(commit_sent);  // the COMMIT went in the last round trip
    ASSERT_EQ(rows.size(), 41u);
    for (std::size_t i = 1; i < 40; ++i) EXPECT_GT(rows[i].at(0), rows[i - 1].at(0));
    EXPECT_EQ(rows[40], std::vector<std::int64_t>{40});
    EXPECT_EQ(names(), values);
}

TEST_F(StatementBatchDb, AFailingStatementInTheMiddleThrowsItsErrorAndRunsNothingAfterIt) {
    StatementBatch batch;
    batch.add("INSERT INTO batch_t (name) VALUES ('first')");
    batch.add("INSERT INTO batch_seq VALUES (1, 99)");  // duplicate key
    batch.add("INSERT INTO batch_t (name) VALUES ('after')");
    try {
        db.database().run([&](store::Session& s) { s.runBatch(batch); });
        FAIL() << "the duplicate key should have failed the batch";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::AlreadyExists);
    }
    EXPECT_EQ(names(), std::vector<std::string>{"first"});  // autocommit: the first ran, the last did not
}

}  // namespace
}  // namespace motcua
