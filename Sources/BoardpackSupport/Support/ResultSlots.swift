/// Fixed slots filled from several threads, one writer per slot.
package final class ResultSlots<T>: @unchecked Sendable {
    // Safe: the buffer is allocated once and never resized; each index is written by exactly
    // one iteration of `concurrentPerform`, and values are read only after it returns.
    private let buffer: UnsafeMutableBufferPointer<T?>

    package init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    package func set(_ index: Int, _ value: T) { buffer[index] = value }

    package var values: [T] { buffer.map { $0! } }
}
