// Contract (STYLE.md 9.3): one error type carries a canonical code, a Vietnamese message for the
// desk officer and an English text for logs; validation errors list every bad field at once.

#include "domain/core/error.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(Error, KeepsCodeUserMessageAndLogTextApart) {
    const Error e(ErrorCode::NotFound, "Không tìm thấy hồ sơ.", "dossier 42 not found", "code");
    EXPECT_EQ(e.code(), ErrorCode::NotFound);
    EXPECT_EQ(e.userMessage(), "Không tìm thấy hồ sơ.");
    EXPECT_STREQ(e.what(), "dossier 42 not found");
    EXPECT_EQ(e.field(), std::optional<std::string>("code"));
}

TEST(Error, InvalidFieldsListsEveryProblem) {
    const Error e = Error::invalidFields({{"applicant.name", "Thiếu họ tên."}, {"phone", "Số điện thoại sai."}});
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    ASSERT_EQ(e.fieldErrors().size(), 2u);
    EXPECT_EQ(e.field(), std::optional<std::string>("applicant.name"));
    EXPECT_NE(e.userMessage().find("Thiếu họ tên."), std::string::npos);
    EXPECT_NE(e.userMessage().find("Số điện thoại sai."), std::string::npos);
}

TEST(Error, CodeNamesAreStableSnakeCase) {
    EXPECT_EQ(errorCodeName(ErrorCode::InvalidArgument), "invalid_argument");
    EXPECT_EQ(errorCodeName(ErrorCode::FailedPrecondition), "failed_precondition");
    EXPECT_EQ(errorCodeName(ErrorCode::Unavailable), "unavailable");
}

}  // namespace
}  // namespace motcua
