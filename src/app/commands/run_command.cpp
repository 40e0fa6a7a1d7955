#include "app/commands/commands.h"

#include "common/log.h"
#include "domain/core/error.h"

#include <Poco/Exception.h>

#include <iostream>

namespace motcua::app {

std::optional<std::string> CommandContext::option(const std::string& name) const {
    const auto found = options.find(name);
    if (found == options.end()) return std::nullopt;
    return found->second;
}

std::string CommandContext::requireOption(const std::string& name) const {
    auto value = option(name);
    if (!value) {
        throw Error(ErrorCode::InvalidArgument, "Thiếu tham số --" + name + ".", "missing option --" + name, name);
    }
    return *value;
}

int exitCodeFor(int error_code) {
    switch (static_cast<ErrorCode>(error_code)) {
        case ErrorCode::InvalidArgument: return kExitUsage;
        case ErrorCode::NotFound: return kExitNoInput;
        case ErrorCode::AlreadyExists: return kExitDataError;
        case ErrorCode::FailedPrecondition: return kExitDataError;
        case ErrorCode::Conflict: return kExitTempFail;
        case ErrorCode::PermissionDenied: return kExitNoPerm;
        case ErrorCode::Unauthenticated: return kExitNoPerm;
        case ErrorCode::Unavailable: return kExitUnavailable;
        case ErrorCode::Internal: return kExitSoftware;
    }
    return kExitSoftware;
}

int runCommand(const std::string& name, const std::function<int()>& command) {
    try {
        return command();
    } catch (const Error& e) {
        std::cerr << "motcua " << name << ": " << e.userMessage() << "\n";
        for (const auto& f : e.fieldErrors()) std::cerr << "  - " << f.field << ": " << f.message_vi << "\n";
        log::debug("command.failed", {{"command", name}, {"code", std::string(errorCodeName(e.code()))},
                                      {"error", e.what()}});
        return exitCodeFor(static_cast<int>(e.code()));
    } catch (const Poco::Exception& e) {
        std::cerr << "motcua " << name << ": lỗi hệ thống: " << e.displayText() << "\n";
        return kExitSoftware;
    } catch (const std::exception& e) {
        std::cerr << "motcua " << name << ": lỗi hệ thống: " << e.what() << "\n";
        return kExitSoftware;
    }
}

}  // namespace motcua::app
