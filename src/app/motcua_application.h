#pragma once
/// The `motcua` executable: global options, subcommand dispatch and exit codes.

#include <Poco/Util/ServerApplication.h>

#include <map>
#include <string>
#include <vector>

namespace motcua::app {

/// ServerApplication subclass; `motcua <subcommand> [options]`.
class MotcuaApplication : public Poco::Util::ServerApplication {
protected:
    void initialize(Poco::Util::Application& self) override;
    void defineOptions(Poco::Util::OptionSet& options) override;
    int main(const std::vector<std::string>& args) override;

private:
    void handleValueOption(const std::string& name, const std::string& value);
    void handleFlagOption(const std::string& name, const std::string& value);
    void handleHelp(const std::string& name, const std::string& value);
    void printUsage() const;

    std::map<std::string, std::string> options_;
    bool help_ = false;
};

}  // namespace motcua::app
