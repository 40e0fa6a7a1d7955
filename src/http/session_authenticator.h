#pragma once
/// The real Authenticator: the HttpOnly session cookie, the per-session CSRF token
/// (header X-CSRF-Token or form field _csrf) on every state-changing request, and an
/// Origin check; plus the login/logout/me API.

#include "http/authenticator.h"
#include "http/router.h"

#include <string>

namespace motcua::service {
class AuthService;
}

namespace motcua::http {

/// Name of the session cookie.
inline constexpr const char* kSessionCookie = "motcua_session";

/// Authenticates requests by session cookie.
class SessionAuthenticator : public Authenticator {
public:
    explicit SessionAuthenticator(service::AuthService& auth) : auth_(auth) {}
    std::optional<domain::Principal> authenticate(const Request& request) override;
    /// Returns the CSRF token of the request's session, or "" without one (for forms).
    std::string csrfToken(const Request& request);

private:
    service::AuthService& auth_;
};

/// Returns the value of cookie `name` in the request, or "".
std::string cookieValue(const Request& request, const std::string& name);

/// Returns the Set-Cookie value that stores `token` (HttpOnly, SameSite=Strict, Path=/).
std::string sessionCookie(const std::string& token, long max_age_seconds);

/// Tells whether the method changes state (POST, PUT, PATCH, DELETE).
bool isUnsafeMethod(const std::string& method);

/// Throws Error(PermissionDenied) when an unsafe request's Origin (or Referer) names another host.
void checkSameOrigin(const Request& request);

/// Registers POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me.
void registerAuthRoutes(Router& router, service::AuthService& auth, SessionAuthenticator& authenticator);

}  // namespace motcua::http
