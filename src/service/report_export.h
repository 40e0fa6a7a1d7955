#pragma once
/// Report 06a as files a compiler sends on: CSV (UTF-8 with a BOM so Excel shows Vietnamese) and
/// XLSX laid out like Biểu II.06a/VPCP/KSTT (title, period, agency, merged two-level headers,
/// numbered columns), plus the rate columns the indexes read.

#include "service/report_service.h"

#include <string>
#include <vector>

namespace motcua::service {

/// The title row of each column group, for every export (Vietnamese, as on the form).
struct ExportColumn {
    std::string group;  ///< "Số hồ sơ nhận giải quyết", … ("" for the identifying columns)
    std::string name;   ///< "Tổng số", "Trực tuyến", …
};

/// Returns the columns of a 06a export, in order.
const std::vector<ExportColumn>& report06aColumns();

/// Returns what a report says of its period: "2026-Q4, từ 15/09/2026 đến 14/12/2026", followed
/// for a period still running (cut by ReportingPeriod::asOf) by "; kỳ chưa kết thúc, số liệu
/// tính đến 14 giờ 30 phút, ngày 02/12/2026".
std::string periodCaption(const domain::stats::ReportingPeriod& period);

/// Returns the cells of one row (numbers as text, rates as percentages with one decimal).
std::vector<std::string> report06aCells(const ReportResult& result, const domain::stats::Row06a& row, std::size_t number);

/// Returns the report as CSV (BOM, header line, one line per row, the total row last).
std::string report06aCsv(const ReportResult& result);

/// Returns the bytes of an .xlsx workbook of the report. Throws Error(Internal) when the
/// workbook cannot be written.
std::string report06aXlsx(const ReportResult& result);

}  // namespace motcua::service
