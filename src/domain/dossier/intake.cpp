#include "domain/dossier/intake.h"

#include "domain/catalog/procedure.h"
#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <string>
#include <utility>

namespace motcua::domain {

namespace {

constexpr std::string_view kVietnamPrefix = "+84";
constexpr std::size_t kMaxEmailLocalPart = 64;
constexpr std::size_t kMaxEmailLabel = 63;

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

bool isAllDigits(std::string_view text) noexcept {
    for (const char c : text) {
        if (!isDigit(c)) return false;
    }
    return true;
}

bool isAsciiAlnum(char c) noexcept {
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isDigitsOfLength(std::string_view text, std::size_t length) noexcept {
    return text.size() == length && isAllDigits(text);
}

bool isValidDomainLabel(std::string_view label) noexcept {
    if (label.empty() || label.size() > kMaxEmailLabel) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    for (const char c : label) {
        if (!isAsciiAlnum(c) && c != '-') return false;
    }
    return true;
}

bool isValidEmailLocalPart(std::string_view local) noexcept {
    if (local.empty() || local.size() > kMaxEmailLocalPart) return false;
    if (local.front() == '.' || local.back() == '.') return false;
    char previous = '\0';
    for (const char c : local) {
        // Printable ASCII without the specials that need quoting.
        if (c <= ' ' || c > '~') return false;
        if (std::string_view{"()<>[]:;@\\,\""}.find(c) != std::string_view::npos) return false;
        if (c == '.' && previous == '.') return false;
        previous = c;
    }
    return true;
}

std::string indexed(std::string_view base, std::size_t index, std::string_view member) {
    return std::string{base} + "[" + std::to_string(index) + "]." + std::string{member};
}

void checkIdentity(std::vector<FieldError>& errors, const Applicant& applicant) {
    const std::string_view id = applicant.identity_number;
    if (applicant.kind == ApplicantKind::Individual) {
        if (id.empty()) {
            errors.push_back({"applicant.id_number", "Số định danh cá nhân (CCCD/CMND) không được để trống"});
        } else if (!isValidPersonalIdNumber(id)) {
            errors.push_back({"applicant.id_number",
                              "Số định danh cá nhân phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND)"});
        }
        return;
    }
    if (id.empty()) {
        errors.push_back({"applicant.id_number", "Mã số thuế của tổ chức không được để trống"});
    } else if (!isValidTaxCode(id)) {
        errors.push_back({"applicant.id_number",
                          "Mã số thuế của tổ chức phải gồm 10 hoặc 13 chữ số, hoặc dạng 10 chữ số-3 chữ số"});
    }
}

void checkContact(std::vector<FieldError>& errors, const IntakeRequest& request) {
    const Applicant& applicant = request.applicant;
    if (!applicant.phone.empty() && !isValidPhoneNumber(applicant.phone)) {
        errors.push_back({"applicant.phone",
                          "Số điện thoại phải gồm 9–11 chữ số, viết liền, có thể bắt đầu bằng +84"});
    }
    if (!applicant.email.empty() && !isValidEmail(applicant.email)) {
        errors.push_back({"applicant.email", "Địa chỉ thư điện tử không hợp lệ"});
    }
    // NĐ 61/2018 Đ17.2: online dossiers are answered by e-mail or SMS, so one of them is needed.
    if (isOnline(request.channel) && applicant.phone.empty() && applicant.email.empty()) {
        errors.push_back({"applicant.phone",
                          "Hồ sơ trực tuyến cần số điện thoại hoặc thư điện tử để thông báo cho người nộp"});
    }
    // QĐ 45/2016/QĐ-TTg Đ5: the dossier or its result travels by post, so the address is needed.
    const bool needs_address =
        request.channel == Channel::Postal || request.result_delivery == ResultDelivery::Postal;
    checkText(errors,
              {"applicant.address", "Địa chỉ", IntakeLimits::kMaxAddressLength,
               needs_address ? Presence::Required : Presence::Optional},
              applicant.address);
}

void checkRepresentative(std::vector<FieldError>& errors, const std::optional<Representative>& representative) {
    if (!representative) return;
    checkText(errors, {"applicant.representative.name", "Họ tên người được ủy quyền", IntakeLimits::kMaxNameLength},
              representative->name);
    if (!isValidPersonalIdNumber(representative->identity_number)) {
        errors.push_back({"applicant.representative.id_number",
                          "Số định danh của người được ủy quyền phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND)"});
    }
}

void checkDocuments(std::vector<FieldError>& errors, const std::vector<DossierDocument>& documents) {
    if (documents.empty()) {
        errors.push_back({"documents", "Hồ sơ phải có ít nhất một thành phần giấy tờ"});
        return;
    }
    if (documents.size() > IntakeLimits::kMaxDocuments) {
        errors.push_back({"documents", "Hồ sơ không được có quá 100 thành phần giấy tờ"});
        return;
    }
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const std::string name_field = indexed("documents", i, "name");
        const std::string label = "Tên giấy tờ thứ " + std::to_string(i + 1);
        checkText(errors, {name_field, label, IntakeLimits::kMaxDocumentNameLength}, documents[i].name);
        if (documents[i].count < 1 || documents[i].count > IntakeLimits::kMaxDocumentCount) {
            errors.push_back({indexed("documents", i, "count"),
                              "Số lượng của giấy tờ thứ " + std::to_string(i + 1) + " phải từ 1 đến 1000"});
        }
    }
}

void checkChannelAndTimes(std::vector<FieldError>& errors, const IntakeRequest& request, date::sys_seconds now) {
    // NĐ 42/2022 Đ3 (toàn trình): the result is returned online or through the public postal service.
    if (request.channel == Channel::OnlineFull && request.result_delivery == ResultDelivery::Desk) {
        errors.push_back({"result_delivery",
                          "Hồ sơ trực tuyến toàn trình phải nhận kết quả trực tuyến hoặc qua bưu chính công ích"});
    }
    const auto earliest = now - date::days{IntakeLimits::kMaxBackdatingDays};
    const std::string too_early = " không được sớm hơn " + std::to_string(IntakeLimits::kMaxBackdatingDays) +
                                  " ngày trước hiện tại (kiểm tra lại ngày, tháng, năm)";
    if (request.received_at > now) {
        errors.push_back({"received_at", "Thời điểm nhận hồ sơ không được ở tương lai"});
    } else if (request.received_at < earliest) {
        errors.push_back({"received_at", "Thời điểm nhận hồ sơ" + too_early});
    }
    // QĐ 45/2016/QĐ-TTg Đ7.4: a postal dossier is lawfully received when the handover record is signed.
    if (request.channel != Channel::Postal) {
        if (request.handover_at) {
            errors.push_back({"handover_at", "Chỉ hồ sơ nộp qua bưu chính công ích mới có thời điểm bàn giao"});
        }
        return;
    }
    if (!request.handover_at) {
        errors.push_back({"handover_at",
                          "Hồ sơ nộp qua bưu chính công ích phải ghi thời điểm ký biên bản giao nhận với Bộ phận Một cửa"});
        return;
    }
    if (*request.handover_at > now) {
        errors.push_back({"handover_at", "Thời điểm bàn giao hồ sơ không được ở tương lai"});
    } else if (*request.handover_at < earliest) {
        errors.push_back({"handover_at", "Thời điểm bàn giao hồ sơ" + too_early});
    }
    if (*request.handover_at < request.received_at) {
        errors.push_back({"handover_at", "Thời điểm bàn giao không được trước thời điểm bưu chính nhận hồ sơ"});
    }
}

}  // namespace

bool isValidPersonalIdNumber(std::string_view text) noexcept {
    return isDigitsOfLength(text, 9) || isDigitsOfLength(text, 12);
}

bool isValidTaxCode(std::string_view text) noexcept {
    if (isDigitsOfLength(text, 10) || isDigitsOfLength(text, 13)) return true;
    return text.size() == 14 && text[10] == '-' && isAllDigits(text.substr(0, 10)) && isAllDigits(text.substr(11));
}

bool isValidPhoneNumber(std::string_view text) noexcept {
    if (text.substr(0, kVietnamPrefix.size()) == kVietnamPrefix) {
        const std::string_view rest = text.substr(kVietnamPrefix.size());
        return rest.size() >= 9 && rest.size() <= 10 && rest.front() != '0' && isAllDigits(rest);
    }
    return text.size() >= 9 && text.size() <= 11 && isAllDigits(text);
}

bool isValidEmail(std::string_view text) noexcept {
    if (text.size() > IntakeLimits::kMaxEmailLength) return false;
    const auto at = text.find('@');
    if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) return false;
    if (!isValidEmailLocalPart(text.substr(0, at))) return false;
    std::string_view domain = text.substr(at + 1);
    std::size_t labels = 0;
    while (true) {
        const auto dot = domain.find('.');
        if (!isValidDomainLabel(domain.substr(0, dot))) return false;
        ++labels;
        if (dot == std::string_view::npos) break;
        domain.remove_prefix(dot + 1);
    }
    return labels >= 2;
}

void validateIntake(const IntakeRequest& request, date::sys_seconds now) {
    std::vector<FieldError> errors;
    const std::string_view name_label =
        request.applicant.kind == ApplicantKind::Individual ? "Họ tên người nộp hồ sơ" : "Tên tổ chức";
    checkText(errors, {"applicant.name", name_label, IntakeLimits::kMaxNameLength}, request.applicant.name);
    checkIdentity(errors, request.applicant);
    checkContact(errors, request);
    checkRepresentative(errors, request.applicant.representative);
    if (!isValidProcedureCode(request.procedure_code)) {
        errors.push_back({"procedure_code", "Mã thủ tục hành chính không hợp lệ (ví dụ đúng: 1.001234)"});
    }
    checkDocuments(errors, request.documents);
    checkChannelAndTimes(errors, request, now);
    if (!errors.empty()) throw Error::invalidFields(std::move(errors));
}

date::sys_seconds legalReceiptTime(const IntakeRequest& request) noexcept {
    if (request.channel == Channel::Postal && request.handover_at) return *request.handover_at;
    return request.received_at;
}

}  // namespace motcua::domain
