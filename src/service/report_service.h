#pragma once
/// Statistics for index compilers: report 06a (TT 01/2020/TT-VPCP) for a reporting period and an
/// agency rolled up its subtree, by agency, field or procedure; the index criteria scored from
/// tables entered as data, with the dossiers behind each measure; the monthly on-time trend; and
/// the proof that the stored records equal a recomputation from the audit trail.

#include "domain/auth/principal.h"
#include "domain/stats/index_scoring.h"
#include "domain/stats/report_06a.h"
#include "service/clock.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace motcua::store {
class Database;
}

namespace motcua::service {

class CatalogService;
class CalendarService;

/// What a compiler asks for.
struct ReportQuery {
    std::string period;                      ///< "2026-Q3", "2026-M07", "2026", "2026-01-01..2026-03-31", …
    std::optional<std::string> agency_code;  ///< default: the caller's agency
    std::string grouping = "agency";         ///< agency | field | procedure
    std::string attribution = "receiving";   ///< receiving | handling (rule 7)
};

/// A computed report with the names a table shows.
struct ReportResult {
    domain::stats::Report06a report;
    std::string agency_code;
    std::string agency_name;
    std::map<std::string, std::string> names;  ///< field / procedure code → name
    std::string as_of;  ///< ISO instant a running period was counted up to ("" when it is over)
};

/// One scored criterion with the codes of its dossiers.
struct CriterionResult {
    domain::stats::CriterionScore score;
    std::vector<std::string> counted_codes;
    std::vector<std::string> shortfall_codes;
};

/// The index criteria of one table for a period and scope.
struct IndexResult {
    domain::stats::ReportingPeriod period;
    std::string agency_code;
    std::string agency_name;
    std::string table_code;
    std::string table_name;
    std::vector<CriterionResult> criteria;
    double points = 0.0;      ///< sum over applicable criteria
    double max_points = 0.0;  ///< sum of their maxima
    std::string as_of;        ///< as in ReportResult
};

/// One month of the on-time trend.
struct MonthPoint {
    std::string label;  ///< "2026-M07"
    domain::stats::Rate on_time;
    std::int64_t received = 0;
};

/// A scoring table as compilers see it.
struct ScoringTableInfo {
    std::string code;
    std::string name;
    bool built_in = false;  ///< not (yet) replaced by a stored table
    std::string body;
};

/// What verify() found.
struct VerifyResult {
    std::int64_t dossiers = 0;             ///< dossiers checked
    std::vector<std::string> differences;  ///< "code: stored record differs" / "code: no record"
};

class ReportService {
public:
    ReportService(store::Database& database, const Clock& clock, CatalogService& catalog, CalendarService& calendar);
    ~ReportService();

    /// Computes report 06a. Throws PermissionDenied (role or agency outside the caller's scope),
    /// InvalidArgument (period, grouping, attribution), NotFound (agency).
    ReportResult report06a(const domain::Principal& principal, const ReportQuery& query);

    /// Scores the criteria of table `table_code` (qd766, par-draft, or one entered as data).
    IndexResult index(const domain::Principal& principal, const ReportQuery& query, const std::string& table_code);

    /// On-time rate and receipts per month of `year` (NĐ 09 months) for the agency.
    std::vector<MonthPoint> monthlyTrend(const domain::Principal& principal, const std::optional<std::string>& agency_code,
                                         int year);

    /// Lists the scoring tables (stored ones replace the built-in tables of the same code).
    std::vector<ScoringTableInfo> scoringTables(const domain::Principal& principal);
    /// Stores a scoring table (administrators; the text is validated first).
    ScoringTableInfo saveScoringTable(const domain::Principal& principal, const std::string& code,
                                      const std::string& name, const std::string& body);

    /// Recomputes every record from the audit trail and compares it with the stored one.
    VerifyResult verify(const std::function<void(std::int64_t)>& progress = {});
    /// Rewrites every record from the audit trail; returns the number written.
    std::int64_t rebuild(const std::function<void(std::int64_t)>& progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::service
