#pragma once
/// Translation of Connector/C++ exceptions into motcua::Error (store-internal).

#include "domain/core/error.h"

namespace sql {
class SQLException;
}

namespace motcua::store {

/// The server connection is gone; the work may be retried on a new connection.
class ConnectionLost : public Error {
public:
    using Error::Error;
};

/// Throws the motcua::Error that matches `e` (by MariaDB error code); never returns.
[[noreturn]] void rethrowTranslated(const sql::SQLException& e);

/// Returns true when `code` means the connection to the server is unusable.
bool isConnectionLost(int code);

}  // namespace motcua::store
