#pragma once
/// The real `motcua serve` binary as a child process, for tests that signal or kill it.

#include <string>
#include <sys/types.h>

namespace motcua::test {

/// Returns a loopback port that was free a moment ago (bound to port 0, then released).
int freeLoopbackPort();

/// Forks and execs `motcua serve` on `db_url` listening on 127.0.0.1:`port`; returns its pid.
pid_t startMotcuaServe(const std::string& db_url, int port);

/// Polls GET /healthz until it answers 200 (true) or about thirty seconds pass (false).
bool waitHealthy(int port);

}  // namespace motcua::test
