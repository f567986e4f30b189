/// A DEFLATE decoder (RFC 1951) for the `METADATA` member of a wheel read by range
/// requests. Foundation on Linux exposes no zlib, and the members are a few kilobytes,
/// so a small canonical-Huffman decoder that reads bit by bit is enough.
struct Inflater {
    private let input: [UInt8]
    private let limit: Int
    private var position = 0
    private var bitBuffer: UInt32 = 0
    private var bitCount = 0
    private var output: [UInt8] = []

    /// The bytes `input` (raw DEFLATE, no zlib header) inflates to, at most `limit`.
    static func inflate(_ input: [UInt8], limit: Int) throws(IndexError) -> [UInt8] {
        var inflater = Inflater(input: input, limit: limit)
        try inflater.run()
        return inflater.output
    }

    private init(input: [UInt8], limit: Int) {
        self.input = input
        self.limit = limit
    }

    private mutating func run() throws(IndexError) {
        var isFinal = false
        while !isFinal {
            isFinal = try bits(1) == 1
            switch try bits(2) {
            case 0: try storedBlock()
            case 1: try huffmanBlock(literals: Self.fixedLiterals, distances: Self.fixedDistances)
            case 2:
                let (literals, distances) = try dynamicTables()
                try huffmanBlock(literals: literals, distances: distances)
            default: throw Self.corrupt("reserved block type")
            }
        }
    }

    // MARK: - Bits

    private mutating func bits(_ count: Int) throws(IndexError) -> Int {
        while bitCount < count {
            guard position < input.count else { throw Self.corrupt("unexpected end of data") }
            bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let value = Int(bitBuffer & ((1 << UInt32(count)) - 1))
        bitBuffer >>= UInt32(count)
        bitCount -= count
        return value
    }

    private static func corrupt(_ detail: String) -> IndexError {
        .malformedResponse(url: "wheel METADATA", detail: "deflate stream: \(detail)")
    }

    // MARK: - Blocks

    private mutating func storedBlock() throws(IndexError) {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw Self.corrupt("truncated stored block") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let check = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == ~check & 0xFFFF else { throw Self.corrupt("stored length mismatch") }
        position += 4
        guard position + length <= input.count else { throw Self.corrupt("truncated block") }
        try append(input[position..<position + length])
        position += length
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) throws(IndexError) {
        guard output.count + bytes.count <= limit else { throw Self.corrupt("too large") }
        output += bytes
    }

    private mutating func huffmanBlock(literals: Huffman, distances: Huffman)
        throws(IndexError)
    {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                guard output.count < limit else { throw Self.corrupt("too large") }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < Self.lengthBase.count else { throw Self.corrupt("bad length") }
            let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
            let distanceIndex = try decode(distances)
            guard distanceIndex < Self.distanceBase.count else {
                throw Self.corrupt("bad distance")
            }
            let distance =
                Self.distanceBase[distanceIndex] + (try bits(Self.distanceExtra[distanceIndex]))
            guard distance <= output.count else { throw Self.corrupt("distance too far back") }
            guard output.count + length <= limit else { throw Self.corrupt("too large") }
            let start = output.count - distance
            for offset in 0..<length { output.append(output[start + offset]) }
        }
    }

    private mutating func dynamicTables() throws(IndexError) -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else {
            throw Self.corrupt("too many codes")
        }

        // The code-length code, its lengths in a fixed permuted order.
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[Self.codeLengthOrder[index]] = try bits(3)
        }
        let codeLengths = try Huffman(lengths: codeLengthLengths)

        // Literal/length and distance code lengths, with run-length codes 16–18.
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(codeLengths)
            switch symbol {
            case 0...15:
                lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Self.corrupt("repeat first") }
                lengths += repeatElement(previous, count: 3 + (try bits(2)))
            case 17:
                lengths += repeatElement(0, count: 3 + (try bits(3)))
            default:
                lengths += repeatElement(0, count: 11 + (try bits(7)))
            }
        }
        guard lengths.count == literalCount + distanceCount, lengths[256] != 0 else {
            throw Self.corrupt("bad code lengths")
        }
        return (
            try Huffman(lengths: Array(lengths[..<literalCount])),
            try Huffman(lengths: Array(lengths[literalCount...]))
        )
    }

    /// Decodes one symbol: codes of up to `Huffman.fastBits` bits by one table lookup,
    /// longer ones (and the last few bits of the input) one bit at a time, walking the
    /// canonical code by length.
    private mutating func decode(_ table: Huffman) throws(IndexError) -> Int {
        while bitCount < Huffman.fastBits, position < input.count {
            bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        if bitCount >= Huffman.fastBits {
            let entry = Int(table.fast[Int(bitBuffer & Huffman.fastMask)])
            if entry != 0 {
                let length = entry & 0xF
                bitBuffer >>= UInt32(length)
                bitCount -= length
                return entry >> 4
            }
        }

        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            code |= try bits(1)
            let count = table.counts[length]
            if code - first < count { return table.symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw Self.corrupt("invalid code")
    }

    // MARK: - Tables

    private static let codeLengthOrder = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ]
    private static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
        115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
        1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
        12, 13, 13,
    ]
    private static let fixedLiterals: Huffman = {
        let lengths =
            [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
            + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
        return (try? Huffman(lengths: lengths)) ?? Huffman()
    }()
    private static let fixedDistances: Huffman =
        (try? Huffman(lengths: [Int](repeating: 5, count: 30))) ?? Huffman()
}

/// A canonical Huffman code as counts of codes per length and symbols in code order,
/// with a lookup table for the short codes.
private struct Huffman {
    /// Codes this long or shorter are decoded by one lookup in `fast`.
    static let fastBits = 9
    static let fastMask: UInt32 = (1 << 9) - 1

    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []
    /// For the next `fastBits` input bits (first bit lowest): `symbol << 4 | length` of
    /// the code they start with, or 0 when that code is longer.
    var fast = [UInt16](repeating: 0, count: 1 << 9)

    init() {}

    init(lengths: [Int]) throws(IndexError) {
        for length in lengths { counts[length] += 1 }
        counts[0] = 0
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length != 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }

        // The short codes, bit-reversed since DEFLATE sends a code's top bit first.
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            next[length] = code
        }
        for (symbol, length) in lengths.enumerated() where length != 0 {
            let code = next[length] & ((1 << length) - 1)
            next[length] += 1
            guard length <= Self.fastBits else { continue }
            var reversed = 0
            for bit in 0..<length where code & (1 << bit) != 0 {
                reversed |= 1 << (length - 1 - bit)
            }
            let entry = UInt16(symbol << 4 | length)
            var index = reversed
            while index < fast.count {
                fast[index] = entry
                index += 1 << length
            }
        }
    }
}
