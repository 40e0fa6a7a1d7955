#pragma once
/// A MariaDB instance of the test's own (deploy/mariadb in a temporary directory), for
/// tests that stop and restart the server without disturbing the shared fixture.

#include <string>
#include <vector>

namespace motcua::test {

class PrivateMariaDb {
public:
    /// Creates and starts the instance, passing each of `server_options` to mariadbd (e.g.
    /// "--innodb-data-file-path=ibdata1:12M"); throws std::runtime_error if it does not start.
    explicit PrivateMariaDb(std::vector<std::string> server_options = {});
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
    /// Returns the administrator URL (no database; may change global settings).
    const std::string& adminUrl() const { return admin_url_; }

private:
    std::string dir_;
    std::string app_url_;
    std::string admin_url_;
    std::vector<std::string> server_options_;
};

}  // namespace motcua::test
