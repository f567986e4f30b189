import Poetry

extension PoetryInstallation {
    /// The most requirements a chain is searched through. Real locks nest a few dozen
    /// at most; the cap keeps the search shallow (no deep recursion) and the report
    /// linear in size on a pathological lock (thousands of packages in one line).
    static let longestChain = 64

    /// How many requirements separate each installed package from the project: the
    /// length of its shortest chain.
    func depths() -> [Int: Int] {
        var children: [Int: [Int]] = [:]
        var depth: [Int: Int] = [:]
        var queue: [Int] = []
        for (child, entries) in inbound.sorted(by: { $0.key < $1.key }) {
            for entry in entries {
                if let parent = entry.parent {
                    children[parent, default: []].append(child)
                } else if depth[child] == nil {
                    depth[child] = 1
                    queue.append(child)
                }
            }
        }
        var next = 0
        while next < queue.count {
            let parent = queue[next]
            next += 1
            let parentDepth = depth[parent] ?? 0
            for child in children[parent] ?? [] where depth[child] == nil {
                depth[child] = parentDepth + 1
                queue.append(child)
            }
        }
        return depth
    }

    /// Up to `limit` chains of requirements from the project to package `index`,
    /// shortest first; `depths` is ``depths()``.
    /// A package whose shortest chain is longer than ``longestChain`` gets none.
    func chains(to index: Int, depths: [Int: Int], limit: Int = 5) -> [[ChainStep]] {
        if let depth = depths[index], depth > Self.longestChain { return [] }
        var found: [[ChainStep]] = []
        var budget = 10_000
        var path: [ChainStep] = []
        var onPath: Set<Int> = [index]

        // Walk back through the requirements that reached each package, nearest to the
        // project first, until the project's own requirement starts the chain.
        func visit(_ package: Int) {
            let entries = (inbound[package] ?? []).sorted {
                ($0.parent.map { depths[$0] ?? .max } ?? 0)
                    < ($1.parent.map { depths[$0] ?? .max } ?? 0)
            }
            for entry in entries {
                guard found.count < limit, budget > 0 else { return }
                budget -= 1
                guard let parent = entry.parent else {
                    let first = ChainStep(
                        parent: projectName, parentVersion: projectVersion,
                        requirement: entry.requirement)
                    found.append([first] + path.reversed())
                    continue
                }
                guard path.count + 1 < Self.longestChain, onPath.insert(parent).inserted
                else { continue }
                let locked = lock.packages[parent]
                path.append(
                    ChainStep(
                        parent: locked.normalizedName, parentVersion: locked.version,
                        requirement: entry.requirement))
                visit(parent)
                path.removeLast()
                onPath.remove(parent)
            }
        }
        visit(index)
        return found.enumerated().sorted {
            ($0.element.count, $0.offset) < ($1.element.count, $1.offset)
        }.map(\.element)
    }
}
