// Contract: a whole number is read only when the whole text is decimal digits (a leading '-' for
// a signed type) and fits the type; anything else is no number.

#include "domain/core/whole_number.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace motcua {
namespace {

using domain::wholeNumber;

TEST(WholeNumber, ReadsTheWholeTextAsADecimalNumber) {
    EXPECT_EQ(wholeNumber<int>("2026"), 2026);
    EXPECT_EQ(wholeNumber<int>("007"), 7);
    EXPECT_EQ(wholeNumber<long long>("-15"), -15);
    EXPECT_EQ(wholeNumber<std::int64_t>("9223372036854775807"), INT64_MAX);
}

TEST(WholeNumber, RefusesEmptyPartialSignedOrSpacedText) {
    for (const char* text : {"", " 1", "1 ", "1x", "x1", "+3", "1.5", "1e3", "٣", "--1"}) {
        EXPECT_FALSE(wholeNumber<int>(text)) << '"' << text << '"';
    }
}

TEST(WholeNumber, RefusesWhatDoesNotFitTheType) {
    EXPECT_FALSE(wholeNumber<int>("99999999999"));
    EXPECT_FALSE(wholeNumber<std::size_t>("-1"));
    EXPECT_FALSE(wholeNumber<std::int64_t>("9223372036854775808"));
    EXPECT_EQ(wholeNumber<std::size_t>("100000"), 100000u);
}

}  // namespace
}  // namespace motcua
