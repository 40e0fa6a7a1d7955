#pragma once
/// The citizen's status lookup (no sign-in): a dossier code plus the last four digits of the
/// applicant's phone show where the dossier stands and when the result is due — nothing
/// personal. A wrong code and wrong digits give the same empty answer, so the lookup tells
/// nobody which codes exist.

#include "service/clock.h"

#include <date/date.h>

#include <optional>
#include <string>

namespace motcua::store {
class Database;
}

namespace motcua::service {

class CatalogService;

/// What the public lookup shows.
struct PublicStatus {
    std::string code;
    std::string status_label;        ///< DVCQG wording, e.g. "Đang xử lý"
    std::string procedure_name;
    std::string handling_agency_name;
    std::optional<date::sys_seconds> received_at;
    std::optional<date::sys_seconds> due_at;       ///< the appointment the citizen holds
    std::optional<date::sys_seconds> returned_at;
    bool result_ready = false;       ///< resolved, waiting to be collected
    bool finished = false;           ///< returned, refused, stopped or withdrawn
    bool overdue = false;            ///< past the appointment and not yet resolved
};

class PublicLookupService {
public:
    PublicLookupService(store::Database& database, CatalogService& catalog, const Clock& clock);

    /// Returns the public status of dossier `code` when `phone_last4` is four digits equal to the
    /// last four digits of the applicant's phone; std::nullopt otherwise (unknown code, wrong
    /// digits, no phone on file) without telling which. The code may come with spaces around it
    /// and in small letters, as typed or pasted.
    std::optional<PublicStatus> find(const std::string& code, const std::string& phone_last4);

private:
    store::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
};

/// Returns the last four digits of `phone` ignoring spaces, dots and "+84"; "" with fewer digits.
std::string lastFourDigits(const std::string& phone);

}  // namespace motcua::service
