//! [`Shared`]: a list that a session and its undo copies share until one of them changes it.
//!
//! Undo keeps the session as it was before each edit. Copying every list for every edit
//! would cost hundreds of kilobytes a step in a large session; with each list behind an
//! `Arc`, a copy of the session shares all of them, and an edit copies only the list it
//! changes (`Arc::make_mut`, on the first write through [`std::ops::DerefMut`]). Code reads
//! and writes a `Shared<T>` as the `Vec<T>` it holds; the JSON is that of the `Vec`.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A `Vec<T>` behind an `Arc`, copied on the first write after it was shared.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Shared<T>(Arc<Vec<T>>);

impl<T> Shared<T> {
    /// Whether the list is empty; a function of its own so serde can skip an empty list.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `self` and `other` are the same list in memory: neither changed since one was
    /// copied from the other. Cheap, for caches and for measuring what undo really holds.
    pub fn same(&self, other: &Shared<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Default for Shared<T> {
    fn default() -> Self {
        Shared(Arc::new(Vec::new()))
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> Deref for Shared<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(list: Vec<T>) -> Self {
        Shared(Arc::new(list))
    }
}

impl<T> FromIterator<T> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Shared(Arc::new(iter.into_iter().collect()))
    }
}

impl<'a, T> IntoIterator for &'a Shared<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Shared<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        Arc::make_mut(&mut self.0).iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_shares_until_one_side_writes() {
        let a: Shared<u32> = vec![1, 2, 3].into();
        let mut b = a.clone();
        assert!(a.same(&b));
        b.push(4);
        assert!(!a.same(&b), "the write copied");
        assert_eq!(*a, vec![1, 2, 3], "the original is untouched");
        assert_eq!(*b, vec![1, 2, 3, 4]);
    }

    #[test]
    fn the_json_is_that_of_the_list() {
        let a: Shared<u32> = vec![1, 2].into();
        assert_eq!(serde_json::to_string(&a).unwrap(), "[1,2]");
        let back: Shared<u32> = serde_json::from_str("[1,2]").unwrap();
        assert_eq!(back, a);
    }
}
