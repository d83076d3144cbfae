//! The § 14-6 check: which of the terms arbeidsmiljøloven § 14-6 (1) requires in every written
//! employment contract this one states, states by reference, lacks, or need not state.
//!
//! What counts as stating a term is data, in `patterns/minimum_terms.toml`: per term, the
//! concepts of its field labels, section headings and sentences, in the lexicon format of the
//! clause grammar and found over the same segmentation (headings, list lead-ins, form rows).
//! The start date, the notice period and probation are also taken from the clause grammar's
//! findings. The concepts here have a lexicon of their own, so that they never change what
//! the clause grammar finds.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::date::Date;
use crate::error::PatternError;
use crate::lexicon::{ConceptId, Lexicon, Occurrence, Scan};
use crate::model::{Category, Finding, Location, Signature, TermReport, TermResult, TermStatus};
use crate::normalize::Text;
use crate::patterns::{Patterns, ValueKind, MINIMUM_TERMS_FILE};
use crate::segment::{self, Segments, Sentence};
use crate::values;

/// `patterns/minimum_terms.toml` as build.rs wrote it in JSON, which loads several times faster.
const BUILTIN: &str = include_str!(concat!(env!("OUT_DIR"), "/patterns/minimum_terms.toml.json"));

/// The day the list of § 14-6 (1) grew (LOV-2023-12-15-88); earlier contracts need only be
/// updated when the employee asks.
const AMENDED: Date = Date { year: 2024, month: 7, day: 1 };

/// The built-in terms, with the lexicon build.rs built of the file.
pub static BUILTIN_TERMS: LazyLock<MinimumTerms> = LazyLock::new(|| {
    let parsed = serde_json::from_str(BUILTIN).expect("patterns/minimum_terms.toml parses");
    MinimumTerms::compile(MINIMUM_TERMS_FILE, parsed, builtin_lexicon::lexicon())
        .expect("patterns/minimum_terms.toml compiles")
});

/// The built-in terms' lexicon's tables, built by build.rs with the code that [`MinimumTerms::parse`] runs.
mod builtin_lexicon {
    include!(concat!(env!("OUT_DIR"), "/minimum_terms_lexicon.rs"));
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    term: Vec<TermFile>,
    lexicon: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    example: Vec<Example>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermFile {
    id: String,
    letter: String,
    #[serde(default)]
    reference: bool,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    added_2024: bool,
    #[serde(default)]
    applies_if: Vec<String>,
    #[serde(default)]
    applies_unless: Vec<String>,
    clause: Option<String>,
    #[serde(default)]
    label: Vec<String>,
    #[serde(default)]
    heading: Vec<String>,
    #[serde(default)]
    sentence: Vec<String>,
    #[serde(default)]
    part: Vec<PartFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartFile {
    #[serde(default)]
    name: String,
    #[serde(default)]
    label: Vec<String>,
    #[serde(default)]
    heading: Vec<String>,
    #[serde(default)]
    sentence: Vec<String>,
}

/// An example of the data file: a text and what it must give.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The text; one paragraph per line.
    pub text: String,
    /// Terms it must state.
    #[serde(default)]
    pub present: Vec<String>,
    /// Terms it must state by reference.
    #[serde(default)]
    pub by_reference: Vec<String>,
    /// Terms it must not state.
    #[serde(default)]
    pub absent: Vec<String>,
}

/// One item of a sentence entry: a concept or a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Concept(ConceptId),
    Value(ValueKind),
    /// Any figure outside a section number.
    Number,
}

#[derive(Debug, Default)]
struct Part {
    label: Vec<ConceptId>,
    heading: Vec<ConceptId>,
    sentence: Vec<Vec<Item>>,
}

#[derive(Debug)]
struct Term {
    id: String,
    letter: String,
    reference: bool,
    optional: bool,
    added_2024: bool,
    applies_if: Vec<ConceptId>,
    /// A sentence with one of these does not make the term apply ("har vore mellombels").
    applies_unless: Vec<ConceptId>,
    clause: Option<Category>,
    parts: Vec<Part>,
}

/// The compiled § 14-6 terms.
#[derive(Debug)]
pub struct MinimumTerms {
    lexicon: Lexicon,
    terms: Vec<Term>,
    /// Concepts that make a hit a reference.
    references: Vec<ConceptId>,
    commentary: Vec<ConceptId>,
    /// Answers that say an item does not apply.
    not_applicable: Vec<ConceptId>,
    /// The file's examples.
    pub examples: Vec<Example>,
}

/// How a term is stated by one hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Hit {
    Reference,
    Stated,
}

impl MinimumTerms {
    /// Parses and compiles a terms file, in the JSON that build.rs makes of the TOML.
    pub fn parse(file: &str, text: &str) -> Result<MinimumTerms, PatternError> {
        let syntax = |message: String| PatternError::Syntax { file: file.to_string(), message };
        let parsed: File = serde_json::from_str(text).map_err(|e| syntax(e.to_string()))?;
        let entries = parsed.lexicon.values().flat_map(|l| l.iter().map(|(n, f)| (n.as_str(), f.as_slice())));
        let lexicon = Lexicon::new(entries).map_err(|e| syntax(e.0))?;
        MinimumTerms::compile(file, parsed, lexicon)
    }

    /// The terms of a parsed file, whose concepts `lexicon` holds.
    fn compile(file: &str, parsed: File, lexicon: Lexicon) -> Result<MinimumTerms, PatternError> {
        let syntax = |message: String| PatternError::Syntax { file: file.to_string(), message };
        let concept = |name: &str| lexicon.id(name.trim()).ok_or_else(|| format!("unknown concept {:?}", name.trim()));
        let concepts = |names: &[String]| names.iter().map(|n| concept(n)).collect::<Result<Vec<_>, _>>();
        let mut terms = Vec::new();
        for t in parsed.term {
            let bad = |message: String| PatternError::Rule { file: file.to_string(), rule: t.id.clone(), message };
            if terms.iter().any(|x: &Term| x.id == t.id) {
                return Err(bad("duplicate id".into()));
            }
            let part = |p: &PartFile| -> Result<Part, String> {
                let entry = |e: &String| {
                    e.split('+')
                        .map(|item| match item.trim() {
                            "NUMBER" => Ok(Item::Number),
                            name => match ValueKind::named(name) {
                                Some(k) => Ok(Item::Value(k)),
                                None => concept(name).map(Item::Concept),
                            },
                        })
                        .collect::<Result<Vec<_>, _>>()
                };
                let at = |what: &str, m: String| match p.name.as_str() {
                    "" => format!("{what}: {m}"),
                    name => format!("part {name}: {what}: {m}"),
                };
                Ok(Part {
                    label: concepts(&p.label).map_err(|m| at("label", m))?,
                    heading: concepts(&p.heading).map_err(|m| at("heading", m))?,
                    sentence: p.sentence.iter().map(entry).collect::<Result<_, _>>().map_err(|m| at("sentence", m))?,
                })
            };
            let mut parts = t.part.iter().map(part).collect::<Result<Vec<_>, _>>().map_err(bad)?;
            if parts.is_empty() {
                let own = PartFile {
                    name: String::new(),
                    label: t.label.clone(),
                    heading: t.heading.clone(),
                    sentence: t.sentence.clone(),
                };
                parts.push(part(&own).map_err(bad)?);
            }
            let clause = match &t.clause {
                Some(c) => Some(Category::parse(c).ok_or_else(|| bad(format!("unknown clause category {c:?}")))?),
                None => None,
            };
            if clause.is_none()
                && parts.iter().all(|p| p.label.is_empty() && p.heading.is_empty() && p.sentence.is_empty())
            {
                return Err(bad("no way to recognise it: give label, heading, sentence or clause".into()));
            }
            terms.push(Term {
                applies_if: concepts(&t.applies_if).map_err(|m| bad(format!("applies_if: {m}")))?,
                applies_unless: concepts(&t.applies_unless).map_err(|m| bad(format!("applies_unless: {m}")))?,
                id: t.id,
                letter: t.letter,
                reference: t.reference,
                optional: t.optional,
                added_2024: t.added_2024,
                clause,
                parts,
            });
        }
        let references =
            concepts(&["REFERENCE".into(), "REFERENCE_TARIFF".into(), "LAW_NAME".into()]).map_err(syntax)?;
        let commentary = concepts(&["COMMENTARY".into()]).map_err(syntax)?;
        let not_applicable = concepts(&["NOT_APPLICABLE".into()]).map_err(syntax)?;
        Ok(MinimumTerms { lexicon, terms, references, commentary, not_applicable, examples: parsed.example })
    }

    /// How a stretch of text states a term: by reference when it names a law or tariff
    /// agreement and holds no figure of its own.
    fn hit(&self, text: &str) -> Hit {
        let scan = self.lexicon.scan(text);
        if scan.occurrences.iter().any(|o| self.references.contains(&o.concept)) && !has_figure(text) {
            Hit::Reference
        } else {
            Hit::Stated
        }
    }

    /// The term ids, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.id.as_str())
    }

    /// Checks a contract: its normalized text, the clause grammar's findings, and the day it
    /// was signed (or, unsigned, starts), which decides whether the 2024 items apply. The
    /// grammar splits the text into sentences and reads its amounts as the engine does.
    pub fn check(&self, text: &Text, findings: &[Finding], signed: Option<Date>, grammar: &Patterns) -> TermReport {
        let seg = segment::segment(text, &grammar.sentences);
        let doc = Doc {
            text,
            seg: &seg,
            grammar,
            scan: self.lexicon.scan_keeping(&text.string, &[], crate::language::lost_letters(&text.string)),
            terms: self,
        };
        let before_2024 = signed.is_some_and(|d| d < AMENDED);
        let results = self
            .terms
            .iter()
            .map(|term| {
                let result = |status, location| TermResult { letter: term.letter.clone(), status, location };
                if (term.added_2024 && before_2024)
                    || (!term.applies_if.is_empty() && !doc.mentions(&term.applies_if, &term.applies_unless))
                {
                    return (term.id.clone(), result(TermStatus::NotApplicable, None));
                }
                let clause = term
                    .clause
                    .and_then(|c| findings.iter().find(|f| f.category == c && !f.negated))
                    .map(|f| (self.hit(&f.text), f.location));
                let parts: Vec<Option<(Hit, Location)>> = term
                    .parts
                    .iter()
                    .map(|p| {
                        // A part that states the term beats a clause that only refers.
                        match (clause, doc.find(p)) {
                            (Some(c), Some(o)) => Some(if o.0 > c.0 { o } else { c }),
                            (c, o) => c.or(o),
                        }
                    })
                    .collect();
                let status = if parts.iter().any(Option::is_none) {
                    if term.optional {
                        TermStatus::NotApplicable
                    } else {
                        TermStatus::Missing
                    }
                } else if term.reference && parts.iter().any(|p| p.is_some_and(|(h, _)| h == Hit::Reference)) {
                    TermStatus::ByReference
                } else {
                    TermStatus::Present
                };
                let location = match status {
                    TermStatus::Present | TermStatus::ByReference => {
                        parts.iter().flatten().map(|(_, l)| *l).min_by_key(|l| (l.page, l.paragraph))
                    }
                    _ => None,
                };
                (term.id.clone(), result(status, location))
            })
            .collect();
        TermReport(results)
    }
}

/// Checks a contract against the built-in terms. The 2024 items apply unless the contract
/// was signed before 1 July 2024 (the earliest signature date, else the start date).
pub fn check_contract(text: &Text, findings: &[Finding], signatures: &[Signature], grammar: &Patterns) -> TermReport {
    let start =
        || findings.iter().find(|f| f.category == Category::StartDate && !f.negated).and_then(|f| f.values.date);
    let signed = signatures.iter().filter_map(|s| s.date).min().or_else(start);
    BUILTIN_TERMS.check(text, findings, signed, grammar)
}

/// A document as the check sees it.
struct Doc<'a> {
    text: &'a Text,
    seg: &'a Segments,
    /// The clause grammar, for the words the value readers take from it.
    grammar: &'a Patterns,
    scan: Scan,
    terms: &'a MinimumTerms,
}

impl Doc<'_> {
    /// The concepts whose first word lies in `start..end`.
    fn occ(&self, start: usize, end: usize) -> &[Occurrence] {
        let (a, b) = (self.scan.word_at(start) as u32, self.scan.word_at(end) as u32);
        let o = &self.scan.occurrences;
        &o[o.partition_point(|x| x.first < a)..o.partition_point(|x| x.first < b)]
    }

    fn sentence_text(&self, s: &Sentence) -> &str {
        &self.text.string[s.start..s.end]
    }

    fn location(&self, s: &Sentence) -> Location {
        let p = &self.text.paragraphs[s.paragraph];
        Location { page: p.page, paragraph: p.number }
    }

    /// A question, or a sentence about what contracts must say rather than a term of this one.
    fn is_commentary(&self, s: &Sentence) -> bool {
        self.sentence_text(s).trim_end().ends_with('?')
            || self.occ(s.start, s.end).iter().any(|o| self.terms.commentary.contains(&o.concept))
    }

    /// Whether the contract names one of `concepts` outside commentary, in a sentence without
    /// one of `unless`, not as an unticked
    /// box ("☐ Midlertidig ansettelse") and not in a field or section answered "not
    /// applicable" ("Innleie fra bemanningsforetak: Ikke aktuelt").
    fn mentions(&self, concepts: &[ConceptId], unless: &[ConceptId]) -> bool {
        let sentences = &self.seg.sentences;
        let answered_no =
            |s: &Sentence| self.occ(s.start, s.end).iter().any(|o| self.terms.not_applicable.contains(&o.concept));
        sentences.iter().enumerate().filter(|(_, s)| !self.is_commentary(s)).any(|(i, s)| {
            let answer = if s.is_heading { sentences.get(i + 1).filter(|n| !n.is_heading) } else { Some(s) };
            let occ = self.occ(s.start, s.end);
            !answer.is_some_and(answered_no)
                && !occ.iter().any(|o| unless.contains(&o.concept))
                && occ.iter().any(|o| {
                    let at = self.scan.words[o.first as usize].start;
                    let before = self.text.string[s.start..at].trim_end();
                    concepts.contains(&o.concept) && !before.ends_with('☐') && !before.ends_with("[ ]")
                })
        })
    }

    /// The first place that states `part`, and how; a stated hit anywhere wins over references.
    fn find(&self, part: &Part) -> Option<(Hit, Location)> {
        let mut best: Option<(Hit, Location)> = None;
        for s in &self.seg.sentences {
            if s.is_heading || self.is_commentary(s) {
                continue;
            }
            if !(self.label(s, &part.label) || self.under_heading(s, part) || self.sentence(s, part)) {
                continue;
            }
            let hit = self.terms.hit(self.sentence_text(s));
            if best.is_none_or(|(h, _)| hit > h) {
                best = Some((hit, self.location(s)));
                if hit == Hit::Stated {
                    break;
                }
            }
        }
        best
    }

    /// A form row that starts with one of `labels` and has an answer after its ':' or cell
    /// border, or a list item under a lead-in that is such a label.
    fn label(&self, s: &Sentence, labels: &[ConceptId]) -> bool {
        if labels.is_empty() {
            return false;
        }
        let row = |s: &Sentence, need_answer: bool| {
            let text = self.sentence_text(s);
            let first = self.scan.word_at(s.start) as u32;
            let Some(sep) = text.find([':', '|']) else { return false };
            let before = self.occ(s.start, s.start + sep);
            let answered = text[sep + 1..].chars().any(char::is_alphanumeric);
            before.iter().any(|o| labels.contains(&o.concept) && o.first < first + 3)
                && (answered || !need_answer)
                && self.scan.word_at(s.start + sep) as u32 <= first + 8
        };
        row(s, true) || s.lead_in.is_some_and(|l| row(&self.seg.sentences[l], false))
    }

    /// A body sentence in a section whose heading names the part (a label line such as
    /// "Lønn:" on its own is a heading too).
    fn under_heading(&self, s: &Sentence, part: &Part) -> bool {
        let Some(h) = s.heading else { return false };
        let p = &self.text.paragraphs[self.seg.headings[h]];
        self.occ(p.start, p.end).iter().any(|o| part.heading.contains(&o.concept) || part.label.contains(&o.concept))
    }

    /// A sentence (with its lead-in) that holds every item of one of the part's entries.
    fn sentence(&self, s: &Sentence, part: &Part) -> bool {
        let lead = s.lead_in.map(|l| &self.seg.sentences[l]);
        let here: Vec<ConceptId> = self
            .occ(s.start, s.end)
            .iter()
            .chain(lead.map_or(&[][..], |l| self.occ(l.start, l.end)))
            .map(|o| o.concept)
            .collect();
        let text = self.sentence_text(s);
        part.sentence.iter().any(|entry| {
            entry.iter().all(|item| match *item {
                Item::Concept(c) => here.contains(&c),
                Item::Number => has_figure(text),
                Item::Value(ValueKind::Duration) => !values::durations(text).is_empty(),
                Item::Value(ValueKind::Amount) => !values::amounts(text, &self.grammar.bare_sums).is_empty(),
                Item::Value(ValueKind::Date) => !values::dates(text).is_empty(),
            })
        })
    }
}

/// A figure other than a section number ("§ 10-9", "14-6"): a stated hour, amount or date.
fn has_figure(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        let before = rest[..i].trim_end();
        let end = rest[i..].find(|c: char| !(c.is_ascii_digit() || c == '-')).map_or(rest.len(), |e| i + e);
        let token = &rest[i..end];
        let section = before.ends_with('§') || before.ends_with("§§") || (token.contains('-') && !token.ends_with('-'));
        if !section {
            return true;
        }
        rest = &rest[end..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables build.rs compiled in are those [`MinimumTerms::parse`] builds from the file.
    #[test]
    fn the_compiled_lexicon_is_the_one_built_from_the_file() {
        let built = MinimumTerms::parse(MINIMUM_TERMS_FILE, BUILTIN).expect("the built-in terms compile");
        built.lexicon.assert_same(&BUILTIN_TERMS.lexicon);
    }

    #[test]
    fn section_numbers_are_no_figures() {
        assert!(!has_figure("Pauser etter arbeidsmiljøloven § 10-9."));
        assert!(!has_figure("jf. §§ 14-9 og 14-10"));
        assert!(has_figure("Pause: 30 minutter"));
        assert!(has_figure("Lønnstrinn 45"));
        assert!(has_figure("08.00-15.30"));
    }
}
