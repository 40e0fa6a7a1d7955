#include "support/motcua_process.h"

#include "support/http_client.h"

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace motcua::test {

pid_t startMotcuaServe(const std::string& db_url, int port) {
    const pid_t child = ::fork();
    if (child < 0) throw std::runtime_error("fork failed");
    if (child == 0) {
        ::setenv("MOTCUA_DB_URL", db_url.c_str(), 1);
        ::setenv("MOTCUA_HTTP_PORT", std::to_string(port).c_str(), 1);
        ::execl(MOTCUA_BINARY, "motcua", "serve", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return child;
}

bool waitHealthy(int port) {
    for (int i = 0; i < 400; ++i) {
        try {
            if (httpRequest(port, "GET", "/healthz").status == 200) return true;
        } catch (const std::exception&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
}

}  // namespace motcua::test
