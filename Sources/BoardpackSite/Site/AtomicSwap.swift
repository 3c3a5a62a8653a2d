import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Swaps two folders in one step, so readers see either the old site or the new one.
///
/// Linux's `renameat2(…, RENAME_EXCHANGE)` does it atomically. Swift's Glibc module does not
/// declare `renameat2` (it is behind `_GNU_SOURCE`), so it is looked up in the C library
/// at run time rather than adding C code to the package.
enum AtomicSwap {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    static let renameExchange: UInt32 = 1 << 1

    /// Exchanges the folders at `a` and `b`. Returns false when the kernel or C library
    /// cannot (the caller then falls back to two renames).
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
            return false
        #endif
    }
}
