/// Limits applied while opening an untrusted zip archive (an `.xlsx` workbook).
///
/// Entries are only ever decompressed into memory, never onto disk, and each one is counted while it inflates,
/// so a zip bomb stops at the limit whatever its headers claim.
public struct ArchiveLimits: Sendable, Hashable {
    /// Most entries in the archive.
    public var maxEntries: Int
    /// Largest decompressed size of one part, in bytes.
    public var maxEntryBytes: Int
    /// Largest total of the parts actually read, in bytes.
    public var maxTotalBytes: Int
    /// Highest decompressed-to-compressed ratio tolerated for a part larger than 1 MiB.
    public var maxCompressionRatio: Int

    /// Creates limits; the defaults fit a 100,000-row form export.
    public init(
        maxEntries: Int = 10_000, maxEntryBytes: Int = 512_000_000, maxTotalBytes: Int = 1_024_000_000,
        maxCompressionRatio: Int = 200
    ) {
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxCompressionRatio = maxCompressionRatio
    }

    /// The default limits.
    public static let `default` = ArchiveLimits()
}
