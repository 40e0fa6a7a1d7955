#include "domain/core/error.h"

#include <utility>

namespace motcua {

std::string_view errorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidArgument: return "invalid_argument";
        case ErrorCode::NotFound: return "not_found";
        case ErrorCode::AlreadyExists: return "already_exists";
        case ErrorCode::FailedPrecondition: return "failed_precondition";
        case ErrorCode::Conflict: return "conflict";
        case ErrorCode::PermissionDenied: return "permission_denied";
        case ErrorCode::Unauthenticated: return "unauthenticated";
        case ErrorCode::Unavailable: return "unavailable";
        case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

Error::Error(ErrorCode code, std::string user_message_vi, std::string log_message,
             std::optional<std::string> field)
    : std::runtime_error(log_message.empty() ? user_message_vi : log_message),
      code_(code),
      user_message_vi_(std::move(user_message_vi)),
      field_(std::move(field)) {}

Error Error::invalidFields(std::vector<FieldError> fields) {
    std::string message = "Dữ liệu chưa hợp lệ: ";
    std::string log = "invalid fields:";
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) message += "; ";
        message += fields[i].message_vi;
        log += " " + fields[i].field;
    }
    std::optional<std::string> first;
    if (!fields.empty()) first = fields.front().field;
    Error error(ErrorCode::InvalidArgument, message, log, first);
    error.field_errors_ = std::move(fields);
    return error;
}

}  // namespace motcua
