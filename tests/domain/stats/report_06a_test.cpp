// Contract: Biểu II.06a/VPCP/KSTT of Thông tư 01/2020/TT-VPCP (rules.md §9.1) and its rates.
// - Received = trực tuyến + trực tiếp và bưu chính (received in the period) + từ kỳ trước chuyển
//   qua; received = resolved + in progress (rules.md §9.1 identities).
// - Resolved: trước hạn / đúng hạn / quá hạn from the verdict frozen with the result, against the
//   legal due time, never the apology's new date (rules.md §3.2).
// - In progress at 23:59:59 of the last day: quá hạn when the running due time has passed; a
//   dossier waiting for a supplement is within time (NĐ 61/2018 Đ19.4 as amended by NĐ 107/2021).
// - Periods of NĐ 09/2019 Đ12 (15th → 14th); a dossier counts once, at its receiving agency, and
//   an agency row includes its descendants.
// - Rates: on-time, apology coverage (NĐ 61 Đ19.9), toàn trình / một phần online shares (rules.md
//   §6.4), postal shares (QĐ 45/2016, rules.md §6.5), QĐ 766 indicator 2.1 (rules.md §8).
// Every expected number below is counted by hand from the dataset, not by the code under test.

#include "domain/stats/report_06a.h"

#include "domain/core/error.h"
#include "stats_test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::domain::stats {
namespace {

using namespace stats_test;

// julyDataset() is in stats_test_support.h: D1–D15, each commented.

// Hand counts, column by column (see the comments of julyDataset()).
const Counts06a kPhongCounts{.received_total = 4, .received_online = 0, .received_direct_and_postal = 3,
                             .carried_over = 1, .resolved_total = 4, .resolved_early = 2, .resolved_on_time = 0,
                             .resolved_late = 2, .in_progress_total = 0, .in_progress_within_time = 0,
                             .in_progress_overdue = 0, .received_direct = 2, .received_postal = 1,
                             .received_online_full = 0, .received_online_partial = 0, .full_level_received = 0,
                             .full_level_online_full = 0, .partial_level_received = 0, .partial_level_online = 0,
                             .late_or_overdue = 2, .late_or_overdue_with_apology = 1,
                             .late_or_overdue_with_timely_apology = 1, .returned_total = 1, .returned_postal = 1,
                             .progress_766_on_track = 1};
const Counts06a kSoRolledCounts{.received_total = 8, .received_online = 2, .received_direct_and_postal = 4,
                                .carried_over = 2, .resolved_total = 6, .resolved_early = 3, .resolved_on_time = 1,
                                .resolved_late = 2, .in_progress_total = 2, .in_progress_within_time = 1,
                                .in_progress_overdue = 1, .received_direct = 3, .received_postal = 1,
                                .received_online_full = 2, .received_online_partial = 0, .full_level_received = 2,
                                .full_level_online_full = 2, .partial_level_received = 0, .partial_level_online = 0,
                                .late_or_overdue = 3, .late_or_overdue_with_apology = 2,
                                .late_or_overdue_with_timely_apology = 1, .returned_total = 3, .returned_postal = 2,
                                .progress_766_on_track = 4};
const Counts06a kXaCounts{.received_total = 3, .received_online = 1, .received_direct_and_postal = 2,
                          .carried_over = 0, .resolved_total = 0, .resolved_early = 0, .resolved_on_time = 0,
                          .resolved_late = 0, .in_progress_total = 3, .in_progress_within_time = 2,
                          .in_progress_overdue = 1, .received_direct = 2, .received_postal = 0,
                          .received_online_full = 0, .received_online_partial = 1, .full_level_received = 0,
                          .full_level_online_full = 0, .partial_level_received = 2, .partial_level_online = 1,
                          .late_or_overdue = 1, .late_or_overdue_with_apology = 0,
                          .late_or_overdue_with_timely_apology = 0, .returned_total = 0, .returned_postal = 0,
                          .progress_766_on_track = 2};
const Counts06a kProvinceCounts{.received_total = 12, .received_online = 3, .received_direct_and_postal = 7,
                                .carried_over = 2, .resolved_total = 7, .resolved_early = 3, .resolved_on_time = 2,
                                .resolved_late = 2, .in_progress_total = 5, .in_progress_within_time = 3,
                                .in_progress_overdue = 2, .received_direct = 6, .received_postal = 1,
                                .received_online_full = 2, .received_online_partial = 1, .full_level_received = 3,
                                .full_level_online_full = 2, .partial_level_received = 2, .partial_level_online = 1,
                                .late_or_overdue = 4, .late_or_overdue_with_apology = 2,
                                .late_or_overdue_with_timely_apology = 1, .returned_total = 3, .returned_postal = 2,
                                .progress_766_on_track = 7};

void expectIdentities(const Row06a& row) {
    SCOPED_TRACE("row " + row.key + " — TT 01/2020 06a identities (rules.md §9.1)");
    const Counts06a& c = row.counts;
    EXPECT_EQ(c.received_total, c.received_online + c.received_direct_and_postal + c.carried_over);
    EXPECT_EQ(c.received_total, c.resolved_total + c.in_progress_total);
    EXPECT_EQ(c.resolved_total, c.resolved_early + c.resolved_on_time + c.resolved_late);
    EXPECT_EQ(c.in_progress_total, c.in_progress_within_time + c.in_progress_overdue);
    EXPECT_EQ(c.received_direct_and_postal, c.received_direct + c.received_postal);
    EXPECT_EQ(c.received_online, c.received_online_full + c.received_online_partial);
    EXPECT_EQ(c.late_or_overdue, c.resolved_late + c.in_progress_overdue);
}

const ReportingPeriod kJuly = parseReportingPeriod("2026-M07");

TEST(Report06aTest, AgencyRowsMatchTheHandCountsAndRollUpThreeLevels) {
    const auto records = julyDataset();
    const Report06a report = compute06a(records, kJuly, Grouping::Agency, threeLevelTree());
    ASSERT_EQ(report.rows.size(), 4u);
    struct Expected {
        const char* key;
        std::int64_t id;
        int depth;
        Counts06a counts;
        const char* why;
    };
    // Pre-order: tỉnh, Sở, Phòng (under Sở), xã.
    const std::vector<Expected> expected{
        {"H56", 1, 0, kProvinceCounts, "province = own D15 + Sở subtree + xã"},
        {"H56.20", 2, 1, kSoRolledCounts, "Sở = own D1 D2 D7 D13 + Phòng D3 D6 D12 D14"},
        {"H56.20.01", 4, 2, kPhongCounts, "Phòng: D3 D6 D12 D14"},
        {"H56.30", 3, 1, kXaCounts, "xã: D4 D5 D10 (D11 is next period)"},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(expected[i].why);
        const Row06a& row = report.rows[i];
        EXPECT_EQ(row.key, expected[i].key);
        EXPECT_EQ(row.agency_id, AgencyId{expected[i].id});
        EXPECT_EQ(row.depth, expected[i].depth);
        EXPECT_EQ(row.counts, expected[i].counts);
        expectIdentities(row);
    }
    EXPECT_EQ(report.rows[0].name, "UBND tỉnh Thử Nghiệm");
    EXPECT_EQ(report.total.counts, kProvinceCounts) << "the total counts every dossier once";
    EXPECT_EQ(report.total.key, "");
}

TEST(Report06aTest, RatesAreExactFractionsOfTheHandCounts) {
    const auto records = julyDataset();
    const Report06a report = compute06a(records, kJuly, Grouping::Agency, threeLevelTree());
    const Rates06a& r = report.total.rates;
    struct Row {
        Rate actual;
        std::int64_t numerator;
        std::int64_t denominator;
        const char* rule;
    };
    const std::vector<Row> rows{
        {r.on_time, 5, 7, "on-time = (3 early + 2 on time) / 7 resolved"},
        {r.apology_coverage, 2, 4, "Đ19.9: D3 and D7 apologised of D3 D6 (late) + D5 D7 (overdue)"},
        {r.timely_apology_coverage, 1, 4, "Đ19.9 one day before: only D3"},
        {r.online_full_share, 2, 3, "§6.4: D2 D13 toàn trình of D2 D13 D15 (D6 carried over)"},
        {r.online_partial_share, 1, 2, "§6.4: D4 online of D4 D5"},
        {r.postal_receipt_share, 1, 10, "QĐ 45/2016: D3 of 10 new receipts"},
        {r.postal_return_share, 2, 3, "QĐ 45/2016: D2 D3 of D1 D2 D3 returned"},
        {r.progress_766, 7, 12, "QĐ 766 2.1: D1 D2 D4 D10 D12 D13 D15 of 12 (D14: two supplements)"},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.rule);
        EXPECT_EQ(row.actual.numerator, row.numerator);
        EXPECT_EQ(row.actual.denominator, row.denominator);
        EXPECT_DOUBLE_EQ(row.actual.value, static_cast<double>(row.numerator) / static_cast<double>(row.denominator));
        EXPECT_TRUE(row.actual.defined());
    }
    // xã has nothing resolved: the on-time rate is undefined, not 0% and not 100%.
    const Rate xa_on_time = report.rows[3].rates.on_time;
    EXPECT_FALSE(xa_on_time.defined());
    EXPECT_EQ(xa_on_time.value, 0.0);
}

TEST(Report06aTest, TransferredDossierCountsOnceUnderTheChosenAgency) {
    // D15 was received by the province and transferred to the xã (NĐ 61 Đ19.6–19.7). TT 01/2020
    // 06a counts it at the agency that received it for resolution; never twice.
    const auto records = julyDataset();
    const Report06a by_receiving = compute06a(records, kJuly, Grouping::Agency, threeLevelTree());
    Report06aOptions handling;
    handling.attribution = AgencyAttribution::Handling;
    const Report06a by_handling = compute06a(records, kJuly, Grouping::Agency, threeLevelTree(), handling);

    EXPECT_EQ(by_receiving.rows[3].counts.received_total, 3) << "xã without D15";
    EXPECT_EQ(by_handling.rows[3].counts.received_total, 4) << "xã with D15";
    EXPECT_EQ(by_handling.rows[3].counts.resolved_on_time, 1);
    EXPECT_EQ(by_receiving.rows[0].counts, by_handling.rows[0].counts) << "the province still counts it once";
    EXPECT_EQ(by_receiving.total.counts, by_handling.total.counts);
    EXPECT_EQ(by_handling.total.counts.received_total, 12);
}

TEST(Report06aTest, FieldAndProcedureRowsPartitionTheTotal) {
    const auto records = julyDataset();
    const Report06a by_field = compute06a(records, kJuly, Grouping::Field, threeLevelTree());
    ASSERT_EQ(by_field.rows.size(), 2u);
    // G01: D1–D7 (D6, D7 carried over). G02: D10 D12 D13 D14 D15 (D8, D9, D11 not counted).
    EXPECT_EQ(by_field.rows[0].key, "G01");
    EXPECT_EQ(by_field.rows[0].counts.received_total, 7);
    EXPECT_EQ(by_field.rows[0].counts.carried_over, 2);
    EXPECT_EQ(by_field.rows[0].counts.resolved_total, 4);
    EXPECT_EQ(by_field.rows[0].counts.resolved_late, 2);
    EXPECT_EQ(by_field.rows[0].counts.in_progress_overdue, 2);
    EXPECT_EQ(by_field.rows[1].key, "G02");
    EXPECT_EQ(by_field.rows[1].counts.received_total, 5);
    EXPECT_EQ(by_field.rows[1].counts.resolved_early, 2);
    EXPECT_EQ(by_field.rows[1].counts.resolved_on_time, 1);
    EXPECT_EQ(by_field.rows[1].counts.in_progress_within_time, 2);
    for (const Row06a& row : by_field.rows) expectIdentities(row);
    EXPECT_EQ(by_field.total.counts, kProvinceCounts);

    auto mixed = records;
    mixed[0].procedure_code = "2.000009";
    const Report06a by_procedure = compute06a(mixed, kJuly, Grouping::Procedure, threeLevelTree());
    ASSERT_EQ(by_procedure.rows.size(), 2u);
    EXPECT_EQ(by_procedure.rows[0].key, "1.000001");
    EXPECT_EQ(by_procedure.rows[0].counts.received_total, 11);
    EXPECT_EQ(by_procedure.rows[1].key, "2.000009");
    EXPECT_EQ(by_procedure.rows[1].counts.received_total, 1);
    EXPECT_EQ(by_procedure.total.counts, kProvinceCounts);
}

TEST(Report06aTest, WithdrawalCanBeExcludedInsteadOfCountedResolved) {
    // rules.md §9.1: withdrawals are "usually counted as đã giải quyết" [U]; configurable.
    const auto records = julyDataset();
    Report06aOptions options;
    options.withdrawn = ClosedWithoutResult::Exclude;
    const Report06a report = compute06a(records, kJuly, Grouping::Agency, threeLevelTree(), options);
    const Counts06a& phong = report.rows[2].counts;
    EXPECT_EQ(phong.received_total, 3) << "D12 left out of every column";
    EXPECT_EQ(phong.received_direct_and_postal, 2);
    EXPECT_EQ(phong.resolved_total, 3);
    EXPECT_EQ(phong.resolved_early, 1);
    EXPECT_EQ(phong.progress_766_on_track, 0);
    EXPECT_EQ(report.total.counts.received_total, 11);
    for (const Row06a& row : report.rows) expectIdentities(row);

    // Withdrawn after the period end: still in progress at the end, even when excluded.
    const ReportingPeriod june = parseReportingPeriod("2026-M06");  // 15/05 → 14/06
    const std::vector<DossierStatRecord> late_withdrawal{
        aRecord(1).received(lt(2026, 6, 1, 9), lt(2026, 6, 30, 17))
            .closed(DossierStatus::Withdrawn, lt(2026, 6, 20, 9), Verdict::Early).build()};
    const Report06a june_report = compute06a(late_withdrawal, june, Grouping::Agency, threeLevelTree(), options);
    EXPECT_EQ(june_report.total.counts.in_progress_within_time, 1);
}

TEST(Report06aTest, ScopeRestrictsRowsToASubtree) {
    const auto records = julyDataset();
    Report06aOptions options;
    options.scope = AgencyId{2};
    const Report06a report = compute06a(records, kJuly, Grouping::Agency, threeLevelTree(), options);
    ASSERT_EQ(report.rows.size(), 2u);
    EXPECT_EQ(report.rows[0].key, "H56.20");
    EXPECT_EQ(report.rows[0].depth, 0);
    EXPECT_EQ(report.rows[1].key, "H56.20.01");
    EXPECT_EQ(report.rows[1].depth, 1);
    EXPECT_EQ(report.total.counts, kSoRolledCounts);

    options.scope = AgencyId{99};
    try {
        (void)compute06a(records, kJuly, Grouping::Agency, threeLevelTree(), options);
        ADD_FAILURE() << "unknown scope accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::NotFound);
    }
}

TEST(Report06aTest, AgencyMissingFromTheTreeGetsItsOwnRow) {
    auto records = julyDataset();
    records.push_back(aRecord(16).agency(99).received(lt(2026, 7, 1, 9), lt(2026, 7, 8, 17)).build());
    const Report06a report = compute06a(records, kJuly, Grouping::Agency, threeLevelTree());
    ASSERT_EQ(report.rows.size(), 5u);
    EXPECT_EQ(report.rows[4].key, "id:99");
    EXPECT_EQ(report.rows[4].counts.received_total, 1);
    EXPECT_EQ(report.rows[0].counts, kProvinceCounts) << "not rolled into any root";
    EXPECT_EQ(report.total.counts.received_total, 13);
}

TEST(Report06aTest, EmptyPeriodGivesZeroRowsAndUndefinedRates) {
    const std::vector<DossierStatRecord> none;
    const Report06a report = compute06a(none, kJuly, Grouping::Agency, threeLevelTree());
    ASSERT_EQ(report.rows.size(), 4u) << "06a lists every agency, even without dossiers";
    EXPECT_EQ(report.total.counts, Counts06a{});
    const Rates06a& r = report.total.rates;
    for (const Rate& rate : {r.on_time, r.apology_coverage, r.timely_apology_coverage, r.online_full_share,
                             r.online_partial_share, r.postal_receipt_share, r.postal_return_share, r.progress_766}) {
        EXPECT_FALSE(rate.defined());
        EXPECT_EQ(rate.value, 0.0);
        EXPECT_EQ(rate.numerator, 0);
    }
    Report06aOptions options;
    options.include_empty_agencies = false;
    EXPECT_TRUE(compute06a(none, kJuly, Grouping::Agency, threeLevelTree(), options).rows.empty());
    EXPECT_EQ(makeRate(3, 0).value, 0.0);
    EXPECT_DOUBLE_EQ(makeRate(1, 3).value, 1.0 / 3.0);
}

// --- Period boundaries (NĐ 09/2019 Đ12: 15th → 14th) ---

struct BoundaryCase {
    DossierStatRecord record;
    const char* period;
    Counts06a expected;  // only the 06a columns checked below
    const char* why;
};

void expectColumns(const Counts06a& actual, const Counts06a& expected) {
    EXPECT_EQ(actual.received_total, expected.received_total);
    EXPECT_EQ(actual.received_online + actual.received_direct_and_postal,
              expected.received_online + expected.received_direct_and_postal)
        << "received in the period";
    EXPECT_EQ(actual.carried_over, expected.carried_over);
    EXPECT_EQ(actual.resolved_early, expected.resolved_early);
    EXPECT_EQ(actual.resolved_on_time, expected.resolved_on_time);
    EXPECT_EQ(actual.resolved_late, expected.resolved_late);
    EXPECT_EQ(actual.in_progress_within_time, expected.in_progress_within_time);
    EXPECT_EQ(actual.in_progress_overdue, expected.in_progress_overdue);
}

TEST(Report06aTest, PeriodBoundaries) {
    const auto open14 = aRecord(1).received(lt(2026, 7, 14, 16, 30), lt(2026, 8, 21, 17)).build();
    const auto open15 = aRecord(2).received(lt(2026, 7, 15, 8), lt(2026, 8, 22, 17)).build();
    const auto resolved_after = aRecord(3).received(lt(2026, 7, 1, 9), lt(2026, 7, 10, 17))
                                    .resolved(lt(2026, 7, 20, 9), Verdict::Late).build();
    const auto early_after = aRecord(4).received(lt(2026, 7, 13, 9), lt(2026, 7, 20, 17))
                                 .resolved(lt(2026, 7, 16, 9), Verdict::Early).build();
    const auto due_last_day = aRecord(5).received(lt(2026, 7, 10, 9), lt(2026, 7, 14, 17)).build();
    const auto due_next_morning = aRecord(6).received(lt(2026, 7, 10, 9), lt(2026, 7, 15, 7)).build();
    const auto due_at_end = aRecord(7).received(lt(2026, 7, 10, 9), lt(2026, 7, 14, 23, 59, 59)).build();
    const auto at_start = aRecord(8).received(lt(2026, 6, 15, 0), lt(2026, 6, 22, 17))
                              .resolved(lt(2026, 6, 22, 9), Verdict::OnTime).build();
    const auto before_start = aRecord(9).received(lt(2026, 6, 14, 23, 59, 59), lt(2026, 6, 22, 17))
                                  .resolved(lt(2026, 6, 22, 17), Verdict::OnTime).build();
    const auto ended_at_start = aRecord(10).received(lt(2026, 6, 10, 9), lt(2026, 6, 17, 17))
                                    .resolved(lt(2026, 6, 14, 23, 59, 59), Verdict::Early).build();
    const auto waiting = aRecord(11).received(lt(2026, 7, 1, 9), lt(2026, 7, 5, 17))
                             .supplementRequested(lt(2026, 7, 3, 9))
                             .supplementReceived(lt(2026, 7, 20, 9), lt(2026, 7, 27, 17)).build();
    const auto restarted_before = aRecord(12).received(lt(2026, 7, 1, 9), lt(2026, 7, 5, 17))
                                      .supplementRequested(lt(2026, 7, 3, 9))
                                      .supplementReceived(lt(2026, 7, 6, 9), lt(2026, 7, 13, 17)).build();

    const std::vector<BoundaryCase> cases{
        {open14, "2026-M07", {.received_total = 1, .received_direct_and_postal = 1, .in_progress_within_time = 1},
         "received on the 14th: in July's window"},
        {open14, "2026-M08", {.received_total = 1, .carried_over = 1, .in_progress_within_time = 1},
         "… and carried over into August's"},
        {open15, "2026-M07", {}, "received on the 15th: not in July's window"},
        {open15, "2026-M08", {.received_total = 1, .received_direct_and_postal = 1, .in_progress_within_time = 1},
         "… but new in August's"},
        {resolved_after, "2026-M07", {.received_total = 1, .received_direct_and_postal = 1, .in_progress_overdue = 1},
         "resolved after the period end: in progress (overdue) at the end"},
        {resolved_after, "2026-M08", {.received_total = 1, .carried_over = 1, .resolved_late = 1},
         "… carried over and resolved late in the next period"},
        {early_after, "2026-M07", {.received_total = 1, .received_direct_and_postal = 1, .in_progress_within_time = 1},
         "resolved early after the end: within time at the end"},
        {early_after, "2026-M08", {.received_total = 1, .carried_over = 1, .resolved_early = 1}, "… resolved early"},
        {due_last_day, "2026-M07", {.received_total = 1, .received_direct_and_postal = 1, .in_progress_overdue = 1},
         "due 17:00 on the last day, open at 23:59:59: overdue"},
        {due_next_morning, "2026-M07",
         {.received_total = 1, .received_direct_and_postal = 1, .in_progress_within_time = 1},
         "due the next morning: within time"},
        {due_at_end, "2026-M07", {.received_total = 1, .received_direct_and_postal = 1, .in_progress_within_time = 1},
         "due exactly at 23:59:59: not yet overdue"},
        {at_start, "2026-M07", {.received_total = 1, .received_direct_and_postal = 1, .resolved_on_time = 1},
         "received at 00:00 on the 15th: new in the period"},
        {before_start, "2026-M07", {.received_total = 1, .carried_over = 1, .resolved_on_time = 1},
         "received at 23:59:59 on the 14th: carried over"},
        {ended_at_start, "2026-M07", {}, "resolved at 23:59:59 on the 14th: belongs to the previous period"},
        {waiting, "2026-M07", {.received_total = 1, .received_direct_and_postal = 1, .in_progress_within_time = 1},
         "waiting for a supplement at the end: the clock is stopped (Đ19.4), within time although the old due "
         "time passed"},
        {waiting, "2026-M08", {.received_total = 1, .carried_over = 1, .in_progress_overdue = 1},
         "… the complete supplement (20/07) restarted the time to 27/07 17:00; open at 14/08: overdue"},
        {restarted_before, "2026-M07",
         {.received_total = 1, .received_direct_and_postal = 1, .in_progress_overdue = 1},
         "restarted due 13/07 passed by the end: overdue"},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const BoundaryCase& c = cases[i];
        SCOPED_TRACE(std::to_string(i) + ": " + c.why + " [" + c.period + "]");
        const Counts06a actual = countRecord(c.record, parseReportingPeriod(c.period));
        expectColumns(actual, c.expected);
    }
}

TEST(Report06aTest, CarriedOverEqualsThePreviousPeriodsInProgress) {
    // NĐ 09 windows tile the time line, so what is open at the end of July's window is exactly
    // what August's receives from the previous period (no exclusion configured).
    const auto records = julyDataset();
    const Report06a july = compute06a(records, kJuly, Grouping::Agency, threeLevelTree());
    const Report06a august = compute06a(records, parseReportingPeriod("2026-M08"), Grouping::Agency, threeLevelTree());
    ASSERT_EQ(july.rows.size(), august.rows.size());
    for (std::size_t i = 0; i < july.rows.size(); ++i) {
        SCOPED_TRACE(july.rows[i].key);
        EXPECT_EQ(august.rows[i].counts.carried_over, july.rows[i].counts.in_progress_total);
    }
    EXPECT_EQ(august.total.counts.carried_over, 5) << "D4 D5 D7 D10 D13";
    EXPECT_EQ(august.total.counts.received_direct_and_postal, 1) << "D11";
    EXPECT_EQ(previousPeriod(parseReportingPeriod("2026-M08")), kJuly);
}

TEST(Report06aTest, Qd766CountsMoreThanOneSupplementAsOverdue) {
    // rules.md §8, indicator 2.1: "more than one supplement request ⇒ counted overdue"; the 06a
    // verdict itself is unchanged.
    const auto one = aRecord(1).received(lt(2026, 7, 1, 9), lt(2026, 7, 5, 17))
                         .supplementRequested(lt(2026, 7, 2, 9)).supplementReceived(lt(2026, 7, 3, 9), lt(2026, 7, 10, 17))
                         .resolved(lt(2026, 7, 8, 9), Verdict::Early).build();
    const auto two = aRecord(2).received(lt(2026, 7, 1, 9), lt(2026, 7, 5, 17))
                         .supplementRequested(lt(2026, 7, 2, 9)).supplementReceived(lt(2026, 7, 3, 9), lt(2026, 7, 10, 17))
                         .supplementRequested(lt(2026, 7, 4, 9)).supplementReceived(lt(2026, 7, 5, 9), lt(2026, 7, 12, 17))
                         .resolved(lt(2026, 7, 8, 9), Verdict::Early).build();
    const auto two_open = aRecord(3).received(lt(2026, 7, 1, 9), lt(2026, 7, 5, 17))
                              .supplementRequested(lt(2026, 7, 2, 9)).supplementReceived(lt(2026, 7, 3, 9), lt(2026, 7, 20, 17))
                              .supplementRequested(lt(2026, 7, 4, 9)).build();
    const auto second_after_end = aRecord(4).received(lt(2026, 7, 1, 9), lt(2026, 7, 5, 17))
                                      .supplementRequested(lt(2026, 7, 2, 9))
                                      .supplementReceived(lt(2026, 7, 3, 9), lt(2026, 7, 20, 17))
                                      .supplementRequested(lt(2026, 7, 16, 9)).build();
    struct Row {
        DossierStatRecord record;
        std::int64_t on_track;
        std::int64_t resolved_early;
        const char* why;
    };
    const std::vector<Row> rows{
        {one, 1, 1, "one supplement: on track"},
        {two, 0, 1, "two supplements: 766 counts it overdue, 06a keeps it early"},
        {two_open, 0, 0, "two supplements, still open within time: overdue for 766"},
        {second_after_end, 1, 0, "the second request came after the period end: one as of the end"},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.why);
        const Counts06a counts = countRecord(row.record, kJuly);
        EXPECT_EQ(counts.received_total, 1);
        EXPECT_EQ(counts.progress_766_on_track, row.on_track);
        EXPECT_EQ(counts.resolved_early, row.resolved_early);
    }
}

TEST(Report06aTest, ApologyCountsOnlyWhenIssuedByThePeriodEnd) {
    // NĐ 61 Đ19.9: an overdue open dossier needs its apology; one issued after the period end
    // does not cover the period.
    const auto apologised_later = aRecord(1).received(lt(2026, 7, 1, 9), lt(2026, 7, 10, 17))
                                      .apology(lt(2026, 7, 20, 9), false).build();
    const Counts06a counts = countRecord(apologised_later, kJuly);
    EXPECT_EQ(counts.late_or_overdue, 1);
    EXPECT_EQ(counts.late_or_overdue_with_apology, 0);
    const Counts06a august = countRecord(apologised_later, parseReportingPeriod("2026-M08"));
    EXPECT_EQ(august.late_or_overdue_with_apology, 1);
}

TEST(Report06aTest, GroupingNamesRoundTrip) {
    for (const Grouping grouping : {Grouping::Agency, Grouping::Field, Grouping::Procedure}) {
        EXPECT_EQ(parseGrouping(toName(grouping)), grouping);
    }
    EXPECT_THROW((void)parseGrouping("lĩnh vực"), Error);
}

}  // namespace
}  // namespace motcua::domain::stats

namespace motcua::domain::stats {
namespace {

TEST(Report06aTest, AccumulatorsOverSplitRecordsMergeIntoTheSameReport) {
    const auto records = julyDataset();
    for (const Grouping grouping : {Grouping::Agency, Grouping::Field, Grouping::Procedure}) {
        const Report06a whole = compute06a(records, kJuly, grouping, threeLevelTree());
        for (std::size_t split = 0; split <= records.size(); ++split) {
            const auto tree = threeLevelTree();
            Report06aAccumulator first(kJuly, grouping, tree), second(kJuly, grouping, tree);
            for (std::size_t i = 0; i < records.size(); ++i) (i < split ? first : second).add(records[i]);
            first.merge(second);
            EXPECT_EQ(first.finish(), whole) << "split at " << split;
        }
    }
}

}  // namespace
}  // namespace motcua::domain::stats
