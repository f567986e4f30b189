/// A PEP 508 dependency specifier such as `requests[socks]>=2.31; python_version<"3.13"`.
///
/// Reads exactly what `packaging.requirements.Requirement` (26.x) accepts.
/// See https://packaging.python.org/en/latest/specifications/dependency-specifiers/
public struct Requirement: Hashable, Sendable, CustomStringConvertible {
    /// The project name, as written and normalized.
    public var name: PackageName
    /// The requested extras as written, without duplicates, sorted.
    public var extras: [String]
    /// The version specifiers; empty when there are none or the requirement has a URL.
    public var specifier: SpecifierSet
    /// The direct reference after `@`, if any.
    public var url: String?
    /// The environment marker after `;`, if any.
    public var marker: Marker?

    /// A requirement from its parts.
    public init(
        name: PackageName, extras: [String] = [], specifier: SpecifierSet = SpecifierSet(),
        url: String? = nil, marker: Marker? = nil
    ) {
        self.name = name
        self.extras = Array(Set(extras)).sorted()
        self.specifier = specifier
        self.url = url
        self.marker = marker
    }

    /// Parses a dependency specifier, failing with the offending span.
    public init(parsing text: String) throws(RequirementParseError) {
        var parser = PEP508Parser(text)
        let parsed = try parser.parseRequirement()
        let specifier: SpecifierSet
        do {
            specifier = try SpecifierSet(parsed.specifiers)
        } catch {
            throw RequirementParseError(message: error.description, source: text, span: nil)
        }
        self.init(
            name: PackageName(parsed.name), extras: parsed.extras, specifier: specifier,
            url: parsed.url, marker: parsed.marker.map(Marker.init(tree:)))
    }

    /// The extras, normalized.
    public var normalizedExtras: Set<String> { Set(extras.map(PackageName.normalize)) }

    /// The normalized text, as `str(packaging.requirements.Requirement(...))` renders it.
    public var description: String {
        var text = name.display
        if !extras.isEmpty { text += "[\(extras.joined(separator: ","))]" }
        text += specifier.description
        if let url {
            text += " @ \(url)"
            if marker != nil { text += " " }
        }
        if let marker { text += "; \(marker)" }
        return text
    }

    /// Whether this requirement applies in `environment` with `extras` requested: true
    /// without a marker.
    public func applies(
        in environment: MarkerEnvironment, extras: some Collection<String> = [String]()
    ) throws(MarkerEvaluationError) -> Bool {
        guard let marker else { return true }
        return try marker.evaluate(in: environment, extras: extras)
    }
}

extension Marker {
    /// Parses a marker expression such as `os_name == "nt" and extra == "win"`.
    public init(parsing text: String) throws(RequirementParseError) {
        var parser = PEP508Parser(text)
        self.init(tree: try parser.parseFullMarker())
    }
}
