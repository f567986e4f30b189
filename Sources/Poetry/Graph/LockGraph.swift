import PythonPackaging

/// The dependency graph of a poetry.lock, rooted at the project's own dependencies.
///
/// Answers two questions: which chains of requirements pull a package in (``chains(to:
/// groups:environment:extras:limit:)``), and which locked packages a target environment
/// installs (``installedPackages(groups:environment:extras:)``). An edge applies in an
/// environment when its marker is true there, with `extra` bound to the extras requested
/// of the requiring package along the chain, and when an optional requirement is
/// requested by one of those extras.
public struct LockGraph: Sendable {
    /// The lock the graph is built from.
    public let lock: PoetryLock
    /// The project whose dependencies are the roots.
    public let pyproject: Pyproject

    /// A requirement of the project or of a locked package, ready to evaluate.
    struct Edge: Sendable {
        /// The required package's normalized name.
        var name: String
        /// The requirement text for chains.
        var requirement: String
        /// The marker as written and parsed.
        var markerText: String?
        var marker: Marker?
        /// The extras requested of the required package.
        var extras: [String]
        /// Whether only an extra of the requiring package pulls it in.
        var isOptional: Bool
        /// The versions the requirement allows, when Poetry can read its constraint.
        var constraint: PoetryConstraint?
        /// For a root: the dependency group.
        var group: String?
    }

    /// The project's requirements, per group in the order the groups are declared.
    var roots: [Edge] = []
    /// Each locked package's requirements, by package index.
    var edges: [[Edge]] = []
    /// Locked package indexes by normalized name.
    var packagesByName: [String: [Int]] = [:]
    /// Each locked package's extras: normalized extra → normalized package names.
    var extrasByPackage: [[String: Set<String>]] = []
    /// Each locked package's 2.1 markers by normalized group.
    var packageMarkers: [[String: Marker]] = []

    /// Builds the graph; an unreadable marker in either file is an error at its position.
    public init(lock: PoetryLock, pyproject: Pyproject) throws(PoetryError) {
        self.lock = lock
        self.pyproject = pyproject
        var cache = ParseCache()
        for (index, package) in lock.packages.enumerated() {
            packagesByName[package.normalizedName, default: []].append(index)
            var requirements: [Edge] = []
            requirements.reserveCapacity(package.dependencies.count)
            for dependency in package.dependencies {
                requirements.append(try Edge(dependency, cache: &cache))
            }
            edges.append(requirements)
            var extras: [String: Set<String>] = [:]
            for (extra, requirements) in package.extras {
                extras[PackageName.normalize(extra)] = Set(
                    requirements.map { PackageName.normalize(requirementName($0)) })
            }
            extrasByPackage.append(extras)
            packageMarkers.append(try Self.markers(of: package, cache: &cache))
        }
        for group in pyproject.groups {
            for dependency in pyproject.dependencies(inGroup: group.name) {
                roots.append(try Edge(dependency, group: group.name, cache: &cache))
            }
        }
    }

    private static func markers(
        of package: LockedPackage, cache: inout ParseCache
    ) throws(PoetryError) -> [String: Marker] {
        var result: [String: Marker] = [:]
        for group in package.groups {
            guard let text = package.markers.marker(forGroup: group) else { continue }
            result[PackageName.normalize(group)] = try cache.marker(text, at: package.position)
        }
        return result
    }

    // MARK: - Resolving an edge

    /// The locked packages an edge selects: those of its name whose version it allows,
    /// narrowed in an environment to those whose lock markers hold there. When
    /// `installing`, a package whose lock markers fail is never selected; otherwise the
    /// narrowing only chooses among several versions.
    func targets(
        of edge: Edge, group: String?, environment: MarkerEnvironment?, extras: Set<String>,
        installing: Bool = false
    ) -> [Int] {
        let candidates = packagesByName[edge.name] ?? []
        guard candidates.count > 1 || installing else { return candidates }
        var allowed = candidates
        if let constraint = edge.constraint {
            let matching = candidates.filter {
                (try? Version(lock.packages[$0].version)).map(constraint.allows) ?? true
            }
            if !matching.isEmpty { allowed = matching }
        }
        guard allowed.count > 1 || installing, let environment else { return allowed }
        let present = allowed.filter {
            isLocked($0, group: group, environment: environment, extras: extras) != false
        }
        return present.isEmpty && !installing ? allowed : present
    }

    /// Whether the lock's 2.1 markers say package `index` is installed in `environment`
    /// for `group` (any group when `nil`); `nil` when the lock does not say.
    func isLocked(
        _ index: Int, group: String?, environment: MarkerEnvironment, extras: Set<String>
    ) -> Bool? {
        let package = lock.packages[index]
        guard lock.lockVersion == .version21 else { return nil }
        let groups = group.map { [$0] } ?? package.groups
        for name in groups.map(PackageName.normalize) {
            guard package.groups.contains(where: { PackageName.normalize($0) == name }) else {
                continue
            }
            guard let marker = packageMarkers[index][name] else { return true }
            if (try? marker.evaluate(in: environment, extras: extras)) ?? true { return true }
        }
        return false
    }

    /// Whether `edge`, required by a package asked for with `extras` (or by the project
    /// with the project's `extras`), applies in `environment`.
    func applies(
        _ edge: Edge, requestedExtras extras: Set<String>, environment: MarkerEnvironment,
        parentExtras: [String: Set<String>]
    ) -> Bool {
        if edge.isOptional {
            let wanted = extras.contains { parentExtras[$0]?.contains(edge.name) ?? false }
            let gatedByMarker = edge.markerText?.contains("extra") ?? false
            if !wanted && !gatedByMarker { return false }
        }
        guard let marker = edge.marker else { return true }
        return (try? marker.evaluate(in: environment, extras: extras)) ?? true
    }
}

// MARK: - Edges from the two files

extension LockGraph.Edge {
    /// A requirement of a locked package.
    init(_ dependency: LockedDependency, cache: inout ParseCache) throws(PoetryError) {
        var markerText = dependency.markers
        if let python = dependency.python, let marker = pythonMarker(python) {
            markerText = markerText.map { "(\($0)) and \(marker)" } ?? marker
        }
        self.init(
            name: dependency.normalizedName,
            requirement: requirementText(dependency.name, dependency.extras, dependency.constraint),
            markerText: markerText,
            marker: try markerText.map { (text) throws(PoetryError) in
                try cache.marker(text, at: dependency.position)
            },
            extras: dependency.extras.map(PackageName.normalize),
            isOptional: dependency.isOptional,
            constraint: cache.constraint(dependency.constraint),
            group: nil)
    }

    /// A requirement of the project in `group`.
    init(
        _ dependency: PoetryDependency, group: String, cache: inout ParseCache
    ) throws(PoetryError) {
        var parts = dependency.markers.map { ["(\($0))"] } ?? []
        if let python = dependency.python, let marker = pythonMarker(python) {
            parts.append(marker)
        }
        if let platform = dependency.platform { parts.append("sys_platform == \"\(platform)\"") }
        let markerText = parts.isEmpty ? nil : parts.joined(separator: " and ")
        self.init(
            name: PackageName.normalize(dependency.name),
            requirement: requirementText(dependency.name, dependency.extras, dependency.constraint),
            markerText: markerText,
            marker: try markerText.map { (text) throws(PoetryError) in
                try cache.marker(text, at: dependency.location.position)
            },
            extras: dependency.extras.map(PackageName.normalize),
            isOptional: dependency.isOptional,
            constraint: dependency.parsedConstraint,
            group: group)
    }
}

/// `name[extras] constraint` with a bare version shown as `==version`.
private func requirementText(_ name: String, _ extras: [String], _ constraint: String) -> String {
    var text = name
    if !extras.isEmpty { text += "[" + extras.joined(separator: ",") + "]" }
    guard constraint != "*", !constraint.isEmpty else { return text }
    let isBareVersion = constraint.first.map { $0.isNumber } ?? false
    return text + " " + (isBareVersion ? "==" + constraint : constraint)
}

/// The marker Poetry derives from a `python` restriction such as `^3.8` or
/// `>=3.8,<3.10 || >=3.11`: `python_version` for two-part versions,
/// `python_full_version` for three-part ones; `nil` when the restriction cannot be read.
private func pythonMarker(_ restriction: String) -> String? {
    guard let constraint = try? PoetryConstraint(restriction), !constraint.isAny else {
        return nil
    }
    var alternatives: [String] = []
    for alternative in constraint.description.split(separator: "||") {
        let text = String(alternative.filter { $0 != " " })
        guard let specifiers = try? SpecifierSet(text) else { return nil }
        let clauses = specifiers.description.split(separator: ",").map {
            clause -> String in
            let operatorEnd = clause.firstIndex { $0.isNumber } ?? clause.endIndex
            let version = clause[operatorEnd...]
            let variable =
                version.split(separator: ".").count > 2 ? "python_full_version" : "python_version"
            return "\(variable) \(clause[..<operatorEnd]) \"\(version)\""
        }
        alternatives.append("(" + clauses.joined(separator: " and ") + ")")
    }
    return alternatives.isEmpty ? nil : "(" + alternatives.joined(separator: " or ") + ")"
}

/// The name at the start of a PEP 508 requirement string such as `PySocks (>=1.5.6)`.
private func requirementName(_ requirement: String) -> String {
    String(
        requirement.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
}

/// Markers and constraints parsed once per distinct text: a large lock repeats the same
/// few (`python_version < "3.11"`, `>=2.0`) hundreds of times.
struct ParseCache {
    private var markers: [String: Marker] = [:]
    private var constraints: [String: PoetryConstraint?] = [:]

    /// The marker `text`; a marker that does not parse is an error at `position`.
    mutating func marker(_ text: String, at position: FilePosition?) throws(PoetryError) -> Marker {
        if let known = markers[text] { return known }
        do {
            let marker = try Marker(parsing: text)
            markers[text] = marker
            return marker
        } catch {
            throw PoetryError("invalid marker '\(text)': \(error.message)", at: position)
        }
    }

    /// The constraint `text`, or `nil` when Poetry cannot read it.
    mutating func constraint(_ text: String) -> PoetryConstraint? {
        if let known = constraints[text] { return known }
        let parsed = try? PoetryConstraint(text)
        constraints[text] = parsed
        return parsed
    }
}
