//! Every human-facing text, in bokmål (default) and English (`--lang en`), in one place.

use crate::error::ErrorKind;
use crate::law::G;
use crate::lexicon::ConceptId;
use crate::model::{Category, Language, OcrPage, Recommendation, Risk};
use crate::patterns::{AnyOf, Patterns, Rule, ValueKind};

/// The language of the report and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// English.
    En,
}

impl Lang {
    fn pick(self, nb: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }

    /// A rule in the readable form the pattern listing shows:
    /// "NOTICE + (AFTER_PROBATION | THEREAFTER), trenger en varighet".
    pub fn rule_text(self, rule: &Rule, p: &Patterns) -> String {
        let names = |list: &[ConceptId]| list.iter().map(|&c| p.name(c)).collect::<Vec<_>>().join(" | ");
        let item = |a: &AnyOf| {
            let parts: Vec<&str> =
                a.concepts.iter().map(|&c| p.name(c)).chain(a.values.iter().map(|k| k.concept_name())).collect();
            if parts.len() > 1 {
                format!("({})", parts.join(" | "))
            } else {
                parts.join("")
            }
        };
        let anchor = if rule.anchor.len() > 1 { format!("({})", names(&rule.anchor)) } else { names(&rule.anchor) };
        let mut out = std::iter::once(anchor).chain(rule.with.iter().map(item)).collect::<Vec<_>>().join(" + ");
        let mut add = |nb: String, en: String| {
            out.push_str(", ");
            out.push_str(&match self {
                Lang::Nb => nb,
                Lang::En => en,
            });
        };
        if rule.near > 0 {
            add(format!("innen {} ord", rule.near), format!("within {} words", rule.near));
        }
        if rule.label {
            add("som feltnavn".into(), "as a field label".into());
        }
        if rule.inside {
            add("med verdien inne i seg".into(), "the value inside it".into());
        }
        if !rule.section.is_empty() {
            let s = rule.section.iter().map(item).collect::<Vec<_>>().join(" + ");
            add(format!("i et avsnitt om {s}"), format!("in a section on {s}"));
        }
        if !rule.without.is_empty() {
            let w = names(&rule.without);
            add(format!("ikke med {w}"), format!("not with {w}"));
        }
        if !rule.without_in_clause.is_empty() {
            let w = names(&rule.without_in_clause);
            add(format!("ikke i samme ledd som {w}"), format!("not in the same clause as {w}"));
        }
        if let Some(k) = rule.require {
            let (nb, en) = match k {
                ValueKind::Duration => ("trenger en varighet", "needs a duration"),
                ValueKind::Amount => ("trenger et beløp", "needs an amount"),
                ValueKind::Date => ("trenger en dato", "needs a date"),
            };
            add(nb.into(), en.into());
        }
        out
    }

    /// Label of a rule's example in the pattern listing.
    pub fn example_label(self) -> &'static str {
        self.pick("eksempel", "example")
    }

    /// The category's name for people.
    pub fn category(self, c: Category) -> &'static str {
        match c {
            Category::StartDate => self.pick("Tiltredelse", "Start date"),
            Category::NoticePeriod => self.pick("Oppsigelsesfrist", "Notice period"),
            Category::NoticeBeforeStart => self.pick("Oppsigelse før tiltredelse", "Notice before start"),
            Category::Probation => self.pick("Prøvetid", "Probation"),
            Category::Compensation => self.pick("Erstatning / bot", "Compensation / penalty"),
            Category::BindingPeriod => self.pick("Bindingstid / tilbakebetaling", "Binding period / repayment"),
            Category::Withdrawal => self.pick("Tilbakekall / vilkår", "Withdrawal / conditions"),
            Category::NonCompete => self.pick("Konkurranse- og kundeklausul", "Non-compete / non-solicitation"),
        }
    }

    /// A document language's name; "unknown language" for `None`.
    pub fn language(self, l: Option<Language>) -> &'static str {
        match l {
            Some(Language::Nb) => self.pick("bokmål", "Norwegian bokmål"),
            Some(Language::Nn) => self.pick("nynorsk", "Norwegian nynorsk"),
            Some(Language::En) => self.pick("engelsk", "English"),
            None => self.pick("ukjent språk", "unknown language"),
        }
    }

    /// The risk level's name.
    pub fn risk(self, r: Risk) -> &'static str {
        match r {
            Risk::None => self.pick("ingen", "none"),
            Risk::Low => self.pick("lav", "low"),
            Risk::Medium => self.pick("middels", "medium"),
            Risk::High => self.pick("høy", "high"),
        }
    }

    /// Whom to ask, as a short label.
    pub fn recommendation(self, r: Recommendation) -> &'static str {
        match r {
            Recommendation::None => self.pick("ingen hjelp nødvendig", "no help needed"),
            Recommendation::Union => self.pick("fagforening", "union"),
            Recommendation::Lawyer => self.pick("jurist / advokat", "lawyer"),
        }
    }

    /// Why, for the recommendation: whom to ask first and what it costs.
    pub fn recommendation_text(self, r: Recommendation) -> &'static str {
        match r {
            Recommendation::Lawyer => self.pick(
                "Kontrakten har et mulig pengekrav mot deg (erstatning, bot eller tilbakebetaling). Snakk med en jurist eller advokat før du trekker deg eller betaler noe. Er du medlem av en fagforening, spør den først: det er gratis, og forbundet har egne advokater. Melder du deg inn nå, har mange forbund karenstid på én til tre måneder for saker som oppsto før innmeldingen. Uten fagforening kan studentrettshjelp (Jussbuss, JURK, Jussformidlingen) eller en advokat (ofte 2 000–3 000 kr timen) hjelpe.",
                "The contract holds a possible money claim against you (damages, penalty or repayment). Talk to a lawyer before you withdraw or pay anything. If you are a union member, ask your union first: it is free, and unions have their own lawyers. If you join now, many unions have a qualifying period of one to three months for matters that arose before you joined. Without a union, student legal aid (Jussbuss, JURK, Jussformidlingen) or a lawyer (often NOK 2,000–3,000 an hour) can help.",
            ),
            Recommendation::Union => self.pick(
                "Kontrakten binder deg mer enn lovens utgangspunkt, men har ikke noe pengekrav mot deg. Spør fagforeningen din før du trekker deg, det er gratis for medlemmer; nye medlemmer har ofte karenstid før de får juridisk hjelp. Uten fagforening kan studentrettshjelp (Jussbuss, JURK, Jussformidlingen) hjelpe gratis.",
                "The contract binds you beyond the statutory default but holds no money claim against you. Ask your union before you withdraw, it is free for members; new members often wait a qualifying period before they get legal help. Without a union, student legal aid (Jussbuss, JURK, Jussformidlingen) can help for free.",
            ),
            Recommendation::None => self.pick(
                "Ingenting i kontrakten binder deg utover lovens utgangspunkt. Vil du trekke deg, si opp skriftlig så snart som mulig og be om skriftlig bekreftelse på når du fratrer.",
                "Nothing in the contract binds you beyond the statutory default. If you want to withdraw, give notice in writing as soon as possible and ask for written confirmation of your leaving date.",
            ),
        }
    }

    /// Why a finding matters: the rule that governs it in plain words, where the sources
    /// disagree, and what the person can do.
    pub fn explanation(self, c: Category, negated: bool) -> String {
        if negated {
            return self
                .pick(
                    "Kontrakten sier uttrykkelig at dette ikke gjelder.",
                    "The contract says expressly that this does not apply.",
                )
                .to_string();
        }
        match c {
            Category::StartDate => self.pick(
                "Avtalt tiltredelse. Før denne datoen gjelder etter rådende syn alminnelig avtalerett, ikke arbeidsmiljølovens oppsigelsesregler (Rt. 2004 s. 76). Vil du ikke begynne, be arbeidsgiveren om en skriftlig avtale om å avslutte før start.",
                "Agreed start date. Before it, the prevailing view is that general contract law applies, not the Working Environment Act's termination rules (Supreme Court, Rt. 2004 p. 76). If you do not want to start, ask the employer for a written agreement to end it before the start.",
            )
            .to_string(),
            Category::NoticePeriod => self.pick(
                "Oppsigelsesfrist. Loven gir én måned regnet fra den 1. i måneden etter oppsigelsen (arbeidsmiljøloven § 15-3); en lengre avtalt frist binder deg lenger. Om fristen løper før tiltredelse, er omstridt. Si opp skriftlig (§ 15-4) og be om en avtale om tidligere fratreden.",
                "Notice period. The statutory default is one month from the first day of the month after notice (Working Environment Act section 15-3); a longer agreed period binds you longer. Whether it runs before the start date is disputed. Give notice in writing (section 15-4) and ask for an agreement to leave earlier.",
            )
            .to_string(),
            Category::NoticeBeforeStart => self.pick(
                "Avtalen kan sies opp, eller fristen løper, før tiltredelse. Sier du opp skriftlig nå, kan fristen løpe ut før eller kort etter første arbeidsdag: gjør det så tidlig som mulig.",
                "The agreement can be terminated, or notice runs, before the start date. If you give written notice now, it may end before or shortly after your first day: do it as early as possible.",
            )
            .to_string(),
            Category::Probation => self.pick(
                "Prøvetid (arbeidsmiljøloven § 15-6): høyst seks måneder, med 14 dagers gjensidig oppsigelsesfrist hvis ikke annet er avtalt (§ 15-3 (7)). Prøvetiden begynner ved tiltredelse, så den korte fristen hjelper deg først når du har begynt.",
                "Probation (Working Environment Act section 15-6): at most six months, with 14 days' mutual notice unless agreed otherwise (section 15-3 (7)). It starts on your first day, so the short notice only helps once you have started.",
            )
            .to_string(),
            Category::Compensation => self.pick(
                "Krav om erstatning eller avtalt bot mot deg. Erstatning krever at arbeidsgiveren dokumenterer et faktisk økonomisk tap; en avtalt bot kan settes ned etter avtaleloven § 36, og trekk i lønn krever en særskilt skriftlig avtale (arbeidsmiljøloven § 14-15, Høyesterett HR-2021-2532-A). Ikke betal eller godta trekk før du har fått råd.",
                "A claim for damages or an agreed penalty against you. Damages need a documented economic loss; an agreed penalty can be reduced under the Contracts Act section 36, and deductions from pay need a specific written agreement (Working Environment Act section 14-15, Supreme Court HR-2021-2532-A). Do not pay or accept deductions before you have had advice.",
            )
            .to_string(),
            Category::BindingPeriod => self.pick(
                "Bindingstid eller tilbakebetaling. Ikke regulert i arbeidsmiljøloven: den må være avtalt skriftlig på forhånd og være rimelig og forholdsmessig (avtaleloven § 36). Før tiltredelse gjelder den normalt bare penger du allerede har fått, som en signeringsbonus.",
                "Binding period or repayment. Not regulated by the Working Environment Act: it must be agreed in writing beforehand and be reasonable and proportionate (Contracts Act section 36). Before the start it normally concerns only money you have already received, such as a signing bonus.",
            )
            .to_string(),
            Category::Withdrawal => self.pick(
                "Vilkår for å trekke tilbake tilbudet eller avtalen (for eksempel politiattest, referanser eller arbeidstillatelse). Uten et slikt grunnlag er også arbeidsgiveren bundet før start. Sjekk om vilkårene er oppfylt.",
                "Conditions for withdrawing the offer or agreement (for example a police certificate, references or a work permit). Without such a ground the employer is bound before the start too. Check whether the conditions are met.",
            )
            .to_string(),
            Category::NonCompete => {
                let g = format_g(self);
                match self {
                    Lang::Nb => format!("Konkurranse-, kunde- eller rekrutteringsklausul (arbeidsmiljøloven kapittel 14 A): høyst ett år etter at arbeidsforholdet slutter, må være skriftlig, og en konkurranseklausul gir krav på kompensasjon (full lønn opp til 8 G; {g}). Om den binder når du aldri har begynt, er uavklart."),
                    Lang::En => format!("Non-compete, customer or non-solicitation clause (Working Environment Act chapter 14 A): at most one year after the employment ends, must be written, and a non-compete entitles you to compensation (full pay up to 8 G; {g}). Whether it binds when you never started is unsettled."),
                }
            }
        }
    }
    /// What happened to a file that could not be analysed, and what to do.
    pub fn error(self, kind: ErrorKind) -> &'static str {
        match kind {
            ErrorKind::NotFound => self.pick("Fant ikke filen. Sjekk stien.", "File not found. Check the path."),
            ErrorKind::Unreadable => self.pick(
                "Kunne ikke lese filen (tilgang eller lesefeil). Sjekk filrettighetene.",
                "Could not read the file (permissions or I/O error). Check the file permissions.",
            ),
            ErrorKind::Unsupported => self.pick(
                "Filtypen støttes ikke. Bruk PDF, DOCX, ren tekst eller et bilde (JPEG, PNG, TIFF).",
                "Unsupported file type. Use PDF, DOCX, plain text or an image (JPEG, PNG, TIFF).",
            ),
            ErrorKind::Corrupt => self.pick(
                "Filen er skadet eller ufullstendig. Last den ned eller eksporter den på nytt.",
                "The file is damaged or incomplete. Download or export it again.",
            ),
            ErrorKind::Encrypted => self.pick(
                "Filen er passordbeskyttet. Lagre en kopi uten passord og prøv igjen.",
                "The file is password-protected. Save a copy without a password and try again.",
            ),
            ErrorKind::NoText => self.pick(
                "Fant ingen lesbar tekst i filen, heller ikke med tekstgjenkjenning (OCR).",
                "No readable text was found in the file, not even by text recognition (OCR).",
            ),
            ErrorKind::TooLarge => self.pick(
                "Filen er for stor til å analyseres.",
                "The file is too large to analyse.",
            ),
            ErrorKind::Timeout => self.pick(
                "Analysen av filen tok for lang tid og ble avbrutt.",
                "Analysing the file took too long and was stopped.",
            ),
            ErrorKind::Internal => self.pick(
                "Intern feil under lesing av filen. Meld gjerne fra om feilen.",
                "Internal error while reading the file. Please report it.",
            ),
            ErrorKind::UnsupportedLanguage => self.pick(
                "Teksten er på et språk kontrakt ikke leser (bokmål, nynorsk og engelsk), så kontrakten er ikke vurdert. La en fagforening eller jurist lese den.",
                "The text is in a language kontrakt does not read (Norwegian bokmål, nynorsk and English), so the contract has not been assessed. Have a union or a lawyer read it.",
            ),
            ErrorKind::NotAContract => self.pick(
                "Teksten ser ikke ut som en arbeidsavtale (ingen ord om ansettelse, stilling eller lønn), så den er ikke vurdert.",
                "The text does not look like an employment contract (no words about employment, position or salary), so it has not been assessed.",
            ),
        }
    }

    /// How OCR read the pages it read, with a warning when it was unsure of some:
    /// "Tekstgjenkjenning (OCR) leste s. 1 (95 % sikker), s. 2 (61 % sikker). …". `None` when
    /// no page was read by OCR.
    pub fn ocr_note(self, pages: &[OcrPage]) -> Option<String> {
        if pages.is_empty() {
            return None;
        }
        let (page, sure) = match self {
            Lang::Nb => ("s.", "sikker"),
            Lang::En => ("p.", "confident"),
        };
        let list: Vec<String> =
            pages.iter().map(|p| format!("{page} {} ({} % {sure})", p.page, p.confidence)).collect();
        let mut note = match self {
            Lang::Nb => format!("Tekstgjenkjenning (OCR) leste {}.", list.join(", ")),
            Lang::En => format!("Text recognition (OCR) read {}.", list.join(", ")),
        };
        if pages.iter().any(|p| p.confidence < OcrPage::LOW_CONFIDENCE) {
            note.push(' ');
            note.push_str(self.pick(
                "Lav sikkerhet: sjekk sitatene og verdiene mot papiret.",
                "Low confidence: check the quotes and values against the paper.",
            ));
        }
        Some(note)
    }

    /// Said when a contract holds none of the clauses looked for.
    pub fn no_findings(self) -> &'static str {
        self.pick("Fant ingen av klausulene kontrakt ser etter.", "None of the clauses kontrakt looks for were found.")
    }

    /// Marks a negated finding.
    pub fn does_not_apply(self) -> &'static str {
        self.pick("gjelder ikke", "does not apply")
    }

    /// Heads the report of a file that could not be analysed.
    pub fn could_not_analyse(self) -> &'static str {
        self.pick("Kunne ikke analyseres", "Could not be analysed")
    }

    /// The closing line of every human report.
    pub fn disclaimer(self) -> &'static str {
        self.pick("Dette er ikke juridisk rådgivning.", "This is not legal advice.")
    }

    /// The signature line of a report meant to be passed on ("Laget med kontrakt.").
    pub fn made_with(self) -> &'static str {
        self.pick("Laget med kontrakt.", "Made with kontrakt.")
    }

    /// The batch counts: "3 filer: 2 analysert, 1 feil."
    pub fn batch_counts(self, s: &crate::model::Summary) -> String {
        match self {
            Lang::Nb => format!("{} filer: {} analysert, {} feil.", s.files, s.ok, s.errors),
            Lang::En => format!("{} files: {} analysed, {} errors.", s.files, s.ok, s.errors),
        }
    }

    /// The refusal to write the report over a file that is being read.
    pub fn output_is_input(self, output: &str, input: &str) -> String {
        match self {
            Lang::Nb => format!(
                "{output} er en av filene som skal leses ({input}); skriv rapporten til en fil utenfor mappene som sjekkes"
            ),
            Lang::En => format!(
                "{output} is one of the files to be read ({input}); write the report to a file outside the folders being checked"
            ),
        }
    }

    /// recommendation_text of a file that could not be analysed.
    pub fn not_analysed(self) -> &'static str {
        self.pick(
            "Filen kunne ikke analyseres, så kontrakten er ikke vurdert.",
            "The file could not be analysed, so the contract has not been assessed.",
        )
    }
}

/// "G = 130 160 kr fra 01.05.2025" in the report language.
fn format_g(lang: Lang) -> String {
    let (amount, from) = (G.amount, G.from.norwegian());
    let grouped = format!("{} {:03}", amount / 1000, amount % 1000);
    match lang {
        Lang::Nb => format!("G = {grouped} kr fra {from}"),
        Lang::En => format!("G = NOK {} from {}", grouped.replace(' ', ","), G.from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_note_warns_only_below_the_low_confidence_mark() {
        let page = |page, confidence| OcrPage { page, confidence };
        assert_eq!(Lang::Nb.ocr_note(&[]), None);
        assert_eq!(
            Lang::Nb.ocr_note(&[page(1, 95), page(2, 80)]).unwrap(),
            "Tekstgjenkjenning (OCR) leste s. 1 (95 % sikker), s. 2 (80 % sikker)."
        );
        assert_eq!(
            Lang::En.ocr_note(&[page(3, 79)]).unwrap(),
            "Text recognition (OCR) read p. 3 (79 % confident). Low confidence: check the quotes and values \
             against the paper."
        );
    }
}
