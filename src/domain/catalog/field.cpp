#include "domain/catalog/field.h"

#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <utility>
#include <vector>

namespace motcua::domain {

bool isValidFieldCode(std::string_view code) noexcept {
    if (code.empty() || code.size() > kMaxFieldCodeLength) return false;
    for (const char c : code) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

void validateField(const Field& field) {
    std::vector<FieldError> errors;
    if (!isValidFieldCode(field.code)) {
        errors.push_back({"code", "Mã lĩnh vực chỉ gồm chữ cái không dấu, chữ số và các dấu . _ -, dài 1–32 ký tự"});
    }
    checkText(errors, {"name", "Tên lĩnh vực", kMaxFieldNameLength}, field.name);
    if (!errors.empty()) throw Error::invalidFields(std::move(errors));
}

}  // namespace motcua::domain
