#include "service/health_service.h"

#include "store/database.h"

namespace motcua::service {

bool HealthService::databaseUp() { return database_.ping(); }

}  // namespace motcua::service
