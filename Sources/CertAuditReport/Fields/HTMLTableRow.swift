internal import Mustache

/// A table row as the templates read it: its class, if any, and its cells, already marked up and
/// escaped by `HTMLTableView` (the templates insert them with `{{{cells}}}`).
struct HTMLTableRow: MustacheParent {
    let rowClass: String?
    let cells: String

    func child(named name: String) -> Any? {
        switch name {
        case "cells": cells
        case "rowClass": rowClass ?? ""
        case "hasRowClass": rowClass != nil
        default: nil
        }
    }

    /// The row as a page writes it whole (`{{{tableRows}}}`): `<tr class="…">` with its cells, then
    /// a line feed — the bytes the page template's row loop wrote, without a Mustache lookup per row.
    func appendLine(to html: inout [UInt8]) {
        html.append(contentsOf: "<tr".utf8)
        if let rowClass {
            html.append(contentsOf: " class=\"".utf8)
            HTMLEscaping.append(rowClass, to: &html)
            html.append(UInt8(ascii: "\""))
        }
        html.append(UInt8(ascii: ">"))
        html.append(contentsOf: cells.utf8)
        html.append(contentsOf: "</tr>\n".utf8)
    }
}
