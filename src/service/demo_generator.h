#pragma once
/// Province-scale data for benchmarks and demonstrations (`motcua demo generate`): many agencies,
/// a procedure mix, every channel, supplements, liên thông transfers, late dossiers with and
/// without an apology, spanning several years (so Tết and the holidays fall inside).
///
/// Each dossier's history is produced by the same state machine (domain::apply) and the same
/// deadline engine and legal rules (service/dossier_rules.h) as a dossier handled at the desk, so
/// the generated audit trails are lawful; they are then written with multi-row INSERTs, a few
/// thousand dossiers per transaction with their statistics records, which is what makes millions
/// load in minutes.

#include "service/clock.h"
#include "store/dossier_repository.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace motcua::store {
class Database;
}

namespace motcua::service {

class CalendarService;
class CatalogService;

struct GenerateOptions {
    std::int64_t dossiers = 10'000;  ///< How many dossiers to write.
    int agencies = 20;               ///< Departments (and districts) under the province root.
    int years = 1;                   ///< Span of receipt dates, ending at the clock's today.
    std::uint64_t seed = 20'261'122; ///< Same seed, same data.
    int batch = 2'000;               ///< Dossiers per transaction.
};

struct GenerateSummary {
    std::int64_t dossiers = 0;
    std::int64_t events = 0;
    std::int64_t open = 0;         ///< still open at the clock's now
    std::int64_t late = 0;         ///< resolved late or open past due
    std::int64_t apologies = 0;
    int agencies_created = 0;
    int procedures_created = 0;
};

class DemoGenerator {
public:
    DemoGenerator(store::Database& database, const Clock& clock, CalendarService& calendar, CatalogService& catalog);
    ~DemoGenerator();

    /// Writes the data. Throws Error(FailedPrecondition) when the database already holds dossiers
    /// (generated codes would collide with real ones) or has no administrator to act as.
    /// `progress` is called after each batch with the number written so far.
    GenerateSummary run(const GenerateOptions& options, const std::function<void(std::int64_t)>& progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::service
