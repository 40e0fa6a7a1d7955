// Contract (issue #6): statistics read records kept current on every event, and must equal a full
// recomputation from the event log. Randomised check with a deterministic PRNG written here:
// random dossiers are driven through the real state machine (NĐ 61/2018 Đ17–20 commands); the test
// writes the record each one should have from its own scenario (the "stored" record, not derived
// from the events), then rebuilds records with recordFromEvents() from the trails, and requires
// - every rebuilt record to equal the stored one;
// - compute06a and computeIndexMeasures to agree on both, for NĐ 09/2019 Đ12 and calendar periods,
//   every grouping and the optional counting choices (rules.md §9.1);
// - the Biểu 06a identities on every row, roll-up consistency, and carried-over = previous
//   period's in-progress for consecutive NĐ 09 months.

#include "domain/stats/day_counters.h"
#include "domain/stats/dossier_stat_record.h"
#include "domain/stats/index_scoring.h"
#include "domain/stats/report_06a.h"
#include "stats_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <cstdint>
#include <string>
#include <vector>

namespace motcua::domain::stats {
namespace {

using namespace stats_test;
using date::sys_seconds;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

/// SplitMix64 (Steele, Lea, Flood 2014): small, deterministic, good enough for test data.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [lo, hi].
    int uniform(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    /// True with probability percent/100.
    bool chance(int percent) { return uniform(0, 99) < percent; }

private:
    std::uint64_t state_;
};

AgencyTree sevenAgencies() {
    return AgencyTree{{
        {AgencyId{1}, "T", "Tỉnh", std::nullopt},
        {AgencyId{2}, "T.S1", "Sở 1", AgencyId{1}},
        {AgencyId{3}, "T.S2", "Sở 2", AgencyId{1}},
        {AgencyId{4}, "T.S1.P1", "Phòng 1", AgencyId{2}},
        {AgencyId{5}, "T.S1.P2", "Phòng 2", AgencyId{2}},
        {AgencyId{6}, "T.S2.X1", "Xã 1", AgencyId{3}},
        {AgencyId{7}, "T.S2.X2", "Xã 2", AgencyId{3}},
    }};
}

date::local_seconds local(sys_seconds t) { return date::local_seconds{t.time_since_epoch() + kVietnamOffset}; }

date::local_days localDay(sys_seconds t) { return date::floor<days>(local(t)); }

/// The 06a verdict the test judges for a result or closing at `at` against `due` (rules.md §9.1:
/// late after the due instant, early on an earlier date, otherwise on time).
Verdict judge(sys_seconds at, sys_seconds due) {
    if (at > due) return Verdict::Late;
    return localDay(at) < localDay(due) ? Verdict::Early : Verdict::OnTime;
}

struct Generated {
    DossierStatRecord stored;
    std::vector<DossierEvent> events;
};

/// Generates dossier `id`: drives it through the state machine and writes the record it should have.
Generated generate(SplitMix64& rng, std::int64_t id) {
    static const std::vector<std::pair<std::string, OnlineLevel>> kProcedures{
        {"1.000001", OnlineLevel::None}, {"1.000002", OnlineLevel::Full}, {"1.000003", OnlineLevel::Partial}};
    const auto& [procedure, level] = kProcedures[static_cast<std::size_t>(rng.uniform(0, 2))];
    Channel channel = rng.chance(50) ? Channel::Direct : Channel::Postal;
    if (level == OnlineLevel::Full && rng.chance(50)) channel = Channel::OnlineFull;
    if (level == OnlineLevel::Partial && rng.chance(50)) channel = Channel::OnlinePartial;
    ResultDelivery delivery = static_cast<ResultDelivery>(rng.uniform(0, 2));
    if (channel == Channel::OnlineFull && delivery == ResultDelivery::Desk) delivery = ResultDelivery::Online;
    const std::int64_t agency = rng.uniform(1, 7);
    const sys_seconds filed = vn(2026, 4, 1, 7) + minutes{rng.uniform(0, 200 * 24 * 60)};

    Trail trail{id, intakeRequest(procedure, channel, delivery, filed), agency};
    DossierStatRecord m;  // the record as the store keeps it, written from the scenario
    m.dossier_id = DossierId{id};
    m.receiving_agency = AgencyId{agency};
    m.handling_agency = AgencyId{agency};
    m.field_code = "G0" + procedure.substr(procedure.size() - 1);
    m.procedure_code = procedure;
    m.procedure_online_level = level;
    m.channel = channel;
    m.status = DossierStatus::Submitted;

    sys_seconds now = channel == Channel::Postal ? filed + hours{2} : filed;
    const sys_seconds receipt = now;
    const auto advance = [&](int min_minutes, int max_minutes) { now += minutes{rng.uniform(min_minutes, max_minutes)}; };
    const auto finish = [&]() {
        m.last_sequence = static_cast<std::int64_t>(trail.events().size());
        return Generated{m, trail.events()};
    };

    const int intake = rng.uniform(0, 99);
    if (intake < 8) {
        advance(5, 120);
        trail.step(RefuseAtIntakeCommand{"Không thuộc thẩm quyền"}, now);
        m.status = DossierStatus::RefusedAtIntake;
        m.closed_at = local(now);
        return finish();
    }
    if (intake < 12) {
        advance(5, 3000);
        trail.step(WithdrawCommand{"Công dân rút hồ sơ"}, now);
        m.status = DossierStatus::Withdrawn;
        m.closed_at = local(now);
        return finish();
    }
    if (intake < 15) return finish();  // never checked
    if (intake < 20) {
        advance(5, 60);
        trail.step(RequestCompletionAtIntakeCommand{"Thiếu giấy tờ", {"Tờ khai"}}, now);
        m.status = DossierStatus::IncompleteAtIntake;
    }

    advance(5, 600);
    sys_seconds due = receipt + days{rng.uniform(1, 20)} + hours{rng.uniform(0, 8)};
    const DossierCode code = codeFor(date::year_month_day{localDay(receipt)}, static_cast<std::uint64_t>(id));
    trail.step(AcceptCommand{code, receipt, due}, now);
    m.code = code.str();
    m.received_at = local(receipt);
    m.original_due_at = local(due);
    m.due_at = local(due);
    m.clock = {{local(receipt), local(due)}};
    m.status = DossierStatus::Received;

    if (rng.chance(70)) {
        advance(10, 600);
        trail.step(StartProcessingCommand{}, now);
        m.status = DossierStatus::InProgress;
    }
    bool waiting = false;
    const int rounds = rng.chance(60) ? 0 : rng.uniform(1, 3);
    for (int round = 0; round < rounds && !waiting; ++round) {
        advance(60, 4 * 24 * 60);
        trail.step(RequestSupplementCommand{"Thiếu giấy tờ", {"Bản sao"}}, now);
        m.supplement_count += 1;
        m.clock.push_back({local(now), std::nullopt});
        m.status = DossierStatus::AwaitingSupplement;
        if (rng.chance(15)) {
            waiting = true;
            break;
        }
        advance(60, 6 * 24 * 60);
        due = now + days{rng.uniform(1, 15)};
        trail.step(ReceiveSupplementCommand{now, due}, now + minutes{5});
        m.due_at = local(due);
        m.clock.push_back({local(now), local(due)});
        m.status = DossierStatus::InProgress;
        now += minutes{5};
    }
    if (!waiting && rng.chance(20)) {
        advance(30, 2 * 24 * 60);
        const std::int64_t to = m.handling_agency.value % 7 + 1;
        trail.step(TransferCommand{AgencyId{to}, std::nullopt, ""}, now);
        m.handling_agency = AgencyId{to};
        m.status = DossierStatus::InProgress;
    }
    if (!waiting && rng.chance(25)) {
        advance(30, 8 * 24 * 60);
        const sys_seconds latest = due - hours{24};
        const sys_seconds new_due = std::max(due, now) + days{3};
        trail.step(IssueApologyCommand{"Cần xác minh thêm", new_due, "Giám đốc", now, latest,
                                       ApologyDeadline::RecordLate},
                   now);
        m.apology_issued = true;
        m.apology_issued_at = local(now);
        m.apology_timely = now <= latest;
    }

    const int ending = rng.uniform(0, 99);
    const auto close = [&](DossierStatus status) {
        advance(30, 10 * 24 * 60);
        if (status == DossierStatus::Stopped) {
            trail.step(StopCommand{"Dừng xử lý"}, now);
        } else {
            trail.step(WithdrawCommand{"Công dân rút hồ sơ"}, now);
        }
        m.status = status;
        m.closed_at = local(now);
        m.verdict = waiting ? Verdict::OnTime : judge(now, due);
    };
    if (waiting) {
        if (ending < 50) close(DossierStatus::Stopped);
        else if (ending < 70) close(DossierStatus::Withdrawn);
        return finish();
    }
    if (ending < 65) {
        advance(30, 20 * 24 * 60);
        const Verdict verdict = judge(now, due);
        const bool reject = ending >= 55;
        if (reject) {
            trail.step(RejectAfterAppraisalCommand{"Không đủ điều kiện", verdict}, now);
        } else {
            trail.step(ResolveCommand{"", verdict}, now);
        }
        m.status = DossierStatus::Resolved;
        m.resolved_at = local(now);
        m.verdict = verdict;
        m.outcome = reject ? ResolutionOutcome::Rejected : ResolutionOutcome::Approved;
        if (rng.chance(70)) {
            advance(10, 5 * 24 * 60);
            const auto returned_by = static_cast<ResultDelivery>(rng.uniform(0, 2));
            trail.step(ReturnCommand{returned_by, now}, now + minutes{1});
            m.status = DossierStatus::Returned;
            m.returned_at = local(now);
            m.result_delivery = returned_by;
        }
    } else if (ending < 72) {
        close(DossierStatus::Stopped);
    } else if (ending < 77) {
        close(DossierStatus::Withdrawn);
    }
    return finish();
}

void expectIdentities(const Report06a& report) {
    std::vector<const Row06a*> rows;
    for (const Row06a& row : report.rows) rows.push_back(&row);
    rows.push_back(&report.total);
    for (const Row06a* row : rows) {
        const Counts06a& c = row->counts;
        ASSERT_EQ(c.received_total, c.received_online + c.received_direct_and_postal + c.carried_over) << row->key;
        ASSERT_EQ(c.received_total, c.resolved_total + c.in_progress_total) << row->key;
        ASSERT_EQ(c.resolved_total, c.resolved_early + c.resolved_on_time + c.resolved_late) << row->key;
        ASSERT_EQ(c.in_progress_total, c.in_progress_within_time + c.in_progress_overdue) << row->key;
        ASSERT_LE(c.progress_766_on_track, c.received_total) << row->key;
        ASSERT_LE(c.late_or_overdue_with_timely_apology, c.late_or_overdue_with_apology) << row->key;
    }
    Counts06a sum;
    if (report.grouping == Grouping::Agency) {
        for (const Row06a& row : report.rows) {
            if (row.depth == 0) sum += row.counts;  // roots (and agencies missing from the tree)
        }
    } else {
        for (const Row06a& row : report.rows) sum += row.counts;
    }
    ASSERT_EQ(sum, report.total.counts);
}

TEST(StatsRecomputeTest, StoredRecordsEqualARecomputationFromTheEventLog) {
    const AgencyTree tree = sevenAgencies();
    std::vector<ReportingPeriod> periods;
    for (unsigned m = 4; m <= 11; ++m) periods.push_back(ReportingPeriod::of(PeriodKind::Month, PeriodMode::Nd09, 2026, m));
    for (unsigned m = 4; m <= 11; ++m) {
        periods.push_back(ReportingPeriod::of(PeriodKind::Month, PeriodMode::Calendar, 2026, m));
    }
    for (const char* text : {"2026-Q2", "2026-Q3", "2026-Q4", "2026-H1", "2026-H2", "2026", "cal:2026-Q3",
                             "cal:2026", "2026-05-10..2026-08-20"}) {
        periods.push_back(parseReportingPeriod(text));
    }
    std::vector<Report06aOptions> choices(4);
    choices[1].attribution = AgencyAttribution::Handling;
    choices[2].withdrawn = ClosedWithoutResult::Exclude;
    choices[2].stopped = ClosedWithoutResult::Exclude;
    choices[3].scope = AgencyId{3};

    for (const std::uint64_t seed : {1ULL, 20261115ULL, 0xC0FFEEULL}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        SplitMix64 rng{seed};
        std::vector<DossierStatRecord> stored;
        std::vector<DossierStatRecord> rebuilt;
        for (std::int64_t id = 1; id <= 250; ++id) {
            const Generated g = generate(rng, id);
            stored.push_back(g.stored);
            rebuilt.push_back(recordFromEvents(g.events, testContext()));
            ASSERT_EQ(rebuilt.back(), stored.back()) << "dossier " << id << ", " << g.events.size() << " events";
        }
        Counts06a coverage;
        for (const ReportingPeriod& period : periods) {
            for (const Report06aOptions& options : choices) {
                for (const Grouping grouping : {Grouping::Agency, Grouping::Field, Grouping::Procedure}) {
                    SCOPED_TRACE(period.label() + " / " + std::string{toName(grouping)});
                    const Report06a from_store = compute06a(stored, period, grouping, tree, options);
                    const Report06a from_log = compute06a(rebuilt, period, grouping, tree, options);
                    ASSERT_EQ(from_store, from_log);
                    expectIdentities(from_store);
                    if (grouping == Grouping::Agency) coverage += from_store.total.counts;
                }
                ASSERT_EQ(computeIndexMeasures(stored, period, tree, options),
                          computeIndexMeasures(rebuilt, period, tree, options));
            }
        }
        // The generator reaches every column, so the equalities above are not vacuous.
        for (const std::int64_t count :
             {coverage.received_online, coverage.received_direct_and_postal, coverage.carried_over,
              coverage.resolved_early, coverage.resolved_on_time, coverage.resolved_late,
              coverage.in_progress_within_time, coverage.in_progress_overdue, coverage.received_postal,
              coverage.received_online_full, coverage.received_online_partial, coverage.full_level_online_full,
              coverage.partial_level_online, coverage.late_or_overdue_with_apology,
              coverage.late_or_overdue_with_timely_apology, coverage.returned_postal, coverage.progress_766_on_track}) {
            EXPECT_GT(count, 0);
        }
        EXPECT_LT(coverage.progress_766_on_track, coverage.received_total - coverage.late_or_overdue)
            << "some dossiers fail 766 only through the two-supplement rule";

        // NĐ 09 months tile the time line: what is open at the end of one is carried into the next.
        for (unsigned m = 5; m <= 11; ++m) {
            const auto previous = ReportingPeriod::of(PeriodKind::Month, PeriodMode::Nd09, 2026, m - 1);
            const auto current = ReportingPeriod::of(PeriodKind::Month, PeriodMode::Nd09, 2026, m);
            const Report06a before = compute06a(stored, previous, Grouping::Agency, tree);
            const Report06a after = compute06a(stored, current, Grouping::Agency, tree);
            for (std::size_t i = 0; i < before.rows.size(); ++i) {
                ASSERT_EQ(after.rows[i].counts.carried_over, before.rows[i].counts.in_progress_total)
                    << current.label() << " " << before.rows[i].key;
            }
        }
    }
}


/// Sums the stored prefixes of `cells` per key for the period [first, last]: T(last) − S(first).
std::map<CounterKey, Counts06a> countersFor(const std::vector<CounterCell>& cells, date::local_days first,
                                            date::local_days last) {
    std::map<CounterKey, Counts06a> out;
    for (const CounterCell& cell : cells) {
        if (cell.side == CounterSide::Last && cell.day <= last) out[cell.key] += cell.counts;
        if (cell.side == CounterSide::First && cell.day <= first) out[cell.key] -= cell.counts;
    }
    return out;
}

// Contract (issue #7): the day counters give Biểu 06a for any period of days. Every generated
// record's counts must equal T(e) − S(s) of its deltas for many periods, and the report built from
// the summed counters plus the irregular records must equal the one read record by record, for
// every grouping, with and without a scope. Records made irregular on purpose (an apology
// issued days after the result) take the record path.
TEST(StatsRecomputeTest, DayCountersGiveTheSameReportAsTheRecords) {
    const AgencyTree tree = sevenAgencies();
    for (const std::uint64_t seed : {7ULL, 20261123ULL}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        SplitMix64 rng{seed};
        std::vector<DossierStatRecord> records;
        for (std::int64_t id = 1; id <= 400; ++id) {
            DossierStatRecord record = generate(rng, id).stored;
            if (record.resolved_at && record.verdict == Verdict::Late && rng.chance(30)) {
                record.apology_issued = true;
                record.apology_issued_at = *record.resolved_at + days{rng.uniform(2, 20)};
            }
            records.push_back(record);
        }
        std::vector<CounterCell> cells;
        std::vector<DossierStatRecord> irregular;
        for (const DossierStatRecord& record : records) {
            if (!addDeltas(cells, record)) irregular.push_back(record);
        }
        normalizeCells(cells);
        ASSERT_FALSE(irregular.empty());
        ASSERT_LT(irregular.size(), records.size() / 10);

        // Per record: random periods, and periods starting or ending on the record's own days.
        for (const DossierStatRecord& record : records) {
            const auto deltas = dayDeltas(record);
            if (!deltas) continue;
            std::vector<CounterCell> own;
            ASSERT_TRUE(addDeltas(own, record));
            const date::local_days base = date::floor<days>(lt(2026, 3, 20));
            for (int i = 0; i < 40; ++i) {
                const date::local_days first = base + days{rng.uniform(0, 300)};
                const date::local_days last = first + days{rng.uniform(0, 120)};
                const auto split = countersFor(own, first, last);
                const Counts06a expected = countWindow(record, date::local_seconds{first},
                                                       date::local_seconds{last} + std::chrono::seconds{86'399});
                const Counts06a got = split.empty() ? Counts06a{} : split.begin()->second;
                ASSERT_EQ(got, expected) << date::format("%F", first) << ".." << date::format("%F", last);
            }
        }

        std::vector<ReportingPeriod> periods;
        for (unsigned m = 4; m <= 12; ++m) periods.push_back(ReportingPeriod::of(PeriodKind::Month, PeriodMode::Nd09, 2026, m));
        for (const char* text : {"2026-Q2", "2026-Q3", "2026-Q4", "2026", "cal:2026-Q3", "cal:2026-M11",
                                 "2026-05-10..2026-08-20", "2026-06-01..2026-06-01", "2027"}) {
            periods.push_back(parseReportingPeriod(text));
        }
        std::vector<Report06aOptions> choices(2);  // the counters serve the receiving attribution
        choices[1].scope = AgencyId{2};
        for (const ReportingPeriod& period : periods) {
            const auto first = date::local_days{period.firstDay()};
            const auto last = date::local_days{period.lastDay()};
            const auto sums = countersFor(cells, first, last);
            for (const Report06aOptions& options : choices) {
                for (const Grouping grouping : {Grouping::Agency, Grouping::Field, Grouping::Procedure}) {
                    SCOPED_TRACE(period.label() + " / " + std::string{toName(grouping)});
                    Report06aAccumulator from_counters(period, grouping, tree, options);
                    for (const auto& [key, counts] : sums) {
                        from_counters.addCounts(key.agency, key.field_code, key.procedure_code, counts);
                    }
                    for (const DossierStatRecord& record : irregular) from_counters.add(record);
                    ASSERT_EQ(from_counters.finish(), compute06a(records, period, grouping, tree, options));
                }
            }
        }
    }
}

}  // namespace
}  // namespace motcua::domain::stats
