import PythonPackaging

extension CheckReport {
    /// The report as JSON with the stable keys of PRODUCT.md: `target`, `verdict`,
    /// `blockers`, `warnings`, `packages`, `proposal` (always `null` for a check), plus
    /// `project`, `lock` and `groups`.
    public var json: JSONValue {
        .object([
            (
                "project",
                .object([("name", .string(project)), ("version", .optional(projectVersion))])
            ),
            ("lock", .object([("file", .string(lockFile)), ("version", .string(lockVersion))])),
            (
                "target",
                .object([
                    ("name", .string(target.name)),
                    ("python", .string(target.pythonText)),
                    ("platform", .string(target.platformTag)),
                    ("tags_considered", .int(target.tags.count)),
                ])
            ),
            ("groups", .array(groups.map(JSONValue.string))),
            ("verdict", .string(verdict.rawValue)),
            ("blockers", .array(blockers.map(\.json))),
            ("warnings", .array(warnings.map(\.json))),
            ("packages", .array(packages.map(\.json))),
            ("missing_from_lock", .array(missingFromLock.map(JSONValue.string))),
            ("proposal", .null),
        ])
    }
}

extension Finding {
    /// `{name, version, group, groups, reason, detail, chain, chains, fix}`: `chain` is
    /// the shortest chain as `[parent, version, requirement]` steps, `chains` all found.
    var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("version", .optional(version)),
            ("group", .optional(groups.primaryGroup)),
            ("groups", .array(groups.map(JSONValue.string))),
            ("reason", .string(reason.rawValue)),
            ("severity", .string(reason.isBlocker ? "blocker" : "warning")),
            ("detail", .string(detail)),
            ("chain", chains.first.map(Self.json(chain:)) ?? .array([])),
            ("chains", .array(chains.map(Self.json(chain:)))),
            ("fix", .optional(fix)),
        ])
    }

    private static func json(chain: [ChainStep]) -> JSONValue {
        .array(
            chain.map {
                .array([.string($0.parent), .optional($0.parentVersion), .string($0.requirement)])
            })
    }
}

extension CheckedPackage {
    /// `{name, version, group, groups, file}`.
    var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("version", .string(version)),
            ("group", .optional(groups.primaryGroup)),
            ("groups", .array(groups.map(JSONValue.string))),
            ("file", .optional(file)),
        ])
    }
}
