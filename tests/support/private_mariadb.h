#pragma once
/// A MariaDB instance of the test's own (deploy/mariadb in a temporary directory), for
/// tests that stop and restart the server without disturbing the shared fixture.

#include <string>

namespace motcua::test {

class PrivateMariaDb {
public:
    /// Creates and starts the instance; throws std::runtime_error if it does not start.
    PrivateMariaDb();
    /// Stops it and removes its directory.
    ~PrivateMariaDb();
    PrivateMariaDb(const PrivateMariaDb&) = delete;
    PrivateMariaDb& operator=(const PrivateMariaDb&) = delete;

    /// Stops the server (SIGTERM, waits).
    void stop();
    /// Kills the server with SIGKILL (no clean shutdown).
    void kill();
    /// Starts it again on the same port with the same data.
    void start();
    /// Returns the application URL (database `motcua`).
    const std::string& appUrl() const { return app_url_; }

private:
    std::string dir_;
    std::string app_url_;
};

}  // namespace motcua::test
