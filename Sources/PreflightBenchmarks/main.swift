import Foundation

/// Benchmarks print their figures; see README.md for how to run them.
print("preflight-bench: no benchmarks yet")
