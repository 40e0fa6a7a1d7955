#pragma once
/// Forward-only, checksummed schema migrations from `sql/migrations/NNNN_name.sql`.

#include "store/database.h"

#include <date/date.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace motcua::store {

/// One migration file found on disk.
struct MigrationFile {
    int version = 0;
    std::string name;
    std::string sha256;
    std::filesystem::path path;
};

/// A migration file and whether (and when) the database has applied it.
struct MigrationState {
    MigrationFile file;
    bool applied = false;
};

/// Applies migrations in order and records (version, name, sha256, applied_at) in schema_migrations.
class Migrator {
public:
    /// Reads the migration directory; throws Error(InvalidArgument) for a misnamed or duplicate file.
    Migrator(Database& database, std::filesystem::path directory);

    /// Returns every file with its state. Throws Error(FailedPrecondition) when an applied
    /// file's checksum changed or the database has a version no file explains.
    std::vector<MigrationState> status();

    /// Returns the files not yet applied (after the same checks as `status()`).
    std::vector<MigrationFile> pending();

    /// Applies every pending file, each statement in order; returns how many files were applied.
    /// `now` is recorded as applied_at. Throws Error naming the file and statement on failure.
    int applyPending(date::sys_seconds now);

private:
    Database& database_;
    std::vector<MigrationFile> files_;
};

}  // namespace motcua::store
