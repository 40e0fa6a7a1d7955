#pragma once
/// Catalog use cases: the agency tree (cached), fields, procedures, CSV import and export.

#include "domain/auth/principal.h"
#include "domain/catalog/catalog_entry.h"
#include "domain/catalog/field.h"
#include "service/clock.h"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace motcua::store {
class Database;
class CatalogRepository;
class Session;
}  // namespace motcua::store

namespace motcua::service {

/// What a CSV import did.
struct ImportResult {
    int created_or_updated = 0;
};

/// Which catalog table a CSV file holds.
enum class CatalogKind { Agencies, Fields, Procedures };

/// Parses "agencies" | "fields" | "procedures"; throws Error(InvalidArgument).
CatalogKind parseCatalogKind(const std::string& name);

class CatalogService {
public:
    /// How long the cached agency tree may be served before checking the database again.
    static constexpr std::chrono::seconds kTreeTtl{30};

    CatalogService(store::Database& database, const Clock& clock);
    ~CatalogService();

    /// Returns the agency tree (cached; rebuilt after a change or after kTreeTtl).
    std::shared_ptr<const domain::AgencyTree> tree();
    /// Tells whether `agency` is the principal's agency or below it.
    bool inScope(const domain::Principal& principal, domain::AgencyId agency);
    /// Tells whether `agency` is marked active in the catalog (cached with the tree).
    bool agencyActive(domain::AgencyId agency);

    std::vector<domain::AgencyEntry> agencies();
    /// Returns the agency with `code`; throws Error(NotFound).
    domain::AgencyEntry agency(const std::string& code);
    /// Creates or updates (by code) an agency; admin only. Throws Error(InvalidArgument) listing
    /// every bad field, Error(NotFound) for an unknown parent, Error(FailedPrecondition) for a cycle.
    domain::AgencyEntry saveAgency(const domain::Principal& principal, const domain::AgencyEntry& entry);
    /// Like saveAgency, for a new agency only: throws Error(AlreadyExists) when the code is taken.
    domain::AgencyEntry createAgency(const domain::Principal& principal, const domain::AgencyEntry& entry);

    std::vector<domain::Field> fields();
    /// Creates or renames a field; admin only.
    domain::Field saveField(const domain::Principal& principal, const domain::Field& field);

    std::vector<domain::ProcedureEntry> procedures();
    /// Returns the procedure with `code`; throws Error(NotFound) with a message for the desk.
    domain::ProcedureEntry procedure(const std::string& code);
    /// Creates or updates (by code) a procedure; admin only. Unknown field or agency codes are
    /// field errors.
    domain::ProcedureEntry saveProcedure(const domain::Principal& principal, const domain::ProcedureEntry& entry);

    /// Returns the table as CSV (UTF-8 with BOM, header row first).
    std::string exportCsv(CatalogKind kind);
    /// Imports a CSV file of the same shape; admin only. Every row is an upsert by code, so a
    /// file can be re-imported. The shape of every row is checked before anything is written;
    /// the first row that fails validation stops the import with an error naming its line, and
    /// nothing of the file is saved (all rows are written in one transaction).
    ImportResult importCsv(const domain::Principal& principal, CatalogKind kind, const std::string& text);

private:
    void requireAdmin(const domain::Principal& principal);
    void invalidate();
    /// The writes of saveAgency, saveField and saveProcedure, in the caller's transaction.
    /// `create_only`: refuse (AlreadyExists) a code already in the catalog.
    void writeAgency(store::Session& s, domain::AgencyEntry& entry, date::sys_seconds now, bool create_only = false);
    void writeField(store::Session& s, const domain::Field& field, date::sys_seconds now);
    void writeProcedure(store::Session& s, const domain::ProcedureEntry& entry, date::sys_seconds now);
    domain::AgencyEntry storeAgency(const domain::Principal& principal, const domain::AgencyEntry& entry, bool create_only);

    store::Database& database_;
    const Clock& clock_;
    std::unique_ptr<store::CatalogRepository> repository_;
    std::mutex mutex_;
    std::shared_ptr<const domain::AgencyTree> tree_;
    std::set<std::int64_t> inactive_;  ///< agencies marked inactive, loaded with tree_
    std::chrono::steady_clock::time_point tree_loaded_at_;
    /// Procedures by code (a province's catalog is a few thousand rows), same lifetime as the tree.
    std::shared_ptr<const std::map<std::string, domain::ProcedureEntry>> procedures_;
    std::chrono::steady_clock::time_point procedures_loaded_at_;
};

}  // namespace motcua::service
