// Contract: a batch's predicted first numbers follow the previous batches' ranges once a classic
// reservation told where the sequence stands, counting the classic batches planned after it
// (not a failed one); a stale word changes nothing; a forgotten key predicts nothing; tickets
// pass in order, whatever order their batches finish in.

#include "service/code_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace motcua {
namespace {

using service::CodePipeline;

const CodePipeline::Key kDesk{6, 20'775};   // agency 6, 2026-11-18
const CodePipeline::Key kOther{15, 20'775};

TEST(CodePipeline, NothingIsPredictedBeforeAReservationToldWhereTheSequenceStands) {
    CodePipeline pipeline;
    const auto first = pipeline.plan({{kDesk, 3}});
    EXPECT_EQ(first.ticket, 1u);
    ASSERT_EQ(first.firsts.size(), 1u);
    EXPECT_FALSE(first.firsts[0]);
    EXPECT_FALSE(first.allPredicted());
}

TEST(CodePipeline, BatchesPlannedAfterAReservationFollowItsRangeAndEachOther) {
    CodePipeline pipeline;
    const auto classic = pipeline.plan({{kDesk, 3}});
    pipeline.reserved(classic.ticket, kDesk, 12);  // it got 10, 11, 12
    const auto a = pipeline.plan({{kDesk, 2}});
    const auto b = pipeline.plan({{kDesk, 4}, {kOther, 1}});
    const auto c = pipeline.plan({{kDesk, 1}});
    EXPECT_EQ(a.firsts[0], 13);
    EXPECT_EQ(b.firsts[0], 15);
    EXPECT_FALSE(b.firsts[1]);  // the other agency has not been reserved yet
    EXPECT_FALSE(b.allPredicted());
    EXPECT_EQ(c.firsts[0], 19);
    EXPECT_EQ(c.ticket, 4u);
}

TEST(CodePipeline, AReservationCountsTheClassicBatchesPlannedAfterIt) {
    CodePipeline pipeline;
    const auto first = pipeline.plan({{kDesk, 2}});
    const auto second = pipeline.plan({{kDesk, 5}});  // planned while the first was unreserved: classic too
    EXPECT_FALSE(second.firsts[0]);
    pipeline.reserved(first.ticket, kDesk, 2);  // it got 1, 2; the second reserves 3 … 7 after it
    const auto third = pipeline.plan({{kDesk, 1}});
    EXPECT_EQ(third.firsts[0], 8);
    pipeline.reserved(second.ticket, kDesk, 7);  // as counted: the predictions stand
    EXPECT_EQ(pipeline.plan({{kDesk, 1}}).firsts[0], 9);
}

TEST(CodePipeline, AFailedClassicBatchIsNotCountedAndAStaleWordChangesNothing) {
    CodePipeline pipeline;
    const auto first = pipeline.plan({{kDesk, 2}});
    const auto second = pipeline.plan({{kDesk, 5}});
    const auto third = pipeline.plan({{kDesk, 1}});
    pipeline.forget(kDesk, second.ticket);  // it rolled back: it takes no numbers
    pipeline.reserved(first.ticket, kDesk, 2);
    EXPECT_EQ(pipeline.plan({{kDesk, 1}}).firsts[0], 4);  // after the third's 3
    // The third commits and tells, after a later batch already reserved: stale.
    const auto fifth = pipeline.plan({{kDesk, 1}});
    pipeline.forget(kDesk, fifth.ticket);
    const auto sixth = pipeline.plan({{kDesk, 1}});
    EXPECT_FALSE(sixth.firsts[0]);
    pipeline.reserved(sixth.ticket, kDesk, 30);
    pipeline.reserved(third.ticket, kDesk, 3);
    EXPECT_EQ(pipeline.plan({{kDesk, 1}}).firsts[0], 31);
}

TEST(CodePipeline, AKeyWithTooManyUncountedBatchesWaitsForAReservationAfterTheLastOfThem) {
    CodePipeline pipeline;
    std::vector<CodePipeline::Plan> plans;
    for (int i = 0; i < 80; ++i) plans.push_back(pipeline.plan({{kDesk, 1}}));
    pipeline.reserved(plans[0].ticket, kDesk, 1);
    EXPECT_FALSE(pipeline.plan({{kDesk, 1}}).firsts[0]);  // some of the 79 after it went uncounted
    pipeline.reserved(plans[79].ticket, kDesk, 80);
    // Ticket 81 planned unpredicted, after the last uncounted one: counted.
    EXPECT_EQ(pipeline.plan({{kDesk, 1}}).firsts[0], 82);
}

TEST(CodePipeline, AForgottenKeyPredictsNothingUntilReservedAgain) {
    CodePipeline pipeline;
    const auto classic = pipeline.plan({{kDesk, 1}});
    pipeline.reserved(classic.ticket, kDesk, 1);
    EXPECT_EQ(pipeline.plan({{kDesk, 1}}).firsts[0], 2);
    pipeline.forget(kDesk, 2);
    const auto after = pipeline.plan({{kDesk, 1}});
    EXPECT_FALSE(after.firsts[0]);
    pipeline.reserved(after.ticket, kDesk, 40);
    EXPECT_EQ(pipeline.plan({{kDesk, 1}}).firsts[0], 41);
}

TEST(CodePipeline, TicketsPassInOrderWhateverOrderTheirBatchesFinishIn) {
    CodePipeline pipeline;
    const auto t1 = pipeline.plan({{kDesk, 1}}).ticket;
    const auto t2 = pipeline.plan({{kDesk, 1}}).ticket;
    const auto t3 = pipeline.plan({{kDesk, 1}}).ticket;
    EXPECT_EQ(pipeline.turn(), t1);
    pipeline.pass(t3);  // finished first (it failed early, say)
    pipeline.pass(t2);
    EXPECT_EQ(pipeline.turn(), t1);  // still waiting for the first
    pipeline.pass(t1);
    EXPECT_EQ(pipeline.turn(), t3 + 1);
    pipeline.pass(t2);  // a second pass changes nothing
    EXPECT_EQ(pipeline.turn(), t3 + 1);
}

TEST(CodePipeline, AwaitReturnsOnlyWhenEveryEarlierTicketPassedAndATurnPassesWhenDestroyed) {
    CodePipeline pipeline;
    const auto t1 = pipeline.plan({{kDesk, 1}}).ticket;
    const auto t2 = pipeline.plan({{kDesk, 1}}).ticket;
    std::atomic<bool> second_went{false};
    std::thread second([&] {
        CodePipeline::Turn turn(pipeline, t2);
        turn.await();
        second_went = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(second_went.load());
    {
        CodePipeline::Turn first(pipeline, t1);
        first.await();  // its own turn: returns at once
    }  // passes here, without an explicit pass()
    second.join();
    EXPECT_TRUE(second_went.load());
    EXPECT_EQ(pipeline.turn(), t2 + 1);
}

TEST(CodePipeline, ABoundedAwaitGivesUpWhileAnEarlierTicketIsOut) {
    CodePipeline pipeline;
    const auto t1 = pipeline.plan({{kDesk, 1}}).ticket;
    const auto t2 = pipeline.plan({{kDesk, 1}}).ticket;
    EXPECT_FALSE(pipeline.await(t2, std::chrono::milliseconds(20)));
    EXPECT_TRUE(pipeline.await(t1, std::chrono::milliseconds(20)));
    pipeline.pass(t1);
    EXPECT_TRUE(pipeline.await(t2, std::chrono::milliseconds(20)));
}

TEST(CodePipeline, ManyThreadsReserveInTicketOrder) {
    CodePipeline pipeline;
    constexpr int kBatches = 200;
    std::vector<std::uint64_t> order;
    std::mutex mutex;
    std::vector<std::thread> threads;
    std::vector<std::uint64_t> tickets;
    for (int i = 0; i < kBatches; ++i) tickets.push_back(pipeline.plan({{kDesk, 1}}).ticket);
    for (int i = kBatches - 1; i >= 0; --i) {  // started in reverse order
        threads.emplace_back([&, i] {
            CodePipeline::Turn turn(pipeline, tickets[static_cast<std::size_t>(i)]);
            turn.await();
            const std::lock_guard lock(mutex);
            order.push_back(tickets[static_cast<std::size_t>(i)]);
        });
    }
    for (auto& t : threads) t.join();
    ASSERT_EQ(order.size(), tickets.size());
    EXPECT_EQ(order, tickets);
}

}  // namespace
}  // namespace motcua
