#include "domain/dossier/dossier_state.h"

#include "domain/catalog/enum_names.h"
#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <array>
#include <chrono>
#include <utility>

namespace motcua::domain {

namespace {

using date::sys_seconds;

constexpr std::size_t kMaxReasonLength = 2000;
constexpr std::size_t kMaxItemLength = 500;
constexpr std::size_t kMaxItems = 100;
constexpr std::size_t kMaxSignerLength = 200;
constexpr std::size_t kStatusCount = 11;

/// Within this span after the legal due time, whether a result is late depends on the reporting
/// precision (minute or day, rules.md §9.1), so the caller's verdict is trusted; beyond it the
/// result is late under every precision.
constexpr std::chrono::hours kVerdictAmbiguityWindow{24};

static_assert(std::variant_size_v<DossierCommand> == kCommandKindCount,
              "CommandKind must list the DossierCommand alternatives in order");

constexpr std::array<detail::EnumName<CommandKind>, kCommandKindCount> kCommandNames{{
    {CommandKind::Accept, "accept", "tiếp nhận hồ sơ"},
    {CommandKind::RefuseAtIntake, "refuse_at_intake", "từ chối tiếp nhận"},
    {CommandKind::RequestCompletionAtIntake, "request_completion_at_intake",
     "hướng dẫn bổ sung, hoàn thiện khi tiếp nhận"},
    {CommandKind::Assign, "assign", "phân công cán bộ xử lý"},
    {CommandKind::StartProcessing, "start_processing", "chuyển hồ sơ đến bộ phận giải quyết"},
    {CommandKind::Transfer, "transfer", "chuyển xử lý liên thông"},
    {CommandKind::RequestSupplement, "request_supplement", "yêu cầu bổ sung"},
    {CommandKind::ReceiveSupplement, "receive_supplement", "nhận hồ sơ bổ sung"},
    {CommandKind::RequestFinancialObligation, "request_financial_obligation", "yêu cầu thực hiện nghĩa vụ tài chính"},
    {CommandKind::ConfirmPayment, "confirm_payment", "xác nhận đã thực hiện nghĩa vụ tài chính"},
    {CommandKind::Resolve, "resolve", "ghi nhận kết quả giải quyết"},
    {CommandKind::RejectAfterAppraisal, "reject_after_appraisal", "từ chối giải quyết"},
    {CommandKind::Stop, "stop", "dừng xử lý"},
    {CommandKind::Withdraw, "withdraw", "rút hồ sơ"},
    {CommandKind::Return, "return", "trả kết quả"},
    {CommandKind::IssueApology, "issue_apology", "lập phiếu xin lỗi và hẹn lại ngày trả kết quả"},
    {CommandKind::RecalculateDeadline, "recalculate_deadline", "tính lại hạn giải quyết theo lịch làm việc mới"},
}};

// The transition table: rows in DossierStatus order, columns in CommandKind order.
//   NĐ 61/2018 Đ17.1: an unchecked (Submitted) dossier is accepted, refused, or guided once to
//     completion; a guided one (IncompleteAtIntake) is then accepted or refused (Đ15.3: the
//     guidance is given once, complete).
//   Đ18–19: an accepted dossier is forwarded, assigned, sent along a liên thông chain, asked
//     for a supplement (Đ19.4) or for payment, then resolved or rejected (Đ19.8, a result).
//   Đ19.9: the apology precedes the result; not while awaiting a supplement, because the
//     processing time restarts from zero once the supplement is complete.
//   Đ20: only a result is returned. Withdrawal is possible until there is a result.
constexpr bool X = true;
constexpr bool o = false;
constexpr std::array<std::array<bool, kCommandKindCount>, kStatusCount> kTransitionTable{{
    //  Acc Ref RCI Asg Stp Trf RqS RcS RqF Pay Res Rej Stop Wdr Ret Apo Rec
    {{X, X, X, o, o, o, o, o, o, o, o, o, o, X, o, o, o}},  // Submitted
    {{X, X, o, o, o, o, o, o, o, o, o, o, o, X, o, o, o}},  // IncompleteAtIntake
    {{o, o, o, o, o, o, o, o, o, o, o, o, o, o, o, o, o}},  // RefusedAtIntake
    {{o, o, o, X, X, X, X, o, X, o, X, X, X, X, o, X, X}},  // Received
    {{o, o, o, X, o, X, X, o, X, o, X, X, X, X, o, X, X}},  // InProgress
    {{o, o, o, X, o, o, o, X, o, o, o, o, X, X, o, o, o}},  // AwaitingSupplement
    {{o, o, o, X, o, o, o, o, o, X, o, o, X, X, o, X, X}},  // AwaitingFinancialObligation
    {{o, o, o, o, o, o, o, o, o, o, o, o, o, o, o, o, o}},  // Withdrawn
    {{o, o, o, o, o, o, o, o, o, o, o, o, o, o, o, o, o}},  // Stopped
    {{o, o, o, o, o, o, o, o, o, o, o, o, o, o, X, o, o}},  // Resolved
    {{o, o, o, o, o, o, o, o, o, o, o, o, o, o, o, o, o}},  // Returned
}};

std::string_view statusPhrase(DossierStatus status) {
    switch (status) {
        case DossierStatus::Submitted: return "chưa được tiếp nhận";
        case DossierStatus::IncompleteAtIntake: return "đang chờ công dân bổ sung, hoàn thiện để tiếp nhận";
        case DossierStatus::RefusedAtIntake: return "đã bị từ chối tiếp nhận";
        case DossierStatus::Received: return "đã được tiếp nhận";
        case DossierStatus::InProgress: return "đang được xử lý";
        case DossierStatus::AwaitingSupplement: return "đang chờ công dân bổ sung";
        case DossierStatus::AwaitingFinancialObligation: return "đang chờ công dân thực hiện nghĩa vụ tài chính";
        case DossierStatus::Withdrawn: return "đã được công dân rút";
        case DossierStatus::Stopped: return "đã dừng xử lý";
        case DossierStatus::Resolved: return "đã có kết quả giải quyết";
        case DossierStatus::Returned: return "đã trả kết quả";
    }
    return "không ở trạng thái phù hợp";
}

std::string refusalMessage(DossierStatus status, CommandKind kind) {
    if (status == DossierStatus::IncompleteAtIntake && kind == CommandKind::RequestCompletionAtIntake) {
        return "Hồ sơ đã được hướng dẫn bổ sung, hoàn thiện; việc hướng dẫn phải một lần, đầy đủ "
               "(Đ15.3 NĐ 61/2018), hãy tiếp nhận hoặc từ chối tiếp nhận hồ sơ.";
    }
    std::string message = "Hồ sơ " + std::string{statusPhrase(status)} + ", không thể " +
                          std::string{labelVi(kind)} + ".";
    if (status == DossierStatus::AwaitingSupplement && kind == CommandKind::IssueApology) {
        message += " Thời hạn giải quyết sẽ được tính lại từ đầu khi nhận đủ hồ sơ bổ sung (Đ19.4 NĐ 61/2018).";
    } else if (status == DossierStatus::AwaitingSupplement) {
        message += " Cần nhận đủ hồ sơ bổ sung trước.";
    } else if (status == DossierStatus::AwaitingFinancialObligation) {
        message += " Cần xác nhận công dân đã thực hiện nghĩa vụ tài chính trước.";
    }
    return message;
}

[[noreturn]] void refuse(const Dossier& dossier, std::string message_vi, std::string_view log) {
    throw Error{ErrorCode::FailedPrecondition, std::move(message_vi),
                "dossier " + std::to_string(dossier.id.value) + ": " + std::string{log}};
}

void throwIfAny(std::vector<FieldError>& errors) {
    if (!errors.empty()) throw Error::invalidFields(std::move(errors));
}

void requireText(std::vector<FieldError>& errors, std::string_view field, std::string_view label,
                 std::string_view value, std::size_t max_length = kMaxReasonLength) {
    checkText(errors, {field, label, max_length}, value);
}

void checkItems(std::vector<FieldError>& errors, const std::vector<std::string>& items) {
    if (items.empty()) {
        errors.push_back({"items", "Cần liệt kê ít nhất một nội dung phải bổ sung, hoàn thiện"});
        return;
    }
    if (items.size() > kMaxItems) {
        errors.push_back({"items", "Không được liệt kê quá 100 nội dung cần bổ sung"});
        return;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string field = "items[" + std::to_string(i) + "]";
        const std::string label = "Nội dung cần bổ sung thứ " + std::to_string(i + 1);
        requireText(errors, field, label, items[i], kMaxItemLength);
    }
}

void appendItems(EventPayload& payload, const std::vector<std::string>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        payload.emplace_back("item_" + std::to_string(i + 1), items[i]);
    }
}

void checkNotFuture(std::vector<FieldError>& errors, std::string_view field, std::string_view label,
                    sys_seconds instant, sys_seconds now) {
    if (instant > now) errors.push_back({std::string{field}, std::string{label} + " không được ở tương lai"});
}

/// The verdict is the caller's (it depends on the reporting precision), but it cannot contradict
/// the legal due time, which an apology never moves (rules.md §3.2): a late dossier stays late.
void checkVerdict(std::vector<FieldError>& errors, const Dossier& dossier, Verdict verdict, sys_seconds now) {
    const auto due = legalDueAt(dossier);
    if (!due) return;
    if (verdict == Verdict::Late && now <= *due) {
        errors.push_back({"verdict", "Kết quả có trước hoặc đúng hạn trả, không thể đánh giá là quá hạn"});
    }
    if (verdict != Verdict::Late && now > *due + kVerdictAmbiguityWindow) {
        errors.push_back({"verdict", "Hồ sơ đã quá hạn trả kết quả theo Giấy tiếp nhận; phiếu xin lỗi và hẹn lại "
                                     "không làm hồ sơ trở thành đúng hạn"});
    }
}

struct Context {
    const Dossier& before;
    const Actor& actor;
    sys_seconds now;
};

Transition commit(const Context& context, Dossier next, DossierEventKind kind, std::string note,
                  EventPayload payload) {
    next.version = context.before.version + 1;
    DossierEvent event{context.before.id, next.version,        kind,
                       context.before.status, next.status,    context.actor.user_id,
                       context.actor.agency_id, context.now,  std::move(note),
                       std::move(payload)};
    return Transition{std::move(next), std::move(event)};
}

Transition applyCommand(const Context& context, const AcceptCommand& command) {
    const Dossier& before = context.before;
    std::vector<FieldError> errors;
    if (command.received_at < legalReceiptTime(before)) {
        // QĐ 45/2016/QĐ-TTg Đ7.4: a postal dossier is received when the handover record is signed.
        errors.push_back({"received_at", before.handover_at
                                             ? "Thời điểm tiếp nhận hồ sơ bưu chính không được trước thời điểm ký "
                                               "biên bản giao nhận (Đ7.4 QĐ 45/2016/QĐ-TTg)"
                                             : "Thời điểm tiếp nhận không được trước thời điểm nộp hồ sơ"});
    }
    checkNotFuture(errors, "received_at", "Thời điểm tiếp nhận", command.received_at, context.now);
    if (command.original_due_at < command.received_at) {
        errors.push_back({"original_due_at", "Hạn trả kết quả không được trước thời điểm tiếp nhận"});
    }
    throwIfAny(errors);
    Dossier next = before;
    next.status = DossierStatus::Received;
    next.code = command.code;
    next.received_at = command.received_at;
    next.timing.original_due_at = command.original_due_at;
    EventPayload payload{{"code", command.code.str()},
                         {"received_at", formatUtcInstant(command.received_at)},
                         {"original_due_at", formatUtcInstant(command.original_due_at)}};
    return commit(context, std::move(next), DossierEventKind::Accepted, {}, std::move(payload));
}

Transition applyCommand(const Context& context, const RefuseAtIntakeCommand& command) {
    std::vector<FieldError> errors;
    requireText(errors, "reason", "Lý do từ chối tiếp nhận", command.reason);
    throwIfAny(errors);
    Dossier next = context.before;
    next.status = DossierStatus::RefusedAtIntake;
    next.timing.closed_at = context.now;
    next.closing_note = command.reason;
    return commit(context, std::move(next), DossierEventKind::RefusedAtIntake, command.reason, {});
}

Transition applyCommand(const Context& context, const RequestCompletionAtIntakeCommand& command) {
    std::vector<FieldError> errors;
    requireText(errors, "reason", "Lý do cần bổ sung, hoàn thiện", command.reason);
    checkItems(errors, command.items);
    throwIfAny(errors);
    Dossier next = context.before;
    next.status = DossierStatus::IncompleteAtIntake;
    EventPayload payload;
    appendItems(payload, command.items);
    return commit(context, std::move(next), DossierEventKind::CompletionRequestedAtIntake, command.reason,
                  std::move(payload));
}

Transition applyCommand(const Context& context, const AssignCommand& command) {
    const Dossier& before = context.before;
    if (before.assigned_officer == command.officer) {
        std::vector<FieldError> errors{{"officer", "Cán bộ này đang được phân công xử lý hồ sơ"}};
        throwIfAny(errors);
    }
    Dossier next = before;
    next.assigned_officer = command.officer;
    EventPayload payload{{"officer_id", std::to_string(command.officer.value)}};
    if (before.assigned_officer) {
        payload.emplace_back("previous_officer_id", std::to_string(before.assigned_officer->value));
    }
    return commit(context, std::move(next), DossierEventKind::OfficerAssigned, {}, std::move(payload));
}

Transition applyCommand(const Context& context, const StartProcessingCommand&) {
    Dossier next = context.before;
    next.status = DossierStatus::InProgress;
    return commit(context, std::move(next), DossierEventKind::ProcessingStarted, {}, {});
}

Transition applyCommand(const Context& context, const TransferCommand& command) {
    const Dossier& before = context.before;
    std::vector<FieldError> errors;
    if (command.to_agency == before.handling_agency) {
        errors.push_back({"to_agency", "Hồ sơ đang ở cơ quan này, hãy chọn cơ quan khác để chuyển liên thông"});
    }
    if (command.hop_due_at && *command.hop_due_at <= context.now) {
        errors.push_back({"hop_due_at", "Thời hạn xử lý của cơ quan phối hợp phải sau thời điểm chuyển"});
    }
    checkText(errors, {"note", "Ghi chú", kMaxReasonLength, Presence::Optional}, command.note);
    throwIfAny(errors);
    Dossier next = before;
    next.status = DossierStatus::InProgress;
    next.handling_agency = command.to_agency;
    next.transfers.push_back({before.handling_agency, command.to_agency, context.now, command.hop_due_at});
    EventPayload payload{{"from_agency_id", std::to_string(before.handling_agency.value)},
                         {"to_agency_id", std::to_string(command.to_agency.value)}};
    if (command.hop_due_at) payload.emplace_back("hop_due_at", formatUtcInstant(*command.hop_due_at));
    return commit(context, std::move(next), DossierEventKind::Transferred, command.note, std::move(payload));
}

Transition applyCommand(const Context& context, const RequestSupplementCommand& command) {
    std::vector<FieldError> errors;
    requireText(errors, "reason", "Lý do yêu cầu bổ sung", command.reason);
    checkItems(errors, command.items);
    throwIfAny(errors);
    Dossier next = context.before;
    next.status = DossierStatus::AwaitingSupplement;
    next.supplement_count += 1;
    next.supplement_requested_at = context.now;
    EventPayload payload{{"supplement_number", std::to_string(next.supplement_count)}};
    appendItems(payload, command.items);
    return commit(context, std::move(next), DossierEventKind::SupplementRequested, command.reason,
                  std::move(payload));
}

Transition applyCommand(const Context& context, const ReceiveSupplementCommand& command) {
    const Dossier& before = context.before;
    std::vector<FieldError> errors;
    checkNotFuture(errors, "received_at", "Thời điểm nhận hồ sơ bổ sung", command.received_at, context.now);
    if (before.supplement_requested_at && command.received_at < *before.supplement_requested_at) {
        errors.push_back({"received_at", "Thời điểm nhận hồ sơ bổ sung không được trước thời điểm yêu cầu bổ sung"});
    }
    if (command.restarted_due_at <= command.received_at) {
        errors.push_back({"restarted_due_at", "Hạn trả kết quả tính lại phải sau thời điểm nhận đủ hồ sơ bổ sung"});
    }
    throwIfAny(errors);
    // NĐ 61/2018 Đ19.4 as amended by NĐ 107/2021: "thời hạn giải quyết được tính lại từ đầu sau khi
    // nhận đủ hồ sơ"; the deadline component computed the new due time.
    Dossier next = before;
    next.status = DossierStatus::InProgress;
    next.timing.restarted_due_at = command.restarted_due_at;
    next.supplement_requested_at.reset();
    EventPayload payload{{"received_at", formatUtcInstant(command.received_at)},
                         {"restarted_due_at", formatUtcInstant(command.restarted_due_at)}};
    return commit(context, std::move(next), DossierEventKind::SupplementReceived, {}, std::move(payload));
}

Transition applyCommand(const Context& context, const RequestFinancialObligationCommand& command) {
    std::vector<FieldError> errors;
    requireText(errors, "description", "Nội dung nghĩa vụ tài chính", command.description);
    if (command.amount_vnd && *command.amount_vnd <= 0) {
        errors.push_back({"amount_vnd", "Số tiền phải nộp phải lớn hơn 0"});
    }
    throwIfAny(errors);
    Dossier next = context.before;
    next.status = DossierStatus::AwaitingFinancialObligation;
    EventPayload payload;
    if (command.amount_vnd) payload.emplace_back("amount_vnd", std::to_string(*command.amount_vnd));
    return commit(context, std::move(next), DossierEventKind::FinancialObligationRequested, command.description,
                  std::move(payload));
}

Transition applyCommand(const Context& context, const ConfirmPaymentCommand& command) {
    std::vector<FieldError> errors;
    checkNotFuture(errors, "paid_at", "Thời điểm nộp tiền", command.paid_at, context.now);
    throwIfAny(errors);
    Dossier next = context.before;
    next.status = DossierStatus::InProgress;
    EventPayload payload{{"paid_at", formatUtcInstant(command.paid_at)}};
    return commit(context, std::move(next), DossierEventKind::PaymentConfirmed, {}, std::move(payload));
}

Transition resolveWith(const Context& context, ResolutionOutcome outcome, Verdict verdict, const std::string& note,
                       DossierEventKind kind) {
    Dossier next = context.before;
    next.status = DossierStatus::Resolved;
    next.outcome = outcome;
    next.closing_note = note;
    next.timing.resolved_at = context.now;
    next.timing.verdict = verdict;
    EventPayload payload{{"outcome", std::string{toName(outcome)}}, {"verdict", std::string{toName(verdict)}}};
    return commit(context, std::move(next), kind, note, std::move(payload));
}

Transition applyCommand(const Context& context, const ResolveCommand& command) {
    std::vector<FieldError> errors;
    checkText(errors, {"result_note", "Ghi chú kết quả", kMaxReasonLength, Presence::Optional}, command.result_note);
    checkVerdict(errors, context.before, command.verdict, context.now);
    throwIfAny(errors);
    return resolveWith(context, ResolutionOutcome::Approved, command.verdict, command.result_note,
                       DossierEventKind::Resolved);
}

Transition applyCommand(const Context& context, const RejectAfterAppraisalCommand& command) {
    std::vector<FieldError> errors;
    requireText(errors, "reason", "Lý do từ chối giải quyết", command.reason);
    checkVerdict(errors, context.before, command.verdict, context.now);
    throwIfAny(errors);
    // NĐ 61/2018 Đ19.8: the Phiếu từ chối giải quyết is entered as the result of the dossier.
    return resolveWith(context, ResolutionOutcome::Rejected, command.verdict, command.reason,
                       DossierEventKind::RejectedAfterAppraisal);
}

Transition closeWithout(const Context& context, DossierStatus status, const std::string& reason,
                        std::string_view reason_label, DossierEventKind kind) {
    std::vector<FieldError> errors;
    requireText(errors, "reason", reason_label, reason);
    throwIfAny(errors);
    Dossier next = context.before;
    next.status = status;
    next.closing_note = reason;
    next.timing.closed_at = context.now;
    next.supplement_requested_at.reset();
    return commit(context, std::move(next), kind, reason, {});
}

Transition applyCommand(const Context& context, const StopCommand& command) {
    return closeWithout(context, DossierStatus::Stopped, command.reason, "Lý do dừng xử lý", DossierEventKind::Stopped);
}

Transition applyCommand(const Context& context, const WithdrawCommand& command) {
    return closeWithout(context, DossierStatus::Withdrawn, command.reason, "Lý do rút hồ sơ",
                        DossierEventKind::Withdrawn);
}

Transition applyCommand(const Context& context, const ReturnCommand& command) {
    const Dossier& before = context.before;
    std::vector<FieldError> errors;
    checkNotFuture(errors, "returned_at", "Thời điểm trả kết quả", command.returned_at, context.now);
    if (before.timing.resolved_at && command.returned_at < *before.timing.resolved_at) {
        errors.push_back({"returned_at", "Thời điểm trả kết quả không được trước thời điểm có kết quả"});
    }
    throwIfAny(errors);
    Dossier next = before;
    next.status = DossierStatus::Returned;
    next.timing.returned_at = command.returned_at;
    next.result_delivery = command.delivery;
    EventPayload payload{{"returned_at", formatUtcInstant(command.returned_at)},
                         {"delivery", std::string{toName(command.delivery)}},
                         {"registered_delivery", std::string{toName(before.result_delivery)}}};
    return commit(context, std::move(next), DossierEventKind::Returned, {}, std::move(payload));
}

Transition applyCommand(const Context& context, const IssueApologyCommand& command) {
    const Dossier& before = context.before;
    // NĐ 61/2018 Đ19.9: "việc hẹn lại ngày trả kết quả được thực hiện không quá một lần".
    if (before.apology) {
        refuse(before,
               "Hồ sơ đã có phiếu xin lỗi và hẹn lại ngày trả kết quả; theo Đ19.9 NĐ 61/2018 chỉ được hẹn lại "
               "không quá một lần.",
               "second apology refused");
    }
    std::vector<FieldError> errors;
    requireText(errors, "reason", "Lý do quá hạn", command.reason);
    requireText(errors, "signed_by", "Người ký phiếu xin lỗi", command.signed_by, kMaxSignerLength);
    checkNotFuture(errors, "issued_at", "Thời điểm lập phiếu xin lỗi", command.issued_at, context.now);
    const auto current_due = appointmentDueAt(before);
    if (current_due && command.new_due_at <= *current_due) {
        errors.push_back({"new_due_at", "Ngày hẹn trả mới phải sau hạn trả kết quả hiện tại"});
    }
    if (command.new_due_at <= command.issued_at) {
        errors.push_back({"new_due_at", "Ngày hẹn trả mới phải sau thời điểm lập phiếu xin lỗi"});
    }
    if (current_due && command.latest_allowed_at >= *current_due) {
        errors.push_back({"latest_allowed_at", "Thời hạn lập phiếu xin lỗi phải trước hạn trả kết quả"});
    }
    throwIfAny(errors);
    // NĐ 61/2018 Đ19.9: the apology is issued "chậm nhất 01 ngày trước ngày hết hạn".
    if (command.deadline_rule == ApologyDeadline::Enforce && command.issued_at > command.latest_allowed_at) {
        refuse(before,
               "Đã quá thời hạn lập phiếu xin lỗi và hẹn lại ngày trả kết quả: chậm nhất 01 ngày làm việc trước "
               "ngày hết hạn (Đ19.9 NĐ 61/2018).",
               "apology after the latest allowed time");
    }
    Dossier next = before;
    next.apology = Apology{command.reason,    command.new_due_at,        command.signed_by,
                           command.issued_at, command.latest_allowed_at, context.actor.user_id};
    next.timing.extended_due_at = command.new_due_at;
    EventPayload payload{{"new_due_at", formatUtcInstant(command.new_due_at)},
                         {"signed_by", command.signed_by},
                         {"issued_at", formatUtcInstant(command.issued_at)},
                         {"latest_allowed_at", formatUtcInstant(command.latest_allowed_at)},
                         {"timely", next.apology->isTimely() ? "true" : "false"}};
    return commit(context, std::move(next), DossierEventKind::ApologyIssued, command.reason, std::move(payload));
}

Transition applyCommand(const Context& context, const RecalculateDeadlineCommand& command) {
    const Dossier& before = context.before;
    std::vector<FieldError> errors;
    requireText(errors, "reason", "Lý do tính lại hạn", command.reason);
    const auto legal = legalDueAt(before);
    if (before.received_at && command.new_due_at <= *before.received_at) {
        errors.push_back({"new_due_at", "Hạn mới phải sau thời điểm tiếp nhận"});
    }
    throwIfAny(errors);
    Dossier next = before;
    // The legal due time in force is replaced; the receipt the citizen holds shows the old one,
    // which the event keeps. A restarted count (after a supplement) is what gets recomputed then.
    if (next.timing.restarted_due_at) {
        next.timing.restarted_due_at = command.new_due_at;
    } else {
        next.timing.original_due_at = command.new_due_at;
    }
    EventPayload payload{{"previous_due_at", legal ? formatUtcInstant(*legal) : std::string{}},
                         {"new_due_at", formatUtcInstant(command.new_due_at)}};
    return commit(context, std::move(next), DossierEventKind::DeadlineRecalculated, command.reason, std::move(payload));
}

}  // namespace

CommandKind commandKind(const DossierCommand& command) noexcept {
    return static_cast<CommandKind>(command.index());
}

std::string_view toName(CommandKind kind) { return detail::enumRow(kCommandNames, kind).name; }
std::string_view labelVi(CommandKind kind) { return detail::enumRow(kCommandNames, kind).label_vi; }
CommandKind parseCommandKind(std::string_view name) {
    return detail::parseEnumName(kCommandNames, name, "Thao tác trên hồ sơ", "command");
}

bool isAllowed(DossierStatus status, CommandKind kind) noexcept {
    const auto row = static_cast<std::size_t>(status);
    const auto column = static_cast<std::size_t>(kind);
    if (row >= kStatusCount || column >= kCommandKindCount) return false;
    return kTransitionTable[row][column];
}

Transition openDossier(DossierId id, const IntakeRequest& request, AgencyId receiving_agency, const Actor& actor,
                       date::sys_seconds now) {
    validateIntake(request, now);
    Dossier dossier{id, ProcedureCode{request.procedure_code}};
    dossier.receiving_agency = receiving_agency;
    dossier.handling_agency = receiving_agency;
    dossier.channel = request.channel;
    dossier.result_delivery = request.result_delivery;
    dossier.applicant = request.applicant;
    dossier.documents = request.documents;
    dossier.submitted_at = request.received_at;
    dossier.handover_at = request.handover_at;
    dossier.version = 1;
    EventPayload payload{{"channel", std::string{toName(request.channel)}},
                         {"procedure_code", request.procedure_code},
                         {"submitted_at", formatUtcInstant(request.received_at)}};
    if (request.handover_at) payload.emplace_back("handover_at", formatUtcInstant(*request.handover_at));
    DossierEvent event{id, 1, DossierEventKind::Submitted, std::nullopt, DossierStatus::Submitted, actor.user_id,
                       actor.agency_id, now, {}, std::move(payload)};
    return Transition{std::move(dossier), std::move(event)};
}

Transition apply(const Dossier& dossier, const DossierCommand& command, const Actor& actor, date::sys_seconds now) {
    const CommandKind kind = commandKind(command);
    if (!isAllowed(dossier.status, kind)) {
        refuse(dossier, refusalMessage(dossier.status, kind),
               std::string{toName(kind)} + " not allowed in status " + std::string{toName(dossier.status)});
    }
    const Context context{dossier, actor, now};
    return std::visit([&context](const auto& alternative) { return applyCommand(context, alternative); }, command);
}

}  // namespace motcua::domain
