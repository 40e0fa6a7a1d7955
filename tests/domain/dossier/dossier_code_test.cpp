// Contract: the dossier code (mã số hồ sơ).
//  - TT 01/2018/TT-VPCP Đ19: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`, e.g. the real
//    `000.00.06.H56-231027-0361` (Thanh Hóa, 27/10/2023, no. 361).
//  - TT 04/2025/TT-VPCP Đ23.2 (adds TT 03/2025 Đ13.3): `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX`, a
//    2-digit system prefix and a sequence "tối thiểu 4 chữ số", longer when needed.
//  - DVCQG samples also use YYYYMMDD (`G09.20-20260609-0092637`, rules.md §4 [U]): parsed, not generated.
// Parsing is strict, linear, bounded, and throws nothing: it is exposed to user input and fuzzed.

#include "domain/dossier/dossier_code.h"

#include "domain/core/error.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

using date::year;
using date::year_month_day;

year_month_day ymd(int y, unsigned m, unsigned d) { return year_month_day{year{y}, date::month{m}, date::day{d}}; }

TEST(DossierCode, FormatsTheLegalExample) {
    EXPECT_EQ(DossierCode::format("000.00.06.H56", ymd(2023, 10, 27), 361), "000.00.06.H56-231027-0361");
}

TEST(DossierCode, ParsesTheLegalExample) {
    const auto parts = DossierCode::parse("000.00.06.H56-231027-0361");
    ASSERT_TRUE(parts.has_value());
    EXPECT_EQ(parts->agency_code, "000.00.06.H56");
    EXPECT_EQ(parts->received_on, ymd(2023, 10, 27));
    EXPECT_EQ(parts->date_format, CodeDateFormat::Short);
    EXPECT_FALSE(parts->system_prefix.has_value());
    EXPECT_EQ(parts->sequence, 361U);
    EXPECT_EQ(parts->sequence_digits, 4U);
}

TEST(DossierCode, WritesLongerSequencesInFull) {
    // TT 04/2025: "độ dài theo nhu cầu, tối thiểu 4 chữ số".
    EXPECT_EQ(DossierCode::format("000.00.06.H56", ymd(2023, 10, 27), 12345), "000.00.06.H56-231027-12345");
    EXPECT_EQ(DossierCode::format("000.00.06.H56", ymd(2023, 10, 27), 361, 6), "000.00.06.H56-231027-000361");
    EXPECT_EQ(DossierCode::format("H56", ymd(2026, 1, 25), 999999999999999999ULL, 4),
              "H56-260125-999999999999999999");
}

TEST(DossierCode, ParsesFiveAndMoreDigitSequences) {
    const auto five = DossierCode::parse("000.00.06.H56-231027-12345");
    ASSERT_TRUE(five.has_value());
    EXPECT_EQ(five->sequence, 12345U);
    const auto dvcqg = DossierCode::parse("G09.20-20260609-0092637");
    ASSERT_TRUE(dvcqg.has_value());
    EXPECT_EQ(dvcqg->agency_code, "G09.20");
    EXPECT_EQ(dvcqg->received_on, ymd(2026, 6, 9));
    EXPECT_EQ(dvcqg->date_format, CodeDateFormat::Long);
    EXPECT_EQ(dvcqg->sequence, 92637U);
    EXPECT_EQ(dvcqg->sequence_digits, 7U);
}

TEST(DossierCode, SystemPrefixOfCentralisedSystems) {
    // TT 04/2025 Đ23.2: AA = 2 digits from the identifier of the system's owner.
    const std::string code = DossierCode::formatWithPrefix("H56.123.45", ymd(2026, 1, 25), "12", 361);
    EXPECT_EQ(code, "H56.123.45-260125-120361");
    const auto with_prefix = DossierCode::parse(code, SystemPrefix::Present);
    ASSERT_TRUE(with_prefix.has_value());
    EXPECT_EQ(with_prefix->system_prefix, "12");
    EXPECT_EQ(with_prefix->sequence, 361U);
    // Read without the prefix, the same text is a 6-digit sequence: the caller must say which.
    const auto without = DossierCode::parse(code, SystemPrefix::Absent);
    ASSERT_TRUE(without.has_value());
    EXPECT_EQ(without->sequence, 120361U);
    EXPECT_FALSE(DossierCode::parse("H56-260125-120", SystemPrefix::Present).has_value());
    EXPECT_FALSE(DossierCode::parse("H56-260125-12036", SystemPrefix::Present).has_value());
}

struct JunkRow {
    std::string text;
    const char* why;
};

TEST(DossierCode, RejectsJunk) {
    const std::vector<JunkRow> rows{
        {"", "empty"},
        {"-", "dashes only"},
        {"--", "dashes only"},
        {"000.00.06.H56", "no date or sequence"},
        {"000.00.06.H56-231027", "no sequence"},
        {"000.00.06.H56-231027-", "empty sequence"},
        {"-231027-0361", "empty agency"},
        {"000.00.06.H56--0361", "empty date"},
        {"000.00.06.H56-231027-036", "3-digit sequence (TT 01/2018 Đ19: XXXX)"},
        {"000.00.06.H56-231027-0000", "sequence 0"},
        {"000.00.06.H56-231027-1234567890123456789", "19-digit sequence"},
        {"000.00.06.H56-231327-0361", "month 13"},
        {"000.00.06.H56-231000-0361", "day 0"},
        {"000.00.06.H56-230229-0361", "29/02/2023 does not exist"},
        {"000.00.06.H56-2310270-0361", "7-digit date"},
        {"000.00.06.H56-21000101-0361", "year 2100"},
        {"000.00.06.H56-19991231-0361", "year 1999"},
        {"000.00.06.H56-231027-0361-1", "three dashes"},
        {"000.00.06.H56-231027-03a1", "letter in sequence"},
        {"000.00.06.H56-231027-+361", "sign in sequence"},
        {"000.00.06.H56-231027-0361\n", "trailing newline"},
        {" 000.00.06.H56-231027-0361", "leading space"},
        {"000.00.06.H56 -231027-0361", "space in agency"},
        {"000_00.06.H56-231027-0361", "underscore in agency"},
        {".000.00.06.H56-231027-0361", "leading dot"},
        {"000.00.06.H56.-231027-0361", "trailing dot"},
        {"000..06.H56-231027-0361", "double dot"},
        {"Sở-231027-0361", "non-ASCII agency"},
        {std::string(65, 'A') + "-231027-0361", "65-character agency"},
        {std::string("000.00.06.H56-231027-03\0" "61", 26), "embedded NUL"},
        {"000.00.06.H56-２31027-0361", "full-width digit"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.why);
        EXPECT_FALSE(DossierCode::parse(row.text).has_value());
    }
}

TEST(DossierCode, AcceptsBoundaryValues) {
    EXPECT_TRUE(DossierCode::parse("000.00.06.H56-240229-0361").has_value());  // leap day 2024
    EXPECT_TRUE(DossierCode::parse(std::string(64, 'A') + "-231027-0001").has_value());
    EXPECT_TRUE(DossierCode::parse("h56-000101-0001").has_value());
    EXPECT_TRUE(DossierCode::parse("H56-991231-999999999999999999").has_value());
}

TEST(DossierCode, RoundTripsThroughParseAndFormat) {
    for (const std::string text : {"000.00.06.H56-231027-0361", "000.00.06.H56-231027-00361", "G09.20-20260609-0092637",
                                   "H56.123.45-260125-120361"}) {
        SCOPED_TRACE(text);
        for (const auto prefix : {SystemPrefix::Absent, SystemPrefix::Present}) {
            const auto parts = DossierCode::parse(text, prefix);
            if (!parts) continue;
            EXPECT_EQ(DossierCode::format(*parts), text);
        }
    }
}

TEST(DossierCode, FormatRejectsInvalidInputWithInvalidArgument) {
    const auto expectInvalid = [](auto&& action) {
        try {
            action();
            ADD_FAILURE() << "no exception";
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
        }
    };
    const auto day = ymd(2023, 10, 27);
    expectInvalid([&] { (void)DossierCode::format("", day, 1); });
    expectInvalid([&] { (void)DossierCode::format("000.00.06.H56-", day, 1); });
    expectInvalid([&] { (void)DossierCode::format("000.00.06.H56", ymd(2023, 2, 29), 1); });
    expectInvalid([&] { (void)DossierCode::format("000.00.06.H56", ymd(1999, 12, 31), 1); });
    expectInvalid([&] { (void)DossierCode::format("000.00.06.H56", ymd(2100, 1, 1), 1); });
    expectInvalid([&] { (void)DossierCode::format("000.00.06.H56", day, 0); });
    expectInvalid([&] { (void)DossierCode::format("000.00.06.H56", day, 1'000'000'000'000'000'000ULL); });
    expectInvalid([&] { (void)DossierCode::format("000.00.06.H56", day, 1, 3); });
    expectInvalid([&] { (void)DossierCode::format("000.00.06.H56", day, 1, 19); });
    expectInvalid([&] { (void)DossierCode::formatWithPrefix("H56", day, "1", 1); });
    expectInvalid([&] { (void)DossierCode::formatWithPrefix("H56", day, "1a", 1); });
    expectInvalid([&] { (void)DossierCode{"not a code"}; });
}

TEST(DossierCode, ValueClassKeepsTextAndParts) {
    const DossierCode code{"000.00.06.H56-231027-0361"};
    EXPECT_EQ(code.str(), "000.00.06.H56-231027-0361");
    EXPECT_EQ(code.parts().sequence, 361U);
    EXPECT_EQ(code, DossierCode{"000.00.06.H56-231027-0361"});
    EXPECT_LT(code, DossierCode{"000.00.06.H56-231027-0362"});
}

TEST(DossierCode, AgencyCodeAlphabetAndLength) {
    EXPECT_TRUE(isValidAgencyCode("000.00.06.H56"));
    EXPECT_TRUE(isValidAgencyCode("H56.123.45"));
    EXPECT_TRUE(isValidAgencyCode("G09"));
    EXPECT_TRUE(isValidAgencyCode(std::string(64, '9')));
    EXPECT_FALSE(isValidAgencyCode(""));
    EXPECT_FALSE(isValidAgencyCode(std::string(65, '9')));
    EXPECT_FALSE(isValidAgencyCode("H56-1"));
    EXPECT_FALSE(isValidAgencyCode("H56 1"));
    EXPECT_FALSE(isValidAgencyCode("H56..1"));
    EXPECT_FALSE(isValidAgencyCode(".H56"));
    EXPECT_FALSE(isValidAgencyCode("H56."));
    EXPECT_FALSE(isValidAgencyCode("Hà56"));
}

TEST(DossierCode, HugeInputIsRejectedWithoutScanning) {
    const std::string huge(10'000'000, '1');
    EXPECT_FALSE(DossierCode::parse(huge).has_value());
    EXPECT_FALSE(DossierCode::parse(std::string(DossierCode::kMaxLength + 1, '-')).has_value());
}

/// A fixed-seed linear congruential generator: deterministic mutations without <random>.
class Lcg {
public:
    std::uint64_t next() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return state_ >> 33U;
    }
    std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }

private:
    std::uint64_t state_ = 20231027;
};

TEST(DossierCode, MutatedCodesNeverThrowAndAlwaysRoundTrip) {
    const std::vector<std::string> seeds{"000.00.06.H56-231027-0361", "G09.20-20260609-0092637",
                                         "H56.123.45-260125-120361"};
    static constexpr char kAlphabet[] = "0123456789.-AHZaz \x00\xff\xc3\xa0/+";
    const std::string alphabet(kAlphabet, sizeof kAlphabet - 1);
    Lcg random;
    int parsed = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string text = seeds[random.below(seeds.size())];
        const std::size_t edits = 1 + random.below(4);
        for (std::size_t e = 0; e < edits; ++e) {
            const std::size_t pos = text.empty() ? 0 : random.below(text.size() + 1);
            const char c = alphabet[random.below(alphabet.size())];
            switch (random.below(3)) {
                case 0: text.insert(pos, 1, c); break;
                case 1: if (pos < text.size()) text.erase(pos, 1); break;
                default: if (pos < text.size()) text[pos] = c; break;
            }
        }
        for (const auto prefix : {SystemPrefix::Absent, SystemPrefix::Present}) {
            std::optional<ParsedDossierCode> parts;
            ASSERT_NO_THROW(parts = DossierCode::parse(text, prefix)) << text;
            if (!parts) continue;
            ++parsed;
            ASSERT_LE(text.size(), DossierCode::kMaxLength);
            ASSERT_EQ(DossierCode::format(*parts), text);
            ASSERT_EQ(DossierCode(text, prefix).parts(), *parts);
        }
    }
    EXPECT_GT(parsed, 100);  // the mutations do reach valid codes too
}

}  // namespace
}  // namespace motcua::domain
