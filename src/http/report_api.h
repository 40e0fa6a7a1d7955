#pragma once
/// Statistics endpoints for compilers: report 06a (JSON, CSV, XLSX), the index criteria with
/// their drill-down, the monthly on-time trend, and the scoring tables entered as data.

#include "http/authenticator.h"
#include "http/router.h"
#include "service/report_service.h"

#include <Poco/JSON/Object.h>

namespace motcua::http {

/// Returns report 06a as JSON (rows with counts and rates, the total row).
Poco::JSON::Object::Ptr report06aJson(const service::ReportResult& result);

/// Returns the scored criteria as JSON, each with at most `limit` dossier codes per list.
Poco::JSON::Object::Ptr indexJson(const service::IndexResult& result, std::size_t limit);

/// Builds the query of a report request from its parameters (period, agency, group, attribution).
service::ReportQuery reportQuery(const Request& request);

/// Registers /api/v1/reports/….
void registerReportRoutes(Router& router, Authenticator& authenticator, service::ReportService& reports);

}  // namespace motcua::http
