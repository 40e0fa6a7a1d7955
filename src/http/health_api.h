#pragma once
/// GET /healthz: 200 when the database answers, 503 otherwise.

#include "http/router.h"

namespace motcua::service {
class HealthService;
}

namespace motcua::http {

/// Registers GET /healthz on `router`.
void registerHealthRoutes(Router& router, service::HealthService& health);

}  // namespace motcua::http
