#include "app/commands/commands.h"
#include "app/system_clock.h"
#include "app/wiring.h"
#include "domain/auth/principal.h"
#include "domain/core/error.h"
#include "service/auth_service.h"
#include "store/database.h"

#include <cstdlib>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace motcua::app {
namespace {

/// Reads the password from --password, then $MOTCUA_PASSWORD, then the terminal without echo.
std::string readPassword(const CommandContext& context) {
    if (auto given = context.option("password")) return *given;
    if (const char* env = std::getenv("MOTCUA_PASSWORD"); env != nullptr && *env != '\0') return env;
    if (::isatty(STDIN_FILENO) == 0) {
        throw Error(ErrorCode::InvalidArgument, "Cần mật khẩu: đặt biến MOTCUA_PASSWORD hoặc chạy trong cửa sổ dòng lệnh.",
                    "no password source", "password");
    }
    termios old_settings{};
    ::tcgetattr(STDIN_FILENO, &old_settings);
    termios quiet = old_settings;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string first;
    std::string second;
    std::cerr << "Mật khẩu: " << std::flush;
    std::getline(std::cin, first);
    std::cerr << "\nNhập lại mật khẩu: " << std::flush;
    std::getline(std::cin, second);
    std::cerr << "\n";
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old_settings);
    if (first != second) {
        throw Error(ErrorCode::InvalidArgument, "Hai lần nhập mật khẩu không khớp.", "password mismatch", "password");
    }
    return first;
}

}  // namespace

// motcua user add --username U --name "Họ tên" --role ROLE --agency CODE
// motcua user passwd --username U
// motcua user list
int runUser(CommandContext& context) {
    validateConfig(context.config, true);
    const std::string action = context.args.empty() ? "" : context.args.front();
    SystemClock clock;
    auto database = makeDatabase(context.config);
    service::AuthService auth(*database, clock);
    if (action == "add") {
        const auto role = domain::parseRole(context.requireOption("role"));
        const auto user = auth.createUser(context.requireOption("username"), context.requireOption("name"), role,
                                          context.requireOption("agency"), readPassword(context));
        std::cout << "Đã tạo người dùng " << user.username << " (" << domain::roleLabelVi(user.role) << ", "
                  << user.agency_code << ").\n";
        return kExitOk;
    }
    if (action == "passwd") {
        auth.setPassword(context.requireOption("username"), readPassword(context));
        std::cout << "Đã đổi mật khẩu; các phiên đăng nhập cũ đã bị đóng.\n";
        return kExitOk;
    }
    if (action == "list") {
        for (const auto& u : auth.listUsers()) {
            std::cout << u.username << "\t" << domain::roleName(u.role) << "\t" << u.agency_code << "\t"
                      << (u.active ? "active" : "disabled") << "\t" << u.full_name << "\n";
        }
        return kExitOk;
    }
    throw Error(ErrorCode::InvalidArgument,
                "Dùng: motcua user add --username U --name \"Họ tên\" --role admin --agency MÃ | user passwd --username U | "
                "user list",
                "bad user usage");
}

}  // namespace motcua::app
