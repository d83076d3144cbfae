use kontrakt::patterns::Patterns;
fn main() {
    let p = Patterns::from_dir(std::path::Path::new("patterns")).unwrap_or_else(|e| panic!("{e}"));
    for text in std::env::args().skip(1) {
        let scan = p.lexicon.scan(&text);
        let parts: Vec<String> = scan.occurrences.iter().map(|o| {
            let (s, e) = (scan.words[o.first as usize].start, scan.words[o.last as usize].end);
            format!("{}[{}]", p.name(o.concept), &text[s..e])
        }).collect();
        println!("{}", parts.join(" "));
        let doc = kontrakt::extract::Document { paged: false, pages: vec![kontrakt::extract::Page { paragraphs: text.lines().map(str::to_string).collect() }] };
        for f in kontrakt::analyze_document(&doc, &p, kontrakt::i18n::Lang::Nb).findings {
            println!("  {:?} neg={} {:?} {}", f.category, f.negated, f.values, f.rule);
        }
    }
}
