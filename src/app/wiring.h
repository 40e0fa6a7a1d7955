#pragma once
/// Builds the object graph of a running motcua (database pool, services, routes)
/// from a Config, and owns it. Used by `serve` and by the integration tests.

#include "app/config.h"
#include "http/router.h"

#include <memory>

namespace motcua::http {
class Authenticator;
class SessionAuthenticator;
}  // namespace motcua::http
namespace motcua::service {
class AuthService;
class CalendarService;
class CatalogService;
class DossierService;
class ReportService;
class Clock;
class HealthService;
class LocalTime;
class PublicLookupService;
}  // namespace motcua::service
namespace motcua::store {
class Database;
}
namespace motcua::web {
class TemplateSet;
class WebApp;
}  // namespace motcua::web

namespace motcua::app {

/// The wired application; members are built in dependency order and destroyed in reverse.
class Wiring {
public:
    /// Builds everything; throws Error on invalid configuration or templates.
    Wiring(const Config& config, const service::Clock& clock);
    ~Wiring();
    Wiring(const Wiring&) = delete;
    Wiring& operator=(const Wiring&) = delete;

    /// Returns the route table with every API and page route registered.
    const http::Router& router() const { return router_; }
    /// Returns the authentication service.
    service::AuthService& auth() { return *auth_; }
    /// Returns the catalog service.
    service::CatalogService& catalog() { return *catalog_; }
    service::CalendarService& calendar() { return *calendar_; }
    service::ReportService& reports() { return *reports_; }
    /// Returns the dossier service.
    service::DossierService& dossiers() { return *dossiers_; }
    /// Returns the database pool.
    store::Database& database() { return *database_; }

private:
    const Config& config_;
    const service::Clock& clock_;
    std::unique_ptr<store::Database> database_;
    std::unique_ptr<service::LocalTime> local_time_;
    std::unique_ptr<service::HealthService> health_;
    std::unique_ptr<service::CalendarService> calendar_;
    std::unique_ptr<service::AuthService> auth_;
    std::unique_ptr<http::SessionAuthenticator> authenticator_;
    std::unique_ptr<service::CatalogService> catalog_;
    std::unique_ptr<service::DossierService> dossiers_;
    std::unique_ptr<service::ReportService> reports_;
    std::unique_ptr<service::PublicLookupService> public_lookup_;
    std::unique_ptr<web::TemplateSet> templates_;
    std::unique_ptr<web::WebApp> web_;
    http::Router router_;
};

/// Creates the database pool described by `config`.
std::unique_ptr<store::Database> makeDatabase(const Config& config);

}  // namespace motcua::app
