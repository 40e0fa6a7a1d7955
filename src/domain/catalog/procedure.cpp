#include "domain/catalog/procedure.h"

#include "domain/catalog/enum_names.h"
#include "domain/catalog/field.h"
#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <array>
#include <utility>
#include <vector>

namespace motcua::domain {

namespace {

constexpr std::size_t kMaxProcedureCodeGroup = 10;

constexpr std::array<detail::EnumName<OnlineLevel>, 3> kOnlineLevelNames{{
    {OnlineLevel::Full, "full", "Toàn trình"},
    {OnlineLevel::Partial, "partial", "Một phần"},
    {OnlineLevel::None, "none", "Không cung cấp trực tuyến"},
}};

void checkDuration(std::vector<FieldError>& errors, const Duration& duration) {
    // "Trong ngày" carries no amount; every other unit needs a positive one.
    if (duration.unit == DurationUnit::SameDay) return;
    if (duration.amount < 1 || duration.amount > kMaxDurationAmount) {
        errors.push_back({"duration", "Thời hạn giải quyết phải từ 1 đến " + std::to_string(kMaxDurationAmount)});
    }
}

}  // namespace

bool isValidProcedureCode(std::string_view code) noexcept {
    if (code.empty() || code.size() > kMaxProcedureCodeLength) return false;
    std::size_t groups = 1;
    std::size_t group_length = 0;
    for (const char c : code) {
        if (c == '.') {
            if (group_length == 0) return false;
            ++groups;
            group_length = 0;
            continue;
        }
        if (c < '0' || c > '9') return false;
        if (++group_length > kMaxProcedureCodeGroup) return false;
    }
    return group_length > 0 && groups >= 2;
}

ProcedureCode::ProcedureCode(std::string_view code) : value_(code) {
    if (!isValidProcedureCode(code)) {
        throw Error{ErrorCode::InvalidArgument,
                    "Mã thủ tục hành chính không hợp lệ (ví dụ đúng: 1.001234)", "invalid procedure code",
                    std::string{"procedure_code"}};
    }
}

std::optional<ProcedureCode> ProcedureCode::parse(std::string_view code) {
    if (!isValidProcedureCode(code)) return std::nullopt;
    return ProcedureCode{std::string{code}, Trusted{}};
}

std::string_view toName(OnlineLevel level) { return detail::enumRow(kOnlineLevelNames, level).name; }
std::string_view labelVi(OnlineLevel level) { return detail::enumRow(kOnlineLevelNames, level).label_vi; }
OnlineLevel parseOnlineLevel(std::string_view name) {
    return detail::parseEnumName(kOnlineLevelNames, name, "Mức độ dịch vụ công trực tuyến", "online_level");
}

Procedure parseProcedure(const ProcedureInput& input) {
    std::vector<FieldError> errors;
    auto code = ProcedureCode::parse(input.code);
    if (!code) {
        errors.push_back({"code", "Mã thủ tục hành chính gồm các nhóm chữ số cách nhau bởi dấu chấm, ví dụ 1.001234"});
    }
    checkText(errors, {"name", "Tên thủ tục hành chính", kMaxProcedureNameLength}, input.name);
    if (!isValidFieldCode(input.field_code)) {
        errors.push_back({"field_code", "Mã lĩnh vực của thủ tục không hợp lệ"});
    }
    checkDuration(errors, input.duration);
    const auto level = detail::findEnumName(kOnlineLevelNames, input.online_level);
    if (!level) {
        errors.push_back({"online_level", "Mức độ dịch vụ công trực tuyến phải là full, partial hoặc none"});
    }
    if (input.fee_vnd < 0 || input.fee_vnd > kMaxFeeVnd) {
        errors.push_back({"fee_vnd", "Phí, lệ phí phải từ 0 đến 1.000.000.000.000 đồng"});
    }
    if (!errors.empty()) throw Error::invalidFields(std::move(errors));
    return Procedure{*std::move(code), input.name, input.field_code, input.duration, *level, input.fee_vnd};
}

}  // namespace motcua::domain
