//! Report: presentation of finished reports. Every output format is a [`Sink`]; no
//! decisions are made here.

pub mod html;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod minimum_terms;
pub mod table;

use std::io;

use crate::date::Date;
use crate::i18n::Lang;
use crate::law::{Basis, Notice};
use crate::model::{Category, Finding, Report, Summary, Values};
use crate::signatures::{Signature, SignatureKind};
use crate::values::{Amount, Duration, Unit};

/// Receives reports one by one (sorted by path) and the summary at the end.
pub trait Sink {
    /// One file's report.
    fn report(&mut self, report: &Report) -> io::Result<()>;
    /// The end of the batch.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
    /// Whether reports must come sorted by path; a streaming sink takes them as they finish.
    fn ordered(&self) -> bool {
        true
    }
}

/// Values for people: "3 måneder", "kr 50 000", "01.03.2027".
pub fn format_values(values: &Values, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(d) = values.duration {
        parts.push(format_duration(d, lang));
    }
    if let Some(a) = &values.amount {
        parts.push(format_amount(a, lang));
    }
    if let Some(d) = values.date {
        parts.push(format_date(d, lang));
    }
    parts.join(", ")
}

fn format_number(v: f64, lang: Lang) -> String {
    let whole = v.trunc() as u64;
    let digits = whole.to_string();
    let sep = if lang == Lang::Nb { ' ' } else { ',' };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let frac = v - v.trunc();
    if frac.abs() > 1e-9 {
        let f = format!("{frac:.2}");
        let f = f.trim_start_matches('0').trim_end_matches('0');
        grouped.push_str(&f.replace('.', if lang == Lang::Nb { "," } else { "." }));
    }
    grouped
}

/// "3 måneder" / "3 months".
pub fn format_duration(d: Duration, lang: Lang) -> String {
    let one = (d.value - 1.0).abs() < 1e-9;
    let unit = match (lang, d.unit, one) {
        (Lang::Nb, Unit::Day, true) => "dag",
        (Lang::Nb, Unit::Day, false) => "dager",
        (Lang::Nb, Unit::Week, true) => "uke",
        (Lang::Nb, Unit::Week, false) => "uker",
        (Lang::Nb, Unit::Month, true) => "måned",
        (Lang::Nb, Unit::Month, false) => "måneder",
        (Lang::Nb, Unit::Year, _) => "år",
        (Lang::En, Unit::Day, true) => "day",
        (Lang::En, Unit::Day, false) => "days",
        (Lang::En, Unit::Week, true) => "week",
        (Lang::En, Unit::Week, false) => "weeks",
        (Lang::En, Unit::Month, true) => "month",
        (Lang::En, Unit::Month, false) => "months",
        (Lang::En, Unit::Year, true) => "year",
        (Lang::En, Unit::Year, false) => "years",
    };
    format!("{} {unit}", format_number(d.value, lang))
}

/// "kr 50 000" / "NOK 50,000".
pub fn format_amount(a: &Amount, lang: Lang) -> String {
    match (lang, a.currency) {
        (Lang::Nb, "NOK") => format!("kr {}", format_number(a.value, lang)),
        _ => format!("{} {}", a.currency, format_number(a.value, lang)),
    }
}

/// "01.03.2027" in Norwegian text, "1 March 2027" in English.
pub fn format_date(d: Date, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Nb => d.norwegian(),
        Lang::En => format!("{} {} {}", d.day, MONTHS[(d.month - 1) as usize], d.year),
    }
}

/// The notice deadline in words: "Sier du opp i dag (24.11.2026), løper oppsigelsestiden ut
/// 31.12.2026, før tiltredelsen 01.03.2027." Says so honestly when it is disputed whether a
/// notice period runs before the start date at all (the findings hold no clause on it).
pub fn notice_sentence(n: &Notice, findings: &[Finding], today: Date, lang: Lang) -> String {
    let pre_start_clause = findings.iter().any(|f| f.category == Category::NoticeBeforeStart && !f.negated);
    let (given, ends) = (format_date(n.given, lang), format_date(n.ends, lang));
    let period = format_duration(n.period, lang);
    let mut out = match (lang, n.given == today) {
        (Lang::Nb, true) => format!("Sier du opp i dag ({given}), løper oppsigelsestiden ut {ends}"),
        (Lang::Nb, false) => format!("Sier du opp {given}, løper oppsigelsestiden ut {ends}"),
        (Lang::En, true) => format!("If you give notice today ({given}), the notice period ends on {ends}"),
        (Lang::En, false) => format!("If you give notice on {given}, the notice period ends on {ends}"),
    };
    out.push_str(&match (lang, n.basis) {
        (Lang::Nb, Basis::Contract) => format!(" ({period} etter kontrakten)"),
        (Lang::Nb, Basis::Statute) => " (lovens utgangspunkt på én måned, arbeidsmiljøloven § 15-3)".to_string(),
        (Lang::En, Basis::Contract) => format!(" ({period} under the contract)"),
        (Lang::En, Basis::Statute) => " (the statutory one month, Working Environment Act section 15-3)".to_string(),
    });
    let Some(start) = n.start_date else {
        out.push_str(match lang {
            Lang::Nb => ". Kontrakten oppgir ingen tiltredelsesdato.",
            Lang::En => ". The contract states no start date.",
        });
        return out;
    };
    let start = format_date(start, lang);
    out.push_str(&match (lang, n.ends_before_start == Some(true)) {
        (Lang::Nb, true) => format!(", før tiltredelsen {start}."),
        (Lang::Nb, false) => format!(", ikke før tiltredelsen {start}."),
        (Lang::En, true) => format!(", before your start date {start}."),
        (Lang::En, false) => format!(", not before your start date {start}."),
    });
    if !pre_start_clause && n.given < n.start_date.unwrap_or(n.given) {
        out.push_str(match lang {
            Lang::Nb => " Det er omstridt om oppsigelsesfristen løper før tiltredelse når kontrakten ikke sier det; be arbeidsgiveren bekrefte fratredelsesdatoen skriftlig.",
            Lang::En => " Whether a notice period runs before the start date is disputed when the contract does not say so; ask the employer to confirm your leaving date in writing.",
        });
    }
    out
}

/// Who signed and when: "Signert 10.11.2026 (Ola Hansen, Kari Nordmann); digital signatur:
/// Kari Nordmann, 02.11.2026." or that no signature was found.
pub fn signatures_sentence(signatures: &[Signature], lang: Lang) -> String {
    let describe = |s: &Signature| {
        let date = s.date.map(|d| format_date(d, lang));
        match (&s.name, date) {
            (Some(n), Some(d)) => format!("{n}, {d}"),
            (Some(n), None) => n.clone(),
            (None, Some(d)) => d,
            (None, None) => String::new(),
        }
    };
    let of = |kind: SignatureKind| -> Vec<String> {
        signatures.iter().filter(|s| s.kind == kind).map(describe).filter(|d| !d.is_empty()).collect()
    };
    let (text, digital) = (of(SignatureKind::Text), of(SignatureKind::Digital));
    let mut parts = Vec::new();
    if !digital.is_empty() {
        parts.push(format!(
            "{} {}",
            if lang == Lang::Nb { "digitalt signert av" } else { "digitally signed by" },
            digital.join("; ")
        ));
    }
    if !text.is_empty() {
        parts.push(format!(
            "{} {}",
            if lang == Lang::Nb { "signaturfelt" } else { "signature block" },
            text.join("; ")
        ));
    }
    match (parts.is_empty(), lang) {
        (true, Lang::Nb) => "Fant ingen signatur eller signaturdato.".to_string(),
        (true, Lang::En) => "No signature or signing date found.".to_string(),
        (false, _) => {
            let mut line = parts.join("; ");
            line[..1].make_ascii_uppercase();
            line.push('.');
            line
        }
    }
}

/// Shortens a quote to about `max` characters around the matched byte range, cutting at
/// word boundaries and keeping the matched words whole.
pub fn shorten(text: &str, matched: (usize, usize), max: usize) -> String {
    crate::assess::quote(text, matched, max).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_values_for_people() {
        let d = |value, unit| Duration { value, unit };
        assert_eq!(format_duration(d(3.0, Unit::Month), Lang::Nb), "3 måneder");
        assert_eq!(format_duration(d(1.0, Unit::Month), Lang::En), "1 month");
        assert_eq!(format_duration(d(1.5, Unit::Year), Lang::Nb), "1,5 år");
        let a = Amount { value: 50000.0, currency: "NOK" };
        assert_eq!(format_amount(&a, Lang::Nb), "kr 50 000");
        assert_eq!(format_amount(&a, Lang::En), "NOK 50,000");
        let date = Date::new(2027, 3, 1).unwrap();
        assert_eq!(format_date(date, Lang::Nb), "01.03.2027");
        assert_eq!(format_date(date, Lang::En), "1 March 2027");
    }

    #[test]
    fn shortening_keeps_the_match() {
        let text = "Dette er en lang innledning som ikke betyr noe, men så kommer det: gjensidig oppsigelsesfrist er tre måneder, og så kommer mye mer tekst som heller ikke betyr noe særlig.";
        let ms = text.find("oppsigelsesfrist").unwrap();
        let short = shorten(text, (ms, ms + "oppsigelsesfrist".len()), 60);
        assert!(short.contains("oppsigelsesfrist"), "{short}");
        assert!(short.starts_with("… ") && short.ends_with(" …"), "{short}");
        assert!(short.chars().count() <= 70, "{short}");
        assert_eq!(shorten("kort", (0, 4), 60), "kort");
    }
}
