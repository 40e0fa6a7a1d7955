#include "service/report_service.h"

#include "domain/core/error.h"
#include "domain/stats/day_counters.h"
#include "service/calendar_service.h"
#include "service/catalog_service.h"
#include "service/stats_records.h"
#include "store/counter_repository.h"
#include "store/database.h"
#include "store/dossier_repository.h"
#include "store/stats_repository.h"

#include <algorithm>
#include <future>
#include <set>

namespace motcua::service {
namespace {

namespace stats = domain::stats;

constexpr std::int64_t kChunk = 2'000;  // dossiers per verify / rebuild step

bool validTableCode(const std::string& code) {
    if (code.empty() || code.size() > 32) return false;
    return std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
    });
}

stats::AgencyAttribution parseAttribution(const std::string& name) {
    if (name.empty() || name == "receiving") return stats::AgencyAttribution::Receiving;
    if (name == "handling") return stats::AgencyAttribution::Handling;
    throw Error::invalidFields({{"attribution", "Cách tính cơ quan phải là receiving (cơ quan tiếp nhận) hoặc handling "
                                                "(cơ quan giải quyết cuối cùng)."}});
}

std::vector<MonthPoint> trendPoints(const std::vector<stats::ReportingPeriod>& periods,
                                    const std::vector<stats::Counts06a>& totals) {
    std::vector<MonthPoint> out;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        out.push_back({periods[i].label(), stats::ratesOf(totals[i]).on_time,
                       totals[i].received_online + totals[i].received_direct_and_postal});
    }
    return out;
}

}  // namespace

struct ReportService::Impl {
    store::Database& db;
    const Clock& clock;
    CatalogService& catalog;
    CalendarService& calendar;
    store::StatsRepository stats_repository;
    store::DossierRepository dossiers;
    store::CounterRepository counters;

    /// The counts per key of each period from the day counters, plus the irregular records, read
    /// in one snapshot; std::nullopt when the counters are not built yet.
    struct CounterRead {
        std::vector<stats::ReportingPeriod> periods;  ///< As counted: cut when running.
        std::vector<std::map<stats::CounterKey, stats::Counts06a>> sums;  ///< One per period.
        std::vector<stats::DossierStatRecord> irregular;
    };
    /// The counts per key of `periods` from the day counters, each period still running cut at
    /// the present; std::nullopt when the counters are not built yet. The present is read once
    /// the snapshot has begun, so nothing the snapshot sees lies after the cut. The counters
    /// judge open dossiers at the end of the cut's day: those of `scope` due between the cut and
    /// then are read as records and corrected (cutCorrection).
    std::optional<CounterRead> readCounters(const std::vector<stats::ReportingPeriod>& periods, domain::AgencyId scope) {
        const auto& lt = calendar.localTime();
        std::vector<std::int64_t> agency_ids{scope.value};
        for (const auto id : catalog.tree()->descendantsOf(scope)) agency_ids.push_back(id.value);
        return db.run([&](store::Session& s) -> std::optional<CounterRead> {
            store::Transaction snapshot(s, store::Transaction::ReadOnly{});
            if (!counters.built(s)) return std::nullopt;
            CounterRead out{{}, {}, stats_repository.irregular(s)};
            const auto now = lt.toLocal(clock.now());
            std::set<std::int64_t> irregular;
            for (const auto& r : out.irregular) irregular.insert(r.dossier_id.value);
            for (const auto& whole : periods) {
                const auto period = whole.start() <= now ? whole.asOf(now) : whole;  // a month not begun stays whole
                const auto last = stats::countedLastDay(period);
                auto sums = counters.periodCounts(s, date::local_days{period.firstDay()}, last);
                if (period.cutAt()) {
                    const auto day_end = date::local_seconds{last + date::days{1}};  // a second either side spare
                    for (const auto& r : stats_repository.openDueBetween(
                             s, agency_ids, lt.toUtc(*period.cutAt()) - std::chrono::seconds{1}, lt.toUtc(day_end))) {
                        if (irregular.count(r.dossier_id.value) == 0) sums[stats::counterKeyOf(r)] += stats::cutCorrection(r, period);
                    }
                }
                out.periods.push_back(period);
                out.sums.push_back(std::move(sums));
            }
            snapshot.commit();
            return out;
        });
    }

    /// `period` as it stands now: cut at the present while it runs (rule 6 of the README).
    stats::ReportingPeriod asNow(const stats::ReportingPeriod& period) {
        return period.asOf(calendar.localTime().toLocal(clock.now()));
    }

    /// The instant a cut period was counted up to, as the API writes instants ("" if whole).
    std::string asOfText(const stats::ReportingPeriod& period) {
        const auto& lt = calendar.localTime();
        return period.cutAt() ? lt.formatIso(lt.toUtc(*period.cutAt())) : std::string();
    }

    void requireStatistics(const domain::Principal& p) {
        if (!domain::hasPermission(p.role, domain::Permission::ReadStatistics)) {
            throw Error(ErrorCode::PermissionDenied,
                        "Vai trò " + std::string(domain::roleLabelVi(p.role)) + " không được xem số liệu thống kê.",
                        "statistics denied for " + p.username);
        }
    }

    /// The agency reported on: the caller's own by default; never one outside the caller's scope.
    domain::AgencyEntry scopeAgency(const domain::Principal& p, const std::optional<std::string>& code) {
        requireStatistics(p);
        const auto entry = catalog.agency(code && !code->empty() ? *code : p.agency_code);
        if (p.role != domain::Role::Admin &&
            !catalog.tree()->isDescendantOrSelf(domain::AgencyId{p.agency_id}, entry.agency.id)) {
            throw Error(ErrorCode::PermissionDenied,
                        "Cơ quan " + entry.agency.code + " nằm ngoài phạm vi số liệu của bạn.", "report outside scope");
        }
        return entry;
    }

    std::vector<stats::DossierStatRecord> recordsFor(const stats::ReportingPeriod& period) {
        return db.run([&](store::Session& s) { return stats_repository.forPeriod(s, period.start(), period.end()); });
    }

    /// Streams the records that can count in `period` through `visit`, over two connections in
    /// parallel, each half feeding its own state; returns the two states to be merged. A
    /// province-year is about a million records: none is kept.
    template <class State>
    std::pair<State, State> streamPeriod(const stats::ReportingPeriod& period, State first_state, State second_state,
                                         void (*visit)(State&, const stats::DossierStatRecord&)) {
        const auto bounds = db.run([&](store::Session& s) { return dossiers.idBounds(s); });
        const std::int64_t low = bounds.first, high = bounds.second;
        if (high < low) return {std::move(first_state), std::move(second_state)};
        const std::int64_t middle = low + (high - low) / 2;
        auto part = [&](State& state, std::int64_t first, std::int64_t last) {
            db.run([&](store::Session& s) {
                stats_repository.forEachInPeriod(s, period.start(), period.end(), first, last,
                                                 [&](const stats::DossierStatRecord& r) { visit(state, r); });
            });
        };
        auto upper = std::async(std::launch::async, [&] { part(second_state, middle + 1, high); });
        part(first_state, low, middle);
        upper.get();
        return {std::move(first_state), std::move(second_state)};
    }

    stats::ScoringTable table(const std::string& code, std::string& name) {
        const auto stored = db.run([&](store::Session& s) { return stats_repository.scoringTables(s); });
        for (const auto& row : stored) {
            if (row.code == code) {
                name = row.name;
                return stats::parseScoringTable(row.body);
            }
        }
        if (code == "qd766") {
            name = "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ (QĐ 766/QĐ-TTg)";
            return stats::qd766Table();
        }
        if (code == "par-draft") {
            name = "Chỉ số CCHC (PAR Index) — bảng dự thảo, thay bằng hướng dẫn của năm";
            return stats::draftParTable();
        }
        throw Error(ErrorCode::NotFound, "Không có bảng điểm mã " + code.substr(0, 32) + ".", "unknown scoring table",
                    "table");
    }

    /// Recomputes the records of dossiers [first, last] from their trails; `stored` (by id) is
    /// compared when given. Returns the recomputed records.
    std::vector<stats::DossierStatRecord> recompute(store::Session& s, std::int64_t first, std::int64_t last,
                                                    const stats::RecordContext& context,
                                                    std::vector<std::string>* differences) {
        const auto events = dossiers.eventsOfRange(s, first, last);
        std::map<std::int64_t, stats::DossierStatRecord> stored;
        if (differences != nullptr) {
            for (auto& r : stats_repository.range(s, first, last)) stored.emplace(r.dossier_id.value, std::move(r));
        }
        std::vector<stats::DossierStatRecord> out;
        for (std::size_t i = 0; i < events.size();) {
            std::size_t j = i;
            while (j < events.size() && events[j].dossierId() == events[i].dossierId()) ++j;
            const std::span<const domain::DossierEvent> trail(events.data() + i, j - i);
            const std::int64_t id = events[i].dossierId().value;
            i = j;
            try {
                out.push_back(stats::recordFromEvents(trail, context));
            } catch (const Error& e) {
                if (differences == nullptr) throw;
                differences->push_back("#" + std::to_string(id) + ": nhật ký không dựng lại được (" + e.userMessage() + ")");
                continue;
            }
            if (differences == nullptr) continue;
            const auto& fresh = out.back();
            const auto found = stored.find(id);
            const std::string label = fresh.code.empty() ? "#" + std::to_string(id) : fresh.code;
            if (found == stored.end()) {
                differences->push_back(label + ": chưa có bản ghi thống kê");
            } else if (!(found->second == fresh)) {
                differences->push_back(label + ": bản ghi thống kê khác với nhật ký");
            }
            if (found != stored.end()) stored.erase(found);
        }
        if (differences != nullptr) {
            for (const auto& [id, r] : stored) differences->push_back(r.code + ": bản ghi thống kê không có nhật ký");
        }
        return out;
    }
};

ReportService::ReportService(store::Database& database, const Clock& clock, CatalogService& catalog,
                             CalendarService& calendar)
    : impl_(std::make_unique<Impl>(Impl{database, clock, catalog, calendar, {}, {}, {}})) {}

ReportService::~ReportService() = default;

ReportResult ReportService::report06a(const domain::Principal& principal, const ReportQuery& query) {
    auto& m = *impl_;
    const auto agency = m.scopeAgency(principal, query.agency_code);
    const auto whole = stats::parseReportingPeriod(query.period);
    (void)m.asNow(whole);  // a period not begun is refused here
    const auto grouping = stats::parseGrouping(query.grouping.empty() ? "agency" : query.grouping);
    stats::Report06aOptions options;
    options.attribution = parseAttribution(query.attribution);
    options.scope = agency.agency.id;
    const auto tree = m.catalog.tree();
    // The day counters serve the default attribution; the handling agency reads every record.
    const auto counted = options.attribution == stats::AgencyAttribution::Receiving
                             ? m.readCounters({whole}, agency.agency.id)
                             : std::nullopt;
    const auto period = counted ? counted->periods.front() : m.asNow(whole);
    stats::Report06aAccumulator first(period, grouping, *tree, options);
    if (counted) {
        for (const auto& [key, counts] : counted->sums.front()) {
            first.addCounts(key.agency, key.field_code, key.procedure_code, counts);
        }
        for (const auto& record : counted->irregular) first.add(record);
    } else {
        auto [low, high] = m.streamPeriod(
            period, stats::Report06aAccumulator(period, grouping, *tree, options),
            stats::Report06aAccumulator(period, grouping, *tree, options),
            +[](stats::Report06aAccumulator& a, const stats::DossierStatRecord& r) { a.add(r); });
        first.merge(low);
        first.merge(high);
    }
    ReportResult out{first.finish(), agency.agency.code, agency.agency.name, {}, m.asOfText(period)};
    if (grouping == stats::Grouping::Field) {
        for (const auto& f : m.catalog.fields()) out.names.emplace(f.code, f.name);
    } else if (grouping == stats::Grouping::Procedure) {
        for (const auto& p : m.catalog.procedures()) out.names.emplace(p.procedure.code.str(), p.procedure.name);
    }
    return out;
}

IndexResult ReportService::index(const domain::Principal& principal, const ReportQuery& query,
                                 const std::string& table_code) {
    auto& m = *impl_;
    const auto agency = m.scopeAgency(principal, query.agency_code);
    const auto period = m.asNow(stats::parseReportingPeriod(query.period));
    IndexResult out{period, agency.agency.code, agency.agency.name, table_code.empty() ? "qd766" : table_code, {}, {}, 0, 0,
                    m.asOfText(period)};
    const auto table = m.table(out.table_code, out.table_name);
    stats::Report06aOptions options;
    options.attribution = parseAttribution(query.attribution);
    options.scope = agency.agency.id;
    const auto records = m.recordsFor(period);
    std::map<std::int64_t, std::string> codes;
    for (const auto& r : records) codes.emplace(r.dossier_id.value, r.code);
    const auto measures = stats::computeIndexMeasures(records, period, *m.catalog.tree(), options);
    for (auto& score : stats::scoreCriteria(table, measures)) {
        CriterionResult c{std::move(score), {}, {}};
        for (const auto id : c.score.counted) c.counted_codes.push_back(codes[id.value]);
        for (const auto id : c.score.shortfall) c.shortfall_codes.push_back(codes[id.value]);
        if (c.score.points) {
            out.points += *c.score.points;
            out.max_points += c.score.max_points;
        }
        out.criteria.push_back(std::move(c));
    }
    return out;
}

std::vector<MonthPoint> ReportService::monthlyTrend(const domain::Principal& principal,
                                                    const std::optional<std::string>& agency_code, int year) {
    auto& m = *impl_;
    const auto agency = m.scopeAgency(principal, agency_code);
    if (year < stats::ReportingPeriod::kMinParsedYear || year > stats::ReportingPeriod::kMaxParsedYear) {
        throw Error::invalidFields({{"year", "Năm không hợp lệ."}});
    }
    struct Months {
        std::vector<stats::ReportingPeriod> periods;
        std::shared_ptr<const domain::AgencyTree> tree;
        domain::AgencyId scope;
        std::vector<stats::Counts06a> totals;
    };
    Months months{{}, m.catalog.tree(), agency.agency.id, std::vector<stats::Counts06a>(12)};
    for (unsigned month = 1; month <= 12; ++month) {
        months.periods.push_back(stats::ReportingPeriod::of(stats::PeriodKind::Month, stats::PeriodMode::Nd09, year, month));
    }
    if (const auto counted = m.readCounters(months.periods, agency.agency.id)) {
        months.periods = counted->periods;
        const auto& tree = *months.tree;
        for (std::size_t i = 0; i < months.periods.size(); ++i) {
            for (const auto& [key, counts] : counted->sums[i]) {
                if (tree.isDescendantOrSelf(months.scope, key.agency)) months.totals[i] += counts;
            }
            for (const auto& r : counted->irregular) {
                if (tree.isDescendantOrSelf(months.scope, r.receiving_agency)) {
                    months.totals[i] += stats::countRecord(r, months.periods[i]);
                }
            }
        }
        return trendPoints(months.periods, months.totals);
    }
    // A month not begun yet has nothing received or resolved: its point stays empty.
    const auto now = m.calendar.localTime().toLocal(m.clock.now());
    for (auto& period : months.periods) {
        if (period.start() <= now) period = period.asOf(now);
    }
    const auto whole = stats::ReportingPeriod::of(stats::PeriodKind::Year, stats::PeriodMode::Nd09, year);
    auto [first, second] = m.streamPeriod(whole, months, months, +[](Months& state, const stats::DossierStatRecord& r) {
        if (!state.tree->isDescendantOrSelf(state.scope, stats::attributedAgency(r, stats::AgencyAttribution::Receiving))) {
            return;
        }
        for (std::size_t i = 0; i < state.periods.size(); ++i) state.totals[i] += stats::countRecord(r, state.periods[i]);
    });
    for (std::size_t i = 0; i < first.periods.size(); ++i) first.totals[i] += second.totals[i];
    return trendPoints(first.periods, first.totals);
}

std::vector<ScoringTableInfo> ReportService::scoringTables(const domain::Principal& principal) {
    auto& m = *impl_;
    m.requireStatistics(principal);
    std::vector<ScoringTableInfo> out;
    const auto stored = m.db.run([&](store::Session& s) { return m.stats_repository.scoringTables(s); });
    for (const char* code : {"qd766", "par-draft"}) {
        const bool replaced =
            std::any_of(stored.begin(), stored.end(), [&](const auto& row) { return row.code == code; });
        if (replaced) continue;
        ScoringTableInfo info{code, "", true, ""};
        info.body = stats::formatScoringTable(m.table(code, info.name));
        out.push_back(std::move(info));
    }
    for (const auto& row : stored) out.push_back({row.code, row.name, false, row.body});
    return out;
}

ScoringTableInfo ReportService::saveScoringTable(const domain::Principal& principal, const std::string& code,
                                                 const std::string& name, const std::string& body) {
    auto& m = *impl_;
    if (principal.role != domain::Role::Admin) {
        throw Error(ErrorCode::PermissionDenied, "Chỉ quản trị hệ thống được nhập bảng điểm chỉ số.",
                    "scoring table save denied");
    }
    std::vector<FieldError> problems;
    if (!validTableCode(code)) {
        problems.push_back({"code", "Mã bảng điểm gồm 1–32 chữ thường không dấu, chữ số, dấu chấm, gạch ngang."});
    }
    if (name.empty() || name.size() > 255) problems.push_back({"name", "Ghi tên bảng điểm (tối đa 255 ký tự)."});
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
    stats::parseScoringTable(body);  // refuses a malformed table, naming each bad line
    m.db.run([&](store::Session& s) {
        m.stats_repository.saveScoringTable(s, {code, name, body, principal.username}, m.clock.now());
    });
    return {code, name, false, body};
}

VerifyResult ReportService::verify(const std::function<void(std::int64_t)>& progress) {
    auto& m = *impl_;
    const auto context = statsContext(m.catalog, m.calendar.localTime());
    VerifyResult out;
    const auto bounds = m.db.run([&](store::Session& s) { return m.dossiers.idBounds(s); });
    const std::int64_t low = bounds.first, high = bounds.second;
    for (std::int64_t first = low; first <= high; first += kChunk) {
        const auto records = m.db.run([&](store::Session& s) {
            return m.recompute(s, first, std::min(high, first + kChunk - 1), context, &out.differences);
        });
        out.dossiers += static_cast<std::int64_t>(records.size());
        if (progress) progress(out.dossiers);
    }
    for (auto& line : verifyDayCounters(m.db)) out.differences.push_back(std::move(line));
    return out;
}

std::int64_t ReportService::rebuild(const std::function<void(std::int64_t)>& progress) {
    auto& m = *impl_;
    const auto context = statsContext(m.catalog, m.calendar.localTime());
    std::int64_t written = 0;
    const auto bounds = m.db.run([&](store::Session& s) { return m.dossiers.idBounds(s); });
    const std::int64_t low = bounds.first, high = bounds.second;
    for (std::int64_t first = low; first <= high; first += kChunk) {
        written += m.db.run([&](store::Session& s) {
            store::Transaction tx(s);
            const auto records = m.recompute(s, first, std::min(high, first + kChunk - 1), context, nullptr);
            m.stats_repository.upsertMany(s, records);
            tx.commit();
            return static_cast<std::int64_t>(records.size());
        });
        if (progress) progress(written);
    }
    rebuildDayCounters(m.db);
    return written;
}

}  // namespace motcua::service
