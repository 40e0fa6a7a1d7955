#include "domain/catalog/catalog_entry.h"

#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <utility>
#include <vector>

namespace motcua::domain {

void validateAgencyEntry(const AgencyEntry& entry) {
    std::vector<FieldError> errors;
    try {
        validateAgency(entry.agency);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::InvalidArgument) throw;
        errors = e.fieldErrors();
    }
    checkText(errors, {"head_title", "Chức danh thủ trưởng", kMaxHeadTitleLength, Presence::Optional}, entry.head_title);
    checkText(errors, {"address", "Địa chỉ cơ quan", kMaxAgencyAddressLength, Presence::Optional}, entry.address);
    checkText(errors, {"phone", "Số điện thoại cơ quan", kMaxAgencyPhoneLength, Presence::Optional}, entry.phone);
    if (!errors.empty()) throw Error::invalidFields(std::move(errors));
}

}  // namespace motcua::domain
