#pragma once
/// The one failure type of motcua: a canonical code, an English text for logs
/// and a Vietnamese message a desk officer can act on.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace motcua {

/// Canonical error codes (Abseil vocabulary); the HTTP and CLI layers map them.
enum class ErrorCode {
    InvalidArgument,
    NotFound,
    AlreadyExists,
    FailedPrecondition,
    Conflict,
    PermissionDenied,
    Unauthenticated,
    Unavailable,
    Internal,
};

/// Returns the stable lower_snake name of `code` ("invalid_argument", …).
std::string_view errorCodeName(ErrorCode code);

/// One invalid input field, for validation errors that collect every problem.
struct FieldError {
    std::string field;
    std::string message_vi;
};

/// Thrown by domain, service and store code; caught once per request or subcommand.
class Error : public std::runtime_error {
public:
    /// Builds an error; `what()` is `log_message` (English), `userMessage()` the Vietnamese text.
    Error(ErrorCode code, std::string user_message_vi, std::string log_message = {},
          std::optional<std::string> field = std::nullopt);

    /// Builds an InvalidArgument error that lists every field problem found.
    static Error invalidFields(std::vector<FieldError> fields);

    ErrorCode code() const noexcept { return code_; }
    const std::string& userMessage() const noexcept { return user_message_vi_; }
    const std::optional<std::string>& field() const noexcept { return field_; }
    const std::vector<FieldError>& fieldErrors() const noexcept { return field_errors_; }

private:
    ErrorCode code_;
    std::string user_message_vi_;
    std::optional<std::string> field_;
    std::vector<FieldError> field_errors_;
};

}  // namespace motcua
