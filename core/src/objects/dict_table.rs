//! The table behind `dict`: an insertion-ordered hash map with CPython's dict
//! semantics, laid out like CPython's compact dict (an entry vector in insertion
//! order plus an open-addressing index into it).
//!
//! Exposes [`DictTable`]. Order rules (CPython's): iteration follows first insertion;
//! storing to an existing key replaces the value in place and keeps the original key
//! object; deleting and re-adding moves a key to the end; `popitem` removes the last.
//!
//! Invariants: `entries` holds live entries and `None` holes left by deletions, never
//! ending with a hole; the index (when present) maps every live entry exactly once,
//! holds fewer than 2/3 occupied slots, and always has an empty slot to end probes.
//! Dicts of up to [`LINEAR_LIMIT`] entry slots have no index and are scanned instead.
//! Holes are compacted away only when a new key is inserted and holes outnumber live
//! entries, so deletions never move entries (iteration cursors stay valid) and every
//! operation is O(1) amortised.
//!
//! Key equality is supplied by the caller as `eq(stored, probe)` and may fail (Python
//! `__eq__`); it is only called on keys whose stored hash equals the probe's. Errors
//! are returned unchanged with the table untouched. The `*_fast` variants take an
//! infallible comparison for keys such as interned names.

use std::cell::Cell;
use std::convert::Infallible;

use super::set_table::KeyEq;

/// Entry-slot count up to which lookups scan `entries` instead of using an index.
const LINEAR_LIMIT: usize = 8;
/// Smallest index size once the dict outgrows the linear scan.
const MIN_INDEX_SIZE: usize = 16;
const INDEX_EMPTY: u32 = u32::MAX;
const INDEX_DELETED: u32 = u32::MAX - 1;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
struct Entry<K, V> {
    hash: i64,
    key: K,
    value: V,
}

/// Where a probe ended.
enum Probe {
    /// A live entry matched: its entry position and its index slot (if indexed).
    Found { entry: usize, slot: Option<usize> },
    /// No match: the index slot a new entry should take (if indexed).
    Vacant { slot: Option<usize> },
}

/// An insertion-ordered map from `K` to `V` (entries carry their key's hash).
#[derive(Clone)]
pub(crate) struct DictTable<K, V> {
    entries: Vec<Option<Entry<K, V>>>,
    /// Entry positions by hash (open addressing with CPython's perturbed probing);
    /// empty while the dict is small enough to scan.
    index: Vec<u32>,
    /// Index slots not `INDEX_EMPTY` (live positions plus deletion markers).
    index_fill: usize,
    live: usize,
    /// `(count, position)`: `count` live entries lie before entry `position`. Lets
    /// ascending [`get_index`](DictTable::get_index) calls resume their scan; reset
    /// to `(0, 0)` (always true) whenever entries move or disappear.
    nth_hint: Cell<(usize, usize)>,
}

impl<K, V> Default for DictTable<K, V> {
    fn default() -> Self {
        DictTable::new()
    }
}

/// The index size for `live` entries: a power of two at least three times larger,
/// so the table can double before the next rebuild.
fn index_size_for(live: usize) -> usize {
    live.saturating_mul(3)
        .max(MIN_INDEX_SIZE)
        .next_power_of_two()
}

/// The first empty or deleted index slot on `hash`'s probe sequence.
fn free_index_slot(index: &[u32], hash: i64) -> usize {
    let mask = (index.len() - 1) as u64;
    let mut perturb = hash as u64;
    let mut i = perturb & mask;
    while index[i as usize] < INDEX_DELETED {
        perturb >>= PERTURB_SHIFT;
        i = i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1) & mask;
    }
    i as usize
}

#[allow(dead_code)] // CPython-parity table API; every method is covered by the unit tests below
impl<K, V> DictTable<K, V> {
    pub(crate) fn new() -> Self {
        DictTable {
            entries: Vec::new(),
            index: Vec::new(),
            index_fill: 0,
            live: 0,
            nth_hint: Cell::new((0, 0)),
        }
    }

    /// An empty dict with room for `capacity` entries before any reallocation.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        let mut table = DictTable::new();
        table.entries.reserve(capacity);
        table
    }

    pub(crate) fn len(&self) -> usize {
        self.live
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.live == 0
    }

    fn holes(&self) -> usize {
        self.entries.len() - self.live
    }

    /// Finds `key`; generic so the infallible fast path compiles to direct comparisons.
    fn probe<E, F>(&self, key: &K, hash: i64, eq: &mut F) -> Result<Probe, E>
    where
        F: FnMut(&K, &K) -> Result<bool, E> + ?Sized,
    {
        if self.index.is_empty() {
            for (position, entry) in self.entries.iter().enumerate() {
                if let Some(entry) = entry {
                    if entry.hash == hash && eq(&entry.key, key)? {
                        return Ok(Probe::Found {
                            entry: position,
                            slot: None,
                        });
                    }
                }
            }
            return Ok(Probe::Vacant { slot: None });
        }
        let mask = (self.index.len() - 1) as u64;
        let mut perturb = hash as u64;
        let mut i = perturb & mask;
        let mut first_deleted = None;
        loop {
            match self.index[i as usize] {
                INDEX_EMPTY => {
                    return Ok(Probe::Vacant {
                        slot: Some(first_deleted.unwrap_or(i as usize)),
                    });
                }
                INDEX_DELETED => {
                    first_deleted = first_deleted.or(Some(i as usize));
                }
                position => {
                    if let Some(Some(entry)) = self.entries.get(position as usize) {
                        if entry.hash == hash && eq(&entry.key, key)? {
                            return Ok(Probe::Found {
                                entry: position as usize,
                                slot: Some(i as usize),
                            });
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1) & mask;
        }
    }

    fn found_entry<E, F>(&self, key: &K, hash: i64, eq: &mut F) -> Result<Option<usize>, E>
    where
        F: FnMut(&K, &K) -> Result<bool, E> + ?Sized,
    {
        Ok(match self.probe(key, hash, eq)? {
            Probe::Found { entry, .. } => Some(entry),
            Probe::Vacant { .. } => None,
        })
    }

    /// Rebuilds the index for the current entries (or drops it for a small dict).
    fn rebuild_index(&mut self) {
        self.index.clear();
        self.index_fill = 0;
        if self.entries.len() <= LINEAR_LIMIT {
            self.index.shrink_to_fit();
            return;
        }
        self.index.resize(index_size_for(self.live), INDEX_EMPTY);
        for (position, entry) in self.entries.iter().enumerate() {
            if let Some(entry) = entry {
                let slot = free_index_slot(&self.index, entry.hash);
                self.index[slot] = position as u32;
            }
        }
        self.index_fill = self.live;
    }

    /// Drops the holes, keeping the order of the live entries; the index must be rebuilt.
    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.nth_hint.set((0, 0));
    }

    fn insert_new<E, F>(&mut self, key: K, hash: i64, value: V, eq: &mut F) -> Result<Option<V>, E>
    where
        F: FnMut(&K, &K) -> Result<bool, E> + ?Sized,
    {
        let slot = match self.probe(&key, hash, eq)? {
            Probe::Found { entry, .. } => {
                return Ok(self.entries[entry]
                    .as_mut()
                    .map(|e| std::mem::replace(&mut e.value, value)));
            }
            Probe::Vacant { slot } => slot,
        };
        self.push_new(slot, Entry { hash, key, value });
        Ok(None)
    }

    /// Appends an entry whose key is known to be absent; `slot` is its index slot
    /// from the probe that established the absence.
    fn push_new(&mut self, slot: Option<usize>, entry: Entry<K, V>) {
        let compacting = self.holes() > self.live && self.holes() >= LINEAR_LIMIT;
        if compacting {
            self.compact();
        }
        let position = self.entries.len();
        self.entries.push(Some(entry));
        self.live += 1;
        match slot {
            Some(slot) if !compacting && (self.index_fill + 1) * 3 < self.index.len() * 2 => {
                if self.index[slot] == INDEX_EMPTY {
                    self.index_fill += 1;
                }
                self.index[slot] = position as u32;
            }
            _ => {
                if !self.index.is_empty() || self.entries.len() > LINEAR_LIMIT {
                    self.rebuild_index();
                }
            }
        }
    }

    /// Removes the entry at `position` (found at index slot `slot`).
    fn take_entry(&mut self, position: usize, slot: Option<usize>) -> Option<(K, V)> {
        let entry = self.entries.get_mut(position)?.take()?;
        self.nth_hint.set((0, 0));
        if let Some(slot) = slot {
            self.index[slot] = INDEX_DELETED;
        }
        self.live -= 1;
        while let Some(None) = self.entries.last() {
            self.entries.pop();
        }
        Some((entry.key, entry.value))
    }

    fn remove_with<E, F>(&mut self, key: &K, hash: i64, eq: &mut F) -> Result<Option<(K, V)>, E>
    where
        F: FnMut(&K, &K) -> Result<bool, E> + ?Sized,
    {
        Ok(match self.probe(key, hash, eq)? {
            Probe::Found { entry, slot } => self.take_entry(entry, slot),
            Probe::Vacant { .. } => None,
        })
    }

    /// `d.get(key)` / `d[key]`.
    pub(crate) fn get<E>(
        &self,
        key: &K,
        hash: i64,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<Option<&V>, E> {
        Ok(self
            .found_entry(key, hash, eq)?
            .and_then(|i| self.entry_value(i)))
    }

    /// The stored key and value for `key` (the stored key may be a different object).
    pub(crate) fn get_key_value<E>(
        &self,
        key: &K,
        hash: i64,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<Option<(&K, &V)>, E> {
        Ok(self
            .found_entry(key, hash, eq)?
            .and_then(|i| self.entries[i].as_ref().map(|e| (&e.key, &e.value))))
    }

    pub(crate) fn get_mut<E>(
        &mut self,
        key: &K,
        hash: i64,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<Option<&mut V>, E> {
        Ok(match self.found_entry(key, hash, eq)? {
            Some(i) => self.entries[i].as_mut().map(|e| &mut e.value),
            None => None,
        })
    }

    /// `key in d`.
    pub(crate) fn contains_key<E>(
        &self,
        key: &K,
        hash: i64,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<bool, E> {
        Ok(self.found_entry(key, hash, eq)?.is_some())
    }

    /// `d[key] = value`: returns the old value; an existing key keeps its place and
    /// its original key object.
    pub(crate) fn insert<E>(
        &mut self,
        key: K,
        hash: i64,
        value: V,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<Option<V>, E> {
        self.insert_new(key, hash, value, eq)
    }

    /// `del d[key]` / `d.pop(key)`: the removed key (as stored) and value.
    pub(crate) fn remove<E>(
        &mut self,
        key: &K,
        hash: i64,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<Option<(K, V)>, E> {
        self.remove_with(key, hash, eq)
    }

    /// `d.popitem()`: removes the last entry.
    pub(crate) fn popitem(&mut self) -> Option<(K, V)> {
        let position = self.entries.len().checked_sub(1)?;
        let hash = self.entries[position].as_ref()?.hash;
        let slot = if self.index.is_empty() {
            None
        } else {
            // Follow the probe sequence to the index slot that points at `position`.
            let mask = (self.index.len() - 1) as u64;
            let mut perturb = hash as u64;
            let mut i = perturb & mask;
            loop {
                match self.index[i as usize] {
                    INDEX_EMPTY => break None,
                    p if p as usize == position => break Some(i as usize),
                    _ => {}
                }
                perturb >>= PERTURB_SHIFT;
                i = i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1) & mask;
            }
        };
        self.take_entry(position, slot)
    }

    /// `d.clear()`.
    pub(crate) fn clear(&mut self) {
        *self = DictTable::new();
    }

    fn entry_value(&self, position: usize) -> Option<&V> {
        self.entries.get(position)?.as_ref().map(|e| &e.value)
    }

    /// The `n`-th item in iteration order. O(1) without deletion holes; with holes,
    /// ascending calls (an iterator's `get_index(0)`, `get_index(1)`, ...) resume
    /// from the previous answer, so a full pass is still O(len + holes).
    pub(crate) fn get_index(&self, n: usize) -> Option<(&K, &V)> {
        if self.live == self.entries.len() {
            return self.entries.get(n)?.as_ref().map(|e| (&e.key, &e.value));
        }
        if n >= self.live {
            return None;
        }
        let (mut count, mut position) = self.nth_hint.get();
        if count > n {
            (count, position) = (0, 0);
        }
        for (i, entry) in self.entries.iter().enumerate().skip(position) {
            if let Some(entry) = entry {
                if count == n {
                    self.nth_hint.set((n, i));
                    return Some((&entry.key, &entry.value));
                }
                count += 1;
            }
        }
        None
    }

    /// A dict iterator step (CPython's `di_pos`): the first item at entry position
    /// `pos` or later, with the position to resume from. Positions survive deletions;
    /// the caller detects "dictionary changed size during iteration" via `len()`.
    pub(crate) fn next_from(&self, pos: usize) -> Option<(usize, &K, &V)> {
        self.entries
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, entry)| entry.as_ref().map(|e| (i + 1, &e.key, &e.value)))
    }

    /// Items in order.
    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + '_ {
        self.entries
            .iter()
            .filter_map(|e| e.as_ref().map(|e| (&e.key, &e.value)))
    }

    /// Items in order with their stored key hashes.
    pub(crate) fn iter_hashed(&self) -> impl DoubleEndedIterator<Item = (i64, &K, &V)> + '_ {
        self.entries
            .iter()
            .filter_map(|e| e.as_ref().map(|e| (e.hash, &e.key, &e.value)))
    }

    pub(crate) fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + '_ {
        self.iter().map(|(k, _)| k)
    }

    pub(crate) fn values(&self) -> impl DoubleEndedIterator<Item = &V> + '_ {
        self.iter().map(|(_, v)| v)
    }

    pub(crate) fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + '_ {
        self.entries
            .iter_mut()
            .filter_map(|e| e.as_mut().map(|e| &mut e.value))
    }

    /// Consumes the table, yielding its items in order.
    pub(crate) fn into_items(self) -> impl DoubleEndedIterator<Item = (K, V)> {
        self.entries
            .into_iter()
            .filter_map(|e| e.map(|e| (e.key, e.value)))
    }

    /// [`get`](Self::get) with an equality that cannot fail.
    pub(crate) fn get_fast(&self, key: &K, hash: i64, eq: impl Fn(&K, &K) -> bool) -> Option<&V> {
        let mut eq = |a: &K, b: &K| Ok::<bool, Infallible>(eq(a, b));
        match self.found_entry(key, hash, &mut eq) {
            Ok(found) => found.and_then(|i| self.entry_value(i)),
            Err(never) => match never {},
        }
    }

    /// [`get_mut`](Self::get_mut) with an equality that cannot fail.
    pub(crate) fn get_mut_fast(
        &mut self,
        key: &K,
        hash: i64,
        eq: impl Fn(&K, &K) -> bool,
    ) -> Option<&mut V> {
        let mut eq = |a: &K, b: &K| Ok::<bool, Infallible>(eq(a, b));
        match self.found_entry(key, hash, &mut eq) {
            Ok(found) => self.entries.get_mut(found?)?.as_mut().map(|e| &mut e.value),
            Err(never) => match never {},
        }
    }

    /// [`contains_key`](Self::contains_key) with an equality that cannot fail.
    pub(crate) fn contains_key_fast(
        &self,
        key: &K,
        hash: i64,
        eq: impl Fn(&K, &K) -> bool,
    ) -> bool {
        self.get_fast(key, hash, eq).is_some()
    }

    /// [`insert`](Self::insert) with an equality that cannot fail.
    pub(crate) fn insert_fast(
        &mut self,
        key: K,
        hash: i64,
        value: V,
        eq: impl Fn(&K, &K) -> bool,
    ) -> Option<V> {
        let mut eq = |a: &K, b: &K| Ok::<bool, Infallible>(eq(a, b));
        match self.insert_new(key, hash, value, &mut eq) {
            Ok(old) => old,
            Err(never) => match never {},
        }
    }

    /// [`remove`](Self::remove) with an equality that cannot fail.
    pub(crate) fn remove_fast(
        &mut self,
        key: &K,
        hash: i64,
        eq: impl Fn(&K, &K) -> bool,
    ) -> Option<(K, V)> {
        let mut eq = |a: &K, b: &K| Ok::<bool, Infallible>(eq(a, b));
        match self.remove_with(key, hash, &mut eq) {
            Ok(removed) => removed,
            Err(never) => match never {},
        }
    }
}

#[allow(dead_code)] // CPython-parity table API; every method is covered by the unit tests below
impl<K, V: Clone> DictTable<K, V> {
    /// `d.setdefault(key, default)` with a single lookup: the existing value, or
    /// `default` after inserting it at the end.
    pub(crate) fn setdefault<E>(
        &mut self,
        key: K,
        hash: i64,
        default: V,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<V, E> {
        match self.probe(&key, hash, eq)? {
            Probe::Found { entry, .. } => match self.entry_value(entry) {
                Some(value) => Ok(value.clone()),
                None => Ok(default),
            },
            Probe::Vacant { slot } => {
                self.push_new(
                    slot,
                    Entry {
                        hash,
                        key,
                        value: default.clone(),
                    },
                );
                Ok(default)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq_i64(a: &i64, b: &i64) -> Result<bool, Infallible> {
        Ok(a == b)
    }

    fn keys(d: &DictTable<i64, i64>) -> Vec<i64> {
        d.keys().copied().collect()
    }

    #[test]
    fn order_follows_first_insertion() {
        let eq = &mut eq_i64;
        let mut d = DictTable::new();
        for k in [5, 3, 9, 1] {
            assert_eq!(d.insert(k, k, k * 10, eq), Ok(None));
        }
        assert_eq!(d.insert(3, 3, 33, eq), Ok(Some(30)));
        assert_eq!(keys(&d), vec![5, 3, 9, 1]);
        assert_eq!(d.remove(&5, 5, eq), Ok(Some((5, 50))));
        assert_eq!(d.insert(5, 5, 55, eq), Ok(None));
        assert_eq!(keys(&d), vec![3, 9, 1, 5]);
        assert_eq!(d.popitem(), Some((5, 55)));
        assert_eq!(d.get(&3, 3, eq), Ok(Some(&33)));
        assert_eq!(d.get_index(1), Some((&9, &90)));
    }

    #[test]
    fn many_deletions_keep_order_and_lookups() {
        let eq = &mut eq_i64;
        let mut d = DictTable::new();
        for k in 0..10_000 {
            let _ = d.insert(k, k % 97, k, eq);
        }
        for k in (0..10_000).filter(|k| k % 3 != 0) {
            assert_eq!(d.remove(&k, k % 97, eq), Ok(Some((k, k))));
        }
        for k in 10_000..12_000 {
            let _ = d.insert(k, k % 97, k, eq);
        }
        let expected: Vec<i64> = (0..10_000)
            .filter(|k| k % 3 == 0)
            .chain(10_000..12_000)
            .collect();
        assert_eq!(keys(&d), expected);
        for &k in &expected {
            assert_eq!(d.get(&k, k % 97, eq), Ok(Some(&k)));
        }
        assert_eq!(d.get(&1, 1, eq), Ok(None));
        while d.popitem().is_some() {}
        assert!(d.is_empty());
    }

    #[test]
    fn overwriting_keeps_the_original_key_object() {
        // Keys compare by their first field only, like 1 == 1.0 == True.
        let eq = &mut |a: &(i64, char), b: &(i64, char)| Ok::<bool, Infallible>(a.0 == b.0);
        let mut d = DictTable::new();
        let _ = d.insert((1, 'i'), 1, "int", eq);
        assert_eq!(d.insert((1, 'f'), 1, "float", eq), Ok(Some("int")));
        assert_eq!(
            d.get_key_value(&(1, 'b'), 1, eq),
            Ok(Some((&(1, 'i'), &"float")))
        );
    }

    #[test]
    fn equality_errors_leave_the_table_intact() {
        let mut d = DictTable::new();
        let _ = d.insert_fast(1i64, 7, 1i64, |a, b| a == b);
        let mut failing = |_: &i64, _: &i64| Err::<bool, &str>("boom");
        assert_eq!(d.insert(2, 7, 2, &mut failing), Err("boom"));
        assert_eq!(d.len(), 1);
        assert_eq!(d.get_fast(&1, 7, |a, b| a == b), Some(&1));
    }
}
