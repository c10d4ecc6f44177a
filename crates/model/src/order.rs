//! Every list is ordered through one sort of number pairs (a key and a
//! position), so the wasm carries one sort rather than one per kind of key:
//! each is kilobytes on a 2G link.

use chrono::{DateTime, Utc};

/// The positions of `keys` from the smallest key up, equal keys in the order
/// given.
pub fn stable_order(keys: impl Iterator<Item = u64>) -> Vec<usize> {
    let mut pairs: Vec<(u64, usize)> = keys.zip(0..).collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, n)| n).collect()
}

/// A time as a key, to the millisecond, earliest first (the sign bit
/// flipped keeps times before 1970 before those after).
pub fn time_key(t: DateTime<Utc>) -> u64 {
    t.timestamp_millis() as u64 ^ 1 << 63
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_key_then_by_position() {
        assert_eq!(stable_order([3, 1, 2, 1, 0].into_iter()), [4, 1, 3, 2, 0]);
        assert_eq!(stable_order(std::iter::empty()), Vec::<usize>::new());
    }

    #[test]
    fn time_keys_sort_as_times() {
        let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let times = [t("2026-11-24T10:00:00.002Z"), t("1969-12-31T23:59:59Z"), t("2026-11-24T10:00:00.001Z"), t("1970-01-01T00:00:00Z")];
        let order = stable_order(times.iter().map(|t| time_key(*t)));
        let mut sorted = times;
        sorted.sort();
        assert_eq!(order.iter().map(|n| times[*n]).collect::<Vec<_>>(), sorted);
    }
}
