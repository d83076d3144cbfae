//! Every human-facing text, in bokmål (default) and English (`--lang en`), in one place.

use crate::error::ErrorKind;
use crate::model::{Category, Recommendation, Risk};

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

    /// Why, for the recommendation.
    pub fn recommendation_text(self, r: Recommendation) -> &'static str {
        match r {
            Recommendation::Lawyer => self.pick(
                "Kontrakten har et mulig pengekrav mot deg (erstatning, bot eller tilbakebetaling). Snakk med en jurist eller advokat før du trekker deg; er du medlem av en fagforening, spør den først, det er gratis for medlemmer.",
                "The contract holds a possible money claim against you (damages, penalty or repayment). Talk to a lawyer before you withdraw; if you are a union member, ask your union first, it is free for members.",
            ),
            Recommendation::Union => self.pick(
                "Kontrakten binder deg mer enn lovens utgangspunkt. Spør fagforeningen din før du trekker deg, det er gratis for medlemmer; nye medlemmer har ofte karenstid før de får juridisk hjelp.",
                "The contract binds you beyond the statutory default. Ask your union before you withdraw, it is free for members; new members often wait a qualifying period before they get legal help.",
            ),
            Recommendation::None => self.pick(
                "Ingenting i kontrakten binder deg utover lovens utgangspunkt. Vil du trekke deg, si opp skriftlig så snart som mulig.",
                "Nothing in the contract binds you beyond the statutory default. If you want to withdraw, give notice in writing as soon as possible.",
            ),
        }
    }

    /// One line on why a finding matters, with the governing rule.
    pub fn explanation(self, c: Category, negated: bool) -> &'static str {
        if negated {
            return self.pick(
                "Kontrakten sier uttrykkelig at dette ikke gjelder.",
                "The contract says expressly that this does not apply.",
            );
        }
        match c {
            Category::StartDate => self.pick(
                "Avtalt tiltredelse. Før denne datoen gjelder etter vanlig syn alminnelig avtalerett, ikke arbeidsmiljølovens oppsigelsesregler.",
                "Agreed start date. Before it, the common view is that general contract law applies, not the Working Environment Act's termination rules.",
            ),
            Category::NoticePeriod => self.pick(
                "Oppsigelsesfrist. Loven gir én måned regnet fra den 1. i måneden etter oppsigelsen (arbeidsmiljøloven § 15-3); en lengre frist binder deg lenger.",
                "Notice period. The statutory default is one month from the first day of the month after notice (Working Environment Act section 15-3); a longer period binds you longer.",
            ),
            Category::NoticeBeforeStart => self.pick(
                "Avtalen kan sies opp, eller fristen løper, før tiltredelse. Sier du opp skriftlig nå, kan fristen løpe ut før eller kort etter første arbeidsdag.",
                "The agreement can be terminated, or notice runs, before the start date. If you give written notice now, it may end before or shortly after your first day.",
            ),
            Category::Probation => self.pick(
                "Prøvetid (arbeidsmiljøloven § 15-6): høyst seks måneder, med 14 dagers gjensidig oppsigelsesfrist hvis ikke annet er avtalt. Den gjelder fra tiltredelse.",
                "Probation (Working Environment Act section 15-6): at most six months, with 14 days' mutual notice unless agreed otherwise. It runs from the start date.",
            ),
            Category::Compensation => self.pick(
                "Krav om erstatning eller bot mot deg. Erstatning krever et dokumentert økonomisk tap; en avtalt bot kan settes ned etter avtaleloven § 36, og trekk i lønn krever særskilt skriftlig avtale (arbeidsmiljøloven § 14-15).",
                "A claim for damages or a penalty against you. Damages need a documented economic loss; an agreed penalty can be reduced under the Contracts Act section 36, and deductions from pay need a specific written agreement (Working Environment Act section 14-15).",
            ),
            Category::BindingPeriod => self.pick(
                "Bindingstid eller tilbakebetaling. Ikke regulert i arbeidsmiljøloven: den må være avtalt skriftlig på forhånd og være forholdsmessig (avtaleloven § 36).",
                "Binding period or repayment. Not regulated by the Working Environment Act: it must be agreed in writing beforehand and be proportionate (Contracts Act section 36).",
            ),
            Category::Withdrawal => self.pick(
                "Vilkår for tilbakekall av tilbudet eller avtalen (for eksempel politiattest, referanser eller arbeidstillatelse). Sjekk om vilkårene er oppfylt.",
                "Conditions for withdrawing the offer or agreement (for example a police certificate, references or a work permit). Check whether they are met.",
            ),
            Category::NonCompete => self.pick(
                "Konkurranse-, kunde- eller rekrutteringsklausul (arbeidsmiljøloven kapittel 14 A): høyst ett år, må være skriftlig, og en konkurranseklausul gir krav på kompensasjon.",
                "Non-compete, customer or non-solicitation clause (Working Environment Act chapter 14 A): at most one year, must be written, and a non-compete entitles you to compensation.",
            ),
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
                "Filtypen støttes ikke. Bruk PDF, DOCX eller ren tekst.",
                "Unsupported file type. Use PDF, DOCX or plain text.",
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
                "Filen har ingen lesbar tekst (skannet?). Kjør tekstgjenkjenning (OCR) først, for eksempel med ocrmypdf.",
                "The file has no readable text (scanned?). Run text recognition (OCR) first, for example with ocrmypdf.",
            ),
            ErrorKind::TooLarge => self.pick(
                "Filen er for stor til å analyseres.",
                "The file is too large to analyse.",
            ),
            ErrorKind::Timeout => self.pick(
                "Lesingen av filen tok for lang tid og ble avbrutt.",
                "Reading the file took too long and was stopped.",
            ),
            ErrorKind::Internal => self.pick(
                "Intern feil under lesing av filen. Meld gjerne fra om feilen.",
                "Internal error while reading the file. Please report it.",
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
