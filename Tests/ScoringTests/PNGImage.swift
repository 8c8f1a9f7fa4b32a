import Foundation

/// Just enough of PNG to check a browser screenshot: the size from IHDR, and the pixels, inflated from the
/// IDAT chunks and unfiltered, so "not blank" is a fact about pixels rather than a guess from file size.
/// Handles what Chromium writes: 8-bit RGB or RGBA, not interlaced. Foundation on Linux has no zlib
/// API, so DEFLATE is decoded here (RFC 1951, after zlib's puff.c: small and slow, which is fine for a
/// few screenshots).
struct PNGImage {
    enum Failure: Error, CustomStringConvertible {
        case notPNG, truncated, unsupported(String), corrupt(String)

        var description: String {
            switch self {
            case .notPNG: "not a PNG file"
            case .truncated: "the PNG data ends early"
            case .unsupported(let what): "unsupported PNG: \(what)"
            case .corrupt(let what): "corrupt PNG: \(what)"
            }
        }
    }

    let width: Int
    let height: Int
    /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
    let channels: Int
    /// Unfiltered rows, `width * channels` bytes each.
    let pixels: [UInt8]

    /// Width and height from the IHDR chunk alone, without decoding.
    static func size(of data: [UInt8]) throws -> (width: Int, height: Int) {
        guard data.count >= 24, data.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { throw Failure.notPNG }
        guard data[12..<16] == [0x49, 0x48, 0x44, 0x52] else { throw Failure.corrupt("IHDR is not the first chunk") }
        return (bigEndian(data, 16), bigEndian(data, 20))
    }

    init(_ data: [UInt8]) throws {
        (width, height) = try Self.size(of: data)
        var offset = 8
        var compressed: [UInt8] = []
        var bitDepth = 0, colourType = 0, interlace = 0
        while offset + 8 <= data.count {
            let length = Self.bigEndian(data, offset)
            let type = String(decoding: data[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard start + length + 4 <= data.count else { throw Failure.truncated }
            switch type {
            case "IHDR":
                bitDepth = Int(data[start + 8])
                colourType = Int(data[start + 9])
                interlace = Int(data[start + 12])
            case "IDAT":
                compressed += data[start..<(start + length)]
            default:
                break
            }
            offset = start + length + 4  // skip the CRC
            if type == "IEND" { break }
        }
        guard bitDepth == 8, interlace == 0 else { throw Failure.unsupported("bit depth \(bitDepth), interlace \(interlace)") }
        switch colourType {
        case 2: channels = 3
        case 6: channels = 4
        default: throw Failure.unsupported("colour type \(colourType)")
        }
        guard compressed.count > 2 else { throw Failure.truncated }
        // Two bytes of zlib header, then raw DEFLATE (the Adler-32 trailer is not needed).
        var inflater = Inflater(Array(compressed.dropFirst(2)))
        let filtered = try inflater.inflate()
        pixels = try Self.unfilter(filtered, width: width, height: height, channels: channels)
    }

    func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let index = (y * width + x) * channels
        return (pixels[index], pixels[index + 1], pixels[index + 2])
    }

    /// How many distinct RGB colours the image has, and the share of pixels that are not the most common
    /// one (the page's background): a blank page has one colour and nothing inked; anti-aliased text
    /// alone gives dozens of colours.
    func colourStatistics() -> (distinct: Int, inkedFraction: Double) {
        var counts: [UInt32: Int] = [:]
        for y in 0..<height {
            for x in 0..<width {
                let p = pixel(x: x, y: y)
                counts[UInt32(p.r) << 16 | UInt32(p.g) << 8 | UInt32(p.b), default: 0] += 1
            }
        }
        let background = counts.values.max() ?? 0
        return (counts.count, 1 - Double(background) / Double(max(1, width * height)))
    }

    /// Pixels within `tolerance` per channel of a colour such as "#0969da".
    func count(colour hex: String, tolerance: Int = 8) -> Int {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let target = (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
        var matches = 0
        for y in 0..<height {
            for x in 0..<width {
                let p = pixel(x: x, y: y)
                if abs(Int(p.r) - target.0) <= tolerance && abs(Int(p.g) - target.1) <= tolerance && abs(Int(p.b) - target.2) <= tolerance {
                    matches += 1
                }
            }
        }
        return matches
    }

    private static func bigEndian(_ data: [UInt8], _ offset: Int) -> Int {
        Int(data[offset]) << 24 | Int(data[offset + 1]) << 16 | Int(data[offset + 2]) << 8 | Int(data[offset + 3])
    }

    /// Undoes the per-row filters (none, sub, up, average, Paeth).
    private static func unfilter(_ data: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt8] {
        let stride = width * channels
        guard data.count >= (stride + 1) * height else { throw Failure.truncated }
        var output = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = data[row * (stride + 1)]
            let source = row * (stride + 1) + 1
            let target = row * stride
            for column in 0..<stride {
                let raw = Int(data[source + column])
                let left = column >= channels ? Int(output[target + column - channels]) : 0
                let up = row > 0 ? Int(output[target - stride + column]) : 0
                let upLeft = row > 0 && column >= channels ? Int(output[target - stride + column - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let (toLeft, toUp, toUpLeft) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    predicted = toLeft <= toUp && toLeft <= toUpLeft ? left : (toUp <= toUpLeft ? up : upLeft)
                default: throw Failure.corrupt("row filter \(filter)")
                }
                output[target + column] = UInt8((raw + predicted) & 0xFF)
            }
        }
        return output
    }
}

/// A DEFLATE decoder (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
struct Inflater {
    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: [Int]) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private let input: [UInt8]
    private var position = 0
    private var bitBuffer = 0
    private var bitCount = 0
    private var output: [UInt8] = []

    init(_ input: [UInt8]) {
        self.input = input
    }

    mutating func inflate() throws -> [UInt8] {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Self.fixedLengths, Self.fixedDistances)
            case 2: try dynamic()
            default: throw PNGImage.Failure.corrupt("DEFLATE block type 3")
            }
        }
        return output
    }

    private mutating func bits(_ count: Int) throws -> Int {
        while bitCount < count {
            guard position < input.count else { throw PNGImage.Failure.truncated }
            bitBuffer |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        let value = bitBuffer & ((1 << count) - 1)
        bitBuffer >>= count
        bitCount -= count
        return value
    }

    private mutating func stored() throws {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw PNGImage.Failure.truncated }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        position += 4
        guard position + length <= input.count else { throw PNGImage.Failure.truncated }
        output += input[position..<(position + length)]
        position += length
    }

    private mutating func decode(_ huffman: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1...15 {
            code |= try bits(1)
            let count = huffman.counts[length]
            if code - count < first { return huffman.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw PNGImage.Failure.corrupt("bad Huffman code")
    }

    private mutating func codes(_ lengths: Huffman, _ distances: Huffman) throws {
        while true {
            let symbol = try decode(lengths)
            if symbol < 256 {
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let lengthIndex = symbol - 257
                guard lengthIndex < Self.lengthBase.count else { throw PNGImage.Failure.corrupt("length symbol \(symbol)") }
                let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
                let distanceIndex = try decode(distances)
                guard distanceIndex < Self.distanceBase.count else { throw PNGImage.Failure.corrupt("distance symbol \(distanceIndex)") }
                let distance = Self.distanceBase[distanceIndex] + (try bits(Self.distanceExtra[distanceIndex]))
                guard distance <= output.count else { throw PNGImage.Failure.corrupt("distance too far back") }
                let start = output.count - distance
                for offset in 0..<length { output.append(output[start + offset]) }
            }
        }
    }

    private mutating func dynamic() throws {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengths[Self.codeLengthOrder[index]] = try bits(3) }
        let codeLengthCode = Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(codeLengthCode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw PNGImage.Failure.corrupt("repeat with no previous length") }
                lengths += Array(repeating: previous, count: 3 + (try bits(2)))
            case 17: lengths += Array(repeating: 0, count: 3 + (try bits(3)))
            default: lengths += Array(repeating: 0, count: 11 + (try bits(7)))
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw PNGImage.Failure.corrupt("code lengths overrun") }
        try codes(Huffman(lengths: Array(lengths[0..<literalCount])), Huffman(lengths: Array(lengths[literalCount...])))
    }

    private static let fixedLengths = Huffman(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    private static let fixedDistances = Huffman(lengths: Array(repeating: 5, count: 30))
}
