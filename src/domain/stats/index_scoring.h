#pragma once
/// Index criteria as data: a scoring table (criterion code, name, the measure it reads, maximum
/// points, and either score bands or a linear rule) that turns the measured rates of a period
/// into points, with the dossiers behind each rate for drill-down.
///
/// Each year's PAR Index guidance of Bộ Nội vụ (QĐ 876/QĐ-BNV, rules.md §7) and each revision of
/// the QĐ 766/QĐ-TTg index (rules.md §8) is entered as a table, not as code: the storage layer
/// loads it from a file or the database with parseScoringTable().
///
/// ## Table text format
///
/// One criterion per line, fields separated by `;` (no quoting, so a name cannot contain `;`):
///
///     code;name;indicator;max_points;rule[;when_empty]
///
/// - `code`: 1–32 characters of `[A-Za-z0-9._-]`, unique in the table.
/// - `name`: 1–255 code points of UTF-8 text.
/// - `indicator`: one of the Indicator names (`on_time_rate`, `progress_766`, …).
/// - `max_points`: a decimal number, 0 < points ≤ 1000, at most 6 decimals (`20`, `0.5`).
/// - `rule`:
///   - `linear` or `linear:TARGET` (QĐ 766 general rule, rules.md §8): full points when the
///     ratio reaches TARGET (default 1), otherwise ratio × max_points ÷ TARGET;
///   - `bands:R1=P1,R2=P2,…`: thresholds in strictly decreasing order; the points of the first
///     threshold the ratio reaches, 0 below the last one (`bands:1=1,0.95=0.5` is "100% → 1
///     point, 95% to under 100% → 0.5, under 95% → 0").
///   Ratios are decimals in [0, 1] or percentages (`0.95`, `95%`, `99.5%`), at most one
///   millionth apart; points at most max_points.
/// - `when_empty` (optional): what a criterion scores when no dossier is measured (denominator
///   0): `na` (not applicable, no points; the default), `full` or `zero`.
///
/// Blank lines and lines starting with `#` are ignored; a first line equal to the header above
/// is skipped; CR LF line ends are accepted.

#include "domain/catalog/agency.h"
#include "domain/dossier/dossier.h"
#include "domain/stats/dossier_stat_record.h"
#include "domain/stats/report_06a.h"
#include "domain/stats/reporting_period.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain::stats {

/// A measure a criterion reads (see the counting rules in report_06a.h).
enum class Indicator {
    OnTimeRate,             ///< "on_time_rate": (early + on time) ÷ resolved.
    Progress766,            ///< "progress_766": QĐ 766 indicator 2.1.
    OnlineFullShare,        ///< "online_full_share": filed toàn trình ÷ received, toàn trình procedures.
    OnlinePartialShare,     ///< "online_partial_share": filed online ÷ received, một phần procedures.
    ApologyCoverage,        ///< "apology_coverage": late or overdue with an apology ÷ late or overdue.
    TimelyApologyCoverage,  ///< "timely_apology_coverage": … with a timely apology (Đ19.9).
    PostalReceiptShare,     ///< "postal_receipt_share": received by post ÷ received.
    PostalReturnShare,      ///< "postal_return_share": returned by post ÷ returned.
};

/// Number of Indicator values.
inline constexpr std::size_t kIndicatorCount = 8;

/// Returns the stable snake_case name of `indicator` (as listed above).
std::string_view toName(Indicator indicator);
/// Returns the Vietnamese label of `indicator` ("Tỷ lệ hồ sơ giải quyết đúng hạn", …).
std::string_view labelVi(Indicator indicator);
/// Returns the indicator named `name`; throws Error{InvalidArgument} on field "indicator".
Indicator parseIndicator(std::string_view name);

/// Returns the rate of `rates` that `indicator` names.
Rate rateOf(const Rates06a& rates, Indicator indicator) noexcept;

/// One measured indicator with the dossiers behind it.
struct Measure {
    Indicator indicator = Indicator::OnTimeRate;  ///< What is measured.
    Rate rate;  ///< The exact rate.
    /// Dossiers in the numerator (e.g. the postal receipts), sorted by id; empty when the measure
    /// was built from counts only.
    std::vector<DossierId> counted;
    /// Dossiers in the denominator but not the numerator: the late dossiers, the late or overdue
    /// ones without apology, the toàn trình procedures' dossiers filed otherwise…; sorted by id.
    std::vector<DossierId> shortfall;

    /// Compares every member.
    bool operator==(const Measure&) const = default;
};

/// Every indicator measured over one scope and period.
struct IndexMeasures {
    /// Indexed by the Indicator value.
    std::array<Measure, kIndicatorCount> measures;

    /// Returns the measure of `indicator`.
    const Measure& operator[](Indicator indicator) const noexcept {
        return measures[static_cast<std::size_t>(indicator)];
    }
    /// Compares every measure.
    bool operator==(const IndexMeasures&) const = default;
};

/// Measures every indicator for `period` over the records attributed to options.scope (all
/// when empty), with drill-down lists, by the counting rules of report_06a.h; its rates equal the
/// total row of compute06a with the same arguments. Throws Error{NotFound} for an unknown scope.
IndexMeasures computeIndexMeasures(std::span<const DossierStatRecord> records, const ReportingPeriod& period,
                                   const AgencyTree& agencies, const Report06aOptions& options = {});

/// Returns the measures of one report row (for scoring each agency), without drill-down lists.
IndexMeasures measuresFromCounts(const Counts06a& counts) noexcept;

/// Ratios in the table are held in millionths: 1'000'000 is 100%.
inline constexpr std::int64_t kRatioScale = 1'000'000;

/// One score band: ratios at or above `min_ratio` (millionths) score `points`.
struct Band {
    std::int64_t min_ratio = 0;  ///< Threshold in millionths, 0–kRatioScale.
    double points = 0.0;  ///< Points at or above it, 0–max_points.

    /// Compares both members.
    bool operator==(const Band&) const = default;
};

/// How a ratio becomes points.
enum class RuleKind {
    Linear,  ///< Full points from `target` on, otherwise ratio × max ÷ target (QĐ 766, rules.md §8).
    Bands,   ///< The first band (in decreasing order) the ratio reaches; 0 below all.
};

/// The scoring rule of a criterion.
struct ScoringRule {
    RuleKind kind = RuleKind::Linear;  ///< Linear or bands.
    std::int64_t target = kRatioScale;  ///< Linear target in millionths, 1–kRatioScale.
    std::vector<Band> bands;  ///< Bands, thresholds strictly decreasing; used when kind is Bands.

    /// Compares every member.
    bool operator==(const ScoringRule&) const = default;
};

/// What a criterion scores when nothing was measured (denominator 0).
enum class EmptyDenominator {
    NotApplicable,  ///< "na": no points, the criterion is left out.
    FullPoints,     ///< "full": nothing failed (e.g. no late dossier needed an apology).
    ZeroPoints,     ///< "zero".
};

/// One criterion of a scoring table.
struct Criterion {
    std::string code;  ///< Unique code, e.g. "766.2.1" or the PAR sub-criterion number.
    std::string name;  ///< Vietnamese name as in the guidance.
    Indicator indicator = Indicator::OnTimeRate;  ///< The measure read.
    double max_points = 0.0;  ///< Maximum points, 0 < max ≤ 1000.
    ScoringRule rule;  ///< How the ratio becomes points.
    EmptyDenominator when_empty = EmptyDenominator::NotApplicable;  ///< Score with nothing measured.

    /// Compares every member.
    bool operator==(const Criterion&) const = default;
};

/// A validated scoring table.
class ScoringTable {
public:
    /// Most criteria in a table.
    static constexpr std::size_t kMaxCriteria = 1000;
    /// Largest max_points of a criterion.
    static constexpr double kMaxPoints = 1000.0;

    /// Validates `criteria` by the rules of the text format above and throws
    /// Error::invalidFields listing every problem, fields named "criteria[i].member". (Points are
    /// doubles; formatScoringTable writes them rounded to millionths.)
    explicit ScoringTable(std::vector<Criterion> criteria);

    /// Returns the criteria in table order.
    const std::vector<Criterion>& criteria() const noexcept { return criteria_; }
    /// Compares the criteria.
    bool operator==(const ScoringTable&) const = default;

private:
    std::vector<Criterion> criteria_;
};

/// Returns the points `criterion` gives to `rate`, or std::nullopt when the rate is undefined
/// and the criterion is not applicable then.
std::optional<double> pointsFor(const Criterion& criterion, const Rate& rate) noexcept;

/// The score of one criterion.
struct CriterionScore {
    std::string code;  ///< Criterion code.
    std::string name;  ///< Criterion name.
    Indicator indicator = Indicator::OnTimeRate;  ///< The measure read.
    Rate measured;  ///< The measured rate.
    std::optional<double> points;  ///< Points; empty when not applicable.
    double max_points = 0.0;  ///< Maximum points.
    std::vector<DossierId> counted;  ///< Dossiers in the numerator.
    std::vector<DossierId> shortfall;  ///< Dossiers that kept the rate down (drill-down).

    /// Compares every member.
    bool operator==(const CriterionScore&) const = default;
};

/// Scores every criterion of `table` on `measures`, in table order.
std::vector<CriterionScore> scoreCriteria(const ScoringTable& table, const IndexMeasures& measures);

/// Parses a table in the text format above. Throws Error::invalidFields listing the problems of
/// every line (fields named "line N"), or for text over 1 MiB or without any criterion. Linear in
/// the input.
ScoringTable parseScoringTable(std::string_view text);

/// Formats `table` in the text format above (with the header line); parseScoringTable() of the
/// result equals `table`.
std::string formatScoringTable(const ScoringTable& table);

/// Returns the QĐ 766/QĐ-TTg criteria computed from dossier data (rules.md §8): group 2
/// "Tiến độ giải quyết" indicator 2.1 (20 points) and group 3 "Dịch vụ công trực tuyến"
/// (12 points), both linear with target 100%. The group points come from a third-party
/// description of the index, not the official annex [V2].
ScoringTable qd766Table();

/// Returns a DRAFT PAR Index table (rules.md §7, criteria and points [M/U], to be replaced by the
/// year's Bộ Nội vụ guidance): on-time rate (100% → full, 95% to under 100% → half, under 95% → 0),
/// apology coverage (100% → full, else 0), toàn trình share and postal receipt and return shares
/// (linear).
ScoringTable draftParTable();

/// Returns qd766Table() followed by draftParTable().
ScoringTable defaultScoringTable();

}  // namespace motcua::domain::stats
