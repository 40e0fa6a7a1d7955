#pragma once
/// The subcommands of the `motcua` binary, one file each; each is an entry point with
/// its own single try/catch (in run_command.cpp) mapping Error to a sysexits code.

#include "app/config.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace motcua::app {

/// Exit codes (sysexits.h).
enum ExitCode : int {
    kExitOk = 0,
    kExitUsage = 64,
    kExitDataError = 65,
    kExitNoInput = 66,
    kExitUnavailable = 69,
    kExitSoftware = 70,
    kExitTempFail = 75,
    kExitNoPerm = 77,
    kExitConfig = 78,
};

/// What a subcommand receives.
struct CommandContext {
    Config config;
    std::map<std::string, std::string> options;  ///< --name value pairs given on the command line
    std::vector<std::string> args;               ///< positional arguments after the subcommand name
    std::function<void()> wait_for_termination;  ///< blocks until SIGINT/SIGTERM (serve)

    /// Returns the option value if given.
    std::optional<std::string> option(const std::string& name) const;
    /// Returns the option value or throws Error(InvalidArgument) telling the user to pass it.
    std::string requireOption(const std::string& name) const;
};

int runServe(CommandContext& context);
int runMigrate(CommandContext& context);
int runCalendar(CommandContext& context);
int runUser(CommandContext& context);
int runDemo(CommandContext& context);
int runReport(CommandContext& context);

/// Runs `command` with the one try/catch of a subcommand; prints the Vietnamese message to stderr.
int runCommand(const std::string& name, const std::function<int()>& command);

/// Maps an ErrorCode to the sysexits code (STYLE.md 9.3).
int exitCodeFor(int error_code);

}  // namespace motcua::app
