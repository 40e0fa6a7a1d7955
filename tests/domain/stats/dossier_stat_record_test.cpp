// Contract: the statistics record of a dossier is the fold of its audit trail.
// - The lawful receipt is the acceptance's received_at (for a postal dossier the handover
//   record, QĐ 45/2016 Đ7.4); a dossier never accepted (refused at intake, NĐ 61 Đ17.1b, or
//   withdrawn first) is never counted.
// - The legal due time is the original one, restarted after a complete supplement (NĐ 61 Đ19.4 as
//   amended by NĐ 107/2021), never the apology's new date (rules.md §3.2); the clock history keeps
//   each change so a past period sees the due time then in force.
// - The verdict is frozen with the result (a rejection after appraisal is a result, Đ19.8); a
//   stop or withdrawal is judged at closing, not late while waiting for a supplement.
// - A liên thông transfer (Đ19.6–19.7) changes the handling agency, never the receiving one.
// Dossiers are driven through the real state machine; expected records are written by hand.

#include "domain/stats/dossier_stat_record.h"

#include "domain/core/error.h"
#include "domain/stats/report_06a.h"
#include "stats_test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::domain::stats {
namespace {

using namespace stats_test;

// Dossier 1: filed at the Sở (agency 2) on 01/07/2026 09:00, a supplement round, transferred to
// the xã (agency 3), apologised on time, resolved late, result sent by post.
Trail lateTransferredDossier() {
    Trail trail{1, intakeRequest("1.000002", Channel::Direct, ResultDelivery::Postal, vn(2026, 7, 1, 9)), 2};
    trail.step(AcceptCommand{codeFor(date::year{2026} / 7 / 1, 1), vn(2026, 7, 1, 9), vn(2026, 7, 8, 17)},
               vn(2026, 7, 1, 9, 5))
        .step(StartProcessingCommand{}, vn(2026, 7, 1, 10))
        .step(RequestSupplementCommand{"Thiếu bản sao", {"Bản sao giấy khai sinh"}}, vn(2026, 7, 2, 9))
        .step(ReceiveSupplementCommand{vn(2026, 7, 3, 9), vn(2026, 7, 10, 17)}, vn(2026, 7, 3, 9, 30))
        .step(TransferCommand{AgencyId{3}, std::nullopt, "Chuyển xã xác minh"}, vn(2026, 7, 4, 9))
        .step(IssueApologyCommand{"Chờ xác minh", vn(2026, 7, 15, 17), "Chủ tịch UBND xã", vn(2026, 7, 9, 9),
                                  vn(2026, 7, 9, 17)},
              vn(2026, 7, 9, 9))
        .step(ResolveCommand{"Cấp giấy", Verdict::Late}, vn(2026, 7, 12, 10))
        .step(ReturnCommand{ResultDelivery::Postal, vn(2026, 7, 16, 8)}, vn(2026, 7, 16, 9));
    return trail;
}

TEST(DossierStatRecordTest, FoldsAFullTrailIntoTheHandWrittenRecord) {
    const Trail trail = lateTransferredDossier();
    const DossierStatRecord record = recordFromEvents(trail.events(), testContext());

    DossierStatRecord expected;
    expected.dossier_id = DossierId{1};
    expected.code = "000.00.06.H56-260701-0001";
    expected.receiving_agency = AgencyId{2};
    expected.handling_agency = AgencyId{3};
    expected.field_code = "G02";
    expected.procedure_code = "1.000002";
    expected.procedure_online_level = OnlineLevel::Full;
    expected.channel = Channel::Direct;
    expected.result_delivery = ResultDelivery::Postal;
    expected.status = DossierStatus::Returned;
    expected.received_at = lt(2026, 7, 1, 9);
    expected.original_due_at = lt(2026, 7, 8, 17);
    expected.due_at = lt(2026, 7, 10, 17);  // restarted, not the apology's 15/07
    expected.resolved_at = lt(2026, 7, 12, 10);
    expected.returned_at = lt(2026, 7, 16, 8);
    expected.verdict = Verdict::Late;
    expected.outcome = ResolutionOutcome::Approved;
    expected.apology_issued = true;
    expected.apology_timely = true;
    expected.apology_issued_at = lt(2026, 7, 9, 9);
    expected.supplement_count = 1;
    expected.clock = {{lt(2026, 7, 1, 9), lt(2026, 7, 8, 17)},
                      {lt(2026, 7, 2, 9), std::nullopt},
                      {lt(2026, 7, 3, 9), lt(2026, 7, 10, 17)}};
    expected.last_sequence = 9;
    EXPECT_EQ(record, expected);

    // The store folds one event at a time; after each event it holds the fold of the prefix.
    DossierStatRecord incremental;
    for (const DossierEvent& event : trail.events()) applyEvent(incremental, event, testContext());
    EXPECT_EQ(incremental, expected);

    EXPECT_EQ(clockAt(record, lt(2026, 7, 1, 8)), std::nullopt) << "not yet accepted";
    EXPECT_EQ(clockAt(record, lt(2026, 7, 2, 12))->due_at, std::nullopt) << "waiting for the supplement";
    EXPECT_EQ(clockAt(record, lt(2026, 7, 5, 0))->due_at, lt(2026, 7, 10, 17));
    EXPECT_EQ(supplementRequestsAt(record, lt(2026, 7, 1, 12)), 0);
    EXPECT_EQ(supplementRequestsAt(record, lt(2026, 7, 2, 9)), 1);
}

TEST(DossierStatRecordTest, TransferredDossierIsCountedOnceAtItsReceivingAgency) {
    // TT 01/2020 06a: counted at the agency that received it for resolution, never twice.
    const Trail trail = lateTransferredDossier();
    const std::vector<DossierStatRecord> records{recordFromEvents(trail.events(), testContext())};
    const Report06a report =
        compute06a(records, parseReportingPeriod("2026-M07"), Grouping::Agency, threeLevelTree());
    ASSERT_EQ(report.rows.size(), 4u);
    EXPECT_EQ(report.rows[0].counts.received_total, 1) << "province";
    EXPECT_EQ(report.rows[1].counts.received_total, 1) << "Sở, which received it";
    EXPECT_EQ(report.rows[2].counts.received_total, 0) << "Phòng";
    EXPECT_EQ(report.rows[3].counts.received_total, 0) << "xã, which handled it";
    EXPECT_EQ(report.total.counts.received_total, 1);
    EXPECT_EQ(report.total.counts.resolved_late, 1) << "due 10/07 17:00, resolved 12/07";
    EXPECT_EQ(report.total.counts.late_or_overdue_with_timely_apology, 1);
}

TEST(DossierStatRecordTest, PostalReceiptIsTheHandoverAndAStopIsJudgedAtClosing) {
    Trail trail{2, intakeRequest("1.000001", Channel::Postal, ResultDelivery::Postal, vn(2026, 7, 1, 9)), 3};
    trail.step(AcceptCommand{codeFor(date::year{2026} / 7 / 1, 2), vn(2026, 7, 1, 11), vn(2026, 7, 8, 17)},
               vn(2026, 7, 1, 11, 5))
        .step(StopCommand{"Không đủ điều kiện theo luật chuyên ngành"}, vn(2026, 7, 20, 9));
    const DossierStatRecord record = recordFromEvents(trail.events(), testContext());
    EXPECT_EQ(record.received_at, lt(2026, 7, 1, 11)) << "QĐ 45/2016 Đ7.4: the handover record";
    EXPECT_EQ(record.channel, Channel::Postal);
    EXPECT_EQ(record.status, DossierStatus::Stopped);
    EXPECT_EQ(record.closed_at, lt(2026, 7, 20, 9));
    EXPECT_EQ(record.verdict, Verdict::Late) << "stopped after the due time";
    EXPECT_EQ(record.field_code, "G01");
    EXPECT_EQ(record.procedure_online_level, OnlineLevel::None);
}

TEST(DossierStatRecordTest, ClosingWhileWaitingForASupplementIsNotLate) {
    Trail trail{3, intakeRequest("1.000003", Channel::OnlinePartial, ResultDelivery::Desk, vn(2026, 7, 1, 9)), 3};
    trail.step(AcceptCommand{codeFor(date::year{2026} / 7 / 1, 3), vn(2026, 7, 1, 9), vn(2026, 7, 3, 17)},
               vn(2026, 7, 1, 10))
        .step(RequestSupplementCommand{"Thiếu tờ khai", {"Tờ khai"}}, vn(2026, 7, 2, 9))
        .step(StopCommand{"Quá 15 ngày làm việc không bổ sung (NĐ 297/2025)"}, vn(2026, 7, 25, 9));
    const DossierStatRecord record = recordFromEvents(trail.events(), testContext());
    EXPECT_EQ(record.verdict, Verdict::OnTime);
    EXPECT_EQ(record.procedure_online_level, OnlineLevel::Partial);
    EXPECT_EQ(record.supplement_count, 1);
}

TEST(DossierStatRecordTest, RejectionAfterAppraisalIsAResult) {
    // NĐ 61/2018 Đ19.8: the Phiếu từ chối giải quyết is entered as the result.
    Trail trail{4, intakeRequest("1.000001", Channel::Direct, ResultDelivery::Desk, vn(2026, 7, 1, 9)), 2};
    trail.step(AcceptCommand{codeFor(date::year{2026} / 7 / 1, 4), vn(2026, 7, 1, 9), vn(2026, 7, 8, 17)},
               vn(2026, 7, 1, 9, 10))
        .step(RejectAfterAppraisalCommand{"Không đủ điều kiện", Verdict::Early}, vn(2026, 7, 6, 9));
    const DossierStatRecord record = recordFromEvents(trail.events(), testContext());
    EXPECT_EQ(record.outcome, ResolutionOutcome::Rejected);
    EXPECT_EQ(record.verdict, Verdict::Early);
    EXPECT_EQ(record.resolved_at, lt(2026, 7, 6, 9));
    EXPECT_EQ(countRecord(record, parseReportingPeriod("2026-M07")).resolved_early, 1);
}

TEST(DossierStatRecordTest, DossiersNeverAcceptedAreNeverCounted) {
    const ReportingPeriod july = parseReportingPeriod("2026-M07");
    Trail refused{5, intakeRequest("1.000001", Channel::Direct, ResultDelivery::Desk, vn(2026, 7, 1, 9)), 2};
    refused.step(RefuseAtIntakeCommand{"Không thuộc thẩm quyền"}, vn(2026, 7, 1, 9, 30));
    Trail withdrawn{6, intakeRequest("1.000001", Channel::Direct, ResultDelivery::Desk, vn(2026, 7, 1, 9)), 2};
    withdrawn.step(RequestCompletionAtIntakeCommand{"Thiếu giấy tờ", {"Tờ khai"}}, vn(2026, 7, 1, 9, 10))
        .step(WithdrawCommand{"Công dân không nộp nữa"}, vn(2026, 7, 2, 9));
    for (const Trail* trail : {&refused, &withdrawn}) {
        const DossierStatRecord record = recordFromEvents(trail->events(), testContext());
        EXPECT_FALSE(record.received_at.has_value());
        EXPECT_FALSE(record.verdict.has_value());
        EXPECT_TRUE(record.closed_at.has_value());
        EXPECT_EQ(countRecord(record, july), Counts06a{});
    }
}

TEST(DossierStatRecordTest, HonoursTheOptionalIntakePayloadKeys) {
    // Submitted events may carry receiving_agency_id and result_delivery; without them the
    // submitting actor's agency and Desk are used.
    const EventPayload payload{{"channel", "online_full"},
                               {"procedure_code", "1.000002"},
                               {"submitted_at", "2026-07-01T02:00:00Z"},
                               {"receiving_agency_id", "4"},
                               {"result_delivery", "online"}};
    const std::vector<DossierEvent> events{DossierEvent{DossierId{7}, 1, DossierEventKind::Submitted, std::nullopt,
                                                        DossierStatus::Submitted, UserId{1}, AgencyId{0},
                                                        vn(2026, 7, 1, 9), {}, payload}};
    const DossierStatRecord record = recordFromEvents(events, testContext());
    EXPECT_EQ(record.receiving_agency, AgencyId{4});
    EXPECT_EQ(record.handling_agency, AgencyId{4});
    EXPECT_EQ(record.result_delivery, ResultDelivery::Online);
    EXPECT_EQ(record.channel, Channel::OnlineFull);
}

TEST(DossierStatRecordTest, RefusesMalformedTrails) {
    const Trail trail = lateTransferredDossier();
    const std::vector<DossierEvent>& events = trail.events();
    const auto event = [](std::int64_t dossier, std::int64_t sequence, DossierEventKind kind, EventPayload payload) {
        return DossierEvent{DossierId{dossier}, sequence, kind, DossierStatus::Received, DossierStatus::InProgress,
                            UserId{1}, AgencyId{2}, vn(2026, 7, 1, 9), {}, std::move(payload)};
    };
    struct Row {
        std::vector<DossierEvent> trail;
        const char* why;
    };
    const std::vector<Row> rows{
        {{}, "empty trail"},
        {{events[1]}, "does not start with Submitted"},
        {{events[0], events[2]}, "sequence gap"},
        {{events[0], events[0]}, "Submitted twice"},
        {{events[0], event(99, 2, DossierEventKind::ProcessingStarted, {})}, "another dossier's event"},
        {{events[0], event(1, 2, DossierEventKind::Accepted, {{"code", "X"}})}, "Accepted without instants"},
        {{events[0], event(1, 2, DossierEventKind::Accepted,
                           {{"code", "X"}, {"received_at", "2026-07-01 02:00"}, {"original_due_at", "x"}})},
         "instants not in ISO UTC form"},
        {{events[0], event(1, 2, DossierEventKind::Accepted,
                           {{"code", "X"}, {"received_at", "2026-02-30T02:00:00Z"},
                            {"original_due_at", "2026-07-08T10:00:00Z"}})},
         "impossible date"},
        {{events[0], event(1, 2, DossierEventKind::Transferred, {{"to_agency_id", "3x"}})}, "agency id not a number"},
        {{events[0], event(1, 2, DossierEventKind::Resolved, {{"outcome", "approved"}, {"verdict", "sớm"}})},
         "unknown verdict name"},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.why);
        try {
            (void)recordFromEvents(row.trail, testContext());
            ADD_FAILURE() << "accepted";
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
            EXPECT_EQ(error.field(), "events");
        }
    }
}

}  // namespace
}  // namespace motcua::domain::stats
