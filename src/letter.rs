//! The letter: a draft of the written notice the employee sends, built from a report. It
//! states only what the contract says (parties, the clause that allows notice, the signing
//! date) and the dates worked out from it; what the contract does not name is a placeholder.

use crate::i18n::Lang;
use crate::model::{Applies, Phase, Report, SignatureKind};
use crate::parties::parties;
use crate::report::markdown::escape;
use crate::report::{format_amount, format_date, format_duration, wrap};

/// A drafted letter, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// The day it is dated (the day notice is given).
    pub date: String,
    /// (label, name) of the addressee.
    pub to: (&'static str, String),
    /// (label, name) of the sender.
    pub from: (&'static str, String),
    /// The subject line.
    pub subject: &'static str,
    /// The body paragraphs.
    pub body: Vec<String>,
    /// The closing greeting.
    pub greeting: &'static str,
    /// Notes for the sender, printed under the letter.
    pub notes: Vec<String>,
}

/// The letter for an analysed report in `lang`; `None` for a file that could not be analysed.
pub fn letter(r: &Report, lang: Lang) -> Option<Letter> {
    let (n, a) = (r.notice.as_ref()?, r.answer.as_ref()?);
    let named = parties(r.document.iter().flatten().map(|p| p.text.as_str()));
    let (employer_placeholder, employee_placeholder) = lang.letter_placeholders();
    let placeholder = named.employer.is_none() || named.employee.is_none();
    let employee = named.employee.unwrap_or_else(|| employee_placeholder.to_string());
    let employer = named.employer.unwrap_or_else(|| employer_placeholder.to_string());
    // The signing date as the contract gives it (the signature block's, else a digital one).
    let signed_on =
        r.signatures.iter().flatten().filter(|s| s.date.is_some()).min_by_key(|s| s.kind != SignatureKind::Text);
    let signed = lang.letter_signed(signed_on.and_then(|s| s.date).map(|d| format_date(d, lang)).as_deref());
    let (period, ends) = (format_duration(n.period, lang), format_date(n.ends, lang));
    let before_start = n.phase == Phase::BeforeStart;
    let notice = match (before_start, a.exit.clause) {
        (true, Some(l)) => lang.letter_notice_by_clause(&signed, &lang.place(l.page, l.paragraph), &period, &ends),
        (true, None) => lang.letter_notice_by_agreement(&signed, &period, &ends),
        (false, _) => lang.letter_notice_employed(&period, &ends),
    };
    let body = vec![lang.letter_thanks(before_start).to_string(), notice, lang.letter_confirm(&ends)];
    let mut notes = vec![lang.letter_draft_note().to_string()];
    // Before the start a binding that only bites after it is no claim to worry about.
    let claims: Vec<String> = a
        .costs
        .iter()
        .filter(|c| !(before_start && c.applies == Applies::AfterStart))
        .map(|c| {
            let place = lang.place(c.location.page, c.location.paragraph);
            match &c.amount {
                Some(m) => format!("{}, {place}", format_amount(m, lang)),
                None => place,
            }
        })
        .collect();
    if !claims.is_empty() {
        notes.push(lang.letter_claim_note(&claims.join("; ")));
    }
    if placeholder {
        notes.push(lang.letter_placeholder_note().to_string());
    }
    let (to, from) = lang.letter_to_from();
    Some(Letter {
        date: format_date(n.given, lang),
        to: (to, employer),
        from: (from, employee),
        subject: lang.letter_subject(before_start),
        body,
        greeting: lang.letter_greeting(),
        notes,
    })
}

/// Plain text, each paragraph wrapped to `width` columns.
pub fn text(l: &Letter, width: usize) -> String {
    let mut out = format!("{}\n\n{}: {}\n{}: {}\n\n{}\n\n", l.date, l.to.0, l.to.1, l.from.0, l.from.1, l.subject);
    for p in &l.body {
        out.push_str(&wrap(p, width).join("\n"));
        out.push_str("\n\n");
    }
    out.push_str(&format!("{}\n{}\n\n{}\n", l.greeting, l.from.1, "-".repeat(width.min(40))));
    let notes: Vec<String> = l.notes.iter().map(|note| wrap(note, width).join("\n")).collect();
    out.push_str(&notes.join("\n\n"));
    out.push('\n');
    out
}

/// Markdown: the letter as paragraphs, the notes as a list after a rule.
pub fn markdown(l: &Letter) -> String {
    let mut out = format!(
        "{}\n\n**{}:** {}  \n**{}:** {}\n\n**{}**\n\n",
        l.date,
        l.to.0,
        escape(&l.to.1),
        l.from.0,
        escape(&l.from.1),
        escape(l.subject)
    );
    for p in &l.body {
        out.push_str(&escape(p));
        out.push_str("\n\n");
    }
    out.push_str(&format!("{}  \n{}\n\n---\n\n", l.greeting, escape(&l.from.1)));
    for note in &l.notes {
        out.push_str(&format!("- {}\n", escape(note)));
    }
    out
}
