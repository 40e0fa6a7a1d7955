#pragma once
/// Procedure search for the desk: matches a typed fragment against codes and names ignoring
/// case and Vietnamese diacritics ("khai sinh", "KHAI SINH" and "khai sinh" with tones all
/// find "Đăng ký khai sinh"), the handling agency's own procedures first.

#include "domain/catalog/catalog_entry.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::service {

/// Returns `text` in lower case without Vietnamese diacritics (đ → d), other bytes unchanged.
std::string foldVietnamese(std::string_view text);

/// Returns at most `limit` active procedures whose code or name contains every word of
/// `query` (folded); procedures handled by `agency_code` come first, then by code. An exact
/// code match is always first.
std::vector<domain::ProcedureEntry> searchProcedures(const std::vector<domain::ProcedureEntry>& procedures,
                                                     std::string_view query, const std::string& agency_code,
                                                     std::size_t limit);

}  // namespace motcua::service
