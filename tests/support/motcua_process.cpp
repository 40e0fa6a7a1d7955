#include "support/motcua_process.h"

#include "support/http_client.h"

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace motcua::test {

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(fd);
        throw std::runtime_error("bind to a free port failed");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

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
    for (int i = 0; i < 1200; ++i) {
        try {
            if (httpRequest(port, "GET", "/healthz").status == 200) return true;
        } catch (const std::exception&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
}

}  // namespace motcua::test
