#include "domain/calendar/lunar_date.h"

#include "domain/core/error.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>

namespace motcua::domain {

namespace {

// Julian Day Number of 1970-01-01, the epoch of date::local_days.
constexpr std::int64_t kUnixEpochJdn = 2440588;
// Việt Nam counts lunar days at UTC+7 (the national calendar since 1968).
constexpr double kUtcOffsetDays = 7.0 / 24.0;
constexpr double kSecondsPerDay = 86400.0;
constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
// Meeus ch. 49: mean synodic month and the JDE of the mean new moon k = 0 (2000-01-06).
constexpr double kSynodicMonth = 29.530588861;
constexpr double kNewMoonZeroJde = 2451550.09766;
// The December solstice is the Sun at 270°, i.e. the start of 30° sector 9.
constexpr int kSolsticeSector = 9;
constexpr int kLunarYearsFirst = 1900;
constexpr int kLunarYearsLast = 2100;

double sinDegrees(double degrees) { return std::sin(std::fmod(degrees, 360.0) * kRadiansPerDegree); }

double normalizedDegrees(double degrees) {
    const double reduced = std::fmod(degrees, 360.0);
    return reduced < 0.0 ? reduced + 360.0 : reduced;
}

// ΔT = TT − UT in seconds: Espenak & Meeus (NASA, 2006) polynomials for 1900–2150.
double deltaTSeconds(double year) {
    if (year < 1920.0) {
        const double t = year - 1900.0;
        return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - t * 0.000197)));
    }
    if (year < 1941.0) {
        const double t = year - 1920.0;
        return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
    }
    if (year < 1961.0) {
        const double t = year - 1950.0;
        return 29.07 + 0.407 * t - t * t / 233.0 + t * t * t / 2547.0;
    }
    if (year < 1986.0) {
        const double t = year - 1975.0;
        return 45.45 + 1.067 * t - t * t / 260.0 - t * t * t / 718.0;
    }
    if (year < 2005.0) {
        const double t = year - 2000.0;
        return 63.86 +
               t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
    }
    if (year < 2050.0) {
        const double t = year - 2000.0;
        return 62.92 + t * (0.32217 + t * 0.005589);
    }
    const double u = (year - 1820.0) / 100.0;
    return -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - year);
}

double deltaTDays(double julian_day) {
    return deltaTSeconds(2000.0 + (julian_day - 2451545.0) / 365.25) / kSecondsPerDay;
}

// Julian Ephemeris Day of the true new moon number `k` (k = 0 is the new moon of 2000-01-06):
// Meeus ch. 49, mean phase (49.1), periodic terms for the new moon and the 14 additional
// planetary terms.
double trueNewMoonJde(int k) {
    const double kk = k;
    const double t = kk / 1236.85;
    const double t2 = t * t;
    const double t3 = t2 * t;
    const double t4 = t3 * t;
    const double mean = kNewMoonZeroJde + kSynodicMonth * kk + 0.00015437 * t2 - 0.000000150 * t3 +
                        0.00000000073 * t4;
    const double e = 1.0 - 0.002516 * t - 0.0000074 * t2;
    const double m = 2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3;
    const double mp = 201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 -
                      0.000000058 * t4;
    const double f = 160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 +
                     0.000000011 * t4;
    const double omega = 124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3;

    double correction = -0.40720 * sinDegrees(mp)                 //
                        + 0.17241 * e * sinDegrees(m)             //
                        + 0.01608 * sinDegrees(2 * mp)            //
                        + 0.01039 * sinDegrees(2 * f)             //
                        + 0.00739 * e * sinDegrees(mp - m)        //
                        - 0.00514 * e * sinDegrees(mp + m)        //
                        + 0.00208 * e * e * sinDegrees(2 * m)     //
                        - 0.00111 * sinDegrees(mp - 2 * f)        //
                        - 0.00057 * sinDegrees(mp + 2 * f)        //
                        + 0.00056 * e * sinDegrees(2 * mp + m)    //
                        - 0.00042 * sinDegrees(3 * mp)            //
                        + 0.00042 * e * sinDegrees(m + 2 * f)     //
                        + 0.00038 * e * sinDegrees(m - 2 * f)     //
                        - 0.00024 * e * sinDegrees(2 * mp - m)    //
                        - 0.00017 * sinDegrees(omega)             //
                        - 0.00007 * sinDegrees(mp + 2 * m)        //
                        + 0.00004 * sinDegrees(2 * mp - 2 * f)    //
                        + 0.00004 * sinDegrees(3 * m)             //
                        + 0.00003 * sinDegrees(mp + m - 2 * f)    //
                        + 0.00003 * sinDegrees(2 * mp + 2 * f)    //
                        - 0.00003 * sinDegrees(mp + m + 2 * f)    //
                        + 0.00003 * sinDegrees(mp - m + 2 * f)    //
                        - 0.00002 * sinDegrees(mp - m - 2 * f)    //
                        - 0.00002 * sinDegrees(3 * mp + m)        //
                        + 0.00002 * sinDegrees(4 * mp);

    struct PlanetaryTerm {
        double coefficient;
        double base;
        double rate;
    };
    static constexpr std::array<PlanetaryTerm, 13> kPlanetaryTerms{{
        {0.000165, 251.88, 0.016321},
        {0.000164, 251.83, 26.651886},
        {0.000126, 349.42, 36.412478},
        {0.000110, 84.66, 18.206239},
        {0.000062, 141.74, 53.303771},
        {0.000060, 207.14, 2.453732},
        {0.000056, 154.84, 7.306860},
        {0.000047, 34.52, 27.261239},
        {0.000042, 207.19, 0.121824},
        {0.000040, 291.34, 1.844379},
        {0.000037, 161.72, 24.198154},
        {0.000035, 239.56, 25.513099},
        {0.000023, 331.55, 3.592518},
    }};
    correction += 0.000325 * sinDegrees(299.77 + 0.107408 * kk - 0.009173 * t2);
    for (const PlanetaryTerm& term : kPlanetaryTerms) {
        correction += term.coefficient * sinDegrees(term.base + term.rate * kk);
    }
    return mean + correction;
}

// Apparent geocentric longitude of the Sun in degrees [0, 360) at Julian Ephemeris Day `jde`:
// Meeus ch. 25, equation of the centre with the nutation and aberration correction.
double apparentSolarLongitude(double jde) {
    const double t = (jde - 2451545.0) / 36525.0;
    const double mean_longitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    const double mean_anomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
    const double centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sinDegrees(mean_anomaly) +
                          (0.019993 - 0.000101 * t) * sinDegrees(2 * mean_anomaly) +
                          0.000289 * sinDegrees(3 * mean_anomaly);
    const double omega = 125.04 - 1934.136 * t;
    return normalizedDegrees(mean_longitude + centre - 0.00569 - 0.00478 * sinDegrees(omega));
}

std::int64_t toJdn(date::local_days day) { return day.time_since_epoch().count() + kUnixEpochJdn; }

date::local_days fromJdn(std::int64_t jdn) {
    return date::local_days{date::days{static_cast<int>(jdn - kUnixEpochJdn)}};
}

// The local (UTC+7) civil day, as a JDN, on which new moon `k` falls.
std::int64_t newMoonDay(int k) {
    const double jde = trueNewMoonJde(k);
    const double jd_ut = jde - deltaTDays(jde);
    return static_cast<std::int64_t>(std::floor(jd_ut + 0.5 + kUtcOffsetDays));
}

// The 30° sector (0–11) that holds the Sun at the local midnight opening day `jdn`.
int solarSectorAtStartOf(std::int64_t jdn) {
    const double jd_ut = static_cast<double>(jdn) - 0.5 - kUtcOffsetDays;
    const int sector = static_cast<int>(apparentSolarLongitude(jd_ut + deltaTDays(jd_ut)) / 30.0);
    return sector % 12;
}

// The number of the new moon that opens the lunar month containing day `jdn`.
int openingNewMoon(std::int64_t jdn) {
    int k = static_cast<int>(std::lround((static_cast<double>(jdn) - kNewMoonZeroJde) / kSynodicMonth));
    while (newMoonDay(k) > jdn) --k;
    while (newMoonDay(k + 1) <= jdn) ++k;
    return k;
}

// The new moon that opens month 11 of the lunar year that starts in solar year `year`: the month
// that contains the December solstice of `year`.
int month11NewMoon(int year) {
    const date::local_days december_31{date::year{year} / date::December / 31};
    const int k = openingNewMoon(toJdn(december_31));
    // The month holding 31 December is month 11 unless it opened after the solstice.
    if (solarSectorAtStartOf(newMoonDay(k)) >= kSolsticeSector) return k - 1;
    return k;
}

struct LunarMonth {
    std::int64_t first_day = 0;  // JDN
    int number = 0;
    bool leap = false;
    int lunar_year = 0;
};

// The 12 or 13 months from month 11 of lunar year `year` up to the next month 11, which closes
// the list as a sentinel (so months[i + 1].first_day ends month i).
struct MonthRun {
    std::array<LunarMonth, 14> months{};
    int count = 0;
};

MonthRun monthsFromMonth11(int year) {
    const int first = month11NewMoon(year);
    const int count = month11NewMoon(year + 1) - first;

    std::array<std::int64_t, 15> opening_days{};
    for (int i = 0; i <= count; ++i) opening_days[static_cast<std::size_t>(i)] = newMoonDay(first + i);

    int leap_offset = -1;
    if (count == 13) {
        // The leap month is the first month after month 11 in which the Sun crosses no multiple
        // of 30° (no major solar term, "trung khí").
        for (int i = 1; i < count && leap_offset < 0; ++i) {
            const auto index = static_cast<std::size_t>(i);
            if (solarSectorAtStartOf(opening_days[index]) == solarSectorAtStartOf(opening_days[index + 1])) {
                leap_offset = i;
            }
        }
        if (leap_offset < 0) {
            throw Error(ErrorCode::Internal, "Không xác định được tháng nhuận âm lịch.",
                        "no month without a major solar term in lunar year " + std::to_string(year));
        }
    }

    MonthRun run;
    run.count = count;
    int number = 10;
    int lunar_year = year;
    for (int i = 0; i <= count; ++i) {
        const bool leap = i == leap_offset;
        if (!leap) {
            number = number % 12 + 1;
            if (number == 1) ++lunar_year;
        }
        run.months[static_cast<std::size_t>(i)] =
            LunarMonth{opening_days[static_cast<std::size_t>(i)], number, leap, lunar_year};
    }
    return run;
}

bool isSupported(date::year_month_day solar) {
    return solar.ok() && solar >= kFirstLunarSupportedDate && solar <= kLastLunarSupportedDate;
}

[[noreturn]] void throwNoSuchLunarDate(const LunarDate& lunar, std::string_view reason) {
    throw Error(ErrorCode::InvalidArgument,
                "Ngày âm lịch không tồn tại: ngày " + std::to_string(lunar.day) + " tháng " +
                    std::to_string(lunar.month) + (lunar.leap ? " nhuận" : "") + " năm " +
                    std::to_string(lunar.year) + ".",
                "invalid lunar date: " + std::string(reason));
}

}  // namespace

LunarDate toLunar(date::year_month_day solar) {
    if (!isSupported(solar)) {
        throw Error(ErrorCode::InvalidArgument,
                    "Chỉ quy đổi được âm lịch cho các ngày từ 01/01/1900 đến 31/12/2100.",
                    "solar date invalid or outside 1900-2100");
    }
    const std::int64_t jdn = toJdn(date::local_days{solar});
    const int year = static_cast<int>(solar.year());
    const bool after_month_11 = jdn >= newMoonDay(month11NewMoon(year));
    const MonthRun run = monthsFromMonth11(after_month_11 ? year : year - 1);

    for (int i = run.count - 1; i >= 0; --i) {
        const LunarMonth& month = run.months[static_cast<std::size_t>(i)];
        if (month.first_day > jdn) continue;
        return LunarDate{month.lunar_year, month.number, static_cast<int>(jdn - month.first_day) + 1,
                         month.leap};
    }
    throw Error(ErrorCode::Internal, "Lỗi quy đổi âm lịch.", "day before its month-11 run");
}

date::year_month_day fromLunar(const LunarDate& lunar) {
    if (lunar.month < 1 || lunar.month > 12) throwNoSuchLunarDate(lunar, "month outside 1-12");
    if (lunar.day < 1 || lunar.day > 30) throwNoSuchLunarDate(lunar, "day outside 1-30");
    // Lunar year 1899 ends in 1900 and lunar year 2100 ends in 2101: keep both, check the result.
    if (lunar.year < kLunarYearsFirst - 1 || lunar.year > kLunarYearsLast) {
        throwNoSuchLunarDate(lunar, "year outside the supported range");
    }

    const MonthRun run = monthsFromMonth11(lunar.month >= 11 ? lunar.year : lunar.year - 1);
    for (int i = 0; i < run.count; ++i) {
        const auto index = static_cast<std::size_t>(i);
        const LunarMonth& month = run.months[index];
        if (month.number != lunar.month || month.leap != lunar.leap || month.lunar_year != lunar.year) {
            continue;
        }
        const std::int64_t length = run.months[index + 1].first_day - month.first_day;
        if (lunar.day > length) throwNoSuchLunarDate(lunar, "day beyond the end of a 29-day month");
        const date::year_month_day solar{fromJdn(month.first_day + lunar.day - 1)};
        if (!isSupported(solar)) throwNoSuchLunarDate(lunar, "solar date outside 1900-2100");
        return solar;
    }
    throwNoSuchLunarDate(lunar, lunar.leap ? "the year has no such leap month" : "month not found");
}

int leapMonthOf(int lunar_year) {
    if (lunar_year < kLunarYearsFirst || lunar_year > kLunarYearsLast) {
        throw Error(ErrorCode::InvalidArgument, "Chỉ tính được tháng nhuận cho các năm 1900–2100.",
                    "lunar year outside 1900-2100");
    }
    // A leap month of lunar year Y lies in the run starting at month 11 of Y − 1 (leap 1–10) or
    // in the run starting at month 11 of Y (leap 11 or 12).
    for (const int run_year : {lunar_year - 1, lunar_year}) {
        const MonthRun run = monthsFromMonth11(run_year);
        for (int i = 0; i < run.count; ++i) {
            const LunarMonth& month = run.months[static_cast<std::size_t>(i)];
            if (month.leap && month.lunar_year == lunar_year) return month.number;
        }
    }
    return 0;
}

}  // namespace motcua::domain
