#pragma once
/// The HTTP server: Poco's HTTPServer in front of a Router, with the one try/catch
/// per request, a body-size limit, request ids and one structured log line per request.

#include "http/router.h"

#include <cstddef>
#include <memory>
#include <string>

namespace Poco {
class ThreadPool;
}
namespace Poco::Net {
class HTTPServer;
}

namespace motcua::http {

/// Listening and threading settings.
struct ServerSettings {
    std::string host = "127.0.0.1";
    int port = 8080;  ///< 0 picks a free port (tests)
    int max_threads = 64;
    int max_queued = 256;
    std::size_t max_body_bytes = 1024 * 1024;
};

/// A running HTTP server; stops (letting current requests finish) on destruction.
class Server {
public:
    /// Binds and starts serving `router` (which must outlive the server).
    /// Throws Error(Unavailable) when the port cannot be bound.
    Server(const Router& router, ServerSettings settings);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Returns the bound port (useful with port 0).
    int port() const { return port_; }

    /// Stops accepting, lets requests in progress finish, and joins the worker threads.
    void stop();

private:
    std::unique_ptr<Poco::ThreadPool> pool_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    int port_ = 0;
    bool stopped_ = false;
};

/// Serves one request through `router` (exposed for in-process tests): returns the response
/// that would be sent, never throws.
Response dispatch(const Router& router, Request& request);

}  // namespace motcua::http
