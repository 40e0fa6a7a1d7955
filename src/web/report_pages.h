#pragma once
/// The compiler's statistics page (/thong-ke): filters (period, agency, rows, scoring table), the
/// Biểu 06a table, charts of the on-time rate per agency and the monthly trend (inline SVG, no
/// script, no internet), export links (CSV, XLSX), and the index criteria with their dossiers.

#include "http/router.h"
#include "web/web_app.h"

namespace motcua::service {
class Clock;
class ReportService;
}  // namespace motcua::service

namespace motcua::web {

/// Registers /thong-ke and its navigation entry (compilers, heads, administrators).
void registerReportPages(http::Router& router, WebApp& web, service::ReportService& reports,
                         const service::Clock& clock);

}  // namespace motcua::web
