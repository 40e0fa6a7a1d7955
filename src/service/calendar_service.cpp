#include "service/calendar_service.h"

#include "domain/calendar/vietnam_holidays.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "store/calendar_repository.h"
#include "store/database.h"

#include <algorithm>
#include <map>

namespace motcua::service {
namespace {

/// The schedules in force at `at`: for each year, the latest version effective by then.
std::vector<domain::DayOffSchedule> inForce(const std::vector<store::ScheduleRow>& rows, date::sys_seconds at) {
    std::vector<const store::ScheduleRow*> chosen;
    for (const auto& row : rows) {
        if (row.effective_from > at) continue;
        auto same_year = std::find_if(chosen.begin(), chosen.end(), [&](const auto* c) { return c->year == row.year; });
        if (same_year == chosen.end()) {
            chosen.push_back(&row);
        } else if (std::tie(row.effective_from, row.version) > std::tie((*same_year)->effective_from, (*same_year)->version)) {
            *same_year = &row;
        }
    }
    std::vector<domain::DayOffSchedule> out;
    for (const auto* row : chosen) {
        domain::DayOffSchedule schedule{row->year, {}};
        for (const auto& d : row->days) {
            schedule.days.push_back(domain::CalendarDay{date::local_days{date::sys_days{d.day}.time_since_epoch()},
                                                        domain::parseDayKind(d.kind), d.name});
        }
        out.push_back(std::move(schedule));
    }
    return out;
}

ScheduleVersion toVersion(const store::ScheduleRow& row) {
    ScheduleVersion v{row.id, row.year, row.version, row.effective_from, row.source, row.created_by, row.created_at,
                      domain::DayOffSchedule{row.year, {}}};
    for (const auto& d : row.days) {
        v.schedule.days.push_back(domain::CalendarDay{date::local_days{date::sys_days{d.day}.time_since_epoch()},
                                                      domain::parseDayKind(d.kind), d.name});
    }
    return v;
}

/// Parses "HH:MM" into minutes after midnight; returns -1 when malformed.
int parseClock(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return -1;
    // Two digits each: "1x:30" or "-1:30" is no time of day.
    const auto h = domain::wholeNumber<unsigned>(text.substr(0, 2));
    const auto m = domain::wholeNumber<unsigned>(text.substr(3, 2));
    if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m > 0)) return -1;
    return static_cast<int>(*h * 60 + *m);
}

domain::WorkingHours parseHours(const store::WorkingHoursRow& row) {
    std::vector<domain::WorkSession> sessions;
    std::string_view rest = row.sessions;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        const auto dash = item.find('-');
        const int start = dash == std::string_view::npos ? -1 : parseClock(item.substr(0, dash));
        const int end = dash == std::string_view::npos ? -1 : parseClock(item.substr(dash + 1));
        if (start < 0 || end < 0) {
            throw Error(ErrorCode::InvalidArgument, "Giờ làm việc \"" + row.sessions + "\" không hợp lệ.",
                        "bad working sessions: " + row.sessions);
        }
        sessions.push_back(domain::WorkSession{std::chrono::minutes{start}, std::chrono::minutes{end}});
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    const int cutoff = parseClock(row.forwarding_cutoff);
    if (cutoff < 0) {
        throw Error(ErrorCode::InvalidArgument, "Giờ chốt chuyển hồ sơ \"" + row.forwarding_cutoff + "\" không hợp lệ.",
                    "bad cut-off");
    }
    return domain::WorkingHours(std::move(sessions), std::chrono::minutes{cutoff});
}

}  // namespace

struct CalendarService::Cache {
    long long stamp = -1;
    std::chrono::steady_clock::time_point checked_at;
    std::vector<store::ScheduleRow> rows;
    std::vector<long long> in_force_ids;
    std::shared_ptr<const domain::WorkingCalendar> calendar;
    /// Working hours by agency code, with when they were read (same lifetime as the calendar).
    std::map<std::string, std::pair<domain::WorkingHours, std::chrono::steady_clock::time_point>> hours;
};

CalendarService::CalendarService(store::Database& database, const Clock& clock, const LocalTime& local_time)
    : database_(database),
      clock_(clock),
      local_time_(local_time),
      repository_(std::make_unique<store::CalendarRepository>()),
      cache_(std::make_unique<Cache>()) {}

CalendarService::~CalendarService() = default;

std::shared_ptr<const domain::WorkingCalendar> CalendarService::buildIfStale() {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto steady_now = std::chrono::steady_clock::now();
    if (cache_->calendar == nullptr || steady_now - cache_->checked_at >= kReloadEvery) {
        const long long stamp = database_.run([&](store::Session& s) { return repository_->changeStamp(s); });
        if (stamp != cache_->stamp) {
            cache_->rows = database_.run([&](store::Session& s) { return repository_->allVersions(s); });
            cache_->stamp = stamp;
            cache_->in_force_ids.clear();
        }
        cache_->checked_at = steady_now;
    }
    // Which versions are in force depends on the instant: a version may become effective later.
    const date::sys_seconds now = clock_.now();
    std::vector<long long> ids;
    for (const auto& row : cache_->rows) {
        if (row.effective_from <= now) ids.push_back(row.id);
    }
    if (cache_->calendar == nullptr || ids != cache_->in_force_ids) {
        cache_->calendar = std::make_shared<const domain::WorkingCalendar>(kCalendarFirstYear, kCalendarLastYear,
                                                                           inForce(cache_->rows, now));
        cache_->in_force_ids = std::move(ids);
    }
    return cache_->calendar;
}

std::shared_ptr<const domain::WorkingCalendar> CalendarService::calendar() { return buildIfStale(); }

domain::WorkingHours CalendarService::hoursFor(const std::optional<std::string>& agency_code) {
    if (!agency_code) return domain::WorkingHours();
    const auto steady_now = std::chrono::steady_clock::now();
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        const auto found = cache_->hours.find(*agency_code);
        if (found != cache_->hours.end() && steady_now - found->second.second < kReloadEvery) return found->second.first;
    }
    const auto row = database_.run([&](store::Session& s) -> std::optional<store::WorkingHoursRow> {
        if (!repository_->agencyId(s, *agency_code)) {
            throw Error(ErrorCode::NotFound, "Không có cơ quan mã " + *agency_code + ".", "unknown agency", "agency");
        }
        return repository_->workingHours(s, *agency_code);
    });
    const auto hours = row ? parseHours(*row) : domain::WorkingHours();
    const std::lock_guard<std::mutex> lock(mutex_);
    cache_->hours.insert_or_assign(*agency_code, std::make_pair(hours, steady_now));
    return hours;
}

domain::WorkingHours CalendarService::setWorkingHours(const std::string& agency_code, const std::string& sessions,
                                                     const std::string& forwarding_cutoff, const std::string& by) {
    const store::WorkingHoursRow row{sessions, forwarding_cutoff};
    domain::WorkingHours hours = parseHours(row);  // validates before anything is written
    database_.run([&](store::Session& s) {
        const auto id = repository_->agencyId(s, agency_code);
        if (!id) throw Error(ErrorCode::NotFound, "Không có cơ quan mã " + agency_code + ".", "unknown agency", "agency");
        repository_->setWorkingHours(s, *id, row, by, clock_.now());
    });
    const std::lock_guard<std::mutex> lock(mutex_);
    cache_->hours.erase(agency_code);
    return hours;
}

std::vector<domain::CalendarDay> CalendarService::daysOfYear(int year) {
    if (year < domain::WorkingCalendar::kFirstSupportedYear || year > domain::WorkingCalendar::kLastSupportedYear) {
        throw Error(ErrorCode::InvalidArgument, "Năm phải trong khoảng 1900–2100.", "year out of range", "year");
    }
    if (year >= kCalendarFirstYear) return calendar()->daysOfYear(year);
    // Years before the cached range: a one-year calendar from the statutory rules.
    return domain::WorkingCalendar(year, year, {}).daysOfYear(year);
}

DeadlineAnswer CalendarService::deadline(date::sys_seconds received_at, const domain::Duration& duration,
                                         const std::optional<std::string>& agency_code, domain::ReceiptRule rule) {
    const auto hours = hoursFor(agency_code);
    const auto cal = calendar();
    const auto local_received = local_time_.toLocal(received_at);
    const domain::Deadline d = domain::computeDeadline(*cal, hours, local_received, duration, rule);
    DeadlineAnswer answer;
    answer.received_at = received_at;
    answer.counting_start = local_time_.toUtc(d.counting_start);
    answer.due_at = local_time_.toUtc(d.due_at);
    answer.duration = duration;
    answer.rule = rule;
    answer.working_days_counted = d.working_days_counted.count();
    answer.agency_code = agency_code;
    return answer;
}

ScheduleVersion CalendarService::addScheduleVersion(const domain::DayOffSchedule& schedule,
                                                    date::sys_seconds effective_from, const std::string& source,
                                                    const std::string& created_by) {
    domain::validateSchedule(schedule);
    if (schedule.year < kCalendarFirstYear || schedule.year > kCalendarLastYear) {
        throw Error(ErrorCode::InvalidArgument, "Năm của lịch nghỉ phải trong khoảng 1990–2100.", "year out of range",
                    "year");
    }
    if (source.empty()) {
        throw Error(ErrorCode::InvalidArgument, "Cần ghi căn cứ (số công văn, quyết định) của lịch nghỉ.",
                    "missing source", "source");
    }
    // A version replaces the computed rules for the whole year: it must keep the holidays the
    // law fixes, or they would become working days and move every deadline across them.
    if (const auto missing = domain::statutoryHolidaysMissingFrom(schedule); !missing.empty()) {
        std::string list;
        for (const auto& day : missing) {
            list += (list.empty() ? "" : ", ") + domain::formatVietnameseDate(day.day) + " (" + day.name + ")";
        }
        throw Error(ErrorCode::InvalidArgument,
                    "Lịch nghỉ năm " + std::to_string(schedule.year) + " thiếu ngày nghỉ lễ, Tết theo Điều 112 Bộ luật "
                        "Lao động 2019: " + list + ". Mỗi phiên bản thay lịch của cả năm: khai báo đủ mọi ngày nghỉ "
                        "(lấy danh sách đang áp dụng ở GET /api/v1/calendar/" + std::to_string(schedule.year) +
                        ", sửa rồi gửi lại).",
                    "schedule without statutory holidays", "days");
    }
    store::ScheduleRow row;
    row.year = schedule.year;
    row.effective_from = effective_from;
    row.source = source;
    row.created_by = created_by;
    row.created_at = clock_.now();
    for (const auto& d : schedule.days) {
        row.days.push_back(store::ScheduleDayRow{date::year_month_day{date::sys_days{d.day.time_since_epoch()}},
                                                 std::string(domain::dayKindCode(d.kind)), d.name});
    }
    const auto stored = database_.run([&](store::Session& s) {
        store::Transaction tx(s);
        auto inserted = repository_->insertVersion(s, row);
        tx.commit();
        return inserted;
    });
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        cache_->calendar.reset();
        cache_->stamp = -1;
    }
    return toVersion(stored);
}

std::vector<ScheduleVersion> CalendarService::versions(int year) {
    const auto rows = database_.run([&](store::Session& s) { return repository_->versionsOf(s, year); });
    std::vector<ScheduleVersion> out;
    for (const auto& row : rows) out.push_back(toVersion(row));
    return out;
}

}  // namespace motcua::service
