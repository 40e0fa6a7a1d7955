#include "service/dossier_rules.h"

namespace motcua::service {

domain::ReceiptRule receiptRuleFor(domain::Channel channel) {
    return domain::isOnline(channel) ? domain::ReceiptRule::CountFromReceipt : domain::ReceiptRule::ApplyCutOff;
}

domain::Verdict verdictAt(const domain::Dossier& d, date::sys_seconds now, const LocalTime& lt) {
    const auto due = domain::legalDueAt(d);
    if (!due) return domain::Verdict::OnTime;
    switch (domain::classifyCompletion(lt.toLocal(now), lt.toLocal(*due))) {
        case domain::Timeliness::Early: return domain::Verdict::Early;
        case domain::Timeliness::OnTime: return domain::Verdict::OnTime;
        case domain::Timeliness::Late: return domain::Verdict::Late;
    }
    return domain::Verdict::Late;
}

date::sys_seconds apologyLatestAllowed(const domain::Dossier& d, const domain::WorkingCalendar& calendar,
                                       const LocalTime& lt, date::sys_seconds now) {
    const auto due = domain::appointmentDueAt(d);
    if (!due) return now;
    const auto local_due = lt.toLocal(*due);
    const auto day = date::floor<date::days>(local_due);
    const auto before = calendar.addWorkingDays(day, domain::WorkingDays{-1});
    return lt.toUtc(before + (local_due - day));
}

domain::DossierEvent withDossierId(const domain::DossierEvent& e, std::int64_t id) {
    return domain::DossierEvent(domain::DossierId{id}, e.sequence(), e.kind(), e.fromStatus(), e.toStatus(),
                                e.actorUser(), e.actorAgency(), e.at(), e.note(), e.payload());
}

}  // namespace motcua::service
