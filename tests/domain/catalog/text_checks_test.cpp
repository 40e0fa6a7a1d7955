// Contract: free text is well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or code points
// above U+10FFFF), single-line, and its length limit counts code points, so a Vietnamese name of
// 200 letters fits a 200 limit although it takes up to 600 bytes.

#include "domain/catalog/text_checks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::domain {
namespace {

TEST(CatalogText, CountsCodePoints) {
    EXPECT_EQ(countCodePoints(""), 0U);
    EXPECT_EQ(countCodePoints("abc"), 3U);
    EXPECT_EQ(countCodePoints("Nguyễn"), 6U);      // ễ is 3 bytes
    EXPECT_EQ(countCodePoints("Đắk Lắk"), 7U);
    EXPECT_EQ(countCodePoints("\xf0\x9f\x98\x80"), 1U);  // U+1F600, 4 bytes
}

TEST(CatalogText, RejectsIllFormedUtf8) {
    const std::vector<std::string> bad{
        "\x80",                  // lone continuation byte
        "\xc3",                  // truncated 2-byte sequence
        "Nguy\xe1\xbb",          // truncated 3-byte sequence
        "\xc0\xaf",              // overlong '/'
        "\xe0\x80\xaf",          // overlong
        "\xed\xa0\x80",          // surrogate U+D800
        "\xf4\x90\x80\x80",      // above U+10FFFF
        "\xf8\x88\x80\x80\x80",  // 5-byte form
        "\xff",
    };
    for (const auto& text : bad) {
        SCOPED_TRACE(testing::PrintToString(text));
        EXPECT_FALSE(countCodePoints(text).has_value());
        EXPECT_FALSE(isValidUtf8(text));
    }
}

TEST(CatalogText, CheckTextReportsOneErrorPerField) {
    std::vector<FieldError> errors;
    EXPECT_TRUE(checkText(errors, {"a", "Tên", 5}, "Huế"));
    EXPECT_FALSE(checkText(errors, {"b", "Tên", 5}, ""));
    EXPECT_TRUE(checkText(errors, {"c", "Ghi chú", 5, Presence::Optional}, " "));
    EXPECT_FALSE(checkText(errors, {"d", "Tên", 5}, "Nguyễn"));
    EXPECT_FALSE(checkText(errors, {"e", "Tên", 50}, "a\tb"));
    EXPECT_FALSE(checkText(errors, {"f", "Tên", 50}, "a\xc2\x85"));  // C1 control NEL
    EXPECT_FALSE(checkText(errors, {"g", "Tên", 50}, "\xff"));
    ASSERT_EQ(errors.size(), 5U);
    EXPECT_EQ(errors[0].field, "b");
    EXPECT_EQ(errors[0].message_vi, "Tên không được để trống");
    EXPECT_EQ(errors[1].message_vi, "Tên không được dài quá 5 ký tự (hiện có 6)");
    EXPECT_EQ(errors[4].field, "g");
}

TEST(CatalogText, EchoesOnlyShortValidText) {
    EXPECT_EQ(printableEcho("abc"), "abc");
    EXPECT_EQ(printableEcho("\xff"), "");
    EXPECT_EQ(printableEcho(std::string(65, 'a')), "");
}

}  // namespace
}  // namespace motcua::domain
