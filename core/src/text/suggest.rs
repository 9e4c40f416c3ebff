//! CPython 3.11's "Did you mean" suggestion (`Python/suggestions.c`), which the traceback
//! printer appends to the last line of a `NameError` or `AttributeError`:
//! `NameError: name 'pritn' is not defined. Did you mean: 'print'?`.
//!
//! Exposes [`suggest`], the choice among one list of candidate names. Invariant: it returns
//! exactly the candidate CPython's `calculate_suggestions` returns for the same list in the
//! same order — an edit distance over UTF-8 bytes where a case flip costs 1 and any other edit
//! 2, at most a third of the involved bytes changed, the first candidate winning ties, and no
//! suggestion from a list of 750 names or more.
//!
//! What the caller passes (and when CPython asks at all):
//! - Only an exception whose type is exactly `NameError` or `AttributeError` gets a
//!   suggestion, and only if its `name` (and for `AttributeError`, `obj`) is set: by a failed
//!   name lookup or attribute access, or by `NameError(..., name=...)` /
//!   `AttributeError(..., name=..., obj=...)`. A subclass (`UnboundLocalError` included, which
//!   never has a `name` anyway) gets none.
//! - `AttributeError`: one call with `dir(obj)` — sorted, so ties go to the smallest name.
//! - `NameError`: up to three calls, stopping at the first `Some`, all about the innermost
//!   frame of the traceback: its code's local variable names (`co_varnames`: parameters, then
//!   other locals, in order; empty at module level), then `list(globals)` in insertion order
//!   (including `__name__`, `__builtins__` and the other module dunders), then
//!   `list(builtins.__dict__)` in CPython's order.
//! - The line is printed as `. Did you mean: '` + the name + `'?` — the name raw, not its repr.

/// CPython gives up on a list this long or longer.
const MAX_CANDIDATE_ITEMS: usize = 750;
/// After trimming common affixes, longer strings are never considered close.
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The candidate CPython would suggest for the misspelled `wrong`, if any.
pub(crate) fn suggest<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().take(MAX_CANDIDATE_ITEMS).collect();
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for item in candidates {
        if item == wrong {
            continue;
        }
        // No more than a third of the involved characters may need changing.
        let mut max_distance = (wrong.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, best_distance)) = best {
            // Only a strictly closer candidate can replace the one found.
            match best_distance.checked_sub(1) {
                Some(bound) => max_distance = max_distance.min(bound),
                None => continue,
            }
        }
        let distance = levenshtein(wrong.as_bytes(), item.as_bytes(), max_distance);
        if distance <= max_distance {
            best = Some((item, distance));
        }
    }
    best.map(|(item, _)| item)
}

/// CPython's cost of replacing byte `a` by `b` (it first compares the low five bits, which is
/// only a shortcut: ASCII letters differing in case agree there).
fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance`: the weighted edit distance, or `max_cost + 1` as soon as
/// it is known to exceed `max_cost` (or the trimmed strings are longer than
/// `MAX_STRING_SIZE`, whatever their distance).
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    // One row over the shorter string.
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row = [0usize; MAX_STRING_SIZE];
    for (i, cell) in row.iter_mut().take(a.len()).enumerate() {
        *cell = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (cell, &a_byte) in row.iter_mut().zip(a) {
            let substitute = distance + substitution_cost(code, a_byte);
            distance = *cell;
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            *cell = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const CASES: &str = include_str!("../../testdata/suggest_cases.txt");

    fn unescape(token: &str) -> String {
        let text = token.strip_prefix('=').expect("token starts with '='");
        let mut bytes = Vec::new();
        let mut rest = text.as_bytes();
        while let Some((&first, tail)) = rest.split_first() {
            if first == b'%' {
                let hex = std::str::from_utf8(&tail[..2]).expect("escape");
                bytes.push(u8::from_str_radix(hex, 16).expect("hex escape"));
                rest = &tail[2..];
            } else {
                bytes.push(first);
                rest = tail;
            }
        }
        String::from_utf8(bytes).expect("utf-8")
    }

    #[test]
    fn matches_cpython_cases() {
        let mut pools: HashMap<&str, Vec<String>> = HashMap::new();
        let mut checked = 0;
        for (number, line) in CASES.lines().enumerate() {
            let tokens: Vec<&str> = line.split(' ').collect();
            if tokens[0] == "pool" {
                pools.insert(tokens[1], tokens[2..].iter().map(|t| unescape(t)).collect());
                continue;
            }
            let wrong = unescape(tokens[0]);
            let expected = match tokens[1] {
                "-" => None,
                token => Some(unescape(token)),
            };
            let mut candidates: Vec<String> = Vec::new();
            for token in &tokens[2..] {
                match token.strip_prefix('@') {
                    Some(pool) => candidates.extend(pools[pool].iter().cloned()),
                    None => candidates.push(unescape(token)),
                }
            }
            let got = suggest(&wrong, candidates.iter().map(String::as_str));
            assert_eq!(
                got,
                expected.as_deref(),
                "line {}: {wrong:?} among {} candidates",
                number + 1,
                candidates.len()
            );
            checked += 1;
        }
        assert!(checked >= 100, "only {checked} cases");
    }

    #[test]
    fn documented_examples() {
        assert_eq!(suggest("pritn", ["input", "print", "len"]), Some("print"));
        assert_eq!(suggest("uper", ["lower", "upper"]), Some("upper"));
        assert_eq!(suggest("ab", ["ac", "ad"]), Some("ac"));
        assert_eq!(suggest("apple", ["banana"]), None);
        assert_eq!(suggest("x", std::iter::empty()), None);
    }
}
