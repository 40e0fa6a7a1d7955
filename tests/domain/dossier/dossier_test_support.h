#pragma once
/// Test helpers for the dossier tests: fixed instants, a valid intake request, and dossiers
/// driven into each status through the real commands (so the paths themselves are exercised).

#include "domain/core/error.h"
#include "domain/dossier/dossier_state.h"

#include <date/date.h>
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>

namespace motcua::domain::dossier_test {

using namespace std::chrono_literals;

/// 27/10/2023 09:32 Hà Nội time (UTC+7), the receipt of the legal example code.
inline const date::sys_seconds kReceivedAt = date::sys_days{date::year{2023} / 10 / 27} + 2h + 32min;
/// Fri 03/11/2023 17:00 local: 5 working days later (rules.md §5.2 worked example).
inline const date::sys_seconds kOriginalDue = date::sys_days{date::year{2023} / 11 / 3} + 10h;
/// Thu 02/11/2023 17:00 local: one working day before the due time.
inline const date::sys_seconds kLatestApology = date::sys_days{date::year{2023} / 11 / 2} + 10h;

inline const Actor kDeskOfficer{UserId{11}, AgencyId{1}};
inline const Actor kHandler{UserId{22}, AgencyId{1}};
inline const Actor kHead{UserId{33}, AgencyId{1}};

/// Returns a valid direct intake request received at kReceivedAt.
inline IntakeRequest validIntake() {
    IntakeRequest request;
    request.applicant.kind = ApplicantKind::Individual;
    request.applicant.name = "Nguyễn Thị Hồng Nhung";
    request.applicant.identity_number = "038190000123";
    request.applicant.phone = "0912345678";
    request.applicant.email = "nhung.nt@example.vn";
    request.applicant.address = "Số 5 phố Điện Biên, phường Ba Đình, Hà Nội";
    request.procedure_code = "1.001234";
    request.channel = Channel::Direct;
    request.result_delivery = ResultDelivery::Desk;
    request.documents = {{"Tờ khai đăng ký khai sinh", DocumentKind::Original, 1},
                         {"Giấy chứng sinh", DocumentKind::CertifiedCopy, 1}};
    request.received_at = kReceivedAt;
    return request;
}

/// Returns the dossier freshly opened from validIntake().
inline Dossier openedDossier() {
    return openDossier(DossierId{42}, validIntake(), AgencyId{1}, kDeskOfficer, kReceivedAt).next;
}

/// Returns the acceptance of a direct dossier received at kReceivedAt, due kOriginalDue.
inline AcceptCommand acceptCommand() {
    return AcceptCommand{DossierCode{"000.00.06.H56-231027-0361"}, kReceivedAt, kOriginalDue};
}

/// Applies `command` at `at` and returns the next dossier, failing the test on an exception.
inline Dossier step(const Dossier& dossier, const DossierCommand& command, date::sys_seconds at,
                    const Actor& actor = kHandler) {
    return apply(dossier, command, actor, at).next;
}

/// Returns a dossier in `status`, reached through lawful commands applied before kReceivedAt + 1 day.
inline Dossier dossierIn(DossierStatus status) {
    const Dossier opened = openedDossier();
    const auto t = [](int minutes) { return kReceivedAt + std::chrono::minutes{minutes}; };
    switch (status) {
        case DossierStatus::Submitted: return opened;
        case DossierStatus::IncompleteAtIntake:
            return step(opened, RequestCompletionAtIntakeCommand{"Thiếu giấy tờ", {"Giấy chứng sinh"}}, t(1));
        case DossierStatus::RefusedAtIntake:
            return step(opened, RefuseAtIntakeCommand{"Không thuộc thẩm quyền giải quyết"}, t(1));
        default: break;
    }
    const Dossier received = step(opened, acceptCommand(), t(1), kDeskOfficer);
    if (status == DossierStatus::Received) return received;
    const Dossier in_progress = step(received, StartProcessingCommand{}, t(2), kDeskOfficer);
    switch (status) {
        case DossierStatus::InProgress: return in_progress;
        case DossierStatus::AwaitingSupplement:
            return step(in_progress, RequestSupplementCommand{"Bản sao chưa chứng thực", {"Giấy chứng sinh"}}, t(3));
        case DossierStatus::AwaitingFinancialObligation:
            return step(in_progress, RequestFinancialObligationCommand{"Lệ phí", 8000}, t(3));
        case DossierStatus::Withdrawn: return step(in_progress, WithdrawCommand{"Công dân xin rút"}, t(3));
        case DossierStatus::Stopped: return step(in_progress, StopCommand{"Theo quy định chuyên ngành"}, t(3));
        default: break;
    }
    const Dossier resolved = step(in_progress, ResolveCommand{"Cấp giấy khai sinh", Verdict::Early}, t(3));
    if (status == DossierStatus::Resolved) return resolved;
    return step(resolved, ReturnCommand{ResultDelivery::Desk, t(4)}, t(4), kDeskOfficer);
}

/// Returns the ErrorCode thrown by `action`, or std::nullopt when it does not throw.
inline std::optional<ErrorCode> errorCodeOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& error) {
        return error.code();
    }
    return std::nullopt;
}

/// Returns the Error thrown by `action`; fails the test when none is thrown.
inline Error errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& error) {
        return error;
    }
    ADD_FAILURE() << "expected motcua::Error";
    return Error{ErrorCode::Internal, "no error"};
}

}  // namespace motcua::domain::dossier_test
