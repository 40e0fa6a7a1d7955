// Contract: catalog procedures (CSDL quốc gia về TTHC). The national code is dot-separated digit
// groups ("1.001234"); the legal processing time reuses deadline/duration.h (working days,
// working hours, calendar days, same day; rules.md §5.1); the online level is toàn trình /
// một phần / none (NĐ 42/2022 Đ3, NĐ 224/2026 Đ14); the fee is whole VND. parseProcedure
// reports every invalid field at once. Fields (lĩnh vực) have an opaque code and a name.

#include "domain/catalog/field.h"
#include "domain/catalog/procedure.h"

#include "domain/core/error.h"
#include "domain/deadline/duration.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

std::set<std::string> fieldsOf(const std::function<void()>& action) {
    std::set<std::string> fields;
    try {
        action();
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
        for (const auto& field_error : error.fieldErrors()) fields.insert(field_error.field);
    }
    return fields;
}

ProcedureInput validInput() {
    return ProcedureInput{"1.001234", "Đăng ký khai sinh", "G09-TP01", parseDuration("5d"), "partial", 8000};
}

TEST(ProcedureCode, AcceptsNationalCodes) {
    for (const char* ok : {"1.001234", "2.000889", "1.00309", "3.000123.1", "1.2"}) {
        SCOPED_TRACE(ok);
        EXPECT_TRUE(isValidProcedureCode(ok));
        EXPECT_EQ(ProcedureCode{ok}.str(), ok);
    }
}

TEST(ProcedureCode, RejectsAnythingElse) {
    for (const char* bad : {"", "1", "1.", ".1", "1..2", "1.00a234", "1,001234", " 1.001234", "1.001234 ",
                            "1.001234.000.00.00.H12", "1.12345678901", "-1.2"}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(isValidProcedureCode(bad));
        EXPECT_FALSE(ProcedureCode::parse(bad).has_value());
    }
    EXPECT_FALSE(isValidProcedureCode(std::string(33, '1').replace(1, 1, ".")));
    try {
        ProcedureCode code{"x"};
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
    }
}

TEST(ProcedureValidation, BuildsAValidProcedure) {
    const Procedure procedure = parseProcedure(validInput());
    EXPECT_EQ(procedure.code.str(), "1.001234");
    EXPECT_EQ(procedure.online_level, OnlineLevel::Partial);
    EXPECT_EQ(procedure.duration, parseDuration("5d"));
    EXPECT_EQ(procedure.fee_vnd, 8000);
}

TEST(ProcedureValidation, SameDayProceduresNeedNoAmount) {
    ProcedureInput input = validInput();
    input.duration = parseDuration("same_day");
    EXPECT_NO_THROW((void)parseProcedure(input));
}

TEST(ProcedureValidation, CollectsEveryFieldError) {
    ProcedureInput input{"TTHC-01", "", "lĩnh vực", parseDuration("5d"), "mức 4", -1};
    input.duration.amount = 0;
    EXPECT_EQ(fieldsOf([&] { (void)parseProcedure(input); }),
              (std::set<std::string>{"code", "name", "field_code", "duration", "online_level", "fee_vnd"}));
}

TEST(ProcedureValidation, OnlineLevelNames) {
    EXPECT_EQ(toName(OnlineLevel::Full), "full");
    EXPECT_EQ(parseOnlineLevel("none"), OnlineLevel::None);
    EXPECT_EQ(labelVi(OnlineLevel::Full), "Toàn trình");
    try {
        (void)parseOnlineLevel("muc_do_4");
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
    }
}

TEST(CatalogField, ValidatesCodeAndName) {
    EXPECT_NO_THROW(validateField(Field{"G09-TP01", "Hộ tịch"}));
    EXPECT_TRUE(isValidFieldCode("1.a_b-C"));
    EXPECT_FALSE(isValidFieldCode(""));
    EXPECT_FALSE(isValidFieldCode("Hộ tịch"));
    EXPECT_FALSE(isValidFieldCode(std::string(33, 'A')));
    EXPECT_EQ(fieldsOf([] { validateField(Field{"G 09", std::string(256, 'x')}); }),
              (std::set<std::string>{"code", "name"}));
}

}  // namespace
}  // namespace motcua::domain
