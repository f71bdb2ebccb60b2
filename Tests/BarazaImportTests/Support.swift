import BarazaChecks
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaImport

let fixtures: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
let sharedData = URL(fileURLWithPath: "/work/shared/data")

func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

/// A fresh copy of the fixture workspace (two sessions, Africa/Kigali) in a scratch folder.
func scratchWorkspace() throws -> String {
    let root = ScratchFolders.url("baraza-import")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let target = root.appendingPathComponent("ws")
    try ScratchFolders.copyWorkspace(at: fixtures.appendingPathComponent("workspace"), to: target)
    return target.path
}

/// A scratch folder for files a test writes.
func scratchFolder() throws -> String {
    let root = ScratchFolders.url("baraza-import")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return root.path
}

/// Every file below `folder` (hidden ones included) with its bytes: equal snapshots mean a byte-identical folder.
func snapshot(_ folder: String) -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let relative = enumerator?.nextObject() as? String {
        let path = (folder as NSString).appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        result[relative] = isDirectory.boolValue ? Data("<dir>".utf8) : FileManager.default.contents(atPath: path)
    }
    return result
}

func load(_ workspace: String) throws -> Workspace {
    try WorkspaceLoader(knownRuleIDs: Checker.ruleIDs).load(directory: workspace)
}

func write(_ text: String, to name: String, in folder: String) throws -> String {
    let path = (folder as NSString).appendingPathComponent(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}
