#pragma once
/// The one typed configuration of motcua, built from the properties file, the
/// environment and compiled-in defaults, and validated before anything starts.

#include "domain/core/error.h"

#include <filesystem>
#include <optional>
#include <string>

namespace Poco::Util {
class AbstractConfiguration;
}

namespace motcua::app {

/// Invalid configuration: the process exits with 78 (EX_CONFIG).
class ConfigError : public Error {
public:
    ConfigError(std::string key, std::string message_vi)
        : Error(ErrorCode::InvalidArgument, std::move(message_vi), "invalid configuration " + key, key) {}
};

/// Every setting the server uses; nothing below app/ reads configuration itself.
struct Config {
    std::string http_host = "127.0.0.1";
    int http_port = 8080;
    int http_threads = 64;
    int http_max_body_kb = 1024;
    std::string db_url;  ///< empty until resolved from file or MOTCUA_DB_URL
    int db_pool_size = 32;
    std::string timezone = "Asia/Ho_Chi_Minh";
    std::filesystem::path home;  ///< holds sql/ and templates/
    std::string log_level = "info";
    int due_soon_working_hours = 8;

    std::filesystem::path migrationsDir() const { return home / "sql" / "migrations"; }
    std::filesystem::path templatesDir() const { return home / "templates"; }
    std::filesystem::path demoDir() const { return home / "sql" / "demo"; }
};

/// Builds the Config from `file` (a Poco properties file; keys under `motcua.`), then applies
/// the environment overrides MOTCUA_DB_URL, MOTCUA_HTTP_PORT and MOTCUA_HOME.
/// Throws ConfigError naming the key for unknown keys or invalid values.
Config loadConfig(const Poco::Util::AbstractConfiguration& file);

/// Validates ranges, the time zone and the directories; throws ConfigError.
/// `need_db` also requires a database URL.
void validateConfig(const Config& config, bool need_db);

}  // namespace motcua::app
