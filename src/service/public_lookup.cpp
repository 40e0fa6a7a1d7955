#include "service/public_lookup.h"

#include "domain/dossier/dossier.h"
#include "service/catalog_service.h"
#include "store/database.h"
#include "store/dossier_repository.h"

#include <openssl/crypto.h>

namespace motcua::service {
namespace {

/// The code as the receipt prints it, from what a citizen typed or pasted: without the spaces
/// around it, and with capital letters (codes hold no small ones).
std::string receiptCode(const std::string& typed) {
    const auto first = typed.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    std::string code = typed.substr(first, typed.find_last_not_of(" \t\r\n") - first + 1);
    for (char& c : code) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return code;
}

}  // namespace

std::string lastFourDigits(const std::string& phone) {
    std::string digits;
    for (char c : phone) {
        if (c >= '0' && c <= '9') digits.push_back(c);
    }
    return digits.size() < 4 ? "" : digits.substr(digits.size() - 4);
}

PublicLookupService::PublicLookupService(store::Database& database, CatalogService& catalog, const Clock& clock)
    : database_(database), catalog_(catalog), clock_(clock) {}

std::optional<PublicStatus> PublicLookupService::find(const std::string& typed_code, const std::string& phone_last4) {
    const std::string code = receiptCode(typed_code);
    if (code.empty() || code.size() > 64 || phone_last4.size() != 4) return std::nullopt;
    for (char c : phone_last4) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    store::DossierRepository repository;
    const auto found = database_.run([&](store::Session& s) { return repository.findByCode(s, code, false); });
    const std::string expected = found ? lastFourDigits(found->applicant.phone) : std::string("----");
    // Compared in constant time, and with a dummy value for an unknown code.
    const bool match = !expected.empty() && CRYPTO_memcmp(expected.data(), phone_last4.data(), 4) == 0;
    if (!found || !match) return std::nullopt;
    const auto& d = *found;
    PublicStatus out;
    out.code = d.code ? d.code->str() : code;
    out.status_label = std::string(domain::labelVi(d.status));
    out.procedure_name = catalog_.procedure(d.procedure_code.str()).procedure.name;
    out.handling_agency_name = catalog_.tree()->get(d.handling_agency).name;
    out.received_at = d.received_at;
    out.due_at = domain::appointmentDueAt(d);
    out.returned_at = d.timing.returned_at;
    out.result_ready = d.status == domain::DossierStatus::Resolved;
    out.finished = domain::isFinal(d.status);
    out.overdue = !out.finished && !out.result_ready && out.due_at && *out.due_at < clock_.now();
    return out;
}

}  // namespace motcua::service
