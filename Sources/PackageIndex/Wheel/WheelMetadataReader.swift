import Foundation

/// Reads `*.dist-info/METADATA` out of a remote wheel with HTTP range requests: the
/// zip's end records and central directory from the file's tail, then the one member.
///
/// This is how installers get metadata when an index serves no PEP 658 file; the
/// bytes are the wheel's own, so nothing is guessed.
struct WheelMetadataReader {
    let transport: any HTTPTransport
    let url: String
    let credentials: Credentials?

    /// The tail fetched first; it holds the whole central directory of most wheels.
    static let tailSize = 64 << 10
    /// The largest central directory or member read.
    static let memberLimit = 16 << 20

    /// The METADATA bytes, or `nil` when the server cannot serve ranges of the file or
    /// the archive has no such member.
    func read() async throws(IndexError) -> [UInt8]? {
        // The tail: a 206 with the file size, or a 200 with the whole file.
        let tail = try await transport.fetch(
            HTTPRequest(
                url: url, credentials: credentials, range: "bytes=-\(Self.tailSize)",
                maxBytes: 64 << 20))
        var archive: RemoteArchive
        switch tail.status {
        case 206:
            guard let total = totalLength(tail.headers["content-range"]) else {
                throw malformed("missing Content-Range")
            }
            archive = RemoteArchive(tail: Array(tail.body), start: total - tail.body.count)
        case 200:
            archive = RemoteArchive(tail: Array(tail.body), start: 0)
        default:
            return nil
        }

        // End of central directory, and its ZIP64 form when sizes overflow.
        guard let end = archive.findEndRecord() else {
            throw malformed("no end of central directory")
        }
        var directorySize = archive.uint32(end + 12)
        var directoryOffset = archive.uint32(end + 16)
        if directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            let locator = end - 20
            guard locator >= 0, archive.uint32(locator) == 0x0706_4b50 else {
                throw malformed("missing ZIP64 locator")
            }
            let record = try await bytes(
                archive: &archive, at: archive.uint64(locator + 8), count: 56)
            guard record.uint32(0) == 0x0606_4b50 else { throw malformed("bad ZIP64 record") }
            directorySize = record.uint64(40)
            directoryOffset = record.uint64(48)
        }
        guard directorySize <= Self.memberLimit else {
            throw malformed("central directory too large")
        }
        let directory = try await bytes(
            archive: &archive, at: directoryOffset, count: directorySize)

        // The METADATA entry: `<name>.dist-info/METADATA` at the top level.
        guard let entry = findMetadataEntry(directory) else { return nil }
        guard entry.compressedSize <= Self.memberLimit else {
            throw malformed("METADATA too large")
        }

        // The local header and the data in one read, guessing the extra field's length.
        let guess = 30 + entry.nameLength + 1024 + entry.compressedSize
        var chunk = try await bytes(archive: &archive, at: entry.localOffset, count: guess)
        guard chunk.uint32(0) == 0x0403_4b50 else { throw malformed("bad local header") }
        let dataOffset = 30 + chunk.uint16(26) + chunk.uint16(28)
        if dataOffset + entry.compressedSize > chunk.bytes.count {
            chunk = try await bytes(
                archive: &archive, at: entry.localOffset,
                count: dataOffset + entry.compressedSize)
        }
        guard dataOffset + entry.compressedSize <= chunk.bytes.count else {
            throw malformed("truncated METADATA member")
        }
        let data = ByteView(
            bytes: Array(chunk.bytes[dataOffset..<(dataOffset + entry.compressedSize)]))
        switch entry.method {
        case 0: return data.bytes
        case 8: return try Inflater.inflate(data.bytes, limit: Self.memberLimit)
        default: throw malformed("compression method \(entry.method) is not supported")
        }
    }

    private func malformed(_ detail: String) -> IndexError {
        .malformedResponse(url: redacted(url), detail: detail)
    }

    /// `count` bytes at `offset`, from the tail when it holds them, else fetched.
    private func bytes(archive: inout RemoteArchive, at offset: Int, count: Int)
        async throws(IndexError) -> ByteView
    {
        if let local = archive.slice(offset, count) { return local }
        let response = try await transport.fetch(
            HTTPRequest(
                url: url, credentials: credentials,
                range: "bytes=\(offset)-\(offset + max(count, 1) - 1)", maxBytes: count + 1024))
        guard response.status == 206 || response.status == 200 else {
            throw .httpStatus(response.status, url: redacted(url))
        }
        let body = Array(response.body)
        let view = response.status == 200 ? Array(body.dropFirst(offset)) : body
        // A member may end before the guessed length: keep what the file has.
        return ByteView(bytes: Array(view.prefix(count)))
    }
}

/// The bytes of a remote file known so far: a tail starting at `start`.
struct RemoteArchive {
    var tail: [UInt8]
    var start: Int

    /// Where the end-of-central-directory record starts in the tail.
    func findEndRecord() -> Int? {
        guard tail.count >= 22 else { return nil }
        let lowest = max(0, tail.count - 22 - 0xFFFF)
        for index in stride(from: tail.count - 22, through: lowest, by: -1)
        where tail[index] == 0x50 && tail[index + 1] == 0x4b && tail[index + 2] == 5
            && tail[index + 3] == 6
        {
            return index
        }
        return nil
    }

    func uint32(_ index: Int) -> Int { ByteView(bytes: tail).uint32(index) }
    func uint64(_ index: Int) -> Int { ByteView(bytes: tail).uint64(index) }

    /// The file's bytes `offset..<offset+count` when the tail holds them (clipped at
    /// the end of the file).
    func slice(_ offset: Int, _ count: Int) -> ByteView? {
        let low = offset - start
        guard low >= 0, low <= tail.count else { return nil }
        let high = min(tail.count, low + count)
        guard low + count <= tail.count || high == tail.count else { return nil }
        return ByteView(bytes: Array(tail[low..<high]))
    }
}

/// Little-endian reads that answer 0 past the end instead of trapping.
struct ByteView {
    var bytes: [UInt8]

    func uint16(_ index: Int) -> Int {
        guard index >= 0, index + 2 <= bytes.count else { return 0 }
        return Int(bytes[index]) | Int(bytes[index + 1]) << 8
    }

    func uint32(_ index: Int) -> Int { uint16(index) | uint16(index + 2) << 16 }

    func uint64(_ index: Int) -> Int {
        let high = uint32(index + 4)
        guard high < 0x7FFF_FFFF else { return Int.max }
        return uint32(index) | high << 32
    }
}

/// A central-directory entry's fields that reading one member needs.
struct ZipEntry {
    var method: Int
    var compressedSize: Int
    var nameLength: Int
    var localOffset: Int
}

/// The entry of `*.dist-info/METADATA` at the archive's top level, if any.
func findMetadataEntry(_ directory: ByteView) -> ZipEntry? {
    var index = 0
    let bytes = directory.bytes
    while index + 46 <= bytes.count, directory.uint32(index) == 0x0201_4b50 {
        let nameLength = directory.uint16(index + 28)
        let extraLength = directory.uint16(index + 30)
        let commentLength = directory.uint16(index + 32)
        let nameEnd = min(bytes.count, index + 46 + nameLength)
        let name = String(decoding: bytes[(index + 46)..<nameEnd], as: UTF8.self)
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].hasSuffix(".dist-info"), parts[1] == "METADATA" {
            var entry = ZipEntry(
                method: directory.uint16(index + 10),
                compressedSize: directory.uint32(index + 20), nameLength: nameLength,
                localOffset: directory.uint32(index + 42))

            // ZIP64 extra field: 64-bit values for the fields saturated above.
            var extra = nameEnd
            let extraEnd = min(bytes.count, nameEnd + extraLength)
            while extra + 4 <= extraEnd {
                let id = directory.uint16(extra)
                let size = directory.uint16(extra + 2)
                if id == 1 {
                    var field = extra + 4
                    if directory.uint32(index + 24) == 0xFFFF_FFFF { field += 8 }
                    if entry.compressedSize == 0xFFFF_FFFF {
                        entry.compressedSize = directory.uint64(field)
                        field += 8
                    }
                    if entry.localOffset == 0xFFFF_FFFF {
                        entry.localOffset = directory.uint64(field)
                    }
                }
                extra += 4 + size
            }
            return entry
        }
        index += 46 + nameLength + extraLength + commentLength
    }
    return nil
}

/// The total length in a `Content-Range: bytes a-b/total` header.
private func totalLength(_ header: String?) -> Int? {
    guard let header, let slash = header.lastIndex(of: "/") else { return nil }
    return Int(header[header.index(after: slash)...].trimmingCharacters(in: .whitespaces))
}
