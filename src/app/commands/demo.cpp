#include "app/commands/commands.h"
#include "app/system_clock.h"
#include "app/wiring.h"
#include "common/log.h"
#include "domain/auth/principal.h"
#include "domain/core/error.h"
#include "service/auth_service.h"
#include "service/demo_generator.h"
#include "store/database.h"
#include "store/sql_script.h"
#include "store/user_repository.h"

#include <algorithm>
#include <chrono>
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

/// Parses a positive integer option (default when absent).
std::int64_t countOption(const CommandContext& context, const std::string& name, std::int64_t fallback) {
    const auto text = context.option(name);
    if (!text) return fallback;
    try {
        std::size_t used = 0;
        const long long value = std::stoll(*text, &used);
        if (used == text->size() && value > 0) return value;
    } catch (const std::exception&) {
    }
    throw Error(ErrorCode::InvalidArgument, "--" + name + " phải là số nguyên dương (nhận được \"" + *text + "\").",
                "bad --" + name);
}

// motcua demo generate --dossiers N --agencies M --years Y [--seed S]: province-scale data.
int runGenerate(CommandContext& context) {
    SystemClock clock;
    Wiring wiring(context.config, clock);
    service::GenerateOptions options;
    options.dossiers = countOption(context, "dossiers", options.dossiers);
    options.agencies = static_cast<int>(countOption(context, "agencies", options.agencies));
    options.years = static_cast<int>(countOption(context, "years", options.years));
    options.seed = static_cast<std::uint64_t>(countOption(context, "seed", static_cast<std::int64_t>(options.seed)));
    service::DemoGenerator generator(wiring.database(), clock, wiring.calendar(), wiring.catalog());
    const auto started = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    std::int64_t reported = 0;
    const auto summary = generator.run(options, [&](std::int64_t done) {
        if (done - reported >= 100'000 || done == options.dossiers) {
            reported = done;
            std::cerr << "motcua demo generate: " << done << "/" << options.dossiers << " hồ sơ, "
                      << static_cast<long long>(static_cast<double>(done) / std::max(elapsed(), 1e-3)) << " hồ sơ/giây\n";
        }
    });
    std::cout << "{\"dossiers\":" << summary.dossiers << ",\"events\":" << summary.events
              << ",\"open\":" << summary.open << ",\"late\":" << summary.late << ",\"apologies\":" << summary.apologies
              << ",\"agencies_created\":" << summary.agencies_created
              << ",\"procedures_created\":" << summary.procedures_created << ",\"seconds\":" << elapsed() << "}\n";
    return kExitOk;
}

}  // namespace

// motcua demo load: demo agencies, catalog and users (and dossiers, when the catalog has them),
// loaded once; a database that already has users is left as it is.
int runDemo(CommandContext& context) {
    validateConfig(context.config, true);
    const std::string action = context.args.empty() ? "" : context.args.front();
    if (action == "generate") return runGenerate(context);
    if (action != "load") {
        throw Error(ErrorCode::InvalidArgument,
                    "Dùng: motcua demo load | motcua demo generate --dossiers N --agencies M --years Y [--seed S]",
                    "bad demo usage");
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
