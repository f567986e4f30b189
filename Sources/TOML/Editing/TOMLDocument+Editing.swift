extension TOMLDocument {
    /// The tables from the root down to the parent of `path`'s last key, as far as
    /// they exist.
    private struct Lineage {
        /// The root first, then one table per key of `path` but the last.
        var tables: [TOMLTable]
        /// Whether every table up to the parent exists.
        var isComplete: Bool
        /// The table that receives the last key, or the deepest one that exists.
        var parent: TOMLTable { tables[tables.count - 1] }
    }

    /// The tables along `path`, up to the first missing one.
    private func lineage(of path: [String]) throws(TOMLError) -> Lineage {
        guard !path.isEmpty else { throw editError("expected a non-empty key path") }
        var tables = [root]
        for (depth, key) in path.dropLast().enumerated() {
            guard let entry = tables[depth].entry(forKey: key) else {
                return Lineage(tables: tables, isComplete: false)
            }
            guard case .table(let table) = entry.value else {
                let name = dotted(path[...depth])
                throw editError(
                    "'\(name)' is \(article(entry.value.typeName)), not a table",
                    at: entry.valueSpan)
            }
            tables.append(table)
        }
        return Lineage(tables: tables, isComplete: true)
    }

    // MARK: - Setting values

    /// Sets the value at `path`: replaces the bytes of an existing value, or adds the
    /// key to its table after the table's last key line, in that line's style.
    ///
    /// A missing table is added as a new `[header]` section after the last section
    /// of its closest existing parent (or at the end of the document). Tables written
    /// as headers and arrays of tables cannot be replaced as a whole; edit their keys
    /// instead.
    public mutating func setValue(_ value: TOMLValue, at path: [String]) throws(TOMLError) {
        let lineage = try lineage(of: path)
        guard lineage.isComplete else {
            try addSection(
                path.dropLast(), key: path[path.count - 1], value: value, lineage: lineage)
            return
        }
        let key = path[path.count - 1]
        let parent = lineage.parent
        guard let entry = parent.entry(forKey: key) else {
            try addKey(key, value: value, path: path, lineage: lineage)
            return
        }
        if case .table(let table) = entry.value, !table.isInline {
            throw editError(
                "cannot replace table '\(dotted(path[...]))' written with headers or dotted keys",
                at: entry.keySpan)
        }
        if case .array(let array) = entry.value, array.isArrayOfTables {
            throw editError(
                "cannot replace array of tables '\(dotted(path[...]))'", at: entry.keySpan)
        }
        try replace(entry.valueSpan.bytes, with: value.rendered())
    }

    /// Replaces element `index` of the static array at `path`, keeping the rest of the
    /// array's text (other elements, comments, line breaks) as it is.
    public mutating func setElement(
        _ value: TOMLValue, at index: Int, inArrayAt path: [String]
    ) throws(TOMLError) {
        guard case .array(let array)? = root.value(at: path), !array.isArrayOfTables else {
            throw editError("no array at '\(dotted(path[...]))'")
        }
        guard array.indices.contains(index) else {
            throw editError(
                "array '\(dotted(path[...]))' has no element \(index)", at: array.span)
        }
        try replace(array.span(at: index).bytes, with: value.rendered())
    }

    // MARK: - Adding keys

    /// Adds `key = value` to the last table of `lineage`.
    private mutating func addKey(
        _ key: String, value: TOMLValue, path: [String], lineage: Lineage
    ) throws(TOMLError) {
        let table = lineage.parent
        if table.isInline {
            try addInlineKey(key, value: value, to: table)
            return
        }
        guard table.kind != .implicit else {
            try addSection(path.dropLast(), key: key, value: value, lineage: lineage)
            return
        }

        // Dotted tables are written as a key prefix inside their section.
        var prefix = ""
        if table.kind == .dotted {
            let ownerDepth = lineage.tables.lastIndex { $0.kind != .dotted } ?? 0
            prefix =
                path[ownerDepth..<(path.count - 1)].map(displayKey).joined(separator: ".") + "."
        }

        // After the last key line, in its indentation and spacing.
        if let last = table.lastStatement {
            let keyStart = Int(last.keyStart)
            let lineStart = startOfLine(containing: keyStart)
            let indent = String(decoding: bytes[lineStart..<keyStart], as: UTF8.self)
            let separator = assignmentSeparator(after: Int(last.keyEnd))
            let (insertion, newline, needsLeadingNewline) = endOfLine(after: Int(last.valueEnd))
            let line = indent + prefix + displayKey(key) + separator + value.rendered() + newline
            try replace(insertion..<insertion, with: (needsLeadingNewline ? newline : "") + line)
            return
        }

        // A header with no keys yet: right below it.
        let line = displayKey(key) + " = " + value.rendered()
        guard let header = table.span else {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            try replace(start..<start, with: line + "\n")
            return
        }
        let (insertion, newline, needsLeadingNewline) = endOfLine(after: header.bytes.upperBound)
        try replace(
            insertion..<insertion, with: (needsLeadingNewline ? newline : "") + line + newline)
    }

    /// Adds `, key = value` after the last entry of an inline table.
    private mutating func addInlineKey(_ key: String, value: TOMLValue, to table: TOMLTable)
        throws(TOMLError)
    {
        guard let span = table.span else { throw editError("the inline table has no position") }
        guard let last = table.lastStatement else {
            try replace(span.bytes, with: "{ \(displayKey(key)) = \(value.rendered()) }")
            return
        }
        let separator = assignmentSeparator(after: Int(last.keyEnd))
        let valueEnd = Int(last.valueEnd)
        try replace(
            valueEnd..<valueEnd, with: ", " + displayKey(key) + separator + value.rendered())
    }

    /// Adds a `[path]` section holding `key = value`, for a table that has no header:
    /// right before the first section below it when it exists only implicitly (a parent
    /// goes before its children), else after the last section below its closest
    /// existing parent, else at the end of the document.
    private mutating func addSection(
        _ path: ArraySlice<String>, key: String, value: TOMLValue, lineage: Lineage
    ) throws(TOMLError) {
        guard !path.isEmpty else { throw editError("cannot add a section for the root table") }
        let crlf = bytes.contains(ASCII.carriageReturn)
        let newline = crlf ? "\r\n" : "\n"
        let section =
            "[\(dotted(path))]" + newline + displayKey(key) + " = " + value.rendered() + newline

        // An implicit table: before its first child section and that section's comments.
        if lineage.isComplete, let first = firstHeader(below: lineage.parent) {
            var start = startOfLine(containing: first)
            while start > 0 {
                let previous = startOfLine(containing: start - 1)
                let text = bytes[previous..<start].drop { $0 == ASCII.space || $0 == ASCII.tab }
                guard text.first == ASCII.hash else { break }
                start = previous
            }
            try replace(start..<start, with: section + newline)
            return
        }

        // A missing table: after the content of its closest existing parent.
        if lineage.tables.count > 1, let contentEnd = contentEnd(of: lineage.parent) {
            let (insertion, _, isMissing) = endOfLine(after: contentEnd)
            try replace(
                insertion..<insertion, with: (isMissing ? newline : "") + newline + section)
            return
        }
        var text = ""
        if let last = bytes.last, last != ASCII.newline { text += newline }
        if !bytes.isEmpty { text += newline }
        try replace(bytes.count..<bytes.count, with: text + section)
    }

    /// The start of the first `[header]` or `[[header]]` of a table below `table`.
    private func firstHeader(below table: TOMLTable) -> Int? {
        var first: Int?
        forEachSection(below: table) { section in
            if let span = section.span, span.line > 0 {
                first = min(first ?? .max, span.bytes.lowerBound)
            }
        }
        return first
    }

    /// The end of the last header or key/value line of `table` and the tables below it.
    private func contentEnd(of table: TOMLTable) -> Int? {
        var last: Int?
        func include(_ section: TOMLTable) {
            if let span = section.span, span.line > 0 {
                last = max(last ?? 0, span.bytes.upperBound)
            }
            if let statement = section.lastStatement {
                last = max(last ?? 0, Int(statement.valueEnd))
            }
        }
        include(table)
        forEachSection(below: table, include)
        return last
    }

    /// Calls `body` with every table below `table` that is not inline.
    private func forEachSection(below table: TOMLTable, _ body: (TOMLTable) -> Void) {
        for entry in table {
            switch entry.value {
            case .table(let child) where !child.isInline:
                body(child)
                forEachSection(below: child, body)
            case .array(let array) where array.isArrayOfTables:
                for case .table(let element) in array {
                    body(element)
                    forEachSection(below: element, body)
                }
            default:
                break
            }
        }
    }

    // MARK: - Removing keys

    /// Removes the key at `path`: its whole line (trailing comment included) in a table
    /// section, or the `key = value` and its comma in an inline table.
    public mutating func removeValue(at path: [String]) throws(TOMLError) {
        let key = path.last ?? ""
        let lineage = try lineage(of: path)
        guard lineage.isComplete, let entry = lineage.parent.entry(forKey: key) else {
            throw editError("no key '\(dotted(path[...]))'")
        }
        let table = lineage.parent
        switch entry.value {
        case .table(let child) where !child.isInline:
            throw editError(
                "removing table '\(dotted(path[...]))' written with headers or dotted keys "
                    + "is not supported",
                at: entry.keySpan)
        case .array(let array) where array.isArrayOfTables:
            throw editError(
                "removing array of tables '\(dotted(path[...]))' is not supported",
                at: entry.keySpan)
        default:
            break
        }
        if table.isInline {
            try removeInlineEntry(entry, from: table, path: path)
            return
        }
        let start = startOfLine(containing: entry.keySpan.bytes.lowerBound)
        let (end, _, _) = endOfLine(after: entry.valueSpan.bytes.upperBound)
        try replace(start..<end, with: "")
    }

    /// Removes one `key = value` from an inline table with the comma that joins it.
    private mutating func removeInlineEntry(
        _ entry: TOMLTable.Entry, from table: TOMLTable, path: [String]
    ) throws(TOMLError) {
        guard let position = table.index(forKey: entry.key), let span = table.span else {
            throw editError("no key '\(dotted(path[...]))'")
        }
        guard table.count > 1 else {
            try replace(span.bytes, with: "{}")
            return
        }
        let range: Range<Int>
        if position + 1 < table.count {
            range = entry.keySpan.bytes.lowerBound..<table[position + 1].keySpan.bytes.lowerBound
        } else {
            range =
                table[position - 1].valueSpan.bytes.upperBound..<entry.valueSpan.bytes.upperBound
        }
        guard range.lowerBound < range.upperBound else {
            throw editError(
                "removing '\(dotted(path[...]))' from an inline table with dotted keys "
                    + "is not supported",
                at: entry.keySpan)
        }
        try replace(range, with: "")
    }

    // MARK: - Source helpers

    /// The offset where the line holding `offset` starts.
    private func startOfLine(containing offset: Int) -> Int {
        var start = offset
        while start > 0, bytes[start - 1] != ASCII.newline { start -= 1 }
        return start
    }

    /// Where the line holding `offset` ends, past its comment and line break; the line
    /// break it uses; and whether the line lacks one because the file ends there.
    private func endOfLine(after offset: Int) -> (end: Int, newline: String, isMissing: Bool) {
        var index = offset
        while index < bytes.count, bytes[index] != ASCII.newline { index += 1 }
        guard index < bytes.count else {
            let newline = bytes.contains(ASCII.carriageReturn) ? "\r\n" : "\n"
            return (index, newline, true)
        }
        let isCRLF = index > 0 && bytes[index - 1] == ASCII.carriageReturn
        return (index + 1, isCRLF ? "\r\n" : "\n", false)
    }

    /// The text between a key ending at `keyEnd` and its value, e.g. ` = `.
    private func assignmentSeparator(after keyEnd: Int) -> String {
        var index = keyEnd
        while index < bytes.count, bytes[index] == ASCII.space || bytes[index] == ASCII.tab {
            index += 1
        }
        guard index < bytes.count, bytes[index] == ASCII.equals else { return " = " }
        index += 1
        while index < bytes.count, bytes[index] == ASCII.space || bytes[index] == ASCII.tab {
            index += 1
        }
        return String(decoding: bytes[keyEnd..<index], as: UTF8.self)
    }
}

/// Keys joined with dots, each written as TOML writes a key.
private func dotted(_ path: ArraySlice<String>) -> String {
    path.map(displayKey).joined(separator: ".")
}
