#include "store/database.h"

#include "common/log.h"
#include "domain/core/error.h"
#include "store/multi_statement.h"
#include "store/sql_error.h"

#include <cppconn/connection.h>
#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <cstdlib>

namespace motcua::store {
namespace {

// Statements one connection keeps prepared: the hot single-row ones and the multi-row sizes in
// use. With the pool's 32 connections that is at most 8 192, half MariaDB's default
// max_prepared_stmt_count of 16 382.
constexpr std::size_t kStatementsPerSession = 256;

sql::Driver* driver() {
    static sql::Driver* instance = get_driver_instance();
    return instance;
}

Error unavailable(const std::string& log) {
    return Error(ErrorCode::Unavailable, "Không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.", log);
}

}  // namespace

Session::Session(std::unique_ptr<sql::Connection> connection) : connection_(std::move(connection)) {}

Session::~Session() {
    statements_.clear();
    try {
        if (connection_) connection_->close();
    } catch (const sql::SQLException& e) {
        log::debug("db.close_failed", {{"error", e.what()}});
    }
}

sql::PreparedStatement& Session::prepare(std::string_view sql) {
    const auto found = statements_.find(sql);
    if (found != statements_.end()) return *found->second;
    std::unique_ptr<sql::PreparedStatement> statement(connection_->prepareStatement(std::string(sql)));
    auto& ref = *statement;
    statements_.emplace(std::string(sql), std::move(statement));
    return ref;
}

void Session::limitStatements(std::size_t limit) {
    if (statements_.size() > limit) statements_.clear();
}

void Session::execute(std::string_view sql) {
    std::unique_ptr<sql::Statement> statement(connection_->createStatement());
    statement->execute(std::string(sql));
}

namespace {

constexpr std::string_view kIdentify =
    "SELECT p.ID, UNIX_TIMESTAMP() - s.VARIABLE_VALUE, p.USER, p.HOST FROM information_schema.PROCESSLIST p "
    "JOIN information_schema.GLOBAL_STATUS s ON s.VARIABLE_NAME = 'UPTIME' WHERE p.ID = CONNECTION_ID()";

}  // namespace

void Session::identify() {
    std::unique_ptr<sql::Statement> statement(connection_->createStatement());
    std::unique_ptr<sql::ResultSet> rs(statement->executeQuery(std::string(kIdentify)));
    if (!rs->next()) return;
    server_session_ = {rs->getUInt64(1), rs->getInt64(2), rs->getString(3), rs->getString(4)};
}

std::int64_t Session::lastInsertId() {
    std::unique_ptr<sql::ResultSet> rs(prepare("SELECT LAST_INSERT_ID()").executeQuery());
    rs->next();
    return rs->getInt64(1);
}

std::vector<std::vector<std::int64_t>> Session::runBatch(const StatementBatch& batch) {
    std::vector<std::vector<std::int64_t>> rows;
    const auto& statements = batch.statements();
    const auto& returns = batch.returnsRows();
    // Round trips of at most kBatchBytes of text (a batch of large intakes, its text hex-encoded,
    // could pass the server's max_allowed_packet); a longer single statement goes alone.
    constexpr std::size_t kBatchBytes = 1 << 20;
    for (std::size_t first = 0; first < statements.size();) {
        std::size_t end = first;
        std::size_t bytes = 0;
        std::string text;
        while (end < statements.size() && (end == first || bytes + statements[end].size() + 2 <= kBatchBytes)) {
            bytes += statements[end].size() + 2;
            if (end > first) text += ";\n";
            text += statements[end++];
        }
        if (batch.commitAt() > first && batch.commitAt() <= end) commit_sent_ = true;
        std::unique_ptr<sql::Statement> statement(connection_->createStatement());
        std::size_t done = first;
        try {
            bool has_rows = statement->execute(text);
            for (;;) {
                if (has_rows) {
                    std::unique_ptr<sql::ResultSet> rs(statement->getResultSet());
                    auto& out = rows.emplace_back();
                    while (rs->next()) out.push_back(rs->getInt64(1));
                }
                if (has_rows != returns[done]) {
                    throw Error(ErrorCode::Internal, "Lỗi hệ thống khi ghi dữ liệu.",
                                "statement " + std::to_string(done + 1) + " of a batch returned an unexpected result");
                }
                if (++done == end) break;
                // Connector/C++ 1.1 reports no update count after the first result; the results
                // are walked by position, one per statement.
                has_rows = statement->getMoreResults();
            }
        } catch (...) {
            // Read what the server still sends (nothing after a failed statement), so that the
            // connection can run the ROLLBACK.
            try {
                for (std::size_t i = done; i < end; ++i) statement->getMoreResults();
            } catch (const sql::SQLException& e) {
                log::debug("db.batch_drain_failed", {{"error", e.what()}});
            }
            throw;
        }
        first = end;
    }
    return rows;
}

Database::Database(DatabaseSettings settings) : settings_(std::move(settings)) {}

Database::~Database() = default;

void Database::initDriver() { driver(); }

std::unique_ptr<Session> Database::connect() {
    sql::ConnectOptionsMap options;
    options["hostName"] = "tcp://" + settings_.url.host + ":" + std::to_string(settings_.url.port);
    options["userName"] = settings_.url.user;
    options["password"] = settings_.url.password;
    if (!settings_.url.database.empty()) options["schema"] = settings_.url.database;
    options["OPT_CHARSET_NAME"] = "utf8mb4";
    options["OPT_RECONNECT"] = false;
    // Statement batches (StatementBatch) send several statements in one round trip; every
    // value in them is rendered as a literal by TextRow, never spliced in as given.
    options["CLIENT_MULTI_STATEMENTS"] = true;
    options["OPT_CONNECT_TIMEOUT"] = static_cast<int>(settings_.connect_timeout.count());
    options["OPT_READ_TIMEOUT"] = 60;
    options["OPT_WRITE_TIMEOUT"] = 60;
    try {
        std::unique_ptr<sql::Connection> connection(driver()->connect(options));
        auto session = std::make_unique<Session>(std::move(connection));
        // Instants are stored as UTC DATETIME (STYLE.md 9.4); strict mode turns silent truncation into errors.
        session->execute("SET time_zone = '+00:00'");
        session->execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
                         "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
        session->identify();
        return session;
    } catch (const sql::SQLException& e) {
        if (isConnectionLost(e.getErrorCode())) {
            throw unavailable("connect to " + settings_.url.redacted() + " failed: " + e.what());
        }
        rethrowTranslated(e);
    }
}

std::unique_ptr<Session> Database::acquire() {
    std::unique_lock<std::mutex> lock(mutex_);
    const bool got = available_.wait_for(lock, settings_.lease_timeout,
                                         [&] { return !idle_.empty() || open_ < settings_.max_connections; });
    if (!got) throw unavailable("connection pool exhausted");
    if (!idle_.empty()) {
        auto session = std::move(idle_.back());
        idle_.pop_back();
        return session;
    }
    ++open_;
    lock.unlock();
    try {
        return connect();
    } catch (...) {
        const std::lock_guard<std::mutex> relock(mutex_);
        --open_;
        available_.notify_one();
        throw;
    }
}

void Database::release(std::unique_ptr<Session> session) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (session) {
        idle_.push_back(std::move(session));
    } else {
        --open_;
    }
    available_.notify_one();
}

void Database::runImpl(const std::function<void(Session&)>& work) {
    for (int attempt = 0;; ++attempt) {
        std::unique_ptr<Session> session = acquire();
        try {
            try {
                endLostSessions(*session);
                session->limitStatements(kStatementsPerSession);
                session->clearCommitSent();
                work(*session);
            } catch (const sql::SQLException& e) {
                rethrowTranslated(e);
            }
            release(std::move(session));
            return;
        } catch (const ConnectionLost& e) {
            // The server dropped this connection (restart, kill, timeout): throw it and its
            // prepared statements away, and run the work once more on a new connection, unless
            // it may have committed already.
            const bool commit_sent = session->commitSent();
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                if (session->serverSession().id != 0) {
                    lost_.push_back(session->serverSession());
                    has_lost_ = true;
                }
            }
            session.reset();
            release(nullptr);
            log::warn("db.connection_lost", {{"attempt", std::to_string(attempt + 1)},
                                             {"after_commit", commit_sent ? "yes" : "no"},
                                             {"error", e.what()}});
            if (commit_sent) {
                throw CommitUnknown(ErrorCode::Unavailable,
                                    "Mất kết nối với cơ sở dữ liệu đúng lúc đang lưu, nên chưa rõ thay đổi đã được lưu "
                                    "hay chưa. Hãy tải lại hồ sơ để kiểm tra trước khi làm lại.",
                                    std::string("connection lost after COMMIT was sent: ") + e.what());
            }
            if (attempt >= 1) throw;
        } catch (...) {
            release(std::move(session));
            throw;
        }
    }
}

// A connection can be lost on this side only: a read timeout, or a network that fails without
// either end hearing of it. The server then keeps the session, in its transaction and holding
// its locks (a day's code sequence row, say), until its own timeouts end it — hours. A retry, or
// the check of whether a lost COMMIT went through, would wait on those locks. So the next unit of
// work, before its own, ends such sessions with KILL CONNECTION — only one still listed by the
// server under the same id, user and client host:port, on a server that has not restarted since
// (a connection id is another client's only after a restart, or on another server behind a
// balancer; the client port tells those apart). A user may always kill its own connections.
void Database::endLostSessions(Session& session) {
    if (!has_lost_.load(std::memory_order_acquire)) return;
    std::vector<Session::ServerSession> lost;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        lost.swap(lost_);
        has_lost_ = false;
    }
    try {
        endSessions(session, lost);
    } catch (...) {
        // This connection failed too: the next one tries again (a session already ended is skipped).
        const std::lock_guard<std::mutex> lock(mutex_);
        lost_.insert(lost_.end(), lost.begin(), lost.end());
        has_lost_ = true;
        throw;
    }
}

void Database::endSessions(Session& session, const std::vector<Session::ServerSession>& lost) {
    const auto& here = session.serverSession();
    for (const auto& old : lost) {
        if (std::abs(here.server_started - old.server_started) > 2) continue;  // restarted: the session is gone
        // Ending it is a courtesy to the work that follows: an error here (it ended meanwhile,
        // say) must not fail that work, unless this connection is lost too.
        try {
            auto& still = session.prepare("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                          "WHERE ID = ? AND USER = ? AND HOST = ?");
            still.setUInt64(1, old.id);
            still.setString(2, old.user);
            still.setString(3, old.host);
            std::unique_ptr<sql::ResultSet> rs(still.executeQuery());
            if (!rs->next() || rs->getInt64(1) == 0) continue;  // it ended by itself
            session.execute("KILL CONNECTION " + std::to_string(old.id));
            log::warn("db.lost_session_ended", {{"connection_id", std::to_string(old.id)}, {"host", old.host}});
        } catch (const sql::SQLException& e) {
            if (isConnectionLost(e.getErrorCode())) throw;
            log::debug("db.lost_session_not_ended", {{"connection_id", std::to_string(old.id)}, {"error", e.what()}});
        }
    }
}

bool Database::ping() noexcept {
    try {
        run([](Session& session) { session.execute("DO 1"); });
        return true;
    } catch (const std::exception& e) {
        log::debug("db.ping_failed", {{"error", e.what()}});
        return false;
    }
}

// START TRANSACTION / COMMIT with autocommit left on: one round trip fewer per transaction than
// switching autocommit off and back on.
Transaction::Transaction(Session& session) : session_(session) { session_.execute("START TRANSACTION"); }

Transaction::Transaction(Session& session, StartedByBatch) : session_(session) {}

Transaction::Transaction(Session& session, ReadOnly) : session_(session), read_only_(true) {
    session_.execute("START TRANSACTION READ ONLY");
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        session_.execute("ROLLBACK");
    } catch (const sql::SQLException& e) {
        // The connection is probably gone; the server rolls the transaction back itself.
        log::warn("db.rollback_failed", {{"error", e.what()}});
    }
}

void Transaction::commit() {
    if (!read_only_) session_.markCommitSent();
    session_.execute("COMMIT");
    done_ = true;
}

}  // namespace motcua::store
