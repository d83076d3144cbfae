//! Detects a document's language (bokmål, nynorsk or English) from words only one of them uses.

use crate::model::Language;

const NB: &[&str] = &[
    "ikke",
    "fra",
    "hvis",
    "jeg",
    "en",
    "et",
    "måned",
    "måneder",
    "arbeidstaker",
    "arbeidsgiver",
    "arbeidstakeren",
    "arbeidsgiveren",
    "virksomhet",
    "være",
    "bare",
    "også",
    "ansatt",
    "ansettelse",
    "hva",
    "hvor",
    "noen",
    "uke",
    "uker",
    "tiltredelse",
    "skriftlig",
    "hennes",
    "deres",
];
const NN: &[&str] = &[
    "ikkje",
    "frå",
    "eg",
    "ein",
    "eit",
    "kva",
    "månad",
    "månader",
    "arbeidstakar",
    "arbeidsgivar",
    "arbeidstakaren",
    "arbeidsgivaren",
    "verksemd",
    "vere",
    "berre",
    "òg",
    "tilsett",
    "tilsetjing",
    "løn",
    "høve",
    "stad",
    "veke",
    "veker",
    "tiltreding",
    "skriftleg",
    "dykkar",
    "korleis",
];
const EN: &[&str] = &[
    "the",
    "and",
    "of",
    "shall",
    "employee",
    "employer",
    "with",
    "this",
    "is",
    "be",
    "will",
    "any",
    "notice",
    "period",
    "months",
    "which",
    "agreement",
    "company",
];

/// Beginnings of the words that show a text is about employment, in bokmål, nynorsk and
/// English: the one list that decides whether a text looks like an employment contract.
const EMPLOYMENT: &[&str] = &[
    "arbeidsavtal",
    "arbeidskontrakt",
    "arbeidsforhold",
    "arbeidstak",
    "arbeidsgiv",
    "ansett",
    "ansatt",
    "tilset",
    "stilling",
    "lønn",
    "løn",
    "tiltre",
    "prøvetid",
    "employ",
    "salary",
    "wage",
    "remunerat",
    "position",
    "probation",
];

/// Distinct employment words a text needs to count as an employment contract.
const EMPLOYMENT_WORDS_NEEDED: usize = 2;

/// True if the text holds at least [`EMPLOYMENT_WORDS_NEEDED`] different words of
/// employment ("arbeidstaker", "stillingen", "lønn", "employee", "salary", …). Cheap: it stops
/// as soon as it has seen them.
pub fn mentions_employment(text: &str) -> bool {
    let mut seen = [false; EMPLOYMENT.len()];
    let mut count = 0;
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() >= 3) {
        let w = word.to_lowercase();
        if let Some(i) = EMPLOYMENT.iter().position(|stem| w.starts_with(stem)) {
            if !seen[i] {
                seen[i] = true;
                count += 1;
                if count >= EMPLOYMENT_WORDS_NEEDED {
                    return true;
                }
            }
        }
    }
    false
}

/// The language with the most telltale words, or `None` for too little text.
pub fn detect(text: &str) -> Option<Language> {
    let (counts, _) = telltale_counts(text);
    let (best, &n) = counts.iter().enumerate().max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
    (n >= 3).then_some([Language::Nb, Language::Nn, Language::En][best])
}

/// True for text in another language than the three: enough words to tell, and fewer than
/// one in a hundred telltale of bokmål, nynorsk or English (in any of them, over one in ten).
pub fn is_foreign(text: &str) -> bool {
    let (counts, words) = telltale_counts(text);
    words >= 10 && counts.iter().sum::<usize>() * 100 < words
}

/// Telltale words per language among the first 5,000 words, and the words counted.
fn telltale_counts(text: &str) -> ([usize; 3], usize) {
    let mut counts = [0usize; 3];
    let mut words = 0;
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(5000) {
        words += 1;
        let w = word.to_lowercase();
        for (i, list) in [NB, NN, EN].iter().enumerate() {
            if list.contains(&w.as_str()) {
                counts[i] += 1;
            }
        }
    }
    (counts, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_three_languages() {
        assert_eq!(
            detect("Arbeidstaker har ikke prøvetid. Oppsigelsesfristen er tre måneder fra tiltredelse."),
            Some(Language::Nb)
        );
        assert_eq!(
            detect("Arbeidstakaren har ikkje prøvetid. Oppseiingsfristen er tre månader frå tiltreding."),
            Some(Language::Nn)
        );
        assert_eq!(
            detect("The employee shall give three months notice of termination to the employer."),
            Some(Language::En)
        );
        assert_eq!(detect("Lønn"), None);
    }

    #[test]
    fn foreign_text_is_told_from_short_text() {
        let german =
            "Die Kündigungsfrist beträgt drei Monate zum Monatsende. Das Arbeitsverhältnis beginnt am 1. März.";
        assert!(is_foreign(german));
        assert!(!is_foreign("Oppsigelsesfristen er 3 måneder. Arbeidstaker tiltrer stillingen 1. februar 2027."));
        assert!(!is_foreign("Lønn etter avtale."), "too few words to tell");
    }

    #[test]
    fn employment_words_in_the_three_languages() {
        assert!(mentions_employment("Arbeidstakeren tiltrer stillingen 1. mars."));
        assert!(mentions_employment("Arbeidstakaren får løn etter tariff."));
        assert!(mentions_employment("The Employee's salary is NOK 600,000."));
        // One word is not enough, and the same word twice is one word.
        assert!(!mentions_employment("Husleien er 12 000 kr per måned. Stillingen som vaktmester er ledig."));
        assert!(!mentions_employment("Lønn og lønnsslipp."));
    }
}
