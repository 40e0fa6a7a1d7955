#pragma once
/// The HTML side of motcua: page shell, sign-in pages, role-based navigation, static
/// files, and the error pages (a signed-out visitor is sent to the sign-in page).

#include "domain/auth/principal.h"
#include "http/router.h"
#include "web/template_set.h"

#include <optional>
#include <string>
#include <vector>

namespace motcua::service {
class AuthService;
class CatalogService;
}
namespace motcua::http {
class SessionAuthenticator;
}

namespace motcua::web {

/// One navigation entry.
struct NavItem {
    std::string href;
    std::string label;
    std::string access_key;
};

/// Shared rendering and routing for every page module.
class WebApp {
public:
    WebApp(const TemplateSet& templates, service::AuthService& auth, http::SessionAuthenticator& authenticator,
           service::CatalogService& catalog);

    /// Registers the sign-in pages, home, static files.
    void registerRoutes(http::Router& router);

    /// Adds a navigation entry shown to users whose role is in `roles`.
    void addNav(std::vector<domain::Role> roles, NavItem item);

    /// Returns the signed-in user or throws Error(Unauthenticated) (rendered as a redirect to sign-in).
    domain::Principal requireUser(const http::Request& request);
    /// Returns the signed-in user when their role is in `roles`, or throws Error(PermissionDenied)
    /// saying whose page `page_vi` is, before they fill in a form they may not send.
    domain::Principal requireRole(const http::Request& request, const std::vector<domain::Role>& roles,
                                  const std::string& page_vi);

    /// Renders `template_name` inside the layout for `user` (empty: signed-out shell), with
    /// `confirmation` (if any) in the green banner: words of the page's own, never of the request.
    http::Response page(const http::Request& request, const std::optional<domain::Principal>& user,
                        const std::string& title, const std::string& template_name, Data data, int status = 200,
                        const std::string& confirmation = "");

    /// Renders a printable form (no layout chrome; its own print CSS).
    http::Response printable(const std::string& template_name, Data data);

    /// Returns a 303 redirect to `location`.
    static http::Response redirect(const std::string& location);

    /// The ErrorRenderer for page routes.
    http::ErrorRenderer errorRenderer();

    /// Returns the CSRF token of the request's session ("" when signed out).
    std::string csrf(const http::Request& request);

    const TemplateSet& templates() const { return templates_; }

private:
    struct NavEntry {
        std::vector<domain::Role> roles;
        NavItem item;
    };
    Data layoutUser(const http::Request& request, const domain::Principal& user);
    /// The name of the user's agency, as the top bar and home page show it (the code if unknown).
    std::string agencyName(const domain::Principal& user);

    const TemplateSet& templates_;
    service::AuthService& auth_;
    http::SessionAuthenticator& authenticator_;
    service::CatalogService& catalog_;
    std::vector<NavEntry> nav_;
};

/// Returns the value of a form field in an urlencoded body ("" if absent).
std::string formField(const http::Request& request, const std::string& name);

}  // namespace motcua::web
