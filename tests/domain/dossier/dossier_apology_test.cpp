// Contract: the apology letter (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04) follows
// NĐ 61/2018/NĐ-CP Đ19.9 as amended (repeated by NĐ 118/2025-era provincial regulations):
//  - issued "chậm nhất 01 ngày trước ngày hết hạn" (the caller computes due − 1 working day);
//  - "không quá một lần": at most one re-appointment per dossier;
//  - only before the result; the new date is after the current one.
// And rules.md §3.2 (766 index, KSTT reports): the apology fixes the citizen's new appointment
// but does not make the dossier on time; the verdict is still judged on the legal due time.
// NĐ 297/2025 (electronic liên thông) sends the apology at expiry: ApologyDeadline::RecordLate.

#include "domain/dossier/dossier_state.h"

#include "dossier_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

using namespace dossier_test;
using namespace std::chrono_literals;
using ::testing::HasSubstr;

IssueApologyCommand apologyAt(date::sys_seconds issued_at) {
    return IssueApologyCommand{"Chờ kết quả xác minh của Công an phường", kOriginalDue + 72h, "Chủ tịch UBND phường",
                               issued_at, kLatestApology};
}

TEST(DossierApology, SetsTheNewAppointmentButNotTheLegalDueTime) {
    const Transition apologised =
        apply(dossierIn(DossierStatus::InProgress), apologyAt(kLatestApology - 1h), kHead, kLatestApology - 1h);
    const Dossier& dossier = apologised.next;
    ASSERT_TRUE(dossier.apology.has_value());
    EXPECT_TRUE(dossier.apology->isTimely());
    EXPECT_EQ(dossier.apology->recorded_by, kHead.user_id);
    EXPECT_EQ(dossier.status, DossierStatus::InProgress);
    EXPECT_EQ(dossier.timing.extended_due_at, kOriginalDue + 72h);
    EXPECT_EQ(appointmentDueAt(dossier), kOriginalDue + 72h);
    EXPECT_EQ(legalDueAt(dossier), kOriginalDue);
    EXPECT_EQ(apologised.event.kind(), DossierEventKind::ApologyIssued);
    EXPECT_EQ(apologised.event.payloadValue("timely"), "true");
    EXPECT_EQ(apologised.event.payloadValue("signed_by"), "Chủ tịch UBND phường");
}

TEST(DossierApology, MayBeIssuedOnlyOnce) {
    const Dossier once = step(dossierIn(DossierStatus::InProgress), apologyAt(kLatestApology - 1h), kLatestApology - 1h);
    IssueApologyCommand second = apologyAt(kLatestApology - 30min);
    second.new_due_at = kOriginalDue + 240h;
    const Error error = errorOf([&] { (void)apply(once, second, kHead, kLatestApology - 30min); });
    EXPECT_EQ(error.code(), ErrorCode::FailedPrecondition);
    EXPECT_THAT(error.userMessage(), HasSubstr("không quá một lần"));
}

TEST(DossierApology, ExactlyOneWorkingDayBeforeTheDueTimeIsStillInTime) {
    const Dossier dossier = step(dossierIn(DossierStatus::InProgress), apologyAt(kLatestApology), kLatestApology);
    EXPECT_TRUE(dossier.apology->isTimely());
}

TEST(DossierApology, IsRefusedAfterTheLatestAllowedTime) {
    const Error error = errorOf([] {
        (void)apply(dossierIn(DossierStatus::InProgress), apologyAt(kLatestApology + 1s), kHead, kLatestApology + 1h);
    });
    EXPECT_EQ(error.code(), ErrorCode::FailedPrecondition);
    EXPECT_THAT(error.userMessage(), HasSubstr("chậm nhất 01 ngày làm việc trước ngày hết hạn"));
}

TEST(DossierApology, LateApologyIsRecordedAsNotTimelyUnderTheExpiryRule) {
    IssueApologyCommand late = apologyAt(kOriginalDue + 1h);
    late.deadline_rule = ApologyDeadline::RecordLate;
    const Transition recorded = apply(dossierIn(DossierStatus::InProgress), late, kHead, kOriginalDue + 2h);
    EXPECT_FALSE(recorded.next.apology->isTimely());
    EXPECT_EQ(recorded.event.payloadValue("timely"), "false");
}

TEST(DossierApology, IsRefusedOnceTheResultExists) {
    for (const auto status : {DossierStatus::Resolved, DossierStatus::Returned}) {
        SCOPED_TRACE(std::string{toName(status)});
        EXPECT_EQ(errorCodeOf([&] {
                      (void)apply(dossierIn(status), apologyAt(kLatestApology - 1h), kHead, kLatestApology - 1h);
                  }),
                  ErrorCode::FailedPrecondition);
    }
}

TEST(DossierApology, IsRefusedWhileTheClockWaitsForASupplement) {
    const Error error = errorOf([] {
        (void)apply(dossierIn(DossierStatus::AwaitingSupplement), apologyAt(kLatestApology - 1h), kHead,
                    kLatestApology - 1h);
    });
    EXPECT_EQ(error.code(), ErrorCode::FailedPrecondition);
    EXPECT_THAT(error.userMessage(), HasSubstr("tính lại từ đầu"));
}

TEST(DossierApology, NewDateMustBeAfterTheCurrentDueTime) {
    IssueApologyCommand command = apologyAt(kLatestApology - 1h);
    command.new_due_at = kOriginalDue;
    const Error error = errorOf([&] { (void)apply(dossierIn(DossierStatus::InProgress), command, kHead, kLatestApology); });
    EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(error.field(), "new_due_at");
}

TEST(DossierApology, CollectsEveryMissingField) {
    IssueApologyCommand command = apologyAt(kLatestApology - 1h);
    command.reason.clear();
    command.signed_by.clear();
    const Error error = errorOf([&] { (void)apply(dossierIn(DossierStatus::InProgress), command, kHead, kLatestApology); });
    ASSERT_EQ(error.fieldErrors().size(), 2U);
    EXPECT_EQ(error.fieldErrors()[0].field, "reason");
    EXPECT_EQ(error.fieldErrors()[1].field, "signed_by");
}

TEST(DossierApology, LateDossierStaysLateAfterAnApology) {
    // rules.md §3.2: "On-time status is still measured against original_due_at".
    const Dossier apologised =
        step(dossierIn(DossierStatus::InProgress), apologyAt(kLatestApology - 1h), kLatestApology - 1h);
    const auto finished = kOriginalDue + 48h;  // after the legal due time, before the new appointment
    ASSERT_LT(finished, *apologised.timing.extended_due_at);
    EXPECT_EQ(errorCodeOf([&] { (void)step(apologised, ResolveCommand{"Đã cấp", Verdict::OnTime}, finished); }),
              ErrorCode::InvalidArgument);
    const Dossier resolved = step(apologised, ResolveCommand{"Đã cấp", Verdict::Late}, finished);
    EXPECT_EQ(resolved.timing.verdict, Verdict::Late);
    const Dossier returned = step(resolved, ReturnCommand{ResultDelivery::Desk, finished + 1h}, finished + 1h);
    EXPECT_EQ(returned.timing.verdict, Verdict::Late);
    EXPECT_EQ(legalDueAt(returned), kOriginalDue);
}

}  // namespace
}  // namespace motcua::domain
