#pragma once
/// How a request proves who sent it. The real implementation (session cookie + CSRF token)
/// lives with the web layer; tests may supply their own.

#include "domain/auth/principal.h"
#include "http/router.h"

#include <optional>

namespace motcua::http {

/// Identifies the user behind a request.
class Authenticator {
public:
    virtual ~Authenticator() = default;
    /// Returns the signed-in user, or empty when the request carries no valid session.
    /// For state-changing methods it also checks the CSRF token and throws
    /// Error(PermissionDenied) when it is missing or wrong.
    virtual std::optional<domain::Principal> authenticate(const Request& request) = 0;
};

/// Returns the signed-in user or throws Error(Unauthenticated) with a Vietnamese message.
domain::Principal requirePrincipal(Authenticator& authenticator, const Request& request);

}  // namespace motcua::http
