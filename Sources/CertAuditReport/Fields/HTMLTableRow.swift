internal import Mustache

/// A table row as the templates read it: its class, if any, and its cells.
struct HTMLTableRow: MustacheParent {
    let rowClass: String?
    let cells: [HTMLTableCell]

    func child(named name: String) -> Any? {
        switch name {
        case "cells": cells
        case "rowClass": rowClass ?? ""
        case "hasRowClass": rowClass != nil
        default: nil
        }
    }
}
