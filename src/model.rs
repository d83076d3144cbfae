//! The report data model: the types of the JSON report schema (version 1).

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::error::ErrorKind;
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
    /// Sentence-level flags of the clause.
    #[serde(skip)]
    pub flags: Vec<Flag>,
}

/// A mark a category file sets on a clause (its `[flags]` table) for the risk to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Money already received must be paid back: a binding period with repayment is high risk.
    Repayment,
}

impl Flag {
    /// Every flag, as named in the pattern files.
    pub const ALL: [(&'static str, Flag); 1] = [("repayment", Flag::Repayment)];

    /// The flag a pattern file names.
    pub fn parse(name: &str) -> Option<Flag> {
        Flag::ALL.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
    }
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

// The notice deadline (computed in `law`).

/// Where the notice period used for the deadline comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// A period found in the contract.
    Contract,
    /// The statutory default, one month.
    Statute,
}

/// Which notice period is in force on the day notice is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Before the start date (also when the contract states none).
    BeforeStart,
    /// From the start date until the agreed probation ends.
    Probation,
    /// After the start date and any probation.
    Employed,
}

/// When notice given on a day would end, compared with the start date (the report's
/// `notice` object).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// The day notice is given.
    pub given: Date,
    /// The notice period used.
    pub period: Duration,
    /// Whether it comes from the contract or the statute.
    pub basis: Basis,
    /// The last day of the notice period.
    pub ends: Date,
    /// The agreed start date, if found.
    pub start_date: Option<Date>,
    /// Whether the period ends before the start date (`None` without a start date).
    pub ends_before_start: Option<bool>,
    /// The period in force on `given` (an addition to schema version 1).
    pub phase: Phase,
    /// The last day on which notice given under the pre-start period ends it no later than
    /// the day before the start date; `None` without a start date or once that day has
    /// passed (an addition to schema version 1).
    pub deadline: Option<Date>,
}

// The short answer (decided in `answer`).

/// The short answer of a report (`answer` in JSON, an addition to schema version 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// How to get out before the start.
    pub exit: Exit,
    /// Every money claim against the employee, with the condition it hangs on.
    pub costs: Vec<Cost>,
    /// Where to get help, in the order to ask (the same list for every report).
    #[serde(skip_deserializing, default = "contacts")]
    pub contacts: &'static [Contact],
}

/// How to get out before the start date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exit {
    /// The clause that allows notice before the start, if the contract has one.
    pub clause: Option<Location>,
    /// The notice period that runs before the start.
    pub period: Duration,
    /// Whether that period comes from the contract or the statute.
    pub basis: Basis,
}

/// A money claim and when it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// `compensation` or `binding_period`.
    pub category: Category,
    /// The amount, where the clause states one.
    pub amount: Option<Amount>,
    /// Where the clause is.
    pub location: Location,
    /// When it applies.
    pub applies: Applies,
}

/// The condition a money claim hangs on, as far as it matters before the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    /// Only if the employee does not start without giving the notice the contract allows:
    /// avoidable by giving that notice.
    UnlessNotice,
    /// If the employee does not start or breaks the contract.
    NotStarting,
    /// Repayment of money already received (a signing bonus, relocation): nothing if none was paid.
    IfReceived,
    /// A binding that only bites after the start (a course taken while employed): no cost of
    /// leaving before it.
    AfterStart,
}

/// A place to get help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// Its name.
    pub name: &'static str,
    /// Its web address; `None` for the member's own union.
    pub url: Option<&'static str>,
    /// Whom it serves.
    pub serves: Serves,
}

/// Whom a place to get help serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Serves {
    /// Members; free, often after a waiting period for new members.
    Members,
    /// Everyone, general guidance on the law (not a case handler).
    Everyone,
    /// Free legal aid for people in the Oslo area.
    Oslo,
    /// Free legal aid for people in Northern Norway.
    NorthernNorway,
    /// Free legal aid for people in the Bergen area.
    Bergen,
    /// Free legal aid for women.
    Women,
    /// Anyone, for a fee.
    Paid,
}

/// The contacts of every answer.
fn contacts() -> &'static [Contact] {
    CONTACTS
}

/// Where to get help, in the order to ask: the union first, then the free options, then a
/// lawyer. Web addresses only: a phone number goes stale where a web page redirects.
pub const CONTACTS: &[Contact] = &[
    Contact { name: "Fagforeningen", url: None, serves: Serves::Members },
    Contact { name: "Arbeidstilsynet", url: Some("https://www.arbeidstilsynet.no"), serves: Serves::Everyone },
    Contact { name: "Jussbuss", url: Some("https://jussbuss.no"), serves: Serves::Oslo },
    Contact { name: "Jusshjelpa i Nord-Norge", url: Some("https://jusshjelpa.no"), serves: Serves::NorthernNorway },
    Contact { name: "Jussformidlingen", url: Some("https://jussformidlingen.no"), serves: Serves::Bergen },
    Contact { name: "JURK", url: Some("https://jurk.no"), serves: Serves::Women },
    Contact { name: "Advokatforeningen", url: Some("https://www.advokatforeningen.no"), serves: Serves::Paid },
];

// Signatures (found in `signatures`).

/// A signature found in a contract.
///
/// Schema: `"signatures": [ { "kind": "digital" | "text", "name": …, "date": ISO or null } ]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// Where the signature was found.
    pub kind: SignatureKind,
    /// The signer, when known.
    pub name: Option<String>,
    /// The signing date (local date as written), when known.
    pub date: Option<Date>,
}

/// Where a signature was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignatureKind {
    /// A signature dictionary in a PDF.
    Digital,
    /// A signature block in the text.
    Text,
}

// The § 14-6 check (made in `minimum_terms`).

/// Whether and how a contract states a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermStatus {
    /// The contract states it.
    Present,
    /// The contract states it by referring to a law, regulation or tariff agreement
    /// (§ 14-6 (2)).
    ByReference,
    /// The contract does not state it.
    Missing,
    /// The term does not concern this contract (duration of a permanent post, the hirer
    /// outside agency work, probation or a special working-time scheme where there is none).
    NotApplicable,
}

/// One term's result in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermResult {
    /// The letter of § 14-6 (1).
    pub letter: String,
    /// Whether and how it is stated.
    pub status: TermStatus,
    /// Where it is stated (present or by reference).
    pub location: Option<Location>,
}

/// The results of the check, by term id in the order of the data file; serialized as a JSON
/// object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermReport(pub Vec<(String, TermResult)>);

impl Serialize for TermReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (id, result) in &self.0 {
            m.serialize_entry(id, result)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for TermReport {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Terms;
        impl<'de> serde::de::Visitor<'de> for Terms {
            type Value = TermReport;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of minimum terms")
            }
            // In the order written: the data file's.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<TermReport, A::Error> {
                let mut terms = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    terms.push(entry);
                }
                Ok(TermReport(terms))
            }
        }
        d.deserialize_map(Terms)
    }
}

impl TermReport {
    /// The ids of the missing terms, in order.
    pub fn missing(&self) -> Vec<String> {
        self.0.iter().filter(|(_, r)| r.status == TermStatus::Missing).map(|(id, _)| id.clone()).collect()
    }

    /// The result of one term.
    pub fn get(&self, id: &str) -> Option<&TermResult> {
        self.0.iter().find(|(i, _)| i == id).map(|(_, r)| r)
    }
}
