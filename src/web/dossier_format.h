#pragma once
/// What pages and printed forms show of a dossier: instants in the agency's civil time as the
/// forms word them ("09 giờ 00 phút, ngày 18/11/2026"), and a dossier as template data.

#include "service/dossier_service.h"
#include "web/template_set.h"

#include <date/date.h>

#include <optional>
#include <string>

namespace motcua::service {
class CatalogService;
class LocalTime;
}  // namespace motcua::service

namespace motcua::web {

/// Returns "dd/mm/yyyy HH:MM" in local time, or "" when empty.
std::string shortTime(const std::optional<date::sys_seconds>& t, const service::LocalTime& lt);

/// Returns when the step of `e` took place, "dd/mm/yyyy HH:MM": for a receipt entered later (a
/// postal handover, a dossier logged after the citizen left, a supplement received earlier)
/// the time it records, followed by "(nhập lúc …)" with the time it was entered.
std::string eventTime(const domain::DossierEvent& e, const service::LocalTime& lt);

/// Returns "HH giờ MM phút, ngày dd/mm/yyyy" in local time (the wording of the forms), or "".
std::string formTime(const std::optional<date::sys_seconds>& t, const service::LocalTime& lt);

/// Returns "YYYY-MM-DDTHH:MM" in local time for a datetime-local input, or "".
std::string inputTime(const std::optional<date::sys_seconds>& t, const service::LocalTime& lt);

/// Returns "<place>, ngày dd tháng mm năm yyyy" for the form header.
std::string placeDate(const std::string& place, date::sys_seconds t, const service::LocalTime& lt);

/// Sets `key` only when `value` is not empty (Mustache treats an empty string as true, so an
/// optional line guarded by {{#key}} must not see "").
void setIf(Data& data, const std::string& key, const std::string& value);

/// Returns the dossier's code, status, procedure, applicant, documents, times and flags as
/// template data (keys as the templates name them: code, status_label, applicant_name, …).
Data dossierData(const service::DossierView& view, const service::LocalTime& lt);

/// Adds the header block of a printed form for `agency_code` (agency_name, agency_parent,
/// head_title, place_date, …) dated `at` to `into`.
void addFormHeader(Data& into, service::CatalogService& catalog, const std::string& agency_code, date::sys_seconds at,
                   const service::LocalTime& lt);

}  // namespace motcua::web
