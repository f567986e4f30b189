import PythonPackaging

/// What a release's wheels cover, in plain language: "wheels for cp37–cp311 on
/// manylinux_2_17 x86_64/aarch64 and musllinux_1_1 x86_64; none for cp314".
enum WheelOffer {
    /// The interpreters and platforms of `wheels`, then what `target` lacks.
    static func summary(of wheels: [Wheel], target: CheckTarget) -> String {
        let platformWheels = wheels.filter(ReleaseFiles.isPlatformWheel)
        guard !platformWheels.isEmpty else {
            return wheels.isEmpty ? "no wheels" : "only pure-Python wheels (\(pythons(wheels)))"
        }
        var text = "wheels for \(pythons(platformWheels)) on \(platforms(platformWheels))"
        if let missing = missing(platformWheels, target: target) { text += "; none for \(missing)" }
        return text
    }

    // MARK: - Interpreters

    /// `cp27, cp37–cp311, cp39-abi3 (any later CPython), cp313t, PyPy` as the tags say.
    static func pythons(_ wheels: [Wheel]) -> String {
        var cpython: Set<Int> = []
        var freeThreaded: Set<Int> = []
        var stableABI: Set<Int> = []
        var legacy: Set<String> = []
        var others: Set<String> = []
        for tag in wheels.lazy.flatMap(\.tagSet.tags) {
            if let minor = cpythonMinor(tag.interpreter) {
                if tag.abi == "abi3" {
                    stableABI.insert(minor)
                } else if tag.abi.hasSuffix("t") && tag.abi.hasPrefix("cp") {
                    freeThreaded.insert(minor)
                } else {
                    cpython.insert(minor)
                }
            } else if tag.interpreter.hasPrefix("cp2") {
                legacy.insert(tag.interpreter)
            } else if tag.interpreter.hasPrefix("pp") {
                others.insert("PyPy")
            } else {
                others.insert(tag.interpreter)
            }
        }
        var parts = legacy.sorted() + runs(cpython)
        if let oldest = stableABI.min() { parts.append("cp3\(oldest)-abi3 (any later CPython)") }
        parts += freeThreaded.sorted().map { "cp3\($0)t" }
        parts += others.sorted()
        return parts.isEmpty ? "no Python" : list(parts)
    }

    /// The minor version of a `cp3N` interpreter tag.
    static func cpythonMinor(_ interpreter: String) -> Int? {
        guard interpreter.hasPrefix("cp3"), interpreter.count <= 5 else { return nil }
        return Int(interpreter.dropFirst(3))
    }

    /// Consecutive minors as ranges: `cp37–cp311, cp313`.
    private static func runs(_ minors: Set<Int>) -> [String] {
        var result: [String] = []
        var sorted = minors.sorted()[...]
        while let first = sorted.popFirst() {
            var last = first
            while sorted.first == last + 1 { last = sorted.removeFirst() }
            result.append(first == last ? "cp3\(first)" : "cp3\(first)–cp3\(last)")
        }
        return result
    }

    // MARK: - Platforms

    /// `manylinux_2_17 x86_64/aarch64, musllinux_1_1 x86_64, macOS and Windows`: Linux
    /// platforms in detail (the images Preflight checks for), others by family.
    static func platforms(_ wheels: [Wheel]) -> String {
        var linux: [(family: String, architectures: [String])] = []
        var families: [String] = []
        for wheel in wheels {
            // A wheel's oldest Linux tag per architecture says where it installs.
            var oldest: [String: (family: String, order: (Int, Int, Int))] = [:]
            for tag in wheel.tagSet.tags where tag.platform != "any" {
                guard let (family, architecture) = linuxPlatform(tag.platform) else {
                    let other = otherFamily(tag.platform)
                    if !families.contains(other) { families.append(other) }
                    continue
                }
                let order = familyOrder(family)
                let key = "\(order.0) \(architecture)"
                if let known = oldest[key], known.order < order { continue }
                oldest[key] = (family, order)
            }
            for (key, entry) in oldest {
                let architecture = String(key.drop { $0 != " " }.dropFirst())
                if let index = linux.firstIndex(where: { $0.family == entry.family }) {
                    if !linux[index].architectures.contains(architecture) {
                        linux[index].architectures.append(architecture)
                    }
                } else {
                    linux.append((entry.family, [architecture]))
                }
            }
        }
        linux.sort { familyOrder($0.family) < familyOrder($1.family) }
        let detailed = linux.map {
            "\($0.family) " + $0.architectures.sorted(by: architectureOrder).joined(separator: "/")
        }
        let order = ["macOS", "Windows", "other platforms"]
        let others = families.sorted {
            (order.firstIndex(of: $0) ?? order.count) < (order.firstIndex(of: $1) ?? order.count)
        }
        return list(detailed + others)
    }

    /// x86_64, then aarch64, then the others alphabetically.
    private static func architectureOrder(_ lhs: String, _ rhs: String) -> Bool {
        let first = ["x86_64", "aarch64"]
        let left = first.firstIndex(of: lhs) ?? first.count
        let right = first.firstIndex(of: rhs) ?? first.count
        return left != right ? left < right : lhs < rhs
    }

    private static let legacyManylinux = [
        "manylinux1": "manylinux_2_5", "manylinux2010": "manylinux_2_12",
        "manylinux2014": "manylinux_2_17",
    ]

    /// `manylinux_2_17`, `x86_64` for `manylinux2014_x86_64`; `nil` for other systems.
    static func linuxPlatform(_ platform: String) -> (family: String, architecture: String)? {
        for (legacy, modern) in legacyManylinux where platform.hasPrefix(legacy + "_") {
            return (modern, String(platform.dropFirst(legacy.count + 1)))
        }
        let parts = platform.split(separator: "_", maxSplits: 3)
        if (parts.first == "manylinux" || parts.first == "musllinux") && parts.count == 4 {
            return ("\(parts[0])_\(parts[1])_\(parts[2])", String(parts[3]))
        }
        if parts.first == "linux" && parts.count >= 2 {
            return ("linux", String(platform.dropFirst("linux_".count)))
        }
        return nil
    }

    private static func otherFamily(_ platform: String) -> String {
        if platform.hasPrefix("macosx") { return "macOS" }
        if platform.hasPrefix("win") { return "Windows" }
        return "other platforms"
    }

    /// manylinux newest first, then musllinux newest first, then plain linux.
    private static func familyOrder(_ family: String) -> (Int, Int, Int) {
        let parts = family.split(separator: "_")
        let kind = parts.first == "manylinux" ? 0 : parts.first == "musllinux" ? 1 : 2
        let major = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let minor = parts.count > 2 ? Int(parts[2]) ?? 0 : 0
        return (kind, -major, -minor)
    }

    // MARK: - What the target lacks

    /// `cp314`, `musllinux x86_64`, or `cp314 on musllinux x86_64`: what no wheel
    /// offers; `nil` when some wheel fits.
    static func missing(_ wheels: [Wheel], target: CheckTarget) -> String? {
        let environment = target.environment
        let tags = wheels.flatMap(\.tagSet.tags)
        guard !tags.contains(where: { environment.rank(of: $0) != nil }) else { return nil }
        let platformTags = Set(environment.platform.platformTags)
        let bestPlatform = environment.platform.primaryPlatformTag
        let fitsInterpreter = tags.contains {
            environment.rank(
                of: WheelTag(interpreter: $0.interpreter, abi: $0.abi, platform: bestPlatform))
                != nil
        }
        let fitsPlatform = tags.contains { platformTags.contains($0.platform) }
        let python =
            target.environment.python.isFreeThreaded
            ? target.environment.python.abiTag : target.environment.python.interpreterTag
        let platform = platformFamily(of: target)
        switch (fitsInterpreter, fitsPlatform) {
        case (true, _): return platform
        case (false, true): return python
        case (false, false): return "\(python) on \(platform)"
        }
    }

    /// `manylinux x86_64`, `musllinux aarch64`, or the platform tag for other systems.
    static func platformFamily(of target: CheckTarget) -> String {
        let platform = target.environment.platform
        switch platform.kind {
        case .manylinux: return "manylinux \(platform.architecture)"
        case .musllinux: return "musllinux \(platform.architecture)"
        default: return target.platformTag
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
