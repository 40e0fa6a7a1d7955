// Contract: the dossier state machine follows the one-stop procedure of NĐ 61/2018/NĐ-CP
// (as amended by NĐ 107/2021, rules carried into NĐ 118/2025), statuses as DVCQG codes
// (TT 22/2019 Phụ lục I, rules.md §1.3):
//  - Đ17.1: an unchecked dossier is accepted (Giấy tiếp nhận), refused (Phiếu từ chối) or guided
//    to completion (Phiếu yêu cầu bổ sung); Đ15.3: that guidance is given once, complete.
//  - Đ18–19: an accepted dossier is forwarded, assigned, sent along a liên thông chain
//    (Đ19.6–19.7), asked for a supplement (Đ19.4, clock restarts) or for payment, then resolved.
//  - Đ19.8: a rejection after appraisal is a result (Resolved, outcome Rejected).
//  - Đ19.9: an apology precedes the result. Đ20: only a result is returned.
//  - Every successful command yields exactly one event (Phiếu kiểm soát, Mẫu 05) and bumps
//    the version; a refused one throws FailedPrecondition with a Vietnamese reason.
// The expected table below is written by hand from those articles, not derived from the code.

#include "domain/dossier/dossier_state.h"

#include "dossier_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

using namespace dossier_test;
using namespace std::chrono_literals;
using ::testing::HasSubstr;

// Every command runs at this instant: after every path in dossierIn(), before the due time.
const date::sys_seconds kNow = kReceivedAt + 48h;

DossierCommand sampleCommand(CommandKind kind) {
    switch (kind) {
        case CommandKind::Accept: return acceptCommand();
        case CommandKind::RefuseAtIntake: return RefuseAtIntakeCommand{"Không thuộc thẩm quyền"};
        case CommandKind::RequestCompletionAtIntake:
            return RequestCompletionAtIntakeCommand{"Thiếu giấy tờ", {"Bản sao CCCD"}};
        case CommandKind::Assign: return AssignCommand{UserId{77}};
        case CommandKind::StartProcessing: return StartProcessingCommand{};
        case CommandKind::Transfer: return TransferCommand{AgencyId{2}, kNow + 24h, "Lấy ý kiến Sở Tư pháp"};
        case CommandKind::RequestSupplement: return RequestSupplementCommand{"Thiếu giấy tờ", {"Bản sao CCCD"}};
        case CommandKind::ReceiveSupplement: return ReceiveSupplementCommand{kNow, kNow + 120h};
        case CommandKind::RequestFinancialObligation: return RequestFinancialObligationCommand{"Lệ phí trước bạ", 500000};
        case CommandKind::ConfirmPayment: return ConfirmPaymentCommand{kNow};
        case CommandKind::Resolve: return ResolveCommand{"Cấp giấy chứng nhận", Verdict::Early};
        case CommandKind::RejectAfterAppraisal: return RejectAfterAppraisalCommand{"Không đủ điều kiện", Verdict::Early};
        case CommandKind::Stop: return StopCommand{"Quá 15 ngày làm việc không bổ sung"};
        case CommandKind::Withdraw: return WithdrawCommand{"Công dân xin rút hồ sơ"};
        case CommandKind::Return: return ReturnCommand{ResultDelivery::Desk, kNow};
        case CommandKind::IssueApology:
            return IssueApologyCommand{"Chờ ý kiến cơ quan phối hợp", kOriginalDue + 72h, "Chủ tịch UBND phường",
                                       kNow, kLatestApology};
        case CommandKind::RecalculateDeadline:
            return RecalculateDeadlineCommand{kOriginalDue + 24h, "Công văn điều chỉnh lịch nghỉ"};
    }
    return StartProcessingCommand{};
}

const std::vector<DossierStatus> kAllStatuses{
    DossierStatus::Submitted,  DossierStatus::IncompleteAtIntake, DossierStatus::RefusedAtIntake,
    DossierStatus::Received,   DossierStatus::InProgress,         DossierStatus::AwaitingSupplement,
    DossierStatus::AwaitingFinancialObligation, DossierStatus::Withdrawn, DossierStatus::Stopped,
    DossierStatus::Resolved,   DossierStatus::Returned};

const std::vector<CommandKind> kAllCommands{
    CommandKind::Accept,          CommandKind::RefuseAtIntake,    CommandKind::RequestCompletionAtIntake,
    CommandKind::Assign,          CommandKind::StartProcessing,   CommandKind::Transfer,
    CommandKind::RequestSupplement, CommandKind::ReceiveSupplement, CommandKind::RequestFinancialObligation,
    CommandKind::ConfirmPayment,  CommandKind::Resolve,           CommandKind::RejectAfterAppraisal,
    CommandKind::Stop,            CommandKind::Withdraw,          CommandKind::Return,
    CommandKind::IssueApology,    CommandKind::RecalculateDeadline};

struct AllowedRow {
    DossierStatus from;
    CommandKind command;
    DossierStatus to;
    const char* source;
};

// Every lawful (status, command) pair and the status it leads to. Any pair not listed is refused.
const std::vector<AllowedRow> kLawful{
    {DossierStatus::Submitted, CommandKind::Accept, DossierStatus::Received, "NĐ 61 Đ17.1c"},
    {DossierStatus::Submitted, CommandKind::RefuseAtIntake, DossierStatus::RefusedAtIntake, "NĐ 61 Đ17.1b"},
    {DossierStatus::Submitted, CommandKind::RequestCompletionAtIntake, DossierStatus::IncompleteAtIntake, "NĐ 61 Đ17.1a"},
    {DossierStatus::Submitted, CommandKind::Withdraw, DossierStatus::Withdrawn, "DVCQG status 7"},
    {DossierStatus::IncompleteAtIntake, CommandKind::Accept, DossierStatus::Received, "NĐ 61 Đ17.1c once complete"},
    {DossierStatus::IncompleteAtIntake, CommandKind::RefuseAtIntake, DossierStatus::RefusedAtIntake, "NĐ 61 Đ17.1b"},
    {DossierStatus::IncompleteAtIntake, CommandKind::Withdraw, DossierStatus::Withdrawn, "DVCQG status 7"},
    {DossierStatus::Received, CommandKind::Assign, DossierStatus::Received, "NĐ 61 Đ19.1"},
    {DossierStatus::Received, CommandKind::StartProcessing, DossierStatus::InProgress, "NĐ 61 Đ18"},
    {DossierStatus::Received, CommandKind::Transfer, DossierStatus::InProgress, "NĐ 61 Đ18.3, Đ19.6"},
    {DossierStatus::Received, CommandKind::RequestSupplement, DossierStatus::AwaitingSupplement, "NĐ 61 Đ19.4"},
    {DossierStatus::Received, CommandKind::RequestFinancialObligation, DossierStatus::AwaitingFinancialObligation, "DVCQG status 6"},
    {DossierStatus::Received, CommandKind::Resolve, DossierStatus::Resolved, "NĐ 61 Đ17.4 trả kết quả ngay"},
    {DossierStatus::Received, CommandKind::RejectAfterAppraisal, DossierStatus::Resolved, "NĐ 61 Đ19.8"},
    {DossierStatus::Received, CommandKind::Stop, DossierStatus::Stopped, "DVCQG status 8"},
    {DossierStatus::Received, CommandKind::Withdraw, DossierStatus::Withdrawn, "DVCQG status 7"},
    {DossierStatus::Received, CommandKind::IssueApology, DossierStatus::Received, "NĐ 61 Đ19.9"},
    {DossierStatus::Received, CommandKind::RecalculateDeadline, DossierStatus::Received, "issue #3: audited recalculation"},
    {DossierStatus::InProgress, CommandKind::Assign, DossierStatus::InProgress, "NĐ 61 Đ19.1"},
    {DossierStatus::InProgress, CommandKind::Transfer, DossierStatus::InProgress, "NĐ 61 Đ19.6–19.7"},
    {DossierStatus::InProgress, CommandKind::RequestSupplement, DossierStatus::AwaitingSupplement, "NĐ 61 Đ19.4"},
    {DossierStatus::InProgress, CommandKind::RequestFinancialObligation, DossierStatus::AwaitingFinancialObligation, "DVCQG status 6"},
    {DossierStatus::InProgress, CommandKind::Resolve, DossierStatus::Resolved, "NĐ 61 Đ19"},
    {DossierStatus::InProgress, CommandKind::RejectAfterAppraisal, DossierStatus::Resolved, "NĐ 61 Đ19.8"},
    {DossierStatus::InProgress, CommandKind::Stop, DossierStatus::Stopped, "DVCQG status 8"},
    {DossierStatus::InProgress, CommandKind::Withdraw, DossierStatus::Withdrawn, "DVCQG status 7"},
    {DossierStatus::InProgress, CommandKind::IssueApology, DossierStatus::InProgress, "NĐ 61 Đ19.9"},
    {DossierStatus::InProgress, CommandKind::RecalculateDeadline, DossierStatus::InProgress, "issue #3: audited recalculation"},
    {DossierStatus::AwaitingSupplement, CommandKind::Assign, DossierStatus::AwaitingSupplement, "NĐ 61 Đ19.1"},
    {DossierStatus::AwaitingSupplement, CommandKind::ReceiveSupplement, DossierStatus::InProgress, "NĐ 61 Đ19.4"},
    {DossierStatus::AwaitingSupplement, CommandKind::Stop, DossierStatus::Stopped, "NĐ 297/2025: no supplement in 15 days"},
    {DossierStatus::AwaitingSupplement, CommandKind::Withdraw, DossierStatus::Withdrawn, "DVCQG status 7"},
    {DossierStatus::AwaitingFinancialObligation, CommandKind::Assign, DossierStatus::AwaitingFinancialObligation, "NĐ 61 Đ19.1"},
    {DossierStatus::AwaitingFinancialObligation, CommandKind::ConfirmPayment, DossierStatus::InProgress, "NĐ 61 Đ22"},
    {DossierStatus::AwaitingFinancialObligation, CommandKind::Stop, DossierStatus::Stopped, "DVCQG status 8"},
    {DossierStatus::AwaitingFinancialObligation, CommandKind::Withdraw, DossierStatus::Withdrawn, "DVCQG status 7"},
    {DossierStatus::AwaitingFinancialObligation, CommandKind::IssueApology, DossierStatus::AwaitingFinancialObligation, "NĐ 61 Đ19.9"},
    {DossierStatus::AwaitingFinancialObligation, CommandKind::RecalculateDeadline, DossierStatus::AwaitingFinancialObligation, "issue #3: audited recalculation"},
    {DossierStatus::Resolved, CommandKind::Return, DossierStatus::Returned, "NĐ 61 Đ20"},
};

std::optional<DossierStatus> expectedTarget(DossierStatus from, CommandKind command) {
    for (const auto& row : kLawful) {
        if (row.from == from && row.command == command) return row.to;
    }
    return std::nullopt;
}

std::string describe(DossierStatus status, CommandKind command) {
    return std::string{toName(status)} + " × " + std::string{toName(command)};
}

TEST(DossierState, HelperReachesEveryStatusThroughLawfulCommands) {
    for (const auto status : kAllStatuses) {
        SCOPED_TRACE(std::string{toName(status)});
        EXPECT_EQ(dossierIn(status).status, status);
    }
}

TEST(DossierState, TransitionTableMatchesTheLawForEveryPair) {
    for (const auto status : kAllStatuses) {
        for (const auto command : kAllCommands) {
            SCOPED_TRACE(describe(status, command));
            EXPECT_EQ(isAllowed(status, command), expectedTarget(status, command).has_value());
        }
    }
}

TEST(DossierState, ApplyAllowsExactlyTheLawfulPairsAndReachesTheExpectedStatus) {
    for (const auto status : kAllStatuses) {
        const Dossier before = dossierIn(status);
        for (const auto command : kAllCommands) {
            SCOPED_TRACE(describe(status, command));
            const auto target = expectedTarget(status, command);
            if (!target) {
                EXPECT_EQ(errorCodeOf([&] { (void)apply(before, sampleCommand(command), kHandler, kNow); }),
                          ErrorCode::FailedPrecondition);
                continue;
            }
            const Transition result = apply(before, sampleCommand(command), kHandler, kNow);
            EXPECT_EQ(result.next.status, *target);
            EXPECT_EQ(result.next.version, before.version + 1);
            EXPECT_EQ(result.event.sequence(), result.next.version);
            EXPECT_EQ(result.event.fromStatus(), status);
            EXPECT_EQ(result.event.toStatus(), *target);
            EXPECT_EQ(result.event.actorUser(), kHandler.user_id);
            EXPECT_EQ(result.event.at(), kNow);
            EXPECT_EQ(before.status, status);  // the input is never modified
        }
    }
}

TEST(DossierState, RefusalExplainsInVietnameseWhatTheOfficerCannotDo) {
    const Error error = errorOf([] {
        (void)apply(dossierIn(DossierStatus::Returned), sampleCommand(CommandKind::RequestSupplement), kHandler, kNow);
    });
    EXPECT_EQ(error.code(), ErrorCode::FailedPrecondition);
    EXPECT_THAT(error.userMessage(), HasSubstr("Hồ sơ đã trả kết quả, không thể yêu cầu bổ sung"));
    EXPECT_THAT(std::string{error.what()}, HasSubstr("request_supplement not allowed in status returned"));
}

TEST(DossierState, RefusalWhileAwaitingSupplementSaysWhatToDoFirst) {
    const Error error = errorOf([] {
        (void)apply(dossierIn(DossierStatus::AwaitingSupplement), sampleCommand(CommandKind::Resolve), kHandler, kNow);
    });
    EXPECT_THAT(error.userMessage(), HasSubstr("Cần nhận đủ hồ sơ bổ sung trước"));
}

TEST(DossierState, IntakeGuidanceIsGivenOnlyOnceCitingTheDecree) {
    // NĐ 61/2018 Đ15.3: guidance "một lần đầy đủ, chính xác".
    const Error error = errorOf([] {
        (void)apply(dossierIn(DossierStatus::IncompleteAtIntake), sampleCommand(CommandKind::RequestCompletionAtIntake),
                    kDeskOfficer, kNow);
    });
    EXPECT_EQ(error.code(), ErrorCode::FailedPrecondition);
    EXPECT_THAT(error.userMessage(), HasSubstr("Đ15.3"));
}

TEST(DossierState, OpenRegistersASubmittedDossierWithTheFirstEvent) {
    const Transition opened = openDossier(DossierId{42}, validIntake(), AgencyId{1}, kDeskOfficer, kReceivedAt);
    EXPECT_EQ(opened.next.status, DossierStatus::Submitted);
    EXPECT_EQ(opened.next.version, 1);
    EXPECT_EQ(opened.next.procedure_code.str(), "1.001234");
    EXPECT_EQ(opened.next.handling_agency, AgencyId{1});
    EXPECT_FALSE(opened.next.code.has_value());
    EXPECT_EQ(opened.event.sequence(), 1);
    EXPECT_EQ(opened.event.kind(), DossierEventKind::Submitted);
    EXPECT_FALSE(opened.event.fromStatus().has_value());
    EXPECT_EQ(opened.event.payloadValue("channel"), "direct");
}

TEST(DossierState, OpenRejectsInvalidIntakeWithFieldErrors) {
    IntakeRequest request = validIntake();
    request.applicant.name.clear();
    const Error error = errorOf([&] { (void)openDossier(DossierId{1}, request, AgencyId{1}, kDeskOfficer, kReceivedAt); });
    EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(error.field(), "applicant.name");
}

TEST(DossierState, AcceptIssuesTheCodeAndStartsTheClock) {
    const Transition accepted = apply(openedDossier(), acceptCommand(), kDeskOfficer, kReceivedAt + 5min);
    EXPECT_EQ(accepted.next.code->str(), "000.00.06.H56-231027-0361");
    EXPECT_EQ(accepted.next.received_at, kReceivedAt);
    EXPECT_EQ(accepted.next.timing.original_due_at, kOriginalDue);
    EXPECT_EQ(legalDueAt(accepted.next), kOriginalDue);
    EXPECT_EQ(accepted.event.payloadValue("original_due_at"), "2023-11-03T10:00:00Z");
}

TEST(DossierState, PostalDossierIsNotReceivedBeforeTheHandoverRecord) {
    // QĐ 45/2016/QĐ-TTg Đ7.4: the lawful receipt is the signing of the Biên bản giao nhận.
    IntakeRequest request = validIntake();
    request.channel = Channel::Postal;
    request.handover_at = kReceivedAt + 26h;
    const Dossier opened = openDossier(DossierId{5}, request, AgencyId{1}, kDeskOfficer, kReceivedAt + 26h).next;
    AcceptCommand early = acceptCommand();
    early.received_at = kReceivedAt;  // the posting time, not the handover
    const Error error = errorOf([&] { (void)apply(opened, early, kDeskOfficer, kReceivedAt + 27h); });
    EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(error.field(), "received_at");
    AcceptCommand lawful = acceptCommand();
    lawful.received_at = kReceivedAt + 26h;
    lawful.original_due_at = kOriginalDue + 24h;
    EXPECT_EQ(apply(opened, lawful, kDeskOfficer, kReceivedAt + 27h).next.received_at, kReceivedAt + 26h);
}

TEST(DossierState, SupplementRestartsTheLegalDueTimeAndIsCounted) {
    // NĐ 61/2018 Đ19.4 as amended by NĐ 107/2021: "tính lại từ đầu sau khi nhận đủ hồ sơ".
    Dossier dossier = dossierIn(DossierStatus::InProgress);
    dossier = step(dossier, RequestSupplementCommand{"Thiếu", {"Sơ đồ thửa đất"}}, kReceivedAt + 24h);
    EXPECT_EQ(dossier.supplement_requested_at, kReceivedAt + 24h);
    const auto restarted = kReceivedAt + 240h;
    dossier = step(dossier, ReceiveSupplementCommand{kReceivedAt + 72h, restarted}, kReceivedAt + 73h);
    EXPECT_EQ(dossier.status, DossierStatus::InProgress);
    EXPECT_EQ(legalDueAt(dossier), restarted);
    EXPECT_EQ(dossier.timing.original_due_at, kOriginalDue);
    EXPECT_FALSE(dossier.supplement_requested_at.has_value());
    dossier = step(dossier, RequestSupplementCommand{"Thiếu nữa", {"Trích lục"}}, kReceivedAt + 80h);
    EXPECT_EQ(dossier.supplement_count, 2);
}

TEST(DossierState, SupplementCannotArriveBeforeItWasRequested) {
    const Dossier waiting = dossierIn(DossierStatus::AwaitingSupplement);
    const Error error = errorOf([&] {
        (void)apply(waiting, ReceiveSupplementCommand{kReceivedAt, kReceivedAt + 240h}, kHandler, kNow);
    });
    EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(error.field(), "received_at");
}

TEST(DossierState, TransferRecordsEachLienThongHop) {
    // NĐ 61/2018 Đ19.6: each agency of the chain has its own task and time limit.
    Dossier dossier = dossierIn(DossierStatus::InProgress);
    dossier = step(dossier, TransferCommand{AgencyId{2}, kNow + 24h, "Thẩm định"}, kNow);
    dossier = step(dossier, TransferCommand{AgencyId{1}, std::nullopt, "Trả cơ quan chủ trì"}, kNow + 1h);
    ASSERT_EQ(dossier.transfers.size(), 2U);
    EXPECT_EQ(dossier.transfers[0].from_agency, AgencyId{1});
    EXPECT_EQ(dossier.transfers[0].to_agency, AgencyId{2});
    EXPECT_EQ(dossier.transfers[0].due_at, kNow + 24h);
    EXPECT_EQ(dossier.transfers[1].to_agency, AgencyId{1});
    EXPECT_EQ(dossier.handling_agency, AgencyId{1});
    EXPECT_EQ(errorCodeOf([&] { (void)step(dossier, TransferCommand{AgencyId{1}, std::nullopt, ""}, kNow + 2h); }),
              ErrorCode::InvalidArgument);
}

TEST(DossierState, RejectionAfterAppraisalIsARecordedResult) {
    // NĐ 61/2018 Đ19.8: the Phiếu từ chối is entered in the result section.
    const Transition rejected =
        apply(dossierIn(DossierStatus::InProgress), RejectAfterAppraisalCommand{"Không đủ điều kiện", Verdict::OnTime},
              kHandler, kNow);
    EXPECT_EQ(rejected.next.status, DossierStatus::Resolved);
    EXPECT_EQ(rejected.next.outcome, ResolutionOutcome::Rejected);
    EXPECT_EQ(rejected.next.timing.resolved_at, kNow);
    EXPECT_EQ(rejected.next.timing.verdict, Verdict::OnTime);
    EXPECT_EQ(rejected.event.kind(), DossierEventKind::RejectedAfterAppraisal);
    EXPECT_EQ(rejected.event.note(), "Không đủ điều kiện");
    const Dossier returned = step(rejected.next, ReturnCommand{ResultDelivery::Postal, kNow + 1h}, kNow + 1h);
    EXPECT_EQ(returned.status, DossierStatus::Returned);
    EXPECT_EQ(returned.result_delivery, ResultDelivery::Postal);
}

TEST(DossierState, ReasonsAreRequiredForRefusalStopAndWithdrawal) {
    const Dossier in_progress = dossierIn(DossierStatus::InProgress);
    EXPECT_EQ(errorCodeOf([&] { (void)step(in_progress, StopCommand{"   "}, kNow); }), ErrorCode::InvalidArgument);
    EXPECT_EQ(errorCodeOf([&] { (void)step(in_progress, WithdrawCommand{""}, kNow); }), ErrorCode::InvalidArgument);
    EXPECT_EQ(errorCodeOf([] { (void)step(openedDossier(), RefuseAtIntakeCommand{""}, kNow); }),
              ErrorCode::InvalidArgument);
}

TEST(DossierState, VerdictCannotContradictTheLegalDueTime) {
    const Dossier in_progress = dossierIn(DossierStatus::InProgress);
    // Before the due time nothing is late.
    EXPECT_EQ(errorCodeOf([&] { (void)step(in_progress, ResolveCommand{"", Verdict::Late}, kNow); }),
              ErrorCode::InvalidArgument);
    // Two days after the due time nothing is on time, whatever the precision.
    EXPECT_EQ(errorCodeOf([&] { (void)step(in_progress, ResolveCommand{"", Verdict::OnTime}, kOriginalDue + 48h); }),
              ErrorCode::InvalidArgument);
    // Within a day after, the caller's precision (minute or day) decides.
    EXPECT_EQ(step(in_progress, ResolveCommand{"", Verdict::OnTime}, kOriginalDue + 30min).timing.verdict,
              Verdict::OnTime);
}

TEST(DossierState, ReassigningTheSameOfficerIsRejected) {
    const Dossier assigned = step(dossierIn(DossierStatus::InProgress), AssignCommand{UserId{7}}, kNow);
    EXPECT_EQ(assigned.assigned_officer, UserId{7});
    EXPECT_EQ(errorCodeOf([&] { (void)step(assigned, AssignCommand{UserId{7}}, kNow); }), ErrorCode::InvalidArgument);
    const Transition reassigned = apply(assigned, AssignCommand{UserId{8}}, kHead, kNow);
    EXPECT_EQ(reassigned.event.payloadValue("previous_officer_id"), "7");
}

TEST(DossierState, FullLifecycleProducesTheControlSheetInOrder) {
    // Mẫu 05 (Phiếu kiểm soát): every hand-over is a row, in order, with who and when.
    std::vector<DossierEvent> sheet;
    Transition t = openDossier(DossierId{42}, validIntake(), AgencyId{1}, kDeskOfficer, kReceivedAt);
    sheet.push_back(t.event);
    const std::vector<std::pair<DossierCommand, Actor>> commands{
        {acceptCommand(), kDeskOfficer},
        {AssignCommand{UserId{22}}, kHead},
        {StartProcessingCommand{}, kDeskOfficer},
        {RequestFinancialObligationCommand{"Lệ phí", 8000}, kHandler},
        {ConfirmPaymentCommand{kReceivedAt + 3h}, kDeskOfficer},
        {ResolveCommand{"Đã cấp", Verdict::Early}, kHandler},
        {ReturnCommand{ResultDelivery::Desk, kReceivedAt + 7h}, kDeskOfficer},
    };
    int minutes = 0;
    for (const auto& [command, actor] : commands) {
        minutes += 60;
        t = apply(t.next, command, actor, kReceivedAt + std::chrono::minutes{minutes});
        sheet.push_back(t.event);
    }
    const std::vector<DossierEventKind> expected{
        DossierEventKind::Submitted,  DossierEventKind::Accepted,         DossierEventKind::OfficerAssigned,
        DossierEventKind::ProcessingStarted, DossierEventKind::FinancialObligationRequested,
        DossierEventKind::PaymentConfirmed, DossierEventKind::Resolved,  DossierEventKind::Returned};
    ASSERT_EQ(sheet.size(), expected.size());
    for (std::size_t i = 0; i < sheet.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(sheet[i].kind(), expected[i]);
        EXPECT_EQ(sheet[i].sequence(), static_cast<std::int64_t>(i + 1));
        EXPECT_EQ(sheet[i].dossierId(), DossierId{42});
        if (i > 0) {
            EXPECT_EQ(sheet[i].fromStatus(), sheet[i - 1].toStatus());
        }
    }
    EXPECT_EQ(sheet[2].actorUser(), kHead.user_id);
    EXPECT_EQ(t.next.status, DossierStatus::Returned);
    EXPECT_EQ(t.next.timing.returned_at, kReceivedAt + 7h);
    EXPECT_EQ(t.next.version, 8);
}

}  // namespace
}  // namespace motcua::domain
