#include "app/wiring.h"

#include "http/calendar_api.h"
#include "http/catalog_api.h"
#include "http/dossier_api.h"
#include "http/report_api.h"
#include "service/catalog_service.h"
#include "service/dossier_service.h"
#include "service/report_service.h"
#include "http/health_api.h"
#include "http/session_authenticator.h"
#include "service/auth_service.h"
#include "service/calendar_service.h"
#include "service/local_time.h"
#include "service/clock.h"
#include "service/health_service.h"
#include "service/public_lookup.h"
#include "store/database.h"
#include "web/dossier_pages.h"
#include "web/template_set.h"
#include "web/report_pages.h"
#include "web/web_app.h"

namespace motcua::app {

std::unique_ptr<store::Database> makeDatabase(const Config& config) {
    store::DatabaseSettings settings;
    settings.url = store::DbUrl::parse(config.db_url);
    settings.max_connections = config.db_pool_size;
    return std::make_unique<store::Database>(settings);
}

Wiring::Wiring(const Config& config, const service::Clock& clock)
    : config_(config), clock_(clock), database_(makeDatabase(config)) {
    local_time_ = std::make_unique<service::LocalTime>(config.timezone);
    health_ = std::make_unique<service::HealthService>(*database_);
    calendar_ = std::make_unique<service::CalendarService>(*database_, clock_, *local_time_);
    auth_ = std::make_unique<service::AuthService>(*database_, clock_);
    authenticator_ = std::make_unique<http::SessionAuthenticator>(*auth_);
    http::registerHealthRoutes(router_, *health_);
    http::registerAuthRoutes(router_, *auth_, *authenticator_);
    http::registerCalendarRoutes(router_, *authenticator_, *calendar_);
    catalog_ = std::make_unique<service::CatalogService>(*database_, clock_);
    dossiers_ = std::make_unique<service::DossierService>(*database_, clock_, *calendar_, *catalog_, *auth_,
                                                          config.due_soon_working_hours);
    http::registerCatalogRoutes(router_, *authenticator_, *catalog_);
    http::registerDossierRoutes(router_, *authenticator_, *dossiers_, *local_time_, clock_);
    reports_ = std::make_unique<service::ReportService>(*database_, clock_, *catalog_, *calendar_);
    http::registerReportRoutes(router_, *authenticator_, *reports_);
    http::registerOpenApiRoute(router_, config.home / "src" / "http" / "openapi.yaml");
    templates_ = std::make_unique<web::TemplateSet>(config.templatesDir());
    web_ = std::make_unique<web::WebApp>(*templates_, *auth_, *authenticator_, *catalog_);
    web_->registerRoutes(router_);
    const web::DossierPagesContext pages{*web_, *dossiers_, *catalog_, *auth_, *local_time_, clock_};
    web::registerDossierPages(router_, pages);
    web::registerPrintForms(router_, pages);
    web::registerReportPages(router_, *web_, *reports_, clock_);
    public_lookup_ = std::make_unique<service::PublicLookupService>(*database_, *catalog_, clock_);
    web::registerPublicLookup(router_, *web_, *public_lookup_, *local_time_, clock_);
}

Wiring::~Wiring() = default;

}  // namespace motcua::app
