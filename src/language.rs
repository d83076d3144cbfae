//! Detects a document's language (bokmål, nynorsk or English) from words only one of them uses.

use std::sync::LazyLock;

use regex::Regex;

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

/// The word of [`EMPLOYMENT`] that names the start of the employment.
const START_STEM: &str = "tiltre";

/// True if the text holds at least [`EMPLOYMENT_WORDS_NEEDED`] different words of
/// employment ("arbeidstaker", "stillingen", "lønn", "employee", "salary", …). A start the
/// grammar read with its day (`dated_start`) is the word "tiltre" said in any words: "The
/// employment will commence on 2 November 2020" names two. Cheap: it stops as soon as it has
/// seen them.
pub fn mentions_employment(text: &str, dated_start: bool) -> bool {
    let mut seen: [bool; EMPLOYMENT.len()] = std::array::from_fn(|i| dated_start && EMPLOYMENT[i] == START_STEM);
    let mut count = usize::from(dated_start);
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

/// A bilingual document's word on which of its texts prevails: "Ved uoverensstemmelse gjelder
/// den norske teksten", "Den norske teksten går føre", "the English version shall prevail".
/// The group that matches names the language.
static PREVAILS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:gjelder|gjeld|gjelde) (?:den|det) (norske|engelske) (?:tekst|versjon|utg)|\bden (norske|engelske) (?:teksten|versjonen|utgåva|utgaven) (?:skal )?(?:g[åa]r? (?:foran|føre|fore)|gjelder|gjeld|gjelde)|\bthe (norwegian|english)(?: language)? (?:text|version)(?: of [^.]{0,40}?)? (?:shall |will )?(?:prevails?|governs?)\b",
    )
    .expect("valid pattern")
});

/// The language with the most telltale words, or `None` for too little text. A text written in
/// Norwegian and English reads as the one it says prevails: English telltale words outnumber
/// Norwegian ones in equal text, and the prevailing text is the contract. An English text that
/// only says a Norwegian version (kept elsewhere) prevails holds no Norwegian, and stays English.
pub fn detect(text: &str) -> Option<Language> {
    let (counts, _) = telltale_counts(text);
    let (best, &n) = counts.iter().enumerate().max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
    let norwegian = || if counts[1] > counts[0] { Language::Nn } else { Language::Nb };
    let prevails = PREVAILS.captures(text).and_then(|c| c.iter().skip(1).flatten().next()).map(|m| m.as_str());
    match prevails.map(str::to_lowercase).as_deref() {
        Some("norske" | "norwegian") if counts[0] + counts[1] > 0 => Some(norwegian()),
        Some("norske" | "norwegian") | None => (n >= 3).then_some([Language::Nb, Language::Nn, Language::En][best]),
        Some(_) => Some(Language::En),
    }
}

/// True for a bokmål or nynorsk text that lost æ, ø and å (typed on a foreign keyboard, or
/// in a PDF font without them), and whose words need reading with them ("provetid pa 6
/// maneder"). Names filled in later may keep theirs ("Arbeidstaker: Henrik Ødegård"), so it is
/// enough that they are rare: Norwegian prose has one in every 30 to 60 bytes.
pub fn lost_letters(text: &str) -> bool {
    // English, which has no such letters either, is told cheaply first: "the" outnumbers "og".
    let bytes = text.as_bytes();
    few_norwegian_letters(bytes)
        && marks_in(bytes, &[b" the "]) <= marks_in(bytes, &[b" og "])
        && detect(text).is_some_and(|l| l != Language::En)
}

/// How many times the `marks` stand in `bytes`, all together.
fn marks_in(bytes: &[u8], marks: &[&[u8]]) -> usize {
    marks.iter().map(|m| memchr::memmem::find_iter(bytes, m).count()).sum()
}

/// Fewer than one æ, ø or å in 400 bytes (Norwegian prose has one in every 30 to 60).
fn few_norwegian_letters(bytes: &[u8]) -> bool {
    // Æ, æ, Ø, ø, Å and å are 0xC3 and one of these in UTF-8; counting stops past the limit.
    let letters = memchr::memchr_iter(0xC3, bytes)
        .filter(|&i| matches!(bytes.get(i + 1), Some(0x86 | 0xA6 | 0x98 | 0xB8 | 0x85 | 0xA5)))
        .take(bytes.len() / 400 + 1)
        .count();
    letters * 400 < bytes.len()
}

/// Small words common in English, formal or informal ("if i dont join they say i have to
/// pay"), and in bokmål and nynorsk (written without æ, ø and å too), each between spaces.
const EN_MARKS: &[&[u8]] = &[
    b" the ", b" to ", b" and ", b" of ", b" is ", b" you ", b" my ", b" if ", b" have ", b" they ", b" dont ",
    b" will ",
];
const NO_MARKS: &[&[u8]] = &[
    b" og ",
    b" er ",
    b" p\xC3\xA5 ",
    b" pa ",
    b" som ",
    b" det ",
    b" ikke ",
    b" ikkje ",
    b" at ",
    b" til ",
    b" med ",
    b" av ",
];

/// True for a text written in English: it has next to no æ, ø or å and more of the small words
/// of English than of Norwegian. A lower-case "i" in such a text is its
/// writer ("if i dont join i have to pay"), not the Norwegian "in". A few searches for bytes,
/// so that it costs next to nothing beside the scan it serves.
pub fn is_english(text: &str) -> bool {
    let bytes = text.as_bytes();
    few_norwegian_letters(bytes) && marks_in(bytes, EN_MARKS) > marks_in(bytes, NO_MARKS)
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
    fn english_formal_or_informal_is_told_from_norwegian() {
        assert!(is_english("they told me i have to pay compensation if i dont join"));
        assert!(is_english("The Employee shall give the Company three months' notice."));
        assert!(!is_english("Vi har vært i tre måneder i dialog med kandidaten."));
        assert!(!is_english("Dersom eg ikkje møter opp i stillinga, må eg betale."));
        assert!(!is_english("Lønn utbetales i juni"), "too little to tell is not English");
    }

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
    fn a_bilingual_text_is_in_the_language_that_prevails() {
        let english = "The employee shall give three months notice of termination to the employer and the company. ";
        let nb = format!(
            "Arbeidstaker har ikke prøvetid. Ved motstrid gjelder den norske teksten. / {english} In case of conflict, the Norwegian text shall prevail."
        );
        assert_eq!(detect(&nb), Some(Language::Nb));
        let nn = format!("Arbeidstakaren har ikkje prøvetid frå tiltreding. Den norske teksten går føre. / {english}");
        assert_eq!(detect(&nn), Some(Language::Nn));
        let norwegian =
            "Arbeidstaker har ikke prøvetid fra tiltredelse, og arbeidsgiver skal være skriftlig. ".repeat(3);
        let en = format!("{norwegian}{english} The English version of this agreement governs.");
        assert_eq!(detect(&en), Some(Language::En));
        // An English text whose Norwegian version, kept elsewhere, prevails is English.
        assert_eq!(
            detect(&format!("{english} It is issued in English; the Norwegian version prevails in case of conflict.")),
            Some(Language::En)
        );
        // A text that only names a language prevails nowhere.
        assert_eq!(detect(&format!("{english} A Norwegian text of the handbook is available.")), Some(Language::En));
    }

    #[test]
    fn norwegian_with_no_ae_oe_or_aa_has_lost_them() {
        assert!(lost_letters("Arbeidstaker har ikke provetid. Oppsigelsesfristen er tre maneder fra tiltredelse."));
        assert!(lost_letters("Arbeidstakaren har ikkje provetid. Oppseiingsfristen er tre manader fra tiltreding."));
        assert!(!lost_letters("Arbeidstaker har ikke prøvetid. Oppsigelsesfristen er tre måneder fra tiltredelse."));
        assert!(!lost_letters("The employee shall give three months notice of termination to the employer."));
        assert!(!lost_letters("Lonn"), "too little to tell");
        let named = format!("Arbeidstaker: Henrik Ødegård. {}", "Arbeidstaker har ikke provetid. ".repeat(30));
        assert!(lost_letters(&named), "a name keeps its letters");
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
        assert!(mentions_employment("Arbeidstakeren tiltrer stillingen 1. mars.", false));
        assert!(mentions_employment("Arbeidstakaren får løn etter tariff.", false));
        assert!(mentions_employment("The Employee's salary is NOK 600,000.", false));
        // One word is not enough, and the same word twice is one word.
        assert!(!mentions_employment("Husleien er 12 000 kr per måned. Stillingen som vaktmester er ledig.", false));
        assert!(!mentions_employment("Lønn og lønnsslipp.", false));
        // A start read with its day is the start word: it counts once, with "tiltrer" or without.
        assert!(mentions_employment("The employment will commence on 2 November 2020.", true));
        assert!(!mentions_employment("The employment will commence on 2 November 2020.", false));
        assert!(!mentions_employment("Tiltredelse 1. mars 2027.", true));
    }
}
