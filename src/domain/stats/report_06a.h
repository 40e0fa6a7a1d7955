#pragma once
/// The report on the situation and results of resolving administrative procedures, Biểu
/// II.06a/VPCP/KSTT of Thông tư 01/2020/TT-VPCP (rules.md §9.1), computed from the per-dossier
/// statistics records for one reporting period, per agency (rolled up the tree), per field or
/// per procedure; plus the rates the PAR Index and the QĐ 766 index read (rules.md §6.4–6.5,
/// §7, §8).
///
/// ## Counting rules (Biểu 06a and rates)
///
/// A period runs from **S** = 00:00:00 of its first day to **E** = 23:59:59 of its last day, local
/// time (Asia/Ho_Chi_Minh). Every instant below is local.
///
/// 1. **Counted dossiers.** Only dossiers accepted for resolution (Giấy tiếp nhận issued, NĐ 61/2018
///    Đ17.1c). A dossier refused at intake, withdrawn before acceptance or never checked is not
///    counted anywhere.
/// 2. **End time** (order of QĐ 766 indicator 2.1, rules.md §8): the result (status 9: an approval,
///    or a rejection after appraisal, which NĐ 61/2018 Đ19.8 makes a result); otherwise the stop
///    (8) or withdrawal (7) after acceptance. Stops and withdrawals count as resolved by default
///    (rules.md §9.1: "usually counted as đã giải quyết"); each can be set to *Exclude*, and then a
///    dossier stopped or withdrawn at or before E is left out of **every** column of the period,
///    while one closed after E is still in progress at E.
/// 3. **In the period:** received at or before E, and no end time before S.
/// 4. **Received (Số hồ sơ nhận giải quyết).** *Trực tuyến*: received in [S, E] online (toàn trình
///    or một phần). *Trực tiếp và dịch vụ bưu chính*: received in [S, E] at the desk or by post
///    (the receipt of a postal dossier is the handover record, QĐ 45/2016 Đ7.4). *Từ kỳ trước
///    chuyển qua*: received before S and not ended before S. *Tổng số* = all three:
///    `received_total = received_online + received_direct_and_postal + carried_over`.
/// 5. **Resolved (Số hồ sơ đã giải quyết):** end time in [S, E]. *Trước hạn / Đúng hạn / Quá hạn*
///    is the verdict frozen with the result, judged against the legal due time (restarted after a
///    complete supplement, NĐ 61/2018 Đ19.4 as amended by NĐ 107/2021; never the apology's new date,
///    rules.md §3.2). A counted stop or withdrawal is judged at closing against the due time then
///    in force, and is not late when the clock was stopped for a supplement.
/// 6. **In progress (Số hồ sơ đang giải quyết):** no end time at or before E. *Quá hạn* when a legal
///    due time runs at E and E is after it; *Trong hạn* otherwise, including a dossier waiting for
///    a supplement at E (its time restarts from zero once complete).
///    `received_total = resolved_total + in_progress_total`,
///    `resolved_total = early + on_time + late`, `in_progress_total = within_time + overdue`.
/// 7. **Agency.** A dossier counts once, under its *receiving* agency (the agency whose desk
///    accepted it for resolution, which 06a reports as "cơ quan, đơn vị trực tiếp giải quyết");
///    optionally under its *handling* agency (the last liên thông hop: the agency holding it or that
///    produced the result). A transfer never counts it twice. An agency row includes all its
///    descendants; the total row counts every dossier in scope once.
/// 8. **Rates** are exact fractions; with a zero denominator the rate is *undefined* (value 0).
///    - *On-time rate* = (early + on time) ÷ resolved.
///    - *Apology coverage* = late-or-overdue dossiers with an apology issued by E ÷ (resolved late +
///      in progress overdue), NĐ 61/2018 Đ19.9: the apology is due one day *before* the deadline,
///      so an overdue dossier still open needs one too. *Timely apology coverage* counts only
///      apologies issued at least one working day before the due time.
///    - *Online share, toàn trình* = new receipts filed toàn trình ÷ new receipts of procedures
///      offered toàn trình (NĐ 42/2022, rules.md §6.4; QĐ 766 group 3). *Online share, một phần* =
///      new receipts filed online ÷ new receipts of procedures offered một phần.
///    - *Postal receipt share* = new receipts filed by post ÷ new receipts (QĐ 45/2016 Đ5).
///      *Postal return share* = results handed over by post in [S, E] ÷ results handed over in
///      [S, E] (Đ8–10).
///    - *QĐ 766 progress (indicator 2.1)* = (resolved early or on time + in progress within time)
///      ÷ received total, where a dossier with more than one supplement request (up to its end time,
///      or E) counts as overdue (rules.md §8).

#include "domain/catalog/agency.h"
#include "domain/stats/dossier_stat_record.h"
#include "domain/stats/reporting_period.h"

#include <cstdint>
#include <map>
#include <unordered_map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain::stats {

/// An exact rate: numerator ÷ denominator, with its value as a double (0 when undefined).
struct Rate {
    std::int64_t numerator = 0;  ///< Dossiers that meet the criterion.
    std::int64_t denominator = 0;  ///< Dossiers the criterion applies to.
    double value = 0.0;  ///< numerator ÷ denominator, or 0 when the denominator is 0.

    /// Returns true when the denominator is positive.
    bool defined() const noexcept { return denominator > 0; }
    /// Compares all members.
    bool operator==(const Rate&) const = default;
};

/// Returns the rate numerator ÷ denominator (value 0 when the denominator is 0).
Rate makeRate(std::int64_t numerator, std::int64_t denominator) noexcept;

/// The counts of one row: the Biểu 06a columns, then the supplementary counts the rates need.
struct Counts06a {
    // --- Biểu 06a: Số hồ sơ nhận giải quyết ---
    std::int64_t received_total = 0;  ///< Tổng số.
    std::int64_t received_online = 0;  ///< Trực tuyến (received in the period).
    std::int64_t received_direct_and_postal = 0;  ///< Trực tiếp và dịch vụ bưu chính (in the period).
    std::int64_t carried_over = 0;  ///< Từ kỳ trước chuyển qua.
    // --- Biểu 06a: Số hồ sơ đã giải quyết ---
    std::int64_t resolved_total = 0;  ///< Tổng số.
    std::int64_t resolved_early = 0;  ///< Trước hạn.
    std::int64_t resolved_on_time = 0;  ///< Đúng hạn.
    std::int64_t resolved_late = 0;  ///< Quá hạn.
    // --- Biểu 06a: Số hồ sơ đang giải quyết ---
    std::int64_t in_progress_total = 0;  ///< Tổng số.
    std::int64_t in_progress_within_time = 0;  ///< Trong hạn.
    std::int64_t in_progress_overdue = 0;  ///< Quá hạn.
    // --- Supplementary (not 06a columns) ---
    std::int64_t received_direct = 0;  ///< Received in the period at the desk.
    std::int64_t received_postal = 0;  ///< Received in the period by post.
    std::int64_t received_online_full = 0;  ///< Received in the period online, toàn trình.
    std::int64_t received_online_partial = 0;  ///< Received in the period online, một phần.
    std::int64_t full_level_received = 0;  ///< Received in the period, procedure offered toàn trình.
    std::int64_t full_level_online_full = 0;  ///< … of which filed toàn trình.
    std::int64_t partial_level_received = 0;  ///< Received in the period, procedure offered một phần.
    std::int64_t partial_level_online = 0;  ///< … of which filed online.
    std::int64_t late_or_overdue = 0;  ///< resolved_late + in_progress_overdue.
    std::int64_t late_or_overdue_with_apology = 0;  ///< … with an apology issued by the period end.
    std::int64_t late_or_overdue_with_timely_apology = 0;  ///< … issued ≥ 1 working day before the due time.
    std::int64_t returned_total = 0;  ///< Results handed over in the period.
    std::int64_t returned_postal = 0;  ///< … by post.
    std::int64_t progress_766_on_track = 0;  ///< QĐ 766 2.1 numerator (≤ 1 supplement request).

    /// Adds every count of `other`.
    Counts06a& operator+=(const Counts06a& other) noexcept;
    /// Subtracts every count of `other`.
    Counts06a& operator-=(const Counts06a& other) noexcept;
    /// Compares every count.
    bool operator==(const Counts06a&) const = default;
};

/// The rates of one row (see the counting rules above).
struct Rates06a {
    Rate on_time;  ///< (early + on time) ÷ resolved.
    Rate apology_coverage;  ///< Late or overdue with an apology ÷ late or overdue.
    Rate timely_apology_coverage;  ///< Late or overdue with a timely apology ÷ late or overdue.
    Rate online_full_share;  ///< Filed toàn trình ÷ received for procedures offered toàn trình.
    Rate online_partial_share;  ///< Filed online ÷ received for procedures offered một phần.
    Rate postal_receipt_share;  ///< Received by post ÷ received in the period.
    Rate postal_return_share;  ///< Returned by post ÷ returned in the period.
    Rate progress_766;  ///< QĐ 766 indicator 2.1.

    /// Compares every rate.
    bool operator==(const Rates06a&) const = default;
};

/// Returns the rates of `counts`.
Rates06a ratesOf(const Counts06a& counts) noexcept;

/// Under which agency a dossier is counted (rule 7).
enum class AgencyAttribution {
    Receiving,  ///< The agency that accepted it for resolution (default, TT 01/2020 06a).
    Handling,   ///< The agency of its last liên thông hop.
};

/// What a stop or a withdrawal after acceptance counts as (rule 2).
enum class ClosedWithoutResult {
    CountAsResolved,  ///< Resolved at the closing time (default, rules.md §9.1).
    Exclude,          ///< Left out of every column of a period ending at or after the closing.
};

/// How the rows are broken down.
enum class Grouping {
    Agency,     ///< One row per agency, each including its descendants (tree pre-order).
    Field,      ///< One row per field (lĩnh vực), sorted by code.
    Procedure,  ///< One row per procedure, sorted by code.
};

/// Returns the stable snake_case name of `grouping` ("agency", "field", "procedure").
std::string_view toName(Grouping grouping);
/// Returns the grouping named `name`; throws Error{InvalidArgument} on field "group", the
/// parameter that carries it in the API, the page and the CLI.
Grouping parseGrouping(std::string_view name);

/// The choices where the law leaves room.
struct Report06aOptions {
    AgencyAttribution attribution = AgencyAttribution::Receiving;  ///< Rule 7.
    ClosedWithoutResult withdrawn = ClosedWithoutResult::CountAsResolved;  ///< Rule 2, withdrawals.
    ClosedWithoutResult stopped = ClosedWithoutResult::CountAsResolved;  ///< Rule 2, stops.
    /// Only dossiers attributed to this agency or below; std::nullopt for all. With Agency
    /// grouping, only this agency's subtree has rows.
    std::optional<AgencyId> scope;
    /// With Agency grouping, also list agencies that have no dossier in the period.
    bool include_empty_agencies = true;
};

/// One row of the report.
struct Row06a {
    /// Agency code, field code or procedure code; "" for the total row.
    std::string key;
    /// The agency of an Agency row.
    std::optional<AgencyId> agency_id;
    /// The agency name for an Agency row ("" for an agency missing from the tree); "" otherwise
    /// (field and procedure names come from the catalog).
    std::string name;
    /// Depth in the tree (0 for a root or an agency missing from the tree); 0 otherwise.
    int depth = 0;
    Counts06a counts;  ///< The counts.
    Rates06a rates;  ///< The rates of the counts.

    /// Compares every member.
    bool operator==(const Row06a&) const = default;
};

/// The report of one period.
struct Report06a {
    ReportingPeriod period;  ///< The period reported.
    Grouping grouping = Grouping::Agency;  ///< How rows are broken down.
    /// Agency rows in tree pre-order (children by id), then agencies missing from the tree by
    /// id; field and procedure rows by code.
    std::vector<Row06a> rows;
    Row06a total;  ///< Every counted dossier in scope, once.

    /// Compares every member.
    bool operator==(const Report06a&) const = default;
};

/// Returns the contribution (0 or 1 in each count) of one dossier to `period`; all zero when the
/// dossier is not counted in it. compute06a sums these; the index drill-down reads them.
Counts06a countRecord(const DossierStatRecord& record, const ReportingPeriod& period,
                      const Report06aOptions& options = {});

/// Returns the contribution of one dossier to the window [start, end] (local; a period passes
/// 00:00:00 of its first day and 23:59:59 of its last): countRecord without building a period.
Counts06a countWindow(const DossierStatRecord& record, date::local_seconds start, date::local_seconds end,
                      const Report06aOptions& options = {});

/// One count of Counts06a: its stable snake_case name and member (every count, in declaration
/// order; storage and exports iterate over these).
struct CountColumn {
    std::string_view name;  ///< E.g. "received_total".
    std::int64_t Counts06a::*member;  ///< The member.
};
/// Returns every count column of Counts06a, in declaration order.
std::span<const CountColumn> countColumns() noexcept;

/// Returns the agency `record` is counted under (rule 7).
AgencyId attributedAgency(const DossierStatRecord& record, AgencyAttribution attribution) noexcept;

/// Builds Biểu 06a one record at a time, so a report over a province's records never holds them
/// all; two accumulators of the same report can be merged (records read in parallel).
class Report06aAccumulator {
public:
    /// Throws Error{NotFound} when options.scope is not in `agencies` (which must outlive this).
    Report06aAccumulator(const ReportingPeriod& period, Grouping grouping, const AgencyTree& agencies,
                         const Report06aOptions& options = {});
    /// Adds the contribution of one dossier (none when it is out of scope or not counted).
    void add(const DossierStatRecord& record);
    /// Adds counts already summed for dossiers attributed (under this report's attribution) to
    /// `agency` with the same field and procedure (the day counters); skipped when out of scope
    /// or all zero.
    void addCounts(AgencyId agency, const std::string& field_code, const std::string& procedure_code,
                   const Counts06a& counts);
    /// Adds everything `other` (same period, grouping, tree and options) has accumulated.
    void merge(const Report06aAccumulator& other);
    /// Returns the report: rows as compute06a orders them, rates filled in.
    Report06a finish() const;

private:
    void addInScope(AgencyId agency, const std::string& field_code, const std::string& procedure_code,
                    const Counts06a& counts);

    ReportingPeriod period_;
    Grouping grouping_;
    const AgencyTree& agencies_;
    Report06aOptions options_;
    Counts06a total_;
    std::unordered_map<std::int64_t, Counts06a> by_agency_;
    std::map<std::string, Counts06a> by_key_;
};

/// Computes Biểu 06a for `period` from `records` (one per dossier, in any order). Linear in the
/// number of records plus agencies × tree depth. Throws Error{NotFound} when options.scope is
/// not in `agencies`.
Report06a compute06a(std::span<const DossierStatRecord> records, const ReportingPeriod& period, Grouping grouping,
                     const AgencyTree& agencies, const Report06aOptions& options = {});

}  // namespace motcua::domain::stats
