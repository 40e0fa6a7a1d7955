// Contract: index criteria as data.
// - QĐ 766/QĐ-TTg (rules.md §8): group 2 indicator 2.1 "Tiến độ giải quyết" 20 points and group 3
//   "Dịch vụ công trực tuyến" 12 points; general rule: full points if R ≥ target, else R × Pmax ÷
//   target.
// - PAR Index (QĐ 876/QĐ-BNV, rules.md §7, DRAFT [M/U]): on-time 100% → full, 95% to under 100% →
//   partial, under 95% → 0; apologies 100% of late dossiers → full, else 0 (rules.md §3.3).
// - Tables are loaded from text "code;name;indicator;max_points;rule[;when_empty]" so each year's
//   guidance is data; the parser refuses junk with Vietnamese messages naming the line.
// - Each score carries the dossiers behind it (drill-down).
// Expected points are computed by hand from the julyDataset() counts (stats_test_support.h).

#include "domain/stats/index_scoring.h"

#include "domain/core/error.h"
#include "stats_test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::domain::stats {
namespace {

using namespace stats_test;

std::vector<DossierId> ids(std::initializer_list<std::int64_t> values) {
    std::vector<DossierId> out;
    for (const std::int64_t v : values) out.push_back(DossierId{v});
    return out;
}

Criterion criterionWith(Indicator indicator, double max_points, ScoringRule rule,
                        EmptyDenominator when_empty = EmptyDenominator::NotApplicable) {
    return Criterion{"T.1", "Tiêu chí thử", indicator, max_points, std::move(rule), when_empty};
}

TEST(IndexScoringTest, IndicatorNamesRoundTrip) {
    for (std::size_t i = 0; i < kIndicatorCount; ++i) {
        const auto indicator = static_cast<Indicator>(i);
        EXPECT_EQ(parseIndicator(toName(indicator)), indicator);
        EXPECT_FALSE(labelVi(indicator).empty());
    }
    EXPECT_THROW((void)parseIndicator("on-time"), Error);
}

TEST(IndexScoringTest, LinearRuleOfQd766) {
    // rules.md §8: full points if R ≥ target, otherwise R × Pmax ÷ target.
    struct Row {
        std::int64_t target;
        std::int64_t numerator;
        std::int64_t denominator;
        double max_points;
        double expected;
        const char* why;
    };
    const std::vector<Row> rows{
        {kRatioScale, 12, 12, 20.0, 20.0, "100% of 20 points"},
        {kRatioScale, 7, 12, 20.0, 20.0 * 7.0 / 12.0, "7/12 × 20 = 11.67"},
        {kRatioScale, 0, 5, 12.0, 0.0, "nothing online"},
        {500'000, 3, 5, 1.0, 1.0, "60% ≥ target 50%: full"},
        {500'000, 1, 4, 1.0, 0.5, "25% of a 50% target: half"},
        {200'000, 1, 10, 0.5, 0.25, "10% of a 20% target × 0.5"},
        {800'000, 4, 5, 6.0, 6.0, "exactly the 80% target"},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.why);
        const Criterion c = criterionWith(Indicator::Progress766, row.max_points, {RuleKind::Linear, row.target, {}});
        const auto points = pointsFor(c, makeRate(row.numerator, row.denominator));
        ASSERT_TRUE(points.has_value());
        EXPECT_DOUBLE_EQ(*points, row.expected);
    }
}

TEST(IndexScoringTest, BandsOfTheDraftParOnTimeCriterion) {
    // rules.md §7 typical banding: 100% → full; 95% to under 100% → partial; under 95% → 0.
    const Criterion on_time = draftParTable().criteria()[0];
    ASSERT_EQ(on_time.indicator, Indicator::OnTimeRate);
    struct Row {
        std::int64_t numerator;
        std::int64_t denominator;
        double expected;
        const char* why;
    };
    const std::vector<Row> rows{
        {20, 20, 1.0, "100%"},
        {19, 20, 0.5, "exactly 95% reaches the band (exact comparison, no rounding)"},
        {99'999, 100'000, 0.5, "99.999%"},
        {189, 200, 0.0, "94.5%"},
        {0, 3, 0.0, "0%"},
        {1'899'999, 2'000'000, 0.0, "94.99995%: below 95% by less than a millionth"},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.why);
        EXPECT_EQ(pointsFor(on_time, makeRate(row.numerator, row.denominator)), row.expected);
    }
}

TEST(IndexScoringTest, ZeroDenominatorFollowsTheCriterionsPolicy) {
    const Rate none = makeRate(0, 0);
    const ScoringRule all = {RuleKind::Bands, kRatioScale, {{kRatioScale, 0.5}}};
    EXPECT_EQ(pointsFor(criterionWith(Indicator::ApologyCoverage, 0.5, all, EmptyDenominator::FullPoints), none), 0.5)
        << "no late dossier: nothing to apologise for";
    EXPECT_EQ(pointsFor(criterionWith(Indicator::ApologyCoverage, 0.5, all, EmptyDenominator::ZeroPoints), none), 0.0);
    EXPECT_EQ(pointsFor(criterionWith(Indicator::ApologyCoverage, 0.5, all), none), std::nullopt);
    EXPECT_EQ(pointsFor(criterionWith(Indicator::ApologyCoverage, 0.5, all), makeRate(2, 3)), 0.0)
        << "rules.md §3.3: 100% → full, otherwise 0";
}

TEST(IndexScoringTest, ScoresTheJulyDatasetWithDrillDown) {
    const auto records = julyDataset();
    const ReportingPeriod july = parseReportingPeriod("2026-M07");
    const IndexMeasures measures = computeIndexMeasures(records, july, threeLevelTree());

    // The measures equal the total row of the report.
    const Report06a report = compute06a(records, july, Grouping::Agency, threeLevelTree());
    for (std::size_t i = 0; i < kIndicatorCount; ++i) {
        const auto indicator = static_cast<Indicator>(i);
        SCOPED_TRACE(std::string{toName(indicator)});
        EXPECT_EQ(measures[indicator].rate, rateOf(report.total.rates, indicator));
        EXPECT_EQ(measures[indicator].rate, measuresFromCounts(report.total.counts)[indicator].rate);
        EXPECT_EQ(static_cast<std::int64_t>(measures[indicator].counted.size()), measures[indicator].rate.numerator);
        EXPECT_EQ(static_cast<std::int64_t>(measures[indicator].counted.size() + measures[indicator].shortfall.size()),
                  measures[indicator].rate.denominator);
    }

    const std::vector<CriterionScore> scores = scoreCriteria(defaultScoringTable(), measures);
    ASSERT_EQ(scores.size(), 7u);
    struct Expected {
        const char* code;
        std::optional<double> points;
        std::vector<DossierId> shortfall;
        const char* why;
    };
    const std::vector<Expected> expected{
        {"766.2.1", 20.0 * 7.0 / 12.0, ids({3, 5, 6, 7, 14}),
         "7/12 on track; D3 D6 late, D5 D7 overdue, D14 two supplements"},
        {"766.3", 8.0, ids({15}), "2/3 toàn trình × 12; D15 filed at the desk"},
        {"PAR.DT.1", 0.0, ids({3, 6}), "on time 5/7 = 71% < 95%; the late ones"},
        {"PAR.DT.2", 0.0, ids({5, 6}), "apology 2/4 < 100%; late or overdue without apology"},
        {"PAR.DT.3", 1.0, ids({15}), "2/3 ≥ 50% target"},
        {"PAR.DT.4", 0.25, ids({1, 2, 4, 5, 10, 12, 13, 14, 15}), "1/10 of a 20% target × 0.5"},
        {"PAR.DT.5", 0.5, ids({1}), "2/3 ≥ 20% target"},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(expected[i].why);
        EXPECT_EQ(scores[i].code, expected[i].code);
        ASSERT_EQ(scores[i].points.has_value(), expected[i].points.has_value());
        if (expected[i].points) {
            EXPECT_DOUBLE_EQ(*scores[i].points, *expected[i].points);
        }
        EXPECT_EQ(scores[i].shortfall, expected[i].shortfall);
    }
    EXPECT_EQ(scores[3].counted, ids({3, 7})) << "the apologised ones";
    EXPECT_EQ(scores[5].counted, ids({3})) << "received by post";
    EXPECT_EQ(scores[0].max_points, 20.0);
}

TEST(IndexScoringTest, DefaultTablesShipTheDocumentedCriteria) {
    const ScoringTable qd766_table = qd766Table();
    const auto& qd766 = qd766_table.criteria();
    ASSERT_EQ(qd766.size(), 2u);
    EXPECT_EQ(qd766[0].indicator, Indicator::Progress766);
    EXPECT_EQ(qd766[0].max_points, 20.0);
    EXPECT_EQ(qd766[0].rule, (ScoringRule{RuleKind::Linear, kRatioScale, {}}));
    EXPECT_EQ(qd766[1].indicator, Indicator::OnlineFullShare);
    EXPECT_EQ(qd766[1].max_points, 12.0);
    const ScoringTable par_table = draftParTable();
    const auto& par = par_table.criteria();
    ASSERT_EQ(par.size(), 5u);
    for (const Criterion& c : par) EXPECT_NE(c.name.find("Dự thảo"), std::string::npos) << c.code;
    EXPECT_EQ(defaultScoringTable().criteria().size(), 7u);
}

TEST(IndexScoringTest, ParsesATableFromText) {
    const std::string text =
        "# PAR Index 2027 — hướng dẫn chấm điểm (ví dụ)\r\n"
        "code;name;indicator;max_points;rule;when_empty\r\n"
        "\n"
        "6.1.2 ; Tỷ lệ hồ sơ giải quyết đúng hạn ; on_time_rate ; 1.5 ; bands:100%=1.5,95%=0.75,90%=0.25 ; full\n"
        "7.3;Tỷ lệ hồ sơ trực tuyến toàn trình;online_full_share;2;linear:80%\n"
        "766.2.1;Tiến độ giải quyết;progress_766;20;linear\n";
    const ScoringTable table = parseScoringTable(text);
    ASSERT_EQ(table.criteria().size(), 3u);
    const Criterion& first = table.criteria()[0];
    EXPECT_EQ(first.code, "6.1.2");
    EXPECT_EQ(first.name, "Tỷ lệ hồ sơ giải quyết đúng hạn");
    EXPECT_EQ(first.max_points, 1.5);
    EXPECT_EQ(first.when_empty, EmptyDenominator::FullPoints);
    EXPECT_EQ(first.rule.bands, (std::vector<Band>{{1'000'000, 1.5}, {950'000, 0.75}, {900'000, 0.25}}));
    EXPECT_EQ(table.criteria()[1].rule.target, 800'000);
    EXPECT_EQ(table.criteria()[1].when_empty, EmptyDenominator::NotApplicable);
    EXPECT_EQ(table.criteria()[2].rule.target, kRatioScale);

    EXPECT_EQ(parseScoringTable(formatScoringTable(table)), table);
    EXPECT_EQ(parseScoringTable(formatScoringTable(defaultScoringTable())), defaultScoringTable());
}

TEST(IndexScoringTest, RefusesJunkListingEveryBadLine) {
    const std::string text =
        "a;b;c\n"                                                       // 1: too few columns
        "X.1;Tên;unknown_measure;1;linear\n"                            // 2: indicator
        "X.2;Tên;on_time_rate;0;linear\n"                               // 3: max points 0
        "X.3;Tên;on_time_rate;1;bands:0.9=1,0.95=0.5\n"                 // 4: not decreasing
        "X.4;Tên;on_time_rate;1;bands:1=2\n"                            // 5: band above max
        "X.5;Tên;on_time_rate;1;linear:0\n"                             // 6: target 0
        "X.6;Tên;on_time_rate;1;linear:150%\n"                          // 7: target above 100%
        "X.7;Tên;on_time_rate;1;steps:1\n"                              // 8: unknown rule
        "X.8;Tên;on_time_rate;1;linear;sometimes\n"                     // 9: when_empty
        "X 9;Tên;on_time_rate;1;linear\n"                               // 10: code with a space
        "X.10;;on_time_rate;1;linear\n"                                 // 11: empty name
        "X.11;Tên;on_time_rate;1e3;linear\n"                            // 12: exponent
        "X.12;Tên;on_time_rate;1;bands:\n"                              // 13: empty bands
        "OK.1;Tên;on_time_rate;1;linear\n"                              // 14: fine
        "OK.1;Tên khác;on_time_rate;1;linear\n";                        // 15: duplicate code
    try {
        (void)parseScoringTable(text);
        FAIL() << "accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
        std::vector<std::string> lines;
        for (const FieldError& e : error.fieldErrors()) {
            if (lines.empty() || lines.back() != e.field) lines.push_back(e.field);
            EXPECT_EQ(e.message_vi.rfind("Dòng ", 0), 0u) << e.message_vi;
        }
        const std::vector<std::string> expected{"line 1",  "line 2",  "line 3",  "line 4",  "line 5",
                                                "line 6",  "line 7",  "line 8",  "line 9",  "line 10",
                                                "line 11", "line 12", "line 13", "line 15"};
        EXPECT_EQ(lines, expected);
    }
    EXPECT_THROW((void)parseScoringTable(""), Error) << "no criterion";
    EXPECT_THROW((void)parseScoringTable("# only a comment\n"), Error);
    EXPECT_THROW((void)parseScoringTable(std::string((1 << 20) + 1, '#')), Error);
    EXPECT_THROW((void)parseScoringTable("X.1;T\xff;on_time_rate;1;linear\n"), Error) << "not UTF-8";
}

TEST(IndexScoringTest, ConstructorValidatesCriteriaBuiltInCode) {
    const ScoringRule linear{RuleKind::Linear, kRatioScale, {}};
    EXPECT_THROW(ScoringTable({criterionWith(Indicator::OnTimeRate, 1.0, linear),
                               criterionWith(Indicator::OnTimeRate, 1.0, linear)}),
                 Error)
        << "duplicate code";
    EXPECT_THROW(ScoringTable({criterionWith(Indicator::OnTimeRate, 2000.0, linear)}), Error);
    EXPECT_THROW(ScoringTable({criterionWith(Indicator::OnTimeRate, 1.0, {RuleKind::Bands, kRatioScale, {}})}), Error);
    Criterion semicolon = criterionWith(Indicator::OnTimeRate, 1.0, linear);
    semicolon.name = "Tên; có dấu chấm phẩy";
    EXPECT_THROW(ScoringTable({semicolon}), Error) << "could not be written back as text";
    EXPECT_NO_THROW(ScoringTable({criterionWith(Indicator::OnTimeRate, 1.0, linear)}));
}

TEST(IndexScoringTest, SurvivesByteMutationsOfAValidTable) {
    // Deterministic fuzz: every byte of a valid line set to a sample of values; the parser either
    // accepts (and the table then round-trips) or throws InvalidArgument.
    const std::string seed = "766.2.1;Tiến độ;progress_766;20;bands:1=20,0.5=10;full\n";
    const std::vector<int> values{0, '\n', '\r', ';', ',', '=', '%', '.', ':', '-', '0', '9', 'a', ' ', 0x80, 0xff};
    int accepted = 0;
    for (std::size_t i = 0; i < seed.size(); ++i) {
        for (const int b : values) {
            std::string text = seed;
            text[i] = static_cast<char>(b);
            try {
                const ScoringTable table = parseScoringTable(text);
                ++accepted;
                EXPECT_EQ(parseScoringTable(formatScoringTable(table)), table) << text;
            } catch (const Error& error) {
                EXPECT_EQ(error.code(), ErrorCode::InvalidArgument) << text;
            }
        }
    }
    EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace motcua::domain::stats
