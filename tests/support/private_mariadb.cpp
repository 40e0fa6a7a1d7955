#include "support/private_mariadb.h"

#include "support/test_database.h"

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>
#include <utility>

namespace motcua::test {
namespace {

void run(const std::string& command) {
    if (std::system(command.c_str()) != 0) throw std::runtime_error("command failed: " + command);
}

std::string readValue(const std::string& file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
    }
    return "";
}

}  // namespace

PrivateMariaDb::PrivateMariaDb(std::vector<std::string> server_options) : server_options_(std::move(server_options)) {
    char tmpl[] = "/tmp/motcua-mariadb-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    start();
    app_url_ = readValue(dir_ + "/env", "MOTCUA_DB_URL");
    admin_url_ = readValue(dir_ + "/env", "MOTCUA_DB_ADMIN_URL");
    if (app_url_.empty() || admin_url_.empty()) throw std::runtime_error("private MariaDB wrote no env file");
}

PrivateMariaDb::~PrivateMariaDb() {
    try {
        stop();
    } catch (const std::exception&) {
        kill();
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void PrivateMariaDb::start() {
    std::string command = sourceDir() + "/deploy/mariadb start --fast --dir " + dir_;
    for (const auto& option : server_options_) command += " --server-option '" + option + "'";
    run(command + " > /dev/null");
}

void PrivateMariaDb::stop() { run(sourceDir() + "/deploy/mariadb stop --dir " + dir_ + " > /dev/null"); }

void PrivateMariaDb::kill() {
    std::ifstream in(dir_ + "/mysqld.pid");
    long pid = 0;
    if (in >> pid && pid > 0) {
        ::kill(static_cast<pid_t>(pid), SIGKILL);
        for (int i = 0; i < 200 && ::kill(static_cast<pid_t>(pid), 0) == 0; ++i) ::usleep(25000);
    }
}

}  // namespace motcua::test
