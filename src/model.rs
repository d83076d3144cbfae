//! The report data model: the types of the JSON report schema (version 1).

use serde::{Deserialize, Serialize};

use crate::answer::Answer;
use crate::date::Date;
use crate::error::ErrorKind;
use crate::law::Notice;
use crate::minimum_terms::TermReport;
use crate::signatures::Signature;
use crate::values::{Amount, Duration};

/// A clause category of the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Agreed start of employment.
    StartDate,
    /// Ordinary notice period.
    NoticePeriod,
    /// Termination or notice before the start date.
    NoticeBeforeStart,
    /// Probationary period.
    Probation,
    /// Damages, penalty or liquidated damages owed by the employee.
    Compensation,
    /// Binding period and repayment duties.
    BindingPeriod,
    /// Withdrawal of the offer or agreement and its conditions.
    Withdrawal,
    /// Non-compete, customer and non-solicitation clauses.
    NonCompete,
}

impl Category {
    /// All categories in schema order.
    pub const ALL: [Category; 8] = [
        Category::StartDate,
        Category::NoticePeriod,
        Category::NoticeBeforeStart,
        Category::Probation,
        Category::Compensation,
        Category::BindingPeriod,
        Category::Withdrawal,
        Category::NonCompete,
    ];

    /// The schema name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::StartDate => "start_date",
            Category::NoticePeriod => "notice_period",
            Category::NoticeBeforeStart => "notice_before_start",
            Category::Probation => "probation",
            Category::Compensation => "compensation",
            Category::BindingPeriod => "binding_period",
            Category::Withdrawal => "withdrawal",
            Category::NonCompete => "non_compete",
        }
    }

    /// Parses a schema name.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Risk level, ordered from none to high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    /// Nothing to act on.
    #[default]
    None,
    /// Worth knowing.
    Low,
    /// Binds the employee; ask the union.
    Medium,
    /// A money claim; ask a lawyer.
    High,
}

impl Risk {
    /// All levels, lowest first.
    pub const ALL: [Risk; 4] = [Risk::None, Risk::Low, Risk::Medium, Risk::High];

    /// The schema name.
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::None => "none",
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
        }
    }
}

/// Whom to ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Recommendation {
    /// No need for help.
    #[default]
    None,
    /// Ask the union (fagforening).
    Union,
    /// Ask a lawyer (jurist/advokat).
    Lawyer,
}

impl Recommendation {
    /// All recommendations in schema order.
    pub const ALL: [Recommendation; 3] = [Recommendation::None, Recommendation::Union, Recommendation::Lawyer];

    /// The schema name.
    pub fn as_str(self) -> &'static str {
        match self {
            Recommendation::None => "none",
            Recommendation::Union => "union",
            Recommendation::Lawyer => "lawyer",
        }
    }
}

/// Document language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Bokmål.
    Nb,
    /// Nynorsk.
    Nn,
    /// English.
    En,
}

/// Values read from a clause.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Values {
    /// A duration ("3 måneder").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// A money amount ("kr 50 000").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// A date ("1. mars 2027").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// Where a document's text came from (an addition to schema version 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Extraction {
    /// The file's own text: a PDF's text layer, a DOCX, a text file.
    Text,
    /// Every page was read by OCR (a scan or a photo).
    Ocr,
    /// Some pages from the text layer, the others by OCR.
    Mixed,
}

/// A page read by OCR (an addition to schema version 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcrPage {
    /// Page (1-based).
    pub page: u32,
    /// Mean confidence of the words recognised on it, 0–100; 0 for a page without words.
    pub confidence: u8,
}

impl OcrPage {
    /// Below this mean word confidence a page's values should be checked against the paper.
    pub const LOW_CONFIDENCE: u8 = 80;
}

/// Where a clause is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Page (1-based); `None` for formats without pages.
    pub page: Option<u32>,
    /// Paragraph (1-based) within the page, or within the document without pages.
    pub paragraph: u32,
}

/// One clause found in a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The category.
    pub category: Category,
    /// True where the clause says the thing does not apply.
    pub negated: bool,
    /// The assessed risk.
    pub risk: Risk,
    /// The sentence, as in the document (normalized whitespace).
    pub text: String,
    /// Where it is.
    pub location: Location,
    /// Values read from it.
    pub values: Values,
    /// The id of the rule that matched.
    pub rule: String,
    /// Why it matters, in the report language.
    pub explanation: String,
    /// Byte range of the matched words within `text` (for highlighting and shortening).
    #[serde(skip)]
    pub matched: (usize, usize),
    /// Byte range of the quoted words within their paragraph (see [`Report::document`]).
    #[serde(skip)]
    pub in_paragraph: (usize, usize),
    /// Byte range of the quoted words within `text`: all of it but the ellipses of a quote
    /// cut to [`crate::assess::MAX_QUOTE_CHARS`].
    #[serde(skip)]
    pub quoted: (usize, usize),
    /// Sentence-level flags such as "repayment".
    #[serde(skip)]
    pub flags: Vec<String>,
}

/// `status` of a report, with the error of a file that could not be analysed: an error
/// report always has its error and an analysed one never has one. Serialized as the schema's
/// two fields, `status` ("ok" or "error") and `error` (null or the error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Analysed.
    Ok,
    /// Could not be analysed.
    Error(ReportError),
}

impl Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        match self {
            Status::Ok => {
                m.serialize_entry("status", "ok")?;
                m.serialize_entry("error", &None::<ReportError>)?;
            }
            Status::Error(e) => {
                m.serialize_entry("status", "error")?;
                m.serialize_entry("error", e)?;
            }
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Status {
    /// Reads the schema's `status` and `error` fields back.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Fields {
            status: String,
            error: Option<ReportError>,
        }
        let f = Fields::deserialize(d)?;
        match (f.status.as_str(), f.error) {
            ("ok", None) => Ok(Status::Ok),
            ("error", Some(e)) => Ok(Status::Error(e)),
            (status, _) => Err(serde::de::Error::custom(format!("status {status:?} does not fit its error"))),
        }
    }
}

/// Reads `format` back as one of the names the extractors give.
fn format_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    use crate::source::Format;
    let Some(name) = Option::<String>::deserialize(d)? else { return Ok(None) };
    let known = [Format::Pdf, Format::Docx, Format::Txt, Format::Jpeg, Format::Png, Format::Tiff, Format::Heic]
        .map(Format::as_str);
    known
        .into_iter()
        .find(|k| *k == name)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown format {name:?}")))
}

/// `error` of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportError {
    /// The kind.
    pub kind: ErrorKind,
    /// A message a person understands, in the report language.
    pub message: String,
}

/// The analysis of one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The path as given.
    pub file: String,
    /// ok, or error with the error (the schema's `status` and `error`).
    #[serde(flatten)]
    pub status: Status,
    /// Detected format, where known.
    #[serde(deserialize_with = "format_name")]
    pub format: Option<&'static str>,
    /// Detected language.
    pub language: Option<Language>,
    /// Page count, `None` for formats without pages.
    pub pages: Option<usize>,
    /// Findings in document order.
    pub findings: Vec<Finding>,
    /// The highest finding risk.
    pub risk: Risk,
    /// Whom to ask.
    pub recommendation: Recommendation,
    /// Why, in the report language.
    pub recommendation_text: String,
    /// When notice given on the chosen day would end, against the start date; `None` for a
    /// file that could not be analysed (an addition to schema version 1).
    pub notice: Option<Notice>,
    /// Digital signatures and signature blocks found; `None` for a file that could not be
    /// analysed (an addition to schema version 1).
    pub signatures: Option<Vec<Signature>>,
    /// The short answer: how to get out, what it can cost, whom to call; `None` for a file
    /// that could not be analysed (an addition to schema version 1).
    pub answer: Option<Answer>,
    /// Each minimum term of arbeidsmiljøloven § 14-6 (1) by id: present, by_reference, missing
    /// or not_applicable, with its letter and location; `None` for a file that could not be
    /// analysed (an addition to schema version 1).
    pub minimum_terms: Option<TermReport>,
    /// The ids of the missing terms, for batch views; `None` for a file that could not be
    /// analysed (an addition to schema version 1).
    pub minimum_terms_missing: Option<Vec<String>>,
    /// Where the text came from; `None` for a file that could not be analysed (an addition to
    /// schema version 1).
    pub extraction: Option<Extraction>,
    /// The pages read by OCR with their mean word confidence, empty when none was; `None` for
    /// a file that could not be analysed (an addition to schema version 1).
    pub ocr_pages: Option<Vec<OcrPage>>,
    /// The document's normalized paragraphs, kept only when an output shows the whole text
    /// (`Config::keep_text`); never in JSON.
    #[serde(skip)]
    pub document: Option<Vec<DocParagraph>>,
}

impl Report {
    /// The error of a file that could not be analysed.
    pub fn error(&self) -> Option<&ReportError> {
        match &self.status {
            Status::Ok => None,
            Status::Error(e) => Some(e),
        }
    }
}

/// One paragraph of a kept document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocParagraph {
    /// Page (1-based), `None` for formats without pages.
    pub page: Option<u32>,
    /// Paragraph number, as in [`Location::paragraph`].
    pub number: u32,
    /// The normalized text.
    pub text: String,
}

/// Counts over a batch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files processed.
    pub files: usize,
    /// Files analysed.
    pub ok: usize,
    /// Files that failed.
    pub errors: usize,
    /// Analysed files by risk.
    pub by_risk: Counts<Risk>,
    /// Analysed files by recommendation.
    pub by_recommendation: Counts<Recommendation>,
    /// Failed files by error kind (an addition to schema version 1).
    pub by_error: Counts<ErrorKind>,
    /// The riskiest files, highest risk first, then by path; at most
    /// [`Summary::HIGHEST_RISK`] (an addition to schema version 1).
    pub highest_risk: Vec<RiskyFile>,
}

/// A file in the summary's list of the riskiest files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskyFile {
    /// The path.
    pub file: String,
    /// Its risk.
    pub risk: Risk,
    /// Whom to ask.
    pub recommendation: Recommendation,
}

/// An enum whose values are counted: all of them in schema order, and each one's name.
pub trait CountKey: Copy + PartialEq + 'static {
    /// Every value, in the order of the schema.
    const ALL: &'static [Self];
    /// The value's name in the JSON report.
    fn name(self) -> &'static str;
}

impl CountKey for Risk {
    const ALL: &'static [Self] = &Risk::ALL;
    fn name(self) -> &'static str {
        self.as_str()
    }
}

impl CountKey for Recommendation {
    const ALL: &'static [Self] = &Recommendation::ALL;
    fn name(self) -> &'static str {
        self.as_str()
    }
}

impl CountKey for ErrorKind {
    const ALL: &'static [Self] = &ErrorKind::ALL;
    fn name(self) -> &'static str {
        self.as_str()
    }
}

/// Counts keyed by the values of an enum, serialized as a JSON object in schema order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts<K: CountKey> {
    counts: Vec<(K, usize)>,
}

impl<K: CountKey> Counts<K> {
    /// How many were counted for `key`.
    pub fn get(&self, key: K) -> usize {
        self.counts.iter().find(|(k, _)| *k == key).map_or(0, |&(_, n)| n)
    }

    /// Counts one more for `key`.
    pub fn add(&mut self, key: K) {
        if let Some((_, n)) = self.counts.iter_mut().find(|(k, _)| *k == key) {
            *n += 1;
        }
    }
}

impl<K: CountKey> Default for Counts<K> {
    fn default() -> Self {
        Counts { counts: K::ALL.iter().map(|&k| (k, 0)).collect() }
    }
}

impl<K: CountKey> Serialize for Counts<K> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.counts.len()))?;
        for (key, n) in &self.counts {
            m.serialize_entry(key.name(), n)?;
        }
        m.end()
    }
}

impl Summary {
    /// How many files `highest_risk` lists.
    pub const HIGHEST_RISK: usize = 10;

    /// Adds one report to the counts.
    pub fn add(&mut self, report: &Report) {
        self.files += 1;
        match &report.status {
            Status::Ok => {
                self.ok += 1;
                self.by_risk.add(report.risk);
                self.by_recommendation.add(report.recommendation);
                if report.risk > Risk::None {
                    self.note_risky(report);
                }
            }
            Status::Error(e) => {
                self.errors += 1;
                self.by_error.add(e.kind);
            }
        }
    }

    fn note_risky(&mut self, report: &Report) {
        let key = |f: &RiskyFile| (std::cmp::Reverse(f.risk), f.file.clone());
        let entry = RiskyFile { file: report.file.clone(), risk: report.risk, recommendation: report.recommendation };
        let at = self.highest_risk.partition_point(|f| key(f) < key(&entry));
        if at < Self::HIGHEST_RISK {
            self.highest_risk.insert(at, entry);
            self.highest_risk.truncate(Self::HIGHEST_RISK);
        }
    }
}
