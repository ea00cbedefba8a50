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
}
