#pragma once
/// The connection pool to MariaDB. Every unit of work runs through `run()`, which
/// leases a connection, translates driver errors into motcua::Error and, when the
/// connection was lost, ends its server session if that is still there (so that its locks go),
/// reconnects, re-prepares and retries the work once, unless a COMMIT had been sent on it (see
/// CommitUnknown).

#include "domain/core/error.h"
#include "store/db_url.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace motcua::store {

class StatementBatch;

/// The connection was lost after a unit of work had sent a COMMIT: the server may have committed
/// it or not, so the work is not run again (that could store it twice). Code Unavailable; the
/// caller finds out what was stored, or tells the user to check.
class CommitUnknown : public Error {
public:
    using Error::Error;
};

/// Pool settings.
struct DatabaseSettings {
    DbUrl url;
    int max_connections = 32;
    std::chrono::seconds connect_timeout{3};
    std::chrono::seconds lease_timeout{10};
};

/// One leased connection with its prepared-statement cache. Used only inside store/.
class Session {
public:
    explicit Session(std::unique_ptr<sql::Connection> connection);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    /// Returns the prepared statement for `sql`, preparing it on first use on this connection.
    sql::PreparedStatement& prepare(std::string_view sql);

    /// Runs a statement with no parameters and no result (DDL, SET …).
    void execute(std::string_view sql);

    /// Closes every cached statement when more than `limit` are cached (multi-row statements
    /// come in many sizes; the server allows max_prepared_stmt_count in all). Call it only
    /// when no reference from prepare() is held: the pool does, before each unit of work.
    void limitStatements(std::size_t limit);

    /// Returns the AUTO_INCREMENT id of the last row this connection inserted.
    std::int64_t lastInsertId();

    /// Runs every statement of `batch` in one round trip (more for a batch of over 1 MiB of
    /// text), in order, and returns, for each statement that returns rows, the first column of
    /// its rows as integers. The server stops at the first statement that fails; its error is
    /// thrown (the connection stays usable).
    std::vector<std::vector<std::int64_t>> runBatch(const StatementBatch& batch);

    /// Returns the underlying driver connection.
    sql::Connection& connection() { return *connection_; }

    /// Whether a COMMIT was sent in the current unit of work (Transaction::commit and batches
    /// holding one set it; the pool clears it before each unit).
    bool commitSent() const { return commit_sent_; }
    void markCommitSent() { commit_sent_ = true; }
    void clearCommitSent() { commit_sent_ = false; }

    /// Which server session this connection is, read when it connected: its connection id,
    /// when the server started (seconds since the epoch, to within a second), and the user and
    /// client address (host:port) the server sees for it.
    struct ServerSession {
        std::uint64_t id = 0;
        std::int64_t server_started = 0;
        std::string user;
        std::string host;
    };
    const ServerSession& serverSession() const { return server_session_; }
    /// Reads serverSession() from the server.
    void identify();

private:
    std::unique_ptr<sql::Connection> connection_;
    ServerSession server_session_;
    bool commit_sent_ = false;
    std::map<std::string, std::unique_ptr<sql::PreparedStatement>, std::less<>> statements_;
};

/// A bounded pool of MariaDB connections.
class Database {
public:
    /// Creates the pool; connects lazily. Call `initDriver()` once before threads start.
    explicit Database(DatabaseSettings settings);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Initialises the driver singleton; not thread-safe, call once from main().
    static void initDriver();

    /// Runs `work(Session&)` on a pooled connection and returns its result.
    /// Throws Error(Unavailable) when the server cannot be reached, after one retry, and
    /// CommitUnknown, without a retry, when the connection was lost after `work` sent a COMMIT.
    template <class F>
    auto run(F&& work) -> std::invoke_result_t<F, Session&> {
        using R = std::invoke_result_t<F, Session&>;
        if constexpr (std::is_void_v<R>) {
            runImpl([&](Session& session) { work(session); });
        } else {
            std::optional<R> out;
            runImpl([&](Session& session) { out.emplace(work(session)); });
            return std::move(*out);
        }
    }

    /// Returns true when a round trip to the server succeeds now.
    bool ping() noexcept;

    /// Returns the server address (password redacted) for logs.
    std::string describe() const { return settings_.url.redacted(); }

    /// Returns the URL the pool connects to.
    const DbUrl& url() const { return settings_.url; }

private:
    void runImpl(const std::function<void(Session&)>& work);
    std::unique_ptr<Session> acquire();
    void release(std::unique_ptr<Session> session);
    std::unique_ptr<Session> connect();
    void endLostSessions(Session& session);
    static void endSessions(Session& session, const std::vector<Session::ServerSession>& lost);

    DatabaseSettings settings_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Session>> idle_;
    int open_ = 0;
    std::vector<Session::ServerSession> lost_;  ///< lost connections whose server session may live on
    std::atomic<bool> has_lost_{false};
};

/// RAII transaction: begins on construction, rolls back in the destructor unless committed.
class Transaction {
public:
    explicit Transaction(Session& session);
    /// For a transaction whose first statement batch starts it ("START TRANSACTION" first) and
    /// whose last one commits it (StatementBatch::addCommit() last): rolls back unless `committedByBatch()`.
    struct StartedByBatch {};
    Transaction(Session& session, StartedByBatch);
    /// A read-only transaction (START TRANSACTION READ ONLY: one snapshot, writes refused). Its
    /// COMMIT stores nothing, so a connection lost with it is no CommitUnknown: run() reads again.
    struct ReadOnly {};
    Transaction(Session& session, ReadOnly);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Commits; after this the destructor does nothing.
    void commit();
    /// Records that a batch ending in COMMIT ran; after this the destructor does nothing.
    void committedByBatch() { done_ = true; }

private:
    Session& session_;
    bool read_only_ = false;
    bool done_ = false;
};

}  // namespace motcua::store
