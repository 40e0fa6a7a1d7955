#include "service/stats_records.h"

#include "service/catalog_service.h"
#include "service/local_time.h"
#include "store/dossier_repository.h"
#include "store/stats_repository.h"

namespace motcua::service {

domain::stats::RecordContext statsContext(CatalogService& catalog, const LocalTime& local_time) {
    return domain::stats::RecordContext{
        [&catalog](std::string_view code) {
            const auto entry = catalog.procedure(std::string(code));
            return domain::stats::ProcedureFacts{entry.procedure.field_code, entry.procedure.online_level};
        },
        [&local_time](date::sys_seconds t) { return local_time.toLocal(t); }};
}

void foldEvent(store::Session& session, store::StatsRepository& stats, store::DossierRepository& dossiers,
               const domain::DossierEvent& event, const domain::stats::RecordContext& context) {
    const std::int64_t id = event.dossierId().value;
    std::optional<domain::stats::DossierStatRecord> record;
    if (event.kind() == domain::DossierEventKind::Submitted) {
        record.emplace();
    } else {
        record = stats.find(session, id);
    }
    if (record && record->last_sequence == event.sequence() - 1) {
        domain::stats::applyEvent(*record, event, context);
    } else {
        const auto trail = dossiers.events(session, id);
        record = domain::stats::recordFromEvents(trail, context);
    }
    stats.upsert(session, *record);
}

}  // namespace motcua::service
