#include "domain/deadline/deadline.h"

#include "domain/core/error.h"

#include <cstdint>
#include <string>
#include <utility>

namespace motcua::domain {

namespace {

using std::chrono::seconds;

constexpr std::int64_t kSecondsPerHour = 3600;

// A position in working time: a working day and the working time elapsed in it,
// 0 <= worked <= day length (the day length and 0 of the next working day are the same moment).
struct WorkingPoint {
    date::local_days day;
    seconds worked;
};

// The working position of `instant`: time outside the sessions maps to the next working instant.
WorkingPoint toWorkingPoint(const WorkingCalendar& calendar, const WorkingHours& hours,
                            date::local_seconds instant) {
    const date::local_days day = date::floor<date::days>(instant);
    if (!calendar.isWorkingDay(day)) return WorkingPoint{calendar.nextWorkingDay(day), seconds{0}};
    return WorkingPoint{day, hours.workedBefore(instant - day)};
}

// Where counting starts.
struct StartPoint {
    WorkingPoint point;
    // The receipt day and how many working days after it the count starts (0 when it starts on
    // the receipt day itself, which is then a working day; 1 otherwise), so that later lookups
    // can start from the receipt day and run in parallel with this one.
    date::local_days receipt_day;
    int days_ahead;
};

// The next working instant, and under the cut-off rule the next working day for a receipt on a
// working day strictly after the cut-off. Written without data-dependent branches: receipt
// times are random, so branches here would mostly be mispredicted.
StartPoint startPoint(const WorkingCalendar& calendar, const WorkingHours& hours, date::local_seconds received_at,
                      ReceiptRule rule) {
    const date::local_days day = date::floor<date::days>(received_at);
    const seconds time_of_day = received_at - day;
    const seconds worked = hours.workedBefore(time_of_day);
    // The first working day strictly after `day` is where a receipt that does not count today
    // starts, whether `day` is a working day or not.
    const date::local_days next_working = calendar.nextWorkingDay(day);
    // NĐ 61/2018 Đ18: paper dossiers received after 15:00 go forward at the start of the next
    // working day.
    const bool after_cut_off = (rule == ReceiptRule::ApplyCutOff) & (time_of_day > hours.forwardingCutOff());
    const bool counts_today = calendar.isWorkingDay(day) & !after_cut_off & (worked < hours.dayLengthSeconds());
    const int today = static_cast<int>(counts_today);
    // Arithmetic selects (x * flag) keep the compiler from turning these choices into branches.
    return StartPoint{WorkingPoint{next_working + (day - next_working) * today, worked * std::int64_t{today}}, day,
                      1 - today};
}

date::local_seconds startInstant(const WorkingHours& hours, const WorkingPoint& point) {
    return point.day + hours.timeOfDayAt(point.worked, SessionEdge::StartOfNext);
}

// The instant at which `amount` more working time has elapsed after `from`, named as the end of
// the earlier session on a boundary.
WorkingPoint advance(const WorkingCalendar& calendar, const WorkingHours& hours, const WorkingPoint& from,
                     seconds amount) {
    const std::int64_t day_length = hours.dayLengthSeconds().count();
    const std::int64_t total = from.worked.count() + amount.count();
    if (total <= 0) return WorkingPoint{from.day, seconds{0}};
    const std::int64_t whole_days = (total - 1) / day_length;  // the remainder is in (0, day length]
    return WorkingPoint{calendar.addWorkingDays(from.day, WorkingDays{static_cast<int>(whole_days)}),
                        seconds{total - whole_days * day_length}};
}

date::local_seconds dueInstant(const WorkingHours& hours, const WorkingPoint& point) {
    return point.day + hours.timeOfDayAt(point.worked, SessionEdge::EndOfPrevious);
}

// Working time from `from` to `to` (negative when `to` is earlier).
seconds workingDistance(const WorkingCalendar& calendar, const WorkingHours& hours, const WorkingPoint& from,
                        const WorkingPoint& to) {
    const std::int64_t days = calendar.workingDaysBetween(from.day, to.day).count();
    return seconds{days * hours.dayLengthSeconds().count()} + to.worked - from.worked;
}

void checkAmount(const Duration& duration) {
    if (duration.unit == DurationUnit::SameDay) return;
    if (duration.amount < 1 || duration.amount > kMaxDurationAmount) {
        std::string message_vi("Thời hạn giải quyết phải từ 1 đến ");
        message_vi += std::to_string(kMaxDurationAmount);
        message_vi += '.';
        std::string log("duration amount out of range: ");
        log += std::to_string(duration.amount);
        throw Error(ErrorCode::InvalidArgument, std::move(message_vi), std::move(log));
    }
}

Deadline deadlineFrom(const WorkingCalendar& calendar, const WorkingHours& hours, const StartPoint& from,
                      const Duration& duration) {
    const WorkingPoint& start = from.point;
    const date::local_seconds start_instant = startInstant(hours, start);
    switch (duration.unit) {
        case DurationUnit::WorkingDays: {
            // N whole days from a point keep its time of day N working days later; from the start
            // of a day they end at the close of the N-th day (17:00, not 07:00 the next day).
            const bool at_day_start = start.worked == seconds{0};
            const WorkingDays whole_days{duration.amount - static_cast<int>(at_day_start)};
            // Counted from the receipt day rather than from start.day: same day, shorter chain
            // of dependent table lookups.
            const WorkingPoint due{calendar.addWorkingDays(from.receipt_day, whole_days + WorkingDays{from.days_ahead}),
                                   at_day_start ? hours.dayLengthSeconds() : start.worked};
            return Deadline{start_instant, dueInstant(hours, due), whole_days + WorkingDays{1}};
        }
        case DurationUnit::WorkingHours: {
            const WorkingPoint due = advance(calendar, hours, start, seconds{kSecondsPerHour * duration.amount});
            return Deadline{start_instant, dueInstant(hours, due),
                            calendar.workingDaysBetween(start.day, due.day) + WorkingDays{1}};
        }
        case DurationUnit::CalendarDays: {
            // BLDS 2015 Đ147.2–3: the period starts the day after; Đ148.1 it ends at the end of
            // its last day; Đ148.5 a non-working last day moves the end to the next working day.
            const date::local_days first_day = start.day + date::days{1};
            date::local_days last_day = start.day + date::days{duration.amount};
            if (!calendar.isWorkingDay(last_day)) last_day = calendar.nextWorkingDay(last_day);
            return Deadline{date::local_seconds{first_day}, last_day + hours.endOfDay(),
                            calendar.workingDaysBetween(start.day, last_day)};
        }
        case DurationUnit::SameDay:
            return Deadline{start_instant, start.day + hours.endOfDay(), WorkingDays{1}};
    }
    throw Error(ErrorCode::Internal, "Lỗi tính thời hạn.", "unknown duration unit");
}

void checkPauses(date::local_seconds received_at, std::span<const PauseInterval> pauses) {
    date::local_seconds earliest = received_at;
    for (std::size_t i = 0; i < pauses.size(); ++i) {
        const PauseInterval& pause = pauses[i];
        const bool open_before_last = !pause.end && i + 1 != pauses.size();
        if (pause.start < earliest || open_before_last || (pause.end && *pause.end < pause.start)) {
            throw Error(ErrorCode::InvalidArgument,
                        "Các lần tạm dừng chờ bổ sung hồ sơ không hợp lệ: phải theo thứ tự thời gian, "
                        "không chồng lên nhau, không trước ngày tiếp nhận và chỉ lần cuối có thể chưa kết thúc.",
                        std::string("malformed pause intervals at index ").append(std::to_string(i)));
        }
        if (pause.end) earliest = *pause.end;
    }
}

}  // namespace

date::local_seconds countingStart(const WorkingCalendar& calendar, const WorkingHours& hours,
                                  date::local_seconds received_at, ReceiptRule rule) {
    return startInstant(hours, startPoint(calendar, hours, received_at, rule).point);
}

Deadline computeDeadline(const WorkingCalendar& calendar, const WorkingHours& hours, date::local_seconds received_at,
                         const Duration& duration, ReceiptRule rule) {
    checkAmount(duration);
    // Hà Nội procedure decisions (rules §5.1): same-day procedures received after 15:00 are
    // returned the next working day, whatever the channel.
    const ReceiptRule effective_rule = duration.unit == DurationUnit::SameDay ? ReceiptRule::ApplyCutOff : rule;
    return deadlineFrom(calendar, hours, startPoint(calendar, hours, received_at, effective_rule), duration);
}

std::optional<Deadline> computeCurrentDeadline(const WorkingCalendar& calendar, const WorkingHours& hours,
                                               date::local_seconds received_at, const Duration& duration,
                                               ReceiptRule rule, std::span<const PauseInterval> pauses,
                                               SupplementMode mode) {
    checkPauses(received_at, pauses);
    if (!pauses.empty() && !pauses.back().end) return std::nullopt;
    if (pauses.empty()) return computeDeadline(calendar, hours, received_at, duration, rule);

    if (mode == SupplementMode::Restart) {
        // NĐ 61/2018 Đ19.4 (NĐ 107/2021): "thời hạn giải quyết được tính lại từ đầu sau khi
        // nhận đủ hồ sơ" — the complete dossier is a new receipt.
        return computeDeadline(calendar, hours, *pauses.back().end, duration, rule);
    }

    // Legacy pause semantics: the due time moves later by the working time spent waiting.
    Deadline deadline = computeDeadline(calendar, hours, received_at, duration, rule);
    seconds paused{0};
    for (const PauseInterval& pause : pauses) {
        paused += workingDistance(calendar, hours, toWorkingPoint(calendar, hours, pause.start),
                                  toWorkingPoint(calendar, hours, *pause.end));
    }
    if (paused == seconds{0}) return deadline;
    const WorkingPoint due = advance(calendar, hours, toWorkingPoint(calendar, hours, deadline.due_at), paused);
    const date::local_days first_counted = date::floor<date::days>(deadline.counting_start);
    deadline.due_at = dueInstant(hours, due);
    deadline.working_days_counted = calendar.workingDaysBetween(first_counted, due.day) +
                                    WorkingDays{calendar.isWorkingDay(first_counted) ? 1 : 0};
    return deadline;
}

WorkingMinutes workingTimeBetween(const WorkingCalendar& calendar, const WorkingHours& hours,
                                  date::local_seconds from, date::local_seconds to) {
    const seconds distance = workingDistance(calendar, hours, toWorkingPoint(calendar, hours, from),
                                             toWorkingPoint(calendar, hours, to));
    return WorkingMinutes{date::floor<std::chrono::minutes>(distance).count()};
}

WorkingMinutes remainingWorkingTime(const WorkingCalendar& calendar, const WorkingHours& hours,
                                    date::local_seconds now, date::local_seconds due_at) {
    const WorkingMinutes remaining = workingTimeBetween(calendar, hours, now, due_at);
    if (now > due_at && remaining.count() >= 0) return WorkingMinutes{-1};
    return remaining;
}

std::string formatRemaining(WorkingMinutes remaining, const WorkingHours& hours) {
    const std::int64_t day_minutes = hours.dayLength().count();
    const std::int64_t magnitude = remaining.count() < 0 ? -remaining.count() : remaining.count();
    const std::int64_t days = magnitude / day_minutes;
    const std::int64_t whole_hours = magnitude % day_minutes / 60;
    const std::int64_t minutes = magnitude % day_minutes % 60;

    std::string text(remaining.count() < 0 ? "quá" : "còn");
    const auto append = [&text](std::int64_t value, std::string_view unit) {
        text += ' ';
        text += std::to_string(value);
        text += ' ';
        text += unit;
    };
    if (days > 0) {
        append(days, "ngày");
        if (whole_hours > 0) append(whole_hours, "giờ");
        return text;
    }
    if (whole_hours > 0) append(whole_hours, "giờ");
    if (minutes > 0 || whole_hours == 0) append(minutes, "phút");
    return text;
}

Timeliness classifyCompletion(date::local_seconds finished_at, date::local_seconds due_at) {
    if (finished_at > due_at) return Timeliness::Late;
    if (date::floor<date::days>(finished_at) < date::floor<date::days>(due_at)) return Timeliness::Early;
    return Timeliness::OnTime;
}

std::string_view timelinessCode(Timeliness timeliness) {
    switch (timeliness) {
        case Timeliness::Early: return "early";
        case Timeliness::OnTime: return "on_time";
        case Timeliness::Late: return "late";
    }
    return "late";
}

std::string_view describeTimeliness(Timeliness timeliness) {
    switch (timeliness) {
        case Timeliness::Early: return "trước hạn";
        case Timeliness::OnTime: return "đúng hạn";
        case Timeliness::Late: return "quá hạn";
    }
    return "quá hạn";
}

}  // namespace motcua::domain
