#pragma once
/// Catalog endpoints: agencies (tree), fields, procedures, and CSV export/import.

#include "http/authenticator.h"
#include "http/router.h"

namespace motcua::service {
class CatalogService;
}

namespace motcua::http {

/// Registers /api/v1/agencies, /api/v1/fields, /api/v1/procedures and /api/v1/catalog/{kind}/csv.
void registerCatalogRoutes(Router& router, Authenticator& authenticator, service::CatalogService& catalog);

}  // namespace motcua::http
