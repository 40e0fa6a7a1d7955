#include "app/motcua_application.h"

#include "app/commands/commands.h"
#include "common/log.h"
#include "domain/core/error.h"
#include "store/database.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionCallback.h>
#include <Poco/Util/OptionSet.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace motcua::app {
namespace {

/// Options that take a value, with their help text. Subcommands read the ones they accept.
struct ValueOption {
    const char* name;
    const char* help;
};
constexpr ValueOption kValueOptions[] = {
    {"config", "properties file (default: $MOTCUA_CONFIG, then built-in defaults)"},
    {"year", "calendar holidays: the year"},
    {"received", "calendar deadline: receipt time, ISO 8601 with offset"},
    {"duration", "calendar deadline: 5d | 4h | 10cd | same_day"},
    {"agency", "agency code"},
    {"channel", "intake channel: direct | online_full | online_partial | postal"},
    {"period", "report period: 2026-Q3, 2026-M07, 2026-H1, 2026, or FROM..TO"},
    {"format", "output format: json | csv | xlsx"},
    {"output", "output file"},
    {"username", "user login name"},
    {"password", "user password (prefer the prompt or MOTCUA_PASSWORD)"},
    {"role", "user role"},
    {"name", "full name"},
    {"dossiers", "demo generate: number of dossiers"},
    {"agencies", "demo generate: number of agencies"},
    {"years", "demo generate: number of years"},
    {"seed", "demo generate: random seed"},
    {"group", "report rows: agency | field | procedure"},
    {"attribution", "report: count a dossier under its receiving | handling agency"},
};

/// Options without a value (`--verify`).
constexpr ValueOption kFlagOptions[] = {
    {"verify", "report: compare the statistics records with the audit trail"},
    {"rebuild", "report: rewrite the statistics records from the audit trail"},
};

}  // namespace

void MotcuaApplication::initialize(Poco::Util::Application& self) {
    // Configuration is loaded explicitly from --config (STYLE.md 9.6), not by file-name lookup.
    std::string file;
    if (const auto found = options_.find("config"); found != options_.end()) {
        file = found->second;
    } else if (const char* env = std::getenv("MOTCUA_CONFIG"); env != nullptr && *env != '\0') {
        file = env;
    }
    if (!file.empty()) {
        if (!std::filesystem::exists(file)) {
            std::cerr << "motcua: không thấy tệp cấu hình " << file << "\n";
            std::exit(kExitConfig);
        }
        loadConfiguration(file);
    }
    Poco::Util::ServerApplication::initialize(self);
}

void MotcuaApplication::defineOptions(Poco::Util::OptionSet& options) {
    Poco::Util::ServerApplication::defineOptions(options);
    options.addOption(Poco::Util::Option("help", "h", "show help")
                          .required(false)
                          .repeatable(false)
                          .callback(Poco::Util::OptionCallback<MotcuaApplication>(this, &MotcuaApplication::handleHelp)));
    for (const auto& option : kValueOptions) {
        options.addOption(Poco::Util::Option(option.name, "", option.help)
                              .required(false)
                              .repeatable(false)
                              .argument("value")
                              .callback(Poco::Util::OptionCallback<MotcuaApplication>(
                                  this, &MotcuaApplication::handleValueOption)));
    }
    for (const auto& option : kFlagOptions) {
        options.addOption(Poco::Util::Option(option.name, "", option.help)
                              .required(false)
                              .repeatable(false)
                              .callback(Poco::Util::OptionCallback<MotcuaApplication>(
                                  this, &MotcuaApplication::handleFlagOption)));
    }
}

void MotcuaApplication::handleFlagOption(const std::string& name, const std::string&) { options_[name] = "1"; }

void MotcuaApplication::handleValueOption(const std::string& name, const std::string& value) { options_[name] = value; }

void MotcuaApplication::handleHelp(const std::string&, const std::string&) {
    help_ = true;
    stopOptionsProcessing();
}

void MotcuaApplication::printUsage() const {
    std::cout << "motcua — hệ thống theo dõi hồ sơ thủ tục hành chính tại Bộ phận Một cửa\n\n"
                 "Dùng: motcua <lệnh> [tùy chọn]\n\n"
                 "Lệnh:\n"
                 "  serve                      chạy máy chủ HTTP (API /api/v1 và các trang)\n"
                 "  migrate [apply|status]     áp dụng / xem migration CSDL\n"
                 "  calendar holidays --year Y     ngày nghỉ và ngày làm bù của năm (JSON)\n"
                 "  calendar deadline --received T --duration D [--agency CODE]   hạn trả kết quả (JSON)\n\n"
                 "  user add --username U --name \"Họ tên\" --role R --agency MÃ   tạo người dùng (mật khẩu: hỏi hoặc MOTCUA_PASSWORD)\n"
                 "  user passwd --username U | user list\n"
                 "  demo load                  nạp dữ liệu mẫu (một lần)\n"
                 "  demo generate --dossiers N --agencies M --years Y [--seed S]   sinh dữ liệu cấp tỉnh (đo hiệu năng)\n"
                 "  report --period P [--agency MÃ] [--group agency|field|procedure] [--format json|csv|xlsx] [--output F]\n"
                 "                             Biểu 06a (kỳ: 2026-Q3, 2026-M07, 2026-H1, 2026, 2026-01-01..2026-03-31)\n"
                 "  report --verify | report --rebuild   đối chiếu / dựng lại số liệu thống kê từ nhật ký hồ sơ\n\n"
                 "Tùy chọn chung: --config FILE (tệp .properties), --help\n"
                 "Biến môi trường: MOTCUA_DB_URL, MOTCUA_HTTP_PORT, MOTCUA_HOME, MOTCUA_CONFIG\n";
}

int MotcuaApplication::main(const std::vector<std::string>& args) {
    if (help_ || args.empty()) {
        printUsage();
        return help_ ? kExitOk : kExitUsage;
    }
    const std::string command = args.front();
    CommandContext context;
    context.args.assign(args.begin() + 1, args.end());
    context.options = options_;
    context.options.erase("config");
    context.wait_for_termination = [this] { waitForTerminationRequest(); };

    // Invalid configuration exits with 78 (STYLE.md 9.6).
    try {
        context.config = loadConfig(config());
        log::Level level = log::Level::Info;
        if (log::parseLevel(context.config.log_level, level)) log::setLevel(level);
    } catch (const ConfigError& e) {
        std::cerr << "motcua: " << e.userMessage() << "\n";
        return kExitConfig;
    }
    store::Database::initDriver();

    const std::map<std::string, int (*)(CommandContext&)> commands = {
        {"serve", &runServe},
        {"migrate", &runMigrate},
        {"calendar", &runCalendar},
        {"user", &runUser},
        {"demo", &runDemo},
        {"report", &runReport},
    };
    const auto found = commands.find(command);
    if (found == commands.end()) {
        std::cerr << "motcua: lệnh không tồn tại: " << command << "\n";
        printUsage();
        return kExitUsage;
    }
    return runCommand(command, [&] {
        try {
            return found->second(context);
        } catch (const ConfigError& e) {
            // Configuration checked inside the command (validateConfig) exits 78 too.
            std::cerr << "motcua " << command << ": " << e.userMessage() << "\n";
            return static_cast<int>(kExitConfig);
        }
    });
}

}  // namespace motcua::app
