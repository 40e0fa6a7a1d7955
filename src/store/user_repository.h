#pragma once
/// Storage of users, their sessions and the personal-data access log.

#include "store/database.h"

#include <date/date.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace motcua::store {

class StatementBatch;

/// A user row joined with its agency code.
struct UserRow {
    std::int64_t id = 0;
    std::string username;
    std::string full_name;
    std::string role;
    std::int64_t agency_id = 0;
    std::string agency_code;
    std::string password_hash;
    bool active = true;
};

/// A session row joined with its user.
struct SessionRow {
    std::string csrf_token;
    date::sys_seconds created_at;
    date::sys_seconds expires_at;
    date::sys_seconds last_seen_at;
    UserRow user;
};

/// Reads and writes users and sessions; every function runs in the caller's session.
/// One line of the personal-data access log.
struct AccessLogLine {
    std::int64_t user_id = 0;
    std::optional<std::int64_t> dossier_id;
    std::string subject;
    std::string action;
    date::sys_seconds at;
    std::string ip;
};

class UserRepository {
public:
    /// Returns the user with `username` (case-insensitive), if any.
    std::optional<UserRow> findByUsername(Session& session, const std::string& username);
    /// Returns the user with `id`, if any.
    std::optional<UserRow> findById(Session& session, std::int64_t id);
    /// Returns the usernames of the users among `ids` (one query, whatever their number).
    std::map<std::int64_t, std::string> usernames(Session& session, const std::vector<std::int64_t>& ids);
    /// Returns the id of the agency with `code`, if any.
    std::optional<std::int64_t> agencyIdByCode(Session& session, const std::string& code);
    /// Inserts a user; returns its id. Throws Error(AlreadyExists) for a taken username.
    std::int64_t insert(Session& session, const UserRow& row, date::sys_seconds now);
    /// Replaces the password hash of `user_id`.
    void setPasswordHash(Session& session, std::int64_t user_id, const std::string& hash, date::sys_seconds now);
    /// Returns every user, by username.
    std::vector<UserRow> list(Session& session);

    /// Stores a new session.
    void insertSession(Session& session, const std::string& token_hash, std::int64_t user_id, const std::string& csrf,
                       date::sys_seconds now, date::sys_seconds expires_at, const std::string& ip);
    /// Returns the session with `token_hash` and its user, if any (expired or not).
    std::optional<SessionRow> findSession(Session& session, const std::string& token_hash);
    /// Moves the session's last_seen_at and expires_at forward.
    void touchSession(Session& session, const std::string& token_hash, date::sys_seconds now,
                      date::sys_seconds expires_at);
    /// Deletes one session.
    void deleteSession(Session& session, const std::string& token_hash);
    /// Deletes every session of `user_id` (after a password change).
    void deleteSessionsOf(Session& session, std::int64_t user_id);

    /// Appends one line to the personal-data access log.
    void logPersonalDataAccess(Session& session, std::int64_t user_id, std::optional<std::int64_t> dossier_id,
                               const std::string& subject, const std::string& action, date::sys_seconds at,
                               const std::string& ip);
    /// Appends many lines with one statement.
    void logPersonalDataAccess(Session& session, const std::vector<AccessLogLine>& lines);
    void logPersonalDataAccess(StatementBatch& batch, const std::vector<AccessLogLine>& lines);
};

}  // namespace motcua::store
