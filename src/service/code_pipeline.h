#pragma once
/// Lets intake batches of one lane overlap although dossier codes are gapless daily sequences
/// (TT 01/2018 Đ19). A batch must reserve its codes in the transaction that writes them, and the
/// sequence row stays locked until that transaction commits; reserving first, as a lone batch
/// does, makes the next batch of the agency wait for the whole of this one.
///
/// The pipeline predicts instead. Each batch takes a ticket when it is formed, and for each
/// (agency, day) it needs codes for, the first sequence number it will get if every earlier
/// batch commits: the previous batch's range follows on. A predicted batch writes all its rows
/// with those codes first, then, in ticket order, reserves with a conditional update that
/// succeeds only if the sequence stands where it predicted, and commits. So the next batch's
/// inserts run while this one waits for its reservation and commit.
///
/// The conditional update makes a wrong prediction harmless: the batch rolls back and is
/// written the classic way (reserve, then write). Predictions are only known after a classic
/// batch reserved and told the real value, counting the classic batches planned after it; a
/// failed batch forgets them (`forget`).
///
/// Every ticket must be passed exactly once, also by a batch that fails, or later batches wait
/// for ever: `Turn` passes on destruction.
///
/// A predicted batch waits for its turn while holding the rows it wrote. Another writer of the
/// database (a second server) can wait for one of those rows while an earlier batch here waits
/// for that writer: a cycle the database cannot see. So a predicted batch waits for its turn
/// only a while (`await` with a timeout), then gives up and is written the classic way.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <iterator>
#include <set>
#include <utility>
#include <vector>

namespace motcua::service {

class CodePipeline {
public:
    /// (agency id, local day as days since 1970-01-01)
    using Key = std::pair<std::int64_t, std::int64_t>;

    struct Need {
        Key key;
        std::int64_t count = 0;
    };

    struct Plan {
        std::uint64_t ticket = 0;
        /// For each need, in order: the predicted first sequence number, or none.
        std::vector<std::optional<std::int64_t>> firsts;

        bool allPredicted() const {
            for (const auto& first : firsts) {
                if (!first) return false;
            }
            return true;
        }
    };

    /// Takes the next ticket and predicts each need's first number. Call with the needs of one
    /// batch, each key once.
    Plan plan(const std::vector<Need>& needs) {
        std::lock_guard lock(mutex_);
        if (keys_.size() > kMaxKeys) dropIdleKeys();
        Plan out{next_ticket_++, {}};
        for (const Need& need : needs) {
            KeyState& state = keys_[need.key];
            out.firsts.push_back(state.next_first);
            if (state.next_first) {
                *state.next_first += need.count;
            } else if (state.unpredicted.size() < kMaxUnpredicted) {
                state.unpredicted[out.ticket] = need.count;
            } else {
                state.uncounted_through = out.ticket;
            }
            state.last_ticket = out.ticket;
        }
        return out;
    }

    /// A classic reservation of `ticket` ended at `last` for `key`, and committed. Classic
    /// batches reserve in ticket order, so the batches planned after it without a prediction
    /// (they reserve the classic way too) take the numbers that follow, and the next batch may
    /// predict from the end of theirs. Under steady load some later batch has always planned
    /// by the time a classic one commits: counting them is what lets the lane leave the classic
    /// way at all. A word that comes after a later ticket's, or while predictions stand, is
    /// stale and changes nothing.
    void reserved(std::uint64_t ticket, const Key& key, std::int64_t last) {
        std::lock_guard lock(mutex_);
        KeyState& state = keys_[key];
        if (ticket <= state.last_reserved) return;
        state.last_reserved = ticket;
        state.unpredicted.erase(state.unpredicted.begin(), state.unpredicted.upper_bound(ticket));
        if (state.next_first || ticket < state.uncounted_through) return;
        std::int64_t next = last + 1;
        for (const auto& entry : state.unpredicted) next += entry.second;
        state.next_first = next;
    }

    /// Drops the predictions of `key`: the batch of `ticket` failed or mispredicted, so the
    /// numbers after it are not known; it will not reserve any more. The next batch reserves
    /// the classic way.
    void forget(const Key& key, std::uint64_t ticket) {
        std::lock_guard lock(mutex_);
        KeyState& state = keys_[key];
        state.next_first.reset();
        state.unpredicted.erase(ticket);
    }

    /// Waits until every earlier ticket has passed.
    void await(std::uint64_t ticket) {
        std::unique_lock lock(mutex_);
        turn_changed_.wait(lock, [&] { return turn_ >= ticket; });
    }

    /// The same, for at most `timeout`; returns false when earlier tickets are still out.
    bool await(std::uint64_t ticket, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        return turn_changed_.wait_for(lock, timeout, [&] { return turn_ >= ticket; });
    }

    /// Lets later tickets go. Passing a ticket twice is harmless.
    void pass(std::uint64_t ticket) {
        std::lock_guard lock(mutex_);
        if (ticket < turn_) return;
        passed_.insert(ticket);
        while (!passed_.empty() && *passed_.begin() == turn_) {
            passed_.erase(passed_.begin());
            ++turn_;
        }
        turn_changed_.notify_all();
    }

    /// Passes its ticket at the latest when it goes out of scope.
    class Turn {
    public:
        Turn(CodePipeline& pipeline, std::uint64_t ticket) : pipeline_(pipeline), ticket_(ticket) {}
        ~Turn() { pipeline_.pass(ticket_); }
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;
        void await() { pipeline_.await(ticket_); }
        bool await(std::chrono::milliseconds timeout) { return pipeline_.await(ticket_, timeout); }
        void pass() { pipeline_.pass(ticket_); }

    private:
        CodePipeline& pipeline_;
        std::uint64_t ticket_;
    };

    /// The lowest ticket not yet passed (tests).
    std::uint64_t turn() const {
        std::lock_guard lock(mutex_);
        return turn_;
    }

private:
    static constexpr std::size_t kMaxKeys = 4096;  ///< agencies × days remembered at most
    /// Unpredicted batches counted per key at most; a key with more in flight predicts again
    /// only after a reservation planned after the last of them.
    static constexpr std::size_t kMaxUnpredicted = 64;

    /// Forgets the keys no batch in flight planned for (past days, mostly): they lose only
    /// their prediction.
    void dropIdleKeys() {
        for (auto it = keys_.begin(); it != keys_.end();) {
            it = it->second.last_ticket < turn_ ? keys_.erase(it) : std::next(it);
        }
    }

    struct KeyState {
        std::optional<std::int64_t> next_first;
        std::uint64_t last_ticket = 0;    ///< the latest batch planned for the key
        std::uint64_t last_reserved = 0;  ///< the latest classic reservation told
        /// Batches planned while nothing was predicted, not yet reserved: ticket → count.
        std::map<std::uint64_t, std::int64_t> unpredicted;
        std::uint64_t uncounted_through = 0;  ///< the latest unpredicted batch not counted
    };

    mutable std::mutex mutex_;
    std::condition_variable turn_changed_;
    std::uint64_t next_ticket_ = 1;
    std::uint64_t turn_ = 1;
    std::set<std::uint64_t> passed_;
    std::map<Key, KeyState> keys_;
};

}  // namespace motcua::service
