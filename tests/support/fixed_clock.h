#pragma once
/// A Clock that returns a settable instant.

#include "service/clock.h"

#include <atomic>

namespace motcua::test {

class FixedClock : public service::Clock {
public:
    explicit FixedClock(date::sys_seconds at) : at_(at.time_since_epoch().count()) {}
    date::sys_seconds now() const override { return date::sys_seconds{std::chrono::seconds{at_.load()}}; }
    void set(date::sys_seconds at) { at_.store(at.time_since_epoch().count()); }
    void advance(std::chrono::seconds by) { at_.fetch_add(by.count()); }

private:
    std::atomic<long long> at_;
};

}  // namespace motcua::test
