#pragma once
/// Conversions between UTC instants and the agencies' civil time (Asia/Ho_Chi_Minh by
/// default) through the tz database, and ISO 8601 text at the edges.

#include <date/date.h>

#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace motcua::service {

/// A civil time zone resolved once at start-up.
class LocalTime {
public:
    /// Resolves `zone_name`; throws Error(InvalidArgument) when the tz database has no such zone.
    explicit LocalTime(const std::string& zone_name);

    /// Returns the local civil time of `t`.
    date::local_seconds toLocal(date::sys_seconds t) const;
    /// Returns the instant of local civil time `t` (the earlier one if ambiguous, the moment the
    /// gap ends if non-existent: the zone has no DST today, but a future rule must not throw).
    date::sys_seconds toUtc(date::local_seconds t) const;
    /// Returns ISO 8601 with the zone's offset, e.g. "2026-02-27T17:00:00+07:00".
    std::string formatIso(date::sys_seconds t) const;
    /// Parses "YYYY-MM-DDTHH:MM[:SS]" followed by "Z", "+07:00" or nothing (then local time),
    /// for years 2000–2100.
    /// Throws Error(InvalidArgument) with a Vietnamese message naming `field`.
    date::sys_seconds parseIso(std::string_view text, const std::string& field) const;
    /// Returns the zone name.
    const std::string& name() const { return name_; }

private:
    std::string name_;
    const date::time_zone* zone_;
};

/// Parses "YYYY-MM-DD"; throws Error(InvalidArgument) naming `field`.
date::year_month_day parseIsoDate(std::string_view text, const std::string& field);

/// Returns "YYYY-MM-DD".
std::string formatIsoDate(date::year_month_day day);

}  // namespace motcua::service
