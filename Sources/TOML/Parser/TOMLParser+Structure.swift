extension TOMLParser {
    /// One part of a possibly dotted key.
    struct KeyPart {
        var text: String
        var span: TOMLSpan
    }

    /// A key as written: `a`, `"quoted"` or `a.b.c`. The first part is kept apart so
    /// the common undotted key allocates no array.
    struct Key {
        var first: KeyPart
        var rest: [KeyPart] = []
        /// The byte offsets of the whole key, dots and inner whitespace included.
        var range: Range<Int>

        var count: Int { rest.count + 1 }

        subscript(index: Int) -> KeyPart { index == 0 ? first : rest[index - 1] }

        /// The parts up to and including `index`, written back as TOML and shortened
        /// when very long, for messages.
        func display(through index: Int) -> String {
            let text = (0...index).map { displayKey(self[$0].text) }.joined(separator: ".")
            return text.count > 80 ? text.prefix(80) + "…" : text
        }

        /// The whole key written back as TOML.
        var display: String { display(through: count - 1) }

        /// The parts up to and including `index` below the table at `path`, for messages.
        func display(through index: Int, below path: [String]) -> String {
            let prefix = path.map(displayKey).joined(separator: ".")
            return path.isEmpty ? display(through: index) : prefix + "." + display(through: index)
        }
    }

    // MARK: - Keys

    /// Parses a key; `depth` is how deeply nested its table is, which bounds how many
    /// parts it may have.
    mutating func parseKey(depth: Int) throws(ParseFailure) -> Key {
        let start = position
        var key = Key(first: try parseKeyPart(), range: start..<position)
        while true {
            let partEnd = position
            skipWhitespace()
            guard position < end, bytes[position] == ASCII.period else {
                position = partEnd
                break
            }
            position += 1
            skipWhitespace()
            guard depth + key.count < Self.maximumDepth else {
                throw failure("nesting deeper than \(Self.maximumDepth) levels is not supported")
            }
            key.rest.append(try parseKeyPart())
        }
        key.range = start..<position
        return key
    }

    /// Parses one bare or quoted part of a key.
    private mutating func parseKeyPart() throws(ParseFailure) -> KeyPart {
        let start = mark()
        guard position < end else { throw failure("expected a key, found end of file") }
        let text: String
        switch bytes[position] {
        case ASCII.quote:
            text = try parseBasicString()
        case ASCII.apostrophe:
            text = try parseLiteralString()
        case let byte where ASCII.isBareKey(byte):
            position += 1
            while position < end, ASCII.isBareKey(bytes[position]) { position += 1 }
            text = makeString(start.offset..<position)
        default:
            throw failure("expected a key, found \(found())")
        }
        return KeyPart(text: text, span: span(from: start))
    }

    // MARK: - Key/value lines

    /// Parses `key = value` and adds it to the current section.
    mutating func parseKeyValueLine() throws(ParseFailure) {
        let depth = sectionPath.count
        let key = try parseKey(depth: depth)
        let (value, valueSpan) = try parseAssignment(to: key, depth: depth + key.count)
        let layout = TOMLTable.StatementLayout(
            keyStart: UInt32(truncatingIfNeeded: key.range.lowerBound),
            keyEnd: UInt32(truncatingIfNeeded: key.range.upperBound),
            valueEnd: UInt32(truncatingIfNeeded: position))
        try Self.insert(
            value, span: valueSpan, key: key, part: 0, into: &section, section: sectionNumber,
            layout: layout, path: sectionPath)
    }

    /// Parses `= value` after `key`.
    mutating func parseAssignment(
        to key: Key, depth: Int
    ) throws(ParseFailure) -> (TOMLValue, TOMLSpan) {
        skipWhitespace()
        guard position < end, bytes[position] == ASCII.equals else {
            throw failure("expected '=' after key '\(key.display)', found \(found())")
        }
        position += 1
        skipWhitespace()
        let start = mark()
        let value = try parseValue(depth: depth)
        return (value, span(from: start))
    }

    /// Adds `value` under `key` (from part `part` on) to `table`, creating the tables a
    /// dotted key names; `section` identifies the table section or inline table the
    /// line belongs to, and `path` names it in messages.
    static func insert(
        _ value: TOMLValue, span: TOMLSpan, key: Key, part: Int, into table: inout TOMLTable,
        section: UInt32, layout: TOMLTable.StatementLayout, path: [String]
    ) throws(ParseFailure) {
        table.lastStatement = layout
        let keyPart = key[part]
        let existing = table.index(forKey: keyPart.text)

        // The last part names the new value, which must not exist yet.
        if part == key.count - 1 {
            if let existing {
                let line = table[existing].keySpan.line
                throw ParseFailure(
                    offset: keyPart.span.bytes.lowerBound,
                    message:
                        "key '\(key.display(through: part, below: path))' "
                        + "is already defined on line \(line)"
                )
            }
            table.append(key: keyPart.text, value: value, keySpan: keyPart.span, valueSpan: span)
            return
        }

        // Earlier parts name tables, which dotted keys may create or extend.
        guard let existing else {
            var child = TOMLTable(kind: .dotted, span: nil)
            child.definingSection = section
            try insert(
                value, span: span, key: key, part: part + 1, into: &child, section: section,
                layout: layout, path: path)
            table.append(
                key: keyPart.text, value: .table(child), keySpan: keyPart.span,
                valueSpan: keyPart.span)
            return
        }
        let offset = keyPart.span.bytes.lowerBound
        let name = key.display(through: part, below: path)
        let kind = table[existing].value.typeName
        guard var child = table.takeTable(at: existing) else {
            throw ParseFailure(
                offset: offset, message: "key '\(name)' is already defined as \(article(kind))")
        }
        switch child.kind {
        case .inline:
            throw ParseFailure(
                offset: offset, message: "cannot add keys to inline table '\(name)'")
        case .header, .arrayElement, .root:
            throw ParseFailure(
                offset: offset,
                message: "table '\(name)' is defined by a header; dotted keys cannot extend it")
        case .dotted where child.definingSection != section:
            throw ParseFailure(
                offset: offset,
                message: "table '\(name)' was defined by dotted keys in another section")
        case .implicit:
            child.kind = .dotted
            child.definingSection = section
        case .dotted:
            break
        }
        try insert(
            value, span: span, key: key, part: part + 1, into: &child, section: section,
            layout: layout, path: path)
        table.setValue(.table(child), at: existing)
    }

    // MARK: - Headers

    /// Parses `[key]` or `[[key]]` and makes its table the current section.
    mutating func parseHeader() throws(ParseFailure) {
        let start = mark()
        let isArray = position + 1 < end && bytes[position + 1] == ASCII.openBracket
        position += isArray ? 2 : 1
        skipWhitespace()
        let key = try parseKey(depth: 0)
        skipWhitespace()
        let closing = isArray ? "']]'" : "']'"
        guard position < end, bytes[position] == ASCII.closeBracket else {
            throw failure(
                "expected \(closing) after table header '\(key.display)', found \(found())")
        }
        position += 1
        if isArray {
            guard position < end, bytes[position] == ASCII.closeBracket else {
                throw failure("expected ']]' after table header '\(key.display)', found \(found())")
            }
            position += 1
        }
        let headerSpan = span(from: start)

        closeSection()
        lastSectionNumber += 1
        sectionNumber = lastSectionNumber
        var document = TOMLTable(kind: .root, span: nil)
        swap(&document, &root)
        section = try Self.open(
            key, part: 0, in: &document, isArray: isArray, headerSpan: headerSpan)
        swap(&document, &root)
        sectionPath = (0..<key.count).map { key[$0].text }
    }

    /// Finds or creates the table a header names below `table`, checks that the header
    /// may define it, and returns it; the tree keeps a placeholder until
    /// ``closeSection()`` puts the filled table back.
    static func open(
        _ key: Key, part: Int, in table: inout TOMLTable, isArray: Bool, headerSpan: TOMLSpan
    ) throws(ParseFailure) -> TOMLTable {
        let keyPart = key[part]
        let isLast = part == key.count - 1
        let name = key.display(through: part)
        let offset = keyPart.span.bytes.lowerBound

        // A key seen for the first time: create the table, or the array of tables.
        guard let existing = table.index(forKey: keyPart.text) else {
            if isLast {
                let opened = TOMLTable(kind: isArray ? .arrayElement : .header, span: headerSpan)
                var value = TOMLValue.table(opened)
                if isArray {
                    var array = TOMLArray(isArrayOfTables: true, span: nil)
                    array.append(.table(opened), span: headerSpan)
                    value = .array(array)
                }
                table.append(
                    key: keyPart.text, value: value, keySpan: keyPart.span, valueSpan: headerSpan)
                return opened
            }
            var child = TOMLTable(kind: .implicit, span: nil)
            let opened = try open(
                key, part: part + 1, in: &child, isArray: isArray, headerSpan: headerSpan)
            table.append(
                key: keyPart.text, value: .table(child), keySpan: keyPart.span,
                valueSpan: keyPart.span)
            return opened
        }

        // A key already defined: only tables and arrays of tables may be opened again.
        let kind = table[existing].value.typeName
        if var child = table.takeTable(at: existing) {
            if !isLast {
                guard child.kind != .inline else {
                    throw ParseFailure(
                        offset: offset, message: "cannot extend inline table '\(name)'")
                }
                let opened = try open(
                    key, part: part + 1, in: &child, isArray: isArray, headerSpan: headerSpan)
                table.setValue(.table(child), at: existing)
                return opened
            }
            guard !isArray else {
                throw ParseFailure(
                    offset: offset,
                    message: "cannot define array of tables '\(name)': it is already a table")
            }
            guard child.kind == .implicit else {
                let how =
                    switch child.kind {
                    case .dotted: " by dotted keys"
                    case .inline: " as an inline table"
                    default: ""
                    }
                throw ParseFailure(
                    offset: offset, message: "table '\(name)' is already defined\(how)")
            }
            child.kind = .header
            child.span = headerSpan
            table.setSpans(key: keyPart.span, value: headerSpan, at: existing)
            table.setValue(.table(TOMLTable(kind: .header, span: headerSpan)), at: existing)
            return child
        }
        guard var array = table.takeArray(at: existing), array.isArrayOfTables else {
            throw ParseFailure(
                offset: offset,
                message: "key '\(name)' is already defined as \(article(kind)), not a table")
        }
        if isLast {
            guard isArray else {
                throw ParseFailure(
                    offset: offset,
                    message: "table '\(name)' is already defined as an array of tables")
            }
            let opened = TOMLTable(kind: .arrayElement, span: headerSpan)
            array.append(.table(opened), span: headerSpan)
            table.setValue(.array(array), at: existing)
            return opened
        }
        guard var element = array.takeLastTable() else {
            preconditionFailure("an array of tables holds only tables")
        }
        let opened = try open(
            key, part: part + 1, in: &element, isArray: isArray, headerSpan: headerSpan)
        array.replaceLast(with: .table(element))
        table.setValue(.array(array), at: existing)
        return opened
    }

    /// Puts the current section back into the tree.
    mutating func closeSection() {
        var filled = TOMLTable(kind: .root, span: nil)
        swap(&filled, &section)
        if sectionPath.isEmpty {
            root = filled
            return
        }
        Self.store(filled, path: sectionPath[...], in: &root)
    }

    /// Replaces the placeholder at `path` below `table` (descending into the last
    /// element of arrays of tables) with `section`.
    private static func store(
        _ section: TOMLTable, path: ArraySlice<String>, in table: inout TOMLTable
    ) {
        guard let key = path.first, let position = table.index(forKey: key) else {
            preconditionFailure("the open section is in the tree")
        }
        let rest = path.dropFirst()
        if var child = table.takeTable(at: position) {
            if rest.isEmpty {
                child = section
            } else {
                store(section, path: rest, in: &child)
            }
            table.setValue(.table(child), at: position)
            return
        }
        guard var array = table.takeArray(at: position) else {
            preconditionFailure("the open section is in the tree")
        }
        if rest.isEmpty {
            array.replaceLast(with: .table(section))
        } else {
            guard var element = array.takeLastTable() else {
                preconditionFailure("an array of tables holds only tables")
            }
            store(section, path: rest, in: &element)
            array.replaceLast(with: .table(element))
        }
        table.setValue(.array(array), at: position)
    }
}

/// `key` as TOML writes it: bare when it can be, otherwise a basic string.
func displayKey(_ key: String) -> String {
    let isBare = !key.isEmpty && key.utf8.allSatisfy(ASCII.isBareKey)
    return isBare ? key : renderBasicString(key)
}

/// "a string", "an integer", "an array".
func article(_ noun: String) -> String {
    let startsWithVowel = noun.first.map { "aeiou".contains($0) } ?? false
    return (startsWithVowel ? "an " : "a ") + noun
}
