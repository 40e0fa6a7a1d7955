#include "app/wiring.h"

#include "http/health_api.h"
#include "service/clock.h"
#include "service/health_service.h"
#include "store/database.h"

namespace motcua::app {

std::unique_ptr<store::Database> makeDatabase(const Config& config) {
    store::DatabaseSettings settings;
    settings.url = store::DbUrl::parse(config.db_url);
    settings.max_connections = config.db_pool_size;
    return std::make_unique<store::Database>(settings);
}

Wiring::Wiring(const Config& config, const service::Clock& clock)
    : config_(config), clock_(clock), database_(makeDatabase(config)) {
    health_ = std::make_unique<service::HealthService>(*database_);
    http::registerHealthRoutes(router_, *health_);
}

Wiring::~Wiring() = default;

}  // namespace motcua::app
