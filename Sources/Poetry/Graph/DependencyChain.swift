/// One way a locked package is pulled into a project: the requirement of a project
/// dependency, then each locked package's requirement on the next, ending at the package.
public struct DependencyChain: Sendable, Hashable, CustomStringConvertible {
    /// The dependency group of the project dependency that starts the chain.
    public var group: String
    /// The requirements in order; the first is the project's own.
    public var steps: [Step]

    /// One requirement of a chain and the locked package it selects.
    public struct Step: Sendable, Hashable, CustomStringConvertible {
        /// The package that requires (the project's name, or `project`, for the first).
        public var parent: String
        /// The requiring package's locked version; `nil` for the project.
        public var parentVersion: String?
        /// The requirement as Poetry writes it, such as `grpcio ==1.54.2`.
        public var requirement: String
        /// The requirement's environment marker, if any.
        public var marker: String?
        /// The locked package the requirement selects.
        public var package: String
        /// Its locked version.
        public var version: String
        /// Whether the requirement applies in the environment the chain was found for;
        /// `nil` when no environment was given.
        public var applies: Bool?

        /// `shippo-core 1.0.20230105120000 → grpcio ==1.54.2`.
        public var description: String {
            let source = parentVersion.map { "\(parent) \($0)" } ?? parent
            return "\(source) → \(requirement)"
        }
    }

    /// The locked package the chain ends at.
    public var package: String { steps.last?.package ?? "" }

    /// Whether every requirement of the chain applies in the environment it was found
    /// for; `nil` when no environment was given.
    public var applies: Bool? {
        let flags = steps.map(\.applies)
        if flags.contains(where: { $0 == nil }) { return nil }
        return flags.allSatisfy { $0 == true }
    }

    /// `main: demo → shippo-core ^1.0, shippo-core 1.0.20230105120000 → grpcio ==1.54.2`.
    public var description: String {
        "\(group): " + steps.map(\.description).joined(separator: ", ")
    }
}
