#pragma once
/// Sign-in, sessions, CSRF tokens, login rate limiting, user management and the
/// personal-data access log.

#include "domain/auth/principal.h"
#include "service/clock.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace motcua::store {
class Database;
class UserRepository;
}  // namespace motcua::store

namespace motcua::service {

/// A session just opened by `login`.
struct NewSession {
    std::string token;  ///< goes into the HttpOnly cookie; only its hash is stored
    std::string csrf_token;
    domain::Principal principal;
    date::sys_seconds expires_at;
};

/// A valid session found by `authenticate`.
struct ActiveSession {
    std::string csrf_token;
    domain::Principal principal;
};

/// A user as administrators see it (never the hash).
struct UserInfo {
    std::int64_t id = 0;
    std::string username;
    std::string full_name;
    domain::Role role = domain::Role::DeskOfficer;
    std::string agency_code;
    bool active = true;
};

/// Authentication use cases; thread-safe.
class AuthService {
public:
    /// Sessions end after this long without a request …
    static constexpr std::chrono::hours kIdleTimeout{2};
    /// … and at the latest this long after login (a working day).
    static constexpr std::chrono::hours kAbsoluteTimeout{12};
    /// Failed logins allowed per (username, address) within kLockoutWindow.
    static constexpr int kMaxFailures = 5;
    static constexpr std::chrono::minutes kLockoutWindow{15};

    AuthService(store::Database& database, const Clock& clock);
    ~AuthService();

    /// Checks the credentials and opens a new session (a fresh token every time, so a token
    /// planted before login is never adopted). Throws Error(Unauthenticated) for wrong
    /// credentials (one message for unknown user and wrong password), Error(PermissionDenied)
    /// while the address is locked out after too many failures.
    NewSession login(const std::string& username, const std::string& password, const std::string& ip);

    /// Returns the session for a cookie token, if valid and not expired; slides its idle expiry.
    /// A session read from the database is trusted for kSessionRecheck before it is read again,
    /// so that a desk's stream of requests costs no lookup each; logout and a new password end
    /// it here at once, and in other processes (`motcua user passwd`, a second server) within
    /// kSessionRecheck.
    std::optional<ActiveSession> authenticate(const std::string& token);
    static constexpr std::chrono::seconds kSessionRecheck{5};

    /// Ends the session of `token` (no error if it does not exist).
    void logout(const std::string& token);

    /// Creates a user. Throws Error(InvalidArgument) for bad fields or a weak password,
    /// Error(NotFound) for an unknown agency, Error(AlreadyExists) for a taken username.
    UserInfo createUser(const std::string& username, const std::string& full_name, domain::Role role,
                        const std::string& agency_code, const std::string& password);

    /// Sets a new password and ends every session of the user.
    void setPassword(const std::string& username, const std::string& password);

    /// Returns every user.
    std::vector<UserInfo> listUsers();

    /// Records that `principal` read personal data (`action`, e.g. "view_dossier", "search").
    void logPersonalDataAccess(const domain::Principal& principal, std::optional<std::int64_t> dossier_id,
                               const std::string& subject, const std::string& action, const std::string& ip);

private:
    bool lockedOut(const std::string& key, date::sys_seconds now);
    void recordFailure(const std::string& key, date::sys_seconds now);

    store::Database& database_;
    const Clock& clock_;
    std::unique_ptr<store::UserRepository> users_;
    std::mutex failures_mutex_;
    std::map<std::string, std::vector<date::sys_seconds>> failures_;
    struct SessionCache;
    std::unique_ptr<SessionCache> sessions_;
};

}  // namespace motcua::service
