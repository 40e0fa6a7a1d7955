#include "app/config.h"

#include "common/log.h"
#include "domain/core/error.h"
#include "store/db_url.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <date/tz.h>

#include <cstdlib>
#include <set>

#ifndef MOTCUA_DEFAULT_HOME
#define MOTCUA_DEFAULT_HOME "."
#endif

namespace motcua::app {
namespace {

const std::set<std::string> kKnownKeys = {
    "http.host", "http.port", "http.threads", "http.max_body_kb", "db.url", "db.pool_size",
    "timezone",  "home",      "log.level",    "dossier.due_soon_working_hours",
};

ConfigError badValue(const std::string& key, const std::string& why) {
    return ConfigError("motcua." + key, "Cấu hình motcua." + key + " không hợp lệ: " + why);
}

int intIn(const Poco::Util::AbstractConfiguration& file, const std::string& key, int fallback, int lo, int hi) {
    const std::string full = "motcua." + key;
    if (!file.has(full)) return fallback;
    int value = 0;
    try {
        value = file.getInt(full);
    } catch (const Poco::Exception&) {
        throw badValue(key, "phải là số nguyên");
    }
    if (value < lo || value > hi) {
        throw badValue(key, "phải trong khoảng " + std::to_string(lo) + "–" + std::to_string(hi));
    }
    return value;
}

std::string text(const Poco::Util::AbstractConfiguration& file, const std::string& key, const std::string& fallback) {
    const std::string full = "motcua." + key;
    if (!file.has(full)) return fallback;
    std::string value = file.getString(full);
    // Poco leaves an unset ${system.env.X} reference as it is: treat that as "not set".
    if (value.find("${") != std::string::npos) return fallback;
    return value;
}

void rejectUnknownKeys(const Poco::Util::AbstractConfiguration& file, const std::string& prefix) {
    Poco::Util::AbstractConfiguration::Keys keys;
    file.keys(prefix.empty() ? "motcua" : "motcua." + prefix, keys);
    for (const auto& key : keys) {
        const std::string name = prefix.empty() ? key : prefix + "." + key;
        if (kKnownKeys.count(name) != 0) continue;
        Poco::Util::AbstractConfiguration::Keys children;
        file.keys("motcua." + name, children);
        if (!children.empty()) {
            rejectUnknownKeys(file, name);
            continue;
        }
        throw ConfigError("motcua." + name, "Khóa cấu hình không được hỗ trợ: motcua." + name);
    }
}

[[noreturn]] void badLevel(const std::string& level) {
    throw badValue("log.level", "\"" + level + "\" không thuộc debug, info, warn, error");
}

}  // namespace

Config loadConfig(const Poco::Util::AbstractConfiguration& file) {
    rejectUnknownKeys(file, "");
    Config c;
    c.http_host = text(file, "http.host", c.http_host);
    c.http_port = intIn(file, "http.port", c.http_port, 0, 65535);
    c.http_threads = intIn(file, "http.threads", c.http_threads, 2, 1024);
    c.http_max_body_kb = intIn(file, "http.max_body_kb", c.http_max_body_kb, 1, 64 * 1024);
    c.db_url = text(file, "db.url", "");
    c.db_pool_size = intIn(file, "db.pool_size", c.db_pool_size, 1, 1000);
    c.timezone = text(file, "timezone", c.timezone);
    c.home = text(file, "home", MOTCUA_DEFAULT_HOME);
    c.log_level = text(file, "log.level", c.log_level);
    c.due_soon_working_hours = intIn(file, "dossier.due_soon_working_hours", c.due_soon_working_hours, 1, 400);

    if (const char* url = std::getenv("MOTCUA_DB_URL"); url != nullptr && *url != '\0') c.db_url = url;
    if (const char* home = std::getenv("MOTCUA_HOME"); home != nullptr && *home != '\0') c.home = home;
    if (const char* port = std::getenv("MOTCUA_HTTP_PORT"); port != nullptr && *port != '\0') {
        try {
            const int value = std::stoi(port);
            if (value < 0 || value > 65535) throw std::out_of_range("port");
            c.http_port = value;
        } catch (const std::exception&) {
            throw badValue("http.port", std::string("biến môi trường MOTCUA_HTTP_PORT=") + port + " không phải cổng hợp lệ");
        }
    }
    return c;
}

void validateConfig(const Config& config, bool need_db) {
    if (need_db) {
        if (config.db_url.empty()) {
            throw ConfigError("motcua.db.url",
                              "Chưa cấu hình CSDL: đặt biến MOTCUA_DB_URL=mysql://người_dùng:mật_khẩu@máy:cổng/tên_csdl "
                              "hoặc khóa motcua.db.url (deploy/run tự khởi động CSDL riêng).");
        }
        try {
            store::DbUrl::parse(config.db_url);
        } catch (const Error& e) {
            throw ConfigError("motcua.db.url", e.userMessage());
        }
    }
    try {
        date::locate_zone(config.timezone);
    } catch (const std::exception&) {
        throw badValue("timezone", "không có múi giờ " + config.timezone + " trong cơ sở dữ liệu tz");
    }
    if (!std::filesystem::is_directory(config.migrationsDir())) {
        throw badValue("home", "không thấy thư mục " + config.migrationsDir().string());
    }
    if (!std::filesystem::is_directory(config.templatesDir())) {
        throw badValue("home", "không thấy thư mục " + config.templatesDir().string());
    }
    log::Level level = log::Level::Info;
    if (!log::parseLevel(config.log_level, level)) badLevel(config.log_level);
}

}  // namespace motcua::app
