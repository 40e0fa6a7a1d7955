// Day counters (domain/stats/day_counters.h): the step deltas of single records, worked by hand,
// the records that do not split, and what an event changes in the counters.

#include "domain/stats/day_counters.h"
#include "stats_test_support.h"

#include <gtest/gtest.h>

namespace motcua::domain::stats {
namespace {

using namespace stats_test;
using date::days;

date::local_days day(int y, unsigned m, unsigned d) { return date::floor<days>(lt(y, m, d)); }

const DayDelta* find(const std::vector<DayDelta>& deltas, CounterSide side, date::local_days on) {
    for (const DayDelta& delta : deltas) {
        if (delta.side == side && delta.day == on) return &delta;
    }
    return nullptr;
}

TEST(DayCountersTest, ADossierResolvedOnTimeStepsOnItsReceiptAndResultDays) {
    // Received 10/03 at the desk, due 20/03 17:00, resolved 18/03: early.
    const auto record = RecordBuilder(1)
                            .received(lt(2026, 3, 10, 9), lt(2026, 3, 20, 17))
                            .resolved(lt(2026, 3, 18, 15), Verdict::Early)
                            .build();
    const auto deltas = dayDeltas(record);
    ASSERT_TRUE(deltas.has_value());

    // Last day reaching 10/03: received, in progress within time.
    const DayDelta* received = find(*deltas, CounterSide::Last, day(2026, 3, 10));
    ASSERT_NE(received, nullptr);
    EXPECT_EQ(received->counts.received_total, 1);
    EXPECT_EQ(received->counts.received_direct, 1);
    EXPECT_EQ(received->counts.in_progress_within_time, 1);
    EXPECT_EQ(received->counts.resolved_total, 0);
    // Last day reaching 18/03: leaves "in progress", becomes "resolved early".
    const DayDelta* resolved = find(*deltas, CounterSide::Last, day(2026, 3, 18));
    ASSERT_NE(resolved, nullptr);
    EXPECT_EQ(resolved->counts.in_progress_within_time, -1);
    EXPECT_EQ(resolved->counts.resolved_early, 1);
    EXPECT_EQ(resolved->counts.received_total, 0);
    // First day passing 10/03: no longer a new receipt but carried over.
    const DayDelta* carried = find(*deltas, CounterSide::First, day(2026, 3, 11));
    ASSERT_NE(carried, nullptr);
    EXPECT_EQ(carried->counts.received_direct, 1);  // subtracted: new receipts drop out
    EXPECT_EQ(carried->counts.carried_over, -1);   // subtracted: carried over appears
    // First day passing 18/03: the dossier drops out of the period entirely.
    const DayDelta* gone = find(*deltas, CounterSide::First, day(2026, 3, 19));
    ASSERT_NE(gone, nullptr);
    EXPECT_EQ(gone->counts.received_total, 1);
    EXPECT_EQ(gone->counts.resolved_early, 1);
    EXPECT_EQ(gone->counts.carried_over, 1);  // undoes the step of 11/03
}

TEST(DayCountersTest, AnOpenDossierTurnsOverdueTheDayItsDueTimePasses) {
    const auto record = RecordBuilder(2).received(lt(2026, 3, 10, 9), lt(2026, 3, 20, 17)).build();
    const auto deltas = dayDeltas(record);
    ASSERT_TRUE(deltas.has_value());
    const DayDelta* overdue = find(*deltas, CounterSide::Last, day(2026, 3, 20));
    ASSERT_NE(overdue, nullptr);
    EXPECT_EQ(overdue->counts.in_progress_within_time, -1);
    EXPECT_EQ(overdue->counts.in_progress_overdue, 1);
    EXPECT_EQ(overdue->counts.late_or_overdue, 1);
}

TEST(DayCountersTest, APeriodCutBeforeADueTimeOfItsDayIsCorrectedByTheRecord) {
    // Due 20/03 17:00, still open: at 10:00 that day it is within time, by the day's end overdue.
    const auto record = RecordBuilder(3).received(lt(2026, 3, 10, 9), lt(2026, 3, 20, 17)).build();
    const auto period = parseReportingPeriod("2026-M04").asOf(lt(2026, 3, 20, 10));
    EXPECT_EQ(countedLastDay(period), day(2026, 3, 20));
    const Counts06a at_day_end = countWindow(record, period.start(), lt(2026, 3, 20, 23) + std::chrono::minutes{59});
    EXPECT_EQ(at_day_end.in_progress_overdue, 1);
    Counts06a corrected = at_day_end;
    corrected += cutCorrection(record, period);
    EXPECT_EQ(corrected, countRecord(record, period));
    EXPECT_EQ(corrected.in_progress_overdue, 0);
    EXPECT_EQ(corrected.in_progress_within_time, 1);
    // Cut after the due time, or a period not cut: nothing to correct.
    EXPECT_EQ(cutCorrection(record, parseReportingPeriod("2026-M04").asOf(lt(2026, 3, 20, 18))), Counts06a{});
    EXPECT_EQ(cutCorrection(record, parseReportingPeriod("2026-M03")), Counts06a{});
}

TEST(DayCountersTest, ARecordNeverAcceptedHasNoDeltas) {
    const auto record = RecordBuilder(3).build();
    const auto deltas = dayDeltas(record);
    ASSERT_TRUE(deltas.has_value());
    EXPECT_TRUE(deltas->empty());
}

TEST(DayCountersTest, AnApologyIssuedDaysAfterTheResultDoesNotSplit) {
    // Resolved late on 25/03; the apology issued on 30/03 counts only in periods holding both days.
    const auto lateWithApologyOn = [](unsigned apology_day) {
        return RecordBuilder(4)
            .received(lt(2026, 3, 10, 9), lt(2026, 3, 20, 17))
            .resolved(lt(2026, 3, 25, 10), Verdict::Late)
            .apology(lt(2026, 3, apology_day, 10), false)
            .build();
    };
    EXPECT_FALSE(dayDeltas(lateWithApologyOn(30)).has_value());
    // The next day, or before the result, still splits.
    EXPECT_TRUE(dayDeltas(lateWithApologyOn(26)).has_value());
    EXPECT_TRUE(dayDeltas(lateWithApologyOn(19)).has_value());
}

TEST(DayCountersTest, AResultMovesTheContributionAndATransferDoesNot) {
    const auto open = RecordBuilder(6).received(lt(2026, 3, 10, 9), lt(2026, 3, 20, 17)).build();
    auto transferred = open;
    transferred.handling_agency = AgencyId{2};  // counted under the receiving agency still
    transferred.last_sequence += 1;
    EXPECT_TRUE(counterChange(open, transferred).cells.empty());

    auto resolved = transferred;
    resolved.resolved_at = lt(2026, 3, 25, 10);
    resolved.verdict = Verdict::Late;
    resolved.last_sequence += 1;
    const CounterChange change = counterChange(transferred, resolved);
    EXPECT_FALSE(change.irregular_before);
    EXPECT_FALSE(change.irregular_after);
    Counts06a on_the_day;
    for (const CounterCell& cell : change.cells) {
        EXPECT_EQ(cell.key, counterKeyOf(open));
        if (cell.side == CounterSide::Last && cell.day == day(2026, 3, 25)) on_the_day += cell.counts;
    }
    EXPECT_EQ(on_the_day.resolved_late, 1);
    EXPECT_EQ(on_the_day.in_progress_overdue, -1);
}

TEST(DayCountersTest, AnEventThatChangesNoCountWritesNothing) {
    const auto before = RecordBuilder(7).received(lt(2026, 3, 10, 9), lt(2026, 3, 20, 17)).build();
    auto after = before;
    after.last_sequence += 1;  // e.g. an officer assigned
    EXPECT_TRUE(counterChange(before, after).cells.empty());
    EXPECT_FALSE(counterChange(std::nullopt, after).cells.empty());
}

TEST(DayCountersTest, CellsAreMergedAndOrderedBySideDayAndKey) {
    const CounterKey a{AgencyId{1}, "G01", "1.1"};
    const CounterKey b{AgencyId{2}, "G01", "1.1"};
    Counts06a one;
    one.received_total = 1;
    Counts06a minus_one;
    minus_one.received_total = -1;
    std::vector<CounterCell> cells{{b, CounterSide::Last, day(2026, 1, 2), one},
                                   {a, CounterSide::First, day(2026, 1, 1), one},
                                   {a, CounterSide::Last, day(2026, 1, 2), one},
                                   {b, CounterSide::Last, day(2026, 1, 2), one},
                                   {a, CounterSide::Last, day(2026, 1, 5), one},
                                   {a, CounterSide::Last, day(2026, 1, 5), minus_one}};
    normalizeCells(cells);
    ASSERT_EQ(cells.size(), 3U);
    EXPECT_EQ(cells[0].side, CounterSide::First);
    EXPECT_EQ(cells[1].key, a);
    EXPECT_EQ(cells[1].side, CounterSide::Last);
    EXPECT_EQ(cells[2].key, b);
    EXPECT_EQ(cells[2].counts.received_total, 2);
}

}  // namespace
}  // namespace motcua::domain::stats
