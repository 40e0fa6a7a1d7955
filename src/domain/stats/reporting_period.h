#pragma once
/// Reporting periods (kỳ báo cáo) of the statistics: the data windows of Nghị định 09/2019/NĐ-CP
/// Đ12 (months, quarters, half-years and years that run from the 15th of the month before to the
/// 14th, rules.md §9.2), the plain calendar months/quarters/half-years/years many provinces and
/// the DVCQG dashboards use, and explicit date ranges.
///
/// Text forms (parseReportingPeriod; label() returns the canonical one):
///
/// | text                      | period                                   | window (inclusive, local dates)   |
/// |---------------------------|------------------------------------------|-----------------------------------|
/// | `2026`                    | year, NĐ 09 window                       | 15/12/2025 → 14/12/2026           |
/// | `2026-H1` / `2026-H2`     | half-year, NĐ 09 window                  | 15/12/2025 → 14/06/2026 / 15/06 → 14/12/2026 |
/// | `2026-Q3`                 | quarter, NĐ 09 window                    | 15/06/2026 → 14/09/2026           |
/// | `2026-M07`                | month, NĐ 09 window                      | 15/06/2026 → 14/07/2026           |
/// | `cal:2026-Q3` (any above) | the same period on the calendar          | 01/07/2026 → 30/09/2026           |
/// | `2026-07-01..2026-09-30`  | explicit range                           | 01/07/2026 → 30/09/2026           |
///
/// Letters are accepted in either case and the month may have one digit (`2026-m7`); the label
/// is always canonical (`2026-M07`, `cal:2026-Q3`). Years 2000–2100 are accepted in text.
///
/// A period covers whole local civil days: from 00:00:00 of its first day to 23:59:59 of its last
/// day in the agencies' local time (Asia/Ho_Chi_Minh); the service converts instants to local
/// time before the statistics see them.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace motcua::domain::stats {

/// The length of a period.
enum class PeriodKind {
    Month,     ///< Tháng.
    Quarter,   ///< Quý.
    HalfYear,  ///< 6 tháng.
    Year,      ///< Năm.
    Range,     ///< Explicit "from..to" dates.
};

/// Which windows a month, quarter, half-year or year uses.
enum class PeriodMode {
    /// NĐ 09/2019/NĐ-CP Đ12: from the 15th of the month before the period to the 14th of its
    /// last month (the year from 15/12 of the previous year to 14/12).
    Nd09,
    /// Plain calendar: first to last day of the month, quarter, half-year or year.
    Calendar,
};

/// Returns the stable snake_case name of `kind` ("month", "quarter", "half_year", "year", "range").
std::string_view toName(PeriodKind kind);
/// Returns the stable snake_case name of `mode` ("nd09", "calendar").
std::string_view toName(PeriodMode mode);

/// A reporting period: a validated, inclusive range of local civil dates with its label.
class ReportingPeriod {
public:
    /// Smallest year accepted by parseReportingPeriod.
    static constexpr int kMinParsedYear = 2000;
    /// Largest year accepted by parseReportingPeriod.
    static constexpr int kMaxParsedYear = 2100;
    /// Smallest year a period may be built for (previousPeriod may step below kMinParsedYear).
    static constexpr int kMinYear = 1900;
    /// Largest year a period may be built for.
    static constexpr int kMaxYear = 2200;

    /// Returns the month, quarter, half-year or year number `index` of `year` (month 1–12,
    /// quarter 1–4, half 1–2, index ignored for a year) under `mode`. Throws
    /// Error{InvalidArgument} for kind Range, an index out of range, or a year outside
    /// kMinYear–kMaxYear.
    static ReportingPeriod of(PeriodKind kind, PeriodMode mode, int year, unsigned index = 1);

    /// Returns the explicit range `first_day`..`last_day`. Throws Error{InvalidArgument} for an
    /// invalid date, first_day after last_day, or a year outside kMinYear–kMaxYear.
    static ReportingPeriod range(date::year_month_day first_day, date::year_month_day last_day);

    /// Returns the period of `kind` (not Range) under `mode` that contains `day`: under NĐ 09 a
    /// day from the 15th on belongs to the next month's window (15/12/2025 is in 2026-M01).
    static ReportingPeriod containing(date::year_month_day day, PeriodKind kind, PeriodMode mode);

    /// Returns the length of the period.
    PeriodKind kind() const noexcept { return kind_; }
    /// Returns the windows used (Nd09 for a Range, where it has no meaning).
    PeriodMode mode() const noexcept { return mode_; }
    /// Returns the year the period is named after (the year of the last day for a Range).
    int year() const noexcept { return year_; }
    /// Returns the month 1–12, quarter 1–4 or half 1–2; 0 for a year or a range.
    unsigned index() const noexcept { return index_; }
    /// Returns the canonical text, e.g. "2026-Q3", "cal:2026-M07", "2026-07-01..2026-09-30".
    const std::string& label() const noexcept { return label_; }
    /// Returns the first day, included.
    date::year_month_day firstDay() const noexcept { return first_day_; }
    /// Returns the last day, included.
    date::year_month_day lastDay() const noexcept { return last_day_; }
    /// Returns 00:00:00 local time of the first day.
    date::local_seconds start() const noexcept;
    /// Returns 23:59:59 local time of the last day: the instant at which dossiers still open
    /// are evaluated ("đang giải quyết" at the end of the period); for a period cut by asOf(),
    /// the cut.
    date::local_seconds end() const noexcept;
    /// Returns this period as it stands at `now`: a period not yet over ends at `now` (end() is
    /// the cut, the days and label stay), so a dossier still open is judged at the present, not
    /// at a future end (one due tomorrow is not overdue yet); a period already over is returned
    /// unchanged. No event lies after `now`, so only that judgement differs. Throws
    /// Error{InvalidArgument} on field "period" when the period starts after `now`.
    ReportingPeriod asOf(date::local_seconds now) const;
    /// Returns the instant asOf() cut the period at, or empty for a whole period.
    const std::optional<date::local_seconds>& cutAt() const noexcept { return cut_at_; }
    /// Returns true when `instant` lies in [start(), end()].
    bool contains(date::local_seconds instant) const noexcept;
    /// Returns the number of days, at least 1.
    int dayCount() const noexcept;

    /// Compares kind, mode, dates and label.
    bool operator==(const ReportingPeriod&) const = default;

private:
    ReportingPeriod(PeriodKind kind, PeriodMode mode, int year, unsigned index, std::string label,
                    date::year_month_day first_day, date::year_month_day last_day);

    PeriodKind kind_;
    PeriodMode mode_;
    int year_;
    unsigned index_;
    std::string label_;
    date::year_month_day first_day_;
    date::year_month_day last_day_;
    std::optional<date::local_seconds> cut_at_;
};

/// Parses a period in one of the text forms above (ASCII spaces around it are ignored). Throws
/// Error{InvalidArgument} on field "period", with a Vietnamese message listing the accepted
/// forms, for anything else. Linear in the input; input longer than 64 bytes is refused unread.
ReportingPeriod parseReportingPeriod(std::string_view text);

/// Returns the period just before `period`: the previous month, quarter, half-year or year of
/// the same mode (2026-M01 → 2025-M12, 2026-H1 → 2025-H2); for a Range, the range of the same
/// number of days ending the day before it starts. Throws Error{InvalidArgument} below kMinYear.
ReportingPeriod previousPeriod(const ReportingPeriod& period);

}  // namespace motcua::domain::stats
