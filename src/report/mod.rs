//! Report: presentation of finished reports. Every output format is a [`Sink`]; no
//! decisions are made here.

pub mod batch_view;
pub mod csv;
pub mod filter;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod minimum_terms;
pub mod table;

use std::io;

use crate::date::Date;
use crate::i18n::Lang;
use crate::model::{Basis, Category, Cost, Finding, Notice, Phase, Report, Signature, SignatureKind, Summary, Values};
use crate::values::{Amount, Duration};

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
    /// Whether reports must carry the whole text of their documents (`Report::document`),
    /// for outputs that show the contract itself.
    fn needs_text(&self) -> bool {
        false
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
    let sep = if lang != Lang::En { ' ' } else { ',' };
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
        grouped.push_str(&f.replace('.', if lang != Lang::En { "," } else { "." }));
    }
    grouped
}

/// "3 måneder" / "3 months".
pub fn format_duration(d: Duration, lang: Lang) -> String {
    let one = (d.value - 1.0).abs() < 1e-9;
    let unit = lang.unit(d.unit, one);
    format!("{} {unit}", format_number(d.value, lang))
}

/// "kr 50 000" / "NOK 50,000".
pub fn format_amount(a: &Amount, lang: Lang) -> String {
    match (lang, a.currency) {
        (Lang::Nb | Lang::Nn, "NOK") => format!("kr {}", format_number(a.value, lang)),
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
        Lang::Nb | Lang::Nn => d.norwegian(),
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
    let mut out = lang.notice_ends(&given, &ends, n.given == today);
    if n.phase == Phase::Probation {
        out.push_str(&lang.probation_notice(&period));
        return out;
    }
    out.push_str(&lang.notice_basis(&period, n.basis == Basis::Contract));
    let Some(start) = n.start_date.filter(|_| n.phase == Phase::BeforeStart) else {
        out.push_str(if n.phase == Phase::Employed { "." } else { lang.notice_no_start() });
        return out;
    };
    out.push_str(&lang.notice_against_start(&format_date(start, lang), n.ends_before_start == Some(true)));
    if !pre_start_clause && n.given < start {
        out.push_str(lang.notice_disputed());
    }
    out
}

/// Words an analysed report's explanations and recommendation in `lang`.
pub fn localize(r: &mut Report, lang: Lang) {
    for f in &mut r.findings {
        f.explanation = lang.explanation(f.category, f.negated);
    }
    if r.status == crate::model::Status::Ok {
        r.recommendation_text = lang.recommendation_text(r.recommendation).to_string();
    }
}

/// The short answer as four labelled lines: can I get out, by when, what can it cost, whom
/// to call. `None` for a file that could not be analysed.
pub fn short_answer(r: &Report, lang: Lang) -> Option<[(&'static str, String); 4]> {
    let (a, n) = (r.answer.as_ref()?, r.notice.as_ref()?);
    let date = |d| format_date(d, lang);
    let exit = match (n.phase, n.start_date) {
        (Phase::BeforeStart, _) => match a.exit.clause {
            Some(l) => lang.exit_by_clause(&format_duration(a.exit.period, lang), &lang.place(l.page, l.paragraph)),
            None => lang.exit_by_law(&format_duration(a.exit.period, lang), a.exit.basis == Basis::Statute),
        },
        (phase, start) => lang.exit_after_start(
            &start.map(date).unwrap_or_default(),
            &format_duration(n.period, lang),
            phase == Phase::Probation,
        ),
    };
    let by_when = match (n.deadline, n.start_date) {
        (Some(d), Some(start)) => lang.deadline(&date(d), &date(start)),
        (_, None) => lang.deadline_no_start().to_string(),
        (None, Some(_)) if n.phase != Phase::BeforeStart => lang.deadline_after_start(&date(n.given), &date(n.ends)),
        (None, Some(start)) => lang.deadline_passed(&date(start), &date(n.given), &date(n.ends)),
    };
    let cost = if a.costs.is_empty() {
        lang.no_cost().to_string()
    } else {
        let one = |c: &Cost| {
            let amount = c.amount.as_ref().map(|m| format_amount(m, lang)).unwrap_or_default();
            let mut text = lang.cost(c.applies, &amount, &lang.place(c.location.page, c.location.paragraph));
            text[..1].make_ascii_uppercase();
            text
        };
        a.costs.iter().map(one).collect::<Vec<_>>().join(" ")
    };
    let [l1, l2, l3, l4] = lang.answer_labels();
    Some([(l1, exit), (l2, by_when), (l3, cost), (l4, lang.contacts(a.contacts))])
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
        parts.push(format!("{} {}", lang.signed_by(true), digital.join("; ")));
    }
    if !text.is_empty() {
        parts.push(format!("{} {}", lang.signed_by(false), text.join("; ")));
    }
    if parts.is_empty() {
        return lang.no_signature().to_string();
    }
    let mut line = parts.join("; ");
    line[..1].make_ascii_uppercase();
    line.push('.');
    line
}

/// Prose broken into lines of at most `width` characters at spaces, never inside a word (a
/// word longer than the line stands alone).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// Shortens a quote to about `max` characters around the matched byte range, cutting at
/// word boundaries and keeping the matched words whole.
pub fn shorten(text: &str, matched: (usize, usize), max: usize) -> String {
    crate::assess::quote(text, matched, max).text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Unit;

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
