#pragma once
/// Liveness and readiness: whether the database answers now.

namespace motcua::store {
class Database;
}

namespace motcua::service {

/// Answers health checks for /healthz.
class HealthService {
public:
    explicit HealthService(store::Database& database) : database_(database) {}
    /// Returns true when the database answers a round trip now.
    bool databaseUp();

private:
    store::Database& database_;
};

}  // namespace motcua::service
