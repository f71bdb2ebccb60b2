/// Nights a person sleeps at a hotel: from `checkIn` to the morning of `checkOut`.
public struct Stay: Hashable, Sendable {
    public var hotel: Reference<Hotel>
    public var checkIn: LocalDate
    public var checkOut: LocalDate
    public var roomType: String?
    public var sharingWith: [Reference<Person>]
    public var location: SourceLocation

    public init(
        hotel: Reference<Hotel>, checkIn: LocalDate, checkOut: LocalDate, roomType: String? = nil,
        sharingWith: [Reference<Person>] = [], location: SourceLocation
    ) {
        self.hotel = hotel
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.roomType = roomType
        self.sharingWith = sharingWith
        self.location = location
    }

    /// The most nights a stay (or a block of rooms) may span: a year. A longer one is a mistyped date (2207 for
    /// 2027), and would have every rule and list that walks nights walk thousands of them.
    public static let maximumNights = 366

    /// Each night of the stay, by the date of the evening.
    public var nights: [LocalDate] {
        let n = max(0, checkOut.daysSince1970 - checkIn.daysSince1970)
        return (0..<n).map { checkIn.adding(days: $0) }
    }
}

/// A hotel the event books rooms in.
public struct Hotel: Hashable, Sendable {
    public typealias ID = Identifier<Hotel>
    public var id: ID
    public var name: String
    public var address: String?
    public var zone: Zone
    public var checkInTime: LocalTime
    public var checkOutTime: LocalTime
    /// Rooms held for the event.
    public var blocks: [RoomBlock]
    public var location: SourceLocation

    public init(
        id: ID, name: String, address: String?, zone: Zone, checkInTime: LocalTime, checkOutTime: LocalTime,
        blocks: [RoomBlock], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.zone = zone
        self.checkInTime = checkInTime
        self.checkOutTime = checkOutTime
        self.blocks = blocks
        self.location = location
    }
}

/// Rooms of one type held at a hotel for a run of nights.
public struct RoomBlock: Hashable, Sendable {
    public var roomType: String
    public var rooms: Int
    public var firstNight: LocalDate
    public var lastNight: LocalDate
    public var location: SourceLocation

    public init(roomType: String, rooms: Int, firstNight: LocalDate, lastNight: LocalDate, location: SourceLocation) {
        self.roomType = roomType
        self.rooms = rooms
        self.firstNight = firstNight
        self.lastNight = lastNight
        self.location = location
    }
}
