#pragma once
/// Test helpers for the statistics tests: local instants, a readable builder of statistics
/// records, a small agency tree, and dossiers driven through the real state machine so that
/// their event trails are the ones the service will store.

#include "domain/dossier/dossier_state.h"
#include "domain/stats/dossier_stat_record.h"
#include "domain/stats/report_06a.h"

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace motcua::domain::stats {

/// Prints every count by name, so a failed comparison says which column differs.
inline void PrintTo(const Counts06a& c, std::ostream* os) {
    *os << "{received_total=" << c.received_total << " online=" << c.received_online
        << " direct_and_postal=" << c.received_direct_and_postal << " carried_over=" << c.carried_over
        << " | resolved_total=" << c.resolved_total << " early=" << c.resolved_early << " on_time=" << c.resolved_on_time
        << " late=" << c.resolved_late << " | in_progress_total=" << c.in_progress_total
        << " within=" << c.in_progress_within_time << " overdue=" << c.in_progress_overdue
        << " | direct=" << c.received_direct << " postal=" << c.received_postal << " online_full=" << c.received_online_full
        << " online_partial=" << c.received_online_partial << " full_level=" << c.full_level_received << "/"
        << c.full_level_online_full << " partial_level=" << c.partial_level_received << "/" << c.partial_level_online
        << " late_or_overdue=" << c.late_or_overdue << " with_apology=" << c.late_or_overdue_with_apology
        << " timely=" << c.late_or_overdue_with_timely_apology << " returned=" << c.returned_total
        << " returned_postal=" << c.returned_postal << " on_track_766=" << c.progress_766_on_track << "}";
}

/// Prints the members of a record that usually differ, so a failed comparison is readable.
inline void PrintTo(const DossierStatRecord& r, std::ostream* os) {
    const auto show = [os](const char* name, const std::optional<date::local_seconds>& t) {
        *os << " " << name << "=";
        if (t) {
            *os << date::format("%F %T", *t);
        } else {
            *os << "-";
        }
    };
    *os << "{dossier " << r.dossier_id.value << " code=" << r.code << " agencies=" << r.receiving_agency.value << "/"
        << r.handling_agency.value << " field=" << r.field_code << " procedure=" << r.procedure_code
        << " level=" << toName(r.procedure_online_level) << " channel=" << toName(r.channel)
        << " delivery=" << toName(r.result_delivery) << " status=" << toName(r.status);
    show("received", r.received_at);
    show("original_due", r.original_due_at);
    show("due", r.due_at);
    show("resolved", r.resolved_at);
    show("returned", r.returned_at);
    show("closed", r.closed_at);
    *os << " verdict=" << (r.verdict ? toName(*r.verdict) : "-")
        << " outcome=" << (r.outcome ? toName(*r.outcome) : "-") << " apology=" << r.apology_issued << "/"
        << r.apology_timely;
    show("apology_at", r.apology_issued_at);
    *os << " supplements=" << r.supplement_count << " clock=[";
    for (const ClockChange& change : r.clock) {
        *os << date::format("%F %T", change.at) << ">";
        if (change.due_at) {
            *os << date::format("%F %T", *change.due_at);
        } else {
            *os << "stopped";
        }
        *os << ";";
    }
    *os << "] last_sequence=" << r.last_sequence << "}";
}

/// Prints a rate as n/d.
inline void PrintTo(const Rate& rate, std::ostream* os) { *os << rate.numerator << "/" << rate.denominator; }

}  // namespace motcua::domain::stats

namespace motcua::domain::stats::stats_test {

using namespace std::chrono_literals;

/// Asia/Ho_Chi_Minh is UTC+7.
inline constexpr std::chrono::seconds kVietnamOffset = std::chrono::hours{7};

/// Returns the local instant y-m-d h:mi:s.
inline date::local_seconds lt(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0) {
    return date::local_seconds{date::local_days{date::year{y} / date::month{m} / date::day{d}}} +
           std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
}

/// Returns the UTC instant of the Vietnamese local time y-m-d h:mi.
inline date::sys_seconds vn(int y, unsigned m, unsigned d, int h = 0, int mi = 0) {
    return date::sys_seconds{lt(y, m, d, h, mi).time_since_epoch() - kVietnamOffset};
}

/// Fluent builder of a statistics record (instants local).
class RecordBuilder {
public:
    /// Starts a submitted dossier `id` at agency 1, procedure level None, field "G01".
    explicit RecordBuilder(std::int64_t id) {
        record_.dossier_id = DossierId{id};
        record_.receiving_agency = AgencyId{1};
        record_.handling_agency = AgencyId{1};
        record_.field_code = "G01";
        record_.procedure_code = "1.000001";
        record_.last_sequence = 1;
    }
    /// Sets the receiving (and handling) agency.
    RecordBuilder& agency(std::int64_t id) {
        record_.receiving_agency = AgencyId{id};
        record_.handling_agency = AgencyId{id};
        return *this;
    }
    /// Sets the handling agency only (after a liên thông transfer).
    RecordBuilder& handledBy(std::int64_t id) {
        record_.handling_agency = AgencyId{id};
        return *this;
    }
    /// Sets the field.
    RecordBuilder& field(std::string code) {
        record_.field_code = std::move(code);
        return *this;
    }
    /// Sets the procedure and its online level.
    RecordBuilder& procedure(std::string code, OnlineLevel level) {
        record_.procedure_code = std::move(code);
        record_.procedure_online_level = level;
        return *this;
    }
    /// Sets the procedure's online level.
    RecordBuilder& level(OnlineLevel level) {
        record_.procedure_online_level = level;
        return *this;
    }
    /// Sets the channel.
    RecordBuilder& channel(Channel channel) {
        record_.channel = channel;
        return *this;
    }
    /// Accepts it at `received_at`, due `due_at`.
    RecordBuilder& received(date::local_seconds received_at, date::local_seconds due_at) {
        record_.status = DossierStatus::InProgress;
        record_.code = "H56-" + std::to_string(record_.dossier_id.value);
        record_.received_at = received_at;
        record_.original_due_at = due_at;
        record_.due_at = due_at;
        record_.clock.push_back({received_at, due_at});
        return *this;
    }
    /// Records a supplement request at `requested_at`.
    RecordBuilder& supplementRequested(date::local_seconds requested_at) {
        record_.status = DossierStatus::AwaitingSupplement;
        record_.supplement_count += 1;
        record_.clock.push_back({requested_at, std::nullopt});
        return *this;
    }
    /// Records the complete supplement at `received_at`, with the restarted due time.
    RecordBuilder& supplementReceived(date::local_seconds received_at, date::local_seconds due_at) {
        record_.status = DossierStatus::InProgress;
        record_.due_at = due_at;
        record_.clock.push_back({received_at, due_at});
        return *this;
    }
    /// Records the result at `at` with `verdict`.
    RecordBuilder& resolved(date::local_seconds at, Verdict verdict,
                            ResolutionOutcome outcome = ResolutionOutcome::Approved) {
        record_.status = DossierStatus::Resolved;
        record_.resolved_at = at;
        record_.verdict = verdict;
        record_.outcome = outcome;
        return *this;
    }
    /// Records the return at `at` by `delivery`.
    RecordBuilder& returned(date::local_seconds at, ResultDelivery delivery) {
        record_.status = DossierStatus::Returned;
        record_.returned_at = at;
        record_.result_delivery = delivery;
        return *this;
    }
    /// Records an apology issued at `at`.
    RecordBuilder& apology(date::local_seconds at, bool timely) {
        record_.apology_issued = true;
        record_.apology_issued_at = at;
        record_.apology_timely = timely;
        return *this;
    }
    /// Closes it without result at `at` (stop or withdrawal), with the closing verdict.
    RecordBuilder& closed(DossierStatus status, date::local_seconds at, std::optional<Verdict> verdict) {
        record_.status = status;
        record_.closed_at = at;
        record_.verdict = verdict;
        return *this;
    }
    /// Returns the record.
    DossierStatRecord build() const { return record_; }

private:
    DossierStatRecord record_;
};

/// Returns a builder for dossier `id`.
inline RecordBuilder aRecord(std::int64_t id) { return RecordBuilder{id}; }

/// Three levels: 1 UBND tỉnh → 2 Sở Tư pháp → 4 Phòng Hành chính tư pháp; 1 → 3 UBND xã Hòa An.
inline AgencyTree threeLevelTree() {
    return AgencyTree{{
        {AgencyId{1}, "H56", "UBND tỉnh Thử Nghiệm", std::nullopt},
        {AgencyId{2}, "H56.20", "Sở Tư pháp", AgencyId{1}},
        {AgencyId{3}, "H56.30", "UBND xã Hòa An", AgencyId{1}},
        {AgencyId{4}, "H56.20.01", "Phòng Hành chính tư pháp", AgencyId{2}},
    }};
}

// The dataset of 2026-M07 (NĐ 09 window 15/06/2026 00:00 → 14/07/2026 23:59:59). Agencies:
// 1 UBND tỉnh → 2 Sở Tư pháp → 4 Phòng HCTP; 1 → 3 UBND xã.
inline std::vector<DossierStatRecord> julyDataset() {
    return {
        // D1 Sở: direct, resolved early, returned at the desk.
        aRecord(1).agency(2).field("G01").channel(Channel::Direct)
            .received(lt(2026, 6, 16, 9), lt(2026, 6, 23, 17)).resolved(lt(2026, 6, 20, 10), Verdict::Early)
            .returned(lt(2026, 6, 21, 10), ResultDelivery::Desk).build(),
        // D2 Sở: toàn trình procedure filed toàn trình, on time, result by post.
        aRecord(2).agency(2).field("G01").level(OnlineLevel::Full).channel(Channel::OnlineFull)
            .received(lt(2026, 7, 1, 8), lt(2026, 7, 8, 17)).resolved(lt(2026, 7, 8, 15), Verdict::OnTime)
            .returned(lt(2026, 7, 9, 9), ResultDelivery::Postal).build(),
        // D3 Phòng: filed by post, late with a timely apology, result by post.
        aRecord(3).agency(4).field("G01").channel(Channel::Postal)
            .received(lt(2026, 6, 20, 10), lt(2026, 6, 27, 17)).apology(lt(2026, 6, 26, 9), true)
            .resolved(lt(2026, 7, 1, 10), Verdict::Late).returned(lt(2026, 7, 2, 9), ResultDelivery::Postal).build(),
        // D4 xã: một phần procedure filed online, open, within time.
        aRecord(4).agency(3).field("G01").level(OnlineLevel::Partial).channel(Channel::OnlinePartial)
            .received(lt(2026, 7, 10, 9), lt(2026, 7, 20, 17)).build(),
        // D5 xã: một phần procedure filed at the desk, open, overdue, no apology.
        aRecord(5).agency(3).field("G01").level(OnlineLevel::Partial).channel(Channel::Direct)
            .received(lt(2026, 7, 1, 9), lt(2026, 7, 10, 17)).build(),
        // D6 Phòng: received before the period (carried over), resolved late in it, no apology.
        aRecord(6).agency(4).field("G01").level(OnlineLevel::Full).channel(Channel::Direct)
            .received(lt(2026, 6, 10, 9), lt(2026, 6, 17, 17)).resolved(lt(2026, 6, 18, 9), Verdict::Late).build(),
        // D7 Sở: carried over, still open and overdue, apology issued late.
        aRecord(7).agency(2).field("G01").channel(Channel::Direct)
            .received(lt(2026, 6, 1, 9), lt(2026, 6, 30, 17)).apology(lt(2026, 6, 29, 9), false).build(),
        // D8 Sở: ended before the period: not counted.
        aRecord(8).agency(2).field("G02").channel(Channel::Direct)
            .received(lt(2026, 6, 5, 9), lt(2026, 6, 12, 17)).resolved(lt(2026, 6, 12, 10), Verdict::OnTime)
            .returned(lt(2026, 6, 13, 9), ResultDelivery::Desk).build(),
        // D9 Sở: refused at intake: never received, not counted.
        aRecord(9).agency(2).field("G02").closed(DossierStatus::RefusedAtIntake, lt(2026, 6, 16, 9), std::nullopt)
            .build(),
        // D10 xã: received late on the last day of the period, open.
        aRecord(10).agency(3).field("G02").channel(Channel::Direct)
            .received(lt(2026, 7, 14, 23), lt(2026, 7, 21, 17)).build(),
        // D11 xã: received on the 15th: next period, not counted.
        aRecord(11).agency(3).field("G02").channel(Channel::Direct)
            .received(lt(2026, 7, 15, 8), lt(2026, 7, 22, 17)).build(),
        // D12 Phòng: withdrawn by the citizen after acceptance, before the due date.
        aRecord(12).agency(4).field("G02").channel(Channel::Direct)
            .received(lt(2026, 6, 20, 9), lt(2026, 6, 30, 17))
            .closed(DossierStatus::Withdrawn, lt(2026, 6, 25, 10), Verdict::Early).build(),
        // D13 Sở: toàn trình, waiting for a supplement at the period end (clock stopped).
        aRecord(13).agency(2).field("G02").level(OnlineLevel::Full).channel(Channel::OnlineFull)
            .received(lt(2026, 7, 5, 9), lt(2026, 7, 12, 17)).supplementRequested(lt(2026, 7, 6, 10)).build(),
        // D14 Phòng: two supplement rounds, then resolved early (QĐ 766: counted overdue).
        aRecord(14).agency(4).field("G02").channel(Channel::Direct)
            .received(lt(2026, 6, 16, 9), lt(2026, 6, 19, 17))
            .supplementRequested(lt(2026, 6, 17, 9)).supplementReceived(lt(2026, 6, 18, 9), lt(2026, 6, 25, 17))
            .supplementRequested(lt(2026, 6, 19, 9)).supplementReceived(lt(2026, 6, 22, 9), lt(2026, 6, 29, 17))
            .resolved(lt(2026, 6, 26, 10), Verdict::Early).build(),
        // D15 tỉnh: toàn trình procedure filed at the desk, transferred to the xã, on time.
        aRecord(15).agency(1).handledBy(3).field("G02").level(OnlineLevel::Full).channel(Channel::Direct)
            .received(lt(2026, 6, 20, 9), lt(2026, 6, 30, 17)).resolved(lt(2026, 6, 30, 10), Verdict::OnTime).build(),
    };
}

/// Returns the context used with the real state machine: procedure "1.000002" is toàn trình,
/// "1.000003" một phần, anything else not online; field "G0" + last digit; UTC+7.
inline RecordContext testContext() {
    return RecordContext{[](std::string_view code) {
                             ProcedureFacts facts;
                             facts.field_code = "G0" + std::string{code.substr(code.size() - 1)};
                             if (code == "1.000002") facts.online_level = OnlineLevel::Full;
                             if (code == "1.000003") facts.online_level = OnlineLevel::Partial;
                             return facts;
                         },
                         fixedUtcOffset(kVietnamOffset)};
}

/// Returns a valid intake request filed at `filed_at` (UTC) through `channel`.
inline IntakeRequest intakeRequest(std::string procedure_code, Channel channel, ResultDelivery delivery,
                                   date::sys_seconds filed_at) {
    IntakeRequest request;
    request.applicant.kind = ApplicantKind::Individual;
    request.applicant.name = "Trần Văn Bình";
    request.applicant.identity_number = "001090000456";
    request.applicant.phone = "0987654321";
    request.applicant.email = "binh.tv@example.vn";
    request.applicant.address = "Thôn Đông, xã Hòa An";
    request.procedure_code = std::move(procedure_code);
    request.channel = channel;
    request.result_delivery = delivery;
    request.documents = {{"Tờ khai", DocumentKind::Original, 1}};
    request.received_at = filed_at;
    if (channel == Channel::Postal) request.handover_at = filed_at + 2h;
    return request;
}

/// Drives one dossier through the real state machine and keeps its event trail.
class Trail {
public:
    /// Opens dossier `id` at `agency` from `request` at request.received_at (or its handover).
    Trail(std::int64_t id, const IntakeRequest& request, std::int64_t agency)
        : actor_{UserId{7}, AgencyId{agency}} {
        const date::sys_seconds now = legalReceiptTime(request);
        Transition t = openDossier(DossierId{id}, request, AgencyId{agency}, actor_, now);
        dossier_ = t.next;
        events_.push_back(t.event);
    }
    /// Applies `command` at `now` (UTC).
    Trail& step(const DossierCommand& command, date::sys_seconds now) {
        Transition t = apply(dossier_, command, actor_, now);
        dossier_ = t.next;
        events_.push_back(t.event);
        return *this;
    }
    /// Returns the dossier now.
    const Dossier& dossier() const noexcept { return dossier_; }
    /// Returns the events so far.
    const std::vector<DossierEvent>& events() const noexcept { return events_; }

private:
    Actor actor_;
    Dossier dossier_{DossierId{0}, ProcedureCode{"1.000001"}};
    std::vector<DossierEvent> events_;
};

/// Returns a dossier code for dossier `sequence` received on `day`.
inline DossierCode codeFor(date::year_month_day day, std::uint64_t sequence) {
    return DossierCode{DossierCode::format("000.00.06.H56", day, sequence)};
}

}  // namespace motcua::domain::stats::stats_test
