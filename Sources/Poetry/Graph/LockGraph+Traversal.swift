import PythonPackaging

extension LockGraph {
    /// Every chain of requirements from the project's dependencies in `groups` (by
    /// default the groups installed without asking: main and the non-optional ones) to
    /// the locked package `name`, at most `limit` of them.
    ///
    /// With an `environment`, each step says whether it applies there; the project's
    /// `extras` are those requested of the project.
    public func chains(
        to name: String,
        groups: [String]? = nil,
        environment: MarkerEnvironment? = nil,
        extras: [String] = [],
        limit: Int = 1000
    ) -> [DependencyChain] {
        let targets = Set(packagesByName[PackageName.normalize(name)] ?? [])
        guard !targets.isEmpty else { return [] }
        let relevant = packagesReaching(targets)
        var search = ChainSearch(
            graph: self, targets: targets, relevant: relevant, environment: environment,
            limit: limit)
        let projectExtras = Set(extras.map(PackageName.normalize))
        for root in roots(in: groups) where search.chains.count < limit {
            let group = root.group ?? DependencyGroup.mainName
            let applies = environment.map {
                self.applies(
                    root, requestedExtras: projectExtras, environment: $0,
                    parentExtras: projectExtrasByName)
            }
            for target in self.targets(
                of: root, group: group, environment: environment, extras: projectExtras)
            where relevant.contains(target) {
                let package = lock.packages[target]
                let step = DependencyChain.Step(
                    parent: pyproject.name ?? "project", parentVersion: nil,
                    requirement: root.requirement, marker: root.markerText,
                    package: package.name, version: package.version, applies: applies)
                search.explore(
                    from: target, group: group, path: [step], visited: [target],
                    extras: Set(root.extras))
            }
        }
        return search.chains
    }

    /// The locked packages that installing `groups` (by default main and the
    /// non-optional groups) with the project's `extras` puts into `environment`, in lock
    /// order: those reached from the project's requirements through requirements that
    /// apply there.
    public func installedPackages(
        groups: [String]? = nil, environment: MarkerEnvironment, extras: [String] = []
    ) -> [LockedPackage] {
        let projectExtras = Set(extras.map(PackageName.normalize))
        var requested: [Int: Set<String>] = [:]
        var queue: [(index: Int, extras: Set<String>, group: String?)] = []

        // Seed with the project's requirements that apply, then follow requirements
        // whenever a package is reached anew or with extras not seen before.
        for root in roots(in: groups)
        where applies(
            root, requestedExtras: projectExtras, environment: environment,
            parentExtras: projectExtrasByName)
        {
            for target in targets(
                of: root, group: root.group, environment: environment, extras: projectExtras,
                installing: true)
            {
                queue.append((target, Set(root.extras), root.group))
            }
        }
        while let (index, extras, group) = queue.popLast() {
            let known = requested[index]
            if let known, extras.isSubset(of: known) { continue }
            let all = extras.union(known ?? [])
            requested[index] = all
            for edge in edges[index]
            where applies(
                edge, requestedExtras: all, environment: environment,
                parentExtras: extrasByPackage[index])
            {
                for target in targets(
                    of: edge, group: group, environment: environment, extras: projectExtras,
                    installing: true)
                {
                    queue.append((target, Set(edge.extras), group))
                }
            }
        }
        return lock.packages.indices.filter { requested[$0] != nil }.map { lock.packages[$0] }
    }

    // MARK: - Helpers

    /// The root requirements of `groups`, or of the groups installed by default.
    func roots(in groups: [String]?) -> [Edge] {
        let selected: Set<String>
        if let groups {
            selected = Set(groups.map(PackageName.normalize))
        } else {
            selected = Set(
                pyproject.groups.filter { !$0.isOptional }.map { PackageName.normalize($0.name) })
        }
        return roots.filter { selected.contains(PackageName.normalize($0.group ?? "main")) }
    }

    /// The project's extras: normalized extra → normalized package names.
    var projectExtrasByName: [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for extra in pyproject.extras {
            result[PackageName.normalize(extra.name)] = Set(
                extra.packages.map(PackageName.normalize))
        }
        return result
    }

    /// The packages from which some package of `targets` can be reached, targets included.
    func packagesReaching(_ targets: Set<Int>) -> Set<Int> {
        var requiredBy: [Int: [Int]] = [:]
        for (index, requirements) in edges.enumerated() {
            for edge in requirements {
                for target in packagesByName[edge.name] ?? [] {
                    requiredBy[target, default: []].append(index)
                }
            }
        }
        var reached = targets
        var queue = Array(targets)
        while let next = queue.popLast() {
            for parent in requiredBy[next] ?? [] where reached.insert(parent).inserted {
                queue.append(parent)
            }
        }
        return reached
    }
}

/// The depth-first search behind ``LockGraph/chains(to:groups:environment:extras:limit:)``.
private struct ChainSearch {
    let graph: LockGraph
    let targets: Set<Int>
    let relevant: Set<Int>
    let environment: MarkerEnvironment?
    let limit: Int
    var chains: [DependencyChain] = []

    init(
        graph: LockGraph, targets: Set<Int>, relevant: Set<Int>,
        environment: MarkerEnvironment?, limit: Int
    ) {
        self.graph = graph
        self.targets = targets
        self.relevant = relevant
        self.environment = environment
        self.limit = limit
    }

    /// Records the chain `path` if it ends at a target, else extends it along every
    /// requirement of package `index` that leads on towards a target.
    mutating func explore(
        from index: Int, group: String, path: [DependencyChain.Step], visited: Set<Int>,
        extras: Set<String>
    ) {
        guard chains.count < limit else { return }
        if targets.contains(index) {
            chains.append(DependencyChain(group: group, steps: path))
            return
        }
        let parent = graph.lock.packages[index]
        for edge in graph.edges[index] {
            let applies = environment.map {
                graph.applies(
                    edge, requestedExtras: extras, environment: $0,
                    parentExtras: graph.extrasByPackage[index])
            }
            for target in graph.targets(
                of: edge, group: group, environment: environment, extras: [])
            where relevant.contains(target) && !visited.contains(target) {
                let package = graph.lock.packages[target]
                let step = DependencyChain.Step(
                    parent: parent.name, parentVersion: parent.version,
                    requirement: edge.requirement, marker: edge.markerText,
                    package: package.name, version: package.version, applies: applies)
                explore(
                    from: target, group: group, path: path + [step],
                    visited: visited.union([target]), extras: Set(edge.extras))
                if chains.count >= limit { return }
            }
        }
    }
}
