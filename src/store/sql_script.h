#pragma once
/// Splitting a migration file into single statements.

#include <string>
#include <string_view>
#include <vector>

namespace motcua::store {

/// Splits `script` on `;` outside quotes ('…', "…", `…`) and comments (-- …, # …, /* … */);
/// drops comments-only and empty statements. DELIMITER is not supported.
std::vector<std::string> splitSqlStatements(std::string_view script);

}  // namespace motcua::store
