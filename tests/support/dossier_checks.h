#pragma once
/// Invariants of stored dossiers that fault, load and generator tests check after the fact.

#include "store/database.h"

#include <set>
#include <string>

namespace motcua::test {

/// Checks (with gtest expectations) that every dossier with a code has exactly one submitted and
/// one accepted event, that its events are numbered 1..version, and that the codes of each agency
/// and day are 1..n with no duplicate and no gap. Returns the codes.
std::set<std::string> checkCommittedDossiers(store::Database& db);

}  // namespace motcua::test
