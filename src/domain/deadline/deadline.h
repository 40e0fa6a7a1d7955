#pragma once
/// The due time ("hẹn trả kết quả") of a dossier from its receipt instant, the procedure's legal
/// processing time, the 15:00 forwarding cut-off and supplement pauses; remaining working time
/// and the on-time classification of a finished dossier.
///
/// Every instant here is LOCAL civil time of the agency (Asia/Ho_Chi_Minh), already converted by
/// the service layer; every function is O(1) in the length of the duration.
///
/// Counting rules:
/// - Receipt outside working time (before the first session, at lunch, after the last session,
///   on a weekend or a non-working day) counts from the next working instant (rules §5.1–5.2:
///   the practice of one-stop software; NĐ 45/2020 is believed to say so for online dossiers).
/// - `ReceiptRule::ApplyCutOff` (paper dossiers, direct or postal): a dossier received on a
///   working day strictly after the cut-off (15:00) counts from the start of the next working
///   day (NĐ 61/2018 Đ18: paper dossiers received after 15:00 are forwarded the next working
///   day).
/// - WorkingDays / WorkingHours: the due time is the counting start plus N × day length (N
///   working days) or N × 60 minutes (N working hours) of working time, walking the working
///   sessions and skipping non-working days; "5d" is 40 h by default (rules §5.2, Tân Dân worked
///   example: received Fri 27/10/2023 09:32, 5 working days → Fri 03/11/2023 09:32). A due time
///   on a boundary is named as the end of the earlier session: 17:00 rather than 07:00 the next
///   working day, 11:30 rather than 13:30.
/// - CalendarDays: BLDS 2015 Đ147.2–3, the period starts on the day after the day counting
///   starts; Đ148.1 it ends at the end of its last day, taken as the end of that day's last
///   working session (17:00); Đ148.5 if that day is not a working day, at the end of the next
///   working day.
/// - SameDay: the end of the last session of the receipt day. The cut-off always applies: a
///   same-day dossier received after 15:00 is due at the end of the next working day (Hà Nội
///   procedure decisions, e.g. QĐ 1811 and QĐ 663; rules §5.1).

#include "domain/calendar/working_calendar.h"
#include "domain/calendar/working_hours.h"
#include "domain/deadline/duration.h"

#include <date/date.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace motcua::domain {

/// Whether the forwarding cut-off moves a late receipt to the next working day.
enum class ReceiptRule {
    CountFromReceipt,  ///< Online dossiers: count from the receipt instant.
    ApplyCutOff,       ///< Paper dossiers (direct, postal): after the cut-off, count from the next working day.
};

/// How a supplement request ("yêu cầu bổ sung, hoàn thiện hồ sơ") affects the deadline.
enum class SupplementMode {
    /// NĐ 61/2018 Đ19.4 as amended by NĐ 107/2021 (kept by NĐ 118/2025): the processing time is
    /// counted again from zero once the complete dossier is received ("tính lại từ đầu").
    Restart,
    /// Original 2018 wording (legacy dossiers): the clock pauses; the due time moves later by the
    /// working time spent waiting for the supplement.
    Pause,
};

/// A computed deadline.
struct Deadline {
    /// The instant the period runs from: the first working instant at or after the receipt
    /// (after the cut-off rule); for calendar days, local midnight opening the day after.
    date::local_seconds counting_start;
    /// The due instant ("hẹn trả kết quả").
    date::local_seconds due_at;
    /// The number of working days from the first counted day to the due day, both included
    /// (5 for "5d" counted from 07:00 Monday; 6 for "5d" counted from 09:32 Friday).
    WorkingDays working_days_counted;

    /// Tells whether two deadlines are the same.
    friend bool operator==(const Deadline&, const Deadline&) = default;
};

/// An interval during which the dossier waited for a supplement: from the request to the
/// receipt of the complete dossier; `end` is empty while the wait goes on.
struct PauseInterval {
    date::local_seconds start;               ///< When the supplement was requested.
    std::optional<date::local_seconds> end;  ///< When the complete dossier arrived; empty while waiting.
};

/// How a finished dossier compares with its due time (TT 01/2018 BM.05 column "trước hạn /
/// đúng hạn / quá hạn").
enum class Timeliness {
    Early,   ///< "trước hạn": finished on a date before the due date.
    OnTime,  ///< "đúng hạn": finished on the due date, by the due instant.
    Late,    ///< "quá hạn": finished after the due instant.
};

/// Returns the first working instant from which a dossier received at `received_at` is
/// counted, under `rule`. Throws `Error{InvalidArgument}` outside the calendar's range.
date::local_seconds countingStart(const WorkingCalendar& calendar, const WorkingHours& hours,
                                  date::local_seconds received_at, ReceiptRule rule);

/// Returns the deadline of a dossier received at `received_at` with processing time `duration`,
/// by the counting rules above. Throws `Error{InvalidArgument}` if `duration.amount` is below 1
/// (other than for SameDay) or above kMaxDurationAmount, or outside the calendar's range.
Deadline computeDeadline(const WorkingCalendar& calendar, const WorkingHours& hours,
                         date::local_seconds received_at, const Duration& duration, ReceiptRule rule);

/// Returns the current deadline given the supplement waits `pauses` (in time order, not
/// overlapping, none before `received_at`, only the last one open). Restart: counted from the end
/// of the last pause as a new receipt under `rule`. Pause: the deadline without pauses moved
/// later by the working time inside the pauses. Returns empty while the last pause is open (the
/// clock is stopped). Throws `Error{InvalidArgument}` for malformed pauses or as
/// `computeDeadline`.
std::optional<Deadline> computeCurrentDeadline(const WorkingCalendar& calendar, const WorkingHours& hours,
                                               date::local_seconds received_at, const Duration& duration,
                                               ReceiptRule rule, std::span<const PauseInterval> pauses,
                                               SupplementMode mode);

/// Returns the working time from `from` to `to`, negative when `to` is earlier (time outside
/// working sessions does not count), rounded down to whole minutes.
WorkingMinutes workingTimeBetween(const WorkingCalendar& calendar, const WorkingHours& hours,
                                  date::local_seconds from, date::local_seconds to);

/// Returns the working time left from `now` until `due_at`: positive while time remains,
/// negative once overdue. A dossier past its due instant is at least 1 minute overdue even when
/// no working time has passed since (due Friday 17:00, now Saturday), so the sign alone tells
/// whether it is overdue. Throws outside the calendar's range.
WorkingMinutes remainingWorkingTime(const WorkingCalendar& calendar, const WorkingHours& hours,
                                    date::local_seconds now, date::local_seconds due_at);

/// Formats a remaining working time in Vietnamese, a day being `hours.dayLength()`: "còn 2 ngày
/// 3 giờ", "quá 1 ngày 4 giờ", "còn 1 giờ 30 phút", "còn 45 phút". Minutes are shown only when
/// less than a day is left; zero is "còn 0 phút".
std::string formatRemaining(WorkingMinutes remaining, const WorkingHours& hours);

/// Classifies a dossier finished at `finished_at` against `due_at`: Late if after the due instant;
/// OnTime if by the due instant on the due date; Early if on an earlier date.
Timeliness classifyCompletion(date::local_seconds finished_at, date::local_seconds due_at);

/// Returns the stable code of `timeliness`: "early", "on_time", "late".
std::string_view timelinessCode(Timeliness timeliness);

/// Returns the Vietnamese label of `timeliness`: "trước hạn", "đúng hạn", "quá hạn".
std::string_view describeTimeliness(Timeliness timeliness);

}  // namespace motcua::domain
