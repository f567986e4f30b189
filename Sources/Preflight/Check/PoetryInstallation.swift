import Poetry
import PythonPackaging

/// Which locked packages `poetry install` puts into a target, through which groups,
/// and which requirements pull each one in.
///
/// Walks from the project's dependencies in the chosen groups through the lock: a
/// requirement is followed when its marker holds in the target (with `extra` bound to
/// each extra asked of the requiring package), its `python` restriction allows the
/// target and, when optional, an active extra of the requiring package names it. When a
/// name is locked several times, the versions the requirement allows are kept, then
/// those whose lock `markers` hold for the group being walked. A package is walked once
/// per group, and again when reached with extras it did not have.
///
/// This follows the ground-truth rules of Fixtures/README.md; `Poetry.LockGraph`
/// answers a neighbouring question (one walk for all groups, edges without the extras
/// that a package's `[package.extras]` entries ask of their packages).
struct PoetryInstallation {
    /// A requirement that reached a package: from the project (`parent` nil) or from
    /// the locked package at index `parent`.
    struct Inbound: Hashable {
        var parent: Int?
        var requirement: String
    }

    /// The lock walked.
    let lock: PoetryLock
    /// The project's normalized name, for chains.
    let projectName: String
    /// The project's version, for chains.
    let projectVersion: String?
    /// The normalized groups each installed package is reached through, by lock index.
    private(set) var groupsByPackage: [Int: Set<String>] = [:]
    /// The requirements that reached each installed package, in the order met.
    private(set) var inbound: [Int: [Inbound]] = [:]
    /// Project or package requirements naming a package the lock does not have.
    private(set) var missing: Set<String> = []
    /// The project's own requirements (that apply on the target) naming a package the
    /// lock does not have.
    private(set) var missingRoots: Set<String> = []

    private let target: CheckTarget
    private var markers: MarkerCache
    private var packagesByName: [String: [Int]] = [:]
    private var edges: [[WalkEdge]?]
    private var extrasTables: [[String: [String]]?]
    private var parsedRequirements: [String: (name: String, extras: Set<String>)] = [:]
    private var walked: [WalkKey: Set<String>] = [:]
    private var seenInbound: Set<InboundKey> = []

    /// Walks `lock` from the dependencies of `groups` (normalized names) of `pyproject`.
    init(
        lock: PoetryLock, pyproject: Pyproject, groups: [String], target: CheckTarget,
        projectName: String, projectVersion: String?
    ) {
        self.lock = lock
        self.target = target
        self.projectName = projectName
        self.projectVersion = projectVersion
        markers = MarkerCache(environment: target.markerEnvironment)
        edges = Array(repeating: nil, count: lock.packages.count)
        extrasTables = Array(repeating: nil, count: lock.packages.count)
        for (index, package) in lock.packages.enumerated() {
            packagesByName[package.normalizedName, default: []].append(index)
        }

        // Seed with the project's own requirements that apply, group by group.
        var stack: [(index: Int, extras: Set<String>, group: String)] = []
        for group in groups {
            for dependency in pyproject.dependencies(inGroup: group)
            where !dependency.isOptional && rootApplies(dependency) {
                let name = PackageName.normalize(dependency.name)
                let requirement = requirementText(
                    dependency.name, dependency.extras, dependency.constraint)
                let extras = Set(dependency.extras.map(PackageName.normalize))
                if packagesByName[name] == nil { missingRoots.insert(name) }
                for index in matches(name, constraint: dependency.constraint, group: group) {
                    record(index, Inbound(parent: nil, requirement: requirement))
                    stack.append((index, extras, group))
                }
            }
        }

        // Follow requirements until every package is walked with all its extras.
        while let (index, extras, group) = stack.popLast() {
            let key = WalkKey(index: index, group: group)
            let known = walked[key]
            if let known, extras.isSubset(of: known) { continue }
            let active = selfExpanded(index, extras.union(known ?? []))
            walked[key] = active
            groupsByPackage[index, default: []].insert(group)

            let wanted = extrasWanted(of: index, active: active)
            for edge in edgesOf(index) {
                if edge.isOptional && wanted[edge.name] == nil { continue }
                guard edgeHolds(edge, extras: active) else { continue }
                let childExtras = edge.extras.union(wanted[edge.name] ?? [])
                for child in matches(edge.name, constraint: edge.constraint, group: group) {
                    record(child, Inbound(parent: index, requirement: edge.requirement))
                    stack.append((child, childExtras, group))
                }
            }
        }
    }

    // MARK: - Steps of the walk

    /// Whether a project dependency applies: its marker, `python` and `platform`.
    private mutating func rootApplies(_ dependency: PoetryDependency) -> Bool {
        if let python = dependency.python,
            !Constraints.pythonAllows(python, target.pythonVersion)
        {
            return false
        }
        if let platform = dependency.platform,
            !Constraints.platformAllows(platform, target.sysPlatform)
        {
            return false
        }
        return markers.holds(dependency.markers, extras: [])
    }

    /// The locked entries a requirement on `name` selects in `group`.
    private mutating func matches(_ name: String, constraint: String, group: String) -> [Int] {
        guard var candidates = packagesByName[name] else {
            missing.insert(name)
            return []
        }
        if candidates.count > 1 {
            let allowed = candidates.filter {
                Constraints.allows(constraint, version: lock.packages[$0].version)
            }
            if !allowed.isEmpty { candidates = allowed }
        }
        return candidates.filter { lockMarkerHolds($0, group: group) }
    }

    /// Whether a package's lock `markers` hold for `group`.
    private mutating func lockMarkerHolds(_ index: Int, group: String) -> Bool {
        switch lock.packages[index].markers {
        case .unconditional:
            return true
        case .all(let marker):
            return markers.holds(marker, extras: [])
        case .perGroup(let table):
            guard let entry = table.first(where: { PackageName.normalize($0.group) == group })
            else { return true }
            return markers.holds(entry.marker, extras: [])
        }
    }

    /// Whether a requirement of a package asked for with `extras` applies.
    private mutating func edgeHolds(_ edge: WalkEdge, extras: Set<String>) -> Bool {
        guard markers.holds(edge.marker, extras: extras) else { return false }
        if let python = edge.python, !Constraints.pythonAllows(python, target.pythonVersion) {
            return false
        }
        return true
    }

    /// The packages that the active extras of package `index` ask for, with the extras
    /// each asks of them.
    private mutating func extrasWanted(of index: Int, active: Set<String>) -> [String: Set<String>]
    {
        var result: [String: Set<String>] = [:]
        for extra in active {
            for requirement in extraRequirements(of: index, extra) {
                result[requirement.name, default: []].formUnion(requirement.extras)
            }
        }
        return result
    }

    /// `extras` with those an extra asks of the package itself (dask's `complete =
    /// ["dask[array,dataframe]", …]`), as Poetry and pip install them.
    private mutating func selfExpanded(_ index: Int, _ extras: Set<String>) -> Set<String> {
        let name = lock.packages[index].normalizedName
        var active = extras
        var pending = Array(extras)
        while let extra = pending.popLast() {
            for requirement in extraRequirements(of: index, extra) where requirement.name == name {
                for added in requirement.extras where active.insert(added).inserted {
                    pending.append(added)
                }
            }
        }
        return active
    }

    /// The requirements `[package.extras]` lists for one extra (normalized) of package
    /// `index`, as names with extras, read once.
    private mutating func extraRequirements(of index: Int, _ extra: String)
        -> [(name: String, extras: Set<String>)]
    {
        if extrasTables[index] == nil {
            var table: [String: [String]] = [:]
            for (extra, requirements) in lock.packages[index].extras {
                table[PackageName.normalize(extra), default: []] += requirements
            }
            extrasTables[index] = table
        }
        return (extrasTables[index]?[extra] ?? []).map { requirement in
            if let known = parsedRequirements[requirement] { return known }
            let parsed = Self.nameAndExtras(requirement)
            parsedRequirements[requirement] = parsed
            return parsed
        }
    }

    /// The requirements of package `index`, read once.
    private mutating func edgesOf(_ index: Int) -> [WalkEdge] {
        if let known = edges[index] { return known }
        let built = lock.packages[index].dependencies.map(WalkEdge.init)
        edges[index] = built
        return built
    }

    private mutating func record(_ index: Int, _ entry: Inbound) {
        guard seenInbound.insert(InboundKey(child: index, inbound: entry)).inserted else {
            return
        }
        inbound[index, default: []].append(entry)
    }

    /// The normalized name and extras of a PEP 508 string such as
    /// `uvicorn[standard] (>=0.12)`, read leniently when it does not parse.
    static func nameAndExtras(_ text: String) -> (name: String, extras: Set<String>) {
        if let requirement = try? Requirement(parsing: text) {
            return (
                requirement.name.normalized, Set(requirement.extras.map(PackageName.normalize))
            )
        }
        let name = text.drop { $0 == " " }.prefix {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".")
        }
        return (PackageName.normalize(String(name)), [])
    }
}

// MARK: - Walk data

private struct WalkKey: Hashable {
    var index: Int
    var group: String
}

private struct InboundKey: Hashable {
    var child: Int
    var inbound: PoetryInstallation.Inbound
}

/// A requirement of a locked package, ready to follow.
private struct WalkEdge {
    var name: String
    var constraint: String
    var requirement: String
    var marker: String?
    var python: String?
    var isOptional: Bool
    var extras: Set<String>

    init(_ dependency: LockedDependency) {
        name = dependency.normalizedName
        constraint = dependency.constraint
        requirement = requirementText(dependency.name, dependency.extras, dependency.constraint)
        marker = dependency.markers
        python = dependency.python
        isOptional = dependency.isOptional
        extras = Set(dependency.extras.map(PackageName.normalize))
    }
}

/// `name[extras] constraint`, a bare version shown as `==version`: `grpcio ==1.54.2`.
func requirementText(_ name: String, _ extras: [String], _ constraint: String) -> String {
    var text = name
    if !extras.isEmpty { text += "[" + extras.joined(separator: ",") + "]" }
    let trimmed = constraint.trimmingWhitespace
    guard trimmed != "*", !trimmed.isEmpty else { return text }
    let isBareVersion = trimmed.first.map { $0.isNumber } ?? false
    return text + " " + (isBareVersion ? "==" + trimmed : trimmed)
}
