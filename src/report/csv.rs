//! CSV for spreadsheets: one row per file, with the columns of [`header`] (stable: new
//! columns are only ever added at the end).
//!
//! The dialect is the one a spreadsheet in a Norwegian locale opens without an import
//! dialogue: UTF-8 with a byte order mark, `;` between fields, CRLF line ends, decimal comma,
//! ISO dates, and numbers in columns of their own. Enumerations are the JSON report's names.
//! Text that a spreadsheet would read as a formula (starting with `=`, `+`, `-` or `@`) gets
//! a leading `'`.

use std::io::{self, Write};

use super::batch_view::key_finding;
use super::Sink;
use crate::model::{Category, Language, Report, Status, Summary};
use crate::values::Unit;

/// Which values a category's columns hold.
#[derive(Clone, Copy)]
enum Column {
    /// `<category>_risk`: the risk of its riskiest live clause.
    Risk,
    /// `<category>_duration` and `<category>_unit`.
    Duration,
    /// `<category>_amount` and `<category>_currency`.
    Amount,
    /// `<category>`: an ISO date.
    Date,
}

/// The columns of each category, in schema order.
const CATEGORY_COLUMNS: [(Category, &[Column]); 8] = [
    (Category::StartDate, &[Column::Date]),
    (Category::NoticePeriod, &[Column::Risk, Column::Duration]),
    (Category::NoticeBeforeStart, &[Column::Risk, Column::Duration]),
    (Category::Probation, &[Column::Risk, Column::Duration]),
    (Category::Compensation, &[Column::Risk, Column::Amount]),
    (Category::BindingPeriod, &[Column::Risk, Column::Duration, Column::Amount]),
    (Category::Withdrawal, &[Column::Risk]),
    (Category::NonCompete, &[Column::Risk, Column::Duration]),
];

const LEADING: [&str; 10] = [
    "file",
    "status",
    "error_kind",
    "error_message",
    "format",
    "language",
    "pages",
    "risk",
    "recommendation",
    "findings",
];

const TRAILING: [&str; 6] = [
    "notice_given",
    "notice_ends",
    "notice_ends_before_start",
    "notice_deadline",
    "minimum_terms_missing_count",
    "minimum_terms_missing",
];

/// The column names, in order.
pub fn header() -> Vec<String> {
    let mut names: Vec<String> = LEADING.iter().map(|s| s.to_string()).collect();
    for (category, columns) in CATEGORY_COLUMNS {
        let c = category.as_str();
        for column in columns {
            match column {
                Column::Risk => names.push(format!("{c}_risk")),
                Column::Duration => names.extend([format!("{c}_duration"), format!("{c}_unit")]),
                Column::Amount => names.extend([format!("{c}_amount"), format!("{c}_currency")]),
                Column::Date => names.push(c.to_string()),
            }
        }
    }
    names.extend(TRAILING.iter().map(|s| s.to_string()));
    names
}

/// A number with a decimal comma and no grouping: 3, 1,5, 50000.
fn number(v: f64) -> String {
    v.to_string().replace('.', ",")
}

/// The JSON name of a unit.
fn unit(u: Unit) -> &'static str {
    match u {
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
        Unit::Year => "year",
    }
}

/// A text field: a formula-like start defused, quoted where the dialect needs it.
fn text(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([';', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The fields of one report, in the order of [`header`].
pub fn row(r: &Report) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let (kind, message) = match &r.status {
        Status::Ok => (String::new(), String::new()),
        Status::Error(e) => (e.kind.as_str().to_string(), text(&e.message)),
    };
    let analysed = r.status == Status::Ok;
    let language = r.language.map(|l| match l {
        Language::Nb => "nb",
        Language::Nn => "nn",
        Language::En => "en",
    });
    let mut fields = vec![
        text(&r.file),
        (if analysed { "ok" } else { "error" }).to_string(),
        kind,
        message,
        opt(r.format.map(str::to_string)),
        opt(language.map(str::to_string)),
        opt(r.pages.map(|p| p.to_string())),
        opt(analysed.then(|| r.risk.as_str().to_string())),
        opt(analysed.then(|| r.recommendation.as_str().to_string())),
        opt(analysed.then(|| r.findings.iter().filter(|f| !f.negated).count().to_string())),
    ];
    for (category, columns) in CATEGORY_COLUMNS {
        let f = key_finding(r, category);
        for column in columns {
            let v = f.map(|f| &f.values);
            match column {
                Column::Risk => fields.push(opt(f.map(|f| f.risk.as_str().to_string()))),
                Column::Duration => {
                    let d = v.and_then(|v| v.duration);
                    fields.push(opt(d.map(|d| number(d.value))));
                    fields.push(opt(d.map(|d| unit(d.unit).to_string())));
                }
                Column::Amount => {
                    let a = v.and_then(|v| v.amount.as_ref());
                    fields.push(opt(a.map(|a| number(a.value))));
                    fields.push(opt(a.map(|a| a.currency.to_string())));
                }
                Column::Date => fields.push(opt(v.and_then(|v| v.date).map(|d| d.to_string()))),
            }
        }
    }
    let n = r.notice.as_ref();
    fields.push(opt(n.map(|n| n.given.to_string())));
    fields.push(opt(n.map(|n| n.ends.to_string())));
    fields.push(opt(n.and_then(|n| n.ends_before_start).map(|b| b.to_string())));
    fields.push(opt(n.and_then(|n| n.deadline).map(|d| d.to_string())));
    let missing = r.minimum_terms_missing.as_ref();
    fields.push(opt(missing.map(|m| m.len().to_string())));
    fields.push(opt(missing.map(|m| m.join(" "))));
    fields
}

/// Writes the header before the first row, then one row per report as it comes.
pub struct CsvSink<W: Write> {
    out: W,
    header: bool,
}

impl<W: Write> CsvSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        CsvSink { out, header: false }
    }

    fn line(&mut self, fields: &[String]) -> io::Result<()> {
        self.out.write_all(fields.join(";").as_bytes())?;
        self.out.write_all(b"\r\n")
    }

    fn head(&mut self) -> io::Result<()> {
        if !self.header {
            self.header = true;
            self.out.write_all("\u{feff}".as_bytes())?;
            self.line(&header())?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn report(&mut self, report: &Report) -> io::Result<()> {
        self.head()?;
        self.line(&row(report))
    }

    /// The counts are not rows of the sheet; an empty batch still gets its header.
    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.head()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_safe_for_a_spreadsheet() {
        assert_eq!(number(1.5), "1,5");
        assert_eq!(number(50000.0), "50000");
        assert_eq!(text("a;b"), "\"a;b\"");
        assert_eq!(text("sa \"ja\""), "\"sa \"\"ja\"\"\"");
        assert_eq!(text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text("-1.pdf"), "'-1.pdf");
        assert_eq!(text("mappe/ola.pdf"), "mappe/ola.pdf");
        let error = crate::error::FileError::new(crate::error::ErrorKind::Corrupt, "x");
        let report = crate::error_report("=x.pdf".into(), None, error, crate::i18n::Lang::Nb);
        let fields = row(&report);
        assert_eq!(fields.len(), header().len());
        assert_eq!(fields[..3], ["'=x.pdf", "error", "corrupt"]);
    }
}
