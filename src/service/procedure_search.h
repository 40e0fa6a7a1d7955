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

/// Returns at most `limit` active procedures of `agency_code` (the desk takes only those)
/// whose code or name contains every word of `query` (folded), by code. An exact code match
/// comes first, and is returned even for another agency's procedure, so that intake can say
/// whose it is.
std::vector<domain::ProcedureEntry> searchProcedures(const std::vector<domain::ProcedureEntry>& procedures,
                                                     std::string_view query, const std::string& agency_code,
                                                     std::size_t limit);

}  // namespace motcua::service
