/// The playbook a file belongs to: `common` applies to every unit, the others to one sector.
package enum PlaybookSector: String, Sendable, Hashable, CaseIterable, Comparable {
    case common, retail, tech, luxury, banking

    /// The sectors a unit can have (every case but `common`).
    static let unitSectors: [PlaybookSector] = [.retail, .tech, .luxury, .banking]

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Declaration order: common first.
    package static func < (a: PlaybookSector, b: PlaybookSector) -> Bool { a.rank < b.rank }
}
