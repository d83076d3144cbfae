//! Lexicon: the concepts of `patterns/lexicon/*.toml` (word forms grouped by meaning), found in
//! a text in one scan.
//!
//! A form is one or more words. A word may be written with a wildcard: `prøvetid*` (the word
//! starts so: prøvetiden, prøvetidens), `*klausul` (it ends so: kundeklausul), `*bind*`
//! (anywhere inside a word). `..` between two words allows up to three other words there
//! ("betale .. tilbake": betale kursavgiften tilbake). Matching ignores case; words join across
//! spaces, hyphens, slashes and apostrophes, never across other punctuation.
//!
//! The literal pieces of all forms make one byte trie, walked from the start of every word of
//! the lower-cased text until it dies: a word costs a few table lookups, and a short form such
//! as "no" is never looked for inside "notice". The few pieces that may stand inside a word
//! (`*klausul`) are each found by a vectorised substring search over the whole text. The forms
//! make a second trie, word by word, so that the many forms that start alike ("etter ...")
//! are followed together from each hit. Where one concept's form lies inside a longer form
//! found at the same place ("ikke" inside "ikke aktuelt", "prøvetiden" inside "etter
//! prøvetiden"), the longer one wins.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use memchr::memmem::{self, Finder};

/// Index of a concept in [`Lexicon::names`].
pub type ConceptId = u16;

/// FxHash, as in rustc, for the maps of names and literals built at every start: SipHash's
/// guard against crafted keys buys nothing there and cost a tenth of loading the grammar.
#[derive(Debug, Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let mut tail = [0u8; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(tail));
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The table takes its buckets from the low bits, which the multiplication mixes least.
        self.0.rotate_left(26)
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// An array of the lexicon's tables: built as the grammar loads, or for the built-in grammar
/// built by build.rs and compiled into the program (read in place, nothing to build or copy).
pub(crate) type Table<T> = Cow<'static, [T]>;

/// How many words `..` may skip.
const GAP_WORDS: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Wildcard {
    /// The whole word.
    None,
    /// `word*`: the word starts with the literal.
    Prefix,
    /// `*word`: the word ends with the literal.
    Suffix,
    /// `*word*`: the literal anywhere in the word.
    Infix,
}

#[derive(Debug, Clone, Copy)]
struct Step {
    /// The token of the word.
    token: u32,
    /// Words that may stand before this one (0, or [`GAP_WORDS`] after `..`).
    gap: u32,
}

/// The literals that start a word (whole words and `word*`), as a byte trie in a double
/// array: the child of the node in slot `s` by byte code `c` is in slot `cells[s].base + c`
/// when that cell names `s` as its parent. One cell of 8 bytes per node keeps the trie small
/// enough for the processor's caches (a dense table of children per node was over a
/// megabyte, and its loads missed the cache at nearly every letter of the text).
#[derive(Debug, PartialEq)]
pub(crate) struct StartTrie {
    /// Byte to its code (from 1); 0 for the bytes that are in no literal.
    pub(crate) code: [u8; 256],
    pub(crate) cells: Table<Cell>,
    /// Per slot: `tokens[a..b]` are the `word*` tokens of the node's literal and
    /// `tokens[b..c]` the whole-word ones.
    pub(crate) ranges: Table<[u32; 3]>,
    pub(crate) tokens: Table<u32>,
}

/// A node of [`StartTrie`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cell {
    /// Where the node's children are (plus their byte code).
    pub(crate) base: u32,
    /// The parent's slot shifted left by 2, with [`PREFIX_TOKENS`] and [`WHOLE_TOKENS`] for
    /// the tokens of the node's literal; [`FREE`] for a slot with no node.
    pub(crate) check: u32,
}

const PREFIX_TOKENS: u32 = 1;
const WHOLE_TOKENS: u32 = 2;
/// No node's parent: slots stay below `FREE >> 2`.
const FREE: u32 = u32::MAX;
/// Failed searches after which a word of 64 cells is no longer searched.
const MAX_FAILS: u8 = 16;

impl StartTrie {
    fn new(literals: &[(String, Vec<(Wildcard, u32)>)]) -> Result<StartTrie, FormError> {
        let mut code = [0u8; 256];
        let mut codes = 0usize;
        for b in literals.iter().flat_map(|(l, _)| l.bytes()) {
            if code[b as usize] == 0 {
                codes += 1;
                code[b as usize] = codes as u8;
            }
        }
        let columns = codes + 1;
        // The trie in insertion order: per node its first child, per child its next sibling
        // and its code (three flat vectors: neither a vector per node, whose thousands of
        // small allocations dominated loading, nor a dense row per node, whose megabyte of
        // fresh memory did).
        let (mut first_child, mut next_sibling, mut node_code) = (vec![0u32], vec![0u32], vec![0u8]);
        let mut literal_at: Vec<Option<usize>> = vec![None];
        for (l, (literal, _)) in literals.iter().enumerate() {
            let mut node = 0;
            for b in literal.bytes() {
                let c = code[b as usize];
                let mut child = first_child[node] as usize;
                while child != 0 && node_code[child] != c {
                    child = next_sibling[child] as usize;
                }
                if child == 0 {
                    child = literal_at.len();
                    node_code.push(c);
                    next_sibling.push(first_child[node]);
                    first_child.push(0);
                    first_child[node] = child as u32;
                    literal_at.push(None);
                }
                node = child;
            }
            // Literals are distinct, so a node gets at most one.
            literal_at[node] = Some(l);
        }
        let mut tokens = Vec::new();
        // Per node: its token ranges and flags.
        let node_tokens: Vec<([u32; 3], u32)> = literal_at
            .iter()
            .map(|l| {
                let Some(l) = l else { return ([0; 3], 0) };
                let of = &literals[*l].1;
                let a = tokens.len() as u32;
                tokens.extend(of.iter().filter(|(w, _)| *w == Wildcard::Prefix).map(|&(_, t)| t));
                let b = tokens.len() as u32;
                tokens.extend(of.iter().filter(|(w, _)| *w == Wildcard::None).map(|&(_, t)| t));
                let c = tokens.len() as u32;
                let flags = if a < b { PREFIX_TOKENS } else { 0 } | if b < c { WHOLE_TOKENS } else { 0 };
                ([a, b, c], flags)
            })
            .collect();
        // Place the nodes breadth-first, each node's children at the first base where all
        // their cells are free (slot 0 is the root). The cells in use, one bit each, let the
        // search for a base skip 64 of them at a time.
        let mut cells = vec![Cell { base: 0, check: 0 }];
        let mut used: Vec<u64> = vec![1];
        // The cells in use from `at` on, 64 of them, one bit each (cells past the end are free).
        let window = |used: &[u64], at: usize| {
            let (w, b) = (at / 64, at % 64);
            let low = used.get(w).map_or(0, |&x| x >> b);
            let high = if b == 0 { 0 } else { used.get(w + 1).map_or(0, |&x| x << (64 - b)) };
            low | high
        };
        let mut slot_of = vec![0u32; literal_at.len()];
        let mut queue = vec![0usize];
        let mut first_free = 0;
        // How often a search has failed in each word of cells: a word that keeps failing is
        // passed over from then on (as darts-clone closes blocks), or every node with several
        // children would search the same nearly full stretch again.
        let mut fails: Vec<u8> = Vec::new();
        let mut kids: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < queue.len() {
            let node = queue[k];
            k += 1;
            kids.clear();
            let mut child = first_child[node] as usize;
            while child != 0 {
                kids.push((usize::from(node_code[child]), child));
                child = next_sibling[child] as usize;
            }
            kids.sort_unstable();
            let Some(&(low, _)) = kids.first() else { continue };
            // The lowest base (from 1) where every child's cell is free, 64 bases at a time:
            // a bit stays set for a base when no child's cell is in use. No cell before the
            // first word with a free bit is free, so the search starts there.
            while used.get(first_free).is_some_and(|&w| w == u64::MAX)
                || fails.get(first_free).is_some_and(|&f| f >= MAX_FAILS)
            {
                first_free += 1;
            }
            let mut from = (low + 1).max(first_free * 64) - low;
            let base = loop {
                let fit = kids.iter().fold(u64::MAX, |fit, &(c, _)| fit & !window(&used, from + c));
                if fit != 0 {
                    break from + fit.trailing_zeros() as usize;
                }
                if fails.len() <= from / 64 {
                    fails.resize(from / 64 + 1, 0);
                }
                fails[from / 64] = fails[from / 64].saturating_add(1);
                from += 64;
            };
            if base + columns >= (FREE >> 2) as usize {
                return Err(FormError(format!("the lexicon is too large ({} trie nodes)", literal_at.len())));
            }
            if cells.len() < base + columns {
                cells.resize(base + columns, Cell { base: 0, check: FREE });
                used.resize(cells.len().div_ceil(64), 0);
            }
            let parent = slot_of[node] as usize;
            cells[parent].base = base as u32;
            for &(c, child) in &kids {
                cells[base + c].check = (parent as u32) << 2 | node_tokens[child].1;
                used[(base + c) / 64] |= 1 << ((base + c) % 64);
                slot_of[child] = (base + c) as u32;
                queue.push(child);
            }
        }
        // Room for a step from the last base by any code.
        cells.resize(cells.len() + columns, Cell { base: 0, check: FREE });
        let mut ranges = vec![[0; 3]; cells.len()];
        for (node, &slot) in slot_of.iter().enumerate() {
            ranges[slot as usize] = node_tokens[node].0;
        }
        Ok(StartTrie { code, cells: cells.into(), ranges: ranges.into(), tokens: tokens.into() })
    }

    /// Appends the tokens that fit `word` (lower case, ASCII) read with any "a" as "å" or "æ"
    /// and any "o" as "ø", as a text that lost those letters spells them ("provetid pa 6
    /// maneder"). The trie prunes the readings as it goes: few survive a letter or two.
    fn walk_unaccented(&self, word: &[u8], out: &mut Vec<u32>) {
        self.walk_unaccented_from(0, self.cells[0], word, out);
    }

    fn walk_unaccented_from(&self, slot: u32, cell: Cell, rest: &[u8], out: &mut Vec<u32>) {
        let Some((&b, tail)) = rest.split_first() else {
            if cell.check & WHOLE_TOKENS != 0 {
                let [_, b, c] = self.ranges[slot as usize];
                out.extend_from_slice(&self.tokens[b as usize..c as usize]);
            }
            return;
        };
        let one = [b];
        let readings: &[&[u8]] = match b {
            b'a' => &[b"a", "å".as_bytes(), "æ".as_bytes()],
            b'o' => &[b"o", "ø".as_bytes()],
            _ => &[&one],
        };
        'reading: for reading in readings {
            let (mut slot, mut cell) = (slot, cell);
            for &b in *reading {
                let Some(next) = self.child(slot, cell, b) else { continue 'reading };
                (slot, cell) = next;
            }
            if cell.check & PREFIX_TOKENS != 0 {
                let [a, b, _] = self.ranges[slot as usize];
                out.extend_from_slice(&self.tokens[a as usize..b as usize]);
            }
            self.walk_unaccented_from(slot, cell, tail, out);
        }
    }

    /// The child of the node at `slot` by byte `b`, if it has one.
    #[inline]
    fn child(&self, slot: u32, cell: Cell, b: u8) -> Option<(u32, Cell)> {
        let code = self.code[b as usize];
        let next = cell.base + u32::from(code);
        let child = self.cells[next as usize];
        (code != 0 && child.check >> 2 == slot).then_some((next, child))
    }

    /// Appends the tokens that fit `word` (its bytes, lower-cased).
    fn walk(&self, word: impl IntoIterator<Item = u8>, out: &mut Vec<u32>) {
        // The root's cell has no flags: an empty word fits nothing.
        let (mut slot, mut cell) = (0, self.cells[0]);
        for b in word {
            let Some(next) = self.child(slot, cell, b) else { return };
            (slot, cell) = next;
            if cell.check & PREFIX_TOKENS != 0 {
                let [a, b, _] = self.ranges[slot as usize];
                // Pushed one by one: there are one or two, too few for a call to memcpy.
                self.tokens[a as usize..b as usize].iter().for_each(|&t| out.push(t));
            }
        }
        if cell.check & WHOLE_TOKENS != 0 {
            let [_, b, c] = self.ranges[slot as usize];
            self.tokens[b as usize..c as usize].iter().for_each(|&t| out.push(t));
        }
    }
}

/// The trie of forms while it is built. Each node's concepts and children are chains through
/// shared arrays, newest first, so that building allocates nothing per node or form.
#[derive(Debug)]
struct FormBuilder {
    /// Per node: the head of its chain of children in `edges` and of concepts in `ends`.
    heads: Vec<(u32, u32)>,
    /// (gap, token, child, next in the chain); a gap of 0 is a child whose word is the next one.
    edges: Vec<(u32, u32, u32, u32)>,
    /// (concept whose form ends at the node, next in the chain).
    ends: Vec<(ConceptId, u32)>,
    /// Per token: the node of the forms whose first word it is, or 0.
    first: Vec<u32>,
}

/// The end of a chain of [`FormBuilder`].
const NIL: u32 = u32::MAX;

impl FormBuilder {
    fn new() -> FormBuilder {
        // Node 0 is the root, which no form's first word reaches: 0 in `first` is "none".
        FormBuilder { heads: vec![(NIL, NIL)], edges: vec![], ends: vec![], first: vec![] }
    }

    fn node(&mut self) -> u32 {
        self.heads.push((NIL, NIL));
        self.heads.len() as u32 - 1
    }

    /// Adds a form: its steps (at least one) lead to a node where `concept` ends.
    fn insert(&mut self, concept: ConceptId, steps: &[Step]) {
        let t = steps[0].token as usize;
        if self.first.len() <= t {
            self.first.resize(t + 1, 0);
        }
        if self.first[t] == 0 {
            self.first[t] = self.node();
        }
        let mut node = self.first[t];
        for step in &steps[1..] {
            let mut e = self.heads[node as usize].0;
            while e != NIL && (self.edges[e as usize].0, self.edges[e as usize].1) != (step.gap, step.token) {
                e = self.edges[e as usize].3;
            }
            node = if e != NIL {
                self.edges[e as usize].2
            } else {
                let child = self.node();
                let head = &mut self.heads[node as usize].0;
                self.edges.push((step.gap, step.token, child, *head));
                *head = self.edges.len() as u32 - 1;
                child
            };
        }
        let mut e = self.heads[node as usize].1;
        while e != NIL && self.ends[e as usize].0 != concept {
            e = self.ends[e as usize].1;
        }
        if e == NIL {
            let head = &mut self.heads[node as usize].1;
            self.ends.push((concept, *head));
            *head = self.ends.len() as u32 - 1;
        }
    }

    /// The trie with each node's lists in order of insertion, its next words sorted by token,
    /// and `first` for `tokens` tokens.
    fn finish(mut self, tokens: u32) -> (FormTrie, Vec<u32>) {
        let (mut nodes, mut concepts, mut next, mut gapped) = (vec![], vec![], vec![], vec![]);
        let range = |start: usize, end: usize| (start as u32, end as u32);
        for &(edge, end) in &self.heads {
            let (c, x, g) = (concepts.len(), next.len(), gapped.len());
            let mut e = end;
            while e != NIL {
                concepts.push(self.ends[e as usize].0);
                e = self.ends[e as usize].1;
            }
            concepts[c..].reverse();
            let mut e = edge;
            while e != NIL {
                let (gap, token, child, sibling) = self.edges[e as usize];
                if gap == 0 {
                    next.push((token, child));
                } else {
                    gapped.push((gap, token, child));
                }
                e = sibling;
            }
            next[x..].sort_unstable();
            gapped[g..].reverse();
            let limit = if x == next.len() && g == gapped.len() {
                0
            } else {
                gapped[g..].iter().map(|&(gap, _, _)| gap + 1).max().unwrap_or(1)
            };
            nodes.push(FlatNode {
                concepts: range(c, concepts.len()),
                next: range(x, next.len()),
                gapped: range(g, gapped.len()),
                limit,
                next_bits: next[x..].iter().fold(0, |bits, &(t, _)| bits | token_bit(t)),
                gapped_bits: gapped[g..].iter().fold(0, |bits, &(_, t, _)| bits | token_bit(t)),
            });
        }
        self.first.resize(tokens as usize, 0);
        let trie =
            FormTrie { nodes: nodes.into(), concepts: concepts.into(), next: next.into(), gapped: gapped.into() };
        (trie, self.first)
    }
}

/// The trie of forms, each node's lists laid out in shared arrays.
#[derive(Debug, PartialEq)]
pub(crate) struct FormTrie {
    pub(crate) nodes: Table<FlatNode>,
    pub(crate) concepts: Table<ConceptId>,
    pub(crate) next: Table<(u32, u32)>,
    pub(crate) gapped: Table<(u32, u32, u32)>,
}

/// A node of [`FormTrie`]: ranges of its arrays.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FlatNode {
    pub(crate) concepts: (u32, u32),
    pub(crate) next: (u32, u32),
    pub(crate) gapped: (u32, u32),
    /// How many following words a step from here may look at: 0 when no form goes on.
    pub(crate) limit: u32,
    /// The tokens of `next`, one bit each by [`token_bit`], so that most next words are
    /// ruled out without a search.
    pub(crate) next_bits: u64,
    /// The same for the tokens of `gapped`.
    pub(crate) gapped_bits: u64,
}

/// Compiled concepts.
#[derive(Debug)]
pub struct Lexicon {
    /// Concept names, by id.
    pub names: Vec<Cow<'static, str>>,
    /// Concept ids, by name.
    ids: FxMap<Cow<'static, str>, ConceptId>,
    /// Pieces that start a word (whole words and `word*`), walked from each word start.
    pub(crate) starts: StartTrie,
    /// Pieces that may stand inside a word (`*word`, `*word*`), found by searching the whole
    /// text for the shortest piece of their group, which all the others contain ("kurs" for
    /// "kursene", "kurset"): one pass over the text finds the whole group.
    pub(crate) inner: Vec<(Finder<'static>, Vec<InnerPiece>)>,
    /// The trie of forms; node 0 is the root.
    pub(crate) forms: FormTrie,
    /// Per token: the node of the forms whose first word it is, or 0.
    pub(crate) first: Table<u32>,
}

/// A piece that may stand inside a word, in the group of [`Lexicon::inner`] whose searched
/// piece stands in it at `offset`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct InnerPiece {
    pub(crate) literal: Cow<'static, [u8]>,
    pub(crate) offset: usize,
    pub(crate) tokens: Table<(Wildcard, u32)>,
}

/// A word of the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset.
    pub start: usize,
    /// Byte offset after the end.
    pub end: usize,
}

/// A concept found in the text, as a range of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// The concept.
    pub concept: ConceptId,
    /// Index of its first word.
    pub first: u32,
    /// Index of its last word.
    pub last: u32,
    /// The words a `..` of its form skipped, one bit each counted from `first` (the first 32).
    pub skipped: u32,
}

/// The words of a text and the concepts in them, in order of their first word.
#[derive(Debug, Default)]
pub struct Scan {
    /// Every word.
    pub words: Vec<Word>,
    /// Every concept found, sorted by first word.
    pub occurrences: Vec<Occurrence>,
}

impl Scan {
    /// Index of the first word that starts at or after `offset`.
    pub fn word_at(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.start < offset)
    }
}

/// Shortened words read as their full forms (grammar.toml `[shortened]`), lower case: a
/// form's or a key-terms table's labels and terms ("Tiltr.:", "opps.frist", "f.o.m.", "W.e.f.:").
/// A shortened word is read so only with its full stop; one that a capital follows after its
/// full stop may end a sentence and is read as written ("… er prøvet. Lønn …"); a shortened
/// word of one letter ("e.", "p.") is read only as part of a longer entry ("e. prøvet.").
#[derive(Debug, Default)]
pub struct Shortened {
    /// By their first shortened word: the shortened words of an entry and their full forms,
    /// one a word, longest entries first.
    entries: FxMap<Vec<u8>, Vec<ShortEntry>>,
    /// Shortened first parts of a compound written with a full stop and no space
    /// ("opps.frist", "arb.giver"): the full first part ("oppsigelses", "arbeids").
    compounds: FxMap<Vec<u8>, Vec<u8>>,
}

/// The shortened words of an entry ("f", "o", "m") and their full forms ("fra", "og", "med").
type ShortEntry = (Vec<Vec<u8>>, Vec<Vec<u8>>);

/// A text as the scan reads it: as written, in lower case, its words and their shortened forms.
#[derive(Clone, Copy)]
struct Input<'a> {
    text: &'a [u8],
    lower: &'a [u8],
    words: &'a [Word],
    read: &'a [Reading],
    lost_letters: bool,
    /// The text is English: a lower-case "i" standing alone is its writer.
    english: bool,
}

/// The full form a shortened word is read as, by the index of the word.
#[derive(Debug)]
struct Reading {
    word: u32,
    full: Vec<u8>,
    /// It joins the word before it as a space would: the second word of "f.o.m.".
    joins: bool,
}

impl Shortened {
    /// The table of `words` (shortened words with their full stops, "f.o.m.", and the full
    /// words, "fra og med") and `compounds` ("opps." and "oppsigelses").
    pub fn new(
        shortened: impl IntoIterator<Item = (String, String)>,
        compounds: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Shortened, String> {
        let mut out = Shortened::default();
        for (short, full) in shortened {
            let (short, full) = (short.to_lowercase(), full.to_lowercase());
            let Some(body) = short.strip_suffix('.') else {
                return Err(format!("{short:?}: a shortened word ends with its full stop"));
            };
            let pieces: Vec<Vec<u8>> = body.split('.').map(|p| p.trim().as_bytes().to_vec()).collect();
            let fulls: Vec<Vec<u8>> = full.split_whitespace().map(|w| w.as_bytes().to_vec()).collect();
            if pieces.len() != fulls.len() {
                return Err(format!("{short:?}: one full word for each shortened word ({full:?})"));
            }
            let one_word = |p: &Vec<u8>| {
                let p = std::str::from_utf8(p).unwrap_or("");
                matches!(words(p)[..], [w] if w.start == 0 && w.end == p.len())
            };
            if !pieces.iter().all(one_word) {
                return Err(format!("{short:?}: each shortened word is one word"));
            }
            if pieces.len() == 1 && pieces[0].len() < 2 {
                return Err(format!("{short:?}: a shortened word of one letter stands only in a longer entry"));
            }
            let list = out.entries.entry(pieces[0].clone()).or_default();
            list.push((pieces, fulls));
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        for (short, full) in compounds {
            let (short, full) = (short.to_lowercase(), full.to_lowercase());
            let Some(head) = short.strip_suffix('.').filter(|h| !h.is_empty() && words(h).len() == 1) else {
                return Err(format!("{short:?}: a compound's shortened first part is one word and its full stop"));
            };
            out.compounds.insert(head.as_bytes().to_vec(), full.into_bytes());
        }
        Ok(out)
    }

    /// Joins each compound of `words` that a shortened first part opens into one word, and
    /// gives the full form of every shortened word, in word order. `text` is the text as
    /// written, `lower` in lower case.
    fn read(&self, text: &str, lower: &str, words: &mut Vec<Word>) -> Vec<Reading> {
        let mut out = Vec::new();
        if self.entries.is_empty() && self.compounds.is_empty() {
            return out;
        }
        let bytes = lower.as_bytes();
        let dot_after = |w: &Word| bytes.get(w.end) == Some(&b'.');
        // "opps.frist": one word, read as "oppsigelsesfrist".
        let mut compound: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut i = 0;
        while i + 1 < words.len() {
            let (w, next) = (words[i], words[i + 1]);
            if dot_after(&w) && next.start == w.end + 1 {
                if let Some(head) = self.compounds.get(&bytes[w.start..w.end]) {
                    let mut full = head.clone();
                    full.extend_from_slice(&bytes[next.start..next.end]);
                    words[i] = Word { start: w.start, end: next.end };
                    words.remove(i + 1);
                    compound.push((i, full));
                }
            }
            i += 1;
        }
        let mut compound = compound.into_iter().peekable();
        let mut i = 0;
        while i < words.len() {
            if let Some((_, full)) = compound.next_if(|(k, _)| *k == i) {
                out.push(Reading { word: i as u32, full, joins: false });
                i += 1;
                continue;
            }
            let w = words[i];
            // Most words have no full stop after them: they are passed by before any lookup.
            let Some(list) = Some(w).filter(dot_after).and_then(|w| self.entries.get(&bytes[w.start..w.end])) else {
                i += 1;
                continue;
            };
            let fits = |pieces: &[Vec<u8>]| {
                let last = i + pieces.len() - 1;
                last < words.len()
                    && (1..pieces.len()).all(|k| {
                        let (a, b) = (words[i + k - 1], words[i + k]);
                        bytes[b.start..b.end] == pieces[k][..] && matches!(&bytes[a.end..b.start], b"." | b". ")
                    })
                    && dot_after(&words[last])
                    // One shortened word before a capital may end its sentence.
                    && (pieces.len() > 1 || {
                        let rest = &text[words[last].end + 1..];
                        let after = rest.trim_start_matches(' ');
                        after.len() == rest.len() || !after.starts_with(char::is_uppercase)
                    })
            };
            match list.iter().find(|(pieces, _)| fits(pieces)) {
                Some((pieces, fulls)) => {
                    // Its full stop is part of the word: "Tiltr.:" is a label, as "Tiltredelse:" is.
                    for (k, full) in fulls.iter().enumerate() {
                        words[i + k].end += 1;
                        out.push(Reading { word: (i + k) as u32, full: full.clone(), joins: k > 0 });
                    }
                    i += pieces.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

/// A problem in a form, for the loader's error message.
#[derive(Debug)]
pub struct FormError(pub String);

impl Lexicon {
    /// Compiles `(concept, forms)` pairs; a concept may appear in several pairs (one per
    /// language file).
    pub fn new<'a, F: AsRef<str> + 'a>(
        entries: impl IntoIterator<Item = (&'a str, &'a [F])>,
    ) -> Result<Lexicon, FormError> {
        let mut names: Vec<Cow<'static, str>> = Vec::new();
        let mut ids: FxMap<Cow<'static, str>, ConceptId> = FxMap::default();
        let mut literals: Vec<String> = Vec::new();
        let mut literal_ids: FxMap<String, usize> = FxMap::default();
        let mut literal_tokens: Vec<Vec<(Wildcard, u32)>> = Vec::new();
        let mut token_count = 0u32;
        let mut forms = FormBuilder::new();
        let (mut steps, mut pieces) = (Vec::new(), Vec::new());
        for (name, list) in entries {
            let concept = *ids.entry(name.to_string().into()).or_insert_with(|| {
                names.push(name.to_string().into());
                (names.len() - 1) as ConceptId
            });
            for form in list {
                let form = form.as_ref();
                steps.clear();
                let mut gap = 0;
                // Most forms are written in lower case already: only the others are copied.
                let upper = form.bytes().any(|b| b.is_ascii_uppercase())
                    || (!form.is_ascii() && form.chars().any(char::is_uppercase));
                let lower: std::borrow::Cow<str> = if upper { form.to_lowercase().into() } else { form.into() };
                form_words(form, &lower, &mut pieces)?;
                for piece in pieces.iter().map(|r| &lower[r.clone()]) {
                    if piece == ".." {
                        if steps.is_empty() {
                            return Err(FormError(format!("{form:?}: a form cannot start with ..")));
                        }
                        gap = GAP_WORDS;
                        continue;
                    }
                    let (wildcard, literal) = parse_word(piece).map_err(|m| FormError(format!("{form:?}: {m}")))?;
                    // Looked up before it is copied: most literals recur.
                    let lit = match literal_ids.get(literal) {
                        Some(&lit) => lit,
                        None => {
                            literals.push(literal.to_string());
                            literal_tokens.push(Vec::new());
                            literal_ids.insert(literal.to_string(), literals.len() - 1);
                            literals.len() - 1
                        }
                    };
                    let token = match literal_tokens[lit].iter().find(|(w, _)| *w == wildcard) {
                        Some(&(_, t)) => t,
                        None => {
                            literal_tokens[lit].push((wildcard, token_count));
                            token_count += 1;
                            token_count - 1
                        }
                    };
                    steps.push(Step { token, gap });
                    gap = 0;
                }
                if gap > 0 {
                    return Err(FormError(format!("{form:?}: a form cannot end with ..")));
                }
                if steps.is_empty() {
                    return Err(FormError(format!("{form:?}: no word")));
                }
                forms.insert(concept, &steps);
            }
        }
        let (forms, first) = forms.finish(token_count);
        // Split the literals between the word-start trie and the inner searches.
        let (mut start_lits, mut inner_lits) = (vec![], vec![]);
        for (lit, tokens) in literals.into_iter().zip(literal_tokens) {
            let (starting, inside): (Vec<_>, Vec<_>) =
                tokens.into_iter().partition(|(w, _)| matches!(w, Wildcard::None | Wildcard::Prefix));
            if !inside.is_empty() {
                inner_lits.push((lit.clone(), inside));
            }
            if !starting.is_empty() {
                start_lits.push((lit, starting));
            }
        }
        // Shortest first, so that each group is searched for by its shortest piece.
        inner_lits.sort_by(|(a, _), (b, _)| (a.len(), a).cmp(&(b.len(), b)));
        let mut inner: Vec<(Finder<'static>, Vec<InnerPiece>)> = Vec::new();
        for (lit, tokens) in inner_lits {
            let piece = |offset| InnerPiece { literal: lit.as_bytes().to_vec().into(), offset, tokens: tokens.into() };
            match inner.iter_mut().find_map(|(f, group)| Some((memmem::find(lit.as_bytes(), f.needle())?, group))) {
                Some((offset, group)) => group.push(piece(offset)),
                None => inner.push((Finder::new(&lit).into_owned(), vec![piece(0)])),
            }
        }
        let starts = StartTrie::new(&start_lits)?;
        Ok(Lexicon { names, ids, starts, inner, forms, first: first.into() })
    }

    /// The lexicon of tables built before (by build.rs for the built-in grammar):
    /// `inner` as (searched piece, the pieces of its group).
    pub(crate) fn from_tables(
        names: &'static [&'static str],
        starts: StartTrie,
        inner: &'static [(&'static [u8], &'static [InnerPiece])],
        forms: FormTrie,
        first: &'static [u32],
    ) -> Lexicon {
        let names: Vec<Cow<'static, str>> = names.iter().map(|&n| n.into()).collect();
        let ids = names.iter().enumerate().map(|(id, n)| (n.clone(), id as ConceptId)).collect();
        let inner = inner.iter().map(|&(piece, group)| (Finder::new(piece), group.to_vec())).collect();
        Lexicon { names, ids, starts, inner, forms, first: first.into() }
    }

    /// Asserts that `other` holds the same concepts and tables.
    #[cfg(test)]
    pub(crate) fn assert_same(&self, other: &Lexicon) {
        assert_eq!(self.names, other.names);
        assert!(self.names.iter().all(|n| self.id(n) == other.id(n)));
        assert_eq!(self.starts, other.starts);
        assert_eq!(self.forms, other.forms);
        assert_eq!(self.first, other.first);
        let inner = |l: &Lexicon| l.inner.iter().map(|(f, g)| (f.needle().to_vec(), g.clone())).collect::<Vec<_>>();
        assert_eq!(inner(self), inner(other));
    }

    /// The id of a concept name.
    pub fn id(&self, name: &str) -> Option<ConceptId> {
        self.ids.get(name).copied()
    }

    /// Finds the words of `text` and the concepts in them.
    pub fn scan(&self, text: &str) -> Scan {
        self.scan_keeping(text, &[], false)
    }

    /// [`Lexicon::scan`], keeping the concepts `in_gaps` where they stand in the words a `..`
    /// of a longer form skipped: the negation in "krev ikkje kostnaden attende"; and with
    /// `lost_letters`, for a Norwegian text that has lost æ, ø and å, reading the words with
    /// them as well.
    pub fn scan_keeping(&self, text: &str, in_gaps: &[ConceptId], lost_letters: bool) -> Scan {
        self.scan_reading(text, in_gaps, Seams::default(), &[], lost_letters, false, &Shortened::default())
    }

    /// [`Lexicon::scan_keeping`], reading the words `shortened` shortens as their full forms
    /// too ("Tiltr.:" as "tiltredelse", "f.o.m." as "fra og med", "opps.frist" as
    /// "oppsigelsesfrist"), and where a `phrasal` concept takes its first word from an earlier
    /// form that ends on it and fits fewer words ("agree to stay out of the trade"). A clause
    /// retold in the first person fits the forms of the second, except those of `not_retold`:
    /// "før jeg begynner" is the writer's own start, no term of the agreement. In a text that is
    /// `english`, a lower-case "i" standing alone is the writer too ("if i dont join, i have to
    /// pay"); elsewhere it is the Norwegian "in".
    #[allow(clippy::too_many_arguments)]
    pub fn scan_reading(
        &self,
        text: &str,
        in_gaps: &[ConceptId],
        seams: Seams,
        not_retold: &[ConceptId],
        lost_letters: bool,
        english: bool,
        shortened: &Shortened,
    ) -> Scan {
        let lower = lowercase(text);
        let mut words = words(&lower);
        let read = shortened.read(text, &lower, &mut words);
        let input =
            Input { text: text.as_bytes(), lower: lower.as_bytes(), words: &words, read: &read, lost_letters, english };
        let (mut occurrences, first_person) = self.occurrences(&input, true);
        // The writer's own start ("rett før jeg begynner") is kept only where the words fit
        // such a form as written: read again without the second person, only if it matters.
        // Both lists are in word order: looked up by binary search, for a text may hold
        // thousands of each.
        let retold = |o: &Occurrence| {
            not_retold.contains(&o.concept) && {
                let k = first_person.partition_point(|&w| w < o.first);
                first_person.get(k).is_some_and(|&w| w <= o.last)
            }
        };
        if !first_person.is_empty() && occurrences.iter().any(retold) {
            let (literal, _) = self.occurrences(&input, false);
            occurrences.retain(|o| {
                let k = literal.partition_point(|l| l.first < o.first);
                !retold(o)
                    || literal[k..]
                        .iter()
                        .take_while(|l| l.first == o.first)
                        .any(|l| (l.concept, l.last) == (o.concept, o.last))
            });
        }
        Scan { words, occurrences: prune(occurrences, in_gaps, seams) }
    }

    /// The occurrences of every form in the words of `input`, before overlaps are settled, and
    /// the words read in the second person as well (only where `retold`).
    fn occurrences(&self, input: &Input, retold: bool) -> (Vec<Occurrence>, Vec<u32>) {
        let Input { text, lower: bytes, words, read, lost_letters, english } = *input;
        let mut read_at = read.iter().peekable();
        // Hits of the inner pieces as (word, token), in word order. A piece is all word
        // characters, so a hit lies inside one word; each literal is searched for on its own
        // (a vectorised substring search is many times faster than one automaton for all),
        // overlapping hits included, for a suffix may end where an earlier hit ends.
        let mut inner_hits: Vec<(u32, u32)> = Vec::new();
        for (finder, group) in &self.inner {
            let mut from = 0;
            while let Some(k) = finder.find(&bytes[from..]) {
                let hit = from + k;
                from = hit + 1;
                for piece in group {
                    let Some(s) = hit.checked_sub(piece.offset) else { continue };
                    let e = s + piece.literal.len();
                    if bytes.get(s..e) != Some(&piece.literal[..]) {
                        continue;
                    }
                    let word = words.partition_point(|w| w.end <= s);
                    let Some(w) = words.get(word) else { continue };
                    for &(wildcard, token) in piece.tokens.iter() {
                        if wildcard == Wildcard::Infix || e == w.end {
                            inner_hits.push((word as u32, token));
                        }
                    }
                }
            }
        }
        inner_hits.sort_unstable();
        inner_hits.dedup();
        // The tokens that fit each word: those of word `i` are `tokens[at[i]..at[i + 1]]`.
        let mut tokens: Vec<u32> = Vec::with_capacity(words.len());
        let mut at: Vec<u32> = Vec::with_capacity(words.len() + 1);
        // Whether word `i` joins the word before it.
        let mut joined: Vec<bool> = Vec::with_capacity(words.len());
        // Per word, its tokens by `token_bit`.
        let mut bits: Vec<u64> = Vec::with_capacity(words.len());
        let mut inner = inner_hits.iter().peekable();
        let mut previous_end = None;
        // The words read in the second person as well.
        let mut first_person: Vec<u32> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let reading = read_at.next_if(|r| r.word as usize == i);
            // Most words follow a single space.
            joined.push(
                reading.is_some_and(|r| r.joins)
                    || previous_end.is_some_and(|end| {
                        (end + 1 == w.start && bytes[end] == b' ')
                            || joins(&bytes[end..w.start])
                            || bracketed_figure(bytes, words, i)
                            || outline_number(bytes, words, i)
                    }),
            );
            previous_end = Some(w.end);
            let from = tokens.len();
            at.push(from as u32);
            let word = &bytes[w.start..w.end];
            // A shortened word ("tiltr.", "opps.frist", "man. 04.10.27") fits the forms of its
            // full form, not those of the letters written ("man" is no generic person there).
            match reading {
                Some(r) => self.starts.walk(r.full.iter().copied(), &mut tokens),
                None => self.starts.walk(word.iter().copied(), &mut tokens),
            }
            // A Norwegian text typed without æ, ø and å spells them ae, oe and aa ("foer
            // oppstart", "proevetiden"): such a word fits the forms of its proper spelling too,
            // walked as it is read, with no copy (many English words have such a pair: "does").
            let paired = has_pair(word);
            if paired {
                self.starts.walk(proper_bytes(word), &mut tokens);
            }
            // Riksmål and older bokmål write "efter" for "etter" ("Efter prøvetidens utløp",
            // "hvorefter", "derefter"): such a word fits the forms of its modern spelling too.
            let old = old_spelling(word);
            if let Some(modern) = &old {
                self.starts.walk(modern.iter().copied(), &mut tokens);
            }
            // A contract retold by its employee ("my contract says I must repay the course if I
            // leave within two years", "jeg må betale tilbake hvis jeg slutter før") says in the
            // first person what the forms say in the second: the pronoun fits those forms too.
            // In an English text a lower-case "i" is the writer too ("if i dont join"), where it
            // stands alone: not a list's "(i)" or "i)", a numeral's "i." or "i.e.".
            let lone_i = english
                && word == b"i"
                && !matches!(text.get(w.end), Some(&(b'.' | b')')))
                && (w.start == 0 || text[w.start - 1] != b'(');
            let first = if lone_i { b'I' } else { text[w.start] };
            let addressed = if retold { second_person(word, first) } else { &[] };
            for pronoun in addressed {
                self.starts.walk(pronoun.bytes(), &mut tokens);
            }
            if !addressed.is_empty() {
                first_person.push(i as u32);
            }
            // A Norwegian text with no æ, ø or å at all lost them (a foreign keyboard, a PDF
            // font without them): "provetid pa 6 maneder" is "prøvetid på 6 måneder".
            let unaccented = lost_letters
                && word.iter().all(u8::is_ascii_alphabetic)
                && word.iter().any(|&b| b == b'a' || b == b'o');
            if unaccented {
                self.starts.walk_unaccented(word, &mut tokens);
            }
            // A scanned page read by OCR confuses letters with digits and "m" with "rn"
            // ("Pr0vetid", "avta1es", "rnåneder", "lkke"): such a word fits the forms of the
            // word it was printed as. The text itself is left as read, for quotes.
            let readings = ocr_readings(word, tokens.len() > from);
            for reading in &readings {
                self.starts.walk(reading.iter().copied(), &mut tokens);
            }
            if paired || old.is_some() || !addressed.is_empty() || unaccented || !readings.is_empty() {
                dedup_from(&mut tokens, from);
            }
            while let Some(&(_, token)) = inner.next_if(|(word, _)| *word as usize == i) {
                tokens.push(token);
            }
            bits.push(tokens[from..].iter().fold(0, |b, &t| b | token_bit(t)));
        }
        at.push(tokens.len() as u32);
        let hits = Hits { joined: &joined, at: &at, tokens: &tokens, bits: &bits };
        let mut occurrences = Vec::with_capacity(words.len() / 2);
        for word in 0..words.len() as u32 {
            for &token in hits.of(word) {
                let node = self.first[token as usize];
                if node != 0 {
                    self.extend(node, word, word, 0, &hits, &mut occurrences);
                }
            }
        }
        (occurrences, first_person)
    }

    /// Adds the forms through `node`, whose last word so far is `last`, to `out`. Each step
    /// takes the first word that fits within its reach.
    /// Inlined, so that the common case, forms that end here and none that goes on to the next
    /// word, costs no call.
    #[inline(always)]
    fn extend(&self, node: u32, first: u32, last: u32, skipped: u32, hits: &Hits, out: &mut Vec<Occurrence>) {
        let forms = &self.forms;
        let node = &forms.nodes[node as usize];
        for &concept in &forms.concepts[node.concepts.0 as usize..node.concepts.1 as usize] {
            out.push(Occurrence { concept, first, last, skipped });
        }
        if node.limit == 0
            || !hits.joins(last + 1)
            || (node.gapped.0 == node.gapped.1 && node.next_bits & hits.bits[last as usize + 1] == 0)
        {
            return;
        }
        self.go_on(node, first, last, skipped, hits, out);
    }

    /// The steps of [`Lexicon::extend`] from `node` to the following words, the next of which
    /// joins on.
    #[inline(never)]
    fn go_on(&self, node: &FlatNode, first: u32, last: u32, skipped: u32, hits: &Hits, out: &mut Vec<Occurrence>) {
        let forms = &self.forms;
        let slice = |(a, b): (u32, u32)| a as usize..b as usize;
        // How many of the following words join on, one after another, as far as a step looks.
        let mut reach = 1;
        while reach < node.limit && hits.joins(last + reach + 1) {
            reach += 1;
        }
        if node.next_bits & hits.bits[last as usize + 1] != 0 {
            let next = &forms.next[slice(node.next)];
            for &token in hits.of(last + 1) {
                if let Ok(k) = next.binary_search_by_key(&token, |&(t, _)| t) {
                    self.extend(next[k].1, first, last + 1, skipped, hits, out);
                }
            }
        }
        // The tokens of the words in reach, by `token_bit`: most gapped steps find none of theirs.
        let window = (last + 1..=last + reach).fold(0, |bits, w| bits | hits.bits[w as usize]);
        if node.gapped_bits & window == 0 {
            return;
        }
        for &(gap, token, child) in &forms.gapped[slice(node.gapped)] {
            if token_bit(token) & window == 0 {
                continue;
            }
            if let Some(next) = (last + 1..=last + reach.min(gap + 1)).find(|&w| hits.of(w).contains(&token)) {
                let gap =
                    (last + 1 - first..next - first).fold(skipped, |bits, k| bits | 1u32.checked_shl(k).unwrap_or(0));
                self.extend(child, first, next, gap, hits, out);
            }
        }
    }
}

/// The tokens that fit each word of a scanned text, and how the words join.
struct Hits<'a> {
    joined: &'a [bool],
    at: &'a [u32],
    tokens: &'a [u32],
    /// Per word, its tokens by [`token_bit`].
    bits: &'a [u64],
}

/// A token's bit in a set of 64 that may hold others with it: no bit in common rules a match
/// out, a bit in common is checked.
fn token_bit(token: u32) -> u64 {
    1 << (token % 64)
}

impl Hits<'_> {
    fn of(&self, word: u32) -> &[u32] {
        &self.tokens[self.at[word as usize] as usize..self.at[word as usize + 1] as usize]
    }

    /// True when `word` exists and joins the word before it.
    fn joins(&self, word: u32) -> bool {
        self.joined.get(word as usize).copied().unwrap_or(false)
    }
}

/// Drops every occurrence that lies inside a longer one, or starts inside an earlier one and
/// runs past it ("following the probationary" wins over "probationary period"); equal
/// ranges are all kept. The words a `..` skipped are pruned among themselves, and of what
/// they name only the concepts `in_gaps` stay.
fn prune(mut occ: Vec<Occurrence>, in_gaps: &[ConceptId], seams: Seams) -> Vec<Occurrence> {
    // They come in order of their first word: only those that share it need sorting.
    debug_assert!(occ.is_sorted_by_key(|o| o.first));
    for group in occ.chunk_by_mut(|a, b| a.first == b.first) {
        group.sort_unstable_by_key(|o| (std::cmp::Reverse(o.last), o.concept, o.skipped));
    }
    occ.dedup_by(|b, a| (a.concept, a.first, a.last) == (b.concept, b.first, b.last));
    if !seams.phrasal.is_empty() || !seams.yielding.is_empty() {
        drop_overrun(&mut occ, seams);
    }
    let inside = |r: &Occurrence, o: &Occurrence| {
        r.first < o.first && o.first <= r.last || (r.first == o.first && r.last > o.last)
    };
    // The occurrence that reaches furthest, and the one that does among the words it skipped.
    let (mut reach, mut gap_reach): (Option<Occurrence>, Option<Occurrence>) = (None, None);
    occ.retain(|o| {
        if let Some(r) = reach.filter(|r| inside(r, o)) {
            let skipped =
                (o.first - r.first..=o.last - r.first).all(|k| r.skipped.checked_shr(k).unwrap_or(0) & 1 == 1);
            if !skipped || gap_reach.is_some_and(|g| inside(&g, o)) {
                return false;
            }
            if gap_reach.is_none_or(|g| o.last > g.last) {
                gap_reach = Some(*o);
            }
            return in_gaps.contains(&o.concept);
        }
        if reach.is_none_or(|r| o.last > r.last) {
            (reach, gap_reach) = (Some(*o), None);
        }
        true
    });
    occ
}

/// Two forms that share a word, the later one reaching further: by default the earlier keeps
/// it ("following the probationary" over "probationary period").
#[derive(Clone, Copy, Default)]
pub struct Seams<'a> {
    /// Concepts that take their first word from an earlier form that ends on it (grammar.toml
    /// `phrasal`: a verb whose particle changes its meaning, "stay out of", "holde seg utenfor").
    pub phrasal: &'a [ConceptId],
    /// Concepts that give their last word up to any later form that reaches further
    /// (grammar.toml `yielding`: a stay in general, "you continue", which the term's own form
    /// begins with: "continue to work for").
    pub yielding: &'a [ConceptId],
}

/// The later of two forms that share a word takes it where the earlier one is `yielding`, or
/// where it is `phrasal` and fits more words: in "agree to stay out of the offshore trade" the
/// five words of "stay out of the .. trade" outweigh the three of "agree to stay". Words a `..`
/// skipped do not count, and an occurrence that starts among the words the earlier one skipped
/// is no such overlap.
fn drop_overrun(occ: &mut Vec<Occurrence>, seams: Seams) {
    let fitted = |o: &Occurrence| o.last - o.first + 1 - o.skipped.count_ones().min(o.last - o.first);
    let mut beaten: Vec<usize> = Vec::new();
    for (i, a) in occ.iter().enumerate() {
        let overrun = occ[i + 1..].iter().take_while(|b| b.first <= a.last).any(|b| {
            let seam = b.first > a.first && b.last > a.last;
            let in_gap = a.skipped.checked_shr(b.first - a.first).unwrap_or(0) & 1 == 1;
            seam && !in_gap
                && (seams.yielding.contains(&a.concept) || seams.phrasal.contains(&b.concept) && fitted(b) > fitted(a))
        });
        if overrun {
            beaten.push(i);
        }
    }
    if !beaten.is_empty() {
        let mut k = 0;
        occ.retain(|_| {
            k += 1;
            beaten.binary_search(&(k - 1)).is_err()
        });
    }
}

/// Separators that may stand between two words of one form; a template's brackets around a
/// blank are no break in the phrase ("for a period of [X] months thereafter").
fn joins(gap: &[u8]) -> bool {
    !gap.is_empty() && gap.iter().all(|b| matches!(b, b' ' | b'-' | b'/' | b'\'' | b'[' | b']'))
}

/// Whether word `i` and the word before it are the parts of a paragraph's number ("7.1"): a gap
/// reads across it as across one word ("Fristen i 7.1 gjeld òg før tiltreding").
fn outline_number(bytes: &[u8], words: &[Word], i: usize) -> bool {
    let (before, word) = (&words[i - 1], &words[i]);
    figure(bytes, before) && figure(bytes, word) && &bytes[before.end..word.start] == b"."
}

/// Whether the word is all digits.
fn figure(bytes: &[u8], w: &Word) -> bool {
    bytes[w.start..w.end].iter().all(u8::is_ascii_digit)
}

/// Whether word `i` and the word before it are joined by the brackets of a figure that
/// restates a number word ("twelve (12) months", "tolv (12) måneder"), or of a number word
/// that restates a figure ("2 (two) years", "2(TWO) years"): a form reads across it as across
/// "twelve months".
fn bracketed_figure(bytes: &[u8], words: &[Word], i: usize) -> bool {
    let figure = |w: &Word| figure(bytes, w);
    // The word spelling the figure out (the value grammar reads which number it is).
    let number =
        |w: &Word| std::str::from_utf8(&bytes[w.start..w.end]).is_ok_and(|s| s.chars().all(char::is_alphabetic));
    // The word in brackets restates the one before them.
    let restates =
        |outside: Option<&Word>, inside: &Word| figure(inside) || outside.is_some_and(|o| figure(o) && number(inside));
    let opens = |gap: &[u8]| matches!(gap, b"(" | b" (");
    let closes = |gap: &[u8]| matches!(gap, b")" | b") ");
    let (before, word) = (&words[i - 1], &words[i]);
    let after = words.get(i + 1).map_or(bytes.len(), |w| w.start);
    let ahead = words.get(i.wrapping_sub(2)).map_or(0, |w| w.end);
    (restates(Some(before), word) && opens(&bytes[before.end..word.start]) && closes(&bytes[word.end..after]))
        || (restates(words.get(i.wrapping_sub(2)), before)
            && closes(&bytes[before.end..word.start])
            && opens(&bytes[ahead..before.start]))
}

/// Splits a form into its words (and `..`), with the same word rule as the text: `out`
/// (emptied first, so that one buffer serves every form) gets their byte ranges in `lower`,
/// which is `form` in lower case.
fn form_words(form: &str, lower: &str, out: &mut Vec<std::ops::Range<usize>>) -> Result<(), FormError> {
    out.clear();
    let mut at = 0;
    for part in lower.as_bytes().split(|b| matches!(b, b' ' | b'-' | b'/' | b'\'')) {
        let range = at..at + part.len();
        at = range.end + 1;
        // The separators are ASCII: the part is whole characters.
        let part = &lower[range.clone()];
        if part.is_empty() {
            continue;
        }
        if part == ".." {
            out.push(range);
            continue;
        }
        let core = part.trim_matches('*');
        let word = |core: &str| core.bytes().all(|b| b.is_ascii_alphanumeric()) || core.chars().all(is_word_char);
        if core.is_empty() || !word(core) {
            return Err(FormError(format!("{form:?}: {part:?} is not a word (letters and digits, * at either end)")));
        }
        out.push(range);
    }
    Ok(())
}

fn parse_word(piece: &str) -> Result<(Wildcard, &str), String> {
    let (pre, post) = (piece.starts_with('*'), piece.ends_with('*') && piece.len() > 1);
    let literal = piece.trim_matches('*');
    let wildcard = match (pre, post) {
        (false, false) => Wildcard::None,
        (false, true) => Wildcard::Prefix,
        (true, false) => Wildcard::Suffix,
        (true, true) => Wildcard::Infix,
    };
    if wildcard == Wildcard::Infix && literal.chars().count() < 3 {
        return Err(format!("*{literal}* is too short to stand anywhere inside a word"));
    }
    Ok((wildcard, literal))
}

/// Letters and digits make words.
pub fn is_word_char(c: char) -> bool {
    let code = c as usize;
    if code < 0x800 {
        SHORT_WORD_CHARS[code / 64] >> (code % 64) & 1 == 1
    } else {
        c.is_alphanumeric()
    }
}

/// Which of the one- and two-byte characters (U+0000 to U+07FF: ASCII, Latin-1, Latin
/// Extended, Greek, Cyrillic ...) are letters or digits, one bit each, so that the letters of
/// Norwegian text need no Unicode table search.
static SHORT_WORD_CHARS: LazyLock<[u64; 32]> = LazyLock::new(|| {
    let mut bits = [0u64; 32];
    for c in (0..0x800).filter_map(char::from_u32).filter(|c| c.is_alphanumeric()) {
        bits[c as usize / 64] |= 1 << (c as usize % 64);
    }
    bits
});

/// Whether the character at byte `i` of `text` (a character boundary) is a word character,
/// and its length.
#[inline]
pub(crate) fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    classify(&SHORT_WORD_CHARS, text, i)
}

#[inline(always)]
fn classify(short: &[u64; 32], text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        (b.is_ascii_alphanumeric(), 1)
    } else if b < 0xE0 {
        let c = usize::from(b & 0x1F) << 6 | usize::from(bytes[i + 1] & 0x3F);
        (short[c / 64] >> (c % 64) & 1 == 1, 2)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (is_word_char(c), c.len_utf8())
    }
}

/// The words of a text: runs of letters and digits.
///
/// The text is read 64 bytes at a time into a mask of word bytes, and the words are where
/// the mask changes: there is no branch per byte to guess wrong at every word boundary.
pub fn words(text: &str) -> Vec<Word> {
    let short = &*SHORT_WORD_CHARS;
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    // The start of a word that runs on past the chunk read so far.
    let mut open: Option<usize> = None;
    // Word bits of a character that runs on past the chunk read so far.
    let mut spill = 0u64;
    for base in (0..bytes.len()).step_by(64) {
        let mut chunk = [0u8; 64];
        let n = (bytes.len() - base).min(64);
        chunk[..n].copy_from_slice(&bytes[base..base + n]);
        let (mut mask, mut leads) = (spill, 0u64);
        for (k, eight) in chunk.chunks_exact(8).enumerate() {
            let (alnum, lead) = ascii_word_bytes(u64::from_le_bytes(eight.try_into().unwrap_or_default()));
            mask |= alnum << (8 * k);
            leads |= lead << (8 * k);
        }
        spill = 0;
        // Other characters by their class, all their bytes at once.
        while leads != 0 {
            let k = leads.trailing_zeros() as usize;
            leads &= leads - 1;
            let (word, len) = classify(short, text, base + k);
            if word {
                let bits = (1u128 << len) - 1;
                mask |= (bits << k) as u64;
                spill = (bits << k >> 64) as u64;
            }
        }
        let before = (mask << 1) | u64::from(open.is_some());
        let (mut starts, mut ends) = (mask & !before, !mask & before);
        loop {
            match open {
                None if starts != 0 => {
                    open = Some(base + starts.trailing_zeros() as usize);
                    starts &= starts - 1;
                }
                Some(start) if ends != 0 => {
                    out.push(Word { start, end: base + ends.trailing_zeros() as usize });
                    ends &= ends - 1;
                    open = None;
                }
                _ => break,
            }
        }
    }
    if let Some(start) = open {
        out.push(Word { start, end: bytes.len() });
    }
    out
}

/// For eight bytes (little-endian): which are ASCII letters or digits, and which start a
/// character of two or more bytes, one bit per byte.
fn ascii_word_bytes(x: u64) -> (u64, u64) {
    const fn splat(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    const HIGH: u64 = splat(0x80);
    // Per byte, the high bit of `v + (0x80 - lo)` says v >= lo and that of `v + (0x7F - hi)`
    // says v > hi; the seven-bit values cannot carry into the next byte.
    let in_range = |v: u64, lo: u8, hi: u8| (v + splat(0x80 - lo)) & !(v + splat(0x7F - hi)) & HIGH;
    let ascii = !x & HIGH;
    let low = x & !HIGH;
    let alnum = (in_range(low | splat(0x20), b'a', b'z') | in_range(low, b'0', b'9')) & ascii;
    let lead = x & (x << 1) & HIGH;
    // Gathers the high bit of each byte into the low eight bits.
    let gather = |v: u64| ((v >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
    (gather(alnum), gather(lead))
}

/// The length of the ASCII run that `bytes` starts with, read eight bytes at a time.
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let high = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & 0x8080_8080_8080_8080;
        if high != 0 {
            return n + high.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + chunks.remainder().iter().position(|&b| b >= 0x80).unwrap_or(chunks.remainder().len())
}

/// Sorts `tokens[from..]` and drops repeats in place: a word read in more than one way fits
/// some forms more than once.
fn dedup_from(tokens: &mut Vec<u32>, from: usize) {
    tokens[from..].sort_unstable();
    let mut kept = from;
    for k in from..tokens.len() {
        if k == from || tokens[k] != tokens[kept - 1] {
            tokens[kept] = tokens[k];
            kept += 1;
        }
    }
    tokens.truncate(kept);
}

/// The second-person pronouns a first-person `word` (lower case) stands for where an employee
/// retells a clause; `first` is the word's first byte as written. English "I" only as
/// written, a capital (or a lone "i" in an English text, which the caller passes as one):
/// Norwegian "i" ("in") is one only where it opens a sentence ("I prøvetiden"), before words no
/// English form goes on with. Nynorsk "me" is "we", so "me" is
/// read as English "you" only.
fn second_person(word: &[u8], first: u8) -> &'static [&'static str] {
    match word {
        b"i" if first == b'I' => &["you"],
        b"me" => &["you"],
        b"my" => &["your"],
        b"myself" => &["yourself"],
        b"jeg" | b"eg" => &["du"],
        b"meg" => &["deg"],
        b"min" => &["din"],
        b"mitt" => &["ditt"],
        b"mine" => &["dine", "yours"],
        b"mi" => &["di"],
        _ => &[],
    }
}

/// The word (lower case) with "efter" written "etter", the riksmål spelling in its modern
/// form ("hvorefter": "hvoretter"), when it has one; of the same length, so offsets agree.
fn old_spelling(word: &[u8]) -> Option<Vec<u8>> {
    let at = word.windows(5).position(|w| w == b"efter")?;
    let mut modern = word.to_vec();
    modern[at + 1] = b't';
    Some(modern)
}

/// Whether `word` (lower case) is all ASCII and has an "ae", "oe" or "aa" (see [`proper_bytes`]).
fn has_pair(word: &[u8]) -> bool {
    // Most words have no such pair: looked for first.
    word.windows(2).any(|w| matches!(w, [b'a' | b'o', b'e'] | [b'a', b'a'])) && word.is_ascii()
}

/// The bytes of `word` (lower case, ASCII) with every "ae", "oe" and "aa" read as æ, ø and å,
/// from the left: each pair and its letter are two bytes in UTF-8, so offsets agree.
fn proper_bytes(word: &[u8]) -> impl Iterator<Item = u8> + '_ {
    let (mut i, mut second) = (0, None);
    std::iter::from_fn(move || {
        if let Some(b) = second.take() {
            return Some(b);
        }
        let letter = match word.get(i..i + 2) {
            Some(b"ae") => "æ",
            Some(b"oe") => "ø",
            Some(b"aa") => "å",
            _ => {
                i += 1;
                return word.get(i - 1).copied();
            }
        };
        i += 2;
        second = Some(letter.as_bytes()[1]);
        Some(letter.as_bytes()[0])
    })
}

/// The word (lower case) with every "ae", "oe" and "aa" written as æ, ø and å, when it is
/// all ASCII and has one.
pub(crate) fn proper_spelling(word: &[u8]) -> Option<Vec<u8>> {
    has_pair(word).then(|| proper_bytes(word).collect())
}

/// The words an OCR'd `word` (lower case) may have been printed as. A "0" or "1" between two
/// letters is a letter misread ("pr0vetid": prøvetid, "avta1es": avtales, "emp1oyment"), for no
/// word of prose has a digit inside it. Only a word that fits no form (`fits` false) is read
/// further: "rn" as "m" ("rnåneder", "ernployee") and an "l" where no "l" can stand, at the
/// start before a consonant or between two consonants, as "i" ("lkke", "flrst"); a real word
/// with "rn" or such an "l" (barn, fjerne, world) fits no form as "m" or "i" either, or it is
/// listed under its own spelling.
fn ocr_readings(word: &[u8], fits: bool) -> Vec<Vec<u8>> {
    // Most words have no 0 or 1, and either fit a form or have no "rn" and no misread "l": a
    // quick look passes them by (a fifth of the scan's time otherwise).
    if !word.iter().any(|&b| b == b'0' || b == b'1')
        && (fits || !(0..word.len()).any(|i| word[i..].starts_with(b"rn") || misread_l(word, i)))
    {
        return Vec::new();
    }
    let letter = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80);
    let inside = |i: usize| i > 0 && letter(word.get(i - 1)) && letter(word.get(i + 1));
    let digits: Vec<usize> = (0..word.len()).filter(|&i| matches!(word[i], b'0' | b'1') && inside(i)).take(3).collect();
    let mut readings: Vec<Vec<u8>> = Vec::new();
    if !digits.is_empty() {
        // Each misread digit as either letter it resembles: 0 as o or ø, 1 as l or i.
        for choice in 0..1u32 << digits.len() {
            let mut reading = Vec::with_capacity(word.len() + 3);
            let mut k = 0;
            for (i, &b) in word.iter().enumerate() {
                if digits.get(k) == Some(&i) {
                    let second = choice >> k & 1 == 1;
                    k += 1;
                    match (b, second) {
                        (b'0', false) => reading.push(b'o'),
                        (b'0', true) => reading.extend_from_slice("ø".as_bytes()),
                        (_, false) => reading.push(b'l'),
                        (_, true) => reading.push(b'i'),
                    }
                } else {
                    reading.push(b);
                }
            }
            readings.push(reading);
        }
    }
    if fits || !word.iter().all(|&b| b.is_ascii_alphabetic() || b >= 0x80) && digits.is_empty() {
        return readings;
    }
    let bases = if readings.is_empty() { vec![word.to_vec()] } else { readings.clone() };
    for base in bases {
        let m = base.windows(2).any(|w| w == b"rn").then(|| {
            let mut out = Vec::with_capacity(base.len());
            let mut i = 0;
            while i < base.len() {
                if base[i..].starts_with(b"rn") {
                    out.push(b'm');
                    i += 2;
                } else {
                    out.push(base[i]);
                    i += 1;
                }
            }
            out
        });
        let i_for_l = |w: &[u8]| {
            (0..w.len())
                .any(|i| misread_l(w, i))
                .then(|| (0..w.len()).map(|i| if misread_l(w, i) { b'i' } else { w[i] }).collect::<Vec<u8>>())
        };
        let i_read = i_for_l(&base);
        let both = m.as_deref().and_then(i_for_l);
        readings.extend(m.into_iter().chain(i_read).chain(both));
    }
    readings
}

/// Whether the "l" at `i` stands where OCR reads an "i" as "l": at the start before a consonant
/// or between two consonants ("lkke", "flrst").
fn misread_l(w: &[u8], i: usize) -> bool {
    let consonant = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphabetic() && !b"aeiouyjl".contains(&b));
    w[i] == b'l' && consonant(w.get(i + 1)) && (i == 0 || consonant(w.get(i - 1)))
}

/// Lower case with every byte offset kept: a character whose lower case has another length
/// in UTF-8 stays as it is.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // Copy the ASCII run in one go, then one other character.
        let ascii = ascii_prefix(rest.as_bytes());
        let (run, tail) = rest.split_at(ascii);
        out.push_str(run);
        rest = tail;
        let Some(c) = rest.chars().next() else { break };
        match c {
            // Latin-1 capitals (not '×'): the lower case is 0x20 further on.
            'À'..='Þ' if c != '×' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            // Other Latin-1 characters and the lower-case letters æ ø å ... are their own.
            '\u{80}'..='ÿ' => out.push(c),
            _ => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
                    _ => out.push(c),
                }
            }
        }
        rest = &rest[c.len_utf8()..];
    }
    // ASCII letters are lowered in place; the bytes of other characters are left alone.
    out.make_ascii_lowercase();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(entries: &[(&str, &[&str])]) -> Lexicon {
        let owned: Vec<(String, Vec<String>)> =
            entries.iter().map(|(n, f)| (n.to_string(), f.iter().map(|s| s.to_string()).collect())).collect();
        Lexicon::new(owned.iter().map(|(n, f)| (n.as_str(), f.as_slice()))).unwrap()
    }

    fn found(lex: &Lexicon, text: &str) -> Vec<String> {
        found_reading(lex, text, Seams::default(), &Shortened::default())
    }

    /// The concepts a scan settling `seams` and reading `shortened` finds, as in [`found`].
    fn found_reading(lex: &Lexicon, text: &str, seams: Seams, shortened: &Shortened) -> Vec<String> {
        let scan = lex.scan_reading(text, &[], seams, &[], false, false, shortened);
        scan.occurrences
            .iter()
            .map(|o| {
                let (s, e) = (scan.words[o.first as usize].start, scan.words[o.last as usize].end);
                format!("{}={}", lex.names[o.concept as usize], &text[s..e])
            })
            .collect()
    }

    #[test]
    fn a_shortened_word_is_read_as_its_full_form() {
        let lex = lexicon(&[
            ("START", &["tiltredelse", "tiltreding", "with effect from"]),
            ("NOTICE", &["oppsigelsesfrist*", "oppseiingsfrist*"]),
            ("AFTER_PROBATION", &["etter prøvetid*"]),
            ("FROM", &["fra og med"]),
            ("GENERIC", &["man"]),
        ]);
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter().map(|&(a, b)| (a.to_string(), b.to_string())).collect()
        };
        let table = Shortened::new(
            pairs(&[
                ("tiltr.", "tiltredelse"),
                ("tiltred.", "tiltreding"),
                ("e. prøvet.", "etter prøvetiden"),
                ("f.o.m.", "fra og med"),
                ("w.e.f.", "with effect from"),
                ("man.", "mandag"),
                ("oppseiingsfr.", "oppseiingsfrist"),
            ]),
            pairs(&[("opps.", "oppsigelses")]),
        )
        .unwrap();
        // Bokmål: a label with its full stop, a compound, a phrase of one-letter words.
        assert_eq!(
            found_reading(&lex, "Tiltr.: f.o.m. man. 4.10.27, opps.frist 2 mnd. e. prøvet.", Seams::default(), &table),
            ["START=Tiltr.", "FROM=f.o.m.", "NOTICE=opps.frist", "AFTER_PROBATION=e. prøvet."]
        );
        // Nynorsk.
        assert_eq!(
            found_reading(&lex, "Tiltred.: 1. mars. Oppseiingsfr.: 1 md.", Seams::default(), &table),
            ["START=Tiltred.", "NOTICE=Oppseiingsfr."]
        );
        // English.
        assert_eq!(found_reading(&lex, "W.e.f.: 4 January 2027", Seams::default(), &table), ["START=W.e.f."]);
        // No full stop, a capital after it (the end of a sentence), a one-letter word alone.
        assert!(found_reading(&lex, "tiltr og e. Tiltr. Vi", Seams::default(), &table).is_empty());
        assert_eq!(found_reading(&lex, "som man. Vi", Seams::default(), &table), ["GENERIC=man"]);
        assert!(Shortened::new(pairs(&[("e.", "etter")]), vec![]).is_err());
        assert!(Shortened::new(pairs(&[("f.o.m.", "fra og")]), vec![]).is_err());
        assert!(Shortened::new(pairs(&[("tiltr", "tiltredelse")]), vec![]).is_err());
    }

    #[test]
    fn wildcards_respect_word_boundaries() {
        let lex = lexicon(&[
            ("PROBATION", &["prøvetid*", "probation*"]),
            ("NON_SOLICIT", &["*kundeklausul*"]),
            ("NO", &["nei"]),
        ]);
        assert_eq!(found(&lex, "Prøvetiden: Nei"), ["PROBATION=Prøvetiden", "NO=Nei"]);
        assert_eq!(found(&lex, "uprøvetid neio"), Vec::<String>::new());
        assert_eq!(
            found(&lex, "Kundeklausulen og KUNDEKLAUSUL"),
            ["NON_SOLICIT=Kundeklausulen", "NON_SOLICIT=KUNDEKLAUSUL"]
        );
    }

    #[test]
    fn a_word_typed_without_the_norwegian_letters_fits_its_proper_spelling() {
        let lex = lexicon(&[("BEFORE_START", &["før .. oppstart*"]), ("PROBATION", &["prøvetid*", "proevetid*"])]);
        assert_eq!(found(&lex, "Foer oppstart"), ["BEFORE_START=Foer oppstart"]);
        assert_eq!(found(&lex, "Proevetiden, PROEVETID"), ["PROBATION=Proevetiden", "PROBATION=PROEVETID"]);
        // Only "ae", "oe" and "aa" stand for the letters: "for" is no "før".
        assert_eq!(found(&lex, "for oppstart"), Vec::<String>::new());
    }

    #[test]
    fn a_riksmaal_efter_fits_the_forms_of_etter() {
        let lex = lexicon(&[("AFTER_PROBATION", &["etter prøvetid*"]), ("THEREAFTER", &["hvoretter", "deretter"])]);
        assert_eq!(found(&lex, "Efter prøvetiden"), ["AFTER_PROBATION=Efter prøvetiden"]);
        assert_eq!(found(&lex, "hvorefter, Derefter"), ["THEREAFTER=hvorefter", "THEREAFTER=Derefter"]);
        // Only "efter" is read so: "effekt" stays itself.
        assert_eq!(found(&lex, "effekt prøvetiden"), Vec::<String>::new());
    }

    #[test]
    fn a_clause_retold_in_the_first_person_fits_the_second_person_forms() {
        let lex = lexicon(&[
            ("BEFORE_START", &["før du begynner", "before you start"]),
            ("LEAVE_EARLY", &["if you leave", "slutter du"]),
            ("OWN", &["your contract", "kontrakten din"]),
        ]);
        assert_eq!(found(&lex, "også før jeg begynner"), ["BEFORE_START=før jeg begynner"]);
        assert_eq!(found(&lex, "før eg begynner"), ["BEFORE_START=før eg begynner"]);
        assert_eq!(
            found(&lex, "even before I start, if I leave"),
            ["BEFORE_START=before I start", "LEAVE_EARLY=if I leave"]
        );
        assert_eq!(found(&lex, "my contract, kontrakten min"), ["OWN=my contract", "OWN=kontrakten min"]);
        // Norwegian "i" ("in") is no "I": "før i begynner" is no form.
        assert_eq!(found(&lex, "before i start"), Vec::<String>::new());
        // The second person still fits.
        assert_eq!(found(&lex, "før du begynner"), ["BEFORE_START=før du begynner"]);
        // In an English text a lone lower-case "i" is the writer; not a list's "(i)", "i)" or "i.".
        let english = |text: &str| {
            let scan = lex.scan_reading(text, &[], Seams::default(), &[], false, true, &Shortened::default());
            scan.occurrences.iter().map(|o| lex.names[o.concept as usize].clone()).collect::<Vec<_>>()
        };
        assert_eq!(english("so before i start, if i leave"), ["BEFORE_START", "LEAVE_EARLY"]);
        assert_eq!(english("(i) leave, i) leave, i. leave"), Vec::<String>::new());
    }

    #[test]
    fn a_text_that_lost_the_norwegian_letters_is_read_with_them() {
        let lex = lexicon(&[("BEFORE_START", &["før .. oppstart*"]), ("PROBATION", &["prøvetid*"]), ("ON", &["på"])]);
        let found = |text: &str, lost: bool| {
            let scan = lex.scan_keeping(text, &[], lost);
            scan.occurrences.iter().map(|o| lex.names[o.concept as usize].clone()).collect::<Vec<_>>()
        };
        assert_eq!(found("Provetiden pa for oppstart", true), ["PROBATION", "ON", "BEFORE_START"]);
        // Only such a text: elsewhere "for" is no "før".
        assert_eq!(found("Provetiden pa for oppstart", false), Vec::<String>::new());
        // Other letters stay as they are.
        assert_eq!(found("Prevetiden pe fer oppstart", true), Vec::<String>::new());
    }

    #[test]
    fn a_suffix_is_found_where_an_earlier_hit_overlaps_it() {
        // "ana" stands twice in each word, the second time overlapping the first: in
        // "banana" and "anana" only that second one ends the word, in "ananas" neither does.
        let lex = lexicon(&[("END", &["*ana"])]);
        assert_eq!(found(&lex, "ananas banana anana"), ["END=banana", "END=anana"]);
    }

    #[test]
    fn phrases_join_words_and_skip_gaps_but_not_punctuation() {
        let lex = lexicon(&[("REPAY", &["betal* .. tilbake", "claw-back"]), ("END", &["si opp"])]);
        assert_eq!(found(&lex, "skal betale hele kursavgiften tilbake"), ["REPAY=betale hele kursavgiften tilbake"]);
        assert_eq!(found(&lex, "betale. Tilbake"), Vec::<String>::new());
        assert_eq!(found(&lex, "a claw back or clawback, claw-back"), ["REPAY=claw back", "REPAY=claw-back"]);
        assert_eq!(found(&lex, "Partene kan si opp"), ["END=si opp"]);
        assert_eq!(found(&lex, "skal betale [beløp] tilbake"), ["REPAY=betale [beløp] tilbake"]);
    }

    #[test]
    fn a_figure_in_brackets_after_a_number_word_joins() {
        let lex = lexicon(&[("AFTER", &["for a period of .. thereafter"])]);
        assert_eq!(
            found(&lex, "for a period of twelve (12) months thereafter"),
            ["AFTER=for a period of twelve (12) months thereafter"]
        );
        assert_eq!(found(&lex, "for a period of twelve (see 12) months thereafter"), Vec::<String>::new());
        // A word in brackets spelling out a figure joins the same way; more words do not.
        assert_eq!(
            found(&lex, "for a period of 3(THREE) years thereafter"),
            ["AFTER=for a period of 3(THREE) years thereafter"]
        );
        assert_eq!(
            found(&lex, "for a period of 40 (førti) days thereafter"),
            ["AFTER=for a period of 40 (førti) days thereafter"]
        );
        assert_eq!(found(&lex, "for a period of 18 (a year and a half) thereafter"), Vec::<String>::new());
    }

    #[test]
    fn a_gap_reads_across_a_paragraph_number() {
        let lex = lexicon(&[("NOTICE_WORD", &["fristen i .. gjeld"])]);
        assert_eq!(found(&lex, "Fristen i 7.1 gjeld òg"), ["NOTICE_WORD=Fristen i 7.1 gjeld"]);
        // A full stop after a word, or one between a figure and a word, still breaks the form.
        assert!(found(&lex, "Fristen i 7. Gjeld").is_empty());
        assert!(found(&lex, "Fristen i 7.a gjeld").is_empty());
    }

    #[test]
    fn a_word_misread_by_ocr_fits_the_word_printed() {
        let lex = lexicon(&[("PROBATION", &["prøvetid*", "probation*"]), ("NEG", &["ikke"]), ("UNIT", &["måned*"])]);
        // The text is left as read: the occurrence quotes the word as OCR gave it.
        assert_eq!(found(&lex, "Pr0vetid"), ["PROBATION=Pr0vetid"]);
        assert_eq!(found(&lex, "lkke"), ["NEG=lkke"]);
        assert_eq!(found(&lex, "rnåneder"), ["UNIT=rnåneder"]);
        // A digit at a word's edge, and real words with "rn" or an "l", stay as they are.
        assert!(found(&lex, "1kke barn fjerne world").is_empty());
        assert_eq!(ocr_readings(b"barn", true), Vec::<Vec<u8>>::new());
        assert_eq!(ocr_readings(b"avta1es", false)[0], b"avtales");
    }

    #[test]
    fn the_longer_form_wins() {
        let lex = lexicon(&[
            ("NEG", &["ikke"]),
            ("NEG_ANSWER", &["ikke aktuelt"]),
            ("PROBATION", &["prøvetid*"]),
            ("AFTER_PROBATION", &["etter prøvetid*", "etter endt prøvetid*"]),
        ]);
        assert_eq!(found(&lex, "Prøvetid ikke aktuelt"), ["PROBATION=Prøvetid", "NEG_ANSWER=ikke aktuelt"]);
        assert_eq!(found(&lex, "etter endt prøvetid er det ikke"), ["AFTER_PROBATION=etter endt prøvetid", "NEG=ikke"]);
    }

    #[test]
    fn a_phrasal_concept_takes_its_first_word_from_an_earlier_form() {
        let lex = lexicon(&[
            ("STAY_COMMIT", &["agree to stay", "lover å holde", "lovar å halde"]),
            (
                "OUT_OF_TRADE",
                &["stay out of the .. trade", "holde deg utenfor .. *bransjen", "halde deg utanfor .. *bransjen"],
            ),
            ("PROBATION", &["probationary period", "prøvetid*"]),
            ("AFTER_PROBATION", &["following the probationary"]),
            ("AGREE", &["agree"]),
        ]);
        let phrasal = [lex.id("OUT_OF_TRADE").unwrap(), lex.id("PROBATION").unwrap()];
        let found = |lex: &Lexicon, text: &str| {
            found_reading(lex, text, Seams { phrasal: &phrasal, yielding: &[] }, &Shortened::default())
        };
        assert_eq!(
            found(&lex, "you agree to stay out of the salmon farming trade"),
            ["AGREE=agree", "OUT_OF_TRADE=stay out of the salmon farming trade"]
        );
        assert_eq!(
            found(&lex, "du lover å holde deg utenfor reisebransjen"),
            ["OUT_OF_TRADE=holde deg utenfor reisebransjen"]
        );
        assert_eq!(
            found(&lex, "du lovar å halde deg utanfor fiskebransjen"),
            ["OUT_OF_TRADE=halde deg utanfor fiskebransjen"]
        );
        // The earlier form keeps a shared word where it fits as many words or more.
        assert_eq!(found(&lex, "following the probationary period"), ["AFTER_PROBATION=following the probationary"]);
        // Without the phrasal form, the earlier one stays; and only where it is asked for.
        assert_eq!(found(&lex, "you agree to stay with us"), ["STAY_COMMIT=agree to stay"]);
        assert_eq!(
            super::tests::found(&lex, "you agree to stay out of the salmon farming trade"),
            ["STAY_COMMIT=agree to stay"]
        );
    }

    #[test]
    fn a_yielding_concept_gives_its_last_word_to_a_later_form() {
        let lex = lexicon(&[
            ("KEEP_WORKING", &["you continue"]),
            ("STAY_COMMIT", &["continue to work for .. for"]),
            ("COUNTS_AS", &["er å rekne som"]),
            ("REPAY", &["som eit lån"]),
        ]);
        let yielding = [lex.id("KEEP_WORKING").unwrap(), lex.id("COUNTS_AS").unwrap()];
        let found = |text: &str, yielding: &[ConceptId]| {
            found_reading(&lex, text, Seams { phrasal: &[], yielding }, &Shortened::default())
        };
        let text = "you continue to work for us for two years";
        assert_eq!(found(text, &yielding), ["STAY_COMMIT=continue to work for us for"]);
        // A later form no longer than the earlier one takes the shared word too.
        assert_eq!(found("beløpet er å rekne som eit lån", &yielding), ["REPAY=som eit lån"]);
        // Only where it reaches further, and only where the concept is asked to yield.
        assert_eq!(found("you continue with us", &yielding), ["KEEP_WORKING=you continue"]);
        assert_eq!(found(text, &[]), ["KEEP_WORKING=you continue"]);
    }

    #[test]
    fn a_gap_keeps_only_the_concepts_asked_for() {
        let lex = lexicon(&[
            ("REPAY", &["krev* .. tilbake"]),
            ("NEG", &["ikke"]),
            ("PSEUDO_NEG", &["ikke før"]),
            ("COURSE", &["kurs*"]),
        ]);
        let neg = [lex.id("NEG").unwrap()];
        let kept = |text: &str| {
            let scan = lex.scan_keeping(text, &neg, false);
            scan.occurrences.iter().map(|o| lex.names[o.concept as usize].clone()).collect::<Vec<_>>()
        };
        assert_eq!(kept("krever ikke kurset tilbake"), ["REPAY", "NEG"]);
        // A longer form in the gap still takes the words it holds.
        assert_eq!(kept("krever ikke før tilbake"), ["REPAY"]);
        assert_eq!(found(&lex, "krever ikke kurset tilbake"), ["REPAY=krever ikke kurset tilbake"]);
    }

    #[test]
    fn offsets_survive_case_folding() {
        // 'İ' lower-cases to two characters; it stays as it is so that offsets still fit.
        assert_eq!(lowercase("İ ÆØÅ Prøve").len(), "İ ÆØÅ Prøve".len());
        assert_eq!(lowercase("ÆØÅ Prøve"), "æøå prøve");
        let lex = lexicon(&[("X", &["æøå"])]);
        assert_eq!(found(&lex, "İ ÆØÅ"), ["X=ÆØÅ"]);
    }

    #[test]
    fn ascii_runs_across_eight_byte_chunks() {
        for n in 0..20 {
            assert_eq!(ascii_prefix(format!("{}é{}", "A".repeat(n), "b".repeat(9)).as_bytes()), n);
            assert_eq!(ascii_prefix("B".repeat(n).as_bytes()), n);
        }
        assert_eq!(lowercase("ABCDEFGHIJ ÆØÅ ÉÈ Ab"), "abcdefghij æøå éè ab");
    }

    #[test]
    fn the_short_character_table_agrees_with_unicode() {
        let text: String = (1..0x900).chain([0x1E9E, 0x20AC, 0x2044, 0x1F642]).filter_map(char::from_u32).collect();
        for (i, c) in text.char_indices() {
            assert_eq!(word_char_at(&text, i), (c.is_alphanumeric(), c.len_utf8()), "{c:?}");
            // Lower case as the general rule gives it, where the length stays.
            let mut lower = c.to_lowercase();
            let expected = match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            };
            assert_eq!(lowercase(&c.to_string()), expected.to_string(), "{c:?}");
        }
    }

    #[test]
    fn words_across_chunks() {
        // Every split of a word and of a two-, three- and four-byte character at a chunk edge.
        let pieces = ["Prøve", "ÆØÅ", "×", "a1", "ǅ", "€", "漢字", "🙂", "𝐀", "-", "  ", ".", "x"];
        for lead in 0..70 {
            for (k, piece) in pieces.iter().enumerate() {
                let text = format!("{}{piece}{}", "a".repeat(lead), pieces[(k + lead) % pieces.len()].repeat(3));
                let mut expected = Vec::new();
                let mut start = None;
                for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                    match (is_word_char(c) && i < text.len(), start) {
                        (true, None) => start = Some(i),
                        (false, Some(s)) => {
                            expected.push(Word { start: s, end: i });
                            start = None;
                        }
                        _ => {}
                    }
                }
                assert_eq!(words(&text), expected, "{text:?}");
            }
        }
    }

    #[test]
    fn forms_that_start_alike_are_followed_apart() {
        let lex = lexicon(&[
            ("AFTER", &["etter"]),
            ("AFTER_PROBATION", &["etter prøvetid*", "etter .. prøvetid*"]),
            ("AFTER_END", &["etter endt", "etter avtale"]),
            ("AFTER_END_PROBATION", &["etter endt prøvetid"]),
        ]);
        assert_eq!(
            found(&lex, "etter endt prøvetid"),
            ["AFTER_PROBATION=etter endt prøvetid", "AFTER_END_PROBATION=etter endt prøvetid"]
        );
        assert_eq!(found(&lex, "etter endt, prøvetid"), ["AFTER_END=etter endt"]);
        assert_eq!(found(&lex, "etter avtale og prøvetiden"), ["AFTER_PROBATION=etter avtale og prøvetiden"]);
        assert_eq!(found(&lex, "etter"), ["AFTER=etter"]);
    }

    #[test]
    fn bad_forms_are_refused() {
        let bad = |f: &str| {
            let forms = vec![f.to_string()];
            Lexicon::new([("X", forms.as_slice())]).unwrap_err().0
        };
        assert!(bad(".. tilbake").contains("cannot start"));
        assert!(bad("betale ..").contains("cannot end"));
        assert!(bad("*ab*").contains("too short"));
        assert!(bad("a.b").contains("not a word"));
    }
}
