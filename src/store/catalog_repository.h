#pragma once
/// Storage of the catalog: agencies (a tree), fields (lĩnh vực) and procedures.

#include "domain/catalog/catalog_entry.h"
#include "domain/catalog/field.h"
#include "store/database.h"

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::store {

/// Reads and writes the catalog; every function runs in the caller's session.
class CatalogRepository {
public:
    /// Returns every agency, by id.
    std::vector<domain::AgencyEntry> agencies(Session& session);
    /// Returns the agency with `code`, if any.
    std::optional<domain::AgencyEntry> agencyByCode(Session& session, const std::string& code);
    /// Inserts an agency; returns its id. Throws Error(AlreadyExists) for a taken code.
    std::int64_t insertAgency(Session& session, const domain::AgencyEntry& row, date::sys_seconds now);
    /// Updates name, parent and details of the agency with `row.agency.code`.
    void updateAgency(Session& session, const domain::AgencyEntry& row, date::sys_seconds now);

    /// Returns every field, by code.
    std::vector<domain::Field> fields(Session& session);
    /// Inserts or renames a field; returns its id.
    std::int64_t upsertField(Session& session, const domain::Field& field, date::sys_seconds now);
    /// Returns the id of the field with `code`, if any.
    std::optional<std::int64_t> fieldId(Session& session, const std::string& code);

    /// Returns every procedure, by code, with its agencies.
    std::vector<domain::ProcedureEntry> procedures(Session& session);
    /// Returns the procedure with `code`, if any.
    std::optional<domain::ProcedureEntry> procedureByCode(Session& session, const std::string& code);
    /// Returns the procedure with `id`, if any.
    std::optional<domain::ProcedureEntry> procedureById(Session& session, std::int64_t id);
    /// Inserts or updates (by code) a procedure and replaces its agency list; returns its id.
    std::int64_t upsertProcedure(Session& session, const domain::ProcedureEntry& row, std::int64_t field_id,
                                 const std::vector<std::int64_t>& agency_ids, date::sys_seconds now);
};

}  // namespace motcua::store
