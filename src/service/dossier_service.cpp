#include "service/dossier_service.h"

#include "service/code_pipeline.h"
#include "service/dossier_rules.h"
#include "service/group_commit.h"
#include "service/stats_records.h"
#include "store/stats_repository.h"

#include "common/log.h"
#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "domain/deadline/deadline.h"
#include "domain/deadline/duration.h"
#include "domain/dossier/dossier_state.h"
#include "service/auth_service.h"
#include "service/calendar_service.h"
#include "service/catalog_service.h"
#include "store/database.h"
#include "store/dossier_repository.h"
#include "store/multi_statement.h"
#include "store/user_repository.h"

#include <algorithm>
#include <functional>
#include <map>

namespace motcua::service {
namespace {

using domain::DossierStatus;

constexpr int kMaxRetries = 5;
/// The last page a list may be asked for (200 a page: 200 million dossiers).
constexpr int kMaxPage = 1'000'000;
// Intakes that arrive while others are being written go to the database together (see
// group_commit.h), at most this many in one transaction. Agencies are spread over kIntakeLanes
// lanes; a lane writes up to kBatchesPerLane batches at once, their codes predicted so that
// they do not wait for each other's daily sequence row until their reservations (see
// code_pipeline.h). One lane for all agencies: with desks of four agencies posting at once
// (wrk -c 8) it wrote 8–54 % more intakes per second than four lanes in six alternating pairs
// (median 31 %), with a quarter less MariaDB CPU per intake, as its batches are larger and fewer
// transactions run at once; one agency's intakes go the same way either way.
constexpr std::size_t kIntakesPerBatch = 32;
constexpr std::size_t kIntakeLanes = 1;
constexpr std::size_t kBatchesPerLane = 2;
// How long a predicted batch, holding its rows, waits for the earlier batches' reservations
// before it gives up and is written the classic way (see code_pipeline.h).
constexpr std::chrono::milliseconds kTurnWait{1000};
// While a lane's other batch is being written, a new batch waits this long for this many intakes
// (group_commit.h): with 8 desks posting at once it raised intakes per second by 8–23 % in
// alternating runs and lowered their average latency. An idle lane never waits.
constexpr std::chrono::microseconds kGatherWait{300};
constexpr std::size_t kGatherEnough = 4;

Error notFound(const std::string& code) {
    return Error(ErrorCode::NotFound, "Không tìm thấy hồ sơ mã " + code.substr(0, 100) + ".", "no dossier", "code");
}

Error staleVersion() {
    return Error(ErrorCode::Conflict,
                 "Hồ sơ vừa được người khác cập nhật. Hãy tải lại hồ sơ để xem thay đổi rồi thao tác lại.",
                 "stale dossier version", "version");
}

std::string requireField(const TransitionInput& input, const std::string& name, const std::string& message_vi) {
    const auto found = input.fields.find(name);
    if (found == input.fields.end() || found->second.empty()) throw Error::invalidFields({{name, message_vi}});
    return found->second;
}

std::string optionalField(const TransitionInput& input, const std::string& name) {
    const auto found = input.fields.find(name);
    return found == input.fields.end() ? "" : found->second;
}

/// Runs `work` (which runs its own transaction), retrying a few times when the database reports
/// a deadlock or lock wait (Conflict); a stale optimistic version is not retried.
template <class F>
auto withRetries(store::Database& db, F&& work) {
    for (int attempt = 1;; ++attempt) {
        try {
            return db.run(work);
        } catch (const Error& e) {
            if (e.code() != ErrorCode::Conflict || e.field() == std::optional<std::string>("version") ||
                attempt >= kMaxRetries) {
                throw;
            }
            log::debug("dossier.retry", {{"attempt", std::to_string(attempt)}, {"error", e.what()}});
        }
    }
}

/// Runs `work` in a transaction, with withRetries' retries.
template <class F>
auto inTransaction(store::Database& db, F&& work) {
    return withRetries(db, [&](store::Session& s) {
        store::Transaction tx(s);
        auto result = work(s);
        tx.commit();
        return result;
    });
}

}  // namespace

IntakeOutcome parseIntakeOutcome(const std::string& name) {
    if (name == "accepted") return IntakeOutcome::Accepted;
    if (name == "refused") return IntakeOutcome::Refused;
    if (name == "incomplete") return IntakeOutcome::Incomplete;
    throw Error::invalidFields({{"outcome", "Kết quả tiếp nhận phải là accepted (tiếp nhận), refused (từ chối) hoặc "
                                            "incomplete (hướng dẫn bổ sung)."}});
}

/// One checked intake on its way to the database with the others of its batch.
struct IntakeJob {
    const domain::Principal& principal;
    const IntakeInput& input;
    const domain::ProcedureEntry& procedure;
    const std::optional<std::string>& idempotency_key;
    const std::string& request_hash;
    const std::string& ip;
    date::sys_seconds now;
    date::year_month_day local_day;  ///< accepted: the receipt's local date (in the code)
    date::sys_seconds due_at;        ///< accepted: the legal appointment
    std::int64_t sequence = 0;       ///< accepted: the daily number its batch reserved
    std::optional<domain::Dossier> written;  ///< the dossier as stored
    std::exception_ptr error;        ///< set when this intake failed alone
};

struct DossierService::Impl {
    store::Database& db;
    const Clock& clock;
    CalendarService& calendar;
    CatalogService& catalog;
    AuthService& auth;
    int due_soon_minutes;
    store::DossierRepository dossiers;
    store::UserRepository users;
    store::StatsRepository stats;
    std::vector<std::unique_ptr<GroupCommit<IntakeJob>>> intake_lanes = {};
    std::vector<std::unique_ptr<CodePipeline>> code_pipelines = {};

    /// Appends one audit event and folds it into the dossier's statistics record, in the
    /// caller's transaction.
    void record(store::Session& s, const domain::DossierEvent& event) {
        dossiers.appendEvent(s, event);
        foldEvent(s, stats, dossiers, event, statsContext(catalog, calendar.localTime()));
    }

    using DayGroups = std::map<std::pair<std::int64_t, date::year_month_day>, std::vector<IntakeJob*>>;

    /// The accepted intakes of a batch by receiving agency and local day, in key order (the
    /// order reservations are made in, so that two batches never hold each other's rows
    /// crosswise).
    static DayGroups acceptedByDay(const std::vector<IntakeJob*>& jobs) {
        DayGroups by_day;
        for (IntakeJob* job : jobs) {
            if (job->input.outcome == IntakeOutcome::Accepted) {
                by_day[{job->principal.agency_id, job->local_day}].push_back(job);
            }
        }
        return by_day;
    }

    static CodePipeline::Key pipelineKey(const std::pair<std::int64_t, date::year_month_day>& key) {
        return {key.first, date::sys_days{key.second}.time_since_epoch().count()};
    }

    /// Writes a batch of intakes in its own transaction, reserving first: one round trip for the
    /// code reservations (one per agency and day), one for the dossier rows, one for everything
    /// else and the commit. A turn (the caller awaited it) is passed once the reservations are
    /// made; once committed, the pipeline learns where they ended.
    void writeIntakes(store::Session& s, const std::vector<IntakeJob*>& jobs, CodePipeline::Turn* turn = nullptr,
                      CodePipeline* pipeline = nullptr, std::uint64_t ticket = 0) {
        const DayGroups by_day = acceptedByDay(jobs);
        store::Transaction tx(s, store::Transaction::StartedByBatch{});
        store::StatementBatch head;
        head.add("START TRANSACTION");
        std::vector<std::int64_t> lasts;
        if (!by_day.empty()) {
            for (const auto& [key, group] : by_day) {
                dossiers.addReserveSequences(head, key.first, key.second, static_cast<std::int64_t>(group.size()));
            }
            const auto reserved = s.runBatch(head);
            head = store::StatementBatch{};
            std::size_t k = 0;
            for (const auto& [key, group] : by_day) {
                lasts.push_back(reserved.at(k++).at(0));
                const std::int64_t first = lasts.back() - static_cast<std::int64_t>(group.size()) + 1;
                for (std::size_t i = 0; i < group.size(); ++i) group[i]->sequence = first + static_cast<std::int64_t>(i);
            }
            if (turn != nullptr) turn->pass();
        }
        RowWrite write;
        write.head = std::move(head);
        write.last.addCommit();
        writeRows(s, jobs, write);
        tx.committedByBatch();
        if (pipeline != nullptr) {
            std::size_t k = 0;
            for (const auto& entry : by_day) pipeline->reserved(ticket, pipelineKey(entry.first), lasts[k++]);
        }
    }

    /// What writeRows sends around the rows of a batch.
    struct RowWrite {
        store::StatementBatch head;   ///< before the dossier rows, in their round trip (START TRANSACTION)
        store::StatementBatch first;  ///< first in the second round trip (conditional reservations)
        store::StatementBatch last;   ///< last in it (COMMIT)
        bool codes_after_first = false;       ///< dossier rows go in without codes, given after `first`
        std::function<void()> before_second;  ///< runs before the second round trip (the turn)
    };

    /// Writes the rows of a batch whose sequence numbers are set, in two round trips: the
    /// dossier rows; then documents, events, statistics records, idempotency keys and the
    /// access log, between `write.first` and `write.last`.
    void writeRows(store::Session& s, const std::vector<IntakeJob*>& jobs, RowWrite& write) {
        std::vector<store::DossierHistory> histories;
        histories.reserve(jobs.size());
        for (IntakeJob* job : jobs) {
            const domain::Actor actor = actorOf(job->principal);
            const auto opened = domain::openDossier(domain::DossierId{0}, job->input.request,
                                                    domain::AgencyId{job->principal.agency_id}, actor, job->now);
            domain::DossierCommand command = domain::StartProcessingCommand{};
            if (job->input.outcome == IntakeOutcome::Accepted) {
                const auto code = domain::DossierCode::format(job->principal.agency_code, job->local_day,
                                                              static_cast<std::uint64_t>(job->sequence));
                command = domain::AcceptCommand{domain::DossierCode(code), domain::legalReceiptTime(job->input.request),
                                                job->due_at};
            } else if (job->input.outcome == IntakeOutcome::Refused) {
                command = domain::RefuseAtIntakeCommand{job->input.reason};
            } else {
                command = domain::RequestCompletionAtIntakeCommand{job->input.reason, job->input.items};
            }
            auto t = domain::apply(opened.next, command, actor, job->now);
            job->written = t.next;
            // The row in its state after the desk's decision and both events (filed, then
            // accepted / refused / incomplete).
            histories.push_back({t.next, job->procedure.id, {opened.event, t.event}, job->now});
        }
        dossiers.addInsertDossiers(write.head, histories, write.codes_after_first);
        const std::vector<std::int64_t> ids = s.runBatch(write.head).back();
        if (ids.size() != jobs.size()) {
            throw Error(ErrorCode::Internal, "Lỗi hệ thống khi lưu hồ sơ.", "INSERT … RETURNING gave too few ids");
        }
        store::StatementBatch rest = std::move(write.first);
        if (write.codes_after_first) {
            std::vector<std::pair<std::int64_t, std::string>> codes;
            for (std::size_t i = 0; i < jobs.size(); ++i) {
                if (jobs[i]->written->code) codes.emplace_back(ids[i], jobs[i]->written->code->str());
            }
            dossiers.addSetCodes(rest, codes);
        }
        dossiers.addChildren(rest, histories, ids);
        std::vector<domain::stats::DossierStatRecord> records;
        std::vector<store::AccessLogLine> accesses;
        const auto context = statsContext(catalog, calendar.localTime());
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            IntakeJob& job = *jobs[i];
            job.written->id = domain::DossierId{ids[i]};
            const auto& events = histories[i].events;
            const std::vector<domain::DossierEvent> trail{withDossierId(events[0], ids[i]),
                                                          withDossierId(events[1], ids[i])};
            records.push_back(domain::stats::recordFromEvents(trail, context));
            if (job.idempotency_key) {
                dossiers.addIdempotencyKey(rest, job.principal.user_id, *job.idempotency_key, job.request_hash, ids[i],
                                           job.now);
            }
            // The personal-data access log entry commits with the dossier.
            accesses.push_back({job.principal.user_id, ids[i], job.written->code ? job.written->code->str() : "", "intake",
                                job.now, job.ip});
        }
        storeNewRecords(rest, stats, records);
        users.logPersonalDataAccess(rest, accesses);
        rest.append(write.last);
        if (write.before_second) write.before_second();
        s.runBatch(rest);
    }

    /// Writes a batch with the codes the pipeline predicted, in three round trips: the dossier
    /// rows, without their codes; then, in ticket order, the conditional reservations, the
    /// codes and every other row; then, with the turn passed on, the commit, while the next
    /// batch's reservations wait for it on the sequence row. Nothing holding a code is written
    /// before the reservation, so another server reserving the same numbers never waits for
    /// this batch's rows (it would deadlock with it, and lose). Returns false, with nothing written and the predictions forgotten, when a
    /// reservation finds the sequence elsewhere or the batch fails otherwise; the caller then
    /// writes it the classic way.
    bool writePredicted(CodePipeline& pipeline, const CodePipeline::Plan& plan, const DayGroups& by_day,
                        const std::vector<IntakeJob*>& jobs) {
        // The ticket must pass however this ends, also when no connection can be had at all;
        // declared before the transaction, it passes after the rollback.
        CodePipeline::Turn turn(pipeline, plan.ticket);
        try {
            db.run([&](store::Session& s) {
                store::Transaction tx(s, store::Transaction::StartedByBatch{});
                RowWrite write;
                write.head.add("START TRANSACTION");
                std::size_t k = 0;
                for (const auto& [key, group] : by_day) {
                    const std::int64_t first = *plan.firsts[k++];
                    for (std::size_t i = 0; i < group.size(); ++i) group[i]->sequence = first + static_cast<std::int64_t>(i);
                    dossiers.addReserveSequencesAfter(write.first, key.first, key.second, first - 1,
                                                      static_cast<std::int64_t>(group.size()));
                }
                write.codes_after_first = true;
                write.before_second = [&] {
                    if (!turn.await(kTurnWait)) {
                        throw Error(ErrorCode::Conflict, "Hệ thống đang bận, vui lòng thử lại.", "pipeline turn wait timed out",
                                    "code_sequence");
                    }
                };
                writeRows(s, jobs, write);
                turn.pass();
                tx.commit();
            });
            return true;
        } catch (const store::CommitUnknown& lost) {
            forgetKeys(pipeline, by_day, plan.ticket);
            if (committedDespite(lost, jobs)) return true;
            // Nothing of it is stored: the caller writes it the classic way.
        } catch (const Error& e) {
            forgetKeys(pipeline, by_day, plan.ticket);
            if (e.code() == ErrorCode::Unavailable) throw;
            log::debug("dossier.intake_predicted_failed", {{"intakes", std::to_string(jobs.size())}, {"error", e.what()}});
        } catch (...) {
            forgetKeys(pipeline, by_day, plan.ticket);
            throw;
        }
        return false;
    }

    /// Writes a batch reserving first (writeIntakes), with withRetries' retries. When the
    /// connection was lost after its COMMIT was sent, finds out whether it committed and, when
    /// it did not, writes it once more (settled the same way).
    void writeClassic(const std::vector<IntakeJob*>& jobs, CodePipeline::Turn* turn = nullptr,
                      CodePipeline* pipeline = nullptr, std::uint64_t ticket = 0) {
        for (int attempt = 0;; ++attempt) {
            try {
                withRetries(db, [&](store::Session& s) {
                    if (attempt == 0) {
                        writeIntakes(s, jobs, turn, pipeline, ticket);
                    } else {
                        writeIntakes(s, jobs);  // the turn passed with the first attempt
                    }
                    return 0;
                });
                return;
            } catch (const store::CommitUnknown& lost) {
                if (pipeline != nullptr) forgetKeys(*pipeline, acceptedByDay(jobs), ticket);
                if (committedDespite(lost, jobs)) return;
                if (attempt >= 1) throw;
            }
        }
    }

    /// After the connection was lost with a batch's COMMIT sent (`lost`): returns true when the
    /// batch committed (its intakes stand as written), false when nothing of it is stored.
    /// Rethrows `lost` when the database cannot tell, so that nothing is written twice. Every
    /// row of the batch had its id before the COMMIT was sent, so the ids say which.
    bool committedDespite(const store::CommitUnknown& lost, const std::vector<IntakeJob*>& jobs) {
        std::vector<std::int64_t> ids;
        for (const IntakeJob* job : jobs) {
            if (!job->written || job->written->id.value == 0) throw lost;
            ids.push_back(job->written->id.value);
        }
        std::int64_t stored = 0;
        try {
            stored = db.run([&](store::Session& s) { return dossiers.countStored(s, ids); });
        } catch (const Error& e) {
            log::warn("dossier.intake_commit_unknown", {{"intakes", std::to_string(jobs.size())}, {"error", e.what()}});
            throw lost;
        }
        log::warn("dossier.intake_commit_settled",
                  {{"intakes", std::to_string(jobs.size())}, {"stored", std::to_string(stored)}});
        if (stored == static_cast<std::int64_t>(ids.size())) return true;
        if (stored == 0) return false;
        throw lost;  // a transaction is stored whole or not at all; nothing is written again
    }

    /// Drops the lane's predictions for the keys of the batch of `ticket`, which did not commit.
    static void forgetKeys(CodePipeline& pipeline, const DayGroups& by_day, std::uint64_t ticket) {
        for (const auto& entry : by_day) pipeline.forget(pipelineKey(entry.first), ticket);
    }

    /// Writes a batch in one transaction. A batch of accepted intakes without idempotency keys
    /// goes through the lane's pipeline with predicted codes; otherwise, or when that fails, it
    /// reserves first. When the batch fails and holds more than one intake, the intakes are
    /// written again one by one, so that only the one at fault fails (an unreachable database
    /// fails them all at once).
    void writeIntakeBatch(CodePipeline& pipeline, const std::vector<IntakeJob*>& jobs) {
        const DayGroups by_day = acceptedByDay(jobs);
        std::optional<CodePipeline::Plan> plan;
        if (!by_day.empty()) {
            std::vector<CodePipeline::Need> needs;
            for (const auto& [key, group] : by_day) {
                needs.push_back({pipelineKey(key), static_cast<std::int64_t>(group.size())});
            }
            plan = pipeline.plan(needs);
            // Idempotency keys are unique rows a predicted batch would hold while it waits for
            // its turn, and the same key repeated in an earlier batch would wait for them: such
            // a cycle only ends with the turn's timeout, so keyed batches reserve first.
            const bool keyed = std::any_of(jobs.begin(), jobs.end(), [](const IntakeJob* j) { return j->idempotency_key; });
            if (plan->allPredicted() && !keyed) {
                if (writePredicted(pipeline, *plan, by_day, jobs)) return;
                // Its ticket has passed. Written again with a new one, it reserves in ticket
                // order like every classic batch, and the batches planned from now on count it.
                plan = pipeline.plan(needs);
            }
        }
        try {
            std::optional<CodePipeline::Turn> turn;
            if (plan) {
                turn.emplace(pipeline, plan->ticket);
                turn->await();  // before leasing a connection: the earlier batches may need one
            }
            writeClassic(jobs, turn ? &*turn : nullptr, &pipeline, plan ? plan->ticket : 0);
        } catch (const Error& e) {
            if (plan) forgetKeys(pipeline, by_day, plan->ticket);
            if (jobs.size() == 1 || e.code() == ErrorCode::Unavailable) throw;
            log::warn("dossier.intake_batch_failed", {{"intakes", std::to_string(jobs.size())}, {"error", e.what()}});
            for (IntakeJob* job : jobs) {
                try {
                    writeClassic({job});
                } catch (...) {
                    job->error = std::current_exception();
                }
            }
        } catch (...) {
            if (plan) forgetKeys(pipeline, by_day, plan->ticket);
            throw;
        }
    }

    domain::Actor actorOf(const domain::Principal& p) {
        return domain::Actor{domain::UserId{p.user_id}, domain::AgencyId{p.agency_id}};
    }

    void requirePermission(const domain::Principal& p, domain::Permission permission, const std::string& what_vi) {
        if (!domain::hasPermission(p.role, permission)) {
            throw Error(ErrorCode::PermissionDenied,
                        "Vai trò " + std::string(domain::roleLabelVi(p.role)) + " không được " + what_vi + ".",
                        "permission denied for " + p.username);
        }
    }

    /// Whether `p` may change `d`: the receiving and the handling agency (and their parents).
    bool actsOn(const domain::Principal& p, const domain::Dossier& d) {
        return p.role == domain::Role::Admin || catalog.inScope(p, d.receiving_agency) ||
               catalog.inScope(p, d.handling_agency);
    }

    /// Whether `p` may read `d`: also an agency the dossier passed through on a liên thông hop,
    /// which keeps its view of what it sent on or worked on, and prints that hop's slip.
    bool reads(const domain::Principal& p, const domain::Dossier& d) {
        if (actsOn(p, d)) return true;
        return std::any_of(d.transfers.begin(), d.transfers.end(),
                           [&](const domain::TransferHop& hop) { return onHop(p, hop); });
    }

    bool onHop(const domain::Principal& p, const domain::TransferHop& hop) {
        return catalog.inScope(p, hop.from_agency) || catalog.inScope(p, hop.to_agency);
    }

    static Error outOfScope(const domain::Principal& p) {
        return Error(ErrorCode::PermissionDenied, "Hồ sơ này thuộc cơ quan khác; bạn không có quyền xem hoặc xử lý.",
                     "dossier outside scope of " + p.username);
    }

    void requireScope(const domain::Principal& p, const domain::Dossier& d) {
        if (actsOn(p, d)) return;
        if (reads(p, d)) {
            throw Error(ErrorCode::PermissionDenied,
                        "Hồ sơ đã chuyển liên thông và đang do " + catalog.tree()->get(d.handling_agency).name +
                            " giải quyết; cơ quan của bạn chỉ được xem hồ sơ và in phiếu chuyển.",
                        "dossier passed through by " + p.username);
        }
        throw outOfScope(p);
    }

    std::string agencyCode(domain::AgencyId id) { return catalog.tree()->get(id).code; }

    domain::Duration durationOf(const domain::Dossier& d, const domain::ProcedureEntry** out = nullptr) {
        (void)out;
        return catalog.procedure(d.procedure_code.str()).procedure.duration;
    }

    date::sys_seconds dueFrom(date::sys_seconds received, const domain::Dossier& d, const domain::Duration& duration) {
        return calendar.deadline(received, duration, agencyCode(d.receiving_agency), receiptRuleFor(d.channel)).due_at;
    }

    domain::Verdict verdictAt(const domain::Dossier& d, date::sys_seconds now) {
        return service::verdictAt(d, now, calendar.localTime());
    }

    /// The view of `d` for `p`, with may_act set from `p` (the one place it is); `officers` (when
    /// given) holds the assigned officers' usernames, read for a whole page at once.
    DossierView view(const domain::Principal& p, const domain::Dossier& d,
                     std::map<std::string, domain::WorkingHours>& hours_cache,
                     const std::map<std::int64_t, std::string>* officers = nullptr) {
        DossierView v{d, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false, false, false, actsOn(p, d)};
        const auto tree = catalog.tree();
        v.receiving_agency_code = tree->get(d.receiving_agency).code;
        v.receiving_agency_name = tree->get(d.receiving_agency).name;
        v.handling_agency_code = tree->get(d.handling_agency).code;
        v.handling_agency_name = tree->get(d.handling_agency).name;
        const auto procedure = catalog.procedure(d.procedure_code.str());
        v.procedure_name = procedure.procedure.name;
        v.duration_text = domain::describeDuration(procedure.procedure.duration);
        if (d.assigned_officer && officers != nullptr) {
            const auto found = officers->find(d.assigned_officer->value);
            if (found != officers->end()) v.assigned_officer = found->second;
        } else if (d.assigned_officer) {
            const auto user = db.run([&](store::Session& s) { return users.findById(s, d.assigned_officer->value); });
            if (user) v.assigned_officer = user->username;
        }
        v.due_at = domain::appointmentDueAt(d);
        // Overdue and due-soon are judged by the legal due time: an apology's new appointment
        // is kept for the citizen but does not make a late dossier on time (NĐ 61/2018 Đ19.9).
        const auto running = store::runningDueAt(d);
        if (running) {
            auto found = hours_cache.find(v.receiving_agency_code);
            if (found == hours_cache.end()) {
                found = hours_cache.emplace(v.receiving_agency_code, calendar.hoursFor(v.receiving_agency_code)).first;
            }
            const auto& lt = calendar.localTime();
            const auto remaining = domain::remainingWorkingTime(*calendar.calendar(), found->second,
                                                                lt.toLocal(clock.now()), lt.toLocal(*running));
            v.remaining_working_minutes = remaining.count();
            v.remaining_text = domain::formatRemaining(remaining, found->second);
            v.overdue = remaining.count() < 0;
            v.due_soon = !v.overdue && remaining.count() <= due_soon_minutes;
        }
        const bool late_result = d.timing.verdict == domain::Verdict::Late;
        v.apology_missing = (v.overdue || late_result) && !d.apology;
        v.appointment_missed = running && d.apology && d.apology->new_due_at < clock.now();
        return v;
    }

    /// The view of `d` for `p` (who may or may not change it).
    DossierView view(const domain::Principal& p, const domain::Dossier& d) {
        std::map<std::string, domain::WorkingHours> cache;
        return view(p, d, cache);
    }

    domain::Dossier load(store::Session& s, const std::string& code, bool lock) {
        auto d = dossiers.findByCode(s, code, lock);
        if (!d) throw notFound(code);
        return *d;
    }

    static Error noDossierNumbered(std::int64_t id) {
        return Error(ErrorCode::NotFound, "Không tìm thấy hồ sơ số " + std::to_string(id) + ".", "no dossier", "id");
    }

    domain::Dossier loadById(store::Session& s, std::int64_t id) {
        auto d = dossiers.findById(s, id);
        if (!d) throw noDossierNumbered(id);
        return *d;
    }

    /// How a read answers a dossier outside the reader's scope: by code, "another agency's" (the
    /// agency is written in the code, which is printed on the citizen's receipt); by internal
    /// number, which runs across every agency, as if there were none, so that counting numbers
    /// up does not map out other agencies' dossiers.
    enum class Lookup { ByCode, ByNumber };

    void requireReadScope(const domain::Principal& p, const domain::Dossier& d, Lookup lookup) {
        if (reads(p, d)) return;
        if (lookup == Lookup::ByNumber) throw noDossierNumbered(d.id.value);
        throw outOfScope(p);
    }

    /// The view of the dossier `load(Session&)` finds, for `principal` (permission and scope
    /// checked); the personal-data read is logged.
    template <class Load>
    DossierView read(const domain::Principal& principal, const std::string& ip, Lookup lookup, Load&& load) {
        requirePermission(principal, domain::Permission::ReadDossiers, "xem hồ sơ");
        const auto d = db.run(load);
        requireReadScope(principal, d, lookup);
        auth.logPersonalDataAccess(principal, d.id.value, d.code ? d.code->str() : "#" + std::to_string(d.id.value),
                                   "view_dossier", ip);
        return view(principal, d);
    }

    /// The audit trail of the dossier `load(Session&)` finds, for `principal`.
    template <class Load>
    std::vector<domain::DossierEvent> trail(const domain::Principal& principal, Lookup lookup, Load&& load) {
        requirePermission(principal, domain::Permission::ReadDossiers, "xem nhật ký hồ sơ");
        return db.run([&](store::Session& s) {
            const auto d = load(s);
            requireReadScope(principal, d, lookup);
            return dossiers.events(s, d.id.value);
        });
    }

    /// Writes `t` over `before` (optimistic version) with its event.
    void save(store::Session& s, const domain::Dossier& before, const domain::Transition& t, date::sys_seconds now) {
        if (!dossiers.update(s, t.next, before.version, now)) throw staleVersion();
        record(s, t.event);
    }

    std::vector<domain::PauseInterval> pausesOf(store::Session& s, const domain::Dossier& d,
                                                date::sys_seconds resumed_at) {
        std::vector<domain::PauseInterval> out;
        const auto& lt = calendar.localTime();
        for (const auto& e : dossiers.events(s, d.id.value)) {
            if (e.kind() == domain::DossierEventKind::SupplementRequested) {
                out.push_back(domain::PauseInterval{lt.toLocal(e.at()), std::nullopt});
            } else if (e.kind() == domain::DossierEventKind::SupplementReceived && !out.empty()) {
                out.back().end = lt.toLocal(e.at());
            }
        }
        if (!out.empty() && !out.back().end) out.back().end = lt.toLocal(resumed_at);
        return out;
    }

    /// Returns the legal due time of `d` under the calendar and working hours in force now:
    /// counted from the legal receipt, or from the complete supplement when the count restarted.
    date::sys_seconds legalDueNow(store::Session& s, const domain::Dossier& d) {
        const auto entry = catalog.procedure(d.procedure_code.str());
        const auto& lt = calendar.localTime();
        if (entry.supplement_mode == "pause") {
            const auto current = domain::computeCurrentDeadline(
                *calendar.calendar(), calendar.hoursFor(agencyCode(d.receiving_agency)), lt.toLocal(*d.received_at),
                entry.procedure.duration, receiptRuleFor(d.channel), pausesOf(s, d, clock.now()), domain::SupplementMode::Pause);
            return lt.toUtc(current->due_at);
        }
        date::sys_seconds start = *d.received_at;
        if (d.timing.restarted_due_at) {
            for (const auto& e : dossiers.events(s, d.id.value)) {
                if (e.kind() != domain::DossierEventKind::SupplementReceived) continue;
                const auto received = e.payloadValue("received_at");
                start = received ? lt.parseIso(*received, "received_at") : e.at();
            }
        }
        return dueFrom(start, d, entry.procedure.duration);
    }

    /// Refuses a command the role of `p` may not give (commandRight). Checked before the
    /// dossier's version: a 403 tells an officer more than a 409 that would only send him to reload.
    void requireCommandPermission(const domain::Principal& p, domain::CommandKind kind) {
        // Recalculating a deadline is the calendar administrator's, or the head's who assigns.
        if (kind == domain::CommandKind::RecalculateDeadline &&
            domain::hasPermission(p.role, domain::Permission::AssignDossier)) {
            return;
        }
        switch (kind) {
            case domain::CommandKind::Accept:
            case domain::CommandKind::RefuseAtIntake:
            case domain::CommandKind::RequestCompletionAtIntake:
            case domain::CommandKind::IssueApology:
                return;  // not given here: buildCommand refuses them
            default:
                requireRight(p, kind);
        }
    }

    void requireRight(const domain::Principal& p, domain::CommandKind kind) {
        const auto right = commandRight(kind);
        requirePermission(p, right.permission, std::string(right.what_vi));
    }

    /// Builds the command `in` names; the caller has checked the role (requireCommandPermission).
    domain::DossierCommand buildCommand(store::Session& s, const domain::Principal& p, const domain::Dossier& d,
                                        const TransitionInput& in, date::sys_seconds now) {
        const domain::CommandKind kind = domain::parseCommandKind(in.command);
        const auto& lt = calendar.localTime();
        using domain::CommandKind;
        switch (kind) {
            case CommandKind::StartProcessing:
                return domain::StartProcessingCommand{};
            case CommandKind::Assign: {
                const std::string username = requireField(in, "officer", "Chọn cán bộ xử lý (officer).");
                const auto officer = users.findByUsername(s, username);
                if (!officer || !officer->active) {
                    throw Error::invalidFields({{"officer", "Không có cán bộ " + username + "."}});
                }
                const auto role = domain::parseRole(officer->role);
                if (!domain::hasPermission(role, domain::Permission::ProcessDossier)) {
                    throw Error::invalidFields(
                        {{"officer", "Cán bộ " + username + " là " + std::string(domain::roleLabelVi(role)) +
                                         ", không được giao xử lý hồ sơ; chọn cán bộ xử lý hoặc lãnh đạo."}});
                }
                if (!catalog.inScope(p, domain::AgencyId{officer->agency_id})) {
                    throw Error::invalidFields({{"officer", "Cán bộ " + username + " không thuộc cơ quan của bạn."}});
                }
                return domain::AssignCommand{domain::UserId{officer->id}};
            }
            case CommandKind::Transfer: {
                const std::string to_code = requireField(in, "to_agency", "Chọn cơ quan nhận liên thông (to_agency).");
                std::optional<domain::AgencyEntry> to;
                try {
                    to = catalog.agency(to_code);
                } catch (const Error& e) {
                    // A field of the command, to be corrected where it was typed.
                    if (e.code() != ErrorCode::NotFound) throw;
                    throw Error::invalidFields(
                        {{"to_agency", e.userMessage() + " Nhập mã cơ quan nhận liên thông, ví dụ 000.00.15.H56."}});
                }
                std::optional<date::sys_seconds> hop_due;
                if (const auto text = optionalField(in, "hop_due_at"); !text.empty()) hop_due = lt.parseIso(text, "hop_due_at");
                return domain::TransferCommand{to->agency.id, hop_due, optionalField(in, "note")};
            }
            case CommandKind::RequestSupplement:
                return domain::RequestSupplementCommand{optionalField(in, "reason"), in.items};
            case CommandKind::ReceiveSupplement: {
                date::sys_seconds at = now;
                if (const auto text = optionalField(in, "received_at"); !text.empty()) at = lt.parseIso(text, "received_at");
                const auto entry = catalog.procedure(d.procedure_code.str());
                date::sys_seconds due{};
                if (entry.supplement_mode == "pause") {
                    // Legacy pause: the due time moves later by the working time spent waiting.
                    const auto pauses = pausesOf(s, d, at);
                    const auto hours = calendar.hoursFor(agencyCode(d.receiving_agency));
                    const auto current = domain::computeCurrentDeadline(
                        *calendar.calendar(), hours, lt.toLocal(*d.received_at), entry.procedure.duration,
                        receiptRuleFor(d.channel), pauses, domain::SupplementMode::Pause);
                    due = lt.toUtc(current->due_at);
                } else {
                    // NĐ 61/2018 Đ19.4 (NĐ 107/2021, NĐ 118/2025): counted again from the complete dossier.
                    due = dueFrom(at, d, entry.procedure.duration);
                }
                return domain::ReceiveSupplementCommand{at, due};
            }
            case CommandKind::RequestFinancialObligation: {
                std::optional<std::int64_t> amount;
                if (const auto text = optionalField(in, "amount_vnd"); !text.empty()) {
                    amount = domain::wholeNumber<std::int64_t>(text);
                    if (!amount) throw Error::invalidFields({{"amount_vnd", "Số tiền phải là số nguyên (đồng)."}});
                }
                return domain::RequestFinancialObligationCommand{optionalField(in, "description"), amount};
            }
            case CommandKind::ConfirmPayment:
                return domain::ConfirmPaymentCommand{now};
            case CommandKind::Resolve:
                return domain::ResolveCommand{optionalField(in, "result_note"), verdictAt(d, now)};
            case CommandKind::RejectAfterAppraisal:
                return domain::RejectAfterAppraisalCommand{optionalField(in, "reason"), verdictAt(d, now)};
            case CommandKind::Stop:
                return domain::StopCommand{optionalField(in, "reason")};
            case CommandKind::Withdraw:
                return domain::WithdrawCommand{optionalField(in, "reason")};
            case CommandKind::Return: {
                const auto delivery = optionalField(in, "delivery");
                domain::ResultDelivery how = d.result_delivery;
                try {
                    if (!delivery.empty()) how = domain::parseResultDelivery(delivery);
                } catch (const Error& e) {
                    throw Error::invalidFields({{"delivery", e.userMessage()}});  // the command's field, as sent
                }
                return domain::ReturnCommand{how, now};
            }
            case CommandKind::RecalculateDeadline: {
                return domain::RecalculateDeadlineCommand{legalDueNow(s, d),
                                                          requireField(in, "reason", "Ghi rõ lý do tính lại hạn (reason).")};
            }
            case CommandKind::Accept:
            case CommandKind::RefuseAtIntake:
            case CommandKind::RequestCompletionAtIntake:
            case CommandKind::IssueApology:
                break;
        }
        throw Error::invalidFields({{"command", "Thao tác " + in.command + " không làm được qua đây; dùng màn hình "
                                                "tiếp nhận hoặc Phiếu xin lỗi."}});
    }
};

DossierService::DossierService(store::Database& database, const Clock& clock, CalendarService& calendar,
                               CatalogService& catalog, AuthService& auth, int due_soon_working_hours)
    : impl_(std::make_unique<Impl>(Impl{database, clock, calendar, catalog, auth, due_soon_working_hours * 60, {}, {}, {}})) {
    for (std::size_t i = 0; i < kIntakeLanes; ++i) {
        impl_->code_pipelines.push_back(std::make_unique<CodePipeline>());
        impl_->intake_lanes.push_back(std::make_unique<GroupCommit<IntakeJob>>(
            kIntakesPerBatch, kBatchesPerLane,
            [impl = impl_.get(), pipeline = impl_->code_pipelines.back().get()](const std::vector<IntakeJob*>& jobs) {
                impl->writeIntakeBatch(*pipeline, jobs);
            },
            GroupCommit<IntakeJob>::Gather{kGatherWait, kGatherEnough}));
    }
}

DossierService::~DossierService() = default;

IntakeResult DossierService::intake(const domain::Principal& principal, const IntakeInput& input,
                                    const std::optional<std::string>& idempotency_key, const std::string& request_hash,
                                    const std::string& ip) {
    auto& m = *impl_;
    m.requireRight(principal, domain::CommandKind::Accept);
    const date::sys_seconds now = m.clock.now();
    if (idempotency_key) {
        const auto existing = m.db.run(
            [&](store::Session& s) { return m.dossiers.findIdempotencyKey(s, principal.user_id, *idempotency_key); });
        if (existing) {
            if (existing->first != request_hash) {
                throw Error(ErrorCode::Conflict,
                            "Mã Idempotency-Key này đã dùng cho một hồ sơ khác. Hãy dùng mã mới cho hồ sơ mới.",
                            "idempotency key reused with another body", "Idempotency-Key");
            }
            const auto d = m.db.run([&](store::Session& s) { return m.dossiers.findById(s, existing->second); });
            return IntakeResult{m.view(principal, *d), true};
        }
    }
    // A retried request was answered above; a new one needs an agency still in service.
    const auto tree = m.catalog.tree();
    if (!m.catalog.agencyActive(domain::AgencyId{principal.agency_id})) {
        throw Error(ErrorCode::FailedPrecondition,
                    "Cơ quan " + tree->get(domain::AgencyId{principal.agency_id}).name +
                        " đã ngừng hoạt động trong danh mục: không tiếp nhận hồ sơ mới. Liên hệ quản trị hệ thống.",
                    "intake by an inactive agency");
    }
    // Every input problem at once: the domain's field checks, the procedure, the outcome's reason.
    std::vector<FieldError> problems;
    try {
        domain::validateIntake(input.request, now);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::InvalidArgument) throw;
        problems = e.fieldErrors();
        if (problems.empty()) problems.push_back({e.field().value_or("request"), e.userMessage()});
    }
    std::optional<domain::ProcedureEntry> procedure;
    try {
        procedure = m.catalog.procedure(input.request.procedure_code);
        const auto& offered_by = procedure->agency_codes;
        if (!procedure->active) {
            problems.push_back({"procedure_code", "Thủ tục " + input.request.procedure_code + " đã ngừng áp dụng."});
        } else if (input.outcome != IntakeOutcome::Refused &&
                   std::find(offered_by.begin(), offered_by.end(), principal.agency_code) == offered_by.end()) {
            // The desk takes the procedures its agency resolves (the catalog's agencies of it);
            // one outside its competence it may only refuse, with a BM.03 saying so.
            std::string names;
            for (const auto& agency : tree->agencies()) {
                if (std::find(offered_by.begin(), offered_by.end(), agency.code) == offered_by.end()) continue;
                names += (names.empty() ? "" : ", ") + agency.name;
            }
            problems.push_back({"procedure_code",
                                "Thủ tục " + input.request.procedure_code + " không thuộc danh mục tiếp nhận của " +
                                    tree->get(domain::AgencyId{principal.agency_id}).name +
                                    (names.empty() ? std::string(" (chưa giao cho cơ quan nào)")
                                                   : std::string("; cơ quan giải quyết: ") + names) +
                                    ". Nếu không thuộc thẩm quyền, chọn Từ chối tiếp nhận."});
        }
    } catch (const Error& e) {
        if (e.code() != ErrorCode::NotFound) throw;
        problems.push_back({"procedure_code", e.userMessage()});
    }
    if (input.outcome != IntakeOutcome::Accepted && input.reason.empty()) {
        problems.push_back({"reason", input.outcome == IntakeOutcome::Refused ? "Ghi rõ lý do từ chối tiếp nhận."
                                                                              : "Ghi rõ nội dung cần bổ sung, hoàn thiện."});
    }
    if (input.outcome == IntakeOutcome::Incomplete && input.items.empty()) {
        problems.push_back({"items", "Liệt kê ít nhất một giấy tờ cần bổ sung, hoàn thiện."});
    }
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));

    IntakeJob job{principal, input, *procedure, idempotency_key, request_hash, ip, now, {}, {}, {}, {}, {}};
    if (input.outcome == IntakeOutcome::Accepted) {
        // TT 01/2018 Đ19: agency code - date received (local) - daily sequence (given in the batch).
        const date::sys_seconds legal = domain::legalReceiptTime(input.request);
        job.local_day = date::year_month_day{date::floor<date::days>(m.calendar.localTime().toLocal(legal))};
        job.due_at = m.calendar.deadline(legal, procedure->procedure.duration, principal.agency_code,
                                         receiptRuleFor(input.request.channel)).due_at;
    }
    m.intake_lanes[static_cast<std::size_t>(principal.agency_id) % kIntakeLanes]->submit(job);
    if (job.error) std::rethrow_exception(job.error);
    return IntakeResult{m.view(principal, *job.written), false};
}

DossierView DossierService::get(const domain::Principal& principal, const std::string& code, const std::string& ip) {
    return impl_->read(principal, ip, Impl::Lookup::ByCode, [&](store::Session& s) { return impl_->load(s, code, false); });
}

DossierView DossierService::getById(const domain::Principal& principal, std::int64_t id, const std::string& ip) {
    return impl_->read(principal, ip, Impl::Lookup::ByNumber, [&](store::Session& s) { return impl_->loadById(s, id); });
}

std::optional<std::string> DossierService::laterIntakeOf(const domain::Principal& principal,
                                                         const domain::Dossier& earlier) {
    auto& m = *impl_;
    m.requireReadScope(principal, earlier, Impl::Lookup::ByNumber);
    return m.db.run([&](store::Session& s) { return m.dossiers.laterIntakeOf(s, earlier); });
}

bool DossierService::onHop(const domain::Principal& principal, const domain::TransferHop& hop) {
    return impl_->onHop(principal, hop);
}

DossierPage DossierService::list(const domain::Principal& principal, const DossierQuery& q, const std::string& ip) {
    auto& m = *impl_;
    m.requirePermission(principal, domain::Permission::ReadDossiers, "xem danh sách hồ sơ");
    store::DossierFilter f;
    const auto tree = m.catalog.tree();
    domain::AgencyId root{principal.agency_id};
    if (q.agency_code && !q.agency_code->empty()) {
        const auto a = m.catalog.agency(*q.agency_code);
        if (principal.role != domain::Role::Admin && !tree->isDescendantOrSelf(root, a.agency.id)) {
            throw Error(ErrorCode::PermissionDenied, "Cơ quan " + *q.agency_code + " nằm ngoài phạm vi của bạn.",
                        "agency filter outside scope");
        }
        root = a.agency.id;
    }
    if (principal.role != domain::Role::Admin || (q.agency_code && !q.agency_code->empty())) {
        // The scope is the agency itself and every agency below it; never an empty (unfiltered) set.
        f.agency_ids.push_back(root.value);
        for (auto id : tree->descendantsOf(root)) {
            if (id != root) f.agency_ids.push_back(id.value);
        }
    }
    if (q.status && !q.status->empty()) f.status = std::string(domain::toName(domain::parseDossierStatus(*q.status)));
    if (q.procedure_code && !q.procedure_code->empty()) f.procedure_code = *q.procedure_code;
    const auto& lt = m.calendar.localTime();
    if (q.from && !q.from->empty()) {
        f.received_from = lt.toUtc(date::local_days{date::sys_days{parseIsoDate(*q.from, "from")}.time_since_epoch()});
    }
    if (q.to && !q.to->empty()) {
        f.received_to =
            lt.toUtc(date::local_days{date::sys_days{parseIsoDate(*q.to, "to")}.time_since_epoch()} + date::days{1});
    }
    const date::sys_seconds now = m.clock.now();
    if (q.due && !q.due->empty()) {
        if (*q.due == "overdue") {
            f.due_before = now;
        } else if (*q.due == "soon") {
            // Candidates: due within the threshold of calendar time is a superset of working time;
            // the overdue ones (which stay overdue after an apology) are another list.
            f.due_before = now + std::chrono::hours(24 * 14);
            f.due_from = now;
        } else {
            throw Error::invalidFields({{"due", "Bộ lọc hạn phải là soon (sắp đến hạn) hoặc overdue (quá hạn)."}});
        }
        f.order = store::DossierFilter::Order::DueFirst;
    }
    if (q.mine) {
        f.assigned_officer_id = principal.user_id;
        f.order = store::DossierFilter::Order::DueFirst;
    }
    f.without_apology = q.without_apology;
    if (q.text && !q.text->empty()) f.text = q.text->substr(0, 100);
    const int size = std::clamp(q.page_size, 1, 200);
    if (q.page > kMaxPage) {
        throw Error::invalidFields({{"page", "Số trang (page) phải từ 1 đến " + std::to_string(kMaxPage) + "."}});
    }
    const int page = std::max(1, q.page);
    const bool filter_soon = q.due && *q.due == "soon";
    f.limit = filter_soon ? 2000 : size;
    f.offset = filter_soon ? 0 : static_cast<std::int64_t>(page - 1) * size;
    // The page and its officers' usernames in one lease, two queries (not one per row).
    std::map<std::int64_t, std::string> officers;
    auto [rows, total] = m.db.run([&](store::Session& s) {
        auto found = m.dossiers.list(s, f);
        std::vector<std::int64_t> ids;
        for (const auto& row : found.first) {
            if (row.dossier.assigned_officer) ids.push_back(row.dossier.assigned_officer->value);
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        officers = m.users.usernames(s, ids);
        return found;
    });
    DossierPage out{{}, total, page, size};
    std::map<std::string, domain::WorkingHours> hours;
    for (const auto& row : rows) {
        auto v = m.view(principal, row.dossier, hours, &officers);
        if (filter_soon && !v.due_soon) continue;
        out.items.push_back(std::move(v));
    }
    if (filter_soon) {
        out.total = static_cast<std::int64_t>(out.items.size());
        const auto first = std::min<std::size_t>(out.items.size(), static_cast<std::size_t>((page - 1) * size));
        const auto last = std::min<std::size_t>(out.items.size(), first + static_cast<std::size_t>(size));
        out.items = std::vector<DossierView>(out.items.begin() + static_cast<std::ptrdiff_t>(first),
                                             out.items.begin() + static_cast<std::ptrdiff_t>(last));
    }
    if (f.text) m.auth.logPersonalDataAccess(principal, std::nullopt, *f.text, "search", ip);
    return out;
}

DossierView DossierService::transition(const domain::Principal& principal, const std::string& code,
                                       const TransitionInput& input) {
    auto& m = *impl_;
    const date::sys_seconds now = m.clock.now();
    const auto next = inTransaction(m.db, [&](store::Session& s) {
        const auto d = m.load(s, code, true);
        m.requireScope(principal, d);
        m.requireCommandPermission(principal, domain::parseCommandKind(input.command));
        if (d.version != input.version) throw staleVersion();
        const auto command = m.buildCommand(s, principal, d, input, now);
        const auto t = domain::apply(d, command, m.actorOf(principal), now);
        m.save(s, d, t, now);
        return t.next;
    });
    return m.view(principal, next);
}

DossierView DossierService::issueApology(const domain::Principal& principal, const std::string& code,
                                         const ApologyInput& input) {
    auto& m = *impl_;
    m.requireRight(principal, domain::CommandKind::IssueApology);
    const date::sys_seconds now = m.clock.now();
    const auto& lt = m.calendar.localTime();
    std::vector<FieldError> problems;
    if (input.reason.empty()) problems.push_back({"reason", "Ghi rõ lý do quá hạn."});
    if (input.new_due_at.empty()) problems.push_back({"new_due_at", "Chọn ngày giờ hẹn trả kết quả mới."});
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
    const auto new_due = lt.parseIso(input.new_due_at, "new_due_at");
    const auto next = inTransaction(m.db, [&](store::Session& s) {
        const auto d = m.load(s, code, true);
        if (!m.catalog.inScope(principal, d.handling_agency)) {
            throw Error(ErrorCode::PermissionDenied, "Chỉ thủ trưởng cơ quan đang giải quyết hồ sơ được ký Phiếu xin lỗi.",
                        "apology outside scope");
        }
        if (d.version != input.version) throw staleVersion();
        const auto latest = apologyLatestAllowed(d, *m.calendar.calendar(), lt, now);
        const std::string signer = input.signed_by.empty() ? principal.full_name : input.signed_by;
        const auto t = domain::apply(d, domain::IssueApologyCommand{input.reason, new_due, signer, now, latest,
                                                                    domain::ApologyDeadline::RecordLate},
                                     m.actorOf(principal), now);
        m.save(s, d, t, now);
        return t.next;
    });
    return m.view(principal, next);
}

std::vector<domain::DossierEvent> DossierService::events(const domain::Principal& principal, const std::string& code) {
    return impl_->trail(principal, Impl::Lookup::ByCode, [&](store::Session& s) { return impl_->load(s, code, false); });
}

std::vector<domain::DossierEvent> DossierService::eventsById(const domain::Principal& principal, std::int64_t id) {
    return impl_->trail(principal, Impl::Lookup::ByNumber, [&](store::Session& s) { return impl_->loadById(s, id); });
}

CommandRight commandRight(domain::CommandKind kind) {
    using domain::CommandKind;
    using domain::Permission;
    switch (kind) {
        case CommandKind::StartProcessing: return {Permission::ProcessDossier, "chuyển hồ sơ sang xử lý"};
        case CommandKind::Assign: return {Permission::AssignDossier, "phân công cán bộ xử lý"};
        case CommandKind::Transfer: return {Permission::ProcessDossier, "chuyển hồ sơ liên thông"};
        case CommandKind::RequestSupplement: return {Permission::ProcessDossier, "yêu cầu bổ sung hồ sơ"};
        case CommandKind::ReceiveSupplement: return {Permission::IntakeDossier, "nhận hồ sơ bổ sung"};
        case CommandKind::RequestFinancialObligation:
            return {Permission::ProcessDossier, "yêu cầu thực hiện nghĩa vụ tài chính"};
        case CommandKind::ConfirmPayment: return {Permission::ProcessDossier, "xác nhận đã nộp phí, thuế"};
        case CommandKind::Resolve: return {Permission::ProcessDossier, "ghi nhận kết quả giải quyết"};
        case CommandKind::RejectAfterAppraisal: return {Permission::ProcessDossier, "từ chối giải quyết hồ sơ"};
        case CommandKind::Stop: return {Permission::ProcessDossier, "dừng xử lý hồ sơ"};
        case CommandKind::Withdraw: return {Permission::IntakeDossier, "ghi nhận công dân rút hồ sơ"};
        case CommandKind::Return: return {Permission::IntakeDossier, "trả kết quả"};
        case CommandKind::RecalculateDeadline: return {Permission::ManageCalendar, "tính lại hạn giải quyết"};
        case CommandKind::Accept:
        case CommandKind::RefuseAtIntake:
        case CommandKind::RequestCompletionAtIntake:
            return {Permission::IntakeDossier, "tiếp nhận hồ sơ"};
        case CommandKind::IssueApology:
            return {Permission::IssueApology, "ký Phiếu xin lỗi và hẹn lại ngày trả kết quả"};
    }
    return {Permission::ManageCalendar, "thao tác này"};  // not reached: every kind is listed
}

std::set<std::string> transitionFields(std::string_view command) {
    using domain::CommandKind;
    switch (domain::parseCommandKind(command)) {
        case CommandKind::Assign:
            return {"officer"};
        case CommandKind::Transfer:
            return {"to_agency", "hop_due_at", "note"};
        case CommandKind::RequestSupplement:
            return {"reason", "items"};
        case CommandKind::ReceiveSupplement:
            return {"received_at"};
        case CommandKind::RequestFinancialObligation:
            return {"description", "amount_vnd"};
        case CommandKind::Resolve:
            return {"result_note"};
        case CommandKind::RejectAfterAppraisal:
        case CommandKind::Stop:
        case CommandKind::Withdraw:
        case CommandKind::RecalculateDeadline:
            return {"reason"};
        case CommandKind::Return:
            return {"delivery"};
        default:
            return {};
    }
}

std::string DossierService::username(std::int64_t user_id) { return userLabel(user_id, false); }

std::string DossierService::fullName(std::int64_t user_id) { return userLabel(user_id, true); }

std::string DossierService::userLabel(std::int64_t user_id, bool full_name) {
    auto& m = *impl_;
    const auto user = m.db.run([&](store::Session& s) { return m.users.findById(s, user_id); });
    if (user) return full_name && !user->full_name.empty() ? user->full_name : user->username;
    std::string unknown = "#";  // not "#" + to_string(): GCC 12 -Wrestrict misfires on it when optimising
    unknown += std::to_string(user_id);
    return unknown;
}

}  // namespace motcua::service
