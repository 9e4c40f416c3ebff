//! The table behind `set` and `frozenset`: CPython 3.11's `setobject.c` algorithm,
//! slot for slot, so iteration order (`print(s)`, `list(s)`, `s.pop()`) is the same as
//! CPython's for the same operations on keys with the same hashes.
//!
//! Exposes [`SetTable`] and the [`KeyEq`] callback type. Besides the element
//! operations it has one constructor per CPython set-algebra code path, because
//! CPython builds `a | b`, `a & b`, `a - b`, `a ^ b`, `set(x)`, `s.copy()` and the
//! in-place forms differently (which operand is iterated, whether the table is
//! presized or copied slot by slot), and each choice shows in the resulting order.
//!
//! Invariants (those of `setobject.c`): the table has a power-of-two size of at least 8;
//! `fill` (active + dummy slots) stays below that size, so every probe sequence meets
//! an empty slot; no key is stored twice; a removed key leaves a dummy until the next
//! resize. Probe arithmetic is done in `u64` so a 32-bit host probes like x86-64.
//!
//! Key equality is supplied by the caller as `eq(stored, probe)`, which may fail (it
//! can run Python `__eq__`); CPython's `PyObject_RichCompareBool` identity shortcut is
//! the callback's job. Every method that takes `eq` returns its error unchanged and
//! leaves the table valid. Operations whose two operands are the same Python object
//! (`s |= s`, `s &= s`, `s -= s`, `s ^= s`) cannot be expressed with `&mut self` and
//! `&other`; the caller handles them as documented on each in-place method.

use super::dict_table::DictTable;

/// Key equality `eq(stored_key, probe_key)`; `Err` propagates a Python exception.
pub(crate) type KeyEq<'a, K, E> = dyn FnMut(&K, &K) -> Result<bool, E> + 'a;

/// `PySet_MINSIZE`.
const MIN_SIZE: usize = 8;
/// Slots inspected linearly before jumping (`LINEAR_PROBES`).
const LINEAR_PROBES: u64 = 9;
/// `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;
/// Above this many elements a full table grows 2x instead of 4x.
const LARGE_SET: usize = 50_000;

#[derive(Clone)]
enum Slot<K> {
    Empty,
    /// A removed key; probing continues past it (CPython's `dummy`, hash -1).
    Dummy,
    Active {
        hash: i64,
        key: K,
    },
}

/// A CPython-ordered hash set of `K` (entries carry their hash).
///
/// `Clone` replicates the table exactly (same slots, same pop finger); it is not
/// Python's `set.copy()`, which rebuilds and may reorder: use [`copy`](Self::copy).
#[derive(Clone)]
pub(crate) struct SetTable<K> {
    /// The slots; an unallocated vector stands for the 8 empty slots of a new set.
    slots: Vec<Slot<K>>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots (`len()`).
    used: usize,
    /// Where `pop` resumes searching (CPython's `finger`; survives resizes and `clear`).
    finger: usize,
}

impl<K> Default for SetTable<K> {
    fn default() -> Self {
        SetTable::new()
    }
}

fn empty_slots<K>(size: usize) -> Vec<Slot<K>> {
    let mut slots = Vec::with_capacity(size);
    slots.resize_with(size, || Slot::Empty);
    slots
}

/// `set_insert_clean`: places a key known to be absent into a table without dummies.
fn insert_clean<K>(slots: &mut [Slot<K>], hash: i64, key: K) {
    let mask = (slots.len() - 1) as u64;
    let mut perturb = hash as u64;
    let mut i = perturb & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for j in i..=i + probes {
            let slot = &mut slots[j as usize];
            if matches!(slot, Slot::Empty) {
                *slot = Slot::Active { hash, key };
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
    }
}

/// The size `set_table_resize` picks: the smallest power of two above `min_used`.
fn table_size_for(min_used: usize) -> usize {
    let mut size = MIN_SIZE;
    // The cap only matters for sizes no allocation could satisfy; it avoids overflow.
    while size <= min_used && size < 1 << (usize::BITS - 2) {
        size <<= 1;
    }
    size
}

/// The `minused` argument CPython passes when a table fills up or sheds dummies.
fn growth_target(used: usize) -> usize {
    if used > LARGE_SET {
        used.saturating_mul(2)
    } else {
        used * 4
    }
}

#[allow(dead_code)] // CPython-parity table API; every method is covered by the unit tests below
impl<K> SetTable<K> {
    pub(crate) fn new() -> Self {
        SetTable {
            slots: Vec::new(),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.used
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// `mask` of the logical table (an unallocated table is the 8-slot small table).
    fn mask(&self) -> usize {
        self.slots.len().max(MIN_SIZE) - 1
    }

    fn allocate(&mut self) {
        if self.slots.is_empty() {
            self.slots = empty_slots(MIN_SIZE);
        }
    }

    /// `set_lookkey`: the slot holding a key equal to `key`, if any.
    fn lookup<E>(&self, key: &K, hash: i64, eq: &mut KeyEq<'_, K, E>) -> Result<Option<usize>, E> {
        if self.slots.is_empty() {
            return Ok(None);
        }
        let mask = (self.slots.len() - 1) as u64;
        let mut perturb = hash as u64;
        let mut i = perturb & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j as usize] {
                    Slot::Empty => return Ok(None),
                    Slot::Active {
                        hash: h,
                        key: stored,
                    } if *h == hash && eq(stored, key)? => return Ok(Some(j as usize)),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
    }

    /// `set_table_resize`: rebuilds into the smallest power-of-two table above
    /// `min_used`, dropping dummies and reinserting in old slot order.
    fn resize(&mut self, min_used: usize) {
        let new_size = table_size_for(min_used);
        if new_size == MIN_SIZE && self.slots.len() <= MIN_SIZE && self.fill == self.used {
            // CPython keeps a small table that has no dummies untouched.
            return;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(new_size));
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                insert_clean(&mut self.slots, hash, key);
            }
        }
    }

    /// Whether an element equal to `key` is present (`key in s`).
    pub(crate) fn contains<E>(
        &self,
        key: &K,
        hash: i64,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<bool, E> {
        Ok(self.lookup(key, hash, eq)?.is_some())
    }

    /// The stored element equal to `key`, if any.
    pub(crate) fn get<E>(
        &self,
        key: &K,
        hash: i64,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<Option<&K>, E> {
        Ok(self
            .lookup(key, hash, eq)?
            .and_then(|i| match &self.slots[i] {
                Slot::Active { key, .. } => Some(key),
                _ => None,
            }))
    }

    /// `set_add_entry` (`s.add(key)`): returns whether the key was added; an equal
    /// stored key is kept. May resize the table.
    pub(crate) fn insert<E>(
        &mut self,
        key: K,
        hash: i64,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<bool, E> {
        self.allocate();
        let mask = (self.slots.len() - 1) as u64;
        let mut perturb = hash as u64;
        let mut i = perturb & mask;
        // The last dummy passed on the way to the first empty slot gets the key.
        let mut free_slot = None;
        let empty = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j as usize] {
                    Slot::Empty => break 'probe j as usize,
                    Slot::Active {
                        hash: h,
                        key: stored,
                    } => {
                        if *h == hash && eq(stored, &key)? {
                            return Ok(false);
                        }
                    }
                    Slot::Dummy => free_slot = Some(j as usize),
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        };
        self.used += 1;
        if let Some(dummy) = free_slot {
            self.slots[dummy] = Slot::Active { hash, key };
            return Ok(true);
        }
        self.slots[empty] = Slot::Active { hash, key };
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(growth_target(self.used));
        }
        Ok(true)
    }

    /// `set_discard_entry` (`s.discard(key)`): removes and returns the stored element
    /// equal to `key`, leaving a dummy. Never resizes.
    pub(crate) fn remove<E>(
        &mut self,
        key: &K,
        hash: i64,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<Option<K>, E> {
        let Some(i) = self.lookup(key, hash, eq)? else {
            return Ok(None);
        };
        match std::mem::replace(&mut self.slots[i], Slot::Dummy) {
            Slot::Active { key, .. } => {
                self.used -= 1;
                Ok(Some(key))
            }
            other => {
                self.slots[i] = other;
                Ok(None)
            }
        }
    }

    /// `set.pop()`: the first active slot at or after the finger (wrapping around).
    pub(crate) fn pop(&mut self) -> Option<K> {
        if self.used == 0 || self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.finger & mask;
        while !matches!(self.slots[i], Slot::Active { .. }) {
            i = if i == mask { 0 } else { i + 1 };
        }
        let Slot::Active { key, .. } = std::mem::replace(&mut self.slots[i], Slot::Dummy) else {
            return None;
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    /// `set.clear()`: back to an empty 8-slot table (the pop finger is kept, as in CPython).
    pub(crate) fn clear(&mut self) {
        self.slots = Vec::new();
        self.fill = 0;
        self.used = 0;
    }

    /// The elements with their hashes, in CPython's iteration order (slot order).
    pub(crate) fn iter(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.slots.iter().filter_map(|slot| match slot {
            Slot::Active { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    /// A set iterator step: the first element at slot position `pos` or later, with
    /// the position to resume from. Like CPython's `setiter`, a cursor stays meaningful
    /// across mutations (the caller raises "Set changed size during iteration" by
    /// comparing `len()`).
    pub(crate) fn next_from(&self, pos: usize) -> Option<(usize, i64, &K)> {
        self.slots
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, slot)| match slot {
                Slot::Active { hash, key } => Some((i + 1, *hash, key)),
                _ => None,
            })
    }

    /// Consumes the table, yielding its elements in iteration order.
    pub(crate) fn into_keys(self) -> impl Iterator<Item = K> {
        self.slots.into_iter().filter_map(|slot| match slot {
            Slot::Active { key, .. } => Some(key),
            _ => None,
        })
    }

    /// `hash(frozenset)` of these elements.
    pub(crate) fn frozenset_hash(&self) -> i64 {
        super::hash::hash_frozenset(self.used, self.iter().map(|(hash, _)| hash))
    }

    /// `set_swap_bodies` as used by `intersection_update`: takes `body`'s table but
    /// keeps this set's pop finger.
    pub(crate) fn replace_body(&mut self, body: SetTable<K>) {
        self.slots = body.slots;
        self.fill = body.fill;
        self.used = body.used;
    }
}

#[allow(dead_code)] // CPython-parity table API; every method is covered by the unit tests below
impl<K: Clone> SetTable<K> {
    /// `set_merge` (`s.update(other_set)`, `s |= other_set`, `SET_UPDATE` of a set):
    /// presizes, then copies slot by slot, reinserts cleanly, or adds one by one.
    /// For `s |= s` the caller does nothing (CPython's `a.update(a)` is a no-op).
    pub(crate) fn update_from_set<E>(
        &mut self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<(), E> {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 {
            self.allocate();
            if self.slots.len() == other.slots.len() && other.fill == other.used {
                // Same size and no dummies: CPython copies the slots verbatim.
                for (mine, theirs) in self.slots.iter_mut().zip(&other.slots) {
                    if let Slot::Active { hash, key } = theirs {
                        *mine = Slot::Active {
                            hash: *hash,
                            key: key.clone(),
                        };
                    }
                }
            } else {
                for (hash, key) in other.iter() {
                    insert_clean(&mut self.slots, hash, key.clone());
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return Ok(());
        }
        for (hash, key) in other.iter() {
            self.insert(key.clone(), hash, eq)?;
        }
        Ok(())
    }

    /// `set.copy()`, `set(a_set)`, `frozenset(a_set)`: a merge into a new empty set
    /// (not a clone: dummies are dropped and the size may change, as in CPython).
    pub(crate) fn copy(&self) -> SetTable<K> {
        let mut copy = SetTable::new();
        // Merging into an empty table never compares keys.
        let mut no_compare = |_: &K, _: &K| Ok::<bool, std::convert::Infallible>(false);
        match copy.update_from_set(self, &mut no_compare) {
            Ok(()) => copy,
            Err(never) => match never {},
        }
    }

    /// `set_update_internal` for an arbitrary iterable (`s.update(list)`, `set(list)`,
    /// `SET_UPDATE` of a non-set): adds the items in order; an `Err` item stops there.
    pub(crate) fn update_from_iter<E>(
        &mut self,
        items: impl IntoIterator<Item = Result<(i64, K), E>>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<(), E> {
        for item in items {
            let (hash, key) = item?;
            self.insert(key, hash, eq)?;
        }
        Ok(())
    }

    /// `set(iterable)` for a non-set, non-dict iterable; also set displays
    /// (`BUILD_SET`) and set comprehensions (`SET_ADD`), which add in source order.
    pub(crate) fn from_iter<E>(
        items: impl IntoIterator<Item = Result<(i64, K), E>>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        let mut table = SetTable::new();
        table.update_from_iter(items, eq)?;
        Ok(table)
    }

    /// `set_update_internal` for an exact dict (`s.update(d)`, `set(d)`): presizes for
    /// `len(d)` and adds the keys in dict order with their stored hashes.
    pub(crate) fn update_from_dict<V, E>(
        &mut self,
        dict: &DictTable<K, V>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<(), E> {
        let dict_len = dict.len();
        if (self.fill + dict_len) * 5 >= self.mask() * 3 {
            self.resize((self.used + dict_len) * 2);
        }
        for (hash, key, _) in dict.iter_hashed() {
            self.insert(key.clone(), hash, eq)?;
        }
        Ok(())
    }

    /// `set(d)` for an exact dict `d`.
    pub(crate) fn from_dict<V, E>(
        dict: &DictTable<K, V>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        let mut table = SetTable::new();
        table.update_from_dict(dict, eq)?;
        Ok(table)
    }

    /// The `frozenset` constant CPython 3.11's compiler makes for a display of
    /// constants: `{1, 2, 3}` (3 or more constants; the set is then a copy made with
    /// [`update_from_set`](Self::update_from_set), i.e. `BUILD_SET 0; SET_UPDATE`),
    /// and `x in {..}` / `for x in {..}` (any count, iterated as is).
    ///
    /// CPython builds it from the items in source order, then its constant
    /// de-duplication rebuilds it by re-adding the elements in table order. When the
    /// code object is created, its str constants are interned; if that replaced one
    /// of the set's strings (an identifier-like str, all ASCII letters, digits or `_`,
    /// equal to a string interned earlier: a name used in the program, a constant
    /// of an already-created nested code object, or one of the identifiers CPython
    /// interns at startup such as `name`, `key`, `data`, `total`), the set is rebuilt
    /// once more: pass `reinterned = true` for that.
    pub(crate) fn frozen_constant<E>(
        items: impl IntoIterator<Item = (i64, K)>,
        reinterned: bool,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        let mut table = SetTable::from_iter(items.into_iter().map(Ok), eq)?;
        let rebuilds = if reinterned { 2 } else { 1 };
        for _ in 0..rebuilds {
            if table.is_empty() {
                break;
            }
            table = SetTable::from_iter(table.into_keys_hashed().map(Ok), eq)?;
        }
        Ok(table)
    }

    fn into_keys_hashed(self) -> impl Iterator<Item = (i64, K)> {
        self.slots.into_iter().filter_map(|slot| match slot {
            Slot::Active { hash, key } => Some((hash, key)),
            _ => None,
        })
    }

    /// `a | b` and `a.union(b)` for a set `b`: a copy of `a` updated with `b`.
    /// Passing the same table twice gives `a | a`.
    pub(crate) fn union<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        let mut result = self.copy();
        if !std::ptr::eq(self, other) {
            result.update_from_set(other, eq)?;
        }
        Ok(result)
    }

    /// `set_intersection` for a set operand (`a & b`, `a.intersection(b)`): iterates
    /// the smaller set (`other` on a tie) and keeps what the larger contains.
    /// Passing the same table twice gives `a & a` (a copy).
    pub(crate) fn intersection<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        if std::ptr::eq(self, other) {
            return Ok(self.copy());
        }
        let (probed, iterated) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        let mut result = SetTable::new();
        for (hash, key) in iterated.iter() {
            if probed.contains(key, hash, eq)? {
                result.insert(key.clone(), hash, eq)?;
            }
        }
        Ok(result)
    }

    /// `set_intersection` for any other iterable (including dicts and dict views):
    /// keeps the items this set contains, in the iterable's order, and stops pulling
    /// items once every element of this set has been found (as 3.11 does).
    pub(crate) fn intersection_from_iter<E>(
        &self,
        items: impl IntoIterator<Item = Result<(i64, K), E>>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        let mut result = SetTable::new();
        for item in items {
            let (hash, key) = item?;
            if self.contains(&key, hash, eq)? {
                result.insert(key, hash, eq)?;
                if result.used >= self.used {
                    break;
                }
            }
        }
        Ok(result)
    }

    /// `s &= other_set` / `s.intersection_update(other_set)`: the intersection's table
    /// replaces this one's. For `s &= s` the caller does `s.replace_body(s.copy())`.
    pub(crate) fn intersection_update<E>(
        &mut self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<(), E> {
        let result = self.intersection(other, eq)?;
        self.replace_body(result);
        Ok(())
    }

    /// `set_difference_update_internal` for a set operand (`s -= t`,
    /// `s.difference_update(t)`): discards `other`'s elements (first narrowed to the
    /// intersection when `other` is over 8x larger), then sheds dummies if over a
    /// quarter of the table. For `s -= s` the caller does `s.clear()`.
    pub(crate) fn difference_update<E>(
        &mut self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<(), E> {
        if (other.used >> 3) > self.used {
            let narrowed = self.intersection(other, eq)?;
            for (hash, key) in narrowed.iter() {
                self.remove(key, hash, eq)?;
            }
        } else {
            for (hash, key) in other.iter() {
                self.remove(key, hash, eq)?;
            }
        }
        self.shed_dummies();
        Ok(())
    }

    /// `set_difference_update_internal` for any other iterable (dicts included):
    /// discards each item, then sheds dummies. An `Err` item stops the discarding
    /// (what was discarded stays discarded) and skips the shedding, as in CPython.
    pub(crate) fn difference_update_from_iter<E>(
        &mut self,
        items: impl IntoIterator<Item = Result<(i64, K), E>>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<(), E> {
        for item in items {
            let (hash, key) = item?;
            self.remove(&key, hash, eq)?;
        }
        self.shed_dummies();
        Ok(())
    }

    /// The tail of `set_difference_update_internal`: rebuild when dummies exceed a
    /// quarter of the table.
    fn shed_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(growth_target(self.used));
        }
    }

    /// `set_difference` for a set operand (`a - b`, `a.difference(b)`): when `a` is
    /// over 4x larger, a copy of `a` minus `b`; otherwise `a`'s elements not in `b`,
    /// added in `a`'s order. Passing the same table twice gives `a - a`.
    pub(crate) fn difference<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        if (self.used >> 2) > other.used {
            let mut result = self.copy();
            result.difference_update(other, eq)?;
            return Ok(result);
        }
        let mut result = SetTable::new();
        for (hash, key) in self.iter() {
            if !other.contains(key, hash, eq)? {
                result.insert(key.clone(), hash, eq)?;
            }
        }
        Ok(result)
    }

    /// `set_difference` for an exact dict operand (`a.difference(d)`).
    pub(crate) fn difference_from_dict<V, E>(
        &self,
        dict: &DictTable<K, V>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        if (self.used >> 2) > dict.len() {
            let mut result = self.copy();
            let keys = dict
                .iter_hashed()
                .map(|(hash, key, _)| Ok((hash, key.clone())));
            result.difference_update_from_iter(keys, eq)?;
            return Ok(result);
        }
        let mut result = SetTable::new();
        for (hash, key) in self.iter() {
            if !dict.contains_key(key, hash, eq)? {
                result.insert(key.clone(), hash, eq)?;
            }
        }
        Ok(result)
    }

    /// `set_difference` for any other iterable: a copy of this set minus the items.
    pub(crate) fn difference_from_iter<E>(
        &self,
        items: impl IntoIterator<Item = Result<(i64, K), E>>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        let mut result = self.copy();
        result.difference_update_from_iter(items, eq)?;
        Ok(result)
    }

    /// `s ^= t` / `s.symmetric_difference_update(t)` for a set `t`: for each element
    /// of `t` in its order, discard it if present, else add it. A non-set, non-dict
    /// `t` is first made a set with [`from_iter`](Self::from_iter) and passed here.
    /// For `s ^= s` the caller does `s.clear()`.
    pub(crate) fn symmetric_difference_update<E>(
        &mut self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<(), E> {
        for (hash, key) in other.iter() {
            if self.remove(key, hash, eq)?.is_none() {
                self.insert(key.clone(), hash, eq)?;
            }
        }
        Ok(())
    }

    /// `s.symmetric_difference_update(d)` for an exact dict `d` (dict order, stored hashes).
    pub(crate) fn symmetric_difference_update_from_dict<V, E>(
        &mut self,
        dict: &DictTable<K, V>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<(), E> {
        for (hash, key, _) in dict.iter_hashed() {
            if self.remove(key, hash, eq)?.is_none() {
                self.insert(key.clone(), hash, eq)?;
            }
        }
        Ok(())
    }

    /// `a ^ b` / `a.symmetric_difference(b)` for a set `b`: a copy of `b` updated
    /// with `a`. For a non-set `b`, build `set(b)` the way `set()` would and call
    /// `set_b.symmetric_difference_update(a)`. Passing the same table twice gives `a ^ a`.
    pub(crate) fn symmetric_difference<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<SetTable<K>, E> {
        let mut result = other.copy();
        result.symmetric_difference_update(self, eq)?;
        Ok(result)
    }

    /// `a <= b` for sets (`a.issubset(b)`): sizes first, then every element of `a` in `b`.
    pub(crate) fn is_subset<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<bool, E> {
        if self.used > other.used {
            return Ok(false);
        }
        for (hash, key) in self.iter() {
            if !other.contains(key, hash, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `a.isdisjoint(b)` for sets: probes the larger with the smaller's elements.
    pub(crate) fn is_disjoint<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut KeyEq<'_, K, E>,
    ) -> Result<bool, E> {
        let (probed, iterated) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        for (hash, key) in iterated.iter() {
            if probed.contains(key, hash, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    fn int_eq(a: &i64, b: &i64) -> Result<bool, Infallible> {
        Ok(a == b)
    }

    fn set_of(items: &[i64]) -> SetTable<i64> {
        let eq = &mut int_eq;
        let mut table = SetTable::new();
        for &i in items {
            let _ = table.insert(i, super::super::hash::hash_i64(i), eq);
        }
        table
    }

    fn order(table: &SetTable<i64>) -> Vec<i64> {
        table.iter().map(|(_, k)| *k).collect()
    }

    // Expected orders come from `PYTHONHASHSEED=0 python3.11`.

    #[test]
    fn insertion_and_resize_order_match_cpython() {
        // list({*[40, 8, 16, 0, 24, 32, 5]}): collisions in the 8-slot table, then a
        // resize to 32 slots reinserting in old slot order.
        let s = set_of(&[40, 8, 16, 0, 24, 32, 5]);
        assert_eq!(order(&s), vec![0, 32, 5, 40, 8, 16, 24]);
        let s = set_of(&(0..100).rev().collect::<Vec<_>>());
        assert_eq!(order(&s), (0..100).collect::<Vec<_>>());
        assert_eq!(s.len(), 100);
    }

    #[test]
    fn pop_follows_the_finger() {
        let mut s = set_of(&[3, 1, 2, 10]);
        assert_eq!(order(&s), vec![10, 1, 2, 3]);
        assert_eq!(s.pop(), Some(10));
        assert_eq!(s.pop(), Some(1));
        s.clear();
        let _ = s.insert(1, 1, &mut int_eq);
        let _ = s.insert(7, 7, &mut int_eq);
        // The finger (2) survives clear(), so 7 comes before 1.
        assert_eq!(s.pop(), Some(7));
        assert_eq!(s.pop(), Some(1));
        assert_eq!(s.pop(), None);
    }

    #[test]
    fn removal_leaves_reusable_dummies() {
        let eq = &mut int_eq;
        let mut s = set_of(&[0, 8, 16]);
        assert_eq!(s.remove(&8, 8, eq), Ok(Some(8)));
        assert_eq!(s.remove(&8, 8, eq), Ok(None));
        assert_eq!(s.contains(&16, 16, eq), Ok(true));
        assert_eq!(s.insert(24, 24, eq), Ok(true));
        assert_eq!(order(&s), vec![0, 24, 16]);
    }

    #[test]
    fn equality_errors_propagate() {
        let mut s = set_of(&[1, 2]);
        let mut failing = |_: &i64, _: &i64| Err::<bool, &str>("boom");
        assert_eq!(s.insert(1, 1, &mut failing), Err("boom"));
        assert_eq!(s.insert(9, 9, &mut failing), Ok(true));
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn frozenset_hash_matches_cpython() {
        assert_eq!(
            set_of(&[1, 2, 3]).frozenset_hash(),
            -272_375_401_224_217_160
        );
    }
}
