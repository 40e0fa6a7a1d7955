#pragma once
/// The daily working sessions of an agency (default 07:00–11:30 and 13:30–17:00) and its
/// forwarding cut-off for paper dossiers (default 15:00, NĐ 61/2018 Đ18).

#include "domain/deadline/duration.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace motcua::domain {

/// One working session of the day, as offsets from local midnight: [start, end).
struct WorkSession {
    std::chrono::minutes start;  ///< Opening time, from local midnight.
    std::chrono::minutes end;    ///< Closing time, from local midnight (exclusive).

    /// Tells whether two sessions are the same.
    friend bool operator==(const WorkSession&, const WorkSession&) = default;
};

/// Which of two equal instants to name where one session ends and the next begins, or where a
/// working day ends and the next one begins (11:30 or 13:30; 17:00 or 07:00 the next day).
enum class SessionEdge {
    StartOfNext,  ///< The start of the next session: where counting begins.
    EndOfPrevious,  ///< The end of the previous session: where a deadline falls.
};

/// Working hours of an agency, valid by construction. Provinces set their own hours (rules
/// §5.1); the default follows common practice and the Tân Dân software (rules §5.2).
class WorkingHours {
public:
    /// Builds the default hours: 07:00–11:30 and 13:30–17:00 (8 h), cut-off 15:00.
    WorkingHours();

    /// Builds hours from `sessions` and the forwarding cut-off. Throws `Error{InvalidArgument}`
    /// unless there is at least one session, every session lies within 00:00–24:00 and is not
    /// empty, the sessions are in order and do not overlap, and the cut-off lies within the day.
    WorkingHours(std::vector<WorkSession> sessions, std::chrono::minutes forwarding_cut_off);

    /// Returns the sessions in order.
    const std::vector<WorkSession>& sessions() const noexcept { return sessions_; }
    /// Returns the forwarding cut-off (offset from local midnight).
    std::chrono::minutes forwardingCutOff() const noexcept { return cut_off_; }
    /// Returns the length of a working day: the sum of the sessions (8 h by default).
    WorkingMinutes dayLength() const noexcept;
    /// Returns the length of a working day in seconds.
    std::chrono::seconds dayLengthSeconds() const noexcept { return day_length_; }
    /// Returns the end of the last session (17:00 by default).
    std::chrono::seconds endOfDay() const noexcept;

    /// Returns the working time elapsed in a working day at `time_of_day` (an offset from local
    /// midnight): 0 before the first session, `dayLengthSeconds()` after the last.
    std::chrono::seconds workedBefore(std::chrono::seconds time_of_day) const noexcept;

    /// Returns the time of day at which `worked` of the day's working time has elapsed, for
    /// 0 <= worked <= dayLengthSeconds(); `edge` chooses between equal instants at a boundary.
    std::chrono::seconds timeOfDayAt(std::chrono::seconds worked, SessionEdge edge) const noexcept;

private:
    // A session in seconds, with the working time of the sessions before it; the deadline engine
    // evaluates these without data-dependent branches (random receipt times defeat prediction).
    struct Span {
        std::chrono::seconds start;
        std::chrono::seconds length;
        std::chrono::seconds worked_before;
        std::chrono::seconds gap_before;  // idle time since the previous session ends
    };

    std::vector<WorkSession> sessions_;
    std::chrono::minutes cut_off_;
    std::chrono::seconds day_length_;
    std::vector<Span> spans_;
};

// workedBefore and timeOfDayAt run several times per due time; they are inline and free of
// data-dependent branches.

inline std::chrono::seconds WorkingHours::workedBefore(std::chrono::seconds time_of_day) const noexcept {
    std::int64_t worked = 0;
    for (const Span& span : spans_) {
        worked += std::min(std::max((time_of_day - span.start).count(), std::int64_t{0}), span.length.count());
    }
    return std::chrono::seconds{worked};
}

inline std::chrono::seconds WorkingHours::timeOfDayAt(std::chrono::seconds worked, SessionEdge edge) const noexcept {
    // Start from the first session and add each idle gap the worked time has passed; at a
    // boundary (worked == worked_before) the gap counts only when naming the next session.
    const std::int64_t strict = edge == SessionEdge::EndOfPrevious ? 1 : 0;
    std::int64_t time_of_day = spans_.front().start.count() + worked.count();
    for (std::size_t i = 1; i < spans_.size(); ++i) {
        const bool passed = worked.count() >= spans_[i].worked_before.count() + strict;
        time_of_day += spans_[i].gap_before.count() * static_cast<std::int64_t>(passed);
    }
    return std::chrono::seconds{time_of_day};
}

}  // namespace motcua::domain
