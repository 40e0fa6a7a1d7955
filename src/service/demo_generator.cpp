#include "service/demo_generator.h"

#include "domain/core/error.h"
#include "domain/dossier/dossier_code.h"
#include "domain/dossier/dossier_state.h"
#include "service/calendar_service.h"
#include "service/catalog_service.h"
#include "service/dossier_rules.h"
#include "service/stats_records.h"
#include "store/counter_repository.h"
#include "store/database.h"
#include "store/stats_repository.h"
#include "store/user_repository.h"

#include <algorithm>
#include <array>
#include <future>
#include <map>
#include <random>

namespace motcua::service {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr std::array kFamilyNames = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                                     "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
constexpr std::array kMiddleNames = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân"};
constexpr std::array kGivenNames = {"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Lan",
                                    "Linh", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Tuấn"};
constexpr std::array kDepartments = {"Sở Tư pháp", "Sở Xây dựng", "Sở Tài chính", "Sở Công Thương", "Sở Y tế",
                                     "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Nội vụ",
                                     "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ"};
constexpr std::array kDurations = {"1d", "3d", "5d", "5d", "7d", "10d", "10d", "15d", "20d", "4h", "same_day", "30cd"};
constexpr std::array kProcedureNames = {"Cấp Phiếu lý lịch tư pháp", "Cấp giấy phép xây dựng", "Đăng ký khai sinh",
                                        "Đăng ký hộ kinh doanh", "Cấp giấy phép lái xe", "Chứng thực bản sao",
                                        "Cấp giấy chứng nhận quyền sử dụng đất", "Đăng ký kết hôn",
                                        "Cấp giấy phép kinh doanh rượu", "Cấp chứng chỉ hành nghề",
                                        "Thẩm định thiết kế cơ sở", "Cấp giấy phép lao động"};

struct AgencyRef {
    domain::AgencyId id;
    std::string code;
};

struct ProcedureRef {
    std::int64_t id = 0;
    std::string code;
    domain::Duration duration;
    domain::OnlineLevel online_level = domain::OnlineLevel::None;
    bool restart_on_supplement = true;
};

}  // namespace

struct DemoGenerator::Impl {
    store::Database& db;
    const Clock& clock;
    CalendarService& calendar;
    CatalogService& catalog;

    std::mt19937_64 rng;
    std::vector<AgencyRef> agencies;
    std::vector<ProcedureRef> procedures;
    domain::Actor actor;
    std::map<std::pair<std::int64_t, int>, std::int64_t> sequences;  // (agency, local day) → last
    GenerateSummary summary;

    double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); }
    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
    template <class A>
    const auto& pick(const A& values) {
        return values[static_cast<std::size_t>(between(0, static_cast<int>(std::size(values)) - 1))];
    }

    /// `n` working hours after `from` on the calendar of `agency`.
    date::sys_seconds workingAfter(date::sys_seconds from, int n, const std::string& agency) {
        return calendar
            .deadline(from, domain::Duration{std::max(1, n), domain::DurationUnit::WorkingHours}, agency,
                      domain::ReceiptRule::CountFromReceipt)
            .due_at;
    }

    domain::Principal system(std::int64_t user_id) const {
        domain::Principal p;
        p.user_id = user_id;
        p.username = "demo-generator";
        p.role = domain::Role::Admin;
        return p;
    }

    void prepareCatalog(const GenerateOptions& options, std::int64_t admin_id) {
        auto entries = catalog.agencies();
        const auto root = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return !e.parent_code; });
        std::string root_code;
        if (root == entries.end()) {
            domain::AgencyEntry e;
            e.agency.code = "000.00.00.H99";
            e.agency.name = "UBND tỉnh (dữ liệu sinh)";
            root_code = catalog.saveAgency(system(admin_id), e).agency.code;
            ++summary.agencies_created;
        } else {
            root_code = root->agency.code;
        }
        entries = catalog.agencies();
        for (const auto& e : entries) {
            if (e.active && e.parent_code == root_code) agencies.push_back({e.agency.id, e.agency.code});
        }
        for (int k = static_cast<int>(agencies.size()); k < options.agencies; ++k) {
            domain::AgencyEntry e;
            e.agency.code = "SIM." + std::to_string(100 + k) + ".H99";
            e.agency.name = std::string(kDepartments[static_cast<std::size_t>(k) % kDepartments.size()]) + " (" +
                            std::to_string(k + 1) + ")";
            e.parent_code = root_code;
            e.head_title = "Giám đốc";
            const auto saved = catalog.saveAgency(system(admin_id), e);
            agencies.push_back({saved.agency.id, saved.agency.code});
            ++summary.agencies_created;
        }
        agencies.resize(static_cast<std::size_t>(std::max(1, options.agencies)));

        auto existing = catalog.procedures();
        int active = 0;
        for (const auto& p : existing) active += p.active ? 1 : 0;
        if (active < 12) {
            catalog.saveField(system(admin_id), domain::Field{"SIM-LV", "Lĩnh vực mẫu (dữ liệu sinh)"});
            for (std::size_t k = 0; k < kProcedureNames.size(); ++k) {
                domain::ProcedureInput input;
                input.code = "9.00" + std::to_string(1000 + k);
                input.name = std::string(kProcedureNames[k]) + " (dữ liệu sinh)";
                input.field_code = "SIM-LV";
                input.duration = domain::parseDuration(kDurations[k]);
                input.online_level = k % 3 == 0 ? "full" : k % 3 == 1 ? "partial" : "none";
                input.fee_vnd = static_cast<std::int64_t>(k) * 50'000;
                const domain::ProcedureEntry e{0, domain::parseProcedure(input), "restart", true, {}};
                catalog.saveProcedure(system(admin_id), e);
                ++summary.procedures_created;
            }
            existing = catalog.procedures();
        }
        for (const auto& p : existing) {
            if (!p.active) continue;
            procedures.push_back({p.id, p.procedure.code.str(), p.procedure.duration, p.procedure.online_level,
                                  p.supplement_mode != "pause"});
        }
    }

    const AgencyRef& pickAgency() {
        // A few large departments take most dossiers (roughly Zipf).
        const double u = uniform();
        const auto n = agencies.size();
        const auto k = static_cast<std::size_t>(static_cast<double>(n) * u * u * u);
        return agencies[std::min(k, n - 1)];
    }

    domain::Channel pickChannel(domain::OnlineLevel level) {
        const double u = uniform();
        switch (level) {
            case domain::OnlineLevel::Full:
                return u < 0.6 ? domain::Channel::OnlineFull : u < 0.9 ? domain::Channel::Direct : domain::Channel::Postal;
            case domain::OnlineLevel::Partial:
                return u < 0.35 ? domain::Channel::OnlinePartial
                                : u < 0.9 ? domain::Channel::Direct : domain::Channel::Postal;
            default: return u < 0.88 ? domain::Channel::Direct : domain::Channel::Postal;
        }
    }

    /// A receipt instant on a working day of the span, in office hours.
    date::sys_seconds pickReceipt(date::sys_seconds start, date::sys_seconds end) {
        const auto& lt = calendar.localTime();
        const auto cal = calendar.calendar();
        const auto first = date::floor<date::days>(lt.toLocal(start));
        const auto last = date::floor<date::days>(lt.toLocal(end));
        const int span = std::max(1, static_cast<int>((last - first).count()));
        for (;;) {
            const auto day = first + date::days{between(0, span - 1)};
            if (!cal->isWorkingDay(day)) continue;
            const auto at = lt.toUtc(day + hours{7} + minutes{between(30, 9 * 60)});
            if (at < end) return at;
        }
    }

    domain::IntakeRequest request(const ProcedureRef& procedure, date::sys_seconds received) {
        domain::IntakeRequest r;
        r.procedure_code = procedure.code;
        r.channel = pickChannel(procedure.online_level);
        const double u = uniform();
        r.result_delivery = u < 0.8 ? domain::ResultDelivery::Desk
                                    : u < 0.95 ? domain::ResultDelivery::Postal : domain::ResultDelivery::Online;
        r.applicant.kind = uniform() < 0.9 ? domain::ApplicantKind::Individual : domain::ApplicantKind::Organisation;
        r.applicant.name = std::string(pick(kFamilyNames)) + " " + pick(kMiddleNames) + " " + pick(kGivenNames);
        r.applicant.identity_number =
            r.applicant.kind == domain::ApplicantKind::Individual
                ? "0" + std::to_string(between(10, 99)) + std::to_string(between(100000000, 999999999))  // CCCD
                : std::to_string(between(1000000000, 2099999999));                                       // MST
        r.applicant.phone = "09" + std::to_string(between(10000000, 99999999));
        r.applicant.address = std::to_string(between(1, 300)) + " đường Lê Lợi";
        r.documents.push_back({"Tờ khai", domain::DocumentKind::Original, 1});
        if (uniform() < 0.7) r.documents.push_back({"Căn cước", domain::DocumentKind::Photocopy, 1});
        if (r.channel == domain::Channel::OnlineFull) {
            r.result_delivery = uniform() < 0.75 ? domain::ResultDelivery::Online : domain::ResultDelivery::Postal;
        }
        r.received_at = received;
        if (r.channel == domain::Channel::Postal) {
            r.received_at = received - hours{between(2, 30)};
            r.handover_at = received;
        }
        return r;
    }

    /// Simulates one dossier from filing until `now`; returns its history.
    store::DossierHistory simulate(date::sys_seconds start, date::sys_seconds now) {
        const auto& lt = calendar.localTime();
        const auto& agency = pickAgency();
        const auto& procedure = procedures[static_cast<std::size_t>(between(0, static_cast<int>(procedures.size()) - 1))];
        const auto received = pickReceipt(start, now);
        const auto req = request(procedure, received);
        domain::Actor here{actor.user_id, agency.id};

        store::DossierHistory h{domain::Dossier(domain::DossierId{0}, domain::ProcedureCode(procedure.code)),
                                procedure.id, {}, received};
        auto step = [&](const domain::DossierCommand& command, date::sys_seconds at) {
            auto t = domain::apply(h.dossier, command, here, at);
            h.dossier = std::move(t.next);
            h.events.push_back(std::move(t.event));
            h.written_at = at;
        };
        auto opened = domain::openDossier(domain::DossierId{0}, req, agency.id, here, received);
        h.dossier = std::move(opened.next);
        h.events.push_back(std::move(opened.event));

        const double intake = uniform();
        if (intake < 0.015) {
            step(domain::RefuseAtIntakeCommand{"Thủ tục không thuộc thẩm quyền"}, received);
            return h;
        }
        if (intake < 0.04) {
            step(domain::RequestCompletionAtIntakeCommand{"Thiếu giấy tờ", {"Bản sao giấy khai sinh"}}, received);
            return h;
        }
        const auto legal = domain::legalReceiptTime(req);
        const auto local_day = date::year_month_day{date::floor<date::days>(lt.toLocal(legal))};
        auto& seq = sequences[{agency.id.value, static_cast<int>(date::sys_days(local_day).time_since_epoch().count())}];
        const auto code = domain::DossierCode::format(agency.code, local_day, static_cast<std::uint64_t>(++seq));
        const auto due = calendar.deadline(legal, procedure.duration, agency.code, receiptRuleFor(req.channel)).due_at;
        step(domain::AcceptCommand{domain::DossierCode(code), legal, due}, received);

        auto at = received + minutes{between(10, 240)};
        if (at > now) return h;
        step(domain::StartProcessingCommand{}, at);

        if (agencies.size() > 1 && uniform() < 0.06) {
            at = workingAfter(at, between(2, 8), agency.code);
            if (at > now) return h;
            auto to = agencies[static_cast<std::size_t>(between(0, static_cast<int>(agencies.size()) - 1))];
            if (to.id == agency.id) to = agencies[(static_cast<std::size_t>(&agency - agencies.data()) + 1) % agencies.size()];
            step(domain::TransferCommand{to.id, std::nullopt, "Chuyển liên thông"}, at);
        }
        if (procedure.restart_on_supplement && uniform() < 0.08) {
            at = workingAfter(at, between(4, 24), agency.code);
            if (at > now) return h;
            step(domain::RequestSupplementCommand{"Thiếu giấy tờ", {"Bản sao có chứng thực"}}, at);
            at = workingAfter(at, between(8, 40), agency.code);
            if (at > now) return h;
            const auto restarted =
                calendar.deadline(at, procedure.duration, agency.code, receiptRuleFor(req.channel)).due_at;
            step(domain::ReceiveSupplementCommand{at, restarted}, at);
        }

        const auto legal_due = *domain::legalDueAt(h.dossier);
        const auto window = legal_due - at;
        const double kind = uniform();
        date::sys_seconds finish;
        if (kind < 0.30) {
            finish = at + std::chrono::duration_cast<std::chrono::seconds>(window * (0.2 + 0.5 * uniform()));
        } else if (kind < 0.86) {
            finish = legal_due - std::chrono::duration_cast<std::chrono::seconds>(window * (0.1 * uniform()));
        } else {
            finish = workingAfter(legal_due, between(1, 80), agency.code);
            if (uniform() < 0.55) {
                const auto latest = apologyLatestAllowed(h.dossier, *calendar.calendar(), lt, at);
                // Most apologies are on time; some come after the legal latest (recorded late).
                auto issued = uniform() < 0.85 ? latest - hours{between(1, 48)} : latest + hours{between(1, 30)};
                issued = std::max(issued, at + minutes{1});
                if (issued <= now && issued < finish) {
                    const auto new_due = workingAfter(finish, between(1, 16), agency.code);
                    step(domain::IssueApologyCommand{"Hồ sơ cần xác minh thêm", new_due, "Giám đốc", issued, latest,
                                                     domain::ApologyDeadline::RecordLate},
                         issued);
                    at = issued;
                    ++summary.apologies;
                }
            }
        }
        finish = std::max(finish, at + minutes{5});
        if (finish > now) {
            ++summary.open;
            if (legal_due < now) ++summary.late;
            return h;
        }
        const auto verdict = verdictAt(h.dossier, finish, lt);
        if (verdict == domain::Verdict::Late) ++summary.late;
        if (uniform() < 0.02) {
            step(domain::RejectAfterAppraisalCommand{"Không đủ điều kiện", verdict}, finish);
        } else {
            step(domain::ResolveCommand{"Đã có kết quả", verdict}, finish);
        }
        const auto returned = workingAfter(finish, between(1, 24), agency.code);
        if (returned > now) return h;
        step(domain::ReturnCommand{h.dossier.result_delivery, returned}, returned);
        return h;
    }
};

DemoGenerator::DemoGenerator(store::Database& database, const Clock& clock, CalendarService& calendar,
                             CatalogService& catalog)
    : impl_(std::make_unique<Impl>(Impl{database, clock, calendar, catalog, {}, {}, {}, {}, {}, {}})) {}

DemoGenerator::~DemoGenerator() = default;

GenerateSummary DemoGenerator::run(const GenerateOptions& options, const std::function<void(std::int64_t)>& progress) {
    auto& m = *impl_;
    if (options.dossiers < 1 || options.agencies < 1 || options.years < 1 || options.years > 20 || options.batch < 1) {
        throw Error(ErrorCode::InvalidArgument,
                    "Tham số không hợp lệ: --dossiers ≥ 1, --agencies ≥ 1, --years từ 1 đến 20.", "bad generate options");
    }
    m.rng.seed(options.seed);
    store::DossierRepository dossiers;
    store::UserRepository users;
    store::StatsRepository stats;
    const auto context = statsContext(m.catalog, m.calendar.localTime());
    const auto existing = m.db.run([&](store::Session& s) { return dossiers.countAll(s); });
    if (existing > 0) {
        throw Error(ErrorCode::FailedPrecondition,
                    "Cơ sở dữ liệu đã có " + std::to_string(existing) +
                        " hồ sơ; chỉ sinh dữ liệu mẫu vào cơ sở dữ liệu chưa có hồ sơ (mã hồ sơ sẽ trùng).",
                    "database already has dossiers");
    }
    const auto admins = m.db.run([&](store::Session& s) { return users.list(s); });
    const auto admin = std::find_if(admins.begin(), admins.end(),
                                    [](const auto& u) { return u.role == "admin" && u.active; });
    if (admin == admins.end()) {
        throw Error(ErrorCode::FailedPrecondition,
                    "Chưa có tài khoản quản trị; chạy `motcua demo load` hoặc `motcua user add` trước.", "no admin");
    }
    m.prepareCatalog(options, admin->id);
    m.actor = domain::Actor{domain::UserId{admin->id}, domain::AgencyId{admin->agency_id}};

    const auto now = m.clock.now();
    const auto start = now - date::days{365 * options.years};
    // The next batch is simulated on a second thread while the current one is written.
    auto simulateBatch = [&m, start, now](std::int64_t n) {
        std::vector<store::DossierHistory> batch;
        batch.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) batch.push_back(m.simulate(start, now));
        return batch;
    };
    auto sizeAfter = [&](std::int64_t done) { return std::min<std::int64_t>(options.batch, options.dossiers - done); };
    std::int64_t written = 0;
    // Records are bulk-loaded without their counters, which are built once at the end; until
    // then reports read the records.
    m.db.run([](store::Session& s) { store::CounterRepository{}.setBuilt(s, false); });
    auto next = std::async(std::launch::async, simulateBatch, sizeAfter(0));
    while (written < options.dossiers) {
        auto batch = next.get();
        const auto n = static_cast<std::int64_t>(batch.size());
        if (written + n < options.dossiers) next = std::async(std::launch::async, simulateBatch, sizeAfter(written + n));
        m.db.run([&](store::Session& s) {
            store::Transaction tx(s);
            const auto ids = dossiers.insertHistories(s, batch);
            // The statistics records, as the desk would have kept them event by event.
            std::vector<domain::stats::DossierStatRecord> records;
            records.reserve(batch.size());
            for (std::size_t k = 0; k < batch.size(); ++k) {
                std::vector<domain::DossierEvent> trail;
                trail.reserve(batch[k].events.size());
                for (const auto& e : batch[k].events) trail.push_back(withDossierId(e, ids[k]));
                records.push_back(domain::stats::recordFromEvents(trail, context));
            }
            stats.upsertMany(s, records);
            tx.commit();
        });
        for (const auto& h : batch) m.summary.events += static_cast<std::int64_t>(h.events.size());
        written += n;
        if (progress) progress(written);
    }
    m.db.run([&](store::Session& s) {
        store::Transaction tx(s);
        for (const auto& [key, last] : m.sequences) {
            dossiers.raiseSequence(s, key.first, date::year_month_day{date::sys_days{date::days{key.second}}}, last);
        }
        tx.commit();
    });
    rebuildDayCounters(m.db);
    m.summary.dossiers = written;
    return m.summary;
}

}  // namespace motcua::service
