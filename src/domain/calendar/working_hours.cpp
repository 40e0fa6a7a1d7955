#include "domain/calendar/working_hours.h"

#include "domain/core/error.h"

#include <string>
#include <utility>

namespace motcua::domain {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr minutes kDayLength = hours{24};

[[noreturn]] void throwInvalidHours(const std::string& problem_vi, const std::string& problem_log) {
    throw Error(ErrorCode::InvalidArgument, "Giờ làm việc không hợp lệ: " + problem_vi + ".",
                "invalid working hours: " + problem_log);
}

}  // namespace

WorkingHours::WorkingHours()
    : WorkingHours({WorkSession{hours{7}, hours{11} + minutes{30}},
                    WorkSession{hours{13} + minutes{30}, hours{17}}},
                   hours{15}) {}

WorkingHours::WorkingHours(std::vector<WorkSession> sessions, minutes forwarding_cut_off)
    : sessions_(std::move(sessions)), cut_off_(forwarding_cut_off), day_length_(0) {
    if (sessions_.empty()) throwInvalidHours("cần ít nhất một buổi làm việc", "no session");
    minutes previous_end{0};
    for (const WorkSession& session : sessions_) {
        if (session.start < minutes{0} || session.end > kDayLength) {
            throwInvalidHours("buổi làm việc phải nằm trong ngày", "session outside the day");
        }
        if (session.start >= session.end) {
            throwInvalidHours("giờ bắt đầu phải trước giờ kết thúc", "empty or reversed session");
        }
        if (session.start < previous_end) {
            throwInvalidHours("các buổi phải theo thứ tự và không chồng lên nhau",
                              "sessions out of order or overlapping");
        }
        const seconds gap = spans_.empty() ? seconds{0} : seconds{session.start - previous_end};
        spans_.push_back(Span{session.start, session.end - session.start, day_length_, gap});
        previous_end = session.end;
        day_length_ += session.end - session.start;
    }
    if (cut_off_ < minutes{0} || cut_off_ > kDayLength) {
        throwInvalidHours("giờ chốt chuyển hồ sơ phải nằm trong ngày", "cut-off outside the day");
    }
}

WorkingMinutes WorkingHours::dayLength() const noexcept {
    return WorkingMinutes{std::chrono::duration_cast<minutes>(day_length_).count()};
}

seconds WorkingHours::endOfDay() const noexcept { return sessions_.back().end; }

}  // namespace motcua::domain
