#pragma once
/// The real clock.

#include "service/clock.h"

#include <chrono>

namespace motcua::app {

/// Reads the system clock (UTC).
class SystemClock : public service::Clock {
public:
    date::sys_seconds now() const override {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    }
};

}  // namespace motcua::app
