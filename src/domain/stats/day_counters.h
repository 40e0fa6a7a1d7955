#pragma once
/// Day counters: Biểu 06a for any period of whole days without reading one record per dossier.
///
/// For a dossier and a period of days [s, e] the counts are countWindow(record, 00:00:00 of s,
/// 23:59:59 of e) (report_06a.h). For almost every dossier each count splits into a part that
/// depends only on the last day and a part that depends only on the first:
///
///     count(s, e) = T(e) − S(s),   T(e) = Σ_{d ≤ e} ΔT(d),   S(s) = Σ_{d ≤ s} ΔS(d)
///
/// e.g. "received in total" is [received ≤ e] − [ended < s], "resolved" is [ended ≤ e] −
/// [ended < s], "in progress and overdue" depends on e alone. dayDeltas() finds the step
/// deltas ΔT and ΔS of one record, a few days each (its receipt, end, return, apology, clock
/// changes and due days), and proves the split: the counts of a record can only change where the
/// first or last day crosses one of those days, so comparing T(e) − S(s) with countWindow for every
/// pair of them covers every period. A record that does not split (an apology issued two or more
/// days after the result counts in a period only when the period holds both days) is *irregular*:
/// it gets no deltas and reports count it from its record.
///
/// Summed per key (agencies, field, procedure) the deltas are the day counters the storage keeps
/// current with each event (counterChange: the new record's deltas minus the old one's); a
/// report sums the prefixes T(e) and S(s) per key, a few thousand rows for a province, plus
/// the irregular records. Only the default Report06aOptions (receiving agency; stops and
/// withdrawals count as resolved) are counted this way; other options read the records.

#include "domain/catalog/agency.h"
#include "domain/stats/dossier_stat_record.h"
#include "domain/stats/report_06a.h"
#include "domain/stats/reporting_period.h"

#include <date/date.h>

#include <compare>
#include <optional>
#include <string>
#include <vector>

namespace motcua::domain::stats {

/// Which prefix a delta belongs to.
enum class CounterSide : char {
    Last = 'T',   ///< ΔT: summed over days up to the period's last day.
    First = 'S',  ///< ΔS: summed over days up to the period's first day, then subtracted.
};

/// One step of one record's contribution.
struct DayDelta {
    date::local_days day;  ///< The day the step takes effect.
    CounterSide side = CounterSide::Last;  ///< The prefix it belongs to.
    Counts06a counts;  ///< The step (counts may be negative).

    /// Compares every member.
    bool operator==(const DayDelta&) const = default;
};

/// Returns the deltas of `record` (sorted by side, then day; all-zero steps left out), or
/// std::nullopt when its counts do not split into T(e) − S(s) (an irregular record). A record
/// never accepted has no deltas.
std::optional<std::vector<DayDelta>> dayDeltas(const DossierStatRecord& record);

/// What the counters are summed by: every way a report groups, under the default attribution
/// (rule 7: the receiving agency, which never changes, so a transfer moves nothing). Reports by
/// handling agency read the records.
struct CounterKey {
    AgencyId agency;  ///< Receiving agency.
    std::string field_code;  ///< Field.
    std::string procedure_code;  ///< Procedure.

    /// Orders by agency, field, procedure.
    auto operator<=>(const CounterKey&) const = default;
    /// Compares every member.
    bool operator==(const CounterKey&) const = default;
};

/// Returns the key `record` is counted under.
CounterKey counterKeyOf(const DossierStatRecord& record);

/// One change to the stored counters.
struct CounterCell {
    CounterKey key;  ///< The key.
    CounterSide side = CounterSide::Last;  ///< The prefix.
    date::local_days day;  ///< The day.
    Counts06a counts;  ///< Amount to add (may be negative).

    /// Compares every member.
    bool operator==(const CounterCell&) const = default;
};

/// What folding one event changes in the counters.
struct CounterChange {
    /// Cells to add, sorted by side, day and key, none all zero (a fixed order keeps concurrent
    /// writers from deadlocking).
    std::vector<CounterCell> cells;
    bool irregular_before = false;  ///< The record before the event was irregular.
    bool irregular_after = false;   ///< The record after it is.
};

/// Returns the change that replaces the contribution of `before` (std::nullopt for a new
/// dossier) by that of `after`.
CounterChange counterChange(const std::optional<DossierStatRecord>& before, const DossierStatRecord& after);

/// Adds the deltas of `record` to `cells` (an aggregation of many records, e.g. a rebuild);
/// returns false, adding nothing, when the record is irregular.
bool addDeltas(std::vector<CounterCell>& cells, const DossierStatRecord& record);

/// Sorts `cells` by side, day and key and merges cells of the same side, day and key, dropping
/// those that sum to zero.
void normalizeCells(std::vector<CounterCell>& cells);

/// Returns the last day the counters are read through for `period`: its last day, or the day of
/// its cut for a period still running (ReportingPeriod::asOf).
date::local_days countedLastDay(const ReportingPeriod& period);

/// For a period cut at an instant (ReportingPeriod::asOf), returns what the counts of `record`
/// at the cut differ by from its counts at 23:59:59 of the cut's day, which the day counters
/// give: the counters of [first day, countedLastDay] plus this, summed over the records that
/// differ, are the report at the cut. Only an open dossier whose due time falls between the cut
/// and the end of that day differs (overdue at the day's end, not yet at the cut); for any other
/// record, and for a period not cut, the result is zero.
Counts06a cutCorrection(const DossierStatRecord& record, const ReportingPeriod& period);

}  // namespace motcua::domain::stats
