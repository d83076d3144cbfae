//! Pattern data: the clause rules in `patterns/*.toml`, parsed, validated and compiled.
//!
//! The built-in files are embedded in the binary; [`Patterns::from_dir`] loads a user's own.
//! See `patterns/README.md` for the format.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use regex_syntax::hir::{Hir, HirKind};
use serde::Deserialize;

use crate::error::PatternError;
use crate::model::Category;

const BUILTIN: &[(&str, &str)] = &[
    ("start_date.toml", include_str!("../patterns/start_date.toml")),
    ("notice_period.toml", include_str!("../patterns/notice_period.toml")),
    ("notice_before_start.toml", include_str!("../patterns/notice_before_start.toml")),
    ("probation.toml", include_str!("../patterns/probation.toml")),
    ("compensation.toml", include_str!("../patterns/compensation.toml")),
    ("binding_period.toml", include_str!("../patterns/binding_period.toml")),
    ("withdrawal.toml", include_str!("../patterns/withdrawal.toml")),
    ("non_compete.toml", include_str!("../patterns/non_compete.toml")),
];
const BUILTIN_NEGATION: &str = include_str!("../patterns/negation.toml");
const NEGATION_FILE: &str = "negation.toml";

/// A kind of value a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    /// A duration.
    Duration,
    /// A money amount.
    Amount,
    /// A date.
    Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    category: String,
    #[serde(default)]
    headings: Vec<String>,
    heading_value: Option<ValueKind>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    suppresses: Vec<String>,
    #[serde(default = "yes")]
    negatable: bool,
    #[serde(default)]
    flags: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    rule: Vec<RuleFile>,
    #[serde(default)]
    examples: Examples,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    lang: String,
    pattern: String,
    #[serde(default)]
    values: Vec<ValueKind>,
    require: Option<ValueKind>,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    exclude: Vec<String>,
}

/// The examples of a category file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Sentences that must give a finding of the category.
    #[serde(default, rename = "match")]
    pub matches: Vec<MatchExample>,
    /// Sentences that must not.
    #[serde(default)]
    pub no_match: Vec<String>,
}

/// A sentence that must match, with what it must yield.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchExample {
    /// The sentence.
    pub text: String,
    /// Expected duration, "6 month".
    pub duration: Option<String>,
    /// Expected amount, "50000 NOK".
    pub amount: Option<String>,
    /// Expected date, "2027-03-01".
    pub date: Option<String>,
    /// Expected negation.
    #[serde(default)]
    pub negated: bool,
    /// The rule that must win.
    pub rule: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NegationFile {
    before: Vec<String>,
    after: Vec<String>,
    #[serde(default)]
    not_negating: Vec<String>,
    max_gap_words: usize,
}

/// One compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// Unique id, `<category>.<lang>.<name>`.
    pub id: String,
    /// nb, nn, en or any.
    pub lang: String,
    /// The pattern as written in the file.
    pub source: String,
    /// Index into [`Patterns::categories`].
    pub category: usize,
    /// The compiled pattern.
    pub regex: Regex,
    /// Value kinds read next to a match.
    pub values: Vec<ValueKind>,
    /// A value kind without which there is no finding.
    pub require: Option<ValueKind>,
    /// Higher wins.
    pub priority: i32,
    /// Rule-level trap patterns.
    pub exclude: Option<Regex>,
}

/// One compiled category file.
#[derive(Debug)]
pub struct CategoryRules {
    /// The category.
    pub category: Category,
    /// The file it came from.
    pub file: String,
    /// Headings that carry the category.
    pub headings: Option<Regex>,
    /// Value kind a line under such a heading must hold.
    pub heading_value: Option<ValueKind>,
    /// Category-level trap patterns.
    pub exclude: Option<Regex>,
    /// Categories dropped from a sentence where this one is found.
    pub suppresses: Vec<Category>,
    /// Whether a clause of this category can be negated (a start date cannot).
    pub negatable: bool,
    /// Named sentence flags.
    pub flags: Vec<(String, Regex)>,
    /// The file's examples.
    pub examples: Examples,
}

/// Compiled negation cues.
#[derive(Debug)]
pub struct Negation {
    /// A negator word, anywhere.
    pub before: Regex,
    /// A negative answer right after a keyword (anchored at the start).
    pub after: Regex,
    /// Words right after a negator that keep it from negating ("ikke kortere enn").
    pub not_negating: Option<Regex>,
    /// Words allowed between a negator and the keyword.
    pub max_gap_words: usize,
}

/// The whole compiled pattern set.
#[derive(Debug)]
pub struct Patterns {
    /// Categories in load order.
    pub categories: Vec<CategoryRules>,
    /// Rules in load order; the index is the rule's index in `set`.
    pub rules: Vec<Rule>,
    /// Negation cues.
    pub negation: Negation,
    /// All rule patterns, for the one-pass prefilter.
    pub set: RegexSet,
}

/// Prefix every pattern gets: case-insensitive, starting at a word boundary written as a
/// class (Unicode `\b` forces the slow engines).
fn wrap(pattern: &str) -> String {
    latin_words(&format!(r"(?i)(?:^|[^\w])(?:{pattern})"))
}

/// The letters, digits and underscore of Latin-script text: ASCII, Latin-1 and Latin
/// Extended-A (æ ø å, Sami č đ ŋ š ŧ ž). Unicode's full `\w` class has hundreds of ranges
/// and made the compiled pattern set take 130 MB and half a second to build.
const LATIN_WORD: &str = r"0-9A-Za-z_\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{17F}";

/// Rewrites `\w` as [`LATIN_WORD`], inside and outside character classes.
pub(crate) fn latin_words(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') if in_class => out.push_str(LATIN_WORD),
                Some('w') => {
                    out.push('[');
                    out.push_str(LATIN_WORD);
                    out.push(']');
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A ']' right after '[' or '[^' is a literal.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap_or('^'));
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap_or(']'));
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The prefilter form of a rule: the most telling piece that every match of the pattern must
/// contain (its longest run of plain characters), found in the parsed pattern. Whole patterns
/// in a `RegexSet` made its automaton build states for as long as it ran: each pattern's gap
/// (`[^\n.;]*?`) stays open across many bytes, and open gaps combine.
fn required_piece(pattern: &str) -> String {
    let full = latin_words(&format!("(?i){pattern}"));
    match regex_syntax::Parser::new().parse(&full).ok().and_then(|hir| required(&hir)) {
        Some((piece, _)) => piece.to_string(),
        // Nothing required (or not parseable): the whole pattern is a correct prefilter.
        None => full,
    }
}

/// A piece that every match of `hir` contains, with its length in characters.
fn required(hir: &Hir) -> Option<(Hir, usize)> {
    match hir.kind() {
        HirKind::Literal(_) | HirKind::Class(_) => Some((hir.clone(), 1)),
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub).map(|(h, n)| (h, n.min(1))),
        HirKind::Alternation(branches) => {
            let pieces: Option<Vec<(Hir, usize)>> = branches.iter().map(required).collect();
            let pieces = pieces?;
            let len = pieces.iter().map(|(_, n)| *n).min()?;
            Some((Hir::alternation(pieces.into_iter().map(|(h, _)| h).collect()), len))
        }
        HirKind::Concat(parts) => {
            // Runs of single characters (a letter under (?i) is a small class) are the
            // candidates, and so is any required piece of a compound part.
            let mut best: Option<(Hir, usize)> = None;
            let mut run: Vec<Hir> = Vec::new();
            let consider = |piece: (Hir, usize), best: &mut Option<(Hir, usize)>| {
                if best.as_ref().is_none_or(|(_, n)| piece.1 > *n) {
                    *best = Some(piece);
                }
            };
            for part in parts {
                if matches!(part.kind(), HirKind::Literal(_) | HirKind::Class(_)) {
                    run.push(part.clone());
                    continue;
                }
                if !run.is_empty() {
                    let len = run.len();
                    consider((Hir::concat(std::mem::take(&mut run)), len), &mut best);
                }
                if let Some(piece) = required(part) {
                    consider(piece, &mut best);
                }
            }
            if !run.is_empty() {
                let len = run.len();
                consider((Hir::concat(run), len), &mut best);
            }
            best
        }
        _ => None,
    }
}

fn build(pattern: &str) -> Result<Regex, String> {
    if pattern.contains(r"\b") || pattern.contains(r"\B") {
        return Err(r"\b is not allowed: write the boundary as (?:^|[^\w]) or (?:$|[^\w])".into());
    }
    RegexBuilder::new(&wrap(pattern)).size_limit(128 << 20).dfa_size_limit(32 << 20).build().map_err(|e| e.to_string())
}

fn alternation(patterns: &[String]) -> Result<Option<Regex>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    build(&patterns.iter().map(|p| format!("(?:{p})")).collect::<Vec<_>>().join("|")).map(Some)
}

impl Patterns {
    /// The built-in patterns.
    pub fn builtin() -> Result<Patterns, PatternError> {
        let files = BUILTIN.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
        Patterns::compile(files, ("negation.toml".into(), BUILTIN_NEGATION.into()))
    }

    /// Patterns from every `*.toml` in `dir`; `negation.toml` there replaces the built-in cues.
    pub fn from_dir(dir: &Path) -> Result<Patterns, PatternError> {
        let io = |e| PatternError::Io { file: dir.display().to_string(), source: e };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        let mut files = Vec::new();
        let mut negation = ("negation.toml".to_string(), BUILTIN_NEGATION.to_string());
        for path in paths {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| PatternError::Io { file: path.display().to_string(), source: e })?;
            let name = path.display().to_string();
            if path.file_name().is_some_and(|n| n == NEGATION_FILE) {
                negation = (name, text);
            } else {
                files.push((name, text));
            }
        }
        if files.is_empty() {
            return Err(PatternError::Syntax {
                file: dir.display().to_string(),
                message: "no pattern files (*.toml) in this folder".into(),
            });
        }
        Patterns::compile(files, negation)
    }

    fn compile(files: Vec<(String, String)>, negation: (String, String)) -> Result<Patterns, PatternError> {
        let syntax = |file: &str, message: String| PatternError::Syntax { file: file.to_string(), message };
        let mut categories = Vec::new();
        let mut rules = Vec::new();
        let mut ids = HashSet::new();
        for (file, text) in &files {
            let parsed: CategoryFile = toml::from_str(text).map_err(|e| syntax(file, e.to_string()))?;
            let category = Category::parse(&parsed.category)
                .ok_or_else(|| syntax(file, format!("unknown category {:?}", parsed.category)))?;
            if categories.iter().any(|c: &CategoryRules| c.category == category) {
                return Err(syntax(file, format!("category {} is defined twice", category.as_str())));
            }
            let index = categories.len();
            for r in parsed.rule {
                let bad = |message: String| PatternError::Rule { file: file.clone(), rule: r.id.clone(), message };
                if !r.id.starts_with(&format!("{}.", category.as_str())) {
                    return Err(bad(format!("the id must start with \"{}.\"", category.as_str())));
                }
                if !ids.insert(r.id.clone()) {
                    return Err(bad("duplicate id".into()));
                }
                if !matches!(r.lang.as_str(), "nb" | "nn" | "en" | "any") {
                    return Err(bad(format!("lang must be nb, nn, en or any, not {:?}", r.lang)));
                }
                let regex = build(&r.pattern).map_err(|m| bad(format!("pattern: {m}")))?;
                let exclude = alternation(&r.exclude).map_err(|m| bad(format!("exclude: {m}")))?;
                rules.push(Rule {
                    id: r.id,
                    lang: r.lang,
                    source: r.pattern,
                    category: index,
                    regex,
                    values: r.values,
                    require: r.require,
                    priority: r.priority,
                    exclude,
                });
            }
            let suppresses = parsed
                .suppresses
                .iter()
                .map(|s| Category::parse(s).ok_or_else(|| syntax(file, format!("suppresses: unknown category {s:?}"))))
                .collect::<Result<_, _>>()?;
            let mut flags = Vec::new();
            for (name, pats) in &parsed.flags {
                if let Some(re) = alternation(pats).map_err(|m| syntax(file, format!("flags.{name}: {m}")))? {
                    flags.push((name.clone(), re));
                }
            }
            categories.push(CategoryRules {
                category,
                file: file.clone(),
                headings: alternation(&parsed.headings).map_err(|m| syntax(file, format!("headings: {m}")))?,
                heading_value: parsed.heading_value,
                exclude: alternation(&parsed.exclude).map_err(|m| syntax(file, format!("exclude: {m}")))?,
                suppresses,
                negatable: parsed.negatable,
                flags,
                examples: parsed.examples,
            });
        }
        let set = RegexSetBuilder::new(rules.iter().map(|r| required_piece(&r.source)))
            .size_limit(128 << 20)
            .dfa_size_limit(32 << 20)
            .build()
            .map_err(|e| syntax("(all rules)", e.to_string()))?;
        let negation = compile_negation(&negation.0, &negation.1)?;
        Ok(Patterns { categories, rules, negation, set })
    }
}

fn compile_negation(file: &str, text: &str) -> Result<Negation, PatternError> {
    let syntax = |message: String| PatternError::Syntax { file: file.to_string(), message };
    let n: NegationFile = toml::from_str(text).map_err(|e| syntax(e.to_string()))?;
    let words = |list: &[String]| format!("(?:{})(?:$|[^\\w])", list.join("|"));
    let before = build(&words(&n.before)).map_err(|m| syntax(format!("before: {m}")))?;
    let after = Regex::new(&latin_words(&format!(r"(?i)^\s*(?:[:|=-]\s*)?(?:{})", words(&n.after))))
        .map_err(|e| syntax(format!("after: {e}")))?;
    let not_negating = if n.not_negating.is_empty() {
        None
    } else {
        Some(
            Regex::new(&latin_words(&format!(r"(?i)^\s*{}", words(&n.not_negating))))
                .map_err(|e| syntax(format!("not_negating: {e}")))?,
        )
    };
    Ok(Negation { before, after, not_negating, max_gap_words: n.max_gap_words })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_class_is_latin_and_keeps_norwegian_letters() {
        let re = build(r"prøvetid\w*(?:$|[^\w])").unwrap();
        assert!(re.is_match("Prøvetiden er seks måneder"));
        assert!(re.is_match("(prøvetid)"));
        assert!(!re.is_match("uprøvetid"), "æøå are word characters, so no boundary inside a word");
        assert!(!re.is_match("førprøvetid"));
        assert_eq!(latin_words(r"[^\w\s]a\wb[\]w]"), format!(r"[^{LATIN_WORD}\s]a[{LATIN_WORD}]b[\]w]"));
    }
}
