#pragma once
/// Several statements sent to the server in one round trip (store-internal). A write path that
/// would otherwise pay one round trip per table (intake: dossiers, documents, events,
/// statistics, counter steps, access log, sequence, commit) builds a StatementBatch and runs it
/// with Session::runBatch.
///
/// Values never enter the text as the caller gave them: TextRow renders each bound value as a
/// literal — numbers in decimal, NULL, and strings either as plain quoted text when every byte
/// is in a small safe set (letters, digits, space, . : - _ + /) or else as a utf8mb4 hex
/// literal (_utf8mb4 X'…'), which holds only hex digits whatever the input. So a statement
/// built with TextRow cannot be changed by its data, exactly like a prepared statement.
///
/// The same binder functions serve both: they are written against "anything with setInt64,
/// setInt, setBoolean, setString and setNull", which sql::PreparedStatement and TextRow are.

#include "store/database.h"

#include <cppconn/prepared_statement.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::store {

/// Binds values to the `?` placeholders of one statement's text and renders it.
class TextRow {
public:
    /// `text` is a statement whose every `?` is a placeholder (no `?` inside its literals).
    explicit TextRow(std::string_view text);

    void setInt64(unsigned index, std::int64_t value);
    void setUInt64(unsigned index, std::uint64_t value);
    void setInt(unsigned index, int value);
    void setBoolean(unsigned index, bool value);
    void setString(unsigned index, std::string_view value);
    void setNull(unsigned index, int type);

    /// Returns the statement with every placeholder replaced by its literal; throws
    /// Error(Internal) when a placeholder has no value.
    std::string render() const;

    /// Returns `value` as an SQL string literal (see the file comment).
    static std::string literal(std::string_view value);

private:
    void set(unsigned index, std::string literal);

    std::string_view text_;
    std::vector<std::string> values_;  ///< by placeholder, 0-based; empty = not bound
};

/// Statements to run together, in order.
class StatementBatch {
public:
    /// Appends one statement; `returns_rows` when it yields a result set (SELECT, RETURNING).
    void add(std::string statement, bool returns_rows = false);

    /// Appends COMMIT, which ends the batch's transaction: the session then knows, if the
    /// connection is lost on the way, that the transaction may have committed (CommitUnknown).
    void addCommit() {
        add("COMMIT");
        commit_at_ = statements_.size();
    }
    /// Appends every statement of `other`, its COMMIT too.
    void append(const StatementBatch& other) {
        if (other.commit_at_ != 0) commit_at_ = statements_.size() + other.commit_at_;
        statements_.insert(statements_.end(), other.statements_.begin(), other.statements_.end());
        returns_rows_.insert(returns_rows_.end(), other.returns_rows_.begin(), other.returns_rows_.end());
    }
    /// 1 + the index of the COMMIT added by addCommit(), or 0.
    std::size_t commitAt() const { return commit_at_; }

    bool empty() const { return statements_.empty(); }
    std::size_t size() const { return statements_.size(); }
    const std::vector<std::string>& statements() const { return statements_; }
    const std::vector<bool>& returnsRows() const { return returns_rows_; }


private:
    std::vector<std::string> statements_;
    std::vector<bool> returns_rows_;
    std::size_t commit_at_ = 0;
};

/// Renders `text` bound by `bind(TextRow&)` and appends it to `batch`.
template <class Bind>
void addStatement(StatementBatch& batch, std::string_view text, Bind&& bind, bool returns_rows = false) {
    TextRow row(text);
    bind(row);
    batch.add(row.render(), returns_rows);
}

/// A write without result, to a batch (appended) or to a session (prepared and run now):
/// repository functions written once against `Target&` serve both.
template <class Bind>
void writeStatement(StatementBatch& batch, std::string_view text, Bind&& bind) {
    addStatement(batch, text, bind);
}

template <class Bind>
void writeStatement(Session& session, std::string_view text, Bind&& bind) {
    auto& statement = session.prepare(text);
    bind(statement);
    statement.executeUpdate();
}

}  // namespace motcua::store
