import PythonPackaging

/// Which dependency groups to install, as `poetry install` options choose them:
/// `--only`, `--with`, `--without`, `--all-groups`, or by default every group that is
/// not optional.
public struct GroupSelection: Sendable, Hashable {
    /// `--only`: exactly these groups.
    public var only: [String]
    /// `--with`: optional groups added to the defaults.
    public var with: [String]
    /// `--without`: groups left out.
    public var without: [String]
    /// `--all-groups`: every group.
    public var all: Bool

    /// A selection; the default is what `poetry install` installs.
    public init(
        only: [String] = [], with: [String] = [], without: [String] = [], all: Bool = false
    ) {
        self.only = only
        self.with = with
        self.without = without
        self.all = all
    }

    /// The selected groups' normalized names among `available` (name, optional), sorted.
    /// An unknown name is an error that lists the groups the project has.
    func resolve(available: [(name: String, isOptional: Bool)]) throws(CheckError) -> [String] {
        let known = available.map { (name: PackageName.normalize($0.name), $0.isOptional) }
        let names = Set(known.map(\.name))
        for name in only + with + without where !names.contains(PackageName.normalize(name)) {
            let list = known.map { "'\($0.name)'" }.joined(separator: ", ")
            throw CheckError(
                "unknown group '\(name)'",
                hint: known.isEmpty ? "the project has no groups" : "the project has \(list)")
        }
        var selected: Set<String>
        if all {
            selected = names
        } else if !only.isEmpty {
            selected = Set(only.map(PackageName.normalize))
        } else {
            selected = Set(known.filter { !$0.1 }.map(\.name))
            selected.formUnion(with.map(PackageName.normalize))
        }
        selected.subtract(without.map(PackageName.normalize))
        return selected.sorted()
    }
}
