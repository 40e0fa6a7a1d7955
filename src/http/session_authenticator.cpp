#include "http/session_authenticator.h"

#include "domain/core/error.h"
#include "http/error_mapping.h"
#include "http/json.h"
#include "service/auth_service.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

#include <openssl/crypto.h>

namespace motcua::http {
namespace {

bool tokensEqual(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string submittedCsrf(const Request& request) {
    if (auto header = request.header("X-CSRF-Token")) return *header;
    const auto type = request.header("Content-Type").value_or("");
    if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
        for (const auto& [key, value] : parseQuery(request.body)) {
            if (key == "_csrf") return value;
        }
    }
    return "";
}

Poco::JSON::Object::Ptr principalJson(const domain::Principal& p) {
    auto user = newObject();
    user->set("username", p.username);
    user->set("full_name", p.full_name);
    user->set("role", std::string(domain::roleName(p.role)));
    user->set("role_label", std::string(domain::roleLabelVi(p.role)));
    user->set("agency", p.agency_code);
    return user;
}

}  // namespace

std::string cookieValue(const Request& request, const std::string& name) {
    if (request.raw == nullptr) return "";
    Poco::Net::NameValueCollection cookies;
    request.raw->getCookies(cookies);
    return cookies.get(name, "");
}

std::string sessionCookie(const std::string& token, long max_age_seconds) {
    return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
           std::to_string(max_age_seconds);
}

bool isUnsafeMethod(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

void checkSameOrigin(const Request& request) {
    if (!isUnsafeMethod(request.method)) return;
    auto origin = request.header("Origin");
    if (!origin || *origin == "null") origin = request.header("Referer");
    if (!origin) return;  // non-browser clients send neither; the CSRF token still protects sessions
    const auto host = request.header("Host").value_or("");
    try {
        const Poco::URI uri(*origin);
        // getAuthority() omits the scheme's default port, as browsers do in Host.
        if (uri.getAuthority() == host) return;
    } catch (const Poco::Exception&) {
        // fall through: an unparsable Origin is refused
    }
    throw Error(ErrorCode::PermissionDenied, "Yêu cầu đến từ trang khác, đã bị chặn để bảo vệ tài khoản.",
                "cross-origin unsafe request from " + origin->substr(0, 100));
}

std::optional<domain::Principal> SessionAuthenticator::authenticate(const Request& request) {
    const std::string token = cookieValue(request, kSessionCookie);
    if (token.empty()) return std::nullopt;
    const auto session = auth_.authenticate(token);
    if (!session) return std::nullopt;
    if (isUnsafeMethod(request.method)) {
        checkSameOrigin(request);
        if (!tokensEqual(submittedCsrf(request), session->csrf_token)) {
            throw Error(ErrorCode::PermissionDenied,
                        "Phiên làm việc không hợp lệ cho thao tác này (thiếu mã CSRF). Hãy tải lại trang rồi thử lại.",
                        "csrf token missing or wrong");
        }
    }
    return session->principal;
}

std::string SessionAuthenticator::csrfToken(const Request& request) {
    const std::string token = cookieValue(request, kSessionCookie);
    if (token.empty()) return "";
    const auto session = auth_.authenticate(token);
    return session ? session->csrf_token : "";
}

void registerAuthRoutes(Router& router, service::AuthService& auth, SessionAuthenticator& authenticator) {
    router.add("POST", "/api/v1/auth/login", [&auth](Request& request) {
        checkSameOrigin(request);
        const auto body = parseObject(request.body);
        const auto username = optString(body, "username").value_or("");
        const auto password = optString(body, "password").value_or("");
        if (username.empty() || password.empty()) {
            throw Error::invalidFields({{"username", "Nhập tên đăng nhập và mật khẩu."}});
        }
        const auto session = auth.login(username, password, request.remote_address);
        auto out = newObject();
        out->set("user", principalJson(session.principal));
        out->set("csrf_token", session.csrf_token);
        Response response = Response::json(stringify(out));
        response.headers.emplace_back(
            "Set-Cookie", sessionCookie(session.token, static_cast<long>(service::AuthService::kAbsoluteTimeout.count() * 3600)));
        response.headers.emplace_back("Cache-Control", "no-store");
        return response;
    });
    router.add("POST", "/api/v1/auth/logout", [&auth, &authenticator](Request& request) {
        requirePrincipal(authenticator, request);
        auth.logout(cookieValue(request, kSessionCookie));
        Response response = Response::json("{\"status\":\"ok\"}");
        response.headers.emplace_back("Set-Cookie", sessionCookie("", 0));
        return response;
    });
    router.add("GET", "/api/v1/auth/me", [&authenticator](Request& request) {
        const auto principal = requirePrincipal(authenticator, request);
        auto out = newObject();
        out->set("user", principalJson(principal));
        out->set("csrf_token", authenticator.csrfToken(request));
        Response response = Response::json(stringify(out));
        response.headers.emplace_back("Cache-Control", "no-store");
        return response;
    });
}

}  // namespace motcua::http
