#pragma once
/// The legal rules the dossier service applies around the pure state machine, shared with the
/// province data generator so that generated histories follow exactly the same rules.

#include "domain/calendar/working_calendar.h"
#include "domain/deadline/deadline.h"
#include "domain/dossier/dossier.h"
#include "domain/dossier/dossier_event.h"
#include "service/local_time.h"

#include <date/date.h>

namespace motcua::service {

/// NĐ 61/2018 Đ18: the 15:00 cut-off concerns paper dossiers (direct, postal); online ones count
/// from receipt.
domain::ReceiptRule receiptRuleFor(domain::Channel channel);

/// Classifies a result finished at `now` against the legal due time of `dossier` (early / on
/// time / late; on time when no clock ran).
domain::Verdict verdictAt(const domain::Dossier& dossier, date::sys_seconds now, const LocalTime& local_time);

/// NĐ 61/2018 Đ19.9: the apology is due at the latest one working day before the appointment in
/// force, at the same time of day; `now` when the dossier has no appointment.
date::sys_seconds apologyLatestAllowed(const domain::Dossier& dossier, const domain::WorkingCalendar& calendar,
                                       const LocalTime& local_time, date::sys_seconds now);

/// Returns `event` as the event of dossier `id` (events are built before the row has its id).
domain::DossierEvent withDossierId(const domain::DossierEvent& event, std::int64_t id);

}  // namespace motcua::service
