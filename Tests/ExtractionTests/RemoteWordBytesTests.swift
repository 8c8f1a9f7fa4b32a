import Testing
import TestSupport
@testable import Extraction

/// `LineFields.isRemoteWordASCII` (the remote-word test of `isLocation` by byte) against the lookup
/// it replaces, kept here as the reference.
@Suite struct RemoteWordBytesTests {
    static func reference(_ text: String) -> Bool {
        LineFields.remoteWords.contains(text.lowercased())
    }

    static func byBytes(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { LineFields.isRemoteWordASCII($0) }
    }

    @Test func everyRemoteWordIsFoundInAnyCase() {
        for word in LineFields.remoteWords {
            #expect(Self.byBytes(word), "\(word)")
            #expect(Self.byBytes(word.uppercased()), "\(word)")
            #expect(Self.byBytes(word.prefix(1).uppercased() + word.dropFirst()), "\(word)")
        }
    }

    @Test func agreesWithTheReferenceOnASCIIText() {
        var texts = ["", " ", "remote ", " remote", "remotE", "remotes", "remot", "Hybrid", "hybrid-", "on site", "On-Site",
                     "ONSITE", "onsitE", "Work From Home", "work  from home", "work from hom", "Telecommute", "telecommuted",
                     "Columbus, OH", "Remote, US", "emote", "xemote", "remotf", "remo-e"]
        var random = SplitMix64(seed: 0x2E30_7E01)
        let alphabet = Array("remotehybridnsi-wkfacuTREMOH ".utf8)
        for _ in 0..<5000 {
            let length = Int(random.next() % 16)
            texts.append(String(decoding: (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self))
        }
        for word in LineFields.remoteWords {
            // Each word with one byte changed, dropped or added.
            let bytes = Array(word.utf8)
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                texts.append(String(decoding: changed, as: UTF8.self))
                var dropped = bytes
                dropped.remove(at: index)
                texts.append(String(decoding: dropped, as: UTF8.self))
            }
            texts.append(word + "s")
        }
        for text in texts {
            #expect(Self.byBytes(text) == Self.reference(text), "\(text)")
        }
    }
}
