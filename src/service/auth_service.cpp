#include "service/auth_service.h"

#include "common/log.h"
#include "domain/core/error.h"
#include "service/password.h"
#include "store/database.h"
#include "store/user_repository.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace motcua::service {
namespace {

domain::Principal toPrincipal(const store::UserRow& row) {
    return domain::Principal{row.id, row.username, row.full_name, domain::parseRole(row.role), row.agency_id,
                             row.agency_code};
}

UserInfo toInfo(const store::UserRow& row) {
    return UserInfo{row.id, row.username, row.full_name, domain::parseRole(row.role), row.agency_code, row.active};
}

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool isValidUsername(const std::string& name) {
    if (name.size() < 3 || name.size() > 64) return false;
    return std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '.' || c == '_' || c == '-';
    });
}

}  // namespace

/// Sessions read from the database, by token hash, with the time they were read.
struct AuthService::SessionCache {
    static constexpr std::size_t kMaxEntries = 20000;  ///< beyond this it starts afresh
    struct Entry {
        store::SessionRow row;
        date::sys_seconds read_at;
    };
    std::mutex mutex;
    std::unordered_map<std::string, Entry> entries;
    /// Counts the sessions ended here: a read that began before one ended must not be cached,
    /// or an ended session could come back for kSessionRecheck.
    std::uint64_t generation = 0;

    std::uint64_t currentGeneration() {
        const std::lock_guard lock(mutex);
        return generation;
    }

    std::optional<store::SessionRow> fresh(const std::string& hash, date::sys_seconds now) {
        const std::lock_guard lock(mutex);
        const auto found = entries.find(hash);
        if (found == entries.end() || now - found->second.read_at >= kSessionRecheck || now < found->second.read_at) {
            return std::nullopt;
        }
        return found->second.row;
    }

    /// Caches what a read begun at `read_generation` found, unless a session ended since.
    void put(const std::string& hash, const std::optional<store::SessionRow>& row, date::sys_seconds now,
             std::uint64_t read_generation) {
        const std::lock_guard lock(mutex);
        if (read_generation != generation) return;
        if (!row) {
            entries.erase(hash);
            return;
        }
        if (entries.size() >= kMaxEntries) entries.clear();
        entries[hash] = Entry{*row, now};
    }

    void forget(const std::string& hash) {
        const std::lock_guard lock(mutex);
        ++generation;
        entries.erase(hash);
    }

    void forgetUser(std::int64_t user_id) {
        const std::lock_guard lock(mutex);
        ++generation;
        std::erase_if(entries, [&](const auto& entry) { return entry.second.row.user.id == user_id; });
    }
};

AuthService::AuthService(store::Database& database, const Clock& clock)
    : database_(database),
      clock_(clock),
      users_(std::make_unique<store::UserRepository>()),
      sessions_(std::make_unique<SessionCache>()) {}

AuthService::~AuthService() = default;

bool AuthService::lockedOut(const std::string& key, date::sys_seconds now) {
    const std::lock_guard<std::mutex> lock(failures_mutex_);
    auto found = failures_.find(key);
    if (found == failures_.end()) return false;
    auto& times = found->second;
    times.erase(std::remove_if(times.begin(), times.end(), [&](auto t) { return now - t >= kLockoutWindow; }), times.end());
    return static_cast<int>(times.size()) >= kMaxFailures;
}

void AuthService::recordFailure(const std::string& key, date::sys_seconds now) {
    const std::lock_guard<std::mutex> lock(failures_mutex_);
    failures_[key].push_back(now);
    if (failures_.size() > 100000) failures_.clear();  // bound memory under a spraying attack
}

NewSession AuthService::login(const std::string& username, const std::string& password, const std::string& ip) {
    const date::sys_seconds now = clock_.now();
    const std::string key = lowered(username) + "|" + ip;
    if (lockedOut(key, now)) {
        throw Error(ErrorCode::PermissionDenied,
                    "Đăng nhập sai quá " + std::to_string(kMaxFailures) + " lần. Vui lòng thử lại sau " +
                        std::to_string(kLockoutWindow.count()) + " phút hoặc liên hệ quản trị.",
                    "login locked out: " + username);
    }
    const auto user = database_.run([&](store::Session& s) { return users_->findByUsername(s, username); });
    // Hash even for unknown users so timing does not tell which usernames exist.
    const bool ok = user ? verifyPassword(password, user->password_hash)
                         : (verifyPassword(password, "pbkdf2-sha256$310000$AAAAAAAAAAAAAAAAAAAAAA$"
                                                     "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                            false);
    if (!ok || !user->active) {
        recordFailure(key, now);
        log::warn("auth.login_failed", {{"username", username}, {"ip", ip}});
        throw Error(ErrorCode::Unauthenticated, "Tên đăng nhập hoặc mật khẩu không đúng.", "bad credentials");
    }
    NewSession session{randomToken(32), randomToken(32), toPrincipal(*user), now + kIdleTimeout};
    database_.run([&](store::Session& s) {
        users_->insertSession(s, sha256Hex(session.token), user->id, session.csrf_token, now, session.expires_at, ip);
    });
    log::info("auth.login", {{"username", user->username}, {"ip", ip}});
    return session;
}

std::optional<ActiveSession> AuthService::authenticate(const std::string& token) {
    if (token.empty() || token.size() > 128) return std::nullopt;
    const date::sys_seconds now = clock_.now();
    const std::string hash = sha256Hex(token);
    auto row = sessions_->fresh(hash, now);
    if (!row) {
        const auto generation = sessions_->currentGeneration();
        row = database_.run([&](store::Session& s) { return users_->findSession(s, hash); });
        sessions_->put(hash, row, now, generation);
    }
    if (!row || !row->user.active || row->expires_at <= now || now - row->created_at >= kAbsoluteTimeout) {
        return std::nullopt;
    }
    // Slide the idle expiry at most once a minute, never past the absolute limit.
    if (now - row->last_seen_at >= std::chrono::minutes(1)) {
        const auto expires = std::min<date::sys_seconds>(now + kIdleTimeout, row->created_at + kAbsoluteTimeout);
        const auto generation = sessions_->currentGeneration();
        database_.run([&](store::Session& s) { users_->touchSession(s, hash, now, expires); });
        row->last_seen_at = now;
        row->expires_at = expires;
        sessions_->put(hash, row, now, generation);
    }
    return ActiveSession{row->csrf_token, toPrincipal(row->user)};
}

void AuthService::logout(const std::string& token) {
    if (token.empty() || token.size() > 128) return;
    const std::string hash = sha256Hex(token);
    database_.run([&](store::Session& s) { users_->deleteSession(s, hash); });
    sessions_->forget(hash);
}

UserInfo AuthService::createUser(const std::string& username, const std::string& full_name, domain::Role role,
                                 const std::string& agency_code, const std::string& password) {
    std::vector<FieldError> problems;
    if (!isValidUsername(username)) {
        problems.push_back({"username", "Tên đăng nhập dài 3–64 ký tự, chỉ gồm chữ không dấu, số, dấu chấm, gạch."});
    }
    if (full_name.empty() || full_name.size() > 255) problems.push_back({"full_name", "Cần họ và tên (tối đa 255 ký tự)."});
    try {
        checkPasswordStrength(password);
    } catch (const Error& e) {
        problems.push_back({"password", e.userMessage()});
    }
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
    const std::string hash = hashPassword(password);
    const date::sys_seconds now = clock_.now();
    return database_.run([&](store::Session& s) {
        const auto agency_id = users_->agencyIdByCode(s, agency_code);
        if (!agency_id) {
            throw Error(ErrorCode::NotFound, "Không có cơ quan mã " + agency_code + ".", "unknown agency", "agency");
        }
        if (users_->findByUsername(s, username)) {
            throw Error(ErrorCode::AlreadyExists, "Tên đăng nhập " + username + " đã có người dùng.", "username taken",
                        "username");
        }
        store::UserRow row{0, username, full_name, std::string(domain::roleName(role)), *agency_id, agency_code, hash, true};
        row.id = users_->insert(s, row, now);
        return toInfo(row);
    });
}

void AuthService::setPassword(const std::string& username, const std::string& password) {
    checkPasswordStrength(password);
    const std::string hash = hashPassword(password);
    const date::sys_seconds now = clock_.now();
    database_.run([&](store::Session& s) {
        store::Transaction tx(s);
        const auto user = users_->findByUsername(s, username);
        if (!user) throw Error(ErrorCode::NotFound, "Không có người dùng " + username + ".", "unknown user", "username");
        users_->setPasswordHash(s, user->id, hash, now);
        users_->deleteSessionsOf(s, user->id);
        tx.commit();
        sessions_->forgetUser(user->id);
    });
}

std::vector<UserInfo> AuthService::listUsers() {
    const auto rows = database_.run([&](store::Session& s) { return users_->list(s); });
    std::vector<UserInfo> out;
    for (const auto& row : rows) out.push_back(toInfo(row));
    return out;
}

void AuthService::logPersonalDataAccess(const domain::Principal& principal, std::optional<std::int64_t> dossier_id,
                                        const std::string& subject, const std::string& action, const std::string& ip) {
    const date::sys_seconds now = clock_.now();
    database_.run([&](store::Session& s) {
        users_->logPersonalDataAccess(s, principal.user_id, dossier_id, subject, action, now, ip);
    });
}

}  // namespace motcua::service
