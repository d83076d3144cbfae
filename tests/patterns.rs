//! The built-in pattern files: they compile, and every example in them behaves as stated.

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

    write("category = \"probation\"\n[[rule]]\nid = \"probation.nb.x\"\nlang = \"nb\"\npattern = 'prøve(tid'\n");
    let err = Patterns::from_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("probation.toml") && err.contains("probation.nb.x") && err.contains("pattern"), "{err}");

    write("category = \"probation\"\n[[rule]]\nid = \"probation.nb.x\"\nlang = \"nb\"\npattern = '\\bprøvetid'\n");
    let err = Patterns::from_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("\\b is not allowed"), "{err}");

    write("category = \"prøving\"\n");
    let err = Patterns::from_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("unknown category"), "{err}");

    write("category = \"probation\"\n[[rule]]\nid = \"probation.nb.x\"\nlang = \"nb\"\npattern = 'prøvetid\\w*'\nvalues = [\"duration\"]\nrequire = \"duration\"\n[[examples.match]]\ntext = \"Prøvetiden er seks måneder.\"\nduration = \"3 month\"\n");
    let patterns = Patterns::from_dir(dir.path()).unwrap();
    let failures = kontrakt::check_examples(&patterns);
    assert_eq!(failures.len(), 1);
    assert!(failures[0].to_string().contains("expected 3 month"), "{}", failures[0]);
}

/// The loader writes word characters as a Latin class instead of Unicode `\w` (far smaller
/// automata). On Norwegian and English contract text both must find exactly the same matches.
#[test]
fn latin_word_class_finds_what_unicode_would() {
    let patterns = Patterns::builtin().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus/src");
    let texts: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    for rule in &patterns.rules {
        let unicode = regex::Regex::new(&format!(r"(?i)(?:^|[^\w])(?:{})", rule.source)).unwrap();
        for text in &texts {
            let a: Vec<_> = rule.regex.find_iter(text).map(|m| m.range()).collect();
            let b: Vec<_> = unicode.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(a, b, "{}", rule.id);
        }
    }
}

/// The precedence when several rules hit one sentence: within a category a form answer wins,
/// then priority, then the earliest match; across categories `suppresses` drops the category
/// another one explains.
#[test]
fn which_rule_wins_is_explicit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("non_compete.toml"),
        r#"category = "non_compete"
[[rule]]
id = "non_compete.en.heading_words"
lang = "en"
pattern = 'restrictive covenants'
[[rule]]
id = "non_compete.en.named"
lang = "en"
pattern = 'non-compete'
[[rule]]
id = "non_compete.en.urgent"
lang = "en"
pattern = 'competing business'
priority = 5
"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notice_before_start.toml"),
        r#"category = "notice_before_start"
suppresses = ["notice_period"]
[[rule]]
id = "notice_before_start.en.before"
lang = "en"
pattern = 'before the start date'
values = ["duration"]
"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notice_period.toml"),
        r#"category = "notice_period"
[[rule]]
id = "notice_period.en.notice"
lang = "en"
pattern = 'notice'
values = ["duration"]
require = "duration"
"#,
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
    let f = find("Restrictive covenants | Non-compete: None");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].rule.as_str(), f[0].negated), ("non_compete.en.named", true), "the form answer wins");
    let f = find("Restrictive covenants apply: no competing business for 6 months.");
    assert_eq!(f[0].rule, "non_compete.en.urgent", "priority wins over the earlier match");
    let f = find("Restrictive covenants and a non-compete apply for 6 months.");
    assert_eq!(f[0].rule, "non_compete.en.heading_words", "then the earliest match");
    let f = find("Either party may give one month's notice before the start date.");
    let categories: Vec<_> = f.iter().map(|f| f.category).collect();
    assert_eq!(categories, [Category::NoticeBeforeStart], "the pre-start notice is not the ordinary notice period");
    assert_eq!(find("Either party may give one month's notice.")[0].category, Category::NoticePeriod);
}
