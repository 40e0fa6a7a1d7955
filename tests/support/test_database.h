#pragma once
/// A freshly migrated, uniquely named database on the test MariaDB that CTest started
/// (fixture `mariadb`, see tests/CMakeLists.txt); dropped when the object goes away.

#include "store/database.h"
#include "store/db_url.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace motcua::test {

/// Reads KEY=VALUE lines of the env file named by $MOTCUA_TEST_DB_ENV; returns "" if absent.
std::string testEnvValue(const std::string& key);

/// A private database for one test suite or test.
class TestDatabase {
public:
    /// Creates the database and applies every migration in sql/migrations (the real migrator).
    /// `migrate` false leaves it empty.
    explicit TestDatabase(bool migrate = true);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    /// Returns the URL of the test database (admin credentials).
    const store::DbUrl& url() const { return url_; }
    /// Returns a pool connected to it.
    store::Database& database() { return *database_; }
    /// Inserts an agency directly (for tests that need one before the catalog API); returns its id.
    std::int64_t insertAgency(const std::string& code, const std::string& name,
                              std::optional<std::int64_t> parent_id = std::nullopt);

    /// Returns the database name.
    const std::string& name() const { return url_.database; }

private:
    store::DbUrl admin_;
    store::DbUrl url_;
    std::unique_ptr<store::Database> database_;
};

/// Returns the directory of the source tree (for sql/ and templates/).
std::string sourceDir();

}  // namespace motcua::test
