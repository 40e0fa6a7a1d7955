#pragma once
/// Catalog records as the desk and the administrator see them: an agency with its display
/// details, a procedure with the agencies that handle it and its supplement rule.

#include "domain/catalog/agency.h"
#include "domain/catalog/procedure.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::domain {

/// An agency with the details printed on forms.
struct AgencyEntry {
    Agency agency;
    std::optional<std::string> parent_code;  ///< Code of the parent, for display and CSV.
    std::string head_title;                  ///< Chức danh thủ trưởng, e.g. "Giám đốc".
    std::string address;
    std::string phone;
    bool active = true;
};

/// Limits of an agency's details printed in form headers and signature blocks, in code points.
inline constexpr std::size_t kMaxHeadTitleLength = 255;  ///< Chức danh thủ trưởng.
inline constexpr std::size_t kMaxAgencyAddressLength = 255;
inline constexpr std::size_t kMaxAgencyPhoneLength = 32;

/// Checks the agency (validateAgency) and its details, each optional single-line UTF-8 text
/// within its limit; throws Error::invalidFields listing every problem at once.
void validateAgencyEntry(const AgencyEntry& entry);

/// A procedure with its storage id, supplement rule and handling agencies.
struct ProcedureEntry {
    std::int64_t id = 0;
    Procedure procedure;
    std::string supplement_mode = "restart";  ///< restart (NĐ 107/2021, NĐ 118/2025) | pause (legacy)
    bool active = true;
    std::vector<std::string> agency_codes;
};

}  // namespace motcua::domain
