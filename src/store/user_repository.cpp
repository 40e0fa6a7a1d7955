#include "store/user_repository.h"

#include "store/ascii_column.h"
#include "store/multi_statement.h"

#include "store/multi_row.h"
#include "store/sql_time.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

namespace motcua::store {
namespace {

constexpr std::string_view kFindByUsername =
    "SELECT u.id, u.username, u.full_name, u.role, u.agency_id, a.code, u.password_hash, u.active"
    " FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.username = ?";
constexpr std::string_view kFindById =
    "SELECT u.id, u.username, u.full_name, u.role, u.agency_id, a.code, u.password_hash, u.active"
    " FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = ?";
constexpr std::string_view kList =
    "SELECT u.id, u.username, u.full_name, u.role, u.agency_id, a.code, u.password_hash, u.active"
    " FROM users u JOIN agencies a ON a.id = u.agency_id ORDER BY u.username";
constexpr std::string_view kAgencyByCode = "SELECT id FROM agencies WHERE code = ?";
constexpr std::string_view kInsert =
    "INSERT INTO users (username, full_name, role, agency_id, password_hash, active, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kSetPassword =
    "UPDATE users SET password_hash = ?, updated_at = ?, version = version + 1 WHERE id = ?";
constexpr std::string_view kInsertSession =
    "INSERT INTO user_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kFindSession =
    "SELECT s.csrf_token, s.created_at, s.expires_at, s.last_seen_at,"
    " u.id, u.username, u.full_name, u.role, u.agency_id, a.code, u.password_hash, u.active"
    " FROM user_sessions s JOIN users u ON u.id = s.user_id JOIN agencies a ON a.id = u.agency_id"
    " WHERE s.token_hash = ?";
constexpr std::string_view kTouchSession =
    "UPDATE user_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?";
constexpr std::string_view kDeleteSession = "DELETE FROM user_sessions WHERE token_hash = ?";
constexpr std::string_view kDeleteSessionsOf = "DELETE FROM user_sessions WHERE user_id = ?";
constexpr std::string_view kLogAccess =
    "INSERT INTO personal_data_access_log (user_id, dossier_id, subject, action, at, ip) VALUES (?, ?, ?, ?, ?, ?)";

UserRow readUser(sql::ResultSet& rs, unsigned first) {
    UserRow row;
    row.id = rs.getInt64(first);
    row.username = rs.getString(first + 1);
    row.full_name = rs.getString(first + 2);
    row.role = rs.getString(first + 3);
    row.agency_id = rs.getInt64(first + 4);
    row.agency_code = rs.getString(first + 5);
    row.password_hash = rs.getString(first + 6);
    row.active = rs.getBoolean(first + 7);
    return row;
}

std::optional<UserRow> findOne(sql::PreparedStatement& statement) {
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    if (!rs->next()) return std::nullopt;
    return readUser(*rs, 1);
}

/// Cuts `text` to at most `bytes` bytes without splitting a UTF-8 sequence.
std::string truncateUtf8(const std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace

std::optional<UserRow> UserRepository::findByUsername(Session& session, const std::string& username) {
    if (!fitsAsciiColumn(username)) return std::nullopt;
    auto& statement = session.prepare(kFindByUsername);
    statement.setString(1, username);
    return findOne(statement);
}

std::map<std::int64_t, std::string> UserRepository::usernames(Session& session, const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, std::string> out;
    if (ids.empty()) return out;
    auto& statement = session.prepare(multiRowStatement("SELECT id, username FROM users WHERE id IN (", "?", ids.size(), ")"));
    unsigned i = 1;
    for (const std::int64_t id : ids) statement.setInt64(i++, id);
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    while (rs->next()) out.emplace(rs->getInt64(1), rs->getString(2));
    return out;
}

std::optional<UserRow> UserRepository::findById(Session& session, std::int64_t id) {
    auto& statement = session.prepare(kFindById);
    statement.setInt64(1, id);
    return findOne(statement);
}

std::optional<std::int64_t> UserRepository::agencyIdByCode(Session& session, const std::string& code) {
    if (!fitsAsciiColumn(code)) return std::nullopt;
    auto& statement = session.prepare(kAgencyByCode);
    statement.setString(1, code);
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    if (!rs->next()) return std::nullopt;
    return rs->getInt64(1);
}

std::int64_t UserRepository::insert(Session& session, const UserRow& row, date::sys_seconds now) {
    auto& statement = session.prepare(kInsert);
    statement.setString(1, row.username);
    statement.setString(2, row.full_name);
    statement.setString(3, row.role);
    statement.setInt64(4, row.agency_id);
    statement.setString(5, row.password_hash);
    statement.setBoolean(6, row.active);
    statement.setString(7, toSqlDateTime(now));
    statement.setString(8, toSqlDateTime(now));
    statement.executeUpdate();
    return session.lastInsertId();
}

void UserRepository::setPasswordHash(Session& session, std::int64_t user_id, const std::string& hash,
                                     date::sys_seconds now) {
    auto& statement = session.prepare(kSetPassword);
    statement.setString(1, hash);
    statement.setString(2, toSqlDateTime(now));
    statement.setInt64(3, user_id);
    statement.executeUpdate();
}

std::vector<UserRow> UserRepository::list(Session& session) {
    std::vector<UserRow> out;
    std::unique_ptr<sql::ResultSet> rs(session.prepare(kList).executeQuery());
    while (rs->next()) out.push_back(readUser(*rs, 1));
    return out;
}

void UserRepository::insertSession(Session& session, const std::string& token_hash, std::int64_t user_id,
                                   const std::string& csrf, date::sys_seconds now, date::sys_seconds expires_at,
                                   const std::string& ip) {
    auto& statement = session.prepare(kInsertSession);
    statement.setString(1, token_hash);
    statement.setInt64(2, user_id);
    statement.setString(3, csrf);
    statement.setString(4, toSqlDateTime(now));
    statement.setString(5, toSqlDateTime(now));
    statement.setString(6, toSqlDateTime(expires_at));
    statement.setString(7, ip.substr(0, 64));
    statement.executeUpdate();
}

std::optional<SessionRow> UserRepository::findSession(Session& session, const std::string& token_hash) {
    auto& statement = session.prepare(kFindSession);
    statement.setString(1, token_hash);
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    if (!rs->next()) return std::nullopt;
    SessionRow row;
    row.csrf_token = rs->getString(1);
    row.created_at = fromSqlDateTime(std::string(rs->getString(2)));
    row.expires_at = fromSqlDateTime(std::string(rs->getString(3)));
    row.last_seen_at = fromSqlDateTime(std::string(rs->getString(4)));
    row.user = readUser(*rs, 5);
    return row;
}

void UserRepository::touchSession(Session& session, const std::string& token_hash, date::sys_seconds now,
                                  date::sys_seconds expires_at) {
    auto& statement = session.prepare(kTouchSession);
    statement.setString(1, toSqlDateTime(now));
    statement.setString(2, toSqlDateTime(expires_at));
    statement.setString(3, token_hash);
    statement.executeUpdate();
}

void UserRepository::deleteSession(Session& session, const std::string& token_hash) {
    auto& statement = session.prepare(kDeleteSession);
    statement.setString(1, token_hash);
    statement.executeUpdate();
}

void UserRepository::deleteSessionsOf(Session& session, std::int64_t user_id) {
    auto& statement = session.prepare(kDeleteSessionsOf);
    statement.setInt64(1, user_id);
    statement.executeUpdate();
}

void UserRepository::logPersonalDataAccess(Session& session, std::int64_t user_id, std::optional<std::int64_t> dossier_id,
                                           const std::string& subject, const std::string& action, date::sys_seconds at,
                                           const std::string& ip) {
    logPersonalDataAccess(session, {AccessLogLine{user_id, dossier_id, subject, action, at, ip}});
}

namespace {

template <class Target>
void logAccess(Target& target, const std::vector<AccessLogLine>& lines) {
    if (lines.empty()) return;
    writeStatement(target, multiRowOf(kLogAccess, lines.size()), [&](auto& statement) {
        unsigned i = 1;
        for (const auto& line : lines) {
            statement.setInt64(i++, line.user_id);
            if (line.dossier_id) {
                statement.setInt64(i++, *line.dossier_id);
            } else {
                statement.setNull(i++, 0);
            }
            statement.setString(i++, truncateUtf8(line.subject, 100));
            statement.setString(i++, line.action);
            statement.setString(i++, toSqlDateTime(line.at));
            statement.setString(i++, line.ip.substr(0, 64));
        }
    });
}

}  // namespace

void UserRepository::logPersonalDataAccess(Session& session, const std::vector<AccessLogLine>& lines) {
    logAccess(session, lines);
}

void UserRepository::logPersonalDataAccess(StatementBatch& batch, const std::vector<AccessLogLine>& lines) {
    logAccess(batch, lines);
}

}  // namespace motcua::store
