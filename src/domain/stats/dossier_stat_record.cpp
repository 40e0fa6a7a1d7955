#include "domain/stats/dossier_stat_record.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "domain/deadline/deadline.h"

#include <cstddef>
#include <utility>

namespace motcua::domain::stats {

namespace {

[[noreturn]] void throwBadTrail(const DossierEvent& event, const std::string& log) {
    throw Error{ErrorCode::InvalidArgument,
                "Nhật ký sự kiện của hồ sơ " + std::to_string(event.dossierId().value) +
                    " không hợp lệ, không thể tính lại số liệu thống kê",
                "dossier " + std::to_string(event.dossierId().value) + " event " +
                    std::to_string(event.sequence()) + ": " + log,
                std::string{"events"}};
}

std::string_view requireValue(const DossierEvent& event, std::string_view key) {
    const auto value = event.payloadValue(key);
    if (!value) throwBadTrail(event, "payload lacks " + std::string{key});
    return *value;
}

std::optional<int> digitsAt(std::string_view text, std::size_t pos, std::size_t count) noexcept {
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/// Parses the formatUtcInstant form "YYYY-MM-DDTHH:MM:SSZ".
std::optional<date::sys_seconds> parseUtcInstant(std::string_view text) noexcept {
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    const auto y = digitsAt(text, 0, 4);
    const auto mo = digitsAt(text, 5, 2);
    const auto d = digitsAt(text, 8, 2);
    const auto h = digitsAt(text, 11, 2);
    const auto mi = digitsAt(text, 14, 2);
    const auto s = digitsAt(text, 17, 2);
    if (!y || !mo || !d || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
    const date::year_month_day day{date::year{*y}, date::month{static_cast<unsigned>(*mo)},
                                   date::day{static_cast<unsigned>(*d)}};
    if (!day.ok()) return std::nullopt;
    return date::sys_seconds{date::sys_days{day}} + std::chrono::hours{*h} + std::chrono::minutes{*mi} +
           std::chrono::seconds{*s};
}

date::local_seconds localInstant(const DossierEvent& event, std::string_view key, const RecordContext& context) {
    const auto instant = parseUtcInstant(requireValue(event, key));
    if (!instant) throwBadTrail(event, "payload " + std::string{key} + " is not an ISO UTC instant");
    return context.to_local(*instant);
}

AgencyId agencyValue(const DossierEvent& event, std::string_view key) {
    const std::string_view text = requireValue(event, key);
    const auto value = wholeNumber<std::int64_t>(text);
    if (!value) throwBadTrail(event, "payload " + std::string{key} + " is not an id");
    return AgencyId{*value};
}

template <typename Parse>
auto enumValue(const DossierEvent& event, std::string_view key, Parse parse) {
    try {
        return parse(requireValue(event, key));
    } catch (const Error&) {
        throwBadTrail(event, "payload " + std::string{key} + " has an unknown name");
    }
}

Verdict toVerdict(Timeliness timeliness) noexcept {
    switch (timeliness) {
        case Timeliness::Early: return Verdict::Early;
        case Timeliness::OnTime: return Verdict::OnTime;
        case Timeliness::Late: return Verdict::Late;
    }
    return Verdict::Late;
}

/// The verdict of a stop or withdrawal after acceptance: the 766 end-time rule (rules.md §8)
/// ends the clock at the closing; it is judged against the due time then in force, and a dossier
/// closed while waiting for a supplement (clock stopped) is not late.
Verdict closingVerdict(const DossierStatRecord& record, date::local_seconds closed_at) {
    const auto clock = clockAt(record, closed_at);
    if (!clock) return Verdict::OnTime;
    if (!clock->due_at) return Verdict::OnTime;
    return toVerdict(classifyCompletion(closed_at, *clock->due_at));
}

void startRecord(DossierStatRecord& record, const DossierEvent& event, const RecordContext& context) {
    if (event.kind() != DossierEventKind::Submitted || event.sequence() != 1) {
        throwBadTrail(event, "a trail starts with the Submitted event, sequence 1");
    }
    record = DossierStatRecord{};
    record.dossier_id = event.dossierId();
    record.procedure_code = std::string{requireValue(event, "procedure_code")};
    record.channel = enumValue(event, "channel", parseChannel);
    record.receiving_agency =
        event.payloadValue("receiving_agency_id") ? agencyValue(event, "receiving_agency_id") : event.actorAgency();
    record.handling_agency = record.receiving_agency;
    if (event.payloadValue("result_delivery")) {
        record.result_delivery = enumValue(event, "result_delivery", parseResultDelivery);
    }
    const ProcedureFacts facts = context.procedure_facts(record.procedure_code);
    record.field_code = facts.field_code;
    record.procedure_online_level = facts.online_level;
}

}  // namespace

ToLocalTime fixedUtcOffset(std::chrono::seconds offset) {
    return [offset](date::sys_seconds instant) { return date::local_seconds{instant.time_since_epoch() + offset}; };
}

std::optional<ClockChange> clockAt(const DossierStatRecord& record, date::local_seconds at) noexcept {
    std::optional<ClockChange> in_force;
    for (const ClockChange& change : record.clock) {
        if (change.at <= at) in_force = change;
    }
    return in_force;
}

std::int32_t supplementRequestsAt(const DossierStatRecord& record, date::local_seconds at) noexcept {
    std::int32_t count = 0;
    for (const ClockChange& change : record.clock) {
        if (!change.due_at && change.at <= at) ++count;
    }
    return count;
}

void applyEvent(DossierStatRecord& record, const DossierEvent& event, const RecordContext& context) {
    if (event.kind() == DossierEventKind::Submitted || record.last_sequence == 0) {
        if (record.last_sequence != 0) throwBadTrail(event, "Submitted event on a started record");
        startRecord(record, event, context);
        record.status = event.toStatus();
        record.last_sequence = event.sequence();
        return;
    }
    if (event.dossierId() != record.dossier_id) throwBadTrail(event, "event of another dossier");
    if (event.sequence() != record.last_sequence + 1) throwBadTrail(event, "event out of sequence");

    const date::local_seconds at = context.to_local(event.at());
    switch (event.kind()) {
        case DossierEventKind::Submitted: break;  // handled above
        case DossierEventKind::Accepted: {
            record.code = std::string{requireValue(event, "code")};
            const auto received_at = localInstant(event, "received_at", context);
            const auto due = localInstant(event, "original_due_at", context);
            record.received_at = received_at;
            record.original_due_at = due;
            record.due_at = due;
            record.clock.assign(1, ClockChange{received_at, due});
            break;
        }
        case DossierEventKind::RefusedAtIntake:
            record.closed_at = at;
            break;
        case DossierEventKind::Transferred:
            record.handling_agency = agencyValue(event, "to_agency_id");
            break;
        case DossierEventKind::SupplementRequested:
            record.supplement_count += 1;
            record.clock.push_back(ClockChange{at, std::nullopt});
            break;
        case DossierEventKind::SupplementReceived: {
            // NĐ 61/2018 Đ19.4 as amended by NĐ 107/2021: the time is counted again from the
            // receipt of the complete dossier; the caller computed the restarted due time.
            const auto received_at = localInstant(event, "received_at", context);
            const auto due = localInstant(event, "restarted_due_at", context);
            record.due_at = due;
            record.clock.push_back(ClockChange{received_at, due});
            break;
        }
        case DossierEventKind::Resolved:
        case DossierEventKind::RejectedAfterAppraisal:
            record.resolved_at = at;
            record.verdict = enumValue(event, "verdict", parseVerdict);
            record.outcome = enumValue(event, "outcome", parseResolutionOutcome);
            break;
        case DossierEventKind::Stopped:
        case DossierEventKind::Withdrawn:
            record.closed_at = at;
            if (record.received_at) record.verdict = closingVerdict(record, at);
            break;
        case DossierEventKind::Returned:
            record.returned_at = localInstant(event, "returned_at", context);
            record.result_delivery = enumValue(event, "delivery", parseResultDelivery);
            break;
        case DossierEventKind::DeadlineRecalculated: {
            const auto due = localInstant(event, "new_due_at", context);
            record.due_at = due;
            record.clock.push_back(ClockChange{at, due});
            break;
        }
        case DossierEventKind::ApologyIssued:
            record.apology_issued = true;
            record.apology_issued_at = localInstant(event, "issued_at", context);
            record.apology_timely = requireValue(event, "timely") == "true";
            break;
        case DossierEventKind::CompletionRequestedAtIntake:
        case DossierEventKind::OfficerAssigned:
        case DossierEventKind::ProcessingStarted:
        case DossierEventKind::FinancialObligationRequested:
        case DossierEventKind::PaymentConfirmed:
            break;
    }
    record.status = event.toStatus();
    record.last_sequence = event.sequence();
}

DossierStatRecord recordFromEvents(std::span<const DossierEvent> events, const RecordContext& context) {
    if (events.empty()) {
        throw Error{ErrorCode::InvalidArgument, "Hồ sơ không có sự kiện nào, không thể tính lại số liệu thống kê",
                    "empty event trail", std::string{"events"}};
    }
    DossierStatRecord record;
    for (const DossierEvent& event : events) applyEvent(record, event, context);
    return record;
}

}  // namespace motcua::domain::stats
