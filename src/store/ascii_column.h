#pragma once
/// Codes, statuses, keys and usernames live in ASCII columns (CHARACTER SET ascii). MariaDB
/// refuses to compare such a column with text holding any other character (error 1267,
/// "Illegal mix of collations"), and no row can hold such a value; so a lookup by a value that
/// is not plain ASCII finds nothing without asking the server (store-internal).

#include <algorithm>
#include <string_view>

namespace motcua::store {

/// Whether every byte of `value` is ASCII, so that it can equal a value of an ASCII column.
inline bool fitsAsciiColumn(std::string_view value) {
    return std::all_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace motcua::store
