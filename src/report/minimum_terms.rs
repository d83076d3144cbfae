//! The § 14-6 block of the human reports: what the contract lacks, in plain words, and why
//! each item matters; one line when nothing is missing.

use crate::i18n::Lang;
use crate::model::Report;

/// The block's lines: the heading and one "- item: why" line per missing term, or the single
/// line that nothing is missing; none for a file that was not analysed.
pub fn lines(report: &Report, lang: Lang) -> Vec<String> {
    let Some(missing) = &report.minimum_terms_missing else { return Vec::new() };
    if missing.is_empty() {
        return vec![lang.minimum_terms_complete().to_string()];
    }
    let mut out = vec![format!("{}:", lang.minimum_terms_heading())];
    for id in missing {
        out.push(match lang.minimum_term(id) {
            Some((what, why)) => format!("- {what}: {why}"),
            None => format!("- {id}"),
        });
    }
    out
}
