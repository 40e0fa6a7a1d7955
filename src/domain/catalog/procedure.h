#pragma once
/// Administrative procedures (thủ tục hành chính, TTHC) of the catalog: national code, legal
/// processing time, online service level and fee, as published in the CSDL quốc gia về TTHC.

#include "domain/deadline/duration.h"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::domain {

/// Maximum length of a procedure code, in characters.
inline constexpr std::size_t kMaxProcedureCodeLength = 32;

/// Returns true when `code` is groups of 1–10 digits joined by single dots, at least two groups,
/// at most 32 characters, e.g. "1.001234" or "2.000889".
bool isValidProcedureCode(std::string_view code) noexcept;

/// The national code of a procedure in the CSDL quốc gia về TTHC; always valid.
class ProcedureCode {
public:
    /// Wraps `code`; throws Error{InvalidArgument} unless isValidProcedureCode(code).
    explicit ProcedureCode(std::string_view code);

    /// Returns the code when valid, std::nullopt otherwise; never throws except bad_alloc.
    static std::optional<ProcedureCode> parse(std::string_view code);

    /// Returns the code text, e.g. "1.001234".
    const std::string& str() const noexcept { return value_; }

    /// Compares by text.
    auto operator<=>(const ProcedureCode&) const = default;

private:
    struct Trusted {};
    ProcedureCode(std::string code, Trusted) : value_(std::move(code)) {}
    std::string value_;
};

/// How far the procedure is offered online (NĐ 42/2022 Đ3, carried into NĐ 224/2026 Đ14).
enum class OnlineLevel {
    Full,     ///< Dịch vụ công trực tuyến toàn trình.
    Partial,  ///< Dịch vụ công trực tuyến một phần.
    None,     ///< Information only; the dossier is filed on paper.
};

/// Returns the stable snake_case name of `level` ("full", "partial", "none").
std::string_view toName(OnlineLevel level);
/// Returns the Vietnamese label of `level` ("Toàn trình", …).
std::string_view labelVi(OnlineLevel level);
/// Returns the level named `name`; throws Error{InvalidArgument} for an unknown name.
OnlineLevel parseOnlineLevel(std::string_view name);

/// Largest fee accepted, in VND (a sanity bound against typing errors).
inline constexpr std::int64_t kMaxFeeVnd = 1'000'000'000'000;
/// Maximum length of a procedure name, in code points.
inline constexpr std::size_t kMaxProcedureNameLength = 1000;

/// A validated procedure of the catalog.
struct Procedure {
    ProcedureCode code;  ///< National code.
    std::string name;  ///< Official name, e.g. "Đăng ký khai sinh".
    std::string field_code;  ///< Code of its Field (lĩnh vực).
    /// Legal processing time (deadline/duration.h; amount 1–kMaxDurationAmount, ignored for SameDay).
    Duration duration;
    OnlineLevel online_level = OnlineLevel::None;  ///< How far it is offered online.
    /// Fixed fee (phí, lệ phí) in VND; 0 when free or when the fee is a percentage.
    std::int64_t fee_vnd = 0;
};

/// A procedure as received from a form, a JSON body or an import, before validation.
struct ProcedureInput {
    std::string code;  ///< Must satisfy isValidProcedureCode.
    std::string name;  ///< Required, at most kMaxProcedureNameLength code points.
    std::string field_code;  ///< Must satisfy isValidFieldCode.
    Duration duration;           ///< As parsed by parseDuration() ("5d", "4h", "same_day").
    std::string online_level;    ///< An OnlineLevel name.
    std::int64_t fee_vnd = 0;    ///< 0 to kMaxFeeVnd.
};

/// Validates every field of `input` and returns the Procedure; throws Error::invalidFields
/// listing all problems at once.
Procedure parseProcedure(const ProcedureInput& input);

}  // namespace motcua::domain
