#pragma once
/// Group commit for writes that arrive together from many request threads. A thread that
/// submits a job waits for it; when fewer than `max_leaders` batches are running and its job is
/// still queued, it leads a batch itself: it takes the queued jobs, oldest first (at most
/// `max_batch`), runs them with one call of `run_batch` (one transaction, a few multi-row
/// statements) and wakes their threads. When nothing else is being written, nothing waits: a
/// lone job is a batch of one at once. While another batch is being written, a new leader
/// waits up to `Gather::wait` for `Gather::enough` jobs to be queued before it takes them:
/// under load a batch costs about the same whatever it holds, so fuller batches give more
/// throughput and, measured, lower latency too. `submit` returns only after `run_batch`
/// returned for its job's batch, so a job is acknowledged only after its transaction committed.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace motcua::service {

template <class Job>
class GroupCommit {
public:
    /// Runs one batch. Throwing fails every job of the batch with that exception; a job that
    /// must fail alone is for run_batch to handle (for example by running the jobs again one
    /// by one).
    using RunBatch = std::function<void(const std::vector<Job*>&)>;

    /// How long a leader waits for more jobs while another batch is being written.
    struct Gather {
        std::chrono::microseconds wait{0};  ///< 0: never
        std::size_t enough = 1;             ///< stop waiting once this many jobs are queued
    };

    GroupCommit(std::size_t max_batch, std::size_t max_leaders, RunBatch run_batch, Gather gather = {})
        : max_batch_(max_batch < 1 ? 1 : max_batch),
          max_leaders_(max_leaders < 1 ? 1 : max_leaders),
          run_batch_(std::move(run_batch)),
          gather_(gather) {}
    GroupCommit(const GroupCommit&) = delete;
    GroupCommit& operator=(const GroupCommit&) = delete;

    /// Runs `job` in some batch and returns when that batch is done; rethrows the exception
    /// run_batch threw for it.
    void submit(Job& job) {
        Slot mine(&job);
        std::unique_lock lock(mutex_);
        queue_.push_back(&mine);
        if (gathering_ > 0 && queue_.size() >= gather_.enough) enough_queued_.notify_all();
        for (;;) {
            if (mine.done) {
                if (mine.error) std::rethrow_exception(mine.error);
                return;
            }
            if (!mine.taken && leaders_ < max_leaders_) {
                lead(lock);
                continue;
            }
            mine.wake.wait(lock);
        }
    }

    /// Returns how many jobs wait for a batch (tests use it to line jobs up).
    std::size_t queued() const {
        std::lock_guard lock(mutex_);
        return queue_.size();
    }

private:
    /// A waiting job, on its thread's stack. Each has its own condition variable, so a batch
    /// wakes only its own threads (and one queued thread to lead next), not every waiter.
    struct Slot {
        explicit Slot(Job* j) : job(j) {}
        Job* job;
        bool taken = false;
        bool done = false;
        std::exception_ptr error;
        std::condition_variable wake;
    };

    /// Takes the oldest queued jobs (after the gathering wait when another batch is being
    /// written), runs them unlocked and marks them done.
    void lead(std::unique_lock<std::mutex>& lock) {
        ++leaders_;
        if (gather_.wait.count() > 0 && leaders_ > 1 && queue_.size() < gather_.enough) {
            ++gathering_;
            // Until enough jobs are queued, or no batch is being written any more.
            enough_queued_.wait_for(lock, gather_.wait,
                                    [&] { return queue_.size() >= gather_.enough || leaders_ <= gathering_; });
            --gathering_;
        }
        std::vector<Slot*> slots;
        while (!queue_.empty() && slots.size() < max_batch_) {
            slots.push_back(queue_.front());
            queue_.pop_front();
            slots.back()->taken = true;
        }
        if (slots.empty()) {  // while this leader waited, another took every job (its own too)
            --leaders_;
            return;
        }
        lock.unlock();
        std::exception_ptr error;
        try {
            std::vector<Job*> jobs;
            jobs.reserve(slots.size());
            for (Slot* slot : slots) jobs.push_back(slot->job);
            run_batch_(jobs);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        --leaders_;
        for (Slot* slot : slots) {
            slot->error = error;
            slot->done = true;
            slot->wake.notify_one();  // the slot lives until its thread, woken, takes the mutex
        }
        // A leader's place is free: a gathering leader stops waiting, and the oldest queued job
        // may lead the next batch.
        if (gathering_ > 0) enough_queued_.notify_all();
        if (!queue_.empty()) queue_.front()->wake.notify_one();
    }

    const std::size_t max_batch_;
    const std::size_t max_leaders_;
    const RunBatch run_batch_;
    const Gather gather_;
    mutable std::mutex mutex_;
    std::condition_variable enough_queued_;
    std::size_t gathering_ = 0;  ///< leaders in the gathering wait
    std::deque<Slot*> queue_;
    std::size_t leaders_ = 0;
};

}  // namespace motcua::service
