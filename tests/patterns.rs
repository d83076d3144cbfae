//! The built-in pattern files: they compile, and every example in them behaves as stated.

use kontrakt::error::PatternError;
use kontrakt::model::Category;
use kontrakt::patterns::Patterns;

#[test]
fn every_pattern_example_holds() {
    let patterns = Patterns::builtin().expect("built-in patterns compile");
    let failures = kontrakt::check_examples(&patterns);
    let report: Vec<String> = failures.iter().map(|e| e.to_string()).collect();
    assert!(report.is_empty(), "{} failing examples:\n{}", report.len(), report.join("\n"));
}

#[test]
fn every_category_has_rules_and_enough_examples() {
    let patterns = Patterns::builtin().unwrap();
    for category in Category::ALL {
        let cat = patterns.categories.iter().find(|c| c.category == category).expect("category present");
        let rules = patterns.rules.iter().filter(|r| patterns.categories[r.category].category == category).count();
        assert!(rules > 0, "{}: no rules", category.as_str());
        assert!(cat.examples.matches.len() >= 10, "{}: fewer than 10 match examples", category.as_str());
        assert!(cat.examples.no_match.len() >= 5, "{}: fewer than 5 no_match examples", category.as_str());
    }
}

#[test]
fn user_pattern_errors_name_file_rule_and_problem() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("probation.toml");
    let write = |text: &str| std::fs::write(&file, text).unwrap();

    write(
        "category = \"probation\"\nvalues = [\"duration\"]\n[[rule]]\nid = \"probation.x\"\nanchor = \"PROBATIONN\"\n",
    );
    let err = Patterns::from_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("probation.toml") && err.contains("probation.x") && err.contains("PROBATIONN"), "{err}");

    write("category = \"probation\"\n[[rule]]\nid = \"notice.x\"\nanchor = \"PROBATION\"\n");
    let err = Patterns::from_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("must start with"), "{err}");

    write("category = \"prøving\"\n");
    let err = Patterns::from_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("unknown category"), "{err}");

    write("category = \"probation\"\nvalues = [\"duration\"]\n[[rule]]\nid = \"probation.x\"\nanchor = \"PROBATION\"\nrequire = \"duration\"\n[[examples.match]]\ntext = \"Prøvetiden er seks måneder.\"\nduration = \"3 month\"\n");
    let failures = kontrakt::load_patterns(Some(dir.path())).unwrap_err();
    assert_eq!(failures.len(), 1);
    assert!(matches!(&failures[0], PatternError::Example { text, .. } if text.starts_with("Prøvetiden")));
    assert!(failures[0].to_string().contains("expected 3 month"), "{}", failures[0]);

    // A flag the risk does not read is refused when the patterns load.
    write("category = \"binding_period\"\n[flags]\nrepaiment = [\"REPAY\"]\n[[rule]]\nid = \"binding_period.x\"\nanchor = \"BINDING\"\n");
    let err = Patterns::from_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("repaiment") && err.contains("unknown flag (known: repayment)"), "{err}");

    // A user's own lexicon folder replaces the built-in one; a bad form is named.
    std::fs::create_dir(dir.path().join("lexicon")).unwrap();
    std::fs::write(dir.path().join("lexicon/no.toml"), "[concepts]\nPROBATION = [\"prøve.tid\"]\n").unwrap();
    let err = Patterns::from_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("prøve.tid") && err.contains("not a word"), "{err}");
}

/// The precedence when several rules hit one sentence: within a category the higher priority
/// wins, then the earliest anchor; across categories `suppresses` drops the category another
/// one explains; a rule's `with` concepts and its section must be there.
#[test]
fn which_rule_wins_is_explicit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lexicon")).unwrap();
    std::fs::write(
        dir.path().join("lexicon/en.toml"),
        r#"[concepts]
COVENANT = ["restrictive covenant*"]
NC = ["non-compete"]
COMPETING = ["competing business"]
NOTICE = ["notice"]
BEFORE = ["before the start date"]
NEG = ["no", "not"]
NEG_ANSWER = ["none"]
OTHER = ["zzzz"]
"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("grammar.toml"),
        "commentary = [\"OTHER\"]\n[negation]\nforward = [\"NEG\"]\nbackward = [\"NEG_ANSWER\"]\ntransparent = []\nexceptions = []\nconditions = []\nmax_scope = 6\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("non_compete.toml"),
        r#"category = "non_compete"
values = ["duration"]
[[rule]]
id = "non_compete.covenants"
anchor = "COVENANT"
[[rule]]
id = "non_compete.named"
anchor = "NC"
[[rule]]
id = "non_compete.urgent"
anchor = "COMPETING"
with = ["NEG"]
negatable = false
priority = 5
"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notice_before_start.toml"),
        "category = \"notice_before_start\"\nvalues = [\"duration\"]\nsuppresses = [\"notice_period\"]\n[[rule]]\nid = \"notice_before_start.before\"\nanchor = \"BEFORE\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notice_period.toml"),
        "category = \"notice_period\"\nvalues = [\"duration\"]\n[[rule]]\nid = \"notice_period.notice\"\nanchor = \"NOTICE\"\nrequire = \"duration\"\n",
    )
    .unwrap();
    let patterns = Patterns::from_dir(dir.path()).unwrap();
    let find = |text: &str| {
        let doc = kontrakt::extract::Document {
            paged: false,
            pages: vec![kontrakt::extract::Page { paragraphs: vec![text.to_string()] }],
        };
        kontrakt::analyze_document(&doc, &patterns, kontrakt::i18n::Lang::En).findings
    };
    let f = find("Non-compete: none");
    assert_eq!((f[0].rule.as_str(), f[0].negated), ("non_compete.named", true), "the form answer negates");
    let f = find("Restrictive covenants apply: no competing business for 6 months.");
    assert_eq!(
        (f[0].rule.as_str(), f[0].negated),
        ("non_compete.urgent", false),
        "priority wins; a prohibition is no negation"
    );
    let f = find("Restrictive covenants and a non-compete apply for 6 months.");
    assert_eq!(f[0].rule, "non_compete.covenants", "then the earliest anchor");
    assert!(find("A competing business is fine.").is_empty(), "the rule's NEG is missing");
    let f = find("Either party may give one month's notice before the start date.");
    let categories: Vec<_> = f.iter().map(|f| f.category).collect();
    assert_eq!(categories, [Category::NoticeBeforeStart], "the pre-start notice is not the ordinary notice period");
    assert_eq!(find("Either party may give one month's notice.")[0].category, Category::NoticePeriod);
    assert!(find("Either party may give one month's notice. Zzzz is a word.").len() == 1, "commentary is per sentence");
}

/// The words the amount reader and the sentence splitter read as they stand come from the
/// grammar loaded (`[bare_sums]`, `[sentences]`), so a grammar folder can extend them.
#[test]
fn bare_sum_and_splitter_words_come_from_the_grammar() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("grammar.toml"),
        "commentary = [\"COMMENTARY\"]\n[negation]\nforward = [\"NEG\"]\nbackward = [\"NEG_ANSWER\"]\ntransparent = []\nexceptions = []\nconditions = []\nmax_scope = 6\n[bare_sums]\npay_verbs = [\"Skylde\"]\n[sentences]\nabbreviations = [\"jf\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notice_period.toml"),
        "category = \"notice_period\"\nvalues = [\"duration\"]\n[[rule]]\nid = \"notice_period.notice\"\nanchor = \"NOTICE\"\n",
    )
    .unwrap();
    let own = Patterns::from_dir(dir.path()).unwrap();
    let builtin = Patterns::builtin().unwrap();
    let sums = |p: &Patterns, text: &str| -> Vec<f64> {
        kontrakt::values::amounts(text, &p.bare_sums).iter().map(|f| f.value.value).collect()
    };
    assert_eq!(sums(&own, "Du vil skylde 40 000."), [40000.0], "a paying verb the folder adds, in any case");
    assert!(sums(&builtin, "Du vil skylde 40 000.").is_empty());
    assert_eq!(sums(&builtin, "Du må betale 40 000."), [40000.0]);
    assert!(sums(&own, "Du må betale 40 000.").is_empty(), "the folder's list replaces the built-in one");
    let sentences = |p: &Patterns, line: &str| {
        let doc = kontrakt::extract::Document {
            paged: false,
            pages: vec![kontrakt::extract::Page { paragraphs: vec![line.to_string()] }],
        };
        let text = kontrakt::normalize::normalize(&doc);
        kontrakt::segment::segment(&text, &p.sentences).sentences.len()
    };
    let line = "Lønnen er 500 kr. Beløpet utbetales månedlig.";
    assert_eq!(sentences(&builtin, line), 1, "\"kr.\" is a built-in abbreviation");
    assert_eq!(sentences(&own, line), 2, "the folder's abbreviations leave \"kr\" out");
}

/// The built-in grammar's lexicon is compiled into the program; a folder's is built as it
/// loads. The same files give the same findings either way.
#[test]
fn a_folder_with_the_builtin_files_finds_the_same() {
    let folder = Patterns::from_dir(std::path::Path::new("patterns")).expect("patterns/ loads as a folder");
    let builtin = Patterns::builtin().unwrap();
    let mut texts: Vec<String> = ["fixtures/avtale-bokmal.txt", "fixtures/avtale-nynorsk.txt"]
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    for cat in &builtin.categories {
        texts.extend(cat.examples.matches.iter().map(|e| e.text.clone()));
        texts.extend(cat.examples.no_match.iter().cloned());
    }
    for text in &texts {
        let doc = kontrakt::extract::Document {
            paged: false,
            pages: vec![kontrakt::extract::Page { paragraphs: text.lines().map(str::to_string).collect() }],
        };
        let findings = |p: &Patterns| kontrakt::analyze_document(&doc, p, kontrakt::i18n::Lang::Nb).findings;
        assert_eq!(findings(&folder), findings(&builtin), "{text}");
    }
}
