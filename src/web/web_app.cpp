#include "web/web_app.h"

#include "domain/core/error.h"
#include "http/authenticator.h"
#include "http/session_authenticator.h"
#include "service/auth_service.h"
#include "service/catalog_service.h"

#include <Poco/URI.h>

#include <algorithm>

namespace motcua::web {
namespace {

using kainjow::mustache::data;

/// Keeps post-login redirects on this site: only absolute paths, never "//host".
std::string safeNext(const std::string& next) {
    if (next.size() < 1 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) return "/";
    return next;
}

/// The page of this site the user came from (the Referer's path), for the error page's back
/// link; "/" when there is none or it is another site's. (A script link would be blocked by
/// the pages' Content-Security-Policy.)
std::string backLink(const http::Request& request) {
    const auto referer = request.header("Referer");
    const auto host = request.header("Host");
    if (!referer || !host) return "/";
    for (const std::string scheme : {"http://", "https://"}) {
        const std::string origin = scheme + *host;
        if (referer->compare(0, origin.size(), origin) == 0) return safeNext(referer->substr(origin.size()));
    }
    return "/";
}

}  // namespace

std::string formField(const http::Request& request, const std::string& name) {
    for (const auto& [key, value] : http::parseQuery(request.body)) {
        if (key == name) return value;
    }
    return "";
}

WebApp::WebApp(const TemplateSet& templates, service::AuthService& auth, http::SessionAuthenticator& authenticator,
               service::CatalogService& catalog)
    : templates_(templates), auth_(auth), authenticator_(authenticator), catalog_(catalog) {}

std::string WebApp::agencyName(const domain::Principal& user) {
    const auto tree = catalog_.tree();
    const domain::AgencyId id{user.agency_id};
    return tree->contains(id) ? tree->get(id).name : user.agency_code;
}

void WebApp::addNav(std::vector<domain::Role> roles, NavItem item) { nav_.push_back({std::move(roles), std::move(item)}); }

domain::Principal WebApp::requireUser(const http::Request& request) {
    return http::requirePrincipal(authenticator_, request);
}

domain::Principal WebApp::requireRole(const http::Request& request, const std::vector<domain::Role>& roles,
                                      const std::string& page_vi) {
    auto user = requireUser(request);
    if (std::find(roles.begin(), roles.end(), user.role) != roles.end()) return user;
    std::string whose;
    for (const auto role : roles) whose += (whose.empty() ? "" : ", ") + std::string(domain::roleLabelVi(role));
    throw Error(ErrorCode::PermissionDenied,
                "Trang " + page_vi + " dành cho " + whose + "; vai trò " + std::string(domain::roleLabelVi(user.role)) +
                    " không dùng được trang này.",
                "page not for role");
}

std::string WebApp::csrf(const http::Request& request) { return authenticator_.csrfToken(request); }

Data WebApp::layoutUser(const http::Request& request, const domain::Principal& user) {
    Data u;
    u.set("full_name", user.full_name);
    u.set("role_label", std::string(domain::roleLabelVi(user.role)));
    u.set("agency", agencyName(user));
    u.set("csrf", csrf(request));
    Data items{Data::type::list};
    for (const auto& entry : nav_) {
        bool allowed = false;
        for (auto role : entry.roles) allowed = allowed || role == user.role;
        if (!allowed) continue;
        Data item;
        item.set("href", entry.item.href);
        item.set("label", entry.item.label);
        if (!entry.item.access_key.empty()) item.set("key", entry.item.access_key);
        if (request.path == entry.item.href) item.set("current", true);
        items.push_back(item);
    }
    u.set("nav", items);
    return u;
}

http::Response WebApp::page(const http::Request& request, const std::optional<domain::Principal>& user,
                            const std::string& title, const std::string& template_name, Data body_data, int status,
                            const std::string& confirmation) {
    Data layout;
    layout.set("title", title);
    if (user) {
        Data u = layoutUser(request, *user);
        // Pages may show the navigation too (home tiles).
        body_data.set("nav", u.get("nav") != nullptr ? *u.get("nav") : Data{Data::type::list});
        layout.set("user", u);
    }
    if (!confirmation.empty()) {
        Data f;
        f.set("kind", "ok");
        f.set("message", confirmation);
        layout.set("flash", f);
    }
    layout.set("body", templates_.render(template_name, std::move(body_data)));
    http::Response response = http::Response::html(templates_.render("layout", std::move(layout)), status);
    response.headers.emplace_back("Cache-Control", "no-store");
    response.headers.emplace_back("Content-Security-Policy",
                                  "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    return response;
}

http::Response WebApp::printable(const std::string& template_name, Data body_data) {
    http::Response response = http::Response::html(templates_.render(template_name, std::move(body_data)));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

http::Response WebApp::redirect(const std::string& location) {
    http::Response response = http::Response::html("", 303);
    response.headers.emplace_back("Location", location);
    return response;
}

http::ErrorRenderer WebApp::errorRenderer() {
    return [this](int status, const std::string&, const std::string& message, const http::Request& request) {
        if (status == 401) {
            std::string next;
            Poco::URI::encode(request.path + (request.query.empty() ? "" : "?" + request.query), "&=?#/", next);
            return redirect("/dang-nhap?next=" + next);
        }
        Data d;
        d.set("heading", status == 403 ? "Không có quyền" : status == 404 ? "Không tìm thấy" : "Không thực hiện được");
        d.set("message", message);
        d.set("request_id", request.request_id);
        d.set("back", backLink(request));
        std::optional<domain::Principal> user;
        try {
            if (!http::isUnsafeMethod(request.method)) user = authenticator_.authenticate(request);
        } catch (const Error&) {
            user.reset();
        }
        return page(request, user, "Lỗi", "pages/error", d, status);
    };
}

void WebApp::registerRoutes(http::Router& router) {
    const auto on_error = errorRenderer();
    // A page address nobody has is answered as a page (the API keeps its JSON errors).
    router.setPageFallback(on_error, "/api/");
    router.add("GET", "/favicon.ico", [](http::Request&) {
        http::Response response = redirect("/static/favicon.svg");
        response.status = 301;
        return response;
    }, on_error);
    router.add("GET", "/dang-nhap", [this](http::Request& request) {
        Data d;
        d.set("next", safeNext(request.queryParam("next").value_or("/")));
        return page(request, std::nullopt, "Đăng nhập", "pages/login", d);
    }, on_error);
    router.add("POST", "/dang-nhap", [this](http::Request& request) {
        http::checkSameOrigin(request);
        const std::string username = formField(request, "username");
        const std::string next = safeNext(formField(request, "next"));
        try {
            const auto session = auth_.login(username, formField(request, "password"), request.remote_address);
            http::Response response = redirect(next);
            response.headers.emplace_back(
                "Set-Cookie", http::sessionCookie(session.token,
                                                  static_cast<long>(service::AuthService::kAbsoluteTimeout.count() * 3600)));
            return response;
        } catch (const Error& e) {
            if (e.code() != ErrorCode::Unauthenticated && e.code() != ErrorCode::PermissionDenied) throw;
            Data d;
            d.set("error", e.userMessage());
            d.set("username", username);
            d.set("next", next);
            return page(request, std::nullopt, "Đăng nhập", "pages/login", d, e.code() == ErrorCode::Unauthenticated ? 401 : 403);
        }
    }, on_error);
    router.add("POST", "/dang-xuat", [this](http::Request& request) {
        requireUser(request);
        auth_.logout(http::cookieValue(request, http::kSessionCookie));
        http::Response response = redirect("/dang-nhap");
        response.headers.emplace_back("Set-Cookie", http::sessionCookie("", 0));
        return response;
    }, on_error);
    router.add("GET", "/", [this](http::Request& request) {
        const auto user = requireUser(request);
        Data d;
        d.set("full_name", user.full_name);
        d.set("role_label", std::string(domain::roleLabelVi(user.role)));
        d.set("agency_name", agencyName(user));
        return page(request, user, "Trang chủ", "pages/home", d);
    }, on_error);
    router.add("GET", "/static/{file}", [this](http::Request& request) {
        const std::string& name = request.param("file");
        const std::string* content = templates_.staticFile(name);
        if (content == nullptr) throw Error(ErrorCode::NotFound, "Không tìm thấy tệp.", "no static file " + name);
        http::Response response = http::Response::html(*content);
        const auto ends = [&name](std::string_view tail) {
            return name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
        };
        response.content_type = ends(".css")   ? "text/css; charset=utf-8"
                                : ends(".svg") ? "image/svg+xml"
                                               : "text/javascript; charset=utf-8";
        response.headers.emplace_back("Cache-Control", "public, max-age=3600");
        return response;
    }, on_error);
}

}  // namespace motcua::web
