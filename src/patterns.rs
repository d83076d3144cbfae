//! Pattern data: the clause grammar in `patterns/`, parsed, validated and compiled.
//!
//! Three kinds of file (see `patterns/README.md`):
//! - `lexicon/*.toml`: concepts, each a list of word forms, one file per language;
//! - `grammar.toml`: which concepts negate, which mark commentary, which hold values, and the
//!   words the amount reader, the template blanks and the sentence splitter read as words;
//! - one file per category: rules written in concepts, with examples.
//!
//! The built-in files are embedded in the binary; [`Patterns::from_dir`] loads a user's own.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::error::PatternError;
use crate::lexicon::{ConceptId, Lexicon, Shortened};
use crate::model::{Category, Flag};
use crate::segment::Sentences;
use crate::values::{lower, BareSums};

/// A built-in file: its name, its TOML text (for the fingerprint) and the JSON that build.rs
/// made of it (for loading), without and with only its examples.
macro_rules! builtin {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../patterns/", $name)),
            include_str!(concat!(env!("OUT_DIR"), "/patterns/", $name, ".json")),
            include_str!(concat!(env!("OUT_DIR"), "/patterns/", $name, ".examples.json")),
        )
    };
}

type Builtin = (&'static str, &'static str, &'static str, &'static str);

/// The built-in lexicon's tables, built by build.rs from the same files with the same code.
mod builtin_lexicon {
    include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
}

const BUILTIN: &[Builtin] = &[
    builtin!("start_date.toml"),
    builtin!("notice_period.toml"),
    builtin!("notice_before_start.toml"),
    builtin!("probation.toml"),
    builtin!("compensation.toml"),
    builtin!("binding_period.toml"),
    builtin!("withdrawal.toml"),
    builtin!("non_compete.toml"),
];
const BUILTIN_LEXICON: &[Builtin] = &[builtin!("lexicon/no.toml"), builtin!("lexicon/en.toml")];
const BUILTIN_GRAMMAR: Builtin = builtin!("grammar.toml");
const GRAMMAR_FILE: &str = "grammar.toml";
/// Worked out when the program is compiled: hashing the quarter megabyte byte by byte took a
/// third of a millisecond at every start, `--version` or not.
const BUILTIN_FINGERPRINT: u64 = {
    let h = fingerprint(BUILTIN_LEXICON, 0xcbf2_9ce4_8422_2325);
    let h = fingerprint(&[BUILTIN_GRAMMAR], h);
    fingerprint(BUILTIN, h)
};

/// [`fnv1a`] over each file's name and text.
const fn fingerprint(files: &[Builtin], mut h: u64) -> u64 {
    let mut f = 0;
    while f < files.len() {
        h = fnv1a(files[f].1.as_bytes(), fnv1a(files[f].0.as_bytes(), h));
        f += 1;
    }
    h
}

/// FNV-1a, 64 bits, over `b` read as little-endian 8-byte words (the last one padded with
/// zeros) and a closing word of their length, from the state `h`. A byte per step made the
/// compiler's evaluation of the built-in files cost 6 s per build of the library, past its
/// guard against endless loops; a word per step costs almost nothing.
const fn fnv1a(b: &[u8], mut h: u64) -> u64 {
    const PRIME: u64 = 0x100_0000_01b3;
    let mut i = 0;
    while i + 8 <= b.len() {
        let word = [b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7]];
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(PRIME);
        i += 8;
    }
    let mut tail = [0u8; 8];
    let mut k = 0;
    while i + k < b.len() {
        tail[k] = b[i + k];
        k += 1;
    }
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(PRIME);
    (h ^ b.len() as u64).wrapping_mul(PRIME)
}
/// The § 14-6 terms (`crate::minimum_terms`), kept beside the category files.
pub const MINIMUM_TERMS_FILE: &str = "minimum_terms.toml";

/// The value kinds a category reads, and the pseudo-concepts a rule may name for them.
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

impl ValueKind {
    /// All kinds.
    pub const ALL: [ValueKind; 3] = [ValueKind::Duration, ValueKind::Amount, ValueKind::Date];

    /// The name a rule uses for "a value of this kind in the sentence".
    pub fn concept_name(self) -> &'static str {
        match self {
            ValueKind::Duration => "DURATION",
            ValueKind::Amount => "AMOUNT",
            ValueKind::Date => "DATE",
        }
    }

    /// The kind a rule names by `name` ("DURATION"), if it names one.
    pub fn named(name: &str) -> Option<ValueKind> {
        ValueKind::ALL.into_iter().find(|k| k.concept_name() == name)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile<'a> {
    #[serde(default, borrow)]
    concepts: BTreeMap<String, Vec<Form<'a>>>,
}

/// A word form, borrowed from the built-in JSON where it needs no unescaping (serde borrows a
/// `Cow` only as a field of its own, not as an element of a list).
#[derive(Deserialize)]
struct Form<'a>(#[serde(borrow)] Cow<'a, str>);

impl AsRef<str> for Form<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GrammarFile {
    #[serde(default)]
    groups: BTreeMap<String, Vec<String>>,
    negation: NegationSection,
    commentary: Vec<String>,
    #[serde(default)]
    commentary_leads: Vec<String>,
    #[serde(default)]
    quoted_leads: Vec<String>,
    #[serde(default)]
    title_leads: Vec<String>,
    #[serde(default)]
    paragraph_commentary: Vec<String>,
    #[serde(default)]
    historical: Vec<String>,
    #[serde(default)]
    current: Vec<String>,
    #[serde(default)]
    aside_headings: Vec<String>,
    #[serde(default)]
    holders: Vec<String>,
    #[serde(default)]
    date_holders: Vec<String>,
    #[serde(default)]
    tenure: Vec<String>,
    #[serde(default)]
    pay: Vec<String>,
    #[serde(default)]
    counted_from: Vec<String>,
    #[serde(default)]
    counted_since: Vec<String>,
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    since_words: Vec<String>,
    #[serde(default)]
    references: Vec<String>,
    #[serde(default)]
    phrasal: Vec<String>,
    #[serde(default)]
    yielding: Vec<String>,
    #[serde(default)]
    holds_forward: Vec<String>,
    #[serde(default)]
    not_retold: Vec<String>,
    #[serde(default)]
    in_gaps: Vec<String>,
    #[serde(default)]
    amount_refs: Vec<String>,
    #[serde(default)]
    as_in_probation: Vec<String>,
    #[serde(default)]
    in_probation: Vec<String>,
    #[serde(default)]
    bounds: Vec<String>,
    #[serde(default)]
    amendments: Vec<String>,
    #[serde(default)]
    superseded: Vec<String>,
    #[serde(default)]
    changes: Vec<String>,
    #[serde(default)]
    changed_from: Vec<String>,
    #[serde(default)]
    rates: Vec<String>,
    #[serde(default)]
    instalments: Vec<String>,
    #[serde(default)]
    caps: Vec<String>,
    #[serde(default)]
    totals: Vec<String>,
    #[serde(default)]
    shares: Vec<String>,
    #[serde(default)]
    respectively: Vec<String>,
    #[serde(default)]
    reporting: Vec<String>,
    #[serde(default)]
    openers: Openers,
    #[serde(default)]
    genre: GenreSection,
    #[serde(default)]
    start_date: StartDateSection,
    #[serde(default)]
    roles: RolesSection,
    #[serde(default)]
    bare_sums: BareSums,
    #[serde(default)]
    placeholders: Placeholders,
    #[serde(default)]
    sentences: Sentences,
    #[serde(default)]
    shortened: ShortenedSection,
    #[serde(default)]
    labels: LabelParties,
}

/// The words a field label names its party with, after its anchor and before its separator
/// (grammar.toml `[labels]`): "Notice by the Employee: …", "Oppseiingsfrist (arbeidsgjevar) | …".
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelParties {
    /// The employee, lower case.
    #[serde(default)]
    pub employee: Vec<String>,
    /// The employer, lower case.
    #[serde(default)]
    pub employer: Vec<String>,
    /// A subject that makes a party other than the employer alone ("either", "you"), lower case.
    #[serde(default)]
    pub others: Vec<String>,
    /// The verbs a subject stands before ("may", "kan"), lower case.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// The words before the agent of a passive ("by", "av"), lower case.
    #[serde(default)]
    pub agents: Vec<String>,
    /// The last word of a firm's name ("AS", "Ltd"), lower case.
    #[serde(default)]
    pub firms: Vec<String>,
}

/// Shortened words and the full forms they are read as (grammar.toml `[shortened]`).
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShortenedSection {
    #[serde(default)]
    words: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    compounds: std::collections::BTreeMap<String, String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StartDateSection {
    #[serde(default)]
    before: Vec<String>,
    concept: Option<String>,
    #[serde(default)]
    not_dating: Vec<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesSection {
    #[serde(default)]
    probation: Vec<String>,
    #[serde(default)]
    permanent: Vec<String>,
    permanent_concept: Option<String>,
}

/// A length's role named in round brackets right after it (grammar.toml `[roles]`):
/// "1 måned (prøvetid), 3 måneder (fast)".
#[derive(Debug)]
pub struct Roles {
    /// Concepts that, alone in the bracket, make the length the one during probation.
    pub probation: Concepts,
    /// The concept they are read as there (the first of `in_probation`).
    pub during: ConceptId,
    /// The words that, alone in the bracket, make it the length once the employment is for
    /// good, each phrase split into lower-case words.
    pub permanent: Vec<Vec<String>>,
    /// The concept those words are read as.
    pub after: ConceptId,
}

/// The agreed start date standing for the start (grammar.toml `[start_date]`): right after one
/// of `before` ("før", "prior to"), the date a text agrees as its start date is `concept`.
#[derive(Debug)]
pub struct StartStandIn {
    /// The concept the date stands for.
    pub concept: ConceptId,
    /// The words before it, each phrase split into lower-case words.
    pub before: Vec<Vec<String>>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct GenreSection {
    #[serde(default)]
    commentary: Vec<String>,
    #[serde(default)]
    contract: Vec<String>,
    #[serde(default)]
    quoting: Vec<String>,
    #[serde(default)]
    policy: Vec<String>,
    #[serde(default)]
    addressed: Vec<String>,
    #[serde(default)]
    addressee: Vec<String>,
    #[serde(default)]
    retold: Vec<String>,
    #[serde(default)]
    owner: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    writer: Vec<String>,
    #[serde(default)]
    conditions: Vec<String>,
    #[serde(default)]
    limits: Vec<String>,
    #[serde(default)]
    kinds_one: Vec<String>,
    #[serde(default)]
    kinds_many: Vec<String>,
    #[serde(default)]
    classes: Vec<String>,
    #[serde(default)]
    kind_denials: Vec<String>,
    #[serde(default)]
    kind_stops: Vec<String>,
    #[serde(default)]
    gloss_heads: Vec<String>,
    #[serde(default)]
    in_force: Vec<String>,
    #[serde(default)]
    asked: Vec<String>,
    #[serde(default)]
    other: Vec<String>,
    #[serde(default)]
    employment: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    parties: Vec<String>,
    #[serde(default)]
    hired: Vec<String>,
    #[serde(default)]
    staff: Vec<String>,
    #[serde(default)]
    amending: Vec<String>,
    #[serde(default)]
    continuing: Vec<String>,
    #[serde(default)]
    effective: Vec<String>,
    #[serde(default)]
    usual: Vec<String>,
    #[serde(default)]
    usual_heads: Vec<String>,
    #[serde(default)]
    usual_others: Vec<String>,
    #[serde(default)]
    laws: Vec<String>,
    #[serde(default)]
    law_heads: Vec<String>,
    #[serde(default)]
    unless_agreed: Vec<String>,
    #[serde(default)]
    hedges: Vec<String>,
    #[serde(default)]
    supposing: Vec<String>,
    #[serde(default)]
    supposing_if: Vec<String>,
    #[serde(default)]
    supposing_reader: Vec<String>,
    #[serde(default)]
    supposed: Vec<String>,
    #[serde(default)]
    supposed_if: Vec<String>,
    #[serde(default)]
    supposed_in: Vec<String>,
    #[serde(default)]
    supposed_docs: Vec<String>,
    #[serde(default)]
    worked: Vec<String>,
    #[serde(default)]
    someone: Vec<String>,
    #[serde(default)]
    law_texts: Vec<String>,
    #[serde(default)]
    law_verbs: Vec<String>,
    #[serde(default)]
    own_texts: Vec<String>,
}

/// The evidence of a text's kind as a whole (grammar.toml `[genre]`).
#[derive(Debug)]
pub struct Genre {
    /// Concepts that speak in general terms, however weakly: generic persons, hedges, a law
    /// explained, a word defined, advice about the reader's own contract.
    pub commentary: Concepts,
    /// Concepts of a contract's own form: its parties defined, its own name, its signatures.
    pub contract: Concepts,
    /// Concepts that introduce what a contract says ("står det", "it says"): what follows is
    /// the contract's, in a text that is commentary as a whole.
    pub quoting: Concepts,
    /// Concepts that state the firm's practice for all its staff in its own voice ("alle
    /// nyansatte", "our new hires"): a staff handbook's, unless the text speaks to one person.
    pub policy: Concepts,
    /// Concepts that offer the job to someone ("tilbyr deg", "offer you"): the text speaks to
    /// the person it hires.
    pub addressed: Concepts,
    /// Words that speak to the reader ("du", "you"), lower case.
    pub addressee: Vec<String>,
    /// Words that bring in a clause retold after QUOTING words ("at", "that"), lower case.
    pub retold: Vec<String>,
    /// Words that give the reader's own ("din", "your"), lower case.
    pub owner: Vec<String>,
    /// Phrases, not concepts, that speak in general terms as `commentary` does, lower case: a
    /// clause named as a kind in the plural ("konkurranseklausuler"), a generic "seg". Read as
    /// words, they take no word from the concepts a clause is found by.
    pub words: Phrases,
    /// Phrases, lower case, in which the writer speaks of himself ("jeg har", "I have"): a
    /// statement of terms in them is the writer's own contract, not a lesson.
    pub writer: Phrases,
    /// Nouns (beginnings, lower case) that make "X er en …" a condition set, not a word
    /// defined ("Tilfredsstillende referanser er en forutsetning for ansettelsen").
    pub conditions: Vec<String>,
    /// Words (lower case) that make a length a limit, as the law states one ("inntil", "up to").
    pub limits: Vec<String>,
    /// Endings (lower case) of a word that names a kind of clause in the singular ("klausul",
    /// "clause"): after an indefinite article that opens a sentence, the clause is spoken of
    /// as a kind ("En kundeklausul bør …", "A non-solicitation clause belongs …").
    pub kinds_one: Vec<String>,
    /// … and in the plural ("klausuler", "clauses"): a sentence that opens with one, bare,
    /// speaks of the kind ("Konkurranseklausuler hindrer …", "Non-compete clauses keep …").
    pub kinds_many: Vec<String>,
    /// Phrases (lower case) that name the bound party as a class ("arbeidstakere",
    /// "employees"): opening a sentence whose subject names a kind of clause, they speak of
    /// everyone bound so ("Arbeidstakere med kundeklausul kan …").
    pub classes: Vec<String>,
    /// Words (lower case) that, right after a clause named as a kind, deny the text's own clause.
    pub kind_denials: Vec<String>,
    /// Words (lower case) before a clause named in the plural that make it no kind spoken of.
    pub kind_stops: Vec<String>,
    /// Definite nouns (lower case) that open a glossary's definition after its term's label.
    pub gloss_heads: Vec<String>,
    /// Words (lower case) that put a term in force ("applies", "gjelder"): a length after a
    /// label's colon with one of them states the term, it defines no word.
    pub in_force: Vec<String>,
    /// Openings (lower case) of a question typed without its mark ("Will I be liable …").
    pub asked: Vec<String>,
    /// Concepts that name another agreement than an employment (a membership, a lease, a
    /// subscription).
    pub other: Concepts,
    /// Concepts that name an employment ("arbeidsforholdet", "the position of").
    pub employment: Concepts,
    /// Concepts that, in a text's title, name it another kind of agreement ("Tenancy
    /// agreement", "Prisliste"): one more piece of the evidence the `parties` weigh.
    pub titles: Concepts,
    /// Phrases, lower case, that name the parties or the pledge of another kind of agreement
    /// ("leietaker", "oppdragsgiver", "depositum").
    pub parties: Phrases,
    /// Concepts that name someone employed ("ansatt", "stillingen som"), not an agreement as
    /// such: "avtalen" is a lease's too.
    pub hired: Concepts,
    /// Phrases, lower case, that name the employer or the employee ("arbeidstakeren", "the
    /// employer").
    pub staff: Phrases,
    /// Concepts that, in a text's opening lines or an unnumbered heading, name a document that
    /// amends an employment already running ("Tilleggsavtale", "Deed of variation"): the day
    /// a change takes effect there is no start date.
    pub amending: Concepts,
    /// Concepts that, in a sentence, speak of a post held on or moved to within the same
    /// employment ("går over i stillinga som …", "held du fram i vikariatet"): read so too.
    pub continuing: Concepts,
    /// Concepts that say only from when something applies ("fra", "with effect from"): in an
    /// amending text, a start date they find is the day a change takes effect.
    pub effective: Concepts,
    /// Concepts that state the usual term ("normalt", "usually"): what anyone gets, in a text
    /// that offers the job to no one; the reader's own term in one that does.
    pub usual: Concepts,
    /// Words (lower case) that, opening a sentence right before a clause's anchor, state the
    /// usual term ("Vanlig oppsigelsesfrist …", "The usual notice period …").
    pub usual_heads: Vec<String>,
    /// Words (lower case) that name a third party whose usual term a sentence tells ("they").
    pub usual_others: Vec<String>,
    /// Concepts that name a law or an agreement a term is taken from ("arbeidsmiljøloven").
    pub laws: Concepts,
    /// Words (lower case) that, with a `laws` concept a few words on, open a sentence that
    /// states the law's term ("Etter arbeidsmiljøloven § 15-3 …", "Under the Act …").
    pub law_heads: Vec<String>,
    /// Phrases, lower case, that leave the term to the parties ("med mindre annet er avtalt").
    pub unless_agreed: Phrases,
    /// Phrases, lower case, that offer a length as an example ("f.eks.", "e.g.").
    pub hedges: Vec<String>,
    /// Openers (lower case) of a protasis that supposes the agreement: an inverted verb and its
    /// subject ("er det", "har partene").
    pub supposing: Vec<String>,
    /// The conjunctions that open such a protasis ("dersom", "if"), lower case.
    pub supposing_if: Vec<String>,
    /// Openings (lower case) of an answer's hypothesis about its reader's own term ("hvis du har",
    /// "if you have"): with the term and its measure before the first comma, it agrees none.
    pub supposing_reader: Vec<String>,
    /// The participles (lower case) that, after an inverted opener, suppose a term agreed
    /// ("avtalt", "fastsatt").
    pub supposed: Vec<String>,
    /// The verb phrases that suppose a term after a conjunction ("er avtalt", "provides for").
    pub supposed_if: Vec<String>,
    /// Verbs that tell what a document holds ("fastsetter", "provides for"), lower case: after a
    /// conjunction they suppose a term only with one of `supposed_docs` in the protasis.
    pub supposed_in: Vec<String>,
    /// The documents such a verb speaks of ("arbeidsavtalen", "contract"), lower case.
    pub supposed_docs: Vec<String>,
    /// Openers (lower case) of a worked example ("Si at du …", "Say an employee …").
    pub worked: Vec<String>,
    /// An indefinite person (lower case: "en ansatt", "an employee") as a worked example's subject.
    pub someone: Vec<String>,
    /// Words (lower case) that name a law's text ("paragrafen", "the provision").
    pub law_texts: Vec<String>,
    /// The verbs that bring in a law's words ("lyder", "provides"), lower case.
    pub law_verbs: Vec<String>,
    /// Words that make the text quoted the writer's or the reader's own ("min", "kontrakten").
    pub own_texts: Vec<String>,
}

/// Phrases looked for anywhere in a span, indexed as the grammar loads by their heads: the
/// engine tries every word of a span, and a list searched in full per word dominated its cost.
#[derive(Debug, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct Phrases {
    /// Every phrase, lower case.
    pub all: Vec<String>,
    /// One bit per head some phrase has.
    heads: Vec<u64>,
    /// The phrases' indices in `all`, sorted by head.
    by_head: Vec<([u8; 2], usize)>,
}

impl Phrases {
    /// Indexes `all` (lower case).
    pub fn new(all: Vec<String>) -> Phrases {
        let mut heads = vec![0u64; 1024];
        let mut by_head: Vec<([u8; 2], usize)> = all.iter().enumerate().map(|(k, p)| (head(p), k)).collect();
        for &(h, _) in &by_head {
            let bit = usize::from(u16::from_be_bytes(h));
            heads[bit / 64] |= 1 << (bit % 64);
        }
        by_head.sort_by_key(|&(h, _)| h);
        Phrases { all, heads, by_head }
    }

    /// Whether some phrase has head `h`.
    pub fn has_head(&self, h: [u8; 2]) -> bool {
        let bit = usize::from(u16::from_be_bytes(h));
        self.heads[bit / 64] & 1 << (bit % 64) != 0
    }

    /// The phrases of head `h`.
    pub fn with_head(&self, h: [u8; 2]) -> impl Iterator<Item = &String> {
        let from = self.by_head.partition_point(|&(x, _)| x < h);
        self.by_head[from..].iter().take_while(move |&&(x, _)| x == h).map(|&(_, k)| &self.all[k])
    }
}

/// Each of the grammar's phrases as its lower-case words; empty ones dropped.
fn split_words(phrases: &[String]) -> Vec<Vec<String>> {
    phrases
        .iter()
        .map(|p| p.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The grammar's phrases in lower case, as the engine compares them.
fn phrases(words: &[String]) -> Phrases {
    Phrases::new(words.iter().map(|w| w.to_lowercase()).collect())
}

impl From<Vec<String>> for Phrases {
    fn from(all: Vec<String>) -> Phrases {
        Phrases::new(all)
    }
}

impl Default for Phrases {
    fn default() -> Phrases {
        Phrases::new(Vec::new())
    }
}

/// The first two bytes of `s`, ASCII-folded: most words cannot open a phrase, and their head
/// tells without comparing characters.
pub fn head(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    [b.first().map_or(0, u8::to_ascii_lowercase), b.get(1).map_or(0, u8::to_ascii_lowercase)]
}

/// Words that open a paragraph or a sentence and tell what kind of text it is (grammar.toml
/// `[openers]`), lower case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Openers {
    /// A paragraph that opens with one of these asks what a word means ("Hva er en
    /// konvensjonalbot?"): the paragraph after it answers in general terms.
    #[serde(default)]
    pub definition_questions: Vec<String>,
    /// A paragraph that opens with one of these asks what employers may do or what is usual
    /// ("Can an employer …?"): the rest of it and the paragraph after it answer in general.
    #[serde(default)]
    pub general_questions: Vec<String>,
    /// After a quoted term that opens a sentence, one of these defines the term ('"Start
    /// Date" means …', "«Lønn» betyr …"): the sentence says what a word stands for.
    #[serde(default)]
    pub definition_verbs: Vec<String>,
    /// A word that may stand before such a term ("Med «Lønn» menes …").
    #[serde(default)]
    pub definition_leads: Vec<String>,
    /// Right after commentary in its paragraph, a sentence that opens with one of these
    /// ("Such clauses …", "Slike avtaler …") says more of the kind just described.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// A first line that opens with one of these is an e-mail's subject, not a title.
    #[serde(default)]
    pub subject_lines: Vec<String>,
    /// A paragraph that opens with one of these cites where the text was taken from ("Kilde:
    /// …", "Source: …"): the whole text is quoted from a guide, a rule book or a news item.
    #[serde(default)]
    pub citations: Vec<String>,
    /// A paragraph that opens with one of these is a template's note to whoever fills it in
    /// ("Veiledning: …", "Note to drafter: …"): commentary that tells nothing of the text's kind.
    #[serde(default)]
    pub notes: Vec<String>,
    /// A paragraph wholly in square brackets with a part that opens with one of these (or that
    /// opens with one of `notes`, or has a blank still in it) is a template's note to whoever
    /// fills it in; any other is an optional clause ("[Your employment shall be subject to a
    /// probationary period of six months.]").
    #[serde(default)]
    pub instructions: Vec<String>,
    /// After a comma that closes a quote, one of these and a name end the sentence ("…», sier
    /// Hansen."): the paragraph reports what someone said.
    #[serde(default)]
    pub attributions: Vec<String>,
    /// A line that opens with one of these greets a person ("Kjære Kari", "Hi Tom"): a letter
    /// to the one it names.
    #[serde(default)]
    pub greetings: Vec<String>,
    /// A heading that opens with one of these announces a reply ("Svar:", "Advokaten svarer:",
    /// "Answer:"): its section is a Q&A column's answer in general terms.
    #[serde(default)]
    pub answers: Vec<String>,
    /// Words by which a text points to the document it retells ("kontrakten", "står det",
    /// "my offer letter"): chat in lower case that ends in a question and names none of these
    /// talks about the writer's own lot, not about terms it was given.
    #[serde(default)]
    pub sources: Phrases,
    /// Words by which a question points back to what was just said ("er det normalt?", "is that
    /// legal?"): a question with none of these and no concept turns to something else.
    #[serde(default)]
    pub back_references: Phrases,
    /// A heading below the title that holds one of these heads a guide stapled to a contract
    /// ("Sjekkliste før du skriver under", "Spørsmål vi ofte får", "How probation works"): its
    /// section explains, as a Q&A column's answer does.
    #[serde(default)]
    pub guide_headings: Phrases,
    /// Words by which a sentence points back to the term the sentence before it named ("Det er
    /// avtalt prøvetid. Den er på fem måneder", "It lasts six months"): it states that term.
    #[serde(default)]
    pub pointers: Vec<String>,
    /// A word after a pointer that makes it no pointer: "Den som …", "It says …".
    #[serde(default)]
    pub pointer_stops: Vec<String>,
    /// Words that open a relative clause: after an indefinite article that opens a sentence,
    /// one of these within three words defines a kind ("En avtale som …"), not a term.
    #[serde(default)]
    pub relatives: Vec<String>,
    /// A question that opens with one of these asks for a measure of a term ("Hvor lenge …?",
    /// "When …?").
    #[serde(default)]
    pub measures: Vec<String>,
    /// Words by which a question asks of the asker's own terms ("jeg", "my"): the line after it
    /// answers with them.
    #[serde(default)]
    pub askers: Phrases,
    /// … and none of these: "Hvor lang oppsigelsestid kan jeg få?" asks what the law allows.
    #[serde(default)]
    pub modals: Phrases,
    /// A title that opens with one of these names the reader's own terms ("Din avtale", "Your
    /// terms") …
    #[serde(default)]
    pub own_terms: Vec<String>,
    /// … and with one of these lays them out as questions and answers.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Labels only a job advert has ("Vi tilbyr:", "Søknadsfrist:", "We offer:").
    #[serde(default)]
    pub advert_labels: Vec<String>,
    /// Labels an advert and a contract share ("Arbeidsoppgaver:", "About the role:"): part of
    /// an advert's layout beside one of `advert_labels`.
    #[serde(default)]
    pub role_labels: Vec<String>,
    /// A sentence that opens with one of these asks (a verb first or a wh-word: "Er
    /// oppsigelsestiden …", "Is a three month notice …"): what it names before its last comma
    /// is asked, not told.
    #[serde(default)]
    pub asked_first: Vec<String>,
    /// A sentence that opens with one of these supposes what it names ("Hvis oppsigelsestiden
    /// er …", "If my notice is …"): not the writer's term told.
    #[serde(default)]
    pub supposed_first: Vec<String>,
    /// … nor where its opening holds one of these ("Jeg har hørt at …", "I have heard that …"):
    /// it reports what the writer heard of terms in general.
    #[serde(default)]
    pub hearsay: Vec<String>,
    /// A paragraph or sentence that opens with one of these and a mark ("Ja, …", "No. …")
    /// answers the question before it.
    #[serde(default)]
    pub yes_no: Vec<String>,
}

impl Openers {
    /// The openers in lower case, as the engine compares them.
    fn lowercase(self) -> Openers {
        Openers {
            definition_questions: lower(self.definition_questions),
            general_questions: lower(self.general_questions),
            definition_verbs: lower(self.definition_verbs),
            definition_leads: lower(self.definition_leads),
            kinds: lower(self.kinds),
            subject_lines: lower(self.subject_lines),
            citations: lower(self.citations),
            notes: lower(self.notes),
            instructions: lower(self.instructions),
            attributions: lower(self.attributions),
            greetings: lower(self.greetings),
            answers: lower(self.answers),
            sources: Phrases::new(lower(self.sources.all)),
            back_references: Phrases::new(lower(self.back_references.all)),
            guide_headings: Phrases::new(lower(self.guide_headings.all)),
            pointers: lower(self.pointers),
            pointer_stops: lower(self.pointer_stops),
            relatives: lower(self.relatives),
            measures: lower(self.measures),
            askers: Phrases::new(lower(self.askers.all)),
            modals: Phrases::new(lower(self.modals.all)),
            own_terms: lower(self.own_terms),
            questions: lower(self.questions),
            advert_labels: lower(self.advert_labels),
            role_labels: lower(self.role_labels),
            asked_first: lower(self.asked_first),
            supposed_first: lower(self.supposed_first),
            hearsay: lower(self.hearsay),
            yes_no: lower(self.yes_no),
        }
    }
}

/// The names a template's blank in brackets gives the value left out (grammar.toml
/// `[placeholders]`), lower case: "Prøvetiden er [antall] måneder", "Oppstart: [startdato]".
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placeholders {
    /// Names of a length or a sum: "[antall]", "[amount]", "[beløp]".
    #[serde(default)]
    pub value_names: Vec<String>,
    /// Endings of the names of a length: "[provetid]", "[oppsigelsesfrist]", "[noticePeriod]".
    #[serde(default)]
    pub value_ends: Vec<String>,
    /// Words for the start that name a date left blank: "[tiltredelse]", "[startDate]".
    #[serde(default)]
    pub start_words: Vec<String>,
    /// The words of a date's written format: a line with only these in round brackets beside
    /// it is a date left blank ("____ (dd.mm.åååå)").
    #[serde(default)]
    pub date_format: Vec<String>,
}

impl Placeholders {
    /// The names in lower case, as the engine compares them.
    fn lowercase(self) -> Placeholders {
        Placeholders {
            value_names: lower(self.value_names),
            value_ends: lower(self.value_ends),
            start_words: lower(self.start_words),
            date_format: lower(self.date_format),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NegationSection {
    forward: Vec<String>,
    backward: Vec<String>,
    #[serde(default)]
    partitive: Vec<String>,
    transparent: Vec<String>,
    #[serde(default)]
    relays: Vec<String>,
    exceptions: Vec<String>,
    conditions: Vec<String>,
    #[serde(default)]
    provisos: Vec<String>,
    #[serde(default)]
    contrasts: Vec<String>,
    #[serde(default)]
    silent: Vec<String>,
    #[serde(default)]
    silent_after: Vec<String>,
    #[serde(default)]
    adverbial: Vec<String>,
    #[serde(default)]
    denials: Vec<String>,
    #[serde(default)]
    double: Vec<String>,
    #[serde(default)]
    case_words: Vec<String>,
    #[serde(default)]
    consequences: Vec<String>,
    #[serde(default)]
    failed_conditions: Vec<String>,
    #[serde(default)]
    unstarted: Vec<String>,
    #[serde(default)]
    verb_first: Vec<String>,
    max_scope: u32,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    waivers: Vec<String>,
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    dated: Vec<String>,
    #[serde(default)]
    provisions: Vec<String>,
    #[serde(default)]
    elsewhere: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeepsFile {
    anchor: Vec<String>,
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    category: String,
    #[serde(default)]
    values: Vec<ValueKind>,
    #[serde(default)]
    heading: Vec<String>,
    heading_value: Option<ValueKind>,
    #[serde(default)]
    heading_without: Vec<String>,
    #[serde(default)]
    suppresses: Vec<String>,
    keeps: Option<KeepsFile>,
    #[serde(default = "yes")]
    negatable: bool,
    values_from_category: Option<String>,
    #[serde(default)]
    scale: bool,
    #[serde(default)]
    without: Vec<String>,
    #[serde(default)]
    without_in_paragraph: Vec<String>,
    #[serde(default)]
    skips_employer_rows: bool,
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
    anchor: String,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
    #[serde(default)]
    without_in_clause: Vec<String>,
    #[serde(default)]
    section: Vec<String>,
    #[serde(default)]
    previous: Vec<String>,
    #[serde(default)]
    in_paragraph: Vec<String>,
    #[serde(default)]
    near: u32,
    #[serde(default)]
    after: bool,
    #[serde(default)]
    label: bool,
    #[serde(default)]
    inside: bool,
    #[serde(default)]
    values_from: Vec<String>,
    require: Option<ValueKind>,
    #[serde(default)]
    priority: i32,
    #[serde(default = "yes")]
    negatable: bool,
    #[serde(default)]
    denied: bool,
    #[serde(default)]
    note: String,
}

/// The examples of a category file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Texts that must give a finding of the category.
    #[serde(default, rename = "match")]
    pub matches: Vec<MatchExample>,
    /// Texts that must not.
    #[serde(default)]
    pub no_match: Vec<String>,
}

/// A text that must match, with what it must yield.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchExample {
    /// The text; one paragraph per line.
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

/// One alternative set: any of these concepts (or a value of one of these kinds).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnyOf {
    /// Concepts.
    pub concepts: Vec<ConceptId>,
    /// Value kinds.
    pub values: Vec<ValueKind>,
}

/// One compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// Unique id, `<category>.<name>`.
    pub id: String,
    /// Index into [`Patterns::categories`].
    pub category: usize,
    /// The concepts that anchor a finding: the quote is marked there, values are read
    /// nearest to it, and negation is decided on it.
    pub anchor: Vec<ConceptId>,
    /// Each must be present in the sentence (or the list lead-in above it).
    pub with: Vec<AnyOf>,
    /// None of these may be present in the sentence.
    pub without: Vec<ConceptId>,
    /// None of these may be in the anchor's clause.
    pub without_in_clause: Vec<ConceptId>,
    /// Each must be present in the section heading, the list lead-in or the sentence.
    pub section: Vec<AnyOf>,
    /// Each must be present in the sentence before, in the same paragraph: "Prøvetiden er
    /// seks måneder med 14 dagers oppsigelse. Etter prøvetiden gjelder tre måneder."
    pub previous: Vec<AnyOf>,
    /// Each must be present somewhere in the paragraph: a month is the agreed start where the
    /// paragraph offers the job to the reader ("Vi tilbyr deg jobben … start i mai").
    pub in_paragraph: Vec<AnyOf>,
    /// Words the `with` items may stand from the anchor (0: anywhere in the sentence).
    pub near: u32,
    /// The `with` concepts must stand after the anchor, `near` counted from its last word: a
    /// long anchor ("før du etter planen skal byrje") is then as near its month as a short one.
    pub after: bool,
    /// The anchor must be a field label ("Prøvetid:", "Fra |").
    pub label: bool,
    /// The values must stand inside the anchor's words ("etter 6 måneders prøvetid").
    pub inside: bool,
    /// Concepts whose values this rule takes before the anchor's own ("deretter 3 måneder").
    pub values_from: Vec<ConceptId>,
    /// A value kind without which there is no finding (unless negated).
    pub require: Option<ValueKind>,
    /// Higher wins.
    pub priority: i32,
    /// Whether a negation of the anchor negates the finding (a prohibition is not negated).
    pub negatable: bool,
    /// The anchor must be denied, and the denial is the clause itself: a fixed term that
    /// "kan ikke sies opp i avtaleperioden" binds its employee to the end of the term.
    pub denied: bool,
    /// What the rule is for, in the author's words.
    pub note: String,
    /// Its lists as its file writes them, a group by its name: what `kontrakt mønstre` shows.
    pub written: Written,
}

/// A rule's lists as its file writes them, moved from the file as they are: a name (a concept,
/// a group, a value kind) is read out of them only for the listing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// The anchor.
    pub anchor: String,
    /// The `with` items.
    pub with: Vec<String>,
    /// The `section` items.
    pub section: Vec<String>,
    /// The `previous` items.
    pub previous: Vec<String>,
    /// The `without` list.
    pub without: Vec<String>,
    /// The `without_in_clause` list.
    pub without_in_clause: Vec<String>,
}

impl Written {
    /// The names of a list as written: "A | B" is two.
    pub fn names(list: &[String]) -> Vec<&str> {
        list.iter().flat_map(|n| n.split('|')).map(str::trim).collect()
    }

    /// An item's names, its value kinds last, as [`Patterns::item_text`] lists them.
    pub fn item(item: &str) -> Vec<&str> {
        let (values, concepts): (Vec<&str>, Vec<&str>) =
            item.split('|').map(str::trim).partition(|n| ValueKind::named(n).is_some());
        concepts.into_iter().chain(values).collect()
    }
}

/// A named list of concepts (grammar.toml `[groups]`), as written and as resolved.
#[derive(Debug, Clone)]
pub struct Group {
    /// Its name.
    pub name: String,
    /// Its members as written: concepts and other groups.
    pub written: Vec<String>,
    /// Its concepts, every group it names expanded, each concept once, in the order written.
    pub concepts: Vec<ConceptId>,
}

/// Resolves grammar.toml `[groups]` against the lexicon: a group names concepts and other
/// groups; a name that is a concept too, a cycle, an empty group, a value kind or an unknown
/// name in one is an error.
fn resolve_groups(written: &BTreeMap<String, Vec<String>>, lexicon: &Lexicon) -> Result<Vec<Group>, String> {
    fn expand(
        name: &str,
        written: &BTreeMap<String, Vec<String>>,
        lexicon: &Lexicon,
        path: &mut Vec<String>,
        out: &mut Vec<ConceptId>,
    ) -> Result<(), String> {
        if let Some(at) = path.iter().position(|p| p == name) {
            let cycle: Vec<&str> = path[at..].iter().map(String::as_str).chain([name]).collect();
            return Err(format!("group {:?} names itself: {}", path[0], cycle.join(" → ")));
        }
        path.push(name.to_string());
        for member in Written::names(&written[name]) {
            if written.contains_key(member) {
                expand(member, written, lexicon, path, out)?;
            } else if ValueKind::named(member).is_some() {
                return Err(format!("group {:?}: {member} is a kind of value, not a concept", path[0]));
            } else {
                let c = lexicon.id(member).ok_or_else(|| {
                    format!("group {:?}: unknown concept {member:?} (not in any lexicon file, nor a group)", path[0])
                })?;
                push_new(out, std::iter::once(&c));
            }
        }
        path.pop();
        Ok(())
    }
    let mut groups = Vec::new();
    for (name, members) in written {
        if lexicon.id(name).is_some() {
            return Err(format!("group {name:?}: a concept of the lexicon has that name; name the group otherwise"));
        }
        if ValueKind::named(name).is_some() {
            return Err(format!("group {name:?}: that name stands for a kind of value; name the group otherwise"));
        }
        if Written::names(members).iter().all(|n| n.is_empty()) {
            return Err(format!("group {name:?} is empty"));
        }
        let mut concepts = Vec::new();
        expand(name, written, lexicon, &mut Vec::new(), &mut concepts)?;
        let members = Written::names(members).into_iter().map(str::to_string).collect();
        groups.push(Group { name: name.clone(), written: members, concepts });
    }
    Ok(groups)
}

/// What keeps a suppressed finding (see [`CategoryRules::keeps`]).
#[derive(Debug, Clone)]
pub struct Keeps {
    /// The suppressed finding's anchor is one of these.
    pub anchor: Vec<ConceptId>,
    /// One of these follows it.
    pub before: Vec<ConceptId>,
    /// Or it takes its value from one of these, said after the suppressing clause's case.
    pub after: Vec<ConceptId>,
}

/// One compiled category file.
#[derive(Debug)]
pub struct CategoryRules {
    /// The category.
    pub category: Category,
    /// The file it came from.
    pub file: String,
    /// Value kinds read for it.
    pub values: Vec<ValueKind>,
    /// Concepts that make a heading carry the category.
    pub heading: Vec<ConceptId>,
    /// Value kind a line under such a heading must hold.
    pub heading_value: Option<ValueKind>,
    /// Concepts that keep a longer line under such a heading from stating the category's value:
    /// "Oppsigelse" / "I prøvetiden gjelder en frist på 14 dager" is the probation's notice.
    pub heading_without: Vec<ConceptId>,
    /// Categories dropped from a sentence where this one is found.
    pub suppresses: Vec<Category>,
    /// A suppressed finding anchored on one of `keeps.anchor` and standing before one of
    /// `keeps.before`, which stands at most three words before one of `heading`, stays:
    /// "Oppsigelsesfristen er 3 måneder og gjelder også før tiltredelse" states the ordinary
    /// notice period as well.
    pub keeps: Option<Keeps>,
    /// Whether a clause of this category can be negated (a start date cannot).
    pub negatable: bool,
    /// A category whose duration this one takes when its own clause states none.
    pub values_from_category: Option<Category>,
    /// A clause of the category that gives shares of a sum over time is a scale, and its
    /// duration is the scale's longest step.
    pub scale: bool,
    /// Concepts that veto every rule of the category in a sentence.
    pub without: Vec<ConceptId>,
    /// Concepts that veto every rule of the category in the whole paragraph.
    pub without_in_paragraph: Vec<ConceptId>,
    /// Where a form has a row for each party, the one labelled for the employer ("Notice –
    /// given by Employer | 6 months") states the employer's side, which does not bind the
    /// employee: no finding of its own.
    pub skips_employer_rows: bool,
    /// Sentence flags and the concepts that set them.
    pub flags: Vec<(Flag, Vec<ConceptId>)>,
    /// The file's examples.
    pub examples: Examples,
}

/// Compiled negation cues (ConText style: triggers with a scope).
#[derive(Debug)]
pub struct Negation {
    /// Negate the first concept after them.
    pub forward: Concepts,
    /// Negate the concept right before them ("Prøvetid: Nei").
    pub backward: Concepts,
    /// Negate what is said of the part they name: every concept after them in their scope
    /// that anchors a rule ("None of the course costs … are to be paid back").
    pub partitive: Concepts,
    /// Passed over on the way to the negated concept ("ikke plikt til å tilbakebetale").
    pub transparent: Concepts,
    /// Transparent concepts that pass the denial on to what they name, the scope counting on
    /// from their end, once ("kan ikke gjøres BETINGET AV at du tar en legeundersøkelse").
    pub relays: Concepts,
    /// Right after the trigger or the negated concept, turn the negation into an exception
    /// ("no repayment unless …").
    pub exceptions: Concepts,
    /// Right after the trigger, turn the negation into a condition ("gjelder ikke ved …").
    pub conditions: Concepts,
    /// Further on in the sentence, with a length or a sum in their case, limit the denial to
    /// the case they name, and the clause binds otherwise ("ingen erstatning, så sant du gir
    /// beskjed minst én måned før").
    pub provisos: Concepts,
    /// In a later sentence of the paragraph, say that a live clause of a kind denied before
    /// it is a narrower one that binds all the same ("Det er ikke avtalt konkurranseklausul.
    /// Du skal likevel ikke kontakte kunder …"): both are reported.
    pub contrasts: Concepts,
    /// Say that the contract is silent on what follows them in their clause ("Kontrakten sier
    /// ingenting om bindingstid", "my contract doesn't mention a probation"): the terms named
    /// there are neither stated nor denied, and give no finding.
    pub silent: Concepts,
    /// The same said after the terms, in the passive ("Notice period is neither mentioned nor
    /// referred to in the contract", "Oppsigelsestid er ikke nevnt i kontrakten").
    pub silent_after: Concepts,
    /// Prepositions (lower case) that, right after a forward trigger, open an adverbial whose
    /// concept is passed over: "skal ikke i karensperioden ta ansettelse hos en konkurrent".
    pub adverbial: Vec<String>,
    /// Concepts that deny a clause by themselves ("fullt stillingsvern fra første dag" says
    /// there is no probation); a trigger before one turns it round ("ikke fritt til å …").
    pub denials: Concepts,
    /// After another forward trigger in their clause, deny that denial instead of negating
    /// ("kan ikke slutte … uten å betale tilbake": the repayment binds).
    pub double: Concepts,
    /// Words (lower case) that open the case of a breach between a denial and a `double`
    /// trigger, as a condition does: the denial stands ("skal ikke betale erstatning om du …").
    pub case_words: Vec<String>,
    /// After an exception right after a denial, point back to the case it names ("…, unless
    /// you move to another post, in which case …"): the exception tells what would follow if
    /// that came about, and where it names no part of the clause denied, the denial stands.
    pub consequences: Concepts,
    /// Inside a condition ("hvis du ikke leverer politiattest, …", "Er ikke dette på plass
    /// bortfaller tilbudet"), not denied by a forward trigger: a failed condition is how a
    /// condition, and what follows from it, is stated.
    pub failed_conditions: Concepts,
    /// The case of the work never starting ("gjelder ikke dersom arbeidsforholdet ikke tiltres"):
    /// a condition that is only this case keeps the denial before it, as it says what binds before
    /// the start.
    pub unstarted: Concepts,
    /// Finite verbs (lower case) that, first in a sentence that asks nothing, open a condition:
    /// "Foreligger ikke politiattest …", "Er ikke dette på plass …".
    pub verb_first: Vec<String>,
    /// How many words a forward trigger reaches.
    pub max_scope: u32,
    /// Small words (lower case) that, besides the list words, may stand between a denied
    /// concept and the next one the denial runs on to: "not liable for damages".
    pub links: Vec<String>,
    /// Backward triggers that give up a claim ("kravet vil ikke bli gjort gjeldende"): in a
    /// sentence with no finding of its own, they deny the clause the sentence before names.
    pub waivers: Concepts,
    /// Name the document a clause stands in ("i arbeidsavtalen", "of your offer letter"): a
    /// backward trigger passes over them, after a place word, to the clause they locate.
    pub documents: Concepts,
    /// The words, lower case, that put a document's date after its name ("arbeidsavtalen av 1.
    /// september 2024", "the contract dated 1 May 2024"): the date is part of the name.
    pub dated: Vec<String>,
    /// Name a clause by what it is about ("bestemmelsen om", "the provision on"): a backward
    /// trigger after such a name denies every clause word of it.
    pub provisions: Concepts,
    /// Name another document than the text's own ("i tariffavtalen", "of the collective
    /// agreement"): a section of that number struck out there is not the text's own section.
    pub elsewhere: Concepts,
}

/// A list of concepts that answers `contains` from a bit set: several lists are asked about
/// every concept of every sentence, and a search of each list cost more than its answer.
#[derive(Debug, Default)]
pub struct Concepts {
    list: Vec<ConceptId>,
    bits: Vec<u64>,
}

impl Concepts {
    /// Whether `c` is in the list.
    pub fn contains(&self, c: &ConceptId) -> bool {
        self.bits.get(usize::from(*c) / 64).is_some_and(|word| word >> (c % 64) & 1 == 1)
    }
}

impl From<Vec<ConceptId>> for Concepts {
    fn from(list: Vec<ConceptId>) -> Concepts {
        let mut bits = vec![0u64; list.iter().max().map_or(0, |&c| usize::from(c) / 64 + 1)];
        for &c in &list {
            bits[usize::from(c) / 64] |= 1 << (c % 64);
        }
        Concepts { list, bits }
    }
}

impl std::ops::Deref for Concepts {
    type Target = [ConceptId];
    fn deref(&self) -> &[ConceptId] {
        &self.list
    }
}

/// The whole compiled grammar.
#[derive(Debug)]
pub struct Patterns {
    /// The concepts.
    pub lexicon: Lexicon,
    /// The named lists of concepts the rules may name (grammar.toml `[groups]`), by name.
    pub groups: Vec<Group>,
    /// Categories in load order.
    pub categories: Vec<CategoryRules>,
    /// Rules in load order.
    pub rules: Vec<Rule>,
    /// Negation cues.
    pub negation: Negation,
    /// Concepts that mark commentary rather than a clause.
    pub commentary: Concepts,
    /// Concepts that make a whole paragraph commentary when they stand in its leading label
    /// ("Stillingsannonse: …", "Samandrag av dom: …").
    pub commentary_leads: Concepts,
    /// Concepts that make a whole paragraph a quotation when its leading label opens with one:
    /// the text of a law ("Arbeidsmiljøloven § 15-3 (1): …").
    pub quoted_leads: Concepts,
    /// Concepts that make the text under a title commentary when they stand in the title
    /// ("Leasingavtale for elbil", "Legal guide: …"), up to the first heading below it.
    pub title_leads: Concepts,
    /// Concepts that make their whole paragraph commentary: a report of what others found or
    /// did ("Lagmannsretten kom til at …", "The tribunal held that …"), advice to the reader.
    pub paragraph_commentary: Concepts,
    /// Commentary concepts that tell a personal account in the past (ConText's "historical":
    /// "I was told", "fikk beskjed om"): commentary only where the sentence tells no term that
    /// binds the writer now (`current`).
    pub historical: Concepts,
    /// Phrases, lower case, in which the writer's term binds now or later ("I will have to",
    /// "jeg må"): a past account with one of them retells the writer's current terms.
    pub current: Phrases,
    /// Concepts that make the lines under a short unpunctuated line commentary, up to the next
    /// heading, when they stand in it: a guide to filling the form in ("Veiledning til
    /// utfylling"), a part the document keeps out of its terms ("(ikke en del av avtalen)").
    pub aside_headings: Concepts,
    /// Words that open a question, a sentence or an e-mail's subject line.
    pub openers: Openers,
    /// The evidence of a text's kind as a whole.
    pub genre: Genre,
    /// Where the agreed start date stands for the start ("før 8. mars 2027").
    pub start_stand_in: Option<StartStandIn>,
    /// Labels of a date that does not date the text ("Født: 12.03.1990"), lower case.
    pub not_dating: Vec<String>,
    /// The roles a bracket after a length names for it ("3 måneder (fast)").
    pub roles: Option<Roles>,
    /// The words of paying next to which a sum without a currency is kroner ("betale tilbake
    /// 18 000", "50 000 i signeringsbonus").
    pub bare_sums: BareSums,
    /// The names of a template's blanks for a value or a date ("[antall]", "[startdato]").
    pub placeholders: Placeholders,
    /// The words the sentence splitter knows: abbreviations, sentence openers, form answers.
    pub sentences: Sentences,
    /// Shortened words the lexicon reads as their full forms ("tiltr.", "f.o.m.", "opps.frist").
    pub shortened: Shortened,
    /// The parties a field label may name ("Notice by the Employee: 1 month").
    pub label_parties: LabelParties,
    /// Per concept, the kinds of value it holds when they stand next to it (anchors
    /// included: a start date's anchor holds dates, not durations).
    pub holders: Vec<Vec<ValueKind>>,
    /// Per concept that holds values only as a rule's `values_from` (no anchor, no grammar
    /// holder, no reference), the anchors of those rules: it holds a value only in a sentence
    /// that names one of them. "You must" holds the employee's notice beside a notice ("the
    /// employee must give one month's notice"), not the stay in "under the bond you must work
    /// with them for two years".
    pub holder_scope: Vec<Vec<ConceptId>>,
    /// Holders that hold only a value after them: a relative clause's opening ("which is",
    /// "som er på") states the length of what stands before it, not of the value before it.
    pub holds_forward: Concepts,
    /// The grammar's holders: concepts that keep the values next to them from every clause
    /// ("Ferie: 25 dager"), where an anchor only hands its values to its own rules.
    pub keepers: Concepts,
    /// Holders that keep their values from the clauses of neighbouring sentences too: the
    /// writer's own time in the job.
    pub tenure: Concepts,
    /// The pay: a sum stated right after it is no clause's in the sentence next door.
    pub pay: Concepts,
    /// Holders that, right after a length, say only when it runs from ("to år deretter"): the
    /// length is theirs for the category whose rules read them, else the clause's own.
    pub counted_from: Concepts,
    /// Holders that, after a length and one of `since_words`, say only when it runs from ("ett
    /// år regnet fra avtalens dato"): the length is the clause's own.
    pub counted_since: Concepts,
    /// The words that open such a start ("from", "fra", "regnet"), lower case.
    pub since_words: Vec<String>,
    /// The English words that open a noun phrase, before a length in the singular that modifies
    /// its noun ("a 2 year bond"), lower case.
    pub determiners: Vec<String>,
    /// Concepts that refer to an amount stated elsewhere ("kursavgiften").
    pub references: Concepts,
    /// Phrasal concepts: they take their first word from an earlier form that ends on it
    /// ("agree to stay out of the trade" is OUT_OF_TRADE, not "agree to stay").
    pub phrasal: Concepts,
    /// Concepts that give their last word up to a later form that reaches further ("you
    /// continue" to "continue to work for").
    pub yielding: Concepts,
    /// Concepts a first-person pronoun does not stand in for the second person in ("før jeg
    /// begynner" is the writer's own start; "hvis jeg slutter innen to år" retells a clause).
    pub not_retold: Concepts,
    /// Concepts kept where they stand in the words a longer form's `..` skipped: the forward
    /// negations ("krev ikkje kostnaden attende") and grammar.toml `in_gaps` ("trekke en halv
    /// månedslønn i sluttoppgjøret" still states a salary sum).
    pub in_gaps: Concepts,
    /// Words that refer to the nearest amount stated with any reference ("kostnadene").
    pub amount_refs: Concepts,
    /// Words that give a term the probation's notice ("samme frist som i prøvetiden").
    pub as_in_probation: Concepts,
    /// Words for the time during the probation ("i prøvetida"), where its notice is stated.
    pub in_probation: Concepts,
    /// Words that make the value after them a limit ("ikke kortere enn 1 måned"): a clause
    /// that holds another value of the kind takes that one.
    pub bounds: Concepts,
    /// Words that put a new value in place of an old one ("replaced by 15 March", "moved
    /// from 1 May to 1 June"): the value right after them goes first.
    pub amendments: Concepts,
    /// Words that name the old value of an amended term ("endres fra 1. mars 2027 til …"): the
    /// value right after them is not the clause's value, and an earlier clause that states it
    /// gives way.
    pub superseded: Concepts,
    /// Words that change a term ("endres", "is reduced"): in a sentence with one, a value
    /// right after one of `changed_from` ("fra", "from") is the old one where its clause holds
    /// another of its kind after it ("endres oppsigelsesfristen fra én måned til fire måneder").
    pub changes: Concepts,
    /// The words that name the old value in a sentence that changes a term, lower case.
    pub changed_from: Vec<String>,
    /// Words after an amount that make it a rate ("kr 1 000 per dag").
    pub rates: Concepts,
    /// Words before an amount that make it one of several payments ("to rater à kr 30 000").
    pub instalments: Concepts,
    /// Words before an amount that make it the cap of a rate ("begrenset til kr 10 000"):
    /// the cap is what the clause can cost.
    pub caps: Concepts,
    /// Words next to an amount that make it a sum of parts ("til saman kr 42 000", "NOK
    /// 42,000 in total"): what the references of its sentence cost together.
    pub totals: Concepts,
    /// Words that give a share of a sum ("halvparten", "in full"); a percentage is one too.
    pub shares: Concepts,
    /// Words that give listed terms their listed values in the same order ("henholdsvis",
    /// "respectively").
    pub respectively: Concepts,
    /// Words that report what the writer's contract says ("og sier at jeg", "and says that"):
    /// between two terms they open a clause of the second one's own.
    pub reporting: Concepts,
    /// Rules by anchor concept.
    pub by_anchor: Vec<Vec<usize>>,
    /// Per category, the concepts its rules anchor on or ask for: their values are the
    /// category's own.
    pub category_concepts: Vec<Vec<ConceptId>>,
    /// Per category, the concepts its rules read as part of what a clause states (anchors,
    /// and `with` items that are no negation): "unless you leave within a year" names the
    /// condition of a repayment.
    pub clause_concepts: Vec<Vec<ConceptId>>,
}

/// A pattern file's text: a user's TOML, or a built-in file as build.rs wrote it in JSON.
enum Source {
    Toml(String),
    Json(&'static str),
}

impl Source {
    fn parse<'a, T: Deserialize<'a>>(&'a self, file: &str) -> Result<T, PatternError> {
        let syntax = |message: String| PatternError::Syntax { file: file.to_string(), message };
        match self {
            Source::Toml(text) => toml::from_str(text).map_err(|e| syntax(e.to_string())),
            Source::Json(text) => serde_json::from_str(text).map_err(|e| syntax(e.to_string())),
        }
    }
}

type Files = Vec<(String, Source)>;

/// A built-in file, as JSON.
fn builtin_file(&(name, _, json, _): &Builtin) -> (String, Source) {
    (name.to_string(), Source::Json(json))
}

/// Builds the lexicon of pattern files (the built-in one is built by build.rs).
fn build_lexicon(files: Files) -> Result<Lexicon, PatternError> {
    let mut parsed_lexicons = Vec::new();
    for (file, text) in &files {
        let parsed: LexiconFile = text.parse(file)?;
        parsed_lexicons.push((file, parsed));
    }
    let mut entries: Vec<(&str, &[Form])> = Vec::new();
    for (_, l) in &parsed_lexicons {
        for (name, forms) in &l.concepts {
            entries.push((name.as_str(), forms.as_slice()));
        }
    }
    Lexicon::new(entries.iter().copied()).map_err(|e| {
        let file = parsed_lexicons.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>().join(", ");
        PatternError::Syntax { file, message: e.0 }
    })
}

/// Adds to `list` the concepts it does not hold yet, in order.
fn push_new<'a>(list: &mut Vec<ConceptId>, concepts: impl Iterator<Item = &'a ConceptId>) {
    for &c in concepts {
        if !list.contains(&c) {
            list.push(c);
        }
    }
}

impl Patterns {
    /// The built-in patterns.
    pub fn builtin() -> Result<Patterns, PatternError> {
        let mut patterns = Patterns::builtin_without_examples()?;
        for (category, &(file, _, _, examples)) in patterns.categories.iter_mut().zip(BUILTIN) {
            category.examples = Source::Json(examples).parse(file)?;
        }
        Ok(patterns)
    }

    /// The built-in patterns without the categories' examples, which checking a contract has
    /// no use for: they are most of the category files, and reading them most of the loading.
    pub fn builtin_without_examples() -> Result<Patterns, PatternError> {
        let lexicon = builtin_lexicon::lexicon();
        Patterns::compile(lexicon, builtin_file(&BUILTIN_GRAMMAR), BUILTIN.iter().map(builtin_file).collect())
    }

    /// The built-in pattern set's version: a fingerprint (64-bit FNV-1a over 8-byte words) of its files, so
    /// that any change to a lexicon, the grammar or a rule gives another one.
    pub fn builtin_version() -> String {
        format!("{BUILTIN_FINGERPRINT:016x}")
    }

    /// Patterns from a folder: every `*.toml` category file in it; `grammar.toml` and a
    /// `lexicon/` folder there replace the built-in ones.
    pub fn from_dir(dir: &Path) -> Result<Patterns, PatternError> {
        let read_dir = |d: &Path| -> Result<Files, PatternError> {
            let io = |e| PatternError::Io { file: d.display().to_string(), source: e };
            let mut paths: Vec<_> = std::fs::read_dir(d)
                .map_err(io)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            paths.sort();
            paths
                .into_iter()
                .map(|p| {
                    std::fs::read_to_string(&p)
                        .map(|t| (p.display().to_string(), Source::Toml(t)))
                        .map_err(|e| PatternError::Io { file: p.display().to_string(), source: e })
                })
                .collect()
        };
        let mut grammar = builtin_file(&BUILTIN_GRAMMAR);
        let mut files = Vec::new();
        for (name, text) in read_dir(dir)? {
            let file_name = Path::new(&name).file_name();
            if file_name.is_some_and(|n| n == GRAMMAR_FILE) {
                grammar = (name, text);
            } else if file_name.is_some_and(|n| n == MINIMUM_TERMS_FILE) {
                // The § 14-6 terms beside the categories (a copy of patterns/) are no category.
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
        let lexicon_dir = dir.join("lexicon");
        let lexicon =
            if lexicon_dir.is_dir() { build_lexicon(read_dir(&lexicon_dir)?)? } else { builtin_lexicon::lexicon() };
        Patterns::compile(lexicon, grammar, files)
    }

    fn compile(lexicon: Lexicon, grammar: (String, Source), files: Files) -> Result<Patterns, PatternError> {
        let syntax = |file: &str, message: String| PatternError::Syntax { file: file.to_string(), message };
        let (gfile, gtext) = &grammar;
        let g: GrammarFile = gtext.parse(gfile)?;
        let gerr = |m: String| syntax(gfile, m);
        // A group is expanded here, where the rules are read: the engine sees only concepts.
        let groups = resolve_groups(&g.groups, &lexicon).map_err(|m| gerr(format!("[groups] {m}")))?;
        let group = |name: &str| groups.iter().find(|gr| gr.name == name);
        let concept = |name: &str| -> Result<ConceptId, String> {
            let name = name.trim();
            lexicon.id(name).ok_or_else(|| match group(name) {
                Some(_) => format!("{name:?} is a group; one concept is needed here"),
                None => format!("unknown concept {name:?} (not in any lexicon file, nor a group in [groups])"),
            })
        };
        // A name in a list: its concept, or a group's concepts; each concept once.
        let add = |name: &str, out: &mut Vec<ConceptId>| -> Result<(), String> {
            match concept(name) {
                Ok(c) => push_new(out, std::iter::once(&c)),
                Err(e) => push_new(out, group(name.trim()).ok_or(e)?.concepts.iter()),
            }
            Ok(())
        };
        let concepts = |names: &[String]| -> Result<Vec<ConceptId>, String> {
            let mut out = Vec::new();
            for name in names.iter().flat_map(|n| n.split('|')) {
                add(name, &mut out)?;
            }
            Ok(out)
        };
        let set = |names: &[String]| concepts(names).map(Concepts::from);
        let any_of = |item: &str| -> Result<AnyOf, String> {
            let mut out = AnyOf::default();
            for name in item.split('|').map(str::trim) {
                match ValueKind::named(name) {
                    Some(k) => out.values.push(k),
                    None => add(name, &mut out.concepts)?,
                }
            }
            Ok(out)
        };

        let negation = Negation {
            forward: set(&g.negation.forward).map_err(gerr)?,
            backward: set(&g.negation.backward).map_err(gerr)?,
            partitive: set(&g.negation.partitive).map_err(gerr)?,
            transparent: set(&g.negation.transparent).map_err(gerr)?,
            relays: set(&g.negation.relays).map_err(gerr)?,
            exceptions: set(&g.negation.exceptions).map_err(gerr)?,
            conditions: set(&g.negation.conditions).map_err(gerr)?,
            provisos: set(&g.negation.provisos).map_err(gerr)?,
            contrasts: set(&g.negation.contrasts).map_err(gerr)?,
            silent: set(&g.negation.silent).map_err(gerr)?,
            silent_after: set(&g.negation.silent_after).map_err(gerr)?,
            adverbial: lower(g.negation.adverbial),
            denials: set(&g.negation.denials).map_err(gerr)?,
            double: set(&g.negation.double).map_err(gerr)?,
            case_words: lower(g.negation.case_words),
            consequences: set(&g.negation.consequences).map_err(gerr)?,
            failed_conditions: set(&g.negation.failed_conditions).map_err(gerr)?,
            unstarted: set(&g.negation.unstarted).map_err(gerr)?,
            verb_first: lower(g.negation.verb_first),
            max_scope: g.negation.max_scope,
            links: lower(g.negation.links),
            waivers: set(&g.negation.waivers).map_err(gerr)?,
            documents: set(&g.negation.documents).map_err(gerr)?,
            dated: lower(g.negation.dated),
            provisions: set(&g.negation.provisions).map_err(gerr)?,
            elsewhere: set(&g.negation.elsewhere).map_err(gerr)?,
        };
        let commentary = set(&g.commentary).map_err(gerr)?;
        let commentary_leads = set(&g.commentary_leads).map_err(gerr)?;
        let quoted_leads = set(&g.quoted_leads).map_err(gerr)?;
        let title_leads = set(&g.title_leads).map_err(gerr)?;
        let paragraph_commentary = set(&g.paragraph_commentary).map_err(gerr)?;
        let historical = set(&g.historical).map_err(gerr)?;
        let current = phrases(&g.current);
        let aside_headings = set(&g.aside_headings).map_err(gerr)?;
        let genre = Genre {
            commentary: set(&g.genre.commentary).map_err(gerr)?,
            contract: set(&g.genre.contract).map_err(gerr)?,
            quoting: set(&g.genre.quoting).map_err(gerr)?,
            policy: set(&g.genre.policy).map_err(gerr)?,
            addressed: set(&g.genre.addressed).map_err(gerr)?,
            addressee: lower(g.genre.addressee),
            retold: lower(g.genre.retold),
            owner: lower(g.genre.owner),
            words: phrases(&g.genre.words),
            writer: phrases(&g.genre.writer),
            conditions: lower(g.genre.conditions),
            limits: lower(g.genre.limits),
            kinds_one: lower(g.genre.kinds_one),
            kinds_many: lower(g.genre.kinds_many),
            classes: lower(g.genre.classes),
            kind_denials: lower(g.genre.kind_denials),
            kind_stops: lower(g.genre.kind_stops),
            gloss_heads: lower(g.genre.gloss_heads),
            in_force: lower(g.genre.in_force),
            asked: lower(g.genre.asked),
            other: set(&g.genre.other).map_err(gerr)?,
            employment: set(&g.genre.employment).map_err(gerr)?,
            titles: set(&g.genre.titles).map_err(gerr)?,
            parties: phrases(&g.genre.parties),
            hired: set(&g.genre.hired).map_err(gerr)?,
            staff: phrases(&g.genre.staff),
            amending: set(&g.genre.amending).map_err(gerr)?,
            continuing: set(&g.genre.continuing).map_err(gerr)?,
            effective: set(&g.genre.effective).map_err(gerr)?,
            usual: set(&g.genre.usual).map_err(gerr)?,
            usual_heads: lower(g.genre.usual_heads),
            usual_others: lower(g.genre.usual_others),
            laws: set(&g.genre.laws).map_err(gerr)?,
            law_heads: lower(g.genre.law_heads),
            unless_agreed: phrases(&g.genre.unless_agreed),
            hedges: lower(g.genre.hedges),
            supposing: lower(g.genre.supposing),
            supposing_if: lower(g.genre.supposing_if),
            supposing_reader: lower(g.genre.supposing_reader),
            supposed: lower(g.genre.supposed),
            supposed_if: lower(g.genre.supposed_if),
            supposed_in: lower(g.genre.supposed_in),
            supposed_docs: lower(g.genre.supposed_docs),
            worked: lower(g.genre.worked),
            someone: lower(g.genre.someone),
            law_texts: lower(g.genre.law_texts),
            law_verbs: lower(g.genre.law_verbs),
            own_texts: lower(g.genre.own_texts),
        };
        let start_stand_in = match &g.start_date.concept {
            Some(name) => {
                Some(StartStandIn { concept: concept(name).map_err(gerr)?, before: split_words(&g.start_date.before) })
            }
            None => None,
        };
        let references = set(&g.references).map_err(gerr)?;
        let phrasal = set(&g.phrasal).map_err(gerr)?;
        let yielding = set(&g.yielding).map_err(gerr)?;
        let holds_forward = set(&g.holds_forward).map_err(gerr)?;
        let not_retold = set(&g.not_retold).map_err(gerr)?;
        let in_gaps = Concepts::from(
            negation.forward.iter().copied().chain(concepts(&g.in_gaps).map_err(gerr)?).collect::<Vec<_>>(),
        );
        let amount_refs = set(&g.amount_refs).map_err(gerr)?;
        let as_in_probation = set(&g.as_in_probation).map_err(gerr)?;
        let in_probation = set(&g.in_probation).map_err(gerr)?;
        let roles = match (&g.roles.permanent_concept, in_probation.list.first()) {
            (Some(name), Some(&during)) => Some(Roles {
                probation: set(&g.roles.probation).map_err(gerr)?,
                during,
                permanent: split_words(&g.roles.permanent),
                after: concept(name).map_err(gerr)?,
            }),
            _ => None,
        };
        let bounds = set(&g.bounds).map_err(gerr)?;
        let amendments = set(&g.amendments).map_err(gerr)?;
        let superseded = set(&g.superseded).map_err(gerr)?;
        let changes = set(&g.changes).map_err(gerr)?;
        let rates = set(&g.rates).map_err(gerr)?;
        let instalments = set(&g.instalments).map_err(gerr)?;
        let shares = set(&g.shares).map_err(gerr)?;
        let respectively = set(&g.respectively).map_err(gerr)?;
        let reporting = set(&g.reporting).map_err(gerr)?;
        let caps = set(&g.caps).map_err(gerr)?;
        let totals = set(&g.totals).map_err(gerr)?;
        // Grammar holders keep every kind of value; a rule's anchors the kinds its category reads.
        let mut holders: Vec<Vec<ValueKind>> = vec![Vec::new(); lexicon.names.len()];
        let keepers = set(&g.holders).map_err(gerr)?;
        let tenure = set(&g.tenure).map_err(gerr)?;
        let pay = set(&g.pay).map_err(gerr)?;
        let counted_from = set(&g.counted_from).map_err(gerr)?;
        let counted_since = set(&g.counted_since).map_err(gerr)?;
        for &c in keepers.iter() {
            holders[c as usize] = ValueKind::ALL.to_vec();
        }
        // The end of a term keeps its date only: "ending 30 September 2031" is no start.
        for &c in set(&g.date_holders).map_err(gerr)?.iter() {
            holders[c as usize] = vec![ValueKind::Date];
        }
        // A reference concept holds the amount stated with it ("kursavgift, til sammen kr 45 000").
        for &c in references.iter() {
            if !holders[c as usize].contains(&ValueKind::Amount) {
                holders[c as usize].push(ValueKind::Amount);
            }
        }

        let mut categories = Vec::new();
        let mut rules = Vec::new();
        let mut ids = HashSet::new();
        for (file, text) in &files {
            let parsed: CategoryFile = text.parse(file)?;
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
                let anchor = concepts(std::slice::from_ref(&r.anchor)).map_err(|m| bad(format!("anchor: {m}")))?;
                let items = |list: &[String], key: &str| {
                    list.iter()
                        .map(|i| any_of(i))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|m| bad(format!("{key}: {m}")))
                };
                let with = items(&r.with, "with")?;
                let section = items(&r.section, "section")?;
                let previous = items(&r.previous, "previous")?;
                let in_paragraph = items(&r.in_paragraph, "in_paragraph")?;
                let values_from = concepts(&r.values_from).map_err(|m| bad(format!("values_from: {m}")))?;
                let without = concepts(&r.without).map_err(|m| bad(format!("without: {m}")))?;
                let without_in_clause =
                    concepts(&r.without_in_clause).map_err(|m| bad(format!("without_in_clause: {m}")))?;
                // An `inside` rule reads only the values within its anchor's words, so that anchor
                // holds none for itself: "the first 18 months" of a repayment clause stay its own.
                let holding = if r.inside { &[][..] } else { &anchor[..] };
                for &c in holding.iter().chain(&values_from) {
                    for &k in &parsed.values {
                        if !holders[c as usize].contains(&k) {
                            holders[c as usize].push(k);
                        }
                    }
                }
                rules.push(Rule {
                    id: r.id.clone(),
                    category: index,
                    anchor,
                    with,
                    without,
                    without_in_clause,
                    section,
                    previous,
                    in_paragraph,
                    near: r.near,
                    after: r.after,
                    label: r.label,
                    inside: r.inside,
                    values_from,
                    require: r.require,
                    priority: r.priority,
                    negatable: r.negatable && !r.denied,
                    denied: r.denied,
                    note: r.note,
                    written: Written {
                        anchor: r.anchor,
                        with: r.with,
                        section: r.section,
                        previous: r.previous,
                        without: r.without,
                        without_in_clause: r.without_in_clause,
                    },
                });
            }
            let cats = |names: &[String], key: &str| -> Result<Vec<Category>, PatternError> {
                names
                    .iter()
                    .map(|s| Category::parse(s).ok_or_else(|| syntax(file, format!("{key}: unknown category {s:?}"))))
                    .collect()
            };
            let mut flags = Vec::new();
            for (name, list) in &parsed.flags {
                let flag = Flag::parse(name).ok_or_else(|| {
                    let known: Vec<_> = Flag::ALL.iter().map(|(n, _)| *n).collect();
                    syntax(file, format!("flags.{name}: unknown flag (known: {})", known.join(", ")))
                })?;
                flags.push((flag, concepts(list).map_err(|m| syntax(file, format!("flags.{name}: {m}")))?));
            }
            categories.push(CategoryRules {
                category,
                file: file.clone(),
                values: parsed.values,
                heading: concepts(&parsed.heading).map_err(|m| syntax(file, format!("heading: {m}")))?,
                heading_value: parsed.heading_value,
                heading_without: concepts(&parsed.heading_without)
                    .map_err(|m| syntax(file, format!("heading_without: {m}")))?,
                suppresses: cats(&parsed.suppresses, "suppresses")?,
                keeps: match &parsed.keeps {
                    Some(k) => Some(Keeps {
                        anchor: concepts(&k.anchor).map_err(|m| syntax(file, format!("keeps.anchor: {m}")))?,
                        before: concepts(&k.before).map_err(|m| syntax(file, format!("keeps.before: {m}")))?,
                        after: concepts(&k.after).map_err(|m| syntax(file, format!("keeps.after: {m}")))?,
                    }),
                    None => None,
                },
                negatable: parsed.negatable,
                values_from_category: cats(parsed.values_from_category.as_slice(), "values_from_category")?
                    .first()
                    .copied(),
                scale: parsed.scale,
                without: concepts(&parsed.without).map_err(|m| syntax(file, format!("without: {m}")))?,
                without_in_paragraph: concepts(&parsed.without_in_paragraph)
                    .map_err(|m| syntax(file, format!("without_in_paragraph: {m}")))?,
                skips_employer_rows: parsed.skips_employer_rows,
                flags,
                examples: parsed.examples,
            });
        }
        let mut by_anchor = vec![Vec::new(); lexicon.names.len()];
        for (i, r) in rules.iter().enumerate() {
            for &a in &r.anchor {
                by_anchor[a as usize].push(i);
            }
        }
        let mut holder_scope = vec![Vec::new(); lexicon.names.len()];
        for r in &rules {
            for &c in &r.values_from {
                if by_anchor[c as usize].is_empty() && !keepers.contains(&c) && !references.contains(&c) {
                    push_new(&mut holder_scope[c as usize], r.anchor.iter());
                }
            }
        }
        let mut category_concepts = vec![Vec::new(); categories.len()];
        for r in &rules {
            let mine: &mut Vec<ConceptId> = &mut category_concepts[r.category];
            // A rule that reads inside its anchor ("de første fire månedene" for assessing the
            // newcomer) makes neither its anchor's nor its context's other values the category's:
            // the notice held by "i prøvetida" is not the probation's length.
            let (anchor, with) = if r.inside { (&[][..], &[][..]) } else { (&r.anchor[..], &r.with[..]) };
            push_new(mine, anchor.iter().chain(with.iter().flat_map(|i| &i.concepts)));
        }
        // What a clause states, as opposed to how it is denied: an item that a forward
        // negation trigger also satisfies ("NEG | REFRAIN") is a way of saying "not".
        let mut clause_concepts = vec![Vec::new(); categories.len()];
        for r in &rules {
            let mine: &mut Vec<ConceptId> = &mut clause_concepts[r.category];
            let items = r.with.iter().filter(|i| !i.concepts.iter().any(|c| negation.forward.contains(c)));
            push_new(mine, r.anchor.iter().chain(items.flat_map(|i| &i.concepts)));
        }
        let shortened =
            Shortened::new(g.shortened.words, g.shortened.compounds).map_err(|m| gerr(format!("[shortened] {m}")))?;
        Ok(Patterns {
            lexicon,
            groups,
            categories,
            rules,
            negation,
            commentary,
            commentary_leads,
            quoted_leads,
            title_leads,
            paragraph_commentary,
            historical,
            current,
            aside_headings,
            openers: g.openers.lowercase(),
            genre,
            start_stand_in,
            not_dating: lower(g.start_date.not_dating),
            roles,
            bare_sums: g.bare_sums.lowercase(),
            placeholders: g.placeholders.lowercase(),
            sentences: g.sentences.lowercase(),
            shortened,
            label_parties: LabelParties {
                employee: lower(g.labels.employee),
                employer: lower(g.labels.employer),
                others: lower(g.labels.others),
                verbs: lower(g.labels.verbs),
                agents: lower(g.labels.agents),
                firms: lower(g.labels.firms),
            },
            holders,
            holder_scope,
            holds_forward,
            keepers,
            tenure,
            pay,
            counted_from,
            counted_since,
            since_words: lower(g.since_words),
            determiners: lower(g.determiners),
            references,
            phrasal,
            yielding,
            not_retold,
            in_gaps,
            amount_refs,
            as_in_probation,
            in_probation,
            bounds,
            amendments,
            superseded,
            changes,
            changed_from: lower(g.changed_from),
            rates,
            instalments,
            caps,
            totals,
            shares,
            respectively,
            reporting,
            by_anchor,
            category_concepts,
            clause_concepts,
        })
    }

    /// A concept's name.
    pub fn name(&self, c: ConceptId) -> &str {
        &self.lexicon.names[c as usize]
    }

    /// An item of a rule as the pattern files write it: "NOT_START | WITHDRAW | duration".
    pub fn item_text(&self, item: &AnyOf) -> String {
        let parts: Vec<&str> =
            item.concepts.iter().map(|&c| self.name(c)).chain(item.values.iter().map(|k| k.concept_name())).collect();
        parts.join(" | ")
    }

    /// Whether a clause of `category` can be negated.
    pub fn negatable(&self, category: Category) -> bool {
        self.categories.iter().any(|cat| cat.category == category && cat.negatable)
    }

    /// Whether a rule of `category` anchors on concept `c`.
    pub fn anchors_category(&self, c: ConceptId, category: Category) -> bool {
        self.by_anchor[c as usize].iter().any(|&r| self.categories[self.rules[r].category].category == category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables build.rs compiled in are those the loader builds from the same files.
    #[test]
    fn the_compiled_lexicon_is_the_one_built_from_its_files() {
        let built = build_lexicon(BUILTIN_LEXICON.iter().map(builtin_file).collect()).expect("the lexicon builds");
        built.assert_same(&builtin_lexicon::lexicon());
    }

    /// Patterns from the built-in lexicon and grammar with `groups` as its `[groups]`, and one
    /// probation file of `rules`.
    fn with_groups(groups: serde_json::Value, rules: &str) -> Result<Patterns, PatternError> {
        let mut grammar: serde_json::Value = serde_json::from_str(BUILTIN_GRAMMAR.2).expect("the grammar's JSON");
        grammar["groups"] = groups;
        let grammar = Source::Json(Box::leak(grammar.to_string().into_boxed_str()));
        let file = format!("category = \"probation\"\nvalues = [\"duration\"]\n{rules}");
        Patterns::compile(
            builtin_lexicon::lexicon(),
            ("grammar.toml".into(), grammar),
            vec![("probation.toml".into(), Source::Toml(file))],
        )
    }

    /// A group stands for its concepts wherever a list names a concept; one group may name
    /// another; a concept named twice counts once; the rule keeps the names as written.
    #[test]
    fn a_group_is_expanded_where_the_rules_are_read() {
        let groups = serde_json::json!({
            "PAY_TERMS": ["SALARY", "PAY_PERIOD"],
            "NOT_START_DATES": ["PAY_TERMS", "EARLIER", "HOLIDAY"],
        });
        let rules = r#"
[[rule]]
id = "probation.x"
anchor = "PROBATION | PAY_TERMS"
with = ["DURATION | ASSESS | PAY_TERMS"]
section = ["PAY_TERMS"]
without = ["NOT_START_DATES", "REPAY", "SALARY"]
without_in_clause = ["PAY_TERMS | EARLIER"]
values_from = ["PAY_TERMS"]
[flags]
repayment = ["NOT_START_DATES"]
"#;
        let p = with_groups(groups, rules).expect("the groups resolve");
        let ids = |names: &[&str]| names.iter().map(|n| p.lexicon.id(n).expect(n)).collect::<Vec<_>>();
        let r = &p.rules[0];
        assert_eq!(r.anchor, ids(&["PROBATION", "SALARY", "PAY_PERIOD"]));
        assert_eq!(
            r.with,
            vec![AnyOf { concepts: ids(&["ASSESS", "SALARY", "PAY_PERIOD"]), values: vec![ValueKind::Duration] }]
        );
        assert_eq!(r.section[0].concepts, ids(&["SALARY", "PAY_PERIOD"]));
        assert_eq!(r.without, ids(&["SALARY", "PAY_PERIOD", "EARLIER", "HOLIDAY", "REPAY"]));
        assert_eq!(r.without_in_clause, ids(&["SALARY", "PAY_PERIOD", "EARLIER"]));
        assert_eq!(r.values_from, ids(&["SALARY", "PAY_PERIOD"]));
        assert_eq!(p.categories[0].flags[0].1, ids(&["SALARY", "PAY_PERIOD", "EARLIER", "HOLIDAY"]));
        // As written, for the listing: the group by its name, the value kind last.
        assert_eq!(Written::item(&r.written.with[0]), ["ASSESS", "PAY_TERMS", "DURATION"]);
        assert_eq!(Written::names(&r.written.without), ["NOT_START_DATES", "REPAY", "SALARY"]);
        assert_eq!(Written::names(&r.written.without_in_clause), ["PAY_TERMS", "EARLIER"]);
        let text = crate::i18n::Lang::En.rule_text(r);
        assert!(text.starts_with("(PROBATION | PAY_TERMS) + (ASSESS | PAY_TERMS | DURATION)"), "{text}");
        assert!(text.contains("not with NOT_START_DATES | REPAY | SALARY"), "{text}");
        let nested = p.groups.iter().find(|g| g.name == "NOT_START_DATES").expect("the group");
        assert_eq!(nested.written, ["PAY_TERMS", "EARLIER", "HOLIDAY"]);
        assert_eq!(nested.concepts, ids(&["SALARY", "PAY_PERIOD", "EARLIER", "HOLIDAY"]));
        // The built-in grammar's groups resolve, and its rules name some of them.
        let builtin = Patterns::builtin_without_examples().expect("the built-in patterns");
        assert!(!builtin.groups.is_empty());
        assert!(builtin.groups.iter().all(|g| builtin.lexicon.id(&g.name).is_none() && !g.concepts.is_empty()));
        let named = |g: &Group| builtin.rules.iter().any(|r| Written::names(&r.written.without).contains(&&*g.name));
        assert!(builtin.groups.iter().any(named));
    }

    /// An unknown name is refused with its name, in a rule or in a group; a group where one
    /// concept is needed is refused too.
    #[test]
    fn an_unknown_concept_or_group_is_refused_by_name() {
        let groups = serde_json::json!({ "PAY_TERMS": ["SALARY", "PAY_PERIOD"] });
        let rule = "[[rule]]\nid = \"probation.x\"\nanchor = \"PROBATION\"\nwithout = [\"PAY_TERM\"]\n";
        let err = with_groups(groups.clone(), rule).unwrap_err().to_string();
        assert!(err.contains("probation.x") && err.contains("unknown concept \"PAY_TERM\""), "{err}");
        let rule = "[[rule]]\nid = \"probation.x\"\nanchor = \"PROBATION\"\nwith = [\"ASSESS | PAY_TERM\"]\n";
        let err = with_groups(groups, rule).unwrap_err().to_string();
        assert!(err.contains("with: unknown concept \"PAY_TERM\""), "{err}");
        let groups = serde_json::json!({ "PAY_TERMS": ["SALARY", "PAY_PERIODE"] });
        let err = with_groups(groups, "").unwrap_err().to_string();
        assert!(err.contains("[groups] group \"PAY_TERMS\": unknown concept \"PAY_PERIODE\""), "{err}");
        let groups = serde_json::json!({ "PAY_TERMS": ["SALARY", "DURATION"] });
        let err = with_groups(groups, "").unwrap_err().to_string();
        assert!(err.contains("DURATION is a kind of value"), "{err}");
        let groups = serde_json::json!({ "PAY_TERMS": [] });
        let err = with_groups(groups, "").unwrap_err().to_string();
        assert!(err.contains("\"PAY_TERMS\" is empty"), "{err}");
    }

    /// A group may name another group, but none may name itself, however far round.
    #[test]
    fn a_group_that_names_itself_is_refused() {
        let groups = serde_json::json!({ "A": ["SALARY", "B"], "B": ["C"], "C": ["HOLIDAY", "A"] });
        let err = with_groups(groups, "").unwrap_err().to_string();
        assert!(err.contains("group \"A\" names itself: A → B → C → A"), "{err}");
        let groups = serde_json::json!({ "A": ["SALARY | A"] });
        let err = with_groups(groups, "").unwrap_err().to_string();
        assert!(err.contains("group \"A\" names itself: A → A"), "{err}");
        // Named twice without a cycle is no cycle.
        let groups = serde_json::json!({ "A": ["B", "C"], "B": ["SALARY"], "C": ["B", "HOLIDAY"] });
        let p = with_groups(groups, "").expect("a diamond resolves");
        assert_eq!(p.groups[0].concepts.len(), 2);
    }

    /// A group may not take a concept's name (nor a value kind's): the name would mean two things.
    #[test]
    fn a_group_named_as_a_concept_is_refused() {
        let groups = serde_json::json!({ "PROBATION": ["IN_PROBATION", "FIRST_MONTHS"] });
        let err = with_groups(groups, "").unwrap_err().to_string();
        assert!(
            err.contains("grammar.toml") && err.contains("group \"PROBATION\": a concept of the lexicon has that name"),
            "{err}"
        );
        let groups = serde_json::json!({ "DATE": ["START"] });
        let err = with_groups(groups, "").unwrap_err().to_string();
        assert!(err.contains("group \"DATE\": that name stands for a kind of value"), "{err}");
        // … and a group stands only where a list of concepts does.
        let groups = serde_json::json!({ "PAY_TERMS": ["SALARY", "PAY_PERIOD"] });
        let mut grammar: serde_json::Value = serde_json::from_str(BUILTIN_GRAMMAR.2).unwrap();
        grammar["groups"] = groups;
        grammar["roles"]["permanent_concept"] = "PAY_TERMS".into();
        let grammar = Source::Json(Box::leak(grammar.to_string().into_boxed_str()));
        let file = Source::Toml("category = \"probation\"\n".into());
        let err = Patterns::compile(
            builtin_lexicon::lexicon(),
            ("grammar.toml".into(), grammar),
            vec![("p.toml".into(), file)],
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("\"PAY_TERMS\" is a group; one concept is needed here"), "{err}");
    }
}
