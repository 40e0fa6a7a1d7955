#pragma once
/// GET /healthz: 200 when the database answers, 503 otherwise.

#include "http/router.h"

#include <filesystem>

namespace motcua::service {
class HealthService;
}

namespace motcua::http {

/// Registers GET /healthz on `router`.
void registerHealthRoutes(Router& router, service::HealthService& health);

/// Registers GET /api/v1/openapi.yaml serving the API description read once from `file`
/// (404 with a message when the file is missing).
void registerOpenApiRoute(Router& router, const std::filesystem::path& file);

}  // namespace motcua::http
