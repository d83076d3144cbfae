//! The short answer (can I get out, by when, what can it cost, whom to call), the notice
//! deadline in JSON and the notice period in force on the day given with `--dato`.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name).to_str().unwrap().to_string()
}

fn kontrakt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kontrakt")).env("NO_COLOR", "1").args(args).output().expect("runs")
}

fn stdout(args: &[&str]) -> String {
    let out = kontrakt(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The first report of a JSON run.
fn report(args: &[&str]) -> Value {
    let mut all = vec!["sjekk", "--format", "json"];
    all.extend_from_slice(args);
    let v: Value = serde_json::from_str(&stdout(&all)).unwrap();
    v["reports"][0].clone()
}

/// A contract written to a temporary file, checked on `dato`.
fn report_of(text: &str, dato: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("avtale.txt");
    std::fs::write(&file, text).unwrap();
    report(&["--dato", dato, file.to_str().unwrap()])
}

/// The table's text with its line breaks undone, as far as the findings table.
fn answer_part(text: &str) -> String {
    text.split('┌').next().unwrap().replace('\n', " ")
}

#[test]
fn short_answer_comes_first_in_three_languages() {
    let cases = [
        (
            "nb",
            "avtale-bokmal.pdf",
            [
                "Kan jeg komme ut før start? Ja. Kontrakten lar deg si opp før tiltredelse med en frist på 14 dager (s. 1, avsn. 7).",
                "Innen når? Si opp skriftlig senest 14.02.2027, så løper fristen ut før tiltredelsen 01.03.2027.",
                "Hva kan det koste? Kr 50 000 i bot eller erstatning (s. 2, avsn. 2) bare hvis du ikke begynner uten å ha sagt opp etter kontrakten: sier du opp i tide, faller kravet bort. Bindingstiden (s. 2, avsn. 4) gjelder først etter start og koster ingenting om du går før.",
                "Hvem kan hjelpe? Er du medlem av en fagforening, spør den først",
            ],
        ),
        (
            "nn",
            "avtale-nynorsk.txt",
            [
                "Kan eg kome ut før start? Ja. Kontrakten let deg seie opp før tiltreding med ein frist på 14 dagar (avsn. 7).",
                "Innan når? Sei opp skriftleg seinast 14.02.2027, så går fristen ut før tiltredinga 01.03.2027.",
                "Kva kan det koste? Kr 30 000 i bot eller erstatning (avsn. 16) berre om du ikkje byrjar utan å ha sagt opp etter kontrakten",
                "Kven kan hjelpe? Er du medlem av ei fagforeining, spør henne først",
            ],
        ),
        (
            "en",
            "contract-english.txt",
            [
                "Can I get out before the start? Yes. The contract lets you give notice before the start, with a notice period of 14 days (para. 7).",
                "By when? Give written notice by 14 February 2027 at the latest, and the notice period ends before your start date 1 March 2027.",
                "What can it cost? NOK 25,000 as a penalty or damages (para. 16) only if you fail to start without giving the notice the contract allows",
                "Whom to call? If you are a union member, ask your union first",
            ],
        ),
    ];
    for (lang, file, lines) in cases {
        let text = answer_part(&stdout(&["--lang", lang, "sjekk", "--dato", "24.11.2026", &fixture(file)]));
        let mut at = 0;
        for line in lines {
            let found = text[at..].find(line).unwrap_or_else(|| panic!("{lang}: {line:?} in order in {text}"));
            at += found + line.len();
        }
        for site in [
            "arbeidstilsynet.no",
            "jussbuss.no",
            "jusshjelpa.no",
            "jussformidlingen.no",
            "jurk.no",
            "advokatforeningen.no",
        ] {
            assert!(text.contains(site), "{lang}: {site} in {text}");
        }
    }
}

#[test]
fn short_answer_in_markdown_html_and_json() {
    let file = fixture("avtale-bokmal.txt");
    let md = stdout(&["sjekk", "--format", "markdown", "--dato", "24.11.2026", &file]);
    let first_finding = md.find("1. **").unwrap();
    let answer = md.find("**Innen når?** Si opp skriftlig senest 14.02.2027").expect("deadline in Markdown");
    assert!(answer < first_finding, "the short answer comes before the findings");
    let html = stdout(&["sjekk", "--format", "html", "--dato", "24.11.2026", &file]);
    let dd = html.find("<dt>Innen når?</dt><dd>Si opp skriftlig senest 14.02.2027").expect("deadline in HTML");
    assert!(dd < html.find("class=\"findings\"").unwrap());

    let r = report(&["--dato", "24.11.2026", &file]);
    let a = &r["answer"];
    assert_eq!(
        a["exit"],
        serde_json::json!({"clause": {"page": null, "paragraph": 7}, "period": {"value": 14, "unit": "day"}, "basis": "contract"})
    );
    let costs: Vec<(&str, &str, Option<u64>)> = a["costs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["category"].as_str().unwrap(), c["applies"].as_str().unwrap(), c["amount"]["value"].as_u64()))
        .collect();
    assert_eq!(
        costs,
        [("compensation", "unless_notice", Some(50_000)), ("binding_period", "after_start", Some(35_000))],
        "the penalty is avoided by notice, the course binding bites only after the start; one claim per clause"
    );
    let contacts: Vec<&str> = a["contacts"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(contacts[0], "Fagforeningen", "the union first");
    assert_eq!(contacts.last(), Some(&"Advokatforeningen"), "a lawyer last");
    assert!(a["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .all(|c| c["url"].as_str().unwrap().starts_with("https://")));
}

#[test]
fn money_claims_and_their_conditions() {
    let applies = |text: &str| -> Vec<String> {
        let r = report_of(text, "24.11.2026");
        r["answer"]["costs"].as_array().unwrap().iter().map(|c| c["applies"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(
        applies("Arbeidstaker tiltrer 1. mars 2027. Dersom arbeidstaker ikke tiltrer, skal arbeidstaker betale kr 40 000 i konvensjonalbot."),
        ["not_starting"],
        "without a way to give notice before the start the penalty is a cost"
    );
    assert_eq!(
        applies("Arbeidstaker tiltrer 1. mars 2027. Arbeidstaker mottar en signeringsbonus på kr 30 000, som skal tilbakebetales dersom arbeidstaker slutter innen 12 måneder."),
        ["if_received"]
    );
    let r = report_of("Arbeidsavtale. Arbeidstaker tiltrer stillingen 1. mars 2027. Lønn etter avtale.", "24.11.2026");
    assert_eq!(r["answer"]["costs"], serde_json::json!([]));
    assert_eq!(r["answer"]["exit"]["clause"], Value::Null);
    assert_eq!(r["answer"]["exit"]["basis"], "statute");
}

#[test]
fn deadline_month_ends_passed_and_missing() {
    let deadline = |text: &str, dato: &str| report_of(text, dato)["notice"]["deadline"].clone();
    // 14 days date to date: notice on 14.02 ends 28.02, the day before the start.
    assert_eq!(
        deadline(
            "Partene kan si opp avtalen før tiltredelse med en frist på 14 dager. Arbeidstaker tiltrer 1. mars 2027.",
            "01.12.2026"
        ),
        "2027-02-14"
    );
    // Whole months end on a month's last day: a start on the 1st or on the 31st of March
    // leaves February as the last month, so notice is due by 31 January.
    assert_eq!(
        deadline("Oppsigelsesfristen er 1 måned. Arbeidstaker tiltrer stillingen 1. mars 2027.", "01.12.2026"),
        "2027-01-31"
    );
    assert_eq!(
        deadline("Oppsigelsesfristen er 1 måned. Arbeidstaker tiltrer stillingen 31. mars 2027.", "01.12.2026"),
        "2027-01-31"
    );
    // Three months before a start on 31.01.2027 must be October to December: notice by 30.09.
    assert_eq!(
        deadline("Oppsigelsesfristen er 3 måneder. Arbeidstaker tiltrer stillingen 31. januar 2027.", "01.09.2026"),
        "2026-09-30"
    );
    assert_eq!(
        deadline("Oppsigelsesfristen er 3 måneder. Arbeidstaker tiltrer stillingen 31. januar 2027.", "30.09.2026"),
        "2026-09-30"
    );
    assert_eq!(
        deadline("Oppsigelsesfristen er 3 måneder. Arbeidstaker tiltrer stillingen 31. januar 2027.", "01.10.2026"),
        Value::Null,
        "passed"
    );
    assert_eq!(
        deadline("Oppsigelsesfristen er 3 måneder. Arbeidstaker ansettes som lagermedarbeider.", "01.11.2026"),
        Value::Null,
        "no start date"
    );

    let file = fixture("avtale-bokmal.txt");
    let passed = answer_part(&stdout(&["sjekk", "--dato", "20.02.2027", &file]));
    assert!(passed.contains("Innen når? Det er for sent til at fristen løper ut før tiltredelsen 01.03.2027: sier du opp 20.02.2027, løper den ut 06.03.2027."), "{passed}");
    let dir = tempfile::tempdir().unwrap();
    let none = dir.path().join("avtale.txt");
    std::fs::write(&none, "Arbeidsavtale. Arbeidstaker ansettes som lagermedarbeider. Lønn etter avtale.").unwrap();
    let text = answer_part(&stdout(&["--lang", "en", "sjekk", "--dato", "01.11.2026", none.to_str().unwrap()]));
    assert!(text.contains("By when? The contract states no exact start date"), "{text}");
    assert!(text.contains("What can it cost? No money claim against you found in the contract."), "{text}");
}

#[test]
fn dato_picks_the_period_in_force() {
    // Start 01.03.2027, six months' probation, three months' notice after it, 14 days' notice
    // before the start.
    let file = fixture("avtale-bokmal.txt");
    let notice = |dato: &str, flag: &str| report(&[flag, dato, &file])["notice"].clone();
    let n = notice("24.11.2026", "--dato");
    assert_eq!(
        (n["phase"].as_str(), n["ends"].as_str(), n["basis"].as_str()),
        (Some("before_start"), Some("2026-12-08"), Some("contract"))
    );
    let n = notice("2027-04-10", "--dato");
    assert_eq!(
        (n["phase"].as_str(), n["ends"].as_str(), n["basis"].as_str()),
        (Some("probation"), Some("2027-04-24"), Some("statute"))
    );
    assert_eq!(n["period"], serde_json::json!({"value": 14, "unit": "day"}));
    assert_eq!(n["deadline"], Value::Null);
    let n = notice("2027-03-01", "--date");
    assert_eq!(n["phase"], "probation", "the start date itself is the first day of probation");
    let n = notice("31.08.2027", "--date");
    assert_eq!(n["phase"], "probation", "the last day of six months from 01.03");
    let n = notice("01.09.2027", "--dato");
    assert_eq!(
        (n["phase"].as_str(), n["ends"].as_str(), n["basis"].as_str()),
        (Some("employed"), Some("2027-12-31"), Some("contract"))
    );
    assert_eq!(n["period"], serde_json::json!({"value": 3, "unit": "month"}));
    // Without a probation clause the period after the start is the ordinary one.
    let r = report_of("Oppsigelsesfristen er 2 måneder. Arbeidstaker tiltrer stillingen 1. mars 2027.", "2027-03-10");
    assert_eq!((r["notice"]["phase"].as_str(), r["notice"]["ends"].as_str()), (Some("employed"), Some("2027-05-31")));

    let text = answer_part(&stdout(&["sjekk", "--dato", "10.04.2027", &file]));
    assert!(text.contains("Tiltredelsen 01.03.2027 er passert. I prøvetiden kan du si opp med en frist på 14 dager (arbeidsmiljøloven § 15-3 (7))."), "{text}");
    assert!(text.contains("Innen når? Sier du opp 10.04.2027, løper fristen ut 24.04.2027."), "{text}");
    for bad in ["2027-02-30", "2027-3-1", "10/04/2027"] {
        let out = kontrakt(&["sjekk", "--dato", bad, &file]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("ÅÅÅÅ-MM-DD"), "{bad}");
    }
}

/// Words only bokmål writes; nynorsk text must have none of them.
const BOKMAL_ONLY: &[&str] =
    &["ikke", "jeg", "dere", "hilsen", "vennlig", "bekreftelse", "tiltredelse", "hvis", "noen", "mulig"];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[test]
fn letter_in_each_language_with_names() {
    let nb = stdout(&["brev", "--dato", "24.11.2026", &fixture("avtale-bokmal.pdf")]);
    for part in [
        "24.11.2026\n\nTil: Fjordnett Digital AS\nFra: Kari Nordmann\n\nOppsigelse av arbeidsavtalen før tiltredelse\n\nTakk for tilbudet",
        "sier med dette opp arbeidsavtalen signert 10.11.2026 etter bestemmelsen om oppsigelse før tiltredelse (s. 1, avsn. 7)",
        "siste dag i avtaleforholdet 08.12.2026",
        "skriftlig bekreftelse på at avtaleforholdet avsluttes 08.12.2026, og på at dere ikke vil fremme noe krav",
        "Vennlig hilsen\nKari Nordmann\n",
        "ikke juridisk rådgivning",
        "e-post holder",
        "Kontrakten har et pengekrav mot deg (kr 50 000, s. 2, avsn. 2). Snakk med fagforeningen din eller en advokat før du sender brevet.",
    ] {
        assert!(nb.replace('\n', " ").contains(&part.replace('\n', " ")), "{part:?} in\n{nb}");
    }
    assert!(nb.contains("Til: Fjordnett Digital AS\nFra: Kari Nordmann\n"), "{nb}");
    assert!(!nb.contains('['), "no placeholder when the contract names both: {nb}");
    assert!(nb.lines().all(|l| l.chars().count() <= 72), "plain text wrapped at 72:\n{nb}");
    assert!(!nb.contains("kr 35 000"), "a course binding that bites after the start is not a claim before it");

    let nn = stdout(&["brev", "--dato", "24.11.2026", &fixture("avtale-nynorsk.txt")]);
    for part in [
        "Til: Sunnfjord Energi AS\nFrå: Sigrid Nesse",
        "Oppseiing av arbeidsavtalen før tiltreding",
        "Venleg helsing\nSigrid Nesse",
        "ikkje juridisk rådgjeving",
    ] {
        assert!(nn.contains(part), "{part:?} in\n{nn}");
    }
    let bokmal: Vec<String> = words(&nn).into_iter().filter(|w| BOKMAL_ONLY.contains(&w.as_str())).collect();
    assert!(bokmal.is_empty(), "bokmål words {bokmal:?} in the nynorsk letter:\n{nn}");

    let en = stdout(&["brev", "--dato", "24.11.2026", &fixture("contract-english.txt")]);
    for part in [
        "To: Polar Analytics AS\nFrom: John Smith",
        "Notice of termination before the start date",
        "(para. 7)",
        "ends on 8 December 2026",
        "Kind regards\nJohn Smith",
        "not legal advice",
    ] {
        assert!(en.contains(part), "{part:?} in\n{en}");
    }
    let chosen = stdout(&["--lang", "en", "letter", "--date", "2026-11-24", &fixture("avtale-bokmal.pdf")]);
    assert!(
        chosen.contains("To: Fjordnett Digital AS") && chosen.contains("Kind regards"),
        "--lang overrides:\n{chosen}"
    );
}

#[test]
fn letter_without_names_and_as_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("avtale.txt");
    let contract = "Arbeidsavtale\n\nArbeidstaker ansettes i stilling som selger. Arbeidstaker tiltrer stillingen 1. mars 2027. Lønn etter avtale.";
    std::fs::write(&file, contract).unwrap();
    let file = file.to_str().unwrap();
    for (lang, employer, employee) in [
        ("nb", "Til: [NAVN PÅ ARBEIDSGIVER]", "Fra: [DITT NAVN]"),
        ("nn", "Til: [NAMNET PÅ ARBEIDSGJEVAREN]", "Frå: [NAMNET DITT]"),
        ("en", "To: [EMPLOYER'S NAME]", "From: [YOUR NAME]"),
    ] {
        let text = stdout(&["--lang", lang, "brev", "--dato", "24.11.2026", file]).replace('\n', " ");
        assert!(text.contains(employer) && text.contains(employee), "{lang}:\n{text}");
        assert!(text.contains("hakeparentes") || text.contains("square brackets"), "{lang}: says to fill in:\n{text}");
        assert!(!text.contains("pengekrav") && !text.contains("money claim"), "{lang}: no claim, no warning:\n{text}");
        if lang == "nn" {
            let bokmal: Vec<String> = words(&text).into_iter().filter(|w| BOKMAL_ONLY.contains(&w.as_str())).collect();
            assert!(bokmal.is_empty(), "bokmål words {bokmal:?} in:\n{text}");
        }
    }
    // No clause on notice before the start: ask to end it by agreement.
    let nb = stdout(&["brev", "--dato", "24.11.2026", file]).replace('\n', " ");
    assert!(nb.contains("Jeg foreslår at vi avtaler at avtalen avsluttes nå."), "{nb}");
    assert!(nb.contains("oppsigelsesfristen på 1 måned gjelder, blir siste dag i avtaleforholdet 31.12.2026"), "{nb}");

    let md = stdout(&["brev", "--format", "markdown", "--dato", "24.11.2026", &fixture("avtale-bokmal.pdf")]);
    assert!(md.starts_with("24.11.2026\n\n**Til:** Fjordnett Digital AS  \n**Fra:** Kari Nordmann\n\n**Oppsigelse av arbeidsavtalen før tiltredelse**\n"), "{md}");
    assert!(md.contains("Vennlig hilsen  \nKari Nordmann\n\n---\n\n- Utkast laget av kontrakt"), "{md}");
    let md = stdout(&["brev", "--format", "markdown", "--dato", "24.11.2026", file]);
    assert!(md.contains("**Til:** \\[NAVN PÅ ARBEIDSGIVER\\]"), "placeholders escaped: {md}");
}

#[test]
fn letter_after_the_start_is_a_resignation() {
    let text = stdout(&["brev", "--dato", "10.04.2027", &fixture("avtale-bokmal.txt")]).replace('\n', " ");
    assert!(text.contains("Oppsigelse  Takk for samarbeidet så langt."), "{text}");
    assert!(text.contains("Med oppsigelsesfristen på 14 dager blir siste arbeidsdag 24.04.2027."), "{text}");
    assert!(text.contains("kr 35 000"), "after the start the course binding is a claim: {text}");
    let out = kontrakt(&["brev", "finnes-ikke.pdf"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn stacked_below_100_columns() {
    let file = fixture("avtale-bokmal.pdf");
    let narrow = stdout(&["sjekk", "--width", "80", "--dato", "24.11.2026", &file]);
    let long: Vec<&str> = narrow.lines().filter(|l| l.chars().count() > 80).collect();
    assert!(long.is_empty(), "lines over 80 columns: {long:#?}");
    assert!(!narrow.contains('┌'), "no table at 80 columns");
    assert!(
        narrow.contains(
            "2. Oppsigelse før tiltredelse · s. 1, avsn. 7 · 14 dager · risiko middels\n   «Partene kan si opp"
        ),
        "{narrow}"
    );
    // No word broken: every explanation reads whole once the lines are joined again.
    let joined = narrow.split_whitespace().collect::<Vec<_>>().join(" ");
    let r = report(&["--dato", "24.11.2026", &file]);
    for f in r["findings"].as_array().unwrap() {
        assert!(joined.contains(f["explanation"].as_str().unwrap()), "{} whole in {joined}", f["explanation"]);
    }
    // Sentences of one paragraph that say the same are one finding.
    let binding = narrow.lines().filter(|l| l.contains(". Bindingstid / tilbakebetaling ·")).count();
    let in_json = r["findings"].as_array().unwrap().iter().filter(|f| f["category"] == "binding_period").count();
    assert_eq!((binding, in_json), (1, 2), "{narrow}");
    // COLUMNS as the shell sets it gives the same; --width wins over it.
    let by_env = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .args(["sjekk", "--dato", "24.11.2026", &file])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(by_env.stdout).unwrap(), narrow);
    let wide = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .args(["sjekk", "--width", "120", "--dato", "24.11.2026", &file])
        .output()
        .unwrap();
    let wide = String::from_utf8(wide.stdout).unwrap();
    assert!(wide.contains('┌') && wide.lines().all(|l| l.chars().count() <= 120), "{wide}");
}

#[test]
fn markdown_is_one_list_past_item_nine() {
    // The bokmål contract twice: more than nine findings in one report.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("avtale.txt");
    let text = std::fs::read_to_string(fixture("avtale-bokmal.txt")).unwrap();
    std::fs::write(&file, format!("{text}\n\n{text}")).unwrap();
    let file = file.to_str().unwrap();
    let findings = report(&["--dato", "24.11.2026", file])["findings"].as_array().unwrap().len();
    assert!(findings >= 12, "{findings} findings");
    let md = stdout(&["sjekk", "--format", "markdown", "--dato", "24.11.2026", file]);
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let (mut lists, mut items, mut quotes_in_items, mut depth) = (0, 0, 0, 0);
    for event in Parser::new(&md) {
        match event {
            Event::Start(Tag::List(Some(1))) => lists += 1,
            Event::Start(Tag::Item) => {
                depth += 1;
                items += 1;
            }
            Event::End(TagEnd::Item) => depth -= 1,
            Event::Start(Tag::BlockQuote(_)) if depth > 0 => quotes_in_items += 1,
            _ => {}
        }
    }
    // The verdict list (bullets) is not numbered; the findings are one numbered list.
    assert_eq!(lists, 1, "{md}");
    assert_eq!(quotes_in_items, findings, "every quote stays inside its item");
    assert!(items >= findings, "{items} items");
}

#[test]
fn nynorsk_report_has_no_bokmal_in_its_fixed_text() {
    let file = fixture("avtale-nynorsk.txt");
    for format in ["table", "markdown", "html"] {
        for width in ["80", "120"] {
            let text =
                stdout(&["--lang", "nn", "sjekk", "--format", format, "--width", width, "--dato", "24.11.2026", &file]);
            let bokmal: Vec<String> = words(&text).into_iter().filter(|w| BOKMAL_ONLY.contains(&w.as_str())).collect();
            assert!(bokmal.is_empty(), "{format}: bokmål words {bokmal:?} in:\n{text}");
        }
    }
    let text = stdout(&["--lang", "nn", "sjekk", "--dato", "24.11.2026", &file]);
    for nynorsk in [
        "Samla risiko: HØG",
        "Tilråding: jurist / advokat.",
        "går oppseiingstida ut 08.12.2026 (14 dagar etter",
        "Dette er ikkje juridisk rådgjeving.",
    ] {
        assert!(text.replace('\n', " ").contains(nynorsk), "{nynorsk:?} in:\n{text}");
    }
}

#[test]
fn one_nynorsk_contract_is_reported_in_nynorsk_by_default() {
    let nn = fixture("avtale-nynorsk.txt");
    let text = stdout(&["sjekk", "--dato", "24.11.2026", &nn]);
    assert!(text.contains("Samla risiko: HØG") && text.contains("Dette er ikkje juridisk rådgjeving."), "{text}");
    let r = report(&["--dato", "24.11.2026", &nn]);
    assert!(r["findings"][0]["explanation"].as_str().unwrap().starts_with("Avtalt tiltreding."), "JSON too");
    let text = stdout(&["--lang", "nb", "sjekk", "--dato", "24.11.2026", &nn]);
    assert!(text.contains("Samlet risiko: HØY"), "--lang wins: {text}");
    let text = stdout(&["sjekk", "--dato", "24.11.2026", &fixture("contract-english.txt")]);
    assert!(text.contains("Samlet risiko: HØY"), "bokmål otherwise: {text}");
    let text = stdout(&["sjekk", "--dato", "24.11.2026", &nn, &fixture("avtale-bokmal.txt")]);
    assert!(
        text.contains("ANBEFALING") && !text.contains("TILRÅDING") && !text.contains("Samla risiko"),
        "a batch keeps one language: {text}"
    );
}
