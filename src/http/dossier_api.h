#pragma once
/// Dossier endpoints: intake, get, list (filters, paging), transitions, apology, events, and
/// the compliance list of overdue dossiers without an apology.

#include "http/authenticator.h"
#include "http/router.h"
#include "service/dossier_service.h"

#include <Poco/JSON/Object.h>

namespace motcua::service {
class LocalTime;
}

namespace motcua::http {

/// Returns the JSON text of a dossier as the API shows it.
std::string dossierJson(const service::DossierView& view, const service::LocalTime& local_time);

/// Decodes an intake body; throws BadRequest/InvalidArgument naming every bad member.
service::IntakeInput intakeFromJson(const std::string& body, const service::LocalTime& local_time,
                                    date::sys_seconds now);

/// Decodes an intake already parsed as a JSON object (the page form builds the same object).
service::IntakeInput intakeFromObject(const Poco::JSON::Object::Ptr& body, const service::LocalTime& local_time,
                                      date::sys_seconds now);

/// Builds a transition command from its parts, as the API body or a page form sends them;
/// throws Error(InvalidArgument) for a missing command or version.
service::TransitionInput transitionInput(std::string command, std::optional<long long> version,
                                         std::map<std::string, std::string> fields, std::vector<std::string> items);

/// Registers the /api/v1/dossiers routes and /api/v1/compliance/overdue-without-apology.
void registerDossierRoutes(Router& router, Authenticator& authenticator, service::DossierService& dossiers,
                           const service::LocalTime& local_time, const service::Clock& clock);

}  // namespace motcua::http
