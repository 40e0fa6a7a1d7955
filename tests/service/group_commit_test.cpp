// Contract: every submitted job runs in exactly one batch and its thread returns only after that
// batch ran; a lone job runs at once; jobs that arrive while a batch runs form the next batch;
// a batch's exception reaches every job of it and no other; with gathering, a leader that starts
// while another batch is written waits for enough jobs, or for that batch to end, and a lone job
// still runs at once.

#include "service/group_commit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace motcua {
namespace {

struct Job {
    int value = 0;
    int batch = -1;  ///< set by the batch that ran it
};

/// Waits until `commit` has `n` jobs queued.
void waitQueued(const service::GroupCommit<Job>& commit, std::size_t n) {
    for (int i = 0; i < 5000 && commit.queued() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_EQ(commit.queued(), n);
}

TEST(GroupCommit, ALoneJobRunsAtOnceInABatchOfOne) {
    std::vector<std::size_t> sizes;
    service::GroupCommit<Job> commit(8, 1, [&](const std::vector<Job*>& jobs) {
        sizes.push_back(jobs.size());
        for (Job* job : jobs) job->batch = static_cast<int>(sizes.size());
    });
    Job job{7};
    commit.submit(job);
    EXPECT_EQ(job.batch, 1);
    EXPECT_EQ(sizes, std::vector<std::size_t>{1});
}

TEST(GroupCommit, JobsArrivingDuringABatchRunTogetherInTheNextAndAllWaitForTheirOwn) {
    std::promise<void> release_first, first_started;
    std::shared_future<void> first_may_finish = release_first.get_future().share();
    std::vector<std::vector<int>> batches;
    service::GroupCommit<Job> commit(4, 1, [&](const std::vector<Job*>& jobs) {
        std::vector<int> values;
        for (Job* job : jobs) values.push_back(job->value);
        batches.push_back(values);
        if (batches.size() == 1) {
            first_started.set_value();
            first_may_finish.wait();
        }
        for (Job* job : jobs) job->batch = static_cast<int>(batches.size());
    });
    std::vector<Job> jobs(7);
    for (int i = 0; i < 7; ++i) jobs[static_cast<std::size_t>(i)].value = i;
    std::vector<std::thread> threads;
    std::atomic<int> returned{0};
    threads.emplace_back([&] {
        commit.submit(jobs[0]);
        ++returned;
    });
    first_started.get_future().wait();  // job 0 is running, alone
    for (std::size_t i = 1; i < 7; ++i) {
        threads.emplace_back([&, i] {
            commit.submit(jobs[i]);
            ++returned;
        });
        waitQueued(commit, i);  // queued in order behind the running batch
    }
    EXPECT_EQ(returned.load(), 0);  // nobody returns before its batch ran
    release_first.set_value();
    for (auto& t : threads) t.join();
    ASSERT_EQ(batches.size(), 3u);
    EXPECT_EQ(batches[0], (std::vector<int>{0}));
    EXPECT_EQ(batches[1], (std::vector<int>{1, 2, 3, 4}));  // at most max_batch, oldest first
    EXPECT_EQ(batches[2], (std::vector<int>{5, 6}));
    for (std::size_t i = 0; i < 7; ++i) EXPECT_EQ(jobs[i].batch, i == 0 ? 1 : i <= 4 ? 2 : 3) << i;
}

TEST(GroupCommit, ABatchErrorReachesEveryJobOfThatBatchOnly) {
    std::promise<void> release_first, first_started;
    std::shared_future<void> first_may_finish = release_first.get_future().share();
    int batches = 0;
    service::GroupCommit<Job> commit(8, 1, [&](const std::vector<Job*>& jobs) {
        ++batches;
        if (batches == 1) {
            first_started.set_value();
            first_may_finish.wait();
            return;
        }
        for (Job* job : jobs) job->batch = batches;
        throw std::runtime_error("disk full");
    });
    Job first{0}, second{1}, third{2};
    std::thread a([&] { commit.submit(first); });
    first_started.get_future().wait();
    std::atomic<int> failures{0};
    auto submitCountingFailure = [&](Job& job) {
        try {
            commit.submit(job);
        } catch (const std::runtime_error&) {
            ++failures;
        }
    };
    std::thread b([&] { submitCountingFailure(second); });
    waitQueued(commit, 1);
    std::thread c([&] { submitCountingFailure(third); });
    waitQueued(commit, 2);
    release_first.set_value();
    a.join();
    b.join();
    c.join();
    EXPECT_EQ(batches, 2);
    EXPECT_EQ(failures.load(), 2);
    EXPECT_EQ(second.batch, 2);
    EXPECT_EQ(third.batch, 2);
}

/// A lane with gathering that never times out in a test run: what ends a wait is the queue or
/// the other batch, so a broken rule hangs the test (and CTest's timeout fails it).
constexpr std::chrono::hours kForever{1};

TEST(GroupCommit, WithGatheringALoneJobStillRunsAtOnce) {
    std::vector<std::size_t> sizes;
    service::GroupCommit<Job> commit(
        8, 2, [&](const std::vector<Job*>& jobs) { sizes.push_back(jobs.size()); }, {kForever, 3});
    Job job{1};
    commit.submit(job);
    EXPECT_EQ(sizes, std::vector<std::size_t>{1});
}

/// Runs `commit`'s first batch blocked until `release` is set; records every batch's values.
struct BlockedFirstBatch {
    std::promise<void> release, started;
    std::shared_future<void> may_finish = release.get_future().share();
    std::mutex mutex;
    std::vector<std::vector<int>> batches;

    void run(const std::vector<Job*>& jobs) {
        std::vector<int> values;
        for (Job* job : jobs) values.push_back(job->value);
        bool first = false;
        {
            const std::lock_guard lock(mutex);
            batches.push_back(values);
            first = batches.size() == 1;
        }
        if (first) {
            started.set_value();
            may_finish.wait();
        }
    }
};

TEST(GroupCommit, WhileABatchIsWrittenTheNextLeaderWaitsUntilEnoughJobsAreQueued) {
    BlockedFirstBatch lane;
    service::GroupCommit<Job> commit(
        8, 2, [&](const std::vector<Job*>& jobs) { lane.run(jobs); }, {kForever, 3});
    std::vector<Job> jobs(4);
    for (int i = 0; i < 4; ++i) jobs[static_cast<std::size_t>(i)].value = i;
    std::vector<std::thread> threads;
    threads.emplace_back([&] { commit.submit(jobs[0]); });
    lane.started.get_future().wait();
    // Job 1 finds a leader's place free but a batch being written: it waits, still queued.
    for (std::size_t i = 1; i < 4; ++i) {
        threads.emplace_back([&, i] { commit.submit(jobs[i]); });
        if (i < 3) waitQueued(commit, i);
    }
    // The third queued job is enough: the second batch runs with all three while the first is
    // still blocked.
    for (std::size_t i = 1; i < 4; ++i) threads[i].join();
    lane.release.set_value();
    threads[0].join();
    ASSERT_EQ(lane.batches.size(), 2u);
    EXPECT_EQ(lane.batches[0], std::vector<int>{0});
    EXPECT_EQ(lane.batches[1], (std::vector<int>{1, 2, 3}));
}

TEST(GroupCommit, AGatheringLeaderStopsWaitingWhenTheOtherBatchEnds) {
    BlockedFirstBatch lane;
    service::GroupCommit<Job> commit(
        8, 2, [&](const std::vector<Job*>& jobs) { lane.run(jobs); }, {kForever, 5});
    Job first{0}, second{1};
    std::thread a([&] { commit.submit(first); });
    lane.started.get_future().wait();
    std::thread b([&] { commit.submit(second); });
    waitQueued(commit, 1);
    lane.release.set_value();
    a.join();
    b.join();  // far fewer than five queued: only the end of the first batch lets it go
    ASSERT_EQ(lane.batches.size(), 2u);
    EXPECT_EQ(lane.batches[1], std::vector<int>{1});
}

/// 400 jobs from 8 threads through batches of at most 5 and 2 leaders.
void runManyThreads(service::GroupCommit<Job>::Gather gather) {
    std::atomic<int> runs{0};
    std::atomic<int> running{0};
    std::atomic<int> most_running{0};
    service::GroupCommit<Job> commit(5, 2, [&](const std::vector<Job*>& jobs) {
        const int now = ++running;
        int seen = most_running.load();
        while (now > seen && !most_running.compare_exchange_weak(seen, now)) {
        }
        EXPECT_LE(jobs.size(), 5u);
        for (Job* job : jobs) {
            ++job->batch;
            ++runs;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        --running;
    }, gather);
    std::vector<Job> jobs(400);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = static_cast<std::size_t>(t); i < jobs.size(); i += 8) {
                commit.submit(jobs[i]);
                EXPECT_EQ(jobs[i].batch, 0);  // ran once: -1 + 1
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(runs.load(), 400);
    EXPECT_LE(most_running.load(), 2);  // never more batches at once than leaders
    for (const Job& job : jobs) EXPECT_EQ(job.batch, 0);
}

TEST(GroupCommit, ManyThreadsEachJobRunsExactlyOnce) { runManyThreads({}); }

TEST(GroupCommit, ManyThreadsWithGatheringEachJobRunsExactlyOnce) {
    runManyThreads({std::chrono::microseconds(300), 3});
}

}  // namespace
}  // namespace motcua
