//! Saving and loading a graph: one file, versioned, checksummed, written
//! atomically.
//!
//! # File format, version 2
//!
//! All integers little-endian; `varint` is unsigned LEB128 (at most 10
//! bytes); `str` is a varint byte length then UTF-8 bytes.
//!
//! | offset | size | content |
//! |---|---|---|
//! | 0 | 8 | magic bytes `RESGRAPH` |
//! | 8 | 4 | format version, u32 (2; 1 is still read) |
//! | 12 | 4 | flags, u32 (0; reserved) |
//! | 16 | 8 | payload length *L*, u64 |
//! | 24 | *L* | payload |
//! | 24 + *L* | 8 | FNV-1a 64 checksum of bytes 0 .. 24 + *L*, u64 |
//!
//! The payload:
//!
//! 1. relations: `varint` count, then each relation `str` (relation ids
//!    are positions in this table);
//! 2. nodes: `varint` count, then per node (node ids are positions): the
//!    canonical symbol `str`; a flags byte (bit 0 read, 1 title, 2 date,
//!    3 organ, 4 source; other bits 0); then, as flagged, title `str`,
//!    date `u32` (`year << 16 | month << 8 | day`), organ `str`, source
//!    `str`;
//! 3. edges: `varint` total count, then for each node in id order its
//!    `varint` out-degree and its edges by increasing target id: target
//!    `varint`, occurrence count `varint` (at least 1), and per occurrence
//!    the relation id `varint`, a byte (bits 0-2 section: heading,
//!    preamble, operative, footnote, annex; bit 3 paragraph present; bit
//!    4 date present; bit 5 span present; other bits 0), the paragraph
//!    `varint`, the cited date `u32`, and the span (the mention's byte
//!    offsets in the citing text, its evidence) as its start `varint` and
//!    its length `varint` (at least 1), as flagged;
//! 4. adoption links: `varint` count, then draft id and resolution id,
//!    both `varint`.
//!
//! Version 1 is the same without spans (bit 5 of an occurrence's byte is
//! 0): such a file loads as a graph whose occurrences have no evidence,
//! and queries say so rather than inventing any. A span costs about 4
//! bytes an occurrence; the quote is not stored but read back from the
//! citing text by its offsets (`crate::evidence`).
//!
//! Loading checks everything: the magic, the version (a newer one is
//! refused with its number), the length, the checksum, and every value
//! (ids in range, canonical symbols, real dates, no duplicate node, edge
//! or occurrence, nothing left over), and reports the first problem with
//! its byte offset.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use resgraph_core::Relation;
use resgraph_symbol::Symbol;

use crate::graph::CitationGraph;
use crate::model::{NodeInfo, Span};
use crate::packed::{
    pack_date, section_from_code, unpack_date, EdgeData, PackedOcc, MAX_RELATIONS,
};
pub use resgraph_io::{write_atomically, WriteError};

/// The magic bytes that open a graph file.
pub const MAGIC: [u8; 8] = *b"RESGRAPH";

/// The format version this library writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 2;

/// The first version whose occurrences may carry a span (evidence).
const FIRST_VERSION_WITH_SPANS: u32 = 2;

const HEADER: usize = 24;
const TRAILER: usize = 8;

/// Why a graph file could not be read. Each variant names the file (or
/// `<bytes>` / `<reader>` for in-memory input) and what was expected.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: io::Error,
    },
    /// The file is not a resgraph graph file.
    #[error("{}: not a resgraph graph file: expected it to start with the bytes \"RESGRAPH\", found {found}", .path.display())]
    Foreign {
        /// The file.
        path: PathBuf,
        /// Its first bytes, escaped.
        found: String,
    },
    /// The file was written by a newer resgraph.
    #[error("{}: graph file format version {found} is newer than this resgraph reads (version {supported}); use a newer resgraph or rebuild the graph", .path.display())]
    FutureVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this library reads.
        supported: u32,
    },
    /// The file ends early.
    #[error("{}: truncated graph file: expected {expected} bytes, found {found}", .path.display())]
    Truncated {
        /// The file.
        path: PathBuf,
        /// The length the header announces (or the least possible).
        expected: u64,
        /// The actual length.
        found: u64,
    },
    /// The content does not match its checksum.
    #[error("{}: corrupt graph file: checksum {found:016x} does not match the recorded {expected:016x}", .path.display())]
    Checksum {
        /// The file.
        path: PathBuf,
        /// The recorded checksum.
        expected: u64,
        /// The checksum of the content.
        found: u64,
    },
    /// A value in the file is impossible.
    #[error("{}: corrupt graph file at byte {offset}: expected {expected}", .path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// Where the problem was found.
        offset: u64,
        /// What should have been there.
        expected: String,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Foreign { path, .. }
            | LoadError::FutureVersion { path, .. }
            | LoadError::Truncated { path, .. }
            | LoadError::Checksum { path, .. }
            | LoadError::Corrupt { path, .. } => path,
        }
    }
}

/// FNV-1a, 64 bits.
///
/// ```
/// assert_eq!(resgraph_graph::fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
/// assert_eq!(resgraph_graph::fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
/// ```
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

struct Enc {
    buf: Vec<u8>,
}

impl Enc {
    fn varint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(byte);
                return;
            }
            self.buf.push(byte | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
}

struct Dec<'a> {
    buf: &'a [u8],
    pos: usize,
    path: &'a Path,
}

type Res<T> = Result<T, LoadError>;

impl<'a> Dec<'a> {
    fn corrupt(&self, expected: impl Into<String>) -> LoadError {
        LoadError::Corrupt {
            path: self.path.to_path_buf(),
            offset: self.pos as u64,
            expected: expected.into(),
        }
    }

    fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }

    fn u8(&mut self, what: &str) -> Res<u8> {
        let b = *self
            .buf
            .get(self.pos)
            .ok_or_else(|| self.corrupt(format!("{what}, not the end of the payload")))?;
        self.pos += 1;
        Ok(b)
    }

    fn u32(&mut self, what: &str) -> Res<u32> {
        let bytes = self
            .buf
            .get(self.pos..self.pos.saturating_add(4))
            .ok_or_else(|| self.corrupt(format!("{what} (4 bytes), not the end of the payload")))?;
        let mut word = [0u8; 4];
        word.copy_from_slice(bytes);
        self.pos += 4;
        Ok(u32::from_le_bytes(word))
    }

    fn varint(&mut self, what: &str) -> Res<u64> {
        let start = self.pos;
        let mut v: u64 = 0;
        for i in 0..10 {
            let b = self.u8(what)?;
            let part = u64::from(b & 0x7f);
            if i == 9 && part > 1 {
                self.pos = start;
                return Err(self.corrupt(format!("{what} as a varint of at most 64 bits")));
            }
            v |= part << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        self.pos = start;
        Err(self.corrupt(format!("{what} as a varint of at most 10 bytes")))
    }

    /// A count of items each taking at least `min_bytes`, checked against
    /// what is left (so that no absurd count allocates).
    fn count(&mut self, what: &str, min_bytes: usize) -> Res<usize> {
        let start = self.pos;
        let n = self.varint(what)?;
        let fits = usize::try_from(n)
            .ok()
            .filter(|n| n.saturating_mul(min_bytes.max(1)) <= self.remaining());
        fits.ok_or_else(|| {
            self.pos = start;
            self.corrupt(format!(
                "{what}: a count that fits in the rest of the file, not {n}"
            ))
        })
    }

    /// How many of `count` announced items to allocate room for before
    /// any is read: no more than the rest of the file could hold at
    /// `file_bytes_each` bytes an item. A forged count passes
    /// [`Dec::count`] (which assumes the smallest encoding), but the room
    /// reserved for it stays a fixed fraction of the file's own size; an
    /// honest file that packs items more densely only grows its tables
    /// while they are read.
    fn reservation(&self, count: usize, file_bytes_each: usize) -> usize {
        count.min(self.remaining() / file_bytes_each.max(1))
    }

    fn index(&mut self, what: &str, below: usize) -> Res<u32> {
        let start = self.pos;
        let v = self.varint(what)?;
        match usize::try_from(v) {
            Ok(i) if i < below => Ok(i as u32),
            _ => {
                self.pos = start;
                Err(self.corrupt(format!("{what} below {below}, not {v}")))
            }
        }
    }

    fn str(&mut self, what: &str) -> Res<&'a str> {
        let start = self.pos;
        let len = self.count(what, 1)?;
        let buf: &'a [u8] = self.buf;
        let bytes = buf
            .get(self.pos..self.pos + len)
            .ok_or_else(|| self.corrupt(format!("{what} of {len} bytes")))?;
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                self.pos += len;
                Ok(s)
            }
            Err(_) => {
                self.pos = start;
                Err(self.corrupt(format!("{what} in UTF-8")))
            }
        }
    }

    /// A span: start and length, both `varint`, ending within 2^32.
    fn span(&mut self) -> Res<Span> {
        let at = self.pos;
        let start = self.varint("a span's start")?;
        let length = self.varint("a span's length")?;
        let span = usize::try_from(start).ok().and_then(|start| {
            let end = start.checked_add(usize::try_from(length).ok()?)?;
            Span::new(start, end)
        });
        span.ok_or_else(|| {
            self.pos = at;
            self.corrupt(format!(
                "a span of at least one byte ending below 2^32, not {length} bytes from {start}"
            ))
        })
    }

    fn date(&mut self, what: &str) -> Res<resgraph_core::Date> {
        let start = self.pos;
        let word = self.u32(what)?;
        unpack_date(word).ok_or_else(|| {
            self.pos = start;
            self.corrupt(format!("{what}: a real date"))
        })
    }
}

fn escape_prefix(bytes: &[u8]) -> String {
    let shown: String = bytes
        .iter()
        .take(8)
        .flat_map(|b| std::ascii::escape_default(*b))
        .map(char::from)
        .collect();
    format!("\"{shown}\"")
}

impl CitationGraph {
    /// The graph in the file format described in the [module
    /// documentation](crate::persist).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut e = Enc {
            buf: Vec::with_capacity(HEADER + 64 + self.node_count() * 16 + self.edge_count() * 8),
        };
        e.buf.extend_from_slice(&MAGIC);
        e.buf.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        e.buf.extend_from_slice(&0u32.to_le_bytes());
        e.buf.extend_from_slice(&0u64.to_le_bytes());

        let relations = self.relations.relations();
        e.varint(relations.len() as u64);
        for r in relations {
            e.str(r.verb());
        }

        e.varint(self.node_count() as u64);
        let mut text = String::new();
        for info in self.g.node_weights() {
            text.clear();
            use std::fmt::Write as _;
            let _ = write!(text, "{}", info.symbol);
            e.str(&text);
            let flags = u8::from(info.read)
                | u8::from(info.title.is_some()) << 1
                | u8::from(info.date.is_some()) << 2
                | u8::from(info.organ.is_some()) << 3
                | u8::from(info.source.is_some()) << 4;
            e.buf.push(flags);
            if let Some(t) = &info.title {
                e.str(t);
            }
            if let Some(d) = info.date {
                e.u32(pack_date(Some(d)));
            }
            if let Some(o) = &info.organ {
                e.str(o);
            }
            if let Some(s) = &info.source {
                e.str(s);
            }
        }

        e.varint(self.edge_count() as u64);
        let mut out: Vec<(u32, &EdgeData)> = Vec::new();
        for u in self.g.node_indices() {
            out.clear();
            out.extend(
                self.g
                    .edges_directed(u, Direction::Outgoing)
                    .map(|x| (x.target().index() as u32, x.weight())),
            );
            out.sort_unstable_by_key(|(t, _)| *t);
            e.varint(out.len() as u64);
            for (t, data) in &out {
                e.varint(u64::from(*t));
                let occs = data.occurrences();
                e.varint(occs.len() as u64);
                for o in occs {
                    e.varint(u64::from(o.relation()));
                    let has_date = o.date().is_some();
                    let span = o.span();
                    e.buf.push(
                        o.section_code()
                            | u8::from(o.paragraph().is_some()) << 3
                            | u8::from(has_date) << 4
                            | u8::from(span.is_some()) << 5,
                    );
                    if let Some(p) = o.paragraph() {
                        e.varint(u64::from(p));
                    }
                    if has_date {
                        e.u32(o.date_word());
                    }
                    if let Some(span) = span {
                        e.varint(u64::from(span.start));
                        e.varint(u64::from(span.end - span.start));
                    }
                }
            }
        }

        let mut adoptions: Vec<(u32, u32)> =
            self.adopted_as.iter().map(|(&d, &r)| (d, r)).collect();
        adoptions.sort_unstable();
        e.varint(adoptions.len() as u64);
        for (d, r) in adoptions {
            e.varint(u64::from(d));
            e.varint(u64::from(r));
        }

        let payload_len = (e.buf.len() - HEADER) as u64;
        e.buf[16..24].copy_from_slice(&payload_len.to_le_bytes());
        let sum = fnv1a64(&e.buf);
        e.buf.extend_from_slice(&sum.to_le_bytes());
        e.buf
    }

    /// Writes the graph file to `w` (not atomically; see [`save`](Self::save)).
    ///
    /// # Errors
    ///
    /// Any error of `w`.
    pub fn to_writer<W: Write>(&self, mut w: W) -> io::Result<()> {
        w.write_all(&self.to_bytes())?;
        w.flush()
    }

    /// Saves the graph to `path`, atomically (see [`write_atomically`]).
    ///
    /// # Errors
    ///
    /// A [`WriteError`] naming `path` when the file cannot be written
    /// (the previous file, if any, is then left as it was).
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let mut g = CitationGraph::new();
    /// g.add_link(&"A/RES/76/19".parse().unwrap(), &"A/RES/75/240".parse().unwrap(),
    ///            &Occurrence::new("recalling", Section::Preamble, Some(1), None));
    /// let path = std::env::temp_dir().join(format!("resgraph-doc-save-{}.graph", std::process::id()));
    /// g.save(&path).unwrap();
    /// assert_eq!(CitationGraph::load(&path).unwrap(), g);
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn save<P: AsRef<Path>>(&self, path: P) -> Result<(), WriteError> {
        let bytes = self.to_bytes();
        write_atomically(path, |w| w.write_all(&bytes))
    }

    /// Loads a graph saved with [`save`](Self::save). A file that is
    /// missing, foreign, of a newer format, truncated or corrupt gives a
    /// [`LoadError`] naming it and what was expected.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] naming `path`: the file cannot be read, is not a
    /// graph file, is of a newer format version, is truncated, fails its
    /// checksum, or holds an impossible value (with its byte offset).
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, LoadError};
    /// let path = std::env::temp_dir().join(format!("resgraph-doc-foreign-{}.graph", std::process::id()));
    /// std::fs::write(&path, b"<?xml version=\"1.0\"?><graphml/>").unwrap();
    /// let err = CitationGraph::load(&path).unwrap_err();
    /// assert!(matches!(err, LoadError::Foreign { .. }));
    /// assert!(err.to_string().contains("not a resgraph graph file"));
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn load<P: AsRef<Path>>(path: P) -> Result<CitationGraph, LoadError> {
        let path = path.as_ref();
        let io = |source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = fs::File::open(path).map_err(io)?;
        let bytes = read_framed(file).map_err(io)?;
        decode(&bytes, path)
    }

    /// Reads a graph file from `r`: its header, then as many bytes as the
    /// header announces (and one more, to tell a file with something after
    /// its end).
    ///
    /// # Errors
    ///
    /// The reader's errors as [`LoadError::Io`], and what [`load`](Self::load)
    /// refuses.
    pub fn from_reader<R: Read>(r: R) -> Result<CitationGraph, LoadError> {
        let path = Path::new("<reader>");
        let bytes = read_framed(r).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        decode(&bytes, path)
    }

    /// Reads a graph file from memory.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] when the bytes are no valid graph file (see
    /// [`load`](Self::load)).
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, LoadError};
    /// let g = CitationGraph::new();
    /// let bytes = g.to_bytes();
    /// assert_eq!(CitationGraph::from_bytes(&bytes).unwrap(), g);
    /// let err = CitationGraph::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err();
    /// assert!(matches!(err, LoadError::Truncated { .. }));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<CitationGraph, LoadError> {
        decode(bytes, Path::new("<bytes>"))
    }
}

/// The bytes of a graph file from a reader, no more than its header
/// announces: a foreign file is known from its first bytes, and an endless
/// one (`/dev/zero`) or a file longer than its header says is not read to
/// its end. The buffer grows as bytes arrive, so a header announcing more
/// than the file holds costs nothing.
fn read_framed(mut r: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(HEADER);
    (&mut r).take(HEADER as u64).read_to_end(&mut bytes)?;
    if bytes.len() < HEADER || bytes[..MAGIC.len()] != MAGIC {
        // `decode` names what is wrong: too short, or foreign.
        return Ok(bytes);
    }
    let mut length = [0u8; 8];
    length.copy_from_slice(&bytes[16..24]);
    let rest = u64::from_le_bytes(length)
        .saturating_add(TRAILER as u64)
        .saturating_add(1);
    r.take(rest).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn decode(bytes: &[u8], path: &Path) -> Result<CitationGraph, LoadError> {
    let p = || path.to_path_buf();
    let found = bytes.len() as u64;
    let magic = bytes.get(..MAGIC.len()).unwrap_or(bytes);
    if magic != &MAGIC[..magic.len()] {
        return Err(LoadError::Foreign {
            path: p(),
            found: escape_prefix(bytes),
        });
    }
    let (Some(version), Some(flags), Some(len)) =
        (bytes.get(8..12), bytes.get(12..16), bytes.get(16..24))
    else {
        return Err(LoadError::Truncated {
            path: p(),
            expected: (HEADER + TRAILER) as u64,
            found,
        });
    };
    let word = |b: &[u8]| {
        let mut w = [0u8; 4];
        w.copy_from_slice(b);
        u32::from_le_bytes(w)
    };
    let (version, flags) = (word(version), word(flags));
    if version > FORMAT_VERSION {
        return Err(LoadError::FutureVersion {
            path: p(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let corrupt = |offset: u64, expected: &str| LoadError::Corrupt {
        path: p(),
        offset,
        expected: expected.to_string(),
    };
    if version == 0 {
        return Err(corrupt(8, "format version 1 or later"));
    }
    if flags != 0 {
        return Err(corrupt(12, "flags 0"));
    }
    let mut l = [0u8; 8];
    l.copy_from_slice(len);
    let payload_len = u64::from_le_bytes(l);
    let total = payload_len
        .checked_add((HEADER + TRAILER) as u64)
        .ok_or_else(|| corrupt(16, "a payload length that fits in a file"))?;
    if found < total {
        return Err(LoadError::Truncated {
            path: p(),
            expected: total,
            found,
        });
    }
    if found > total {
        return Err(corrupt(total, "the end of the file after the checksum"));
    }
    // found == total, so these fit in usize.
    let body_end = HEADER + payload_len as usize;
    let (body, sum) = bytes.split_at(body_end);
    let mut s = [0u8; 8];
    s.copy_from_slice(sum);
    let expected = u64::from_le_bytes(s);
    let computed = fnv1a64(body);
    if expected != computed {
        return Err(LoadError::Checksum {
            path: p(),
            expected,
            found: computed,
        });
    }
    let mut d = Dec {
        buf: body,
        pos: HEADER,
        path,
    };
    decode_payload(&mut d, version)
}

fn decode_payload(d: &mut Dec<'_>, version: u32) -> Result<CitationGraph, LoadError> {
    // The occurrence byte's bits in use: a version-1 file has no spans.
    let (occurrence_bits, bits_clear) = if version >= FIRST_VERSION_WITH_SPANS {
        (0x3fu8, "a section code 0-4 with bits 6-7 clear")
    } else {
        (0x1f, "a section code 0-4 with bits 5-7 clear")
    };
    let n_rel = d.count("the number of relations", 1)?;
    if n_rel > MAX_RELATIONS as usize {
        return Err(d.corrupt(format!("at most {MAX_RELATIONS} relations")));
    }
    let mut g = CitationGraph::new();
    for _ in 0..n_rel {
        let at = d.pos;
        let r = d.str("a relation")?;
        if g.relations.get(r).is_some() {
            d.pos = at;
            return Err(d.corrupt(format!("distinct relations, not {r:?} twice")));
        }
        g.relations.intern(&Relation::from(r));
    }

    let n_nodes = d.count("the number of nodes", 2)?;
    // A node takes about 150 bytes in memory (its info and its index
    // entry) and at least 2 in the file: room for every announced node
    // would let a 12 MB file ask for 900 MB. Room for one node per 64
    // bytes left keeps the reservation within about twice the file.
    let room = d.reservation(n_nodes, 64);
    g.g.reserve_nodes(room);
    g.index.reserve(room);
    let mut canonical = String::new();
    for _ in 0..n_nodes {
        let at = d.pos;
        let text = d.str("a symbol")?;
        let symbol: Symbol = match text.parse() {
            Ok(s) => s,
            Err(_) => {
                d.pos = at;
                return Err(d.corrupt(format!("a UN symbol, not {text:?}")));
            }
        };
        canonical.clear();
        {
            use std::fmt::Write as _;
            let _ = write!(canonical, "{symbol}");
        }
        if canonical != text {
            d.pos = at;
            return Err(d.corrupt(format!("a canonical symbol, not {text:?}")));
        }
        if g.index.contains_key(&symbol) {
            d.pos = at;
            return Err(d.corrupt(format!("distinct nodes, not {text} twice")));
        }
        let flags = d.u8("node flags")?;
        if flags & !0x1f != 0 {
            d.pos -= 1;
            return Err(d.corrupt("node flags with bits 5-7 clear"));
        }
        let title = if flags & 2 != 0 {
            Some(d.str("a title")?.to_string())
        } else {
            None
        };
        let date = if flags & 4 != 0 {
            Some(d.date("a node date")?)
        } else {
            None
        };
        let organ = if flags & 8 != 0 {
            Some(d.str("an organ")?.to_string())
        } else {
            None
        };
        let source = if flags & 16 != 0 {
            Some(d.str("a source")?.to_string())
        } else {
            None
        };
        let n = g.g.add_node(NodeInfo {
            symbol: symbol.clone(),
            title,
            date,
            organ,
            read: flags & 1 != 0,
            source,
        });
        g.index.insert(symbol, n);
    }

    let n_edges = d.count("the number of edges", 3)?;
    // An edge takes about 32 bytes in memory and at least 3 in the file.
    g.g.reserve_edges(d.reservation(n_edges, 16));
    let mut seen_edges = 0usize;
    let mut occurrences = 0u64;
    for u in 0..n_nodes {
        let degree = d.count("an out-degree", 3)?;
        let mut previous: Option<u32> = None;
        for _ in 0..degree {
            let at = d.pos;
            let t = d.index("a target node", n_nodes)?;
            if t as usize == u || previous.is_some_and(|p| t <= p) {
                d.pos = at;
                return Err(d.corrupt("targets in increasing order, none the source itself"));
            }
            previous = Some(t);
            let n_occ = d.count("an occurrence count", 2)?;
            if n_occ == 0 {
                return Err(d.corrupt("at least one occurrence per edge"));
            }
            let mut data: Option<EdgeData> = None;
            for _ in 0..n_occ {
                let at = d.pos;
                let relation = d.index("a relation id", n_rel)?;
                let byte = d.u8("an occurrence's section")?;
                let section = section_from_code(byte & 7);
                let Some(section) = section.filter(|_| byte & !occurrence_bits == 0) else {
                    d.pos -= 1;
                    return Err(d.corrupt(bits_clear));
                };
                let paragraph = if byte & 8 != 0 {
                    let v = d.varint("a paragraph")?;
                    Some(u32::try_from(v).map_err(|_| d.corrupt("a paragraph below 2^32"))?)
                } else {
                    None
                };
                let date = if byte & 16 != 0 {
                    Some(d.date("a cited date")?)
                } else {
                    None
                };
                let span = if byte & 32 != 0 {
                    Some(d.span()?)
                } else {
                    None
                };
                let occ = PackedOcc::new(relation, section, paragraph, date).with_span(span);
                match &mut data {
                    None => data = Some(EdgeData::One(occ)),
                    Some(existing) => {
                        if !existing.insert(occ) {
                            d.pos = at;
                            return Err(d.corrupt("distinct occurrences on an edge"));
                        }
                    }
                }
            }
            occurrences += n_occ as u64;
            seen_edges += 1;
            if seen_edges > n_edges {
                return Err(d.corrupt(format!("no more than the {n_edges} edges announced")));
            }
            if let Some(data) = data {
                g.g.add_edge(NodeIndex::new(u), NodeIndex::new(t as usize), data);
            }
        }
    }
    if seen_edges != n_edges {
        return Err(d.corrupt(format!("{n_edges} edges as announced, not {seen_edges}")));
    }
    g.occurrences = occurrences;

    let n_adopt = d.count("the number of adoption links", 2)?;
    for _ in 0..n_adopt {
        let at = d.pos;
        let draft = d.index("a draft node", n_nodes)?;
        let res = d.index("a resolution node", n_nodes)?;
        if draft == res || g.adopted_as.contains_key(&draft) {
            d.pos = at;
            return Err(d.corrupt("one adoption link per draft, to another node"));
        }
        g.adopted_as.insert(draft, res);
        g.adopted_from.entry(res).or_default().push(draft);
    }
    if d.remaining() != 0 {
        return Err(d.corrupt("the end of the payload"));
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut e = Enc { buf: Vec::new() };
            e.varint(v);
            let mut d = Dec {
                buf: &e.buf,
                pos: 0,
                path: Path::new("x"),
            };
            assert_eq!(d.varint("v").unwrap(), v);
            assert_eq!(d.remaining(), 0);
        }
        let eleven = [0xffu8; 11];
        let mut d = Dec {
            buf: &eleven,
            pos: 0,
            path: Path::new("x"),
        };
        assert!(d.varint("v").is_err());
    }

    #[test]
    fn empty_graph_round_trips() {
        let g = CitationGraph::new();
        let bytes = g.to_bytes();
        assert_eq!(&bytes[..8], b"RESGRAPH");
        assert_eq!(CitationGraph::from_bytes(&bytes).unwrap(), g);
    }

    /// A graph of one occurrence whose span is the payload's last bytes
    /// before the cited node's out-degree and the adoption count, with `edit` applied and the checksum
    /// made right again.
    fn one_span_file(edit: impl FnOnce(&mut Vec<u8>, usize)) -> Result<CitationGraph, LoadError> {
        let mut g = CitationGraph::new();
        let occ = crate::Occurrence::new("recalling", resgraph_core::Section::Preamble, None, None)
            .with_span(Span::new(5, 6));
        g.add_link(
            &"A/RES/76/19".parse().unwrap(),
            &"A/RES/75/240".parse().unwrap(),
            &occ,
        );
        let mut bytes = g.to_bytes();
        let end = bytes.len() - TRAILER;
        assert_eq!(
            &bytes[end - 4..end],
            &[5, 1, 0, 0],
            "start 5, length 1, nothing cited by the cited node, no adoption"
        );
        edit(&mut bytes, end);
        let body = bytes.len() - TRAILER;
        let sum = fnv1a64(&bytes[..body]);
        bytes[body..].copy_from_slice(&sum.to_le_bytes());
        CitationGraph::from_bytes(&bytes)
    }

    #[test]
    fn spans_round_trip_and_impossible_ones_are_refused() {
        let g = one_span_file(|_, _| {}).unwrap();
        let e = g.edges().next().unwrap();
        assert_eq!(e.occurrences()[0].span, Span::new(5, 6));
        let empty = one_span_file(|b, end| b[end - 3] = 0).unwrap_err();
        assert!(
            empty.to_string().contains("a span of at least one byte"),
            "{empty}"
        );
        let beyond = one_span_file(|b, end| {
            // Start 2^32 - 1 (five varint bytes) and length 1: ends past 2^32.
            b.splice(end - 4..end - 3, [0xff, 0xff, 0xff, 0xff, 0x0f]);
            let len = (b.len() - HEADER - TRAILER) as u64;
            b[16..24].copy_from_slice(&len.to_le_bytes());
        })
        .unwrap_err();
        assert!(beyond.to_string().contains("ending below 2^32"), "{beyond}");
        // A version 1 file has no spans: the flag is an impossible bit there.
        let v1 = one_span_file(|b, _| b[8] = 1).unwrap_err();
        assert!(v1.to_string().contains("bits 5-7 clear"), "{v1}");
    }

    #[test]
    fn future_version_is_named() {
        let mut bytes = CitationGraph::new().to_bytes();
        bytes[8] = 3;
        let err = CitationGraph::from_bytes(&bytes).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::FutureVersion {
                    found: 3,
                    supported: 2,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("version 3"));
    }
}
