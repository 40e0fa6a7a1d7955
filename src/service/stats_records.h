#pragma once
/// Keeping the statistics records current: each new audit event is folded into its dossier's
/// record (domain::stats::applyEvent) in the event's own transaction; the same fold over a whole
/// trail (recordFromEvents) rebuilds or verifies a record.

#include "domain/dossier/dossier_event.h"
#include "domain/stats/dossier_stat_record.h"

namespace motcua::store {
class Session;
class DossierRepository;
class StatsRepository;
}  // namespace motcua::store

namespace motcua::service {

class CatalogService;
class LocalTime;

/// The facts a record needs besides the events: the procedure's field and online level from the
/// catalog, and local time.
domain::stats::RecordContext statsContext(CatalogService& catalog, const LocalTime& local_time);

/// Folds `event` (already appended to the trail) into its dossier's stored record and stores it.
/// A dossier without a record (e.g. written before records existed) gets one rebuilt from its
/// whole trail instead.
void foldEvent(store::Session& session, store::StatsRepository& stats, store::DossierRepository& dossiers,
               const domain::DossierEvent& event, const domain::stats::RecordContext& context);

}  // namespace motcua::service
