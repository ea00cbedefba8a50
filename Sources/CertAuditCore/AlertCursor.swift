/// Reads a timeline's alert series as `alert` events, day by day and, within a day, in the series'
/// order: on each day, the series whose span holds it and that fire on it
/// (`AlertFiringDays.times(onDay:)`). It holds the places of the series whose span holds the day
/// being read, not an entry per firing.
struct AlertCursor {
    private let alerts: [AlertSeries]
    /// The places in `alerts` by first day, then place.
    private let starts: [Int32]
    private var nextStart = 0
    /// The places of the series whose span holds `day`, ascending.
    private var active: [Int32] = []
    private var merged: [Int32] = []
    private var day = Int64.min
    /// The next place in `active` to look at on `day`.
    private var position = 0
    /// The next alert, found and not yet read.
    private var pending: (series: Int32, times: Int)?

    init(_ alerts: [AlertSeries], starts: [Int32]) {
        self.alerts = alerts
        self.starts = starts
    }

    /// The day (days since 1970-01-01) of the next alert, or nil when none is left.
    mutating func nextDay() -> Int64? {
        findNext() ? day : nil
    }

    mutating func next() -> TimelineEvent? {
        guard findNext(), let (place, times) = pending else { return nil }
        pending = nil
        let series = alerts[Int(place)]
        return TimelineEvent(
            date: LocalDate(daysSinceEpoch: day), kind: .alert, certificateID: series.certificateID,
            policyID: series.policyID, times: times, deliveries: series.deliveries)
    }

    /// Whether there is a next alert: found now, or already.
    private mutating func findNext() -> Bool {
        if pending != nil { return true }
        while true {
            while position < active.count {
                let place = active[position]
                position += 1
                let times = alerts[Int(place)].days.times(onDay: day)
                if times > 0 {
                    pending = (place, times)
                    return true
                }
            }
            guard moveToNextDay() else { return false }
        }
    }

    /// Moves to the next day some series' span holds: drops the series whose span ended, and adds
    /// those that start (to the first start when none is left). False when every series has ended.
    private mutating func moveToNextDay() -> Bool {
        var next = day + 1
        active.removeAll { alerts[Int($0)].days.last.daysSinceEpoch < next }
        if active.isEmpty {
            guard nextStart < starts.count else { return false }
            next = max(next, alerts[Int(starts[nextStart])].days.first.daysSinceEpoch)
        }
        let joining = nextStart
        while nextStart < starts.count, alerts[Int(starts[nextStart])].days.first.daysSinceEpoch <= next {
            nextStart += 1
        }
        if joining < nextStart {
            // Both ascending: merged in one pass (the series joining on a day are few, the active many).
            let joined = starts[joining..<nextStart].sorted()
            merged.removeAll(keepingCapacity: true)
            var left = 0
            var right = 0
            while left < active.count || right < joined.count {
                if right == joined.count || (left < active.count && active[left] < joined[right]) {
                    merged.append(active[left])
                    left += 1
                } else {
                    merged.append(joined[right])
                    right += 1
                }
            }
            swap(&active, &merged)
        }
        day = next
        position = 0
        return true
    }
}
