#pragma once
/// The source of "now" for services; the real one lives in app/, tests use a fixed one.

#include <date/date.h>

namespace motcua::service {

/// Returns the current instant (UTC).
class Clock {
public:
    virtual ~Clock() = default;
    /// Returns the current UTC instant, to the second.
    virtual date::sys_seconds now() const = 0;
};

}  // namespace motcua::service
