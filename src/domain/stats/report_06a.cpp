#include "domain/stats/report_06a.h"

#include "domain/catalog/enum_names.h"
#include "domain/core/error.h"
#include "domain/deadline/deadline.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <unordered_map>
#include <utility>

namespace motcua::domain::stats {

namespace {

constexpr std::array<detail::EnumName<Grouping>, 3> kGroupingNames{{
    {Grouping::Agency, "agency", "Theo cơ quan"},
    {Grouping::Field, "field", "Theo lĩnh vực"},
    {Grouping::Procedure, "procedure", "Theo thủ tục hành chính"},
}};

/// The end time of a dossier for `period` (rule 2), or std::nullopt when it has none by now.
struct EndTime {
    std::optional<date::local_seconds> at;  ///< When its clock ended.
    bool excluded = false;  ///< Closed at or before the period end under ClosedWithoutResult::Exclude.
};

EndTime endTimeOf(const DossierStatRecord& record, date::local_seconds period_end, const Report06aOptions& options) {
    // QĐ 766 indicator 2.1 end-time order (rules.md §8): result (9) > returned (10) > stop,
    // refusal, withdrawal (8/3/7).
    if (record.resolved_at) return {record.resolved_at, false};
    if (record.returned_at) return {record.returned_at, false};
    if (!record.closed_at) return {};
    ClosedWithoutResult policy = ClosedWithoutResult::CountAsResolved;
    if (record.status == DossierStatus::Withdrawn) policy = options.withdrawn;
    if (record.status == DossierStatus::Stopped) policy = options.stopped;
    if (policy == ClosedWithoutResult::CountAsResolved) return {record.closed_at, false};
    if (*record.closed_at <= period_end) return {std::nullopt, true};
    return {};
}

Verdict verdictAt(const DossierStatRecord& record, date::local_seconds end) {
    if (record.verdict) return *record.verdict;
    // A record without a frozen verdict (imported data): judge it like a closing.
    const auto clock = clockAt(record, end);
    if (!clock || !clock->due_at) return Verdict::OnTime;
    switch (classifyCompletion(end, *clock->due_at)) {
        case Timeliness::Early: return Verdict::Early;
        case Timeliness::OnTime: return Verdict::OnTime;
        case Timeliness::Late: return Verdict::Late;
    }
    return Verdict::Late;
}

constexpr std::array<CountColumn, 25> kCountColumns{{
    {"received_total", &Counts06a::received_total},
    {"received_online", &Counts06a::received_online},
    {"received_direct_and_postal", &Counts06a::received_direct_and_postal},
    {"carried_over", &Counts06a::carried_over},
    {"resolved_total", &Counts06a::resolved_total},
    {"resolved_early", &Counts06a::resolved_early},
    {"resolved_on_time", &Counts06a::resolved_on_time},
    {"resolved_late", &Counts06a::resolved_late},
    {"in_progress_total", &Counts06a::in_progress_total},
    {"in_progress_within_time", &Counts06a::in_progress_within_time},
    {"in_progress_overdue", &Counts06a::in_progress_overdue},
    {"received_direct", &Counts06a::received_direct},
    {"received_postal", &Counts06a::received_postal},
    {"received_online_full", &Counts06a::received_online_full},
    {"received_online_partial", &Counts06a::received_online_partial},
    {"full_level_received", &Counts06a::full_level_received},
    {"full_level_online_full", &Counts06a::full_level_online_full},
    {"partial_level_received", &Counts06a::partial_level_received},
    {"partial_level_online", &Counts06a::partial_level_online},
    {"late_or_overdue", &Counts06a::late_or_overdue},
    {"late_or_overdue_with_apology", &Counts06a::late_or_overdue_with_apology},
    {"late_or_overdue_with_timely_apology", &Counts06a::late_or_overdue_with_timely_apology},
    {"returned_total", &Counts06a::returned_total},
    {"returned_postal", &Counts06a::returned_postal},
    {"progress_766_on_track", &Counts06a::progress_766_on_track},
}};

bool isEmpty(const Counts06a& counts) noexcept { return counts == Counts06a{}; }

Row06a& addRow(std::vector<Row06a>& rows, std::string key) {
    rows.push_back(Row06a{});
    rows.back().key = std::move(key);
    return rows.back();
}

void finishRates(Row06a& row) { row.rates = ratesOf(row.counts); }

}  // namespace

Rate makeRate(std::int64_t numerator, std::int64_t denominator) noexcept {
    Rate rate{numerator, denominator, 0.0};
    if (denominator > 0) rate.value = static_cast<double>(numerator) / static_cast<double>(denominator);
    return rate;
}

Counts06a& Counts06a::operator+=(const Counts06a& other) noexcept {
    for (const CountColumn& column : kCountColumns) this->*column.member += other.*column.member;
    return *this;
}

Counts06a& Counts06a::operator-=(const Counts06a& other) noexcept {
    for (const CountColumn& column : kCountColumns) this->*column.member -= other.*column.member;
    return *this;
}

std::span<const CountColumn> countColumns() noexcept { return kCountColumns; }

Rates06a ratesOf(const Counts06a& c) noexcept {
    Rates06a rates;
    rates.on_time = makeRate(c.resolved_early + c.resolved_on_time, c.resolved_total);
    rates.apology_coverage = makeRate(c.late_or_overdue_with_apology, c.late_or_overdue);
    rates.timely_apology_coverage = makeRate(c.late_or_overdue_with_timely_apology, c.late_or_overdue);
    rates.online_full_share = makeRate(c.full_level_online_full, c.full_level_received);
    rates.online_partial_share = makeRate(c.partial_level_online, c.partial_level_received);
    rates.postal_receipt_share = makeRate(c.received_postal, c.received_online + c.received_direct_and_postal);
    rates.postal_return_share = makeRate(c.returned_postal, c.returned_total);
    rates.progress_766 = makeRate(c.progress_766_on_track, c.received_total);
    return rates;
}

std::string_view toName(Grouping grouping) { return detail::enumRow(kGroupingNames, grouping).name; }

Grouping parseGrouping(std::string_view name) {
    return detail::parseEnumName(kGroupingNames, name, "Cách nhóm báo cáo", "group");  // the name of the query parameter and CLI option
}

AgencyId attributedAgency(const DossierStatRecord& record, AgencyAttribution attribution) noexcept {
    return attribution == AgencyAttribution::Handling ? record.handling_agency : record.receiving_agency;
}

Counts06a countRecord(const DossierStatRecord& record, const ReportingPeriod& period, const Report06aOptions& options) {
    return countWindow(record, period.start(), period.end(), options);
}

Counts06a countWindow(const DossierStatRecord& record, date::local_seconds start, date::local_seconds end,
                      const Report06aOptions& options) {
    Counts06a c;
    if (!record.received_at) return c;  // rule 1: never accepted for resolution
    if (*record.received_at > end) return c;

    // Postal return share (QĐ 45/2016 Đ8–10): results handed over in the period, whenever resolved.
    if (record.returned_at && start <= *record.returned_at && *record.returned_at <= end) {
        c.returned_total = 1;
        if (record.result_delivery == ResultDelivery::Postal) c.returned_postal = 1;
    }

    const EndTime end_time = endTimeOf(record, end, options);
    if (end_time.excluded) return c;
    if (end_time.at && *end_time.at < start) return c;  // ended before the period

    c.received_total = 1;
    if (*record.received_at >= start) {
        switch (record.channel) {
            case Channel::OnlineFull:
                c.received_online = 1;
                c.received_online_full = 1;
                break;
            case Channel::OnlinePartial:
                c.received_online = 1;
                c.received_online_partial = 1;
                break;
            case Channel::Direct:
                c.received_direct_and_postal = 1;
                c.received_direct = 1;
                break;
            case Channel::Postal:
                c.received_direct_and_postal = 1;
                c.received_postal = 1;
                break;
        }
        // NĐ 42/2022 Đ3 / rules.md §6.4: the online shares are taken among dossiers of procedures
        // offered online, toàn trình and một phần separately.
        if (record.procedure_online_level == OnlineLevel::Full) {
            c.full_level_received = 1;
            if (record.channel == Channel::OnlineFull) c.full_level_online_full = 1;
        } else if (record.procedure_online_level == OnlineLevel::Partial) {
            c.partial_level_received = 1;
            if (isOnline(record.channel)) c.partial_level_online = 1;
        }
    } else {
        c.carried_over = 1;
    }

    bool late_or_overdue = false;
    date::local_seconds evaluated_at = end;
    if (end_time.at && *end_time.at <= end) {
        c.resolved_total = 1;
        evaluated_at = *end_time.at;
        switch (verdictAt(record, *end_time.at)) {
            case Verdict::Early: c.resolved_early = 1; break;
            case Verdict::OnTime: c.resolved_on_time = 1; break;
            case Verdict::Late:
                c.resolved_late = 1;
                late_or_overdue = true;
                break;
        }
    } else {
        c.in_progress_total = 1;
        const auto clock = clockAt(record, end);
        if (clock && clock->due_at && end > *clock->due_at) {
            c.in_progress_overdue = 1;
            late_or_overdue = true;
        } else {
            c.in_progress_within_time = 1;
        }
    }

    // QĐ 766 indicator 2.1 (rules.md §8): on time or within time, and at most one supplement
    // request; more than one is counted overdue.
    if (!late_or_overdue && supplementRequestsAt(record, evaluated_at) <= 1) c.progress_766_on_track = 1;

    // NĐ 61/2018 Đ19.9: a late dossier needs an apology; count those issued by the period end.
    if (late_or_overdue) {
        c.late_or_overdue = 1;
        const bool issued = record.apology_issued && (!record.apology_issued_at || *record.apology_issued_at <= end);
        if (issued) c.late_or_overdue_with_apology = 1;
        if (issued && record.apology_timely) c.late_or_overdue_with_timely_apology = 1;
    }
    return c;
}

Report06aAccumulator::Report06aAccumulator(const ReportingPeriod& period, Grouping grouping, const AgencyTree& agencies,
                                           const Report06aOptions& options)
    : period_(period), grouping_(grouping), agencies_(agencies), options_(options) {
    if (options_.scope) (void)agencies_.get(*options_.scope);  // throws NotFound
}

void Report06aAccumulator::add(const DossierStatRecord& record) {
    const AgencyId agency = attributedAgency(record, options_.attribution);
    if (options_.scope && !agencies_.isDescendantOrSelf(*options_.scope, agency)) return;
    const Counts06a counts = countRecord(record, period_, options_);
    if (isEmpty(counts)) return;
    addInScope(agency, record.field_code, record.procedure_code, counts);
}

void Report06aAccumulator::addCounts(AgencyId agency, const std::string& field_code,
                                     const std::string& procedure_code, const Counts06a& counts) {
    if (options_.scope && !agencies_.isDescendantOrSelf(*options_.scope, agency)) return;
    if (isEmpty(counts)) return;
    addInScope(agency, field_code, procedure_code, counts);
}

void Report06aAccumulator::addInScope(AgencyId agency, const std::string& field_code,
                                      const std::string& procedure_code, const Counts06a& counts) {
    total_ += counts;
    switch (grouping_) {
        case Grouping::Agency: by_agency_[agency.value] += counts; break;
        case Grouping::Field: by_key_[field_code] += counts; break;
        case Grouping::Procedure: by_key_[procedure_code] += counts; break;
    }
}

void Report06aAccumulator::merge(const Report06aAccumulator& other) {
    total_ += other.total_;
    for (const auto& [id, counts] : other.by_agency_) by_agency_[id] += counts;
    for (const auto& [key, counts] : other.by_key_) by_key_[key] += counts;
}

Report06a compute06a(std::span<const DossierStatRecord> records, const ReportingPeriod& period, Grouping grouping,
                     const AgencyTree& agencies, const Report06aOptions& options) {
    Report06aAccumulator accumulator(period, grouping, agencies, options);
    for (const DossierStatRecord& record : records) accumulator.add(record);
    return accumulator.finish();
}

Report06a Report06aAccumulator::finish() const {
    const auto& grouping = grouping_;
    const auto& agencies = agencies_;
    const auto& options = options_;
    const auto& by_agency = by_agency_;
    const auto& by_key = by_key_;
    Report06a report{period_, grouping, {}, {}};
    report.total.counts = total_;

    if (grouping == Grouping::Agency) {
        std::vector<AgencyId> tops = options.scope ? std::vector<AgencyId>{*options.scope} : agencies.roots();
        std::unordered_map<std::int64_t, std::size_t> row_of;
        const std::size_t base_depth = options.scope ? agencies.pathToRoot(*options.scope).size() - 1 : 0;
        for (const AgencyId top : tops) {
            std::vector<AgencyId> subtree{top};
            const std::vector<AgencyId> below = agencies.descendantsOf(top);
            subtree.insert(subtree.end(), below.begin(), below.end());
            for (const AgencyId id : subtree) {
                const Agency& agency = agencies.get(id);
                Row06a& row = addRow(report.rows, agency.code);
                row.agency_id = id;
                row.name = agency.name;
                row.depth = static_cast<int>(agencies.pathToRoot(id).size() - 1 - base_depth);
                row_of[id.value] = report.rows.size() - 1;
            }
        }
        // Roll-up: each agency's own dossiers are added to its row and every ancestor's row.
        std::vector<std::pair<std::int64_t, Counts06a>> unknown;
        for (const auto& [id, counts] : by_agency) {
            if (!agencies.contains(AgencyId{id})) {
                unknown.emplace_back(id, counts);
                continue;
            }
            for (const AgencyId ancestor : agencies.pathToRoot(AgencyId{id})) {
                const auto found = row_of.find(ancestor.value);
                if (found != row_of.end()) report.rows[found->second].counts += counts;
            }
        }
        std::sort(unknown.begin(), unknown.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [id, counts] : unknown) {
            Row06a& row = addRow(report.rows, "id:" + std::to_string(id));
            row.agency_id = AgencyId{id};
            row.counts = counts;
        }
        if (!options.include_empty_agencies) {
            std::erase_if(report.rows, [](const Row06a& row) { return isEmpty(row.counts); });
        }
    } else {
        for (const auto& [key, counts] : by_key) {
            Row06a& row = addRow(report.rows, key);
            row.counts = counts;
        }
    }
    for (Row06a& row : report.rows) finishRates(row);
    finishRates(report.total);
    return report;
}

}  // namespace motcua::domain::stats
