//! Every human-facing text, in bokmål (default), nynorsk and English (`--lang`), in one place.

use crate::error::{ErrorKind, ShardError};
use crate::law::G;
use crate::model::{Applies, Category, Contact, Language, OcrPage, Recommendation, Risk, Serves};
use crate::patterns::{Rule, ValueKind, Written};
use crate::values::Unit;

/// The language of the report and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// Norwegian nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// One phrase in three languages.
    fn tr(self, nb: &'static str, nn: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        }
    }

    /// A rule in the readable form the pattern listing shows:
    /// "NOTICE + (AFTER_PROBATION | THEREAFTER), trenger en varighet".
    pub fn rule_text(self, rule: &Rule) -> String {
        // As the file writes it: a group by its name (the listing gives each group's concepts).
        let names = |list: &[&str]| list.join(" | ");
        let item = |a: &String| {
            let n = Written::item(a);
            if n.len() > 1 {
                format!("({})", names(&n))
            } else {
                names(&n)
            }
        };
        let w = &rule.written;
        let anchor = Written::names(std::slice::from_ref(&w.anchor));
        let anchor = if anchor.len() > 1 { format!("({})", names(&anchor)) } else { names(&anchor) };
        let mut out = std::iter::once(anchor).chain(w.with.iter().map(item)).collect::<Vec<_>>().join(" + ");
        let mut add = |nb: String, nn: String, en: String| {
            out.push_str(", ");
            out.push_str(&match self {
                Lang::Nb => nb,
                Lang::Nn => nn,
                Lang::En => en,
            });
        };
        if rule.near > 0 {
            let n = rule.near;
            if rule.after {
                add(
                    format!("innen {n} ord etter"),
                    format!("innan {n} ord etter"),
                    format!("within {n} words after it"),
                );
            } else {
                add(format!("innen {n} ord"), format!("innan {n} ord"), format!("within {n} words"));
            }
        }
        if rule.label {
            add("som feltnavn".into(), "som feltnamn".into(), "as a field label".into());
        }
        if rule.inside {
            add("med verdien inne i seg".into(), "med verdien inne i seg".into(), "the value inside it".into());
        }
        if !w.section.is_empty() {
            let s = w.section.iter().map(item).collect::<Vec<_>>().join(" + ");
            add(format!("i et avsnitt om {s}"), format!("i eit avsnitt om {s}"), format!("in a section on {s}"));
        }
        if !w.previous.is_empty() {
            let s = w.previous.iter().map(item).collect::<Vec<_>>().join(" + ");
            add(
                format!("etter en setning med {s}"),
                format!("etter ei setning med {s}"),
                format!("after a sentence with {s}"),
            );
        }
        if !w.without.is_empty() {
            let w = names(&Written::names(&w.without));
            add(format!("ikke med {w}"), format!("ikkje med {w}"), format!("not with {w}"));
        }
        if !w.without_in_clause.is_empty() {
            let w = names(&Written::names(&w.without_in_clause));
            add(
                format!("ikke i samme ledd som {w}"),
                format!("ikkje i same ledd som {w}"),
                format!("not in the same clause as {w}"),
            );
        }
        if let Some(k) = rule.require {
            let text = match k {
                ValueKind::Duration => self.tr("trenger en varighet", "treng ei varigheit", "needs a duration"),
                ValueKind::Amount => self.tr("trenger et beløp", "treng eit beløp", "needs an amount"),
                ValueKind::Date => self.tr("trenger en dato", "treng ein dato", "needs a date"),
            };
            out.push_str(", ");
            out.push_str(text);
        }
        out
    }

    /// Label of a rule's example in the pattern listing.
    pub fn example_label(self) -> &'static str {
        self.tr("eksempel", "døme", "example")
    }

    /// The category's name for people.
    pub fn category(self, c: Category) -> &'static str {
        match c {
            Category::StartDate => self.tr("Tiltredelse", "Tiltreding", "Start date"),
            Category::NoticePeriod => self.tr("Oppsigelsesfrist", "Oppseiingsfrist", "Notice period"),
            Category::NoticeBeforeStart => {
                self.tr("Oppsigelse før tiltredelse", "Oppseiing før tiltreding", "Notice before start")
            }
            Category::Probation => self.tr("Prøvetid", "Prøvetid", "Probation"),
            Category::Compensation => self.tr("Erstatning / bot", "Erstatning / bot", "Compensation / penalty"),
            Category::BindingPeriod => {
                self.tr("Bindingstid / tilbakebetaling", "Bindingstid / tilbakebetaling", "Binding period / repayment")
            }
            Category::Withdrawal => self.tr("Tilbakekall / vilkår", "Tilbakekall / vilkår", "Withdrawal / conditions"),
            Category::NonCompete => self.tr(
                "Konkurranse- og kundeklausul",
                "Konkurranse- og kundeklausul",
                "Non-compete / non-solicitation",
            ),
        }
    }

    /// A document language's name; "unknown language" for `None`.
    pub fn language(self, l: Option<Language>) -> &'static str {
        match l {
            Some(Language::Nb) => self.tr("bokmål", "bokmål", "Norwegian bokmål"),
            Some(Language::Nn) => self.tr("nynorsk", "nynorsk", "Norwegian nynorsk"),
            Some(Language::En) => self.tr("engelsk", "engelsk", "English"),
            None => self.tr("ukjent språk", "ukjent språk", "unknown language"),
        }
    }

    /// The risk level's name.
    pub fn risk(self, r: Risk) -> &'static str {
        match r {
            Risk::None => self.tr("ingen", "ingen", "none"),
            Risk::Low => self.tr("lav", "låg", "low"),
            Risk::Medium => self.tr("middels", "middels", "medium"),
            Risk::High => self.tr("høy", "høg", "high"),
        }
    }

    /// Whom to ask, as a short label.
    pub fn recommendation(self, r: Recommendation) -> &'static str {
        match r {
            Recommendation::None => self.tr("ingen hjelp nødvendig", "ingen hjelp naudsynt", "no help needed"),
            Recommendation::Union => self.tr("fagforening", "fagforeining", "union"),
            Recommendation::Lawyer => self.tr("jurist / advokat", "jurist / advokat", "lawyer"),
        }
    }

    /// Why, for the recommendation: whom to ask first and what it costs.
    pub fn recommendation_text(self, r: Recommendation) -> &'static str {
        match r {
            Recommendation::Lawyer => self.tr("Kontrakten har et mulig pengekrav mot deg (erstatning, bot eller tilbakebetaling). Snakk med en jurist eller advokat før du trekker deg eller betaler noe. Er du medlem av en fagforening, spør den først: det er gratis, og forbundet har egne advokater. Melder du deg inn nå, har mange forbund karenstid på én til tre måneder for saker som oppsto før innmeldingen. Uten fagforening kan studentrettshjelp (Jussbuss, JURK, Jussformidlingen) eller en advokat (ofte 2 000–3 000 kr timen) hjelpe.", "Kontrakten har eit mogleg pengekrav mot deg (erstatning, bot eller tilbakebetaling). Snakk med ein jurist eller advokat før du trekkjer deg eller betaler noko. Er du medlem av ei fagforeining, spør henne først: det er gratis, og forbundet har eigne advokatar. Melder du deg inn no, har mange forbund karenstid på ein til tre månader for saker som oppstod før innmeldinga. Utan fagforeining kan studentrettshjelp (Jussbuss, JURK, Jussformidlingen) eller ein advokat (ofte 2 000–3 000 kr timen) hjelpe.", "The contract holds a possible money claim against you (damages, penalty or repayment). Talk to a lawyer before you withdraw or pay anything. If you are a union member, ask your union first: it is free, and unions have their own lawyers. If you join now, many unions have a qualifying period of one to three months for matters that arose before you joined. Without a union, student legal aid (Jussbuss, JURK, Jussformidlingen) or a lawyer (often NOK 2,000–3,000 an hour) can help."),
            Recommendation::Union => self.tr("Kontrakten binder deg mer enn lovens utgangspunkt, men har ikke noe pengekrav mot deg. Spør fagforeningen din før du trekker deg, det er gratis for medlemmer; nye medlemmer har ofte karenstid før de får juridisk hjelp. Uten fagforening kan studentrettshjelp (Jussbuss, JURK, Jussformidlingen) hjelpe gratis.", "Kontrakten bind deg meir enn utgangspunktet i lova, men har ikkje noko pengekrav mot deg. Spør fagforeininga di før du trekkjer deg, det er gratis for medlemmer; nye medlemmer har ofte karenstid før dei får juridisk hjelp. Utan fagforeining kan studentrettshjelp (Jussbuss, JURK, Jussformidlingen) hjelpe gratis.", "The contract binds you beyond the statutory default but holds no money claim against you. Ask your union before you withdraw, it is free for members; new members often wait a qualifying period before they get legal help. Without a union, student legal aid (Jussbuss, JURK, Jussformidlingen) can help for free."),
            Recommendation::None => self.tr("Ingenting i kontrakten binder deg utover lovens utgangspunkt. Vil du trekke deg, si opp skriftlig så snart som mulig og be om skriftlig bekreftelse på når du fratrer.", "Ingenting i kontrakten bind deg utover utgangspunktet i lova. Vil du trekkje deg, sei opp skriftleg så snart som råd og be om skriftleg stadfesting på når du fråtrer.", "Nothing in the contract binds you beyond the statutory default. If you want to withdraw, give notice in writing as soon as possible and ask for written confirmation of your leaving date."),
        }
    }

    /// Why a finding matters: the rule that governs it in plain words, where the sources
    /// disagree, and what the person can do.
    pub fn explanation(self, c: Category, negated: bool) -> String {
        if negated {
            return self
                .tr(
                    "Kontrakten sier uttrykkelig at dette ikke gjelder.",
                    "Kontrakten seier uttrykkeleg at dette ikkje gjeld.",
                    "The contract says expressly that this does not apply.",
                )
                .to_string();
        }
        match c {
            Category::StartDate => self.tr("Avtalt tiltredelse. Før denne datoen gjelder etter rådende syn alminnelig avtalerett, ikke arbeidsmiljølovens oppsigelsesregler (Rt. 2004 s. 76). Vil du ikke begynne, be arbeidsgiveren om en skriftlig avtale om å avslutte før start.", "Avtalt tiltreding. Før denne datoen gjeld etter det rådande synet alminneleg avtalerett, ikkje oppseiingsreglane i arbeidsmiljølova (Rt. 2004 s. 76). Vil du ikkje byrje, be arbeidsgjevaren om ein skriftleg avtale om å avslutte før start.", "Agreed start date. Before it, the prevailing view is that general contract law applies, not the Working Environment Act's termination rules (Supreme Court, Rt. 2004 p. 76). If you do not want to start, ask the employer for a written agreement to end it before the start.")
            .to_string(),
            Category::NoticePeriod => self.tr("Oppsigelsesfrist. Loven gir én måned regnet fra den 1. i måneden etter oppsigelsen (arbeidsmiljøloven § 15-3); en lengre avtalt frist binder deg lenger. Om fristen løper før tiltredelse, er omstridt. Si opp skriftlig (§ 15-4) og be om en avtale om tidligere fratreden.", "Oppseiingsfrist. Lova gir ein månad rekna frå den 1. i månaden etter oppseiinga (arbeidsmiljølova § 15-3); ein lengre avtalt frist bind deg lenger. Om fristen går før tiltreding, er omstridd. Sei opp skriftleg (§ 15-4) og be om ein avtale om å fråtre tidlegare.", "Notice period. The statutory default is one month from the first day of the month after notice (Working Environment Act section 15-3); a longer agreed period binds you longer. Whether it runs before the start date is disputed. Give notice in writing (section 15-4) and ask for an agreement to leave earlier.")
            .to_string(),
            Category::NoticeBeforeStart => self.tr("Avtalen kan sies opp, eller fristen løper, før tiltredelse. Sier du opp skriftlig nå, kan fristen løpe ut før eller kort etter første arbeidsdag: gjør det så tidlig som mulig.", "Avtalen kan seiast opp, eller fristen går, før tiltreding. Seier du opp skriftleg no, kan fristen gå ut før eller kort etter første arbeidsdag: gjer det så tidleg som mogleg.", "The agreement can be terminated, or notice runs, before the start date. If you give written notice now, it may end before or shortly after your first day: do it as early as possible.")
            .to_string(),
            Category::Probation => self.tr("Prøvetid (arbeidsmiljøloven § 15-6): høyst seks måneder, med 14 dagers gjensidig oppsigelsesfrist hvis ikke annet er avtalt (§ 15-3 (7)). Prøvetiden begynner ved tiltredelse, så den korte fristen hjelper deg først når du har begynt.", "Prøvetid (arbeidsmiljølova § 15-6): høgst seks månader, med 14 dagars gjensidig oppseiingsfrist om ikkje anna er avtalt (§ 15-3 (7)). Prøvetida byrjar ved tiltreding, så den korte fristen hjelper deg først når du har byrja.", "Probation (Working Environment Act section 15-6): at most six months, with 14 days' mutual notice unless agreed otherwise (section 15-3 (7)). It starts on your first day, so the short notice only helps once you have started.")
            .to_string(),
            Category::Compensation => self.tr("Krav om erstatning eller avtalt bot mot deg. Erstatning krever at arbeidsgiveren dokumenterer et faktisk økonomisk tap; en avtalt bot kan settes ned etter avtaleloven § 36, og trekk i lønn krever en særskilt skriftlig avtale (arbeidsmiljøloven § 14-15, Høyesterett HR-2021-2532-A). Ikke betal eller godta trekk før du har fått råd.", "Krav om erstatning eller avtalt bot mot deg. Erstatning krev at arbeidsgjevaren dokumenterer eit faktisk økonomisk tap; ei avtalt bot kan setjast ned etter avtalelova § 36, og trekk i løn krev ein særskild skriftleg avtale (arbeidsmiljølova § 14-15, Høgsterett HR-2021-2532-A). Ikkje betal eller godta trekk før du har fått råd.", "A claim for damages or an agreed penalty against you. Damages need a documented economic loss; an agreed penalty can be reduced under the Contracts Act section 36, and deductions from pay need a specific written agreement (Working Environment Act section 14-15, Supreme Court HR-2021-2532-A). Do not pay or accept deductions before you have had advice.")
            .to_string(),
            Category::BindingPeriod => self.tr("Bindingstid eller tilbakebetaling. Ikke regulert i arbeidsmiljøloven: den må være avtalt skriftlig på forhånd og være rimelig og forholdsmessig (avtaleloven § 36). Før tiltredelse gjelder den normalt bare penger du allerede har fått, som en signeringsbonus.", "Bindingstid eller tilbakebetaling. Ikkje regulert i arbeidsmiljølova: ho må vere avtalt skriftleg på førehand og vere rimeleg og forholdsmessig (avtalelova § 36). Før tiltreding gjeld ho normalt berre pengar du alt har fått, som ein signeringsbonus.", "Binding period or repayment. Not regulated by the Working Environment Act: it must be agreed in writing beforehand and be reasonable and proportionate (Contracts Act section 36). Before the start it normally concerns only money you have already received, such as a signing bonus.")
            .to_string(),
            Category::Withdrawal => self.tr("Vilkår for å trekke tilbake tilbudet eller avtalen (for eksempel politiattest, referanser eller arbeidstillatelse). Uten et slikt grunnlag er også arbeidsgiveren bundet før start. Sjekk om vilkårene er oppfylt.", "Vilkår for å trekkje tilbake tilbodet eller avtalen (til dømes politiattest, referansar eller arbeidsløyve). Utan eit slikt grunnlag er også arbeidsgjevaren bunden før start. Sjekk om vilkåra er oppfylte.", "Conditions for withdrawing the offer or agreement (for example a police certificate, references or a work permit). Without such a ground the employer is bound before the start too. Check whether the conditions are met.")
            .to_string(),
            Category::NonCompete => {
                let g = format_g(self);
                match self {
                    Lang::Nb => format!("Konkurranse-, kunde- eller rekrutteringsklausul (arbeidsmiljøloven kapittel 14 A): høyst ett år etter at arbeidsforholdet slutter, må være skriftlig, og en konkurranseklausul gir krav på kompensasjon (full lønn opp til 8 G; {g}). Om den binder når du aldri har begynt, er uavklart."),
                    Lang::Nn => format!("Konkurranse-, kunde- eller rekrutteringsklausul (arbeidsmiljølova kapittel 14 A): høgst eitt år etter at arbeidsforholdet sluttar, må vere skriftleg, og ein konkurranseklausul gir krav på kompensasjon (full løn opp til 8 G; {g}). Om han bind når du aldri har byrja, er uavklart."),
                    Lang::En => format!("Non-compete, customer or non-solicitation clause (Working Environment Act chapter 14 A): at most one year after the employment ends, must be written, and a non-compete entitles you to compensation (full pay up to 8 G; {g}). Whether it binds when you never started is unsettled."),
                }
            }
        }
    }
    /// What happened to a file that could not be analysed, and what to do.
    pub fn error(self, kind: ErrorKind) -> &'static str {
        match kind {
            ErrorKind::NotFound => self.tr("Fant ikke filen. Sjekk stien.", "Fann ikkje fila. Sjekk stien.", "File not found. Check the path."),
            ErrorKind::Unreadable => self.tr("Kunne ikke lese filen (tilgang eller lesefeil). Sjekk filrettighetene.", "Kunne ikkje lese fila (tilgang eller lesefeil). Sjekk filrettane.", "Could not read the file (permissions or I/O error). Check the file permissions."),
            ErrorKind::Unsupported => self.tr("Filtypen støttes ikke. Bruk PDF, DOCX, ren tekst eller et bilde (JPEG, PNG, TIFF).", "Filtypen er ikkje støtta. Bruk PDF, DOCX, rein tekst eller eit bilete (JPEG, PNG, TIFF).", "Unsupported file type. Use PDF, DOCX, plain text or an image (JPEG, PNG, TIFF)."),
            ErrorKind::Corrupt => self.tr("Filen er skadet eller ufullstendig. Last den ned eller eksporter den på nytt.", "Fila er skadd eller ufullstendig. Last henne ned eller eksporter henne på nytt.", "The file is damaged or incomplete. Download or export it again."),
            ErrorKind::Encrypted => self.tr("Filen er passordbeskyttet. Lagre en kopi uten passord og prøv igjen.", "Fila er passordverna. Lagre ein kopi utan passord og prøv igjen.", "The file is password-protected. Save a copy without a password and try again."),
            ErrorKind::NoText => self.tr("Fant ingen lesbar tekst i filen, heller ikke med tekstgjenkjenning (OCR).", "Fann ingen lesbar tekst i fila, heller ikkje med tekstattkjenning (OCR).", "No readable text was found in the file, not even by text recognition (OCR)."),
            ErrorKind::TooLarge => self.tr("Filen er for stor til å analyseres.", "Fila er for stor til å analyserast.", "The file is too large to analyse."),
            ErrorKind::Timeout => self.tr("Analysen av filen tok for lang tid og ble avbrutt.", "Analysen av fila tok for lang tid og vart avbroten.", "Analysing the file took too long and was stopped."),
            ErrorKind::Internal => self.tr("Intern feil under lesing av filen. Meld gjerne fra om feilen.", "Intern feil under lesing av fila. Meld gjerne frå om feilen.", "Internal error while reading the file. Please report it."),
            ErrorKind::UnsupportedLanguage => self.tr("Teksten er på et språk kontrakt ikke leser (bokmål, nynorsk og engelsk), så kontrakten er ikke vurdert. La en fagforening eller jurist lese den.", "Teksten er på eit språk kontrakt ikkje les (bokmål, nynorsk og engelsk), så kontrakten er ikkje vurdert. La ei fagforeining eller ein jurist lese han.", "The text is in a language kontrakt does not read (Norwegian bokmål, nynorsk and English), so the contract has not been assessed. Have a union or a lawyer read it."),
            ErrorKind::NotAContract => self.tr("Teksten ser ikke ut som en arbeidsavtale (for lite om ansettelse, stilling eller lønn, og ingen bindende vilkår), så den er ikke vurdert.", "Teksten ser ikkje ut som ein arbeidsavtale (for lite om tilsetjing, stilling eller løn, og ingen bindande vilkår), så han er ikkje vurdert.", "The text does not look like an employment contract (too little about employment, position or salary, and no binding term), so it has not been assessed."),
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
            Lang::Nn => ("s.", "sikker"),
            Lang::En => ("p.", "confident"),
        };
        let list: Vec<String> =
            pages.iter().map(|p| format!("{page} {} ({} % {sure})", p.page, p.confidence)).collect();
        let mut note = match self {
            Lang::Nb => format!("Tekstgjenkjenning (OCR) leste {}.", list.join(", ")),
            Lang::Nn => format!("Tekstattkjenning (OCR) las {}.", list.join(", ")),
            Lang::En => format!("Text recognition (OCR) read {}.", list.join(", ")),
        };
        if pages.iter().any(|p| p.confidence < OcrPage::LOW_CONFIDENCE) {
            note.push(' ');
            note.push_str(self.tr(
                "Lav sikkerhet: sjekk sitatene og verdiene mot papiret.",
                "Låg tryggleik: sjekk sitata og verdiane mot papiret.",
                "Low confidence: check the quotes and values against the paper.",
            ));
        }
        Some(note)
    }

    /// Said when a contract holds none of the clauses looked for.
    pub fn no_findings(self) -> &'static str {
        self.tr(
            "Fant ingen av klausulene kontrakt ser etter.",
            "Fann ingen av klausulane kontrakt ser etter.",
            "None of the clauses kontrakt looks for were found.",
        )
    }

    /// Marks a negated finding.
    pub fn does_not_apply(self) -> &'static str {
        self.tr("gjelder ikke", "gjeld ikkje", "does not apply")
    }

    /// Heads the report of a file that could not be analysed.
    pub fn could_not_analyse(self) -> &'static str {
        self.tr("Kunne ikke analyseres", "Kunne ikkje analyserast", "Could not be analysed")
    }

    /// The closing line of every human report.
    pub fn disclaimer(self) -> &'static str {
        self.tr(
            "Dette er ikke juridisk rådgivning.",
            "Dette er ikkje juridisk rådgjeving.",
            "This is not legal advice.",
        )
    }

    /// The signature line of a report meant to be passed on ("Laget med kontrakt.").
    pub fn made_with(self) -> &'static str {
        self.tr("Laget med kontrakt.", "Laga med kontrakt.", "Made with kontrakt.")
    }

    /// The batch counts: "3 filer: 2 analysert, 1 feil."
    pub fn batch_counts(self, s: &crate::model::Summary) -> String {
        match self {
            Lang::Nb => format!("{} filer: {} analysert, {} feil.", s.files, s.ok, s.errors),
            Lang::Nn => format!("{} filer: {} analyserte, {} feil.", s.files, s.ok, s.errors),
            Lang::En => format!("{} files: {} analysed, {} errors.", s.files, s.ok, s.errors),
        }
    }

    /// The refusal to write the report over a file that is being read.
    pub fn output_is_input(self, output: &str, input: &str) -> String {
        match self {
            Lang::Nb => format!(
                "{output} er en av filene som skal leses ({input}); skriv rapporten til en fil utenfor mappene som sjekkes"
            ),
            Lang::Nn => format!(
                "{output} er ei av filene som skal lesast ({input}); skriv rapporten til ei fil utanfor mappene som blir sjekka"
            ),
            Lang::En => format!(
                "{output} is one of the files to be read ({input}); write the report to a file outside the folders being checked"
            ),
        }
    }

    /// recommendation_text of a file that could not be analysed.
    pub fn not_analysed(self) -> &'static str {
        self.tr(
            "Filen kunne ikke analyseres, så kontrakten er ikke vurdert.",
            "Fila kunne ikkje analyserast, så kontrakten er ikkje vurdert.",
            "The file could not be analysed, so the contract has not been assessed.",
        )
    }

    /// The heading of the § 14-6 block.
    pub fn minimum_terms_heading(self) -> &'static str {
        self.tr(
            "Dette mangler kontrakten etter arbeidsmiljøloven § 14-6",
            "Dette manglar kontrakten etter arbeidsmiljølova § 14-6",
            "What the contract lacks under section 14-6 of the Working Environment Act",
        )
    }

    /// Before the count of missing § 14-6 terms in a batch row.
    pub fn minimum_terms_short(self) -> &'static str {
        self.tr("§ 14-6 mangler", "§ 14-6 manglar", "§ 14-6 lacks")
    }

    /// Said in place of the § 14-6 block when nothing is missing.
    pub fn minimum_terms_complete(self) -> &'static str {
        self.tr(
            "Kontrakten nevner alt arbeidsmiljøloven § 14-6 krever (sjekket er at vilkårene står der, ikke at de er lovlige).",
            "Kontrakten nemner alt arbeidsmiljølova § 14-6 krev (sjekka er at vilkåra står der, ikkje at dei er lovlege).",
            "The contract states everything section 14-6 of the Working Environment Act requires (checked: that the terms are there, not that they are lawful).",
        )
    }

    /// A missing minimum term in plain words, and why it matters; `None` for an id this
    /// version has no words for.
    pub fn minimum_term(self, id: &str) -> Option<(&'static str, &'static str)> {
        let (nb, nn, en) = match id {
            "parties" => (
                ("Hvem partene er", "Uten arbeidsgiverens navn og organisasjonsnummer er det uklart hvem du har avtale med."),
                ("Kven partane er", "Utan namnet og organisasjonsnummeret til arbeidsgivaren er det uklart kven du har avtale med."),
                ("Who the parties are", "Without the employer's name and organisation number it is unclear whom your agreement is with."),
            ),
            "workplace" => (
                ("Arbeidssted", "Arbeidsstedet avgjør hvor du kan pålegges å jobbe; be om at det skrives inn."),
                ("Arbeidsstad", "Arbeidsstaden avgjer kvar du kan påleggjast å arbeide; be om at han blir skriven inn."),
                ("Place of work", "The place of work decides where you can be told to work; ask for it in writing."),
            ),
            "job" => (
                ("Stilling eller arbeidsoppgaver", "Stillingen avgrenser hva arbeidsgiveren kan pålegge deg å gjøre."),
                ("Stilling eller arbeidsoppgåver", "Stillinga avgrensar kva arbeidsgivaren kan påleggje deg å gjere."),
                ("Position or duties", "The position limits what the employer can tell you to do."),
            ),
            "start_date" => (
                ("Tiltredelsesdato", "Uten dato er det uklart når arbeidet og lønnen begynner."),
                ("Dato for tiltreding", "Utan dato er det uklart når arbeidet og løna byrjar."),
                ("Start date", "Without a date it is unclear when the work and the pay begin."),
            ),
            "duration" => (
                ("Varighet og grunnlag for midlertidig ansettelse", "En midlertidig ansettelse må ha et grunnlag i loven (§ 14-9); uten det kan du ha krav på fast stilling. Be om varighet og grunnlag skriftlig."),
                ("Varigheit og grunnlag for mellombels tilsetjing", "Ei mellombels tilsetjing må ha eit grunnlag i lova (§ 14-9); utan det kan du ha krav på fast stilling. Be om varigheit og grunnlag skriftleg."),
                ("Duration and basis of the temporary employment", "Temporary employment needs a basis in the Act (section 14-9); without one you may be entitled to a permanent post. Ask for the duration and the basis in writing."),
            ),
            "hirer" => (
                ("Hvem du leies ut til", "Du har krav på å få vite navnet på virksomheten du leies ut til, så snart det er kjent."),
                ("Kven du blir leigd ut til", "Du har krav på å få vite namnet på verksemda du blir leigd ut til, så snart det er kjent."),
                ("Whom you are hired out to", "You are entitled to the name of the business you are hired out to as soon as it is known."),
            ),
            "holiday" => (
                ("Ferie og feriepenger", "Står det ikke noe, gjelder ferieloven: 25 virkedager ferie og 10,2 % feriepenger."),
                ("Ferie og feriepengar", "Står det ikkje noko, gjeld ferielova: 25 yrkedagar ferie og 10,2 % feriepengar."),
                ("Holiday and holiday pay", "Where nothing is said, the Holiday Act applies: 25 working days and 10.2 % holiday pay."),
            ),
            "notice" => (
                ("Oppsigelsesfrist", "Står det ikke noe, gjelder lovens frist på én måned (arbeidsmiljøloven § 15-3)."),
                ("Oppseiingsfrist", "Står det ikkje noko, gjeld fristen i lova på éin månad (arbeidsmiljølova § 15-3)."),
                ("Notice period", "Where nothing is said, the statutory month applies (Working Environment Act section 15-3)."),
            ),
            "pay" => (
                ("Lønn, tillegg og utbetaling", "Be om lønnen, tilleggene og når den utbetales skriftlig før du begynner."),
                ("Løn, tillegg og utbetaling", "Be om løna, tillegga og når ho blir utbetalt, skriftleg før du byrjar."),
                ("Pay, supplements and payment", "Ask for the pay, the supplements and when they are paid in writing before you start."),
            ),
            "working_hours" => (
                ("Arbeidstid", "Uten avtalt arbeidstid er det uklart hvor mye du skal jobbe og når overtid begynner."),
                ("Arbeidstid", "Utan avtalt arbeidstid er det uklart kor mykje du skal arbeide og når overtid byrjar."),
                ("Working hours", "Without agreed working hours it is unclear how much you are to work and when overtime begins."),
            ),
            "breaks" => (
                ("Pauser", "Loven gir rett til pause når arbeidsdagen er over 5,5 timer (§ 10-9); avtalen skal si hvor lange pausene er."),
                ("Pausar", "Lova gir rett til pause når arbeidsdagen er over 5,5 timar (§ 10-9); avtalen skal seie kor lange pausane er."),
                ("Breaks", "The Act gives a break when the working day is over 5.5 hours (section 10-9); the contract must say how long the breaks are."),
            ),
            "collective_agreement" => (
                ("Tariffavtale", "Avtalen skal si om en tariffavtale gjelder, og i så fall hvilken: den kan gi deg bedre lønn og vilkår."),
                ("Tariffavtale", "Avtalen skal seie om ein tariffavtale gjeld, og i så fall kva for ein: han kan gi deg betre løn og vilkår."),
                ("Collective agreement", "The contract must say whether a collective agreement applies, and which: it can give you better pay and terms."),
            ),
            "training" => (
                ("Rett til kompetanseutvikling", "Fra 1. juli 2024 skal avtalen si hvilken opplæring arbeidsgiveren eventuelt tilbyr."),
                ("Rett til kompetanseutvikling", "Frå 1. juli 2024 skal avtalen seie kva opplæring arbeidsgivaren eventuelt tilbyr."),
                ("Right to training", "Since 1 July 2024 the contract must say what training the employer offers, if any."),
            ),
            "social_security" => (
                ("Pensjon og forsikringer", "Fra 1. juli 2024 skal avtalen si hvilke pensjons- og forsikringsordninger arbeidsgiveren betaler, og til hvem."),
                ("Pensjon og forsikringar", "Frå 1. juli 2024 skal avtalen seie kva pensjons- og forsikringsordningar arbeidsgivaren betaler, og til kven."),
                ("Pension and insurance", "Since 1 July 2024 the contract must say which pension and insurance schemes the employer pays into, and to whom."),
            ),
            _ => return None,
        };
        Some(match self {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        })
    }
}

/// "G = 130 160 kr fra 01.05.2025" in the report language.
fn format_g(lang: Lang) -> String {
    let (amount, from) = (G.amount, G.from.norwegian());
    let grouped = format!("{} {:03}", amount / 1000, amount % 1000);
    match lang {
        Lang::Nb => format!("G = {grouped} kr fra {from}"),
        Lang::Nn => format!("G = {grouped} kr frå {from}"),
        Lang::En => format!("G = NOK {} from {}", grouped.replace(' ', ","), G.from),
    }
}

/// The short answer and the letter: every phrase in bokmål, nynorsk and English. Arguments
/// come formatted for the language (dates, durations, amounts, places).
impl Lang {
    /// The four questions of the short answer, in the order they are asked.
    pub fn answer_labels(self) -> [&'static str; 4] {
        match self {
            Lang::Nb => ["Kan jeg komme ut før start?", "Innen når?", "Hva kan det koste?", "Hvem kan hjelpe?"],
            Lang::Nn => ["Kan eg kome ut før start?", "Innan når?", "Kva kan det koste?", "Kven kan hjelpe?"],
            Lang::En => ["Can I get out before the start?", "By when?", "What can it cost?", "Whom to call?"],
        }
    }

    /// "risiko" before a finding's risk level.
    pub fn risk_label(self) -> &'static str {
        self.tr("risiko", "risiko", "risk")
    }

    /// A clause's place: "s. 1, avsn. 7" / "p. 1, para. 7".
    pub fn place(self, page: Option<u32>, paragraph: u32) -> String {
        match (page, self) {
            (Some(p), Lang::En) => format!("p. {p}, para. {paragraph}"),
            (Some(p), _) => format!("s. {p}, avsn. {paragraph}"),
            (None, Lang::En) => format!("para. {paragraph}"),
            (None, _) => format!("avsn. {paragraph}"),
        }
    }

    /// Can I get out: the contract allows notice before the start.
    pub fn exit_by_clause(self, period: &str, place: &str) -> String {
        match self {
            Lang::Nb => format!("Ja. Kontrakten lar deg si opp før tiltredelse med en frist på {period} ({place})."),
            Lang::Nn => format!("Ja. Kontrakten let deg seie opp før tiltreding med ein frist på {period} ({place})."),
            Lang::En => format!(
                "Yes. The contract lets you give notice before the start, with a notice period of {period} ({place})."
            ),
        }
    }

    /// Can I get out: the contract says nothing about it; `period` is the ordinary notice
    /// period, `statute` whether it is the law's month.
    pub fn exit_by_law(self, period: &str, statute: bool) -> String {
        let basis = match (self, statute) {
            (Lang::Nb, true) => "lovens utgangspunkt, arbeidsmiljøloven § 15-3 (1)",
            (Lang::Nn, true) => "utgangspunktet i lova, arbeidsmiljølova § 15-3 (1)",
            (Lang::En, true) => "the statutory default, Working Environment Act section 15-3 (1)",
            (Lang::Nb | Lang::Nn, false) => "etter kontrakten",
            (Lang::En, false) => "under the contract",
        };
        match self {
            Lang::Nb => format!("Kontrakten sier ikke noe om å si opp før start. Be arbeidsgiveren om en skriftlig avtale om å avslutte før tiltredelsen (Rt. 2004 s. 76); ellers si opp skriftlig med oppsigelsesfristen, {period} ({basis}). Om fristen løper før tiltredelse, er omstridt."),
            Lang::Nn => format!("Kontrakten seier ikkje noko om å seie opp før start. Be arbeidsgjevaren om ein skriftleg avtale om å avslutte før tiltredinga (Rt. 2004 s. 76); elles sei opp skriftleg med oppseiingsfristen, {period} ({basis}). Om fristen går før tiltreding, er omstridd."),
            Lang::En => format!("The contract says nothing about leaving before the start. Ask the employer for a written agreement to end it before your start date (Rt. 2004 p. 76); otherwise give written notice with the notice period, {period} ({basis}). Whether it runs before the start is disputed."),
        }
    }

    /// Can I get out, once the start date has passed: the period in force on the day.
    pub fn exit_after_start(self, start: &str, period: &str, probation: bool) -> String {
        match (self, probation) {
            (Lang::Nb, true) => format!("Tiltredelsen {start} er passert. I prøvetiden kan du si opp med en frist på {period} (arbeidsmiljøloven § 15-3 (7))."),
            (Lang::Nn, true) => format!("Tiltredinga {start} er passert. I prøvetida kan du seie opp med ein frist på {period} (arbeidsmiljølova § 15-3 (7))."),
            (Lang::En, true) => format!("Your start date {start} has passed. During probation the notice period is {period} (Working Environment Act section 15-3 (7))."),
            (Lang::Nb, false) => format!("Tiltredelsen {start} er passert. Du kan si opp skriftlig med oppsigelsesfristen, {period}."),
            (Lang::Nn, false) => format!("Tiltredinga {start} er passert. Du kan seie opp skriftleg med oppseiingsfristen, {period}."),
            (Lang::En, false) => format!("Your start date {start} has passed. You can give written notice with the notice period, {period}."),
        }
    }

    /// The period of the notice sentence during probation: " (14 dager i prøvetiden, …)."
    pub fn probation_notice(self, period: &str) -> String {
        match self {
            Lang::Nb => format!(" ({period} i prøvetiden, arbeidsmiljøloven § 15-3 (7))."),
            Lang::Nn => format!(" ({period} i prøvetida, arbeidsmiljølova § 15-3 (7))."),
            Lang::En => format!(" ({period} during probation, Working Environment Act section 15-3 (7))."),
        }
    }

    /// By when: the last day to give notice.
    pub fn deadline(self, deadline: &str, start: &str) -> String {
        match self {
            Lang::Nb => format!("Si opp skriftlig senest {deadline}, så løper fristen ut før tiltredelsen {start}."),
            Lang::Nn => format!("Sei opp skriftleg seinast {deadline}, så går fristen ut før tiltredinga {start}."),
            Lang::En => format!("Give written notice by {deadline} at the latest, and the notice period ends before your start date {start}."),
        }
    }

    /// By when: without a start date there is no deadline to work out.
    pub fn deadline_no_start(self) -> &'static str {
        self.tr(
            "Kontrakten oppgir ingen eksakt tiltredelsesdato, så ingen siste frist kan regnes ut. Si opp skriftlig så tidlig som mulig.",
            "Kontrakten oppgjev ingen eksakt tiltredingsdato, så ingen siste frist kan reknast ut. Sei opp skriftleg så tidleg som mogleg.",
            "The contract states no exact start date, so there is no deadline to work out. Give written notice as early as possible.",
        )
    }

    /// By when: too late for the period to end before the start.
    pub fn deadline_passed(self, start: &str, given: &str, ends: &str) -> String {
        match self {
            Lang::Nb => format!("Det er for sent til at fristen løper ut før tiltredelsen {start}: sier du opp {given}, løper den ut {ends}. Si opp straks og be om å få avslutte tidligere."),
            Lang::Nn => format!("Det er for seint til at fristen går ut før tiltredinga {start}: seier du opp {given}, går han ut {ends}. Sei opp straks og be om å få avslutte tidlegare."),
            Lang::En => format!("It is too late for the notice period to end before your start date {start}: notice given on {given} ends on {ends}. Give notice at once and ask to leave earlier."),
        }
    }

    /// By when, once the start date has passed.
    pub fn deadline_after_start(self, given: &str, ends: &str) -> String {
        match self {
            Lang::Nb => format!("Sier du opp {given}, løper fristen ut {ends}."),
            Lang::Nn => format!("Seier du opp {given}, går fristen ut {ends}."),
            Lang::En => format!("Notice given on {given} ends on {ends}."),
        }
    }

    /// What can it cost: no money claim.
    pub fn no_cost(self) -> &'static str {
        self.tr(
            "Fant ingen pengekrav mot deg i kontrakten.",
            "Fann ingen pengekrav mot deg i kontrakten.",
            "No money claim against you found in the contract.",
        )
    }

    /// One money claim and its condition; `amount` is "kr 50 000" or empty.
    pub fn cost(self, applies: Applies, amount: &str, place: &str) -> String {
        let (nb_sum, nn_sum, en_sum) = if amount.is_empty() {
            ("Et beløp".to_string(), "Eit beløp".to_string(), "An amount".to_string())
        } else {
            (amount.to_string(), amount.to_string(), amount.to_string())
        };
        match (self, applies) {
            (Lang::Nb, Applies::UnlessNotice) => format!("{nb_sum} i bot eller erstatning ({place}) bare hvis du ikke begynner uten å ha sagt opp etter kontrakten: sier du opp i tide, faller kravet bort."),
            (Lang::Nn, Applies::UnlessNotice) => format!("{nn_sum} i bot eller erstatning ({place}) berre om du ikkje byrjar utan å ha sagt opp etter kontrakten: seier du opp i tide, fell kravet bort."),
            (Lang::En, Applies::UnlessNotice) => format!("{en_sum} as a penalty or damages ({place}) only if you fail to start without giving the notice the contract allows: give notice in time and the claim falls away."),
            (Lang::Nb, Applies::NotStarting) => format!("{nb_sum} i bot eller erstatning ({place}) hvis du ikke begynner eller bryter avtalen. Erstatning krever et dokumentert tap, og en bot kan settes ned (avtaleloven § 36)."),
            (Lang::Nn, Applies::NotStarting) => format!("{nn_sum} i bot eller erstatning ({place}) om du ikkje byrjar eller bryt avtalen. Erstatning krev eit dokumentert tap, og ei bot kan setjast ned (avtalelova § 36)."),
            (Lang::En, Applies::NotStarting) => format!("{en_sum} as a penalty or damages ({place}) if you do not start or break the contract. Damages need a documented loss, and a penalty can be reduced (Contracts Act section 36)."),
            (Lang::Nb, Applies::IfReceived) => format!("Tilbakebetaling ({place}{}) av penger du allerede har fått, som en bonus; har du ikke fått noe, koster den ingenting.", sep(amount)),
            (Lang::Nn, Applies::IfReceived) => format!("Tilbakebetaling ({place}{}) av pengar du alt har fått, som ein bonus; har du ikkje fått noko, kostar han ingenting.", sep(amount)),
            (Lang::En, Applies::IfReceived) => format!("Repayment ({place}{}) of money you have already received, such as a bonus; if you have received nothing, it costs nothing.", sep(amount)),
            (Lang::Nb, Applies::AfterStart) => format!("Bindingstiden ({place}) gjelder først etter start og koster ingenting om du går før."),
            (Lang::Nn, Applies::AfterStart) => format!("Bindingstida ({place}) gjeld først etter start og kostar ingenting om du går før."),
            (Lang::En, Applies::AfterStart) => format!("The binding period ({place}) only applies after the start and costs nothing if you leave before."),
        }
    }

    /// Whom to call: the union first, then the free options, then a lawyer.
    pub fn contacts(self, contacts: &[Contact]) -> String {
        let serves = |s: Serves| match (self, s) {
            (Lang::Nb, Serves::Members) => "gratis for medlemmer; nye medlemmer har ofte karenstid",
            (Lang::Nn, Serves::Members) => "gratis for medlemmer; nye medlemmer har ofte karenstid",
            (Lang::En, Serves::Members) => "free for members; new members often wait a qualifying period",
            (Lang::Nb, Serves::Everyone) => "veiledningstjenesten, for alle",
            (Lang::Nn, Serves::Everyone) => "rettleiingstenesta, for alle",
            (Lang::En, Serves::Everyone) => "guidance service, for everyone",
            (Lang::Nb | Lang::Nn, Serves::Oslo) => "Oslo",
            (Lang::En, Serves::Oslo) => "Oslo",
            (Lang::Nb | Lang::Nn, Serves::NorthernNorway) => "Nord-Norge",
            (Lang::En, Serves::NorthernNorway) => "Northern Norway",
            (Lang::Nb | Lang::Nn, Serves::Bergen) => "Bergen",
            (Lang::En, Serves::Bergen) => "Bergen",
            (Lang::Nb | Lang::Nn, Serves::Women) => "for kvinner",
            (Lang::En, Serves::Women) => "for women",
            (Lang::Nb | Lang::Nn, Serves::Paid) => "finn advokat",
            (Lang::En, Serves::Paid) => "find a lawyer",
        };
        let host = |url: &str| url.trim_start_matches("https://").trim_start_matches("www.").to_string();
        let describe = |c: &Contact| match c.url {
            Some(url) => format!("{} ({}, {})", c.name, host(url), serves(c.serves)),
            None => serves(c.serves).to_string(),
        };
        let by =
            |pred: fn(Serves) -> bool| contacts.iter().filter(|c| pred(c.serves)).map(describe).collect::<Vec<_>>();
        let union = by(|s| s == Serves::Members).join("; ");
        let free = by(|s| !matches!(s, Serves::Members | Serves::Paid)).join(", ");
        let paid = by(|s| s == Serves::Paid).join(", ");
        match self {
            Lang::Nb => format!("Er du medlem av en fagforening, spør den først ({union}). Ellers gratis: {free}. Deretter en advokat: {paid}."),
            Lang::Nn => format!("Er du medlem av ei fagforeining, spør henne først ({union}). Elles gratis: {free}. Deretter ein advokat: {paid}."),
            Lang::En => format!("If you are a union member, ask your union first ({union}). Otherwise free: {free}. Then a lawyer: {paid}."),
        }
    }
}

/// ", kr 35 000" or nothing.
fn sep(amount: &str) -> String {
    if amount.is_empty() {
        String::new()
    } else {
        format!(", {amount}")
    }
}

/// The letter that gives notice: every phrase in bokmål, nynorsk and English.
impl Lang {
    /// "Til" / "Fra" header labels.
    pub fn letter_to_from(self) -> (&'static str, &'static str) {
        match self {
            Lang::Nb => ("Til", "Fra"),
            Lang::Nn => ("Til", "Frå"),
            Lang::En => ("To", "From"),
        }
    }

    /// Placeholders for names the contract does not give: employer, employee.
    pub fn letter_placeholders(self) -> (&'static str, &'static str) {
        match self {
            Lang::Nb => ("[NAVN PÅ ARBEIDSGIVER]", "[DITT NAVN]"),
            Lang::Nn => ("[NAMNET PÅ ARBEIDSGJEVAREN]", "[NAMNET DITT]"),
            Lang::En => ("[EMPLOYER'S NAME]", "[YOUR NAME]"),
        }
    }

    /// The subject line; `before_start` while the start date is ahead.
    pub fn letter_subject(self, before_start: bool) -> &'static str {
        match (self, before_start) {
            (Lang::Nb, true) => "Oppsigelse av arbeidsavtalen før tiltredelse",
            (Lang::Nn, true) => "Oppseiing av arbeidsavtalen før tiltreding",
            (Lang::En, true) => "Notice of termination before the start date",
            (Lang::Nb, false) => "Oppsigelse",
            (Lang::Nn, false) => "Oppseiing",
            (Lang::En, false) => "Resignation",
        }
    }

    /// The opening thanks.
    pub fn letter_thanks(self, before_start: bool) -> &'static str {
        match (self, before_start) {
            (Lang::Nb, true) => "Takk for tilbudet og for tilliten dere har vist meg.",
            (Lang::Nn, true) => "Takk for tilbodet og for tilliten de har vist meg.",
            (Lang::En, true) => "Thank you for the offer and for the trust you have shown in me.",
            (Lang::Nb, false) => "Takk for samarbeidet så langt.",
            (Lang::Nn, false) => "Takk for samarbeidet så langt.",
            (Lang::En, false) => "Thank you for our work together so far.",
        }
    }

    /// " signert 10.11.2026" / " signed on 10 November 2026", or nothing.
    pub fn letter_signed(self, date: Option<&str>) -> String {
        match (self, date) {
            (_, None) => String::new(),
            (Lang::Nb | Lang::Nn, Some(d)) => format!(" signert {d}"),
            (Lang::En, Some(d)) => format!(" signed on {d}"),
        }
    }

    /// The notice under the clause that allows it before the start.
    pub fn letter_notice_by_clause(self, signed: &str, place: &str, period: &str, ends: &str) -> String {
        match self {
            Lang::Nb => format!("Jeg har bestemt meg for ikke å tiltre stillingen, og sier med dette opp arbeidsavtalen{signed} etter bestemmelsen om oppsigelse før tiltredelse ({place}). Med fristen på {period} blir siste dag i avtaleforholdet {ends}."),
            Lang::Nn => format!("Eg har bestemt meg for ikkje å tiltre stillinga, og seier med dette opp arbeidsavtalen{signed} etter føresegna om oppseiing før tiltreding ({place}). Med fristen på {period} blir siste dag i avtaleforholdet {ends}."),
            Lang::En => format!("I have decided not to take up the position, and hereby give notice to terminate the employment contract{signed} under its provision on notice before the start date ({place}). With the notice period of {period}, the agreement ends on {ends}."),
        }
    }

    /// The notice when the contract says nothing about leaving before the start.
    pub fn letter_notice_by_agreement(self, signed: &str, period: &str, ends: &str) -> String {
        match self {
            Lang::Nb => format!("Jeg har bestemt meg for ikke å tiltre stillingen, og sier med dette opp arbeidsavtalen{signed}. Jeg foreslår at vi avtaler at avtalen avsluttes nå. Skulle dere mene at oppsigelsesfristen på {period} gjelder, blir siste dag i avtaleforholdet {ends}."),
            Lang::Nn => format!("Eg har bestemt meg for ikkje å tiltre stillinga, og seier med dette opp arbeidsavtalen{signed}. Eg foreslår at vi avtaler at avtalen blir avslutta no. Skulle de meine at oppseiingsfristen på {period} gjeld, blir siste dag i avtaleforholdet {ends}."),
            Lang::En => format!("I have decided not to take up the position, and hereby give notice to terminate the employment contract{signed}. I propose that we agree to end the contract now. Should you consider the notice period of {period} to apply, the agreement ends on {ends}."),
        }
    }

    /// The notice once the job has started.
    pub fn letter_notice_employed(self, period: &str, ends: &str) -> String {
        match self {
            Lang::Nb => format!("Jeg sier med dette opp stillingen min. Med oppsigelsesfristen på {period} blir siste arbeidsdag {ends}."),
            Lang::Nn => format!("Eg seier med dette opp stillinga mi. Med oppseiingsfristen på {period} blir siste arbeidsdag {ends}."),
            Lang::En => format!("I hereby resign from my position. With the notice period of {period}, my last working day is {ends}."),
        }
    }

    /// The request for written confirmation of the date and that no claim will be made.
    pub fn letter_confirm(self, ends: &str) -> String {
        match self {
            Lang::Nb => format!("Jeg ber om en skriftlig bekreftelse på at avtaleforholdet avsluttes {ends}, og på at dere ikke vil fremme noe krav mot meg i den forbindelse."),
            Lang::Nn => format!("Eg ber om ei skriftleg stadfesting på at avtaleforholdet blir avslutta {ends}, og på at de ikkje vil fremje noko krav mot meg i samband med dette."),
            Lang::En => format!("Please confirm in writing that the agreement ends on {ends} and that you will make no claim against me in this connection."),
        }
    }

    /// The closing greeting.
    pub fn letter_greeting(self) -> &'static str {
        self.tr("Vennlig hilsen", "Venleg helsing", "Kind regards")
    }

    /// Under the letter: what it is and how to send it.
    pub fn letter_draft_note(self) -> &'static str {
        self.tr(
            "Utkast laget av kontrakt, ikke juridisk rådgivning. Les det gjennom før du sender. Send det så tidlig som mulig og skriftlig (e-post holder), og ta vare på en kopi. Du skylder ingen begrunnelse, og du trenger ikke nevne et annet tilbud.",
            "Utkast laga av kontrakt, ikkje juridisk rådgjeving. Les det gjennom før du sender. Send det så tidleg som mogleg og skriftleg (e-post held), og ta vare på ein kopi. Du skuldar ingen grunngjeving, og du treng ikkje nemne eit anna tilbod.",
            "Draft made by kontrakt, not legal advice. Read it through before you send it. Send it as early as possible and in writing (e-mail is fine), and keep a copy. You owe no reasons, and you need not mention another offer.",
        )
    }

    /// Under the letter when the contract holds a money claim: `claims` lists them.
    pub fn letter_claim_note(self, claims: &str) -> String {
        match self {
            Lang::Nb => format!("Kontrakten har et pengekrav mot deg ({claims}). Snakk med fagforeningen din eller en advokat før du sender brevet."),
            Lang::Nn => format!("Kontrakten har eit pengekrav mot deg ({claims}). Snakk med fagforeininga di eller ein advokat før du sender brevet."),
            Lang::En => format!("The contract holds a money claim against you ({claims}). Talk to your union or a lawyer before you send the letter."),
        }
    }

    /// Under the letter when a name had to be left as a placeholder.
    pub fn letter_placeholder_note(self) -> &'static str {
        self.tr(
            "Kontrakten oppgir ikke alle navn: fyll inn det som står i hakeparentes.",
            "Kontrakten oppgjev ikkje alle namn: fyll inn det som står i hakeparentes.",
            "The contract does not give every name: fill in what stands in square brackets.",
        )
    }
}

/// A fixed word or label of the human reports (table, Markdown, HTML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The HTML page's title.
    Title,
    /// The HTML page's subtitle.
    Subtitle,
    /// "Laget" before the day the page was made.
    Made,
    /// The colour legend's name.
    Legend,
    /// What a high risk means.
    LegendHigh,
    /// What a medium risk means.
    LegendMedium,
    /// What a low risk means.
    LegendLow,
    /// What no risk means.
    LegendNone,
    /// The overall risk.
    OverallRisk,
    /// The recommendation.
    Recommendation,
    /// The notice sentence.
    Notice,
    /// The signature sentence.
    Signature,
    /// The findings list.
    Findings,
    /// The contract's text.
    ContractText,
    /// A failed file in the table.
    Error,
    /// "side" (lower case, before a number).
    Page,
    /// "sider" (lower case, after a number).
    Pages,
    /// "avsnitt".
    Paragraph,
    /// "Risiko" before the batch's risk counts.
    RiskCounts,
}

impl Lang {
    /// A fixed word of the human reports.
    pub fn label(self, label: Label) -> &'static str {
        match label {
            Label::Title => self.tr("Kontraktsrapport", "Kontraktsrapport", "Contract report"),
            Label::Subtitle => self.tr(
                "Klausuler som binder deg før første arbeidsdag",
                "Klausular som bind deg før første arbeidsdag",
                "Clauses that bind you before your first working day",
            ),
            Label::Made => self.tr("Laget", "Laga", "Made on"),
            Label::Legend => self.tr("Fargeforklaring", "Fargeforklaring", "Colour legend"),
            Label::LegendHigh => self.tr(
                "pengekrav mot deg, spør en jurist",
                "pengekrav mot deg, spør ein jurist",
                "a money claim, ask a lawyer",
            ),
            Label::LegendMedium => {
                self.tr("binder deg, spør fagforeningen", "bind deg, spør fagforeininga", "binds you, ask your union")
            }
            Label::LegendLow => self.tr("verdt å vite", "verdt å vite", "worth knowing"),
            Label::LegendNone => self.tr("ingenting å gjøre", "ingenting å gjere", "nothing to act on"),
            Label::OverallRisk => self.tr("Samlet risiko", "Samla risiko", "Overall risk"),
            Label::Recommendation => self.tr("Anbefaling", "Tilråding", "Recommendation"),
            Label::Notice => self.tr("Oppsigelse", "Oppseiing", "Notice"),
            Label::Signature => self.tr("Signatur", "Signatur", "Signature"),
            Label::Findings => self.tr("Funn", "Funn", "Findings"),
            Label::ContractText => self.tr("Kontraktens tekst", "Teksten i kontrakten", "The contract's text"),
            Label::Error => self.tr("FEIL", "FEIL", "ERROR"),
            Label::Page => self.tr("side", "side", "page"),
            Label::Pages => self.tr("sider", "sider", "pages"),
            Label::Paragraph => self.tr("avsnitt", "avsnitt", "paragraph"),
            Label::RiskCounts => self.tr("Risiko", "Risiko", "Risk"),
        }
    }

    /// A unit of time after a number: "dag" / "dager".
    pub fn unit(self, unit: Unit, one: bool) -> &'static str {
        match (unit, one) {
            (Unit::Day, true) => self.tr("dag", "dag", "day"),
            (Unit::Day, false) => self.tr("dager", "dagar", "days"),
            (Unit::Week, true) => self.tr("uke", "veke", "week"),
            (Unit::Week, false) => self.tr("uker", "veker", "weeks"),
            (Unit::Month, true) => self.tr("måned", "månad", "month"),
            (Unit::Month, false) => self.tr("måneder", "månader", "months"),
            (Unit::Year, true) => self.tr("år", "år", "year"),
            (Unit::Year, false) => self.tr("år", "år", "years"),
        }
    }

    /// The table's column headers.
    pub fn table_headers(self) -> [&'static str; 5] {
        match self {
            Lang::Nb => ["Kategori", "Sted", "Verdi", "Risiko", "Klausul og forklaring"],
            Lang::Nn => ["Kategori", "Stad", "Verdi", "Risiko", "Klausul og forklaring"],
            Lang::En => ["Category", "Location", "Value", "Risk", "Clause and explanation"],
        }
    }

    /// "side 1, avsnitt 7" / "page 1, paragraph 7".
    pub fn place_long(self, page: Option<u32>, paragraph: u32) -> String {
        let word = self.label(Label::Paragraph);
        match page {
            Some(p) => format!("{} {p}, {word} {paragraph}", self.label(Label::Page)),
            None => format!("{word} {paragraph}"),
        }
    }

    /// "2 sider" / "1 page".
    pub fn pages(self, pages: usize) -> String {
        let unit = if pages == 1 { self.label(Label::Page) } else { self.label(Label::Pages) };
        format!("{pages} {unit}")
    }

    /// The first part of the notice sentence: "Sier du opp i dag (24.11.2026), løper
    /// oppsigelsestiden ut 08.12.2026".
    pub fn notice_ends(self, given: &str, ends: &str, today: bool) -> String {
        match (self, today) {
            (Lang::Nb, true) => format!("Sier du opp i dag ({given}), løper oppsigelsestiden ut {ends}"),
            (Lang::Nb, false) => format!("Sier du opp {given}, løper oppsigelsestiden ut {ends}"),
            (Lang::Nn, true) => format!("Seier du opp i dag ({given}), går oppseiingstida ut {ends}"),
            (Lang::Nn, false) => format!("Seier du opp {given}, går oppseiingstida ut {ends}"),
            (Lang::En, true) => format!("If you give notice today ({given}), the notice period ends on {ends}"),
            (Lang::En, false) => format!("If you give notice on {given}, the notice period ends on {ends}"),
        }
    }

    /// Where the period comes from: " (14 dager etter kontrakten)" or the statutory month.
    pub fn notice_basis(self, period: &str, contract: bool) -> String {
        match (self, contract) {
            (Lang::Nb, true) => format!(" ({period} etter kontrakten)"),
            (Lang::Nn, true) => format!(" ({period} etter kontrakten)"),
            (Lang::En, true) => format!(" ({period} under the contract)"),
            (Lang::Nb, false) => " (lovens utgangspunkt på én måned, arbeidsmiljøloven § 15-3)".to_string(),
            (Lang::Nn, false) => " (utgangspunktet i lova på ein månad, arbeidsmiljølova § 15-3)".to_string(),
            (Lang::En, false) => " (the statutory one month, Working Environment Act section 15-3)".to_string(),
        }
    }

    /// The end of the notice sentence without a start date.
    pub fn notice_no_start(self) -> &'static str {
        self.tr(
            ". Kontrakten oppgir ingen eksakt tiltredelsesdato.",
            ". Kontrakten oppgjev ingen eksakt tiltredingsdato.",
            ". The contract states no exact start date.",
        )
    }

    /// The end of the notice sentence: before or not before the start date.
    pub fn notice_against_start(self, start: &str, before: bool) -> String {
        match (self, before) {
            (Lang::Nb, true) => format!(", før tiltredelsen {start}."),
            (Lang::Nb, false) => format!(", ikke før tiltredelsen {start}."),
            (Lang::Nn, true) => format!(", før tiltredinga {start}."),
            (Lang::Nn, false) => format!(", ikkje før tiltredinga {start}."),
            (Lang::En, true) => format!(", before your start date {start}."),
            (Lang::En, false) => format!(", not before your start date {start}."),
        }
    }

    /// Added when the contract says nothing about notice before the start.
    pub fn notice_disputed(self) -> &'static str {
        self.tr(
            " Det er omstridt om oppsigelsesfristen løper før tiltredelse når kontrakten ikke sier det; be arbeidsgiveren bekrefte fratredelsesdatoen skriftlig.",
            " Det er omstridd om oppseiingsfristen går før tiltreding når kontrakten ikkje seier det; be arbeidsgjevaren stadfeste fråtredingsdatoen skriftleg.",
            " Whether a notice period runs before the start date is disputed when the contract does not say so; ask the employer to confirm your leaving date in writing.",
        )
    }

    /// "digitalt signert av" / "signaturfelt" before the names, or that none was found.
    pub fn signed_by(self, digital: bool) -> &'static str {
        match digital {
            true => self.tr("digitalt signert av", "digitalt signert av", "digitally signed by"),
            false => self.tr("signaturfelt", "signaturfelt", "signature block"),
        }
    }

    /// No signature found.
    pub fn no_signature(self) -> &'static str {
        self.tr(
            "Fant ingen signatur eller signaturdato.",
            "Fann ingen signatur eller signaturdato.",
            "No signature or signing date found.",
        )
    }

    /// Before a pattern file's error.
    pub fn pattern_file_error(self) -> &'static str {
        self.tr("feil i mønsterfil", "feil i mønsterfil", "error in pattern file")
    }

    /// The heading of the pattern listing's groups.
    pub fn groups_count(self, n: usize) -> String {
        match self {
            Lang::Nb => format!("Grupper av begreper (grammar.toml [groups]): {n}"),
            Lang::Nn => format!("Grupper av omgrep (grammar.toml [groups]): {n}"),
            Lang::En => format!("Groups of concepts (grammar.toml [groups]): {n}"),
        }
    }

    /// "12 regler" in the pattern listing.
    pub fn rules_count(self, n: usize) -> String {
        match self {
            Lang::Nb | Lang::Nn => format!("{n} regler"),
            Lang::En => format!("{n} rules"),
        }
    }

    /// The closing count of files that could not be analysed.
    pub fn not_analysed_count(self, errors: usize, files: usize) -> String {
        match self {
            Lang::Nb => format!("{errors} av {files} filer kunne ikke analyseres"),
            Lang::Nn => format!("{errors} av {files} filer kunne ikkje analyserast"),
            Lang::En => format!("{errors} of {files} files could not be analysed"),
        }
    }
}

/// What `--version` adds.
impl Lang {
    /// What `--version` shows after the version number: the built-in pattern set and the law
    /// table's G, with a warning when that G may no longer be in force on `today`.
    pub fn version_details(self, patterns: &str, today: crate::date::Date) -> String {
        let g = format_g(self);
        let mut out = match self {
            Lang::Nb => format!("mønstersett {patterns}\nlovtabell: {g}"),
            Lang::Nn => format!("mønstersett {patterns}\nlovtabell: {g}"),
            Lang::En => format!("pattern set {patterns}\nlaw table: {g}"),
        };
        if G.outdated(today) {
            out.push_str(self.tr(
                "\nadvarsel: lovtabellens G er over ett år gammel (G fastsettes hvert år 1. mai); \
                 oppdater kontrakt, ellers kan kompensasjonen for en konkurranseklausul være regnet feil",
                "\nåtvaring: G i lovtabellen er over eitt år gammal (G blir fastsett kvart år 1. mai); \
                 oppdater kontrakt, elles kan kompensasjonen for ei konkurranseklausul vere rekna feil",
                "\nwarning: the law table's G is more than a year old (G is set every 1 May); \
                 update kontrakt, or the compensation for a non-compete may be computed wrongly",
            ));
        }
        out
    }
}

/// Messages of batch runs: paths that match nothing, the batch view, shards.
impl Lang {
    /// A folder with no file to analyse; says what was looked for.
    pub fn no_contracts_in(self, dir: &str, hidden: bool) -> String {
        let skipped = if hidden {
            ""
        } else {
            self.tr(
                "; skjulte filer er utelatt (--hidden)",
                "; skjulte filer er utelatne (--hidden)",
                "; hidden files left out (--hidden)",
            )
        };
        match self {
            Lang::Nb => format!(
                "ingen kontrakter i {dir}: så etter .pdf, .docx og .txt og filer som starter som PDF eller DOCX{skipped}"
            ),
            Lang::Nn => format!(
                "ingen kontraktar i {dir}: såg etter .pdf, .docx og .txt og filer som byrjar som PDF eller DOCX{skipped}"
            ),
            Lang::En => format!(
                "no contracts in {dir}: looked for .pdf, .docx and .txt and files that start like a PDF or DOCX{skipped}"
            ),
        }
    }

    /// Column heads of the batch view: risk, language, whom to ask, file.
    pub fn batch_header(self) -> [&'static str; 4] {
        match self {
            Lang::Nb => ["RISIKO", "SPRÅK", "ANBEFALING", "FIL"],
            Lang::Nn => ["RISIKO", "SPRÅK", "TILRÅDING", "FIL"],
            Lang::En => ["RISK", "LANGUAGE", "ADVICE", "FILE"],
        }
    }

    /// The risk column of a file that could not be analysed.
    pub fn error_label(self) -> &'static str {
        self.tr("FEIL", "FEIL", "ERROR")
    }

    /// A document language in a narrow column.
    pub fn language_short(self, l: Option<Language>) -> &'static str {
        match l {
            Some(Language::Nb) => "bokmål",
            Some(Language::Nn) => "nynorsk",
            Some(Language::En) => self.tr("engelsk", "engelsk", "English"),
            None => "–",
        }
    }

    /// Whom to ask, in a narrow column.
    pub fn recommendation_short(self, r: Recommendation) -> &'static str {
        match r {
            Recommendation::None => self.tr("ingen", "ingen", "none"),
            Recommendation::Union => self.tr("fagforening", "fagforeining", "union"),
            Recommendation::Lawyer => self.tr("jurist/advokat", "jurist/advokat", "lawyer"),
        }
    }

    /// The closing counts of a batch, one line each: files, risk, advice, errors by kind.
    pub fn batch_summary(self, s: &crate::model::Summary) -> Vec<String> {
        let list = |pairs: Vec<(&str, usize)>| {
            pairs.into_iter().map(|(name, n)| format!("{name} {n}")).collect::<Vec<_>>().join(", ")
        };
        let risks = list(Risk::ALL.iter().rev().map(|&r| (self.risk(r), s.by_risk.get(r))).collect());
        let advice = list(
            Recommendation::ALL
                .iter()
                .rev()
                .map(|&r| (self.recommendation_short(r), s.by_recommendation.get(r)))
                .collect(),
        );
        let mut lines = vec![
            format!("{} {}: {risks}.", self.batch_counts(s), self.tr("Risiko", "Risiko", "Risk")),
            format!("{}: {advice}.", self.tr("Anbefaling", "Tilråding", "Advice")),
        ];
        if s.errors > 0 {
            let kinds = ErrorKind::ALL.iter().filter(|&&k| s.by_error.get(k) > 0);
            let kinds = list(kinds.map(|&k| (k.as_str(), s.by_error.get(k))).collect());
            lines.push(format!("{}: {kinds}.", self.tr("Feil", "Feil", "Errors")));
        }
        lines
    }

    /// Heads the list of the riskiest files.
    pub fn riskiest_heading(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nb, 1) => "Filen med høyest risiko:".to_string(),
            (Lang::Nb, n) => format!("De {n} filene med høyest risiko:"),
            (Lang::Nn, 1) => "Fila med høgast risiko:".to_string(),
            (Lang::Nn, n) => format!("Dei {n} filene med høgast risiko:"),
            (Lang::En, 1) => "The riskiest file:".to_string(),
            (Lang::En, n) => format!("The {n} riskiest files:"),
        }
    }

    /// `--summary` with another format than JSON Lines.
    pub fn summary_needs_jsonl(self) -> &'static str {
        self.tr(
            "--summary gjelder bare --format jsonl; de andre formatene har alltid oppsummeringen",
            "--summary gjeld berre --format jsonl; dei andre formata har alltid oppsummeringa",
            "--summary applies to --format jsonl only; the other formats always have the summary",
        )
    }

    /// `samle --format html`: the shards do not hold the contracts' text.
    pub fn merge_has_no_html(self) -> &'static str {
        self.tr(
            "samle lager ikke HTML: JSONL-filene har ikke kontraktenes tekst (bruk table, json, jsonl, csv eller markdown)",
            "samle lagar ikkje HTML: JSONL-filene har ikkje teksten i kontraktane (bruk table, json, jsonl, csv eller markdown)",
            "samle makes no HTML: the JSON Lines files do not hold the contracts' text (use table, json, jsonl, csv or markdown)",
        )
    }

    /// Why shards cannot be merged.
    pub fn shard_error(self, e: &ShardError) -> String {
        use ShardError::*;
        // Rare messages about files made by other runs: nynorsk reads the bokmål.
        match (self, e) {
            (Lang::Nb | Lang::Nn, Io { shard, source }) => format!("kan ikke lese {shard}: {source}"),
            (Lang::Nb | Lang::Nn, Line { shard, line, message }) => {
                format!("{shard}, linje {line}: ikke en rapportlinje fra kontrakt sjekk --format jsonl ({message})")
            }
            (Lang::Nb | Lang::Nn, Version { shard, line, found, expected }) => format!(
                "{shard}, linje {line}: skjemaversjon {found}, men denne kontrakt leser versjon {expected}; lag filen på nytt med samme versjon"
            ),
            (Lang::Nb | Lang::Nn, Duplicate { file, first, second }) => {
                format!("{file} finnes både i {first} og i {second}; hver fil skal bare være med i én del")
            }
            (Lang::Nb | Lang::Nn, Incomplete { shard, counted, found }) => format!(
                "{shard}: oppsummeringen teller {counted} filer, men filen har {found} rapporter (avbrutt, eller laget med --min-risk?)"
            ),
            (Lang::Nb | Lang::Nn, Output(e)) => e.to_string(),
            (Lang::En, Line { shard, line, message }) => {
                format!("{shard}, line {line}: not a report line of kontrakt sjekk --format jsonl ({message})")
            }
            (Lang::En, Version { shard, line, found, expected }) => format!(
                "{shard}, line {line}: schema version {found}, but this kontrakt reads version {expected}; make the file again with the same version"
            ),
            (Lang::En, Duplicate { file, first, second }) => {
                format!("{file} is in both {first} and {second}; each file belongs in one part only")
            }
            (Lang::En, Incomplete { shard, counted, found }) => format!(
                "{shard}: its summary counts {counted} files but it holds {found} reports (cut short, or made with --min-risk?)"
            ),
            (Lang::En, e) => e.to_string(),
        }
    }

    /// A path given on the command line that does not exist.
    pub fn no_such_path(self, path: &str) -> String {
        match self {
            Lang::Nb => format!("finner ikke {path}: ingen fil eller mappe med det navnet"),
            Lang::Nn => format!("finn ikkje {path}: inga fil eller mappe med det namnet"),
            Lang::En => format!("cannot find {path}: no file or folder by that name"),
        }
    }

    /// The help text of a command line item: a command by its full name ("kontrakt sjekk";
    /// "kontrakt (long)" is the longer text of `kontrakt --help`), an argument as
    /// `command.argument` or, for one several commands share, by the argument alone.
    pub fn cli_help(self, key: &str) -> Option<&'static str> {
        CLI_HELP.iter().find(|(k, ..)| *k == key).map(|&(_, nb, nn, en)| self.tr(nb, nn, en))
    }

    /// An argument's value name ("STI") in this language.
    pub fn cli_value_name(self, nb: &str) -> Option<&'static str> {
        CLI_VALUE_NAMES.iter().find(|(k, ..)| *k == nb).map(|&(k, nn, en)| self.tr(k, nn, en))
    }

    /// The headings of the help: usage, commands, arguments, options.
    pub fn cli_headings(self) -> [&'static str; 4] {
        match self {
            Lang::Nb => ["Bruk:", "Kommandoer", "Argumenter", "Valg"],
            Lang::Nn => ["Bruk:", "Kommandoar", "Argument", "Val"],
            Lang::En => ["Usage:", "Commands", "Arguments", "Options"],
        }
    }

    /// What the usage line shows for "some options".
    pub fn cli_options_placeholder(self) -> &'static str {
        self.tr("[VALG]", "[VAL]", "[OPTIONS]")
    }

    /// The exit statuses, after the help of the commands that check.
    pub fn cli_exit_status(self) -> &'static str {
        self.tr(
            "AVSLUTNINGSKODE (exit status):\n  \
             0  alle filene ble analysert (og ingen nådde --fail-on)\n  \
             1  minst én kontrakt nådde risikonivået i --fail-on\n  \
             2  en fil kunne ikke analyseres, en sti ga ingen kontrakt, eller feil bruk av kommandoen\n\
             En lukket utdatakanal (for eksempel `| head`) avslutter stille med 0.",
            "AVSLUTTINGSKODE (exit status):\n  \
             0  alle filene vart analyserte (og ingen nådde --fail-on)\n  \
             1  minst éin kontrakt nådde risikonivået i --fail-on\n  \
             2  ei fil kunne ikkje analyserast, ein sti gav ingen kontrakt, eller feil bruk av kommandoen\n\
             Ein lukka utdatakanal (til dømes `| head`) avsluttar stilt med 0.",
            "EXIT STATUS:\n  \
             0  every file was analysed (and none reached --fail-on)\n  \
             1  at least one contract reached the risk of --fail-on\n  \
             2  a file could not be analysed, a path gave no contract, or the command was used wrongly\n\
             A closed output pipe (such as `| head`) ends quietly with 0.",
        )
    }

    /// The examples that open the help of `sjekk`.
    pub fn cli_sjekk_examples(self) -> &'static str {
        self.tr(
            "Eksempler:\n  \
             kontrakt avtale.pdf                           sjekk én kontrakt (det samme som kontrakt sjekk avtale.pdf)\n  \
             kontrakt sjekk -f html -o rapport.html avtale.docx\n  \
             kontrakt sjekk -f json --fail-on high kontrakter/ > rapport.json\n  \
             pdftotext avtale.pdf - | kontrakt sjekk -     les kontrakten fra standard inn",
            "Døme:\n  \
             kontrakt avtale.pdf                           sjekk éin kontrakt (det same som kontrakt sjekk avtale.pdf)\n  \
             kontrakt sjekk -f html -o rapport.html avtale.docx\n  \
             kontrakt sjekk -f json --fail-on high kontraktar/ > rapport.json\n  \
             pdftotext avtale.pdf - | kontrakt sjekk -     les kontrakten frå standard inn",
            "Examples:\n  \
             kontrakt contract.pdf                         check one contract (the same as kontrakt sjekk contract.pdf)\n  \
             kontrakt sjekk -f html -o report.html contract.docx\n  \
             kontrakt sjekk -f json --fail-on high contracts/ > report.json\n  \
             pdftotext contract.pdf - | kontrakt sjekk -   read the contract from standard input",
        )
    }

    /// A command line the parser refused, for the first line of the error (English keeps
    /// the parser's own wording). `value` and `arg` as the user wrote them.
    pub fn cli_error(self, error: CliError<'_>) -> String {
        match (self, error) {
            (Lang::Nb, CliError::UnknownArgument { arg, suggestion: None }) => format!("ukjent valg «{arg}»"),
            (Lang::Nn, CliError::UnknownArgument { arg, suggestion: None }) => format!("ukjent val «{arg}»"),
            (Lang::Nb, CliError::UnknownArgument { arg, suggestion: Some(s) }) => {
                format!("ukjent valg «{arg}»; mente du «{s}»?")
            }
            (Lang::Nn, CliError::UnknownArgument { arg, suggestion: Some(s) }) => {
                format!("ukjent val «{arg}»; meinte du «{s}»?")
            }
            (Lang::Nb, CliError::InvalidValue { value, arg, valid }) => {
                format!("«{value}» er ikke en gyldig verdi for {arg}; mulige verdier: {valid}")
            }
            (Lang::Nn, CliError::InvalidValue { value, arg, valid }) => {
                format!("«{value}» er ikkje ein gyldig verdi for {arg}; moglege verdiar: {valid}")
            }
            (Lang::Nb | Lang::Nn, CliError::Validation { value, arg, why }) => {
                format!("ugyldig verdi «{value}» for {arg}: {}", self.bad_value(why))
            }
            (Lang::Nb, CliError::Missing { args }) => format!("mangler {args}"),
            (Lang::Nn, CliError::Missing { args }) => format!("manglar {args}"),
            (Lang::En, _) => unreachable!("English errors are the parser's own"),
        }
    }

    /// Why a value of the command line was refused.
    pub fn bad_value(self, why: BadValue) -> String {
        match (self, why) {
            (Lang::Nb, BadValue::Date) => "skriv DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, f.eks. 24.11.2026".into(),
            (Lang::Nn, BadValue::Date) => "skriv DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, til dømes 24.11.2026".into(),
            (Lang::En, BadValue::Date) => "write DD.MM.YYYY or YYYY-MM-DD, such as 24.11.2026".into(),
            (Lang::Nb | Lang::Nn, BadValue::SizeUnit) => "bruk B, KB, MB eller GB".into(),
            (Lang::En, BadValue::SizeUnit) => "use B, KB, MB or GB".into(),
            (Lang::Nb, BadValue::Range { min, max }) => format!("må være fra {min} til {max}"),
            (Lang::Nn, BadValue::Range { min, max }) => format!("må vere frå {min} til {max}"),
            (Lang::En, BadValue::Range { min, max }) => format!("must be from {min} to {max}"),
            (Lang::Nb, BadValue::Other) => "kan ikke leses".into(),
            (Lang::Nn, BadValue::Other) => "kan ikkje lesast".into(),
            (Lang::En, BadValue::Other) => "cannot be read".into(),
        }
    }

    /// The line after a refused command line.
    pub fn cli_more_help(self, command: &str) -> String {
        match self {
            Lang::Nb => format!("Mer hjelp: {command} --help"),
            Lang::Nn => format!("Meir hjelp: {command} --help"),
            Lang::En => format!("For more information, try '{command} --help'."),
        }
    }
}

/// A command line the parser refused, by kind (see [`Lang::cli_error`]).
#[derive(Debug, Clone, Copy)]
pub enum CliError<'a> {
    /// An option that does not exist, with the nearest one that does.
    UnknownArgument {
        /// The option given.
        arg: &'a str,
        /// The nearest option, if any is near.
        suggestion: Option<&'a str>,
    },
    /// A value outside a fixed list.
    InvalidValue {
        /// The value given.
        value: &'a str,
        /// The option.
        arg: &'a str,
        /// The values allowed, comma-separated.
        valid: &'a str,
    },
    /// A value its parser refused.
    Validation {
        /// The value given.
        value: &'a str,
        /// The option.
        arg: &'a str,
        /// Why.
        why: BadValue,
    },
    /// Arguments that must be given.
    Missing {
        /// The arguments.
        args: &'a str,
    },
}

/// Why a value of the command line was refused (see [`Lang::bad_value`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadValue {
    /// Not a date.
    Date,
    /// A size without a known unit.
    SizeUnit,
    /// A number outside its range (a size: in bytes).
    Range {
        /// The smallest allowed.
        min: u64,
        /// The largest allowed.
        max: u64,
    },
    /// Anything else the parser refused.
    Other,
}

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&Lang::En.bad_value(*self))
    }
}

impl std::error::Error for BadValue {}

/// Value names of the command line: bokmål (as written in the definition), nynorsk, English.
const CLI_VALUE_NAMES: &[(&str, &str, &str)] = &[
    ("STI", "STI", "PATH"),
    ("MAPPE", "MAPPE", "DIR"),
    ("STØRRELSE", "STORLEIK", "SIZE"),
    ("NIVÅ", "NIVÅ", "LEVEL"),
    ("DD.MM.ÅÅÅÅ", "DD.MM.ÅÅÅÅ", "DD.MM.YYYY"),
    ("KOLONNER", "KOLONNAR", "COLUMNS"),
    ("SEKUNDER", "SEKUND", "SECONDS"),
    ("FIL", "FIL", "FILE"),
    ("NÅR", "NÅR", "WHEN"),
    ("SKALL", "SKAL", "SHELL"),
    ("FORMAT", "FORMAT", "FORMAT"),
    ("SPRÅK", "SPRÅK", "LANG"),
    ("N", "N", "N"),
    ("JSONL", "JSONL", "JSONL"),
    ("UNDERKOMMANDO", "UNDERKOMMANDO", "COMMAND"),
];

/// The help of the command line (see [`Lang::cli_help`]): key, bokmål, nynorsk, English.
const CLI_HELP: &[(&str, &str, &str, &str)] = &[
    (
        "kontrakt",
        "Leser signerte arbeidsavtaler (PDF, DOCX, tekst) og forteller hva som binder deg før første arbeidsdag. Alt skjer lokalt; ingenting sendes noe sted. Ikke juridisk rådgivning.",
        "Les signerte arbeidsavtalar (PDF, DOCX, tekst) og fortel kva som bind deg før første arbeidsdag. Alt skjer lokalt; ingenting blir sendt nokon stad. Ikkje juridisk rådgjeving.",
        "Reads signed employment contracts (PDF, DOCX, text) and tells you what binds you before your first working day. Everything happens locally; nothing is sent anywhere. Not legal advice.",
    ),
    (
        "kontrakt (long)",
        "`kontrakt STI…` uten underkommando er det samme som `kontrakt sjekk STI…`.",
        "`kontrakt STI…` utan underkommando er det same som `kontrakt sjekk STI…`.",
        "`kontrakt PATH…` without a subcommand is the same as `kontrakt sjekk PATH…`.",
    ),
    (
        "lang",
        "Språk i rapporten og meldingene: nb (bokmål), nn (nynorsk) eller en (engelsk). Standard: bokmål, nynorsk for én nynorsk kontrakt; for brev kontraktens språk.",
        "Språk i rapporten og meldingane: nb (bokmål), nn (nynorsk) eller en (engelsk). Standard: bokmål, nynorsk for éin nynorsk kontrakt; for brev språket i kontrakten.",
        "Language of the report and the messages: nb (Bokmål), nn (Nynorsk) or en (English). Default: Bokmål, Nynorsk for one Nynorsk contract; for brev the contract's language.",
    ),
    (
        "color",
        "Farger: auto (bare på en terminal, og ikke med NO_COLOR eller TERM=dumb), always eller never.",
        "Fargar: auto (berre på ein terminal, og ikkje med NO_COLOR eller TERM=dumb), always eller never.",
        "Colours: auto (only on a terminal, and not with NO_COLOR or TERM=dumb), always or never.",
    ),
    (
        "patterns",
        "Bruk mønsterfilene (*.toml) i denne mappen i stedet for de innebygde.",
        "Bruk mønsterfilene (*.toml) i denne mappa i staden for dei innebygde.",
        "Use the pattern files (*.toml) in this folder instead of the built-in ones.",
    ),
    ("help", "Vis hjelpen", "Vis hjelpa", "Print help"),
    ("version", "Vis versjonen", "Vis versjonen", "Print version"),
    (
        "kontrakt sjekk",
        "Sjekk én eller flere kontrakter eller mapper (alias: check).",
        "Sjekk éin eller fleire kontraktar eller mapper (alias: check).",
        "Check one or more contracts or folders (alias: check).",
    ),
    (
        "sjekk.paths",
        "Filer eller mapper (mapper gjennomsøkes rekursivt etter .pdf, .docx, .txt og bilder: .jpg, .png, .tif, .heic); - er standard inn.",
        "Filer eller mapper (mapper blir gjennomsøkte rekursivt etter .pdf, .docx, .txt og bilete: .jpg, .png, .tif, .heic); - er standard inn.",
        "Files or folders (folders are searched recursively for .pdf, .docx, .txt and images: .jpg, .png, .tif, .heic); - is standard input.",
    ),
    (
        "max_size",
        "Største filstørrelse som leses, f.eks. 100MB, 512KB eller et antall byte (høyst 1GB).",
        "Største filstorleik som blir lesen, til dømes 100MB, 512KB eller eit tal på byte (høgst 1GB).",
        "Largest file size read, such as 100MB, 512KB or a number of bytes (at most 1GB).",
    ),
    (
        "hidden",
        "Ta med skjulte filer og mapper (navn som begynner med punktum).",
        "Ta med skjulte filer og mapper (namn som byrjar med punktum).",
        "Include hidden files and folders (names that start with a dot).",
    ),
    (
        "follow",
        "Følg symbolske lenker i mapper (løkker oppdages og hoppes over).",
        "Følg symbolske lenkjer i mapper (løkker blir oppdaga og hoppa over).",
        "Follow symbolic links in folders (loops are detected and skipped).",
    ),
    (
        "fail_on",
        "Avslutt med kode 1 hvis en kontrakt har minst denne risikoen: low, medium eller high.",
        "Avslutt med kode 1 viss ein kontrakt har minst denne risikoen: low, medium eller high.",
        "Exit with code 1 if a contract has at least this risk: low, medium or high.",
    ),
    (
        "quiet",
        "Ingen fremdriftsindikator eller oppsummering på standard feil.",
        "Ingen framdriftsindikator eller oppsummering på standard feil.",
        "No progress bar or summary on standard error.",
    ),
    (
        "sjekk.dato",
        "Dagen oppsigelsen gis, for å regne ut når fristen løper ut (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, standard i dag).",
        "Dagen oppseiinga blir gjeven, for å rekne ut når fristen går ut (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, standard i dag).",
        "The day notice is given, to work out when the period ends (DD.MM.YYYY or YYYY-MM-DD, default today).",
    ),
    (
        "width",
        "Tabellens bredde i tegn (standard: COLUMNS, terminalen eller 100); under 100 stables funnene.",
        "Breidda på tabellen i teikn (standard: COLUMNS, terminalen eller 100); under 100 blir funna stabla.",
        "Width of the table in characters (default: COLUMNS, the terminal or 100); below 100 the findings are stacked.",
    ),
    (
        "timeout",
        "Tidsgrense for å lese én fil, i sekunder (1 til 3600). Hver side som leses med OCR, gir filen en sjettedel mer (høyst 40 sider).",
        "Tidsgrense for å lese éi fil, i sekund (1 til 3600). Kvar side som blir lesen med OCR, gir fila ein sjettedel meir (høgst 40 sider).",
        "Time limit for reading one file, in seconds (1 to 3600). Each page read by OCR gives the file a sixth more (at most 40 pages).",
    ),
    (
        "jobs",
        "Antall filer som analyseres samtidig (1 til 256, standard: antall kjerner).",
        "Talet på filer som blir analyserte samtidig (1 til 256, standard: talet på kjernar).",
        "Number of files analysed at the same time (1 to 256, default: the number of cores).",
    ),
    (
        "format",
        "Utdataformat: table (tabell for mennesker), json (ett JSON-objekt, skjemaversjon 1), csv (én rad per fil for regneark), jsonl (én JSON-rapport per linje så snart hver fil er ferdig), markdown (til en e-post til fagforeningen eller en advokat) eller html (én side med kontraktens tekst og klausulene markert etter risiko).",
        "Utdataformat: table (tabell for menneske), json (eitt JSON-objekt, skjemaversjon 1), csv (éi rad per fil for rekneark), jsonl (éin JSON-rapport per linje så snart kvar fil er ferdig), markdown (til ein e-post til fagforeininga eller ein advokat) eller html (éi side med teksten i kontrakten og klausulane merkte etter risiko).",
        "Output format: table (for people), json (one JSON object, schema version 1), csv (one row per file for spreadsheets), jsonl (one JSON report per line as soon as each file is done), markdown (for an e-mail to the union or a lawyer) or html (one page with the contract's text and the clauses marked by risk).",
    ),
    (
        "output",
        "Skriv til denne filen i stedet for standard ut (- er standard ut).",
        "Skriv til denne fila i staden for standard ut (- er standard ut).",
        "Write to this file instead of standard output (- is standard output).",
    ),
    (
        "min_risk",
        "Vis bare kontrakter med minst denne risikoen (og filer med feil); oppsummeringen teller alle.",
        "Vis berre kontraktar med minst denne risikoen (og filer med feil); oppsummeringa tel alle.",
        "Show only contracts with at least this risk (and files with errors); the summary counts them all.",
    ),
    (
        "detaljer",
        "Full rapport for hver fil også når flere filer vises (alias: --details).",
        "Full rapport for kvar fil også når fleire filer blir viste (alias: --details).",
        "The full report for each file also when several files are shown (alias: --details).",
    ),
    (
        "summary",
        "Med --format jsonl: skriv oppsummeringen som siste linje (\"record\": \"summary\").",
        "Med --format jsonl: skriv oppsummeringa som siste linje (\"record\": \"summary\").",
        "With --format jsonl: write the summary as the last line (\"record\": \"summary\").",
    ),
    (
        "kontrakt samle",
        "Slå sammen JSONL-filer fra separate kjøringer til ett resultat (alias: merge).",
        "Slå saman JSONL-filer frå separate køyringar til eitt resultat (alias: merge).",
        "Merge JSONL files from separate runs into one result (alias: merge).",
    ),
    (
        "samle.shards",
        "JSONL-filer fra `kontrakt sjekk --format jsonl` (helst med --summary).",
        "JSONL-filer frå `kontrakt sjekk --format jsonl` (helst med --summary).",
        "JSONL files from `kontrakt sjekk --format jsonl` (preferably with --summary).",
    ),
    (
        "kontrakt brev",
        "Skriv et utkast til den skriftlige oppsigelsen du sender arbeidsgiveren (alias: letter).",
        "Skriv eit utkast til den skriftlege oppseiinga du sender arbeidsgjevaren (alias: letter).",
        "Write a draft of the written notice you send the employer (alias: letter).",
    ),
    ("brev.path", "Kontrakten (PDF, DOCX eller tekst).", "Kontrakten (PDF, DOCX eller tekst).", "The contract (PDF, DOCX or text)."),
    ("brev.format", "text (ren tekst) eller markdown.", "text (rein tekst) eller markdown.", "text (plain text) or markdown."),
    (
        "brev.dato",
        "Dagen brevet sendes (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, standard i dag).",
        "Dagen brevet blir sendt (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, standard i dag).",
        "The day the letter is sent (DD.MM.YYYY or YYYY-MM-DD, default today).",
    ),
    (
        "kontrakt mønstre",
        "List kategoriene og reglene som kontrakt leter etter (alias: patterns).",
        "List kategoriane og reglane som kontrakt leitar etter (alias: patterns).",
        "List the categories and rules kontrakt looks for (alias: patterns).",
    ),
    (
        "kontrakt completions",
        "Skriv et skript for fullføring av kommandoen i skallet (bash, zsh, fish, powershell).",
        "Skriv eit skript for fullføring av kommandoen i skalet (bash, zsh, fish, powershell).",
        "Write a script that completes the command in the shell (bash, zsh, fish, powershell).",
    ),
    ("completions.shell", "Skallet skriptet er for.", "Skalet skriptet er for.", "The shell the script is for."),
    (
        "kontrakt man",
        "Skriv manualsiden (man-format) til standard ut, eller alle sidene til en mappe.",
        "Skriv manualsida (man-format) til standard ut, eller alle sidene til ei mappe.",
        "Write the manual page (man format) to standard output, or all the pages to a folder.",
    ),
    (
        "man.dir",
        "Skriv kontrakt.1 og én side per underkommando (kontrakt-sjekk.1, …) hit.",
        "Skriv kontrakt.1 og éi side per underkommando (kontrakt-sjekk.1, …) hit.",
        "Write kontrakt.1 and one page per subcommand (kontrakt-sjekk.1, …) here.",
    ),
    (
        "kontrakt help",
        "Vis hjelpen, eller hjelpen til en underkommando",
        "Vis hjelpa, eller hjelpa til ein underkommando",
        "Print this message or the help of the given subcommand",
    ),
    ("help.subcommand", "Underkommandoen", "Underkommandoen", "The subcommand"),
];

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
