#pragma once
/// A TCP proxy in front of the test MariaDB that can drop a connection at the worst moment: after
/// the server has received a COMMIT and answered it, before the answer reaches the client; or
/// before the COMMIT reaches the server, leaving the server's side open. The client then cannot
/// know whether its transaction committed.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace motcua::test {

class CuttingProxy {
public:
    /// Listens on 127.0.0.1 (a free port) and forwards each connection to host:port.
    CuttingProxy(std::string host, std::uint16_t port);
    ~CuttingProxy();
    CuttingProxy(const CuttingProxy&) = delete;
    CuttingProxy& operator=(const CuttingProxy&) = delete;

    std::uint16_t port() const { return port_; }

    /// The next connection that sends a packet ending in "COMMIT" is cut once the server's whole
    /// answer to it has arrived (nothing more for 300 ms); the answer is thrown away.
    void cutAfterNextCommit() { armed_ = true; }
    /// The next connection that sends a packet ending in "COMMIT" has that packet held back and
    /// only its client side cut: the server never sees the COMMIT and, not told the client is
    /// gone, keeps the transaction open with its locks (a half-open connection), until the
    /// connection is killed on the server or the proxy ends.
    void holdNextCommit() { hold_armed_ = true; }
    /// How many connections were cut so far.
    int cuts() const { return cuts_; }

private:
    struct Link;
    void acceptLoop();
    void clientToServer(std::shared_ptr<Link> link);
    void serverToClient(std::shared_ptr<Link> link);

    std::string host_;
    std::uint16_t target_port_;
    int listener_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> armed_{false};
    std::atomic<bool> hold_armed_{false};
    std::atomic<int> cuts_{0};
    std::thread acceptor_;
    std::mutex mutex_;
    std::vector<std::thread> pumps_;
    std::vector<std::shared_ptr<Link>> links_;
};

}  // namespace motcua::test
