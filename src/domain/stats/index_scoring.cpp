#include "domain/stats/index_scoring.h"

#include "domain/catalog/enum_names.h"
#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace motcua::domain::stats {

namespace {

constexpr std::array<detail::EnumName<Indicator>, kIndicatorCount> kIndicatorNames{{
    {Indicator::OnTimeRate, "on_time_rate", "Tỷ lệ hồ sơ giải quyết đúng hạn"},
    {Indicator::Progress766, "progress_766",
     "Tỷ lệ hồ sơ giải quyết đúng hạn và đang giải quyết trong hạn (QĐ 766, chỉ tiêu 2.1)"},
    {Indicator::OnlineFullShare, "online_full_share",
     "Tỷ lệ hồ sơ trực tuyến toàn trình trên hồ sơ của TTHC cung cấp trực tuyến toàn trình"},
    {Indicator::OnlinePartialShare, "online_partial_share",
     "Tỷ lệ hồ sơ trực tuyến trên hồ sơ của TTHC cung cấp trực tuyến một phần"},
    {Indicator::ApologyCoverage, "apology_coverage", "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi"},
    {Indicator::TimelyApologyCoverage, "timely_apology_coverage",
     "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi đúng thời hạn"},
    {Indicator::PostalReceiptShare, "postal_receipt_share",
     "Tỷ lệ hồ sơ tiếp nhận qua dịch vụ bưu chính công ích"},
    {Indicator::PostalReturnShare, "postal_return_share",
     "Tỷ lệ kết quả trả qua dịch vụ bưu chính công ích"},
}};

constexpr std::size_t kMaxTableBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxCodeLength = 32;
constexpr std::size_t kMaxNameLength = 255;
constexpr std::size_t kMaxBands = 100;
constexpr std::size_t kMaxReportedErrors = 50;
constexpr std::int64_t kMaxPointsMicros = 1000 * kRatioScale;
constexpr std::string_view kHeader = "code;name;indicator;max_points;rule";
constexpr std::string_view kHeaderWithEmpty = "code;name;indicator;max_points;rule;when_empty";

bool isCodeChar(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '_' ||
           c == '-';
}

bool isValidCriterionCode(std::string_view code) noexcept {
    if (code.empty() || code.size() > kMaxCodeLength) return false;
    return std::all_of(code.begin(), code.end(), isCodeChar);
}

std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(separator, start);
        if (at == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
}

/// Parses a decimal ("20", "0.5", "1.000001") into millionths; with `allow_percent`, also a
/// percentage ("95%", "99.5%"). At most 7 integer digits and 6 decimals (4 for percentages).
std::optional<std::int64_t> parseMillionths(std::string_view text, bool allow_percent) noexcept {
    bool percent = false;
    if (allow_percent && !text.empty() && text.back() == '%') {
        percent = true;
        text.remove_suffix(1);
    }
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    const std::size_t max_decimals = percent ? 4 : 6;
    if (whole.empty() || whole.size() > 7) return std::nullopt;
    if (dot != std::string_view::npos && (fraction.empty() || fraction.size() > max_decimals)) return std::nullopt;
    std::int64_t whole_value = 0;
    for (const char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        whole_value = whole_value * 10 + (c - '0');
    }
    std::int64_t fraction_value = 0;
    for (std::size_t i = 0; i < max_decimals; ++i) {
        const char c = i < fraction.size() ? fraction[i] : '0';
        if (c < '0' || c > '9') return std::nullopt;
        fraction_value = fraction_value * 10 + (c - '0');
    }
    // Percent: 1% is 10'000 millionths and the 4 decimals are 1 millionth each.
    return percent ? whole_value * 10'000 + fraction_value : whole_value * kRatioScale + fraction_value;
}

double fromMillionths(std::int64_t value) noexcept {
    return static_cast<double>(value) / static_cast<double>(kRatioScale);
}

std::int64_t toMillionths(double value) noexcept {
    return static_cast<std::int64_t>(std::llround(value * static_cast<double>(kRatioScale)));
}

std::string formatMillionths(std::int64_t value) {
    std::string out = std::to_string(value / kRatioScale);
    std::int64_t fraction = value % kRatioScale;
    if (fraction == 0) return out;
    std::string digits = std::to_string(fraction);
    digits.insert(0, 6 - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    return out + "." + digits;
}

/// Returns numerator ÷ denominator ≥ threshold ÷ kRatioScale, exactly (counts are far below the
/// overflow bound; the long double fallback only guards absurd inputs).
bool reaches(std::int64_t numerator, std::int64_t denominator, std::int64_t threshold) noexcept {
    std::int64_t left = 0;
    std::int64_t right = 0;
    if (!__builtin_mul_overflow(numerator, kRatioScale, &left) &&
        !__builtin_mul_overflow(threshold, denominator, &right)) {
        return left >= right;
    }
    return static_cast<long double>(numerator) * static_cast<long double>(kRatioScale) >=
           static_cast<long double>(threshold) * static_cast<long double>(denominator);
}

std::string_view emptyName(EmptyDenominator policy) noexcept {
    switch (policy) {
        case EmptyDenominator::NotApplicable: return "na";
        case EmptyDenominator::FullPoints: return "full";
        case EmptyDenominator::ZeroPoints: return "zero";
    }
    return "na";
}

std::optional<EmptyDenominator> parseEmptyName(std::string_view name) noexcept {
    if (name == "na") return EmptyDenominator::NotApplicable;
    if (name == "full") return EmptyDenominator::FullPoints;
    if (name == "zero") return EmptyDenominator::ZeroPoints;
    return std::nullopt;
}

/// Appends the problems of `criterion` to `errors`, fields prefixed by `where`, messages by
/// `where_vi`.
void checkCriterion(std::vector<FieldError>& errors, const Criterion& criterion, const std::string& where,
                    const std::string& where_vi) {
    const auto add = [&](std::string_view member, const std::string& message) {
        errors.push_back({where + std::string{member}, where_vi + message});
    };
    if (!isValidCriterionCode(criterion.code)) {
        add("code", "mã tiêu chí gồm 1–32 ký tự chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang");
    }
    const auto length = countCodePoints(criterion.name);
    if (isBlank(criterion.name)) {
        add("name", "thiếu tên tiêu chí");
    } else if (trim(criterion.name) != criterion.name) {
        add("name", "tên tiêu chí không được bắt đầu hoặc kết thúc bằng khoảng trắng");
    } else if (!length || *length > kMaxNameLength) {
        add("name", "tên tiêu chí phải là văn bản UTF-8 không quá 255 ký tự");
    } else {
        std::vector<FieldError> text_errors;
        if (!checkText(text_errors, {"name", "Tên tiêu chí", kMaxNameLength}, criterion.name) ||
            criterion.name.find(';') != std::string::npos) {
            add("name", "tên tiêu chí không được chứa ký tự điều khiển, xuống dòng hoặc dấu chấm phẩy");
        }
    }
    const bool points_ok = std::isfinite(criterion.max_points) && criterion.max_points > 0.0 &&
                           criterion.max_points <= ScoringTable::kMaxPoints;
    if (!points_ok) add("max_points", "điểm tối đa phải lớn hơn 0 và không quá 1000");
    const ScoringRule& rule = criterion.rule;
    if (rule.kind == RuleKind::Linear) {
        if (rule.target < 1 || rule.target > kRatioScale) {
            add("rule", "mức chuẩn của quy tắc tuyến tính phải lớn hơn 0% và không quá 100%");
        }
        return;
    }
    if (rule.bands.empty() || rule.bands.size() > kMaxBands) {
        add("rule", "bảng mức điểm phải có từ 1 đến 100 mức");
        return;
    }
    for (std::size_t i = 0; i < rule.bands.size(); ++i) {
        const Band& band = rule.bands[i];
        if (band.min_ratio < 0 || band.min_ratio > kRatioScale) {
            add("rule", "ngưỡng của mức điểm phải từ 0% đến 100%");
        }
        if (i > 0 && band.min_ratio >= rule.bands[i - 1].min_ratio) {
            add("rule", "các ngưỡng phải giảm dần, không trùng nhau");
        }
        if (!std::isfinite(band.points) || band.points < 0.0 || (points_ok && band.points > criterion.max_points)) {
            add("rule", "điểm của mỗi mức phải từ 0 đến điểm tối đa");
        }
    }
}

/// Parses the rule field; appends a message to `problems` on error.
std::optional<ScoringRule> parseRule(std::string_view text, std::vector<std::string>& problems) {
    ScoringRule rule;
    if (text == "linear") return rule;
    constexpr std::string_view kLinear = "linear:";
    constexpr std::string_view kBands = "bands:";
    if (text.starts_with(kLinear)) {
        const auto target = parseMillionths(trim(text.substr(kLinear.size())), true);
        if (!target) {
            problems.emplace_back("mức chuẩn của quy tắc “linear:” phải là tỷ lệ như 1, 0.8 hoặc 80%");
            return std::nullopt;
        }
        rule.target = *target;
        return rule;
    }
    if (text.starts_with(kBands)) {
        rule.kind = RuleKind::Bands;
        const auto entries = split(text.substr(kBands.size()), ',');
        if (entries.size() > kMaxBands) {
            problems.emplace_back("bảng mức điểm có quá 100 mức");
            return std::nullopt;
        }
        for (const std::string_view entry : entries) {
            const std::size_t eq = entry.find('=');
            const auto ratio = eq == std::string_view::npos ? std::nullopt : parseMillionths(trim(entry.substr(0, eq)), true);
            const auto points = eq == std::string_view::npos ? std::nullopt : parseMillionths(trim(entry.substr(eq + 1)), false);
            if (!ratio || !points) {
                problems.emplace_back("mỗi mức điểm viết dạng NGƯỠNG=ĐIỂM, ví dụ 0.95=0.5 hoặc 95%=0.5");
                return std::nullopt;
            }
            rule.bands.push_back(Band{*ratio, fromMillionths(*points)});
        }
        return rule;
    }
    problems.emplace_back("quy tắc chấm điểm phải là “linear”, “linear:MỨC_CHUẨN” hoặc “bands:NGƯỠNG=ĐIỂM,…”");
    return std::nullopt;
}

std::string formatRule(const ScoringRule& rule) {
    if (rule.kind == RuleKind::Linear) {
        return rule.target == kRatioScale ? std::string{"linear"} : "linear:" + formatMillionths(rule.target);
    }
    std::string out = "bands:";
    for (std::size_t i = 0; i < rule.bands.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += formatMillionths(rule.bands[i].min_ratio) + "=" + formatMillionths(toMillionths(rule.bands[i].points));
    }
    return out;
}

Criterion criterion(std::string code, std::string name, Indicator indicator, double max_points, ScoringRule rule,
                    EmptyDenominator when_empty) {
    return Criterion{std::move(code), std::move(name), indicator, max_points, std::move(rule), when_empty};
}

ScoringRule linear(std::int64_t target = kRatioScale) { return ScoringRule{RuleKind::Linear, target, {}}; }

ScoringRule bands(std::vector<Band> entries) { return ScoringRule{RuleKind::Bands, kRatioScale, std::move(entries)}; }

}  // namespace

std::string_view toName(Indicator indicator) { return detail::enumRow(kIndicatorNames, indicator).name; }
std::string_view labelVi(Indicator indicator) { return detail::enumRow(kIndicatorNames, indicator).label_vi; }
Indicator parseIndicator(std::string_view name) {
    return detail::parseEnumName(kIndicatorNames, name, "Chỉ số đo", "indicator");
}

Rate rateOf(const Rates06a& rates, Indicator indicator) noexcept {
    switch (indicator) {
        case Indicator::OnTimeRate: return rates.on_time;
        case Indicator::Progress766: return rates.progress_766;
        case Indicator::OnlineFullShare: return rates.online_full_share;
        case Indicator::OnlinePartialShare: return rates.online_partial_share;
        case Indicator::ApologyCoverage: return rates.apology_coverage;
        case Indicator::TimelyApologyCoverage: return rates.timely_apology_coverage;
        case Indicator::PostalReceiptShare: return rates.postal_receipt_share;
        case Indicator::PostalReturnShare: return rates.postal_return_share;
    }
    return Rate{};
}

IndexMeasures measuresFromCounts(const Counts06a& counts) noexcept {
    const Rates06a rates = ratesOf(counts);
    IndexMeasures result;
    for (std::size_t i = 0; i < kIndicatorCount; ++i) {
        const auto indicator = static_cast<Indicator>(i);
        result.measures[i].indicator = indicator;
        result.measures[i].rate = rateOf(rates, indicator);
    }
    return result;
}

IndexMeasures computeIndexMeasures(std::span<const DossierStatRecord> records, const ReportingPeriod& period,
                                   const AgencyTree& agencies, const Report06aOptions& options) {
    if (options.scope) (void)agencies.get(*options.scope);  // throws NotFound
    Counts06a total;
    std::array<std::vector<DossierId>, kIndicatorCount> counted;
    std::array<std::vector<DossierId>, kIndicatorCount> shortfall;
    for (const DossierStatRecord& record : records) {
        const AgencyId agency = attributedAgency(record, options.attribution);
        if (options.scope && !agencies.isDescendantOrSelf(*options.scope, agency)) continue;
        const Counts06a unit = countRecord(record, period, options);
        if (unit == Counts06a{}) continue;
        total += unit;
        // A dossier's own rates are 0/0, 0/1 or 1/1: in the denominator, and maybe the numerator.
        const Rates06a unit_rates = ratesOf(unit);
        for (std::size_t i = 0; i < kIndicatorCount; ++i) {
            const Rate rate = rateOf(unit_rates, static_cast<Indicator>(i));
            if (rate.denominator == 0) continue;
            (rate.numerator > 0 ? counted[i] : shortfall[i]).push_back(record.dossier_id);
        }
    }
    IndexMeasures result = measuresFromCounts(total);
    for (std::size_t i = 0; i < kIndicatorCount; ++i) {
        std::sort(counted[i].begin(), counted[i].end());
        std::sort(shortfall[i].begin(), shortfall[i].end());
        result.measures[i].counted = std::move(counted[i]);
        result.measures[i].shortfall = std::move(shortfall[i]);
    }
    return result;
}

ScoringTable::ScoringTable(std::vector<Criterion> criteria) : criteria_(std::move(criteria)) {
    std::vector<FieldError> errors;
    if (criteria_.size() > kMaxCriteria) {
        errors.push_back({"criteria", "Bảng điểm có quá 1000 tiêu chí"});
        throw Error::invalidFields(std::move(errors));
    }
    std::set<std::string> codes;
    for (std::size_t i = 0; i < criteria_.size(); ++i) {
        const std::string where = "criteria[" + std::to_string(i) + "].";
        const std::string where_vi = "Tiêu chí thứ " + std::to_string(i + 1) + ": ";
        checkCriterion(errors, criteria_[i], where, where_vi);
        if (!codes.insert(criteria_[i].code).second) {
            errors.push_back({where + "code", where_vi + "mã tiêu chí bị trùng"});
        }
    }
    if (!errors.empty()) throw Error::invalidFields(std::move(errors));
}

std::optional<double> pointsFor(const Criterion& criterion, const Rate& rate) noexcept {
    if (!rate.defined()) {
        switch (criterion.when_empty) {
            case EmptyDenominator::NotApplicable: return std::nullopt;
            case EmptyDenominator::FullPoints: return criterion.max_points;
            case EmptyDenominator::ZeroPoints: return 0.0;
        }
        return std::nullopt;
    }
    const ScoringRule& rule = criterion.rule;
    if (rule.kind == RuleKind::Linear) {
        // QĐ 766 general rule (rules.md §8): full points if R ≥ target, otherwise R × Pmax ÷ target.
        if (reaches(rate.numerator, rate.denominator, rule.target)) return criterion.max_points;
        return criterion.max_points * static_cast<double>(rate.numerator) * static_cast<double>(kRatioScale) /
               (static_cast<double>(rate.denominator) * static_cast<double>(rule.target));
    }
    for (const Band& band : rule.bands) {
        if (reaches(rate.numerator, rate.denominator, band.min_ratio)) return band.points;
    }
    return 0.0;
}

std::vector<CriterionScore> scoreCriteria(const ScoringTable& table, const IndexMeasures& measures) {
    std::vector<CriterionScore> scores;
    scores.reserve(table.criteria().size());
    for (const Criterion& criterion : table.criteria()) {
        const Measure& measure = measures[criterion.indicator];
        scores.push_back(CriterionScore{criterion.code, criterion.name, criterion.indicator, measure.rate,
                                        pointsFor(criterion, measure.rate), criterion.max_points, measure.counted,
                                        measure.shortfall});
    }
    return scores;
}

ScoringTable parseScoringTable(std::string_view text) {
    if (text.size() > kMaxTableBytes) {
        throw Error{ErrorCode::InvalidArgument, "Tệp bảng điểm quá lớn (tối đa 1 MiB)", "scoring table too large",
                    std::string{"table"}};
    }
    std::vector<FieldError> errors;
    std::vector<Criterion> criteria;
    std::set<std::string, std::less<>> codes;
    std::size_t line_number = 0;
    bool first_content = true;
    for (const std::string_view raw_line : split(text, '\n')) {
        ++line_number;
        const std::string_view line = trim(raw_line);
        if (line.empty() || line.front() == '#') continue;
        const bool was_first = first_content;
        first_content = false;
        if (was_first && (line == kHeader || line == kHeaderWithEmpty)) continue;
        if (errors.size() >= kMaxReportedErrors) continue;

        const std::string where = "line " + std::to_string(line_number);
        const std::string where_vi = "Dòng " + std::to_string(line_number) + ": ";
        if (!isValidUtf8(line)) {
            errors.push_back({where, where_vi + "không phải văn bản UTF-8"});
            continue;
        }
        const auto fields = split(line, ';');
        if (fields.size() != 5 && fields.size() != 6) {
            errors.push_back({where, where_vi + "cần 5 hoặc 6 cột “mã;tên;chỉ số;điểm tối đa;quy tắc[;khi không có hồ sơ]” "
                                                "phân cách bằng dấu chấm phẩy"});
            continue;
        }
        std::vector<std::string> problems;
        Criterion parsed;
        parsed.code = std::string{trim(fields[0])};
        parsed.name = std::string{trim(fields[1])};
        const auto indicator = detail::findEnumName(kIndicatorNames, trim(fields[2]));
        if (!indicator) {
            std::string known;
            for (const auto& row : kIndicatorNames) known += (known.empty() ? "" : ", ") + std::string{row.name};
            problems.push_back("chỉ số đo không hợp lệ, dùng một trong: " + known);
        } else {
            parsed.indicator = *indicator;
        }
        const auto max_points = parseMillionths(trim(fields[3]), false);
        if (!max_points || *max_points <= 0 || *max_points > kMaxPointsMicros) {
            problems.emplace_back("điểm tối đa phải là số thập phân lớn hơn 0 và không quá 1000, ví dụ 20 hoặc 0.5");
        } else {
            parsed.max_points = fromMillionths(*max_points);
        }
        const auto rule = parseRule(trim(fields[4]), problems);
        if (rule) parsed.rule = *rule;
        if (fields.size() == 6) {
            const auto policy = parseEmptyName(trim(fields[5]));
            if (!policy) {
                problems.emplace_back("cột khi không có hồ sơ phải là “na”, “full” hoặc “zero”");
            } else {
                parsed.when_empty = *policy;
            }
        }
        if (problems.empty()) {
            std::vector<FieldError> criterion_errors;
            checkCriterion(criterion_errors, parsed, where + ".", where_vi);
            for (FieldError& error : criterion_errors) errors.push_back({where, std::move(error.message_vi)});
            if (criterion_errors.empty() && !codes.insert(parsed.code).second) {
                errors.push_back({where, where_vi + "mã tiêu chí “" + parsed.code + "” bị trùng"});
            }
            if (criterion_errors.empty()) criteria.push_back(std::move(parsed));
        } else {
            for (std::string& problem : problems) errors.push_back({where, where_vi + std::move(problem)});
        }
        if (criteria.size() > ScoringTable::kMaxCriteria) {
            errors.push_back({where, "Bảng điểm có quá 1000 tiêu chí"});
            break;
        }
    }
    if (errors.empty() && criteria.empty()) {
        errors.push_back({"table", "Bảng điểm không có tiêu chí nào"});
    }
    if (!errors.empty()) throw Error::invalidFields(std::move(errors));
    return ScoringTable{std::move(criteria)};
}

std::string formatScoringTable(const ScoringTable& table) {
    std::string out{kHeaderWithEmpty};
    out.push_back('\n');
    for (const Criterion& c : table.criteria()) {
        out += c.code + ";" + c.name + ";" + std::string{toName(c.indicator)} + ";" +
               formatMillionths(toMillionths(c.max_points)) + ";" + formatRule(c.rule) + ";" +
               std::string{emptyName(c.when_empty)} + "\n";
    }
    return out;
}

ScoringTable qd766Table() {
    return ScoringTable{{
        // QĐ 766/QĐ-TTg group 2 "Tiến độ giải quyết", indicator 2.1 (rules.md §8): (resolved on
        // time + in progress within time) ÷ dossiers received/processed; > 1 supplement ⇒ overdue.
        criterion("766.2.1", "Tiến độ giải quyết: hồ sơ giải quyết đúng hạn và đang giải quyết trong hạn",
                  Indicator::Progress766, 20.0, linear(), EmptyDenominator::NotApplicable),
        // Group 3 "Dịch vụ công trực tuyến": toàn trình dossiers ÷ dossiers of TTHC eligible for
        // toàn trình × 12.
        criterion("766.3", "Dịch vụ công trực tuyến: hồ sơ nộp trực tuyến toàn trình trên hồ sơ của TTHC "
                           "cung cấp trực tuyến toàn trình",
                  Indicator::OnlineFullShare, 12.0, linear(), EmptyDenominator::NotApplicable),
    }};
}

ScoringTable draftParTable() {
    return ScoringTable{{
        // PAR Index "Cải cách TTHC", one-stop sub-criteria (rules.md §7, [M/U] DRAFT): 100% → full,
        // 95% to under 100% → half, under 95% → 0.
        criterion("PAR.DT.1", "(Dự thảo) Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", Indicator::OnTimeRate, 1.0,
                  bands({{kRatioScale, 1.0}, {950'000, 0.5}}), EmptyDenominator::FullPoints),
        // rules.md §3.3: all late dossiers apologised → full, otherwise 0.
        criterion("PAR.DT.2", "(Dự thảo) Thực hiện xin lỗi người dân, tổ chức khi để xảy ra trễ hạn",
                  Indicator::ApologyCoverage, 0.5, bands({{kRatioScale, 0.5}}), EmptyDenominator::FullPoints),
        // "Chính phủ số": share of dossiers processed online toàn trình (target 50%, draft).
        criterion("PAR.DT.3", "(Dự thảo) Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến toàn trình",
                  Indicator::OnlineFullShare, 1.0, linear(500'000), EmptyDenominator::NotApplicable),
        // Use of dịch vụ bưu chính công ích, receipt and return counted separately (QĐ 45/2016 Đ5,
        // rules.md §6.5; target 20%, draft).
        criterion("PAR.DT.4", "(Dự thảo) Tỷ lệ hồ sơ TTHC tiếp nhận qua dịch vụ bưu chính công ích",
                  Indicator::PostalReceiptShare, 0.5, linear(200'000), EmptyDenominator::NotApplicable),
        criterion("PAR.DT.5", "(Dự thảo) Tỷ lệ kết quả giải quyết TTHC trả qua dịch vụ bưu chính công ích",
                  Indicator::PostalReturnShare, 0.5, linear(200'000), EmptyDenominator::NotApplicable),
    }};
}

ScoringTable defaultScoringTable() {
    std::vector<Criterion> all = qd766Table().criteria();
    const ScoringTable par = draftParTable();
    all.insert(all.end(), par.criteria().begin(), par.criteria().end());
    return ScoringTable{std::move(all)};
}

}  // namespace motcua::domain::stats
