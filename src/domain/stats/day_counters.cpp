#include "domain/stats/day_counters.h"

#include <algorithm>
#include <chrono>
#include <tuple>
#include <utility>

namespace motcua::domain::stats {

namespace {

using Day = date::local_days;

const Counts06a kZero{};

/// The counts of `record` for the period of days [first, last].
Counts06a countDays(const DossierStatRecord& record, Day first, Day last) {
    return countWindow(record, date::local_seconds{first}, date::local_seconds{last} + std::chrono::seconds{86'399});
}

/// The days where the counts of `record` can change as a period's first or last day moves: the
/// day of each instant countWindow reads (a last day reaching it) and the day after (a first day
/// passing it, or a last day passing an instant at 23:59:59). Sorted, unique.
std::vector<Day> candidateDays(const DossierStatRecord& record) {
    std::vector<Day> days;
    auto add = [&days](const std::optional<date::local_seconds>& instant) {
        if (!instant) return;
        const Day day = date::floor<date::days>(*instant);
        days.push_back(day);
        days.push_back(day + date::days{1});
    };
    add(record.received_at);
    add(record.resolved_at);
    add(record.returned_at);
    add(record.closed_at);
    add(record.apology_issued_at);
    // The due times countWindow reads are those of the clock (clockAt), not due_at itself.
    for (const ClockChange& change : record.clock) {
        add(change.at);
        add(change.due_at);
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

bool zero(const Counts06a& counts) noexcept { return counts == kZero; }

Counts06a difference(Counts06a a, const Counts06a& b) noexcept {
    a -= b;
    return a;
}

/// Prefix sums of one side of `deltas` (sorted by day) through `day`.
Counts06a prefix(const std::vector<DayDelta>& deltas, CounterSide side, Day day) {
    Counts06a sum;
    for (const DayDelta& delta : deltas) {
        if (delta.side == side && delta.day <= day) sum += delta.counts;
    }
    return sum;
}

}  // namespace

std::optional<std::vector<DayDelta>> dayDeltas(const DossierStatRecord& record) {
    std::vector<DayDelta> deltas;
    if (!record.received_at) return deltas;  // never counted (rule 1)
    const std::vector<Day> days = candidateDays(record);
    // Before every candidate day nothing is received yet: both prefixes are zero there.
    const Day origin = days.front() - date::days{1};
    auto through = [&](Day last) { return countDays(record, origin, last); };  // T(last), as S(origin) = 0
    auto before = [&](Day first) { return difference(through(first), countDays(record, first, first)); };  // S(first)

    for (const Day day : days) {
        const Counts06a last_step = difference(through(day), through(day - date::days{1}));
        if (!zero(last_step)) deltas.push_back({day, CounterSide::Last, last_step});
    }
    for (const Day day : days) {
        const Counts06a first_step = difference(before(day), before(day - date::days{1}));
        if (!zero(first_step)) deltas.push_back({day, CounterSide::First, first_step});
    }

    // The proof: the counts are constant while the first and the last day stay between two
    // candidate days, so checking every pair of candidates (and the origin) covers every period.
    std::vector<Day> points{origin};
    points.insert(points.end(), days.begin(), days.end());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Counts06a first_prefix = prefix(deltas, CounterSide::First, points[i]);
        for (std::size_t j = i; j < points.size(); ++j) {
            const Counts06a split = difference(prefix(deltas, CounterSide::Last, points[j]), first_prefix);
            if (!(split == countDays(record, points[i], points[j]))) return std::nullopt;
        }
    }
    return deltas;
}

CounterKey counterKeyOf(const DossierStatRecord& record) {
    return CounterKey{record.receiving_agency, record.field_code, record.procedure_code};
}

bool addDeltas(std::vector<CounterCell>& cells, const DossierStatRecord& record) {
    const auto deltas = dayDeltas(record);
    if (!deltas) return false;
    if (deltas->empty()) return true;
    const CounterKey key = counterKeyOf(record);
    for (const DayDelta& delta : *deltas) cells.push_back({key, delta.side, delta.day, delta.counts});
    return true;
}

void normalizeCells(std::vector<CounterCell>& cells) {
    auto order = [](const CounterCell& a, const CounterCell& b) {
        return std::tie(a.side, a.day, a.key) < std::tie(b.side, b.day, b.key);
    };
    std::sort(cells.begin(), cells.end(), order);
    std::vector<CounterCell> merged;
    for (CounterCell& cell : cells) {
        if (!merged.empty() && merged.back().side == cell.side && merged.back().day == cell.day &&
            merged.back().key == cell.key) {
            merged.back().counts += cell.counts;
        } else {
            merged.push_back(std::move(cell));
        }
    }
    std::erase_if(merged, [](const CounterCell& cell) { return zero(cell.counts); });
    cells = std::move(merged);
}

CounterChange counterChange(const std::optional<DossierStatRecord>& before, const DossierStatRecord& after) {
    CounterChange change;
    change.irregular_after = !addDeltas(change.cells, after);
    if (before) {
        std::vector<CounterCell> removed;
        change.irregular_before = !addDeltas(removed, *before);
        for (CounterCell& cell : removed) {
            Counts06a negated;
            negated -= cell.counts;
            cell.counts = negated;
            change.cells.push_back(std::move(cell));
        }
    }
    normalizeCells(change.cells);
    return change;
}

date::local_days countedLastDay(const ReportingPeriod& period) {
    return date::floor<date::days>(period.end());
}

Counts06a cutCorrection(const DossierStatRecord& record, const ReportingPeriod& period) {
    if (!period.cutAt()) return {};
    const auto day_end = date::local_seconds{countedLastDay(period) + date::days{1}} - std::chrono::seconds{1};
    return difference(countWindow(record, period.start(), period.end()), countWindow(record, period.start(), day_end));
}

}  // namespace motcua::domain::stats
