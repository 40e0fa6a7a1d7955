#pragma once
/// Storage of dossiers (current state, documents, transfers), their audit events, the daily
/// code sequences and intake idempotency keys. The state row and its event are always written
/// in the caller's one transaction.

#include "domain/dossier/dossier.h"
#include "domain/dossier/dossier_event.h"
#include "store/database.h"

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::store {

class StatementBatch;

/// Filters of the dossier list; empty members do not filter.
struct DossierFilter {
    std::vector<std::int64_t> agency_ids;  ///< receiving or handling agency in this set (the scope)
    std::optional<std::string> status;
    std::optional<std::string> procedure_code;
    std::optional<std::int64_t> assigned_officer_id;
    std::optional<date::sys_seconds> received_from;  ///< inclusive
    std::optional<date::sys_seconds> received_to;    ///< exclusive
    std::optional<date::sys_seconds> due_before;     ///< open, clock running, legal due (current_due_at) < this
    std::optional<date::sys_seconds> due_from;       ///< with due_before: and legal due >= this (not yet overdue)
    bool without_apology = false;                    ///< no apology issued yet
    std::optional<std::string> text;                 ///< code prefix, applicant name or id number
    int limit = 50;
    std::int64_t offset = 0;
    enum class Order { DueFirst, NewestFirst } order = Order::NewestFirst;
};

/// One row of a list, with the names a desk screen shows.
struct DossierListRow {
    domain::Dossier dossier;
    std::string procedure_name;
    std::string handling_agency_code;
    std::string handling_agency_name;
};

/// A dossier written at once with its history (an intake; the province data generator): its state,
/// documents and transfers, and every audit event (their dossier ids are ignored).
struct DossierHistory {
    domain::Dossier dossier;
    std::int64_t procedure_id = 0;
    std::vector<domain::DossierEvent> events;
    date::sys_seconds written_at;  ///< created_at / updated_at of the row
};

class DossierRepository {
public:
    /// Inserts dossiers with their documents, transfers and events, many rows per statement
    /// (the desk's intake writes one; the generator thousands); returns the ids given to the
    /// dossiers, in order.
    std::vector<std::int64_t> insertHistories(Session& session, const std::vector<DossierHistory>& histories);
    /// Writes `next` over the row if its version is still `expected_version`; returns false
    /// (nothing written) when someone else changed it first.
    bool update(Session& session, const domain::Dossier& next, std::int64_t expected_version, date::sys_seconds now);
    /// Appends one audit event.
    void appendEvent(Session& session, const domain::DossierEvent& event);

    /// Returns the dossier with `code` (FOR UPDATE when `lock`), if any.
    std::optional<domain::Dossier> findByCode(Session& session, const std::string& code, bool lock = false);
    /// Returns the dossier with `id`, if any.
    std::optional<domain::Dossier> findById(Session& session, std::int64_t id);
    /// Returns how many of `ids` are stored, by a locking read: it waits (at most 10 s) for a
    /// transaction still writing them to end, so the answer holds once it is given.
    std::int64_t countStored(Session& session, const std::vector<std::int64_t>& ids);
    /// Returns the events of a dossier in sequence order.
    std::vector<domain::DossierEvent> events(Session& session, std::int64_t dossier_id);
    /// Returns the events of every dossier with id in [first_id, last_id], by dossier then sequence.
    std::vector<domain::DossierEvent> eventsOfRange(Session& session, std::int64_t first_id, std::int64_t last_id);
    /// Returns the smallest and largest dossier id ({0, -1} when there is none).
    std::pair<std::int64_t, std::int64_t> idBounds(Session& session);
    /// Returns one page of dossiers and the number of all matches.
    std::pair<std::vector<DossierListRow>, std::int64_t> list(Session& session, const DossierFilter& filter);
    /// Returns the procedure id of a dossier.
    std::int64_t procedureIdOf(Session& session, std::int64_t dossier_id);

    // The intake write path as statement batches (one round trip for several tables).
    /// Appends the multi-row INSERT of `histories`' dossiers; it returns their ids in order.
    /// `without_codes` stores them with no code yet (addSetCodes gives it later).
    void addInsertDossiers(StatementBatch& batch, const std::vector<DossierHistory>& histories,
                           bool without_codes = false);
    /// Appends the UPDATE that gives each (dossier id, code) its code.
    void addSetCodes(StatementBatch& batch, const std::vector<std::pair<std::int64_t, std::string>>& codes);
    /// Appends the documents, transfers and events of `histories`, whose dossiers have `ids`.
    void addChildren(StatementBatch& batch, const std::vector<DossierHistory>& histories,
                     const std::vector<std::int64_t>& ids);
    /// Appends an idempotency key's row; the batch fails with Error(AlreadyExists) when a
    /// concurrent request took the key.
    void addIdempotencyKey(StatementBatch& batch, std::int64_t user_id, const std::string& key, const std::string& hash,
                           std::int64_t dossier_id, date::sys_seconds now);
    /// Appends the reservation of the next `count` daily sequence numbers of `agency_id` on local
    /// date `day` (1, 2, …); the statement returns the last number reserved. The row stays
    /// locked until the transaction ends, so numbers are neither skipped nor repeated.
    void addReserveSequences(StatementBatch& batch, std::int64_t agency_id, date::year_month_day day, std::int64_t count);
    /// Appends the reservation of `count` numbers after `expected_last`, which holds only if the
    /// sequence stands exactly there (waiting for the transaction that holds the row); otherwise,
    /// or when the day has no sequence yet, the batch fails there with Error(Conflict, field
    /// "code_sequence"), before any COMMIT after it.
    void addReserveSequencesAfter(StatementBatch& batch, std::int64_t agency_id, date::year_month_day day,
                                  std::int64_t expected_last, std::int64_t count);

    /// Returns the number of dossiers stored.
    std::int64_t countAll(Session& session);
    /// Makes the daily sequence of `agency_id` on `day` at least `last` (after a bulk load).
    void raiseSequence(Session& session, std::int64_t agency_id, date::year_month_day day, std::int64_t last);

    /// Returns (request hash, dossier id) stored for this user's key, if any.
    std::optional<std::pair<std::string, std::int64_t>> findIdempotencyKey(Session& session, std::int64_t user_id,
                                                                           const std::string& key);

    /// Returns the code of the first dossier with a code that `earlier`'s agency took after it
    /// for the same applicant (identity number) and procedure: the same request, received once
    /// the papers were complete. Empty when there is none or the applicant has no number.
    std::optional<std::string> laterIntakeOf(Session& session, const domain::Dossier& earlier);
};

/// Returns the legal due time in force (domain::legalDueAt) while a dossier is open and its
/// clock runs, else empty: what the overdue and due-soon lists judge by, stored as
/// `current_due_at`. An apology's new appointment does not move it: a late dossier stays late.
std::optional<date::sys_seconds> runningDueAt(const domain::Dossier& dossier);

}  // namespace motcua::store
