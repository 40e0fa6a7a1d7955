#pragma once
/// The dossier pages of the desk, the processing officer and the head: intake with procedure
/// search, search, dossier detail with the commands the user may give, "Hồ sơ của tôi", the
/// head's overdue and due-soon lists, and the printed forms. Shared helpers for those modules.

#include "http/router.h"
#include "service/dossier_service.h"
#include "web/web_app.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace motcua::service {
class AuthService;
class CatalogService;
class Clock;
class LocalTime;
class PublicLookupService;
}  // namespace motcua::service

namespace motcua::web {

/// What the dossier page modules work with.
struct DossierPagesContext {
    WebApp& web;
    service::DossierService& dossiers;
    service::CatalogService& catalog;
    service::AuthService& auth;  ///< logs reads of personal data the dossier service does not log itself
    const service::LocalTime& local_time;
    const service::Clock& clock;
};

/// Registers intake, search, list and detail pages and adds their navigation entries.
void registerDossierPages(http::Router& router, const DossierPagesContext& context);

/// Registers the dossier detail page and its command and apology forms.
void registerDossierDetail(http::Router& router, const DossierPagesContext& context);

/// Registers the printed forms: receipt, supplement request, refusal, apology, control sheet,
/// and the tracking register.
void registerPrintForms(http::Router& router, const DossierPagesContext& context);

/// Whether `user` may print the Phiếu chuyển xử lý of `hop`, one of `view`'s dossier's hops: the
/// receiving and handling agencies every hop; an agency the dossier only passed through, the
/// hops it sent or received.
bool mayPrintHop(const DossierPagesContext& ctx, const domain::Principal& user, const service::DossierView& view,
                 const domain::TransferHop& hop);

/// Registers the citizen's lookup page /tra-cuu (no sign-in, rate-limited per address).
void registerPublicLookup(http::Router& router, WebApp& web, service::PublicLookupService& lookup,
                          const service::LocalTime& local_time, const service::Clock& clock);

/// Returns the urlencoded body as a map (the last value of a repeated name wins).
std::map<std::string, std::string> formMap(const http::Request& request);

/// Returns the non-blank lines of a textarea, trimmed.
std::vector<std::string> textLines(const std::string& text);

/// Returns the dossier number (its id) written in an address, or throws Error(NotFound).
std::int64_t dossierNumber(const std::string& text);

/// Returns `field` as a template key: "applicant.name" → "err_applicant_name".
std::string errorKey(const std::string& field);

/// Returns the rows of a dossier table (code link, procedure, applicant, due, remaining, flags);
/// for `reader` at a desk, a dossier sent back at intake links to its intake again.
Data dossierRows(const std::vector<service::DossierView>& views, const service::LocalTime& lt,
                 const domain::Principal& reader);

/// Printed forms that the intake page shows right after saving a refused or incomplete dossier
/// (such a dossier has no code to print it by later).
http::Response printRefusal(const DossierPagesContext& context, const domain::Principal& user,
                            const service::DossierView& view, const std::string& reason);
http::Response printSupplementRequest(const DossierPagesContext& context, const domain::Principal& user,
                                      const service::DossierView& view, const std::string& reason,
                                      const std::vector<std::string>& items);

}  // namespace motcua::web
