/// A counting semaphore for async code: at most `limit` holders at a time, the rest
/// wait in arrival order.
actor AsyncLimiter {
    private let limit: Int
    private var holders = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// A limiter admitting `limit` holders (at least one).
    init(limit: Int) { self.limit = max(1, limit) }

    /// Waits for a free slot and takes it.
    func acquire() async {
        if holders < limit {
            holders += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Gives the slot back, handing it straight to the longest waiter.
    func release() {
        if waiters.isEmpty {
            holders -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }

}
