#include "support/test_database.h"

#include "store/migrator.h"

#include <cppconn/driver.h>
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace motcua::test {
namespace {

std::atomic<int> g_counter{0};

std::unique_ptr<sql::Connection> adminConnection(const store::DbUrl& admin) {
    sql::ConnectOptionsMap options;
    options["hostName"] = "tcp://" + admin.host + ":" + std::to_string(admin.port);
    options["userName"] = admin.user;
    options["password"] = admin.password;
    options["OPT_CHARSET_NAME"] = "utf8mb4";
    return std::unique_ptr<sql::Connection>(get_driver_instance()->connect(options));
}

void adminExecute(const store::DbUrl& admin, const std::string& statement) {
    auto connection = adminConnection(admin);
    std::unique_ptr<sql::Statement> s(connection->createStatement());
    s->execute(statement);
}

}  // namespace

std::string testEnvValue(const std::string& key) {
    const char* path = std::getenv("MOTCUA_TEST_DB_ENV");
    if (path == nullptr) return "";
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
    }
    return "";
}

std::string sourceDir() { return MOTCUA_SOURCE_DIR; }

TestDatabase::TestDatabase(bool migrate) {
    const std::string admin_url = testEnvValue("MOTCUA_DB_ADMIN_URL");
    if (admin_url.empty()) {
        throw std::runtime_error("MOTCUA_TEST_DB_ENV is not set or has no admin URL: run through ctest "
                                 "(fixture db.start) or deploy/test");
    }
    admin_ = store::DbUrl::parse(admin_url);
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count() % 1000000;
    const std::string name =
        "t_" + std::to_string(::getpid()) + "_" + std::to_string(stamp) + "_" + std::to_string(++g_counter);
    adminExecute(admin_, "CREATE DATABASE `" + name +
                             "` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_vietnamese_as_ci");
    url_ = admin_.withDatabase(name);
    store::DatabaseSettings settings;
    settings.url = url_;
    settings.max_connections = 16;
    database_ = std::make_unique<store::Database>(settings);
    if (migrate) {
        store::Migrator migrator(*database_, sourceDir() + "/sql/migrations");
        migrator.applyPending(date::sys_seconds{std::chrono::seconds{1'780'000'000}});
    }
}

std::int64_t TestDatabase::insertAgency(const std::string& code, const std::string& name,
                                        std::optional<std::int64_t> parent_id) {
    return database_->run([&](store::Session& s) {
        auto& insert = s.prepare(
            "INSERT INTO agencies (code, name, parent_id, created_at, updated_at)"
            " VALUES (?, ?, ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
        insert.setString(1, code);
        insert.setString(2, name);
        if (parent_id) {
            insert.setInt64(3, *parent_id);
        } else {
            insert.setNull(3, 0);
        }
        insert.executeUpdate();
        return s.lastInsertId();
    });
}

TestDatabase::~TestDatabase() {
    database_.reset();
    try {
        adminExecute(admin_, "DROP DATABASE IF EXISTS `" + url_.database + "`");
    } catch (const std::exception&) {
        // The fixture server may already be gone (it is torn down after the run); nothing to clean.
    }
}

}  // namespace motcua::test
