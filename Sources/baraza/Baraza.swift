@main struct Baraza { static func main() {} }
