#pragma once
/// The database address as users give it: `mysql://user:password@host:port/database`.

#include <string>
#include <string_view>

namespace motcua::store {

/// A parsed database URL; the password never appears in `redacted()`.
struct DbUrl {
    std::string user;
    std::string password;
    std::string host;
    int port = 3306;
    std::string database;

    /// Parses `mysql://user:pass@host:port/db` (or `mariadb://`); user and password may be
    /// percent-encoded. Throws Error(InvalidArgument) with a Vietnamese message when malformed.
    static DbUrl parse(std::string_view url);

    /// Returns the URL with the password replaced by `***`, for logs.
    std::string redacted() const;

    /// Returns the full URL, password included (percent-encoded), e.g. to hand to a child process.
    std::string toString() const;

    /// Returns the same server with another database name.
    DbUrl withDatabase(std::string name) const;
};

}  // namespace motcua::store
