#include "support/cutting_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <string_view>

namespace motcua::test {

struct CuttingProxy::Link {
    int client = -1;
    int server = -1;
    std::atomic<bool> cut_pending{false};
    std::atomic<bool> closed{false};

    void close() {
        if (closed.exchange(true)) return;
        ::shutdown(client, SHUT_RDWR);
        ::shutdown(server, SHUT_RDWR);
    }
    ~Link() {
        if (client >= 0) ::close(client);
        if (server >= 0) ::close(server);
    }
};

namespace {

bool sendAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

/// Waits up to `ms` for `fd` to be readable; false on timeout.
bool readable(int fd, int ms) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, ms) > 0;
}

}  // namespace

CuttingProxy::CuttingProxy(std::string host, std::uint16_t port) : host_(std::move(host)), target_port_(port) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listener_ < 0) throw std::runtime_error("proxy: socket");
    const int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener_, 64) != 0) {
        throw std::runtime_error("proxy: bind/listen");
    }
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { acceptLoop(); });
}

CuttingProxy::~CuttingProxy() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    acceptor_.join();
    ::close(listener_);
    {
        const std::lock_guard lock(mutex_);
        for (const auto& link : links_) link->close();
    }
    for (auto& pump : pumps_) pump.join();
}

void CuttingProxy::acceptLoop() {
    while (!stopping_) {
        if (!readable(listener_, 100)) continue;
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) continue;
        const int server = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(target_port_);
        ::inet_pton(AF_INET, host_ == "localhost" ? "127.0.0.1" : host_.c_str(), &addr.sin_addr);
        if (::connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(server);
            ::close(client);
            continue;
        }
        auto link = std::make_shared<Link>();
        link->client = client;
        link->server = server;
        const std::lock_guard lock(mutex_);
        links_.push_back(link);
        pumps_.emplace_back([this, link] { clientToServer(link); });
        pumps_.emplace_back([this, link] { serverToClient(link); });
    }
}

void CuttingProxy::clientToServer(std::shared_ptr<Link> link) {
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::recv(link->client, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        // A query packet ending in COMMIT (alone, or last in a statement batch; not READ COMMITTED).
        const bool commit = std::string_view(buffer, static_cast<std::size_t>(n)).ends_with("COMMIT");
        if (commit && hold_armed_ && hold_armed_.exchange(false)) {
            // Half-open: the client is cut, the server keeps waiting on its side (serverToClient
            // closes the link once the server ends the connection).
            ++cuts_;
            ::shutdown(link->client, SHUT_RDWR);
            return;
        }
        if (commit && armed_ && armed_.exchange(false)) {
            link->cut_pending = true;
        }
        if (!sendAll(link->server, buffer, static_cast<std::size_t>(n))) break;
    }
    link->close();
}

void CuttingProxy::serverToClient(std::shared_ptr<Link> link) {
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::recv(link->server, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        if (link->cut_pending) {
            // Swallow the whole answer, then cut: the server has committed, the client never hears.
            while (readable(link->server, 300)) {
                if (::recv(link->server, buffer, sizeof buffer, 0) <= 0) break;
            }
            ++cuts_;
            break;
        }
        if (!sendAll(link->client, buffer, static_cast<std::size_t>(n))) break;
    }
    link->close();
}

}  // namespace motcua::test
