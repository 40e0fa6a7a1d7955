#include "store/migrator.h"

#include "common/log.h"
#include "domain/core/error.h"
#include "store/sql_error.h"
#include "store/sql_script.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace motcua::store {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INT NOT NULL PRIMARY KEY,"
    " name VARCHAR(200) NOT NULL,"
    " sha256 CHAR(64) NOT NULL,"
    " applied_at DATETIME(3) NOT NULL"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
constexpr std::string_view kSelectApplied = "SELECT version, name, sha256 FROM schema_migrations ORDER BY version";
constexpr std::string_view kInsertApplied =
    "INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kLock = "SELECT GET_LOCK('motcua_migrate', 60)";
constexpr std::string_view kUnlock = "SELECT RELEASE_LOCK('motcua_migrate')";

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::Internal, "Không đọc được tệp migration " + path.string(), "cannot read " + path.string());
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string sha256(const std::string& text) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(text);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

struct AppliedRow {
    std::string name;
    std::string sha256;
};

std::map<int, AppliedRow> readApplied(Session& session) {
    session.execute(kCreateTable);
    std::map<int, AppliedRow> applied;
    std::unique_ptr<sql::ResultSet> rows(session.prepare(kSelectApplied).executeQuery());
    while (rows->next()) {
        applied[rows->getInt(1)] = AppliedRow{rows->getString(2), rows->getString(3)};
    }
    return applied;
}

std::string formatUtc(date::sys_seconds t) { return date::format("%F %T", t); }

}  // namespace

Migrator::Migrator(Database& database, std::filesystem::path directory) : database_(database) {
    if (!std::filesystem::is_directory(directory)) {
        throw Error(ErrorCode::InvalidArgument, "Không thấy thư mục migration: " + directory.string(),
                    "migration directory missing: " + directory.string());
    }
    static const std::regex kName(R"(^(\d{4})_([a-z0-9_]+)\.sql$)");
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
        const std::string filename = entry.path().filename().string();
        std::smatch match;
        if (!std::regex_match(filename, match, kName)) {
            throw Error(ErrorCode::InvalidArgument, "Tên tệp migration sai quy ước NNNN_ten.sql: " + filename,
                        "bad migration file name: " + filename);
        }
        files_.push_back(MigrationFile{std::stoi(match[1].str()), filename, sha256(readFile(entry.path())),
                                       entry.path()});
    }
    std::sort(files_.begin(), files_.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < files_.size(); ++i) {
        if (files_[i].version == files_[i - 1].version) {
            throw Error(ErrorCode::InvalidArgument, "Hai tệp migration cùng số " + std::to_string(files_[i].version),
                        "duplicate migration version");
        }
    }
}

std::vector<MigrationState> Migrator::status() {
    const auto applied = database_.run([](Session& session) { return readApplied(session); });
    std::vector<MigrationState> out;
    for (const auto& file : files_) {
        const auto found = applied.find(file.version);
        if (found != applied.end() && found->second.sha256 != file.sha256) {
            throw Error(ErrorCode::FailedPrecondition,
                        "Tệp migration " + file.name + " đã bị sửa sau khi áp dụng (sai checksum). "
                        "Không sửa migration đã áp dụng; hãy thêm tệp mới.",
                        "checksum mismatch for applied migration " + file.name);
        }
        out.push_back(MigrationState{file, found != applied.end()});
    }
    for (const auto& [applied_version, row] : applied) {
        const int version = applied_version;  // clang 14 cannot capture a structured binding
        const bool known = std::any_of(files_.begin(), files_.end(), [&](const auto& f) { return f.version == version; });
        if (!known) {
            throw Error(ErrorCode::FailedPrecondition,
                        "CSDL đã áp dụng migration " + row.name + " mà bản cài đặt này không có. Hãy dùng bản mới hơn.",
                        "database has unknown migration " + std::to_string(version));
        }
    }
    return out;
}

std::vector<MigrationFile> Migrator::pending() {
    std::vector<MigrationFile> out;
    for (const auto& state : status()) {
        if (!state.applied) out.push_back(state.file);
    }
    return out;
}

int Migrator::applyPending(date::sys_seconds now) {
    return database_.run([&](Session& session) {
        std::unique_ptr<sql::ResultSet> locked(session.prepare(kLock).executeQuery());
        int count = 0;
        try {
            const auto applied = readApplied(session);
            for (const auto& file : files_) {
                if (applied.count(file.version) != 0) continue;
                const auto statements = splitSqlStatements(readFile(file.path));
                for (std::size_t i = 0; i < statements.size(); ++i) {
                    try {
                        session.execute(statements[i]);
                    } catch (const sql::SQLException& e) {
                        throw Error(ErrorCode::Internal,
                                    "Migration " + file.name + " lỗi ở câu lệnh số " + std::to_string(i + 1) + ": " +
                                        e.what(),
                                    "migration " + file.name + " failed at statement " + std::to_string(i + 1) +
                                        ": " + e.what());
                    }
                }
                auto& insert = session.prepare(kInsertApplied);
                insert.setInt(1, file.version);
                insert.setString(2, file.name);
                insert.setString(3, file.sha256);
                insert.setString(4, formatUtc(now));
                insert.executeUpdate();
                log::info("migrate.applied", {{"file", file.name}, {"statements", std::to_string(statements.size())}});
                ++count;
            }
        } catch (...) {
            std::unique_ptr<sql::ResultSet> unlocked(session.prepare(kUnlock).executeQuery());
            throw;
        }
        std::unique_ptr<sql::ResultSet> unlocked(session.prepare(kUnlock).executeQuery());
        return count;
    });
}

}  // namespace motcua::store
