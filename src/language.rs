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

/// The language with the most telltale words, or `None` for too little text.
pub fn detect(text: &str) -> Option<Language> {
    let mut counts = [0usize; 3];
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(5000) {
        let w = word.to_lowercase();
        for (i, list) in [NB, NN, EN].iter().enumerate() {
            if list.contains(&w.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
    (n >= 3).then_some([Language::Nb, Language::Nn, Language::En][best])
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
}
