internal import Mustache

/// A table row as the templates read it: its class, if any, and its cells, already marked up and
/// escaped by `HTMLTableView` (the templates insert them with `{{{cells}}}`).
struct HTMLTableRow: MustacheParent {
    let rowClass: String?
    /// The cells' markup as written: a page copies these bytes straight into its table, and a
    /// string is made only for a template that reads `cells` (checking every row's UTF-8 again was
    /// 4 % of the pages' instructions).
    let cellBytes: [UInt8]

    var cells: String { String(decoding: cellBytes, as: UTF8.self) }

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
        html.append(contentsOf: cellBytes)
        html.append(contentsOf: "</tr>\n".utf8)
    }
}
