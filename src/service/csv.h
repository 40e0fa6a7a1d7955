#pragma once
/// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends, UTF-8 (a leading BOM is
/// skipped on reading and written for Excel on request).

#include <string>
#include <string_view>
#include <vector>

namespace motcua::service {

using CsvRow = std::vector<std::string>;

/// Parses `text` into rows; throws Error(InvalidArgument) naming the line of an unterminated quote.
std::vector<CsvRow> parseCsv(std::string_view text);

/// Formats rows; fields with a comma, quote or line break are quoted. `bom` adds U+FEFF first.
std::string formatCsv(const std::vector<CsvRow>& rows, bool bom = false);

}  // namespace motcua::service
