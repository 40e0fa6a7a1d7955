#pragma once
/// Structured log lines (logfmt: `ts=… level=… event=… key=value`) on stderr,
/// one line per call, safe from any thread. English text, for the sysadmin.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace motcua::log {

enum class Level { Debug, Info, Warn, Error };

/// One key/value pair of a log line.
using Field = std::pair<std::string_view, std::string>;

/// Sets the lowest level written; lines below it are dropped.
void setLevel(Level level);

/// Parses "debug" | "info" | "warn" | "error"; returns false on anything else.
bool parseLevel(std::string_view text, Level& out);

/// Writes one line: `ts=<UTC ISO 8601> level=<level> event=<event> k=v …`; values are quoted when needed.
void write(Level level, std::string_view event, std::initializer_list<Field> fields = {});

inline void info(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::Info, event, fields); }
inline void warn(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::Warn, event, fields); }
inline void error(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::Error, event, fields); }
inline void debug(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::Debug, event, fields); }

}  // namespace motcua::log
