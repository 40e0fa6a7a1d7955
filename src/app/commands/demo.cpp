#include "app/commands/commands.h"
#include "app/system_clock.h"
#include "app/wiring.h"
#include "common/log.h"
#include "domain/auth/principal.h"
#include "domain/core/error.h"
#include "service/auth_service.h"
#include "store/database.h"
#include "store/sql_script.h"
#include "store/user_repository.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace motcua::app {
namespace {

/// The demo password, printed by deploy/run next to the logins.
constexpr const char* kDemoPassword = "motcua2026";

struct DemoUser {
    const char* username;
    const char* full_name;
    domain::Role role;
    const char* agency_code;
};

constexpr DemoUser kDemoUsers[] = {
    {"admin", "Quản trị hệ thống", domain::Role::Admin, "000.00.00.H56"},
    {"tiepnhan", "Nguyễn Thị Hoa", domain::Role::DeskOfficer, "000.00.06.H56"},
    {"xuly", "Trần Văn Minh", domain::Role::ProcessingOfficer, "000.00.06.H56"},
    {"lanhdao", "Lê Quang Huy", domain::Role::Head, "000.00.06.H56"},
    {"thongke", "Phạm Thu Trang", domain::Role::Compiler, "000.00.00.H56"},
};

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

// motcua demo load: demo agencies, catalog and users (and dossiers, when the catalog has them),
// loaded once; a database that already has users is left as it is.
int runDemo(CommandContext& context) {
    validateConfig(context.config, true);
    const std::string action = context.args.empty() ? "" : context.args.front();
    if (action != "load") {
        throw Error(ErrorCode::InvalidArgument, "Dùng: motcua demo load", "bad demo usage");
    }
    SystemClock clock;
    auto database = makeDatabase(context.config);
    store::UserRepository users;
    const bool loaded = database->run([&](store::Session& s) { return users.findByUsername(s, "admin").has_value(); });
    if (loaded) {
        std::cout << "motcua demo: dữ liệu mẫu đã có sẵn; không nạp lại.\n";
        return kExitOk;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(context.config.demoDir())) {
        if (entry.path().extension() == ".sql") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    database->run([&](store::Session& s) {
        store::Transaction tx(s);
        for (const auto& file : files) {
            for (const auto& statement : store::splitSqlStatements(readFile(file))) s.execute(statement);
            log::info("demo.loaded", {{"file", file.filename().string()}});
        }
        tx.commit();
    });
    service::AuthService auth(*database, clock);
    for (const auto& user : kDemoUsers) {
        auth.createUser(user.username, user.full_name, user.role, user.agency_code, kDemoPassword);
    }
    std::cout << "motcua demo: đã nạp dữ liệu mẫu (" << files.size() << " tệp) và " << std::size(kDemoUsers)
              << " tài khoản, mật khẩu " << kDemoPassword << ".\n";
    return kExitOk;
}

}  // namespace motcua::app
