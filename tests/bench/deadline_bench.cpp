// Deadline engine throughput: due times of pseudo-random receipts (2024–2055, any time of day,
// online or paper) for durations of 1–60 working days, with the O(1) prefix-count engine and
// with a naive day-by-day loop over a holiday set (what one-stop software commonly does).
// Target: >= 5 million computations per second per core and >= 20x the naive loop.
// Run: ninja -C BUILD deadline_bench && BUILD/tests/bench/deadline_bench
// The "speedup" counter of BM_SpeedupOverNaiveLoop is naive time / fast time on the same inputs.

#include "domain/calendar/official_schedules.h"
#include "domain/deadline/deadline.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <vector>

namespace {

using namespace motcua::domain;
using date::local_days;
using date::local_seconds;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::size_t kInputCount = std::size_t{1} << 16;  // a power of two, indexed with a mask; large
// enough that the branch predictor cannot learn the sequence

struct Input {
    local_seconds received_at;
    Duration duration;
    ReceiptRule rule;
};

std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

// The textbook loop: a set of special days, one day at a time.
class NaiveEngine {
public:
    explicit NaiveEngine(const WorkingCalendar& calendar) {
        for (int year = calendar.firstYear(); year <= calendar.lastYear(); ++year) {
            for (const CalendarDay& entry : calendar.daysOfYear(year)) {
                (entry.kind == DayKind::WorkingSaturday ? worked_weekend_ : off_weekday_).insert(entry.day);
            }
        }
    }

    local_seconds due(local_seconds received_at, int working_days, ReceiptRule rule) const {
        local_days day = date::floor<date::days>(received_at);
        seconds time_of_day = received_at - day;
        const bool late_paper = rule == ReceiptRule::ApplyCutOff && time_of_day > hours{15};
        if (!isWorking(day) || time_of_day >= hours{17} || late_paper) {
            day = nextWorking(day);
            time_of_day = hours{7};
        }
        seconds worked = workedBefore(time_of_day);
        seconds left = hours{8} * working_days;
        for (;;) {
            const seconds available = hours{8} - worked;
            if (left <= available) return local_seconds{day} + timeAt(worked + left);
            left -= available;
            day = nextWorking(day);
            worked = seconds{0};
        }
    }

    local_days addWorkingDays(local_days day, int count) const {
        while (count > 0) {
            day += date::days{1};
            if (isWorking(day)) --count;
        }
        return day;
    }

private:
    bool isWorking(local_days day) const {
        const date::weekday weekday{day};
        if (weekday == date::Saturday || weekday == date::Sunday) return worked_weekend_.count(day) > 0;
        return off_weekday_.count(day) == 0;
    }
    local_days nextWorking(local_days day) const { return addWorkingDays(day, 1); }
    static seconds workedBefore(seconds t) {
        if (t <= hours{7}) return seconds{0};
        if (t <= hours{11} + minutes{30}) return t - hours{7};
        if (t <= hours{13} + minutes{30}) return hours{4} + minutes{30};
        if (t <= hours{17}) return t - hours{9};
        return hours{8};
    }
    static seconds timeAt(seconds worked) {
        if (worked <= hours{4} + minutes{30}) return hours{7} + worked;
        return hours{9} + worked;
    }

    std::set<local_days> off_weekday_;
    std::set<local_days> worked_weekend_;
};

struct Fixture {
    WorkingCalendar calendar{2020, 2060, officialSchedules2024To2026()};
    WorkingHours working_hours;
    NaiveEngine naive{calendar};
    std::vector<Input> inputs;

    Fixture() {
        std::uint64_t state = 20260224;
        const local_days first{date::year{2024} / 1 / 1};
        for (std::size_t i = 0; i < kInputCount; ++i) {
            const auto day = static_cast<int>(splitMix64(state) % (32 * 365));
            const auto second = static_cast<long>(splitMix64(state) % 86400);
            const auto amount = static_cast<int>(splitMix64(state) % 60 + 1);
            const ReceiptRule rule = splitMix64(state) % 2 == 0 ? ReceiptRule::CountFromReceipt : ReceiptRule::ApplyCutOff;
            inputs.push_back(Input{local_seconds{first + date::days{day}} + seconds{second},
                                   Duration{amount, DurationUnit::WorkingDays}, rule});
        }
        // Both engines must agree before their speed means anything.
        for (const Input& input : inputs) {
            const local_seconds fast =
                computeDeadline(calendar, working_hours, input.received_at, input.duration, input.rule).due_at;
            if (fast != naive.due(input.received_at, input.duration.amount, input.rule)) std::abort();
        }
    }
};

const Fixture& fixture() {
    static const Fixture instance;
    return instance;
}

void BM_FastDeadline(benchmark::State& state) {
    const Fixture& f = fixture();
    std::size_t i = 0;
    for (auto _ : state) {
        const Input& input = f.inputs[i++ & (kInputCount - 1)];
        benchmark::DoNotOptimize(computeDeadline(f.calendar, f.working_hours, input.received_at, input.duration, input.rule));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FastDeadline);

void BM_NaiveDeadline(benchmark::State& state) {
    const Fixture& f = fixture();
    std::size_t i = 0;
    for (auto _ : state) {
        const Input& input = f.inputs[i++ & (kInputCount - 1)];
        benchmark::DoNotOptimize(f.naive.due(input.received_at, input.duration.amount, input.rule));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NaiveDeadline);

void BM_FastAddWorkingDays(benchmark::State& state) {
    const Fixture& f = fixture();
    std::size_t i = 0;
    for (auto _ : state) {
        const Input& input = f.inputs[i++ & (kInputCount - 1)];
        benchmark::DoNotOptimize(f.calendar.addWorkingDays(date::floor<date::days>(input.received_at),
                                                           WorkingDays{input.duration.amount}));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FastAddWorkingDays);

void BM_NaiveAddWorkingDays(benchmark::State& state) {
    const Fixture& f = fixture();
    std::size_t i = 0;
    for (auto _ : state) {
        const Input& input = f.inputs[i++ & (kInputCount - 1)];
        benchmark::DoNotOptimize(f.naive.addWorkingDays(date::floor<date::days>(input.received_at), input.duration.amount));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NaiveAddWorkingDays);

// Times both engines on the same inputs and reports their ratio.
void BM_SpeedupOverNaiveLoop(benchmark::State& state) {
    const Fixture& f = fixture();
    using Clock = std::chrono::steady_clock;
    Clock::duration fast_time{};
    Clock::duration naive_time{};
    for (auto _ : state) {
        // Each engine gets an untimed warm-up pass so that neither pays for the other's cache use.
        for (const Input& input : f.inputs) {
            benchmark::DoNotOptimize(computeDeadline(f.calendar, f.working_hours, input.received_at, input.duration, input.rule));
        }
        const auto t0 = Clock::now();
        for (const Input& input : f.inputs) {
            benchmark::DoNotOptimize(computeDeadline(f.calendar, f.working_hours, input.received_at, input.duration, input.rule));
        }
        const auto t1 = Clock::now();
        for (const Input& input : f.inputs) {
            benchmark::DoNotOptimize(f.naive.due(input.received_at, input.duration.amount, input.rule));
        }
        const auto t2 = Clock::now();
        for (const Input& input : f.inputs) {
            benchmark::DoNotOptimize(f.naive.due(input.received_at, input.duration.amount, input.rule));
        }
        const auto t3 = Clock::now();
        fast_time += t1 - t0;
        naive_time += t3 - t2;
    }
    const double computations = static_cast<double>(state.iterations()) * static_cast<double>(kInputCount);
    const auto in_seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    state.counters["fast_per_s"] = computations / in_seconds(fast_time);
    state.counters["naive_per_s"] = computations / in_seconds(naive_time);
    state.counters["speedup"] = in_seconds(naive_time) / in_seconds(fast_time);
}
BENCHMARK(BM_SpeedupOverNaiveLoop)->Unit(benchmark::kMillisecond);

}  // namespace
