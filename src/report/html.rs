//! HTML output: one self-contained page for the whole batch (inline CSS, no scripts, no
//! network). Per file the verdict, the findings with links into the contract's text, and the
//! text itself with every finding's sentence highlighted in its risk colour.

use std::io::{self, Write};

use super::{format_date, format_values, notice_sentence, short_answer, shorten, signatures_sentence, Sink};
use crate::date::Date;
use crate::i18n::{Label, Lang};
use crate::model::{DocParagraph, Finding, Report, Risk, Status, Summary};
use crate::sanitize::control_free;

/// Writes one HTML page with every report.
pub struct HtmlSink<W: Write> {
    out: W,
    lang: Lang,
    today: Date,
    /// Reports written so far; numbers the id prefix so ids stay unique across the batch.
    reports: usize,
}

impl<W: Write> HtmlSink<W> {
    /// A sink writing to `out` in `lang`; `today` words "i dag" in the notice sentence.
    pub fn new(out: W, lang: Lang, today: Date) -> Self {
        HtmlSink { out, lang, today, reports: 0 }
    }

    fn head(&mut self) -> io::Result<()> {
        let lang = match self.lang {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        };
        let title = self.lang.label(Label::Title);
        let subtitle = self.lang.label(Label::Subtitle);
        let made = self.lang.label(Label::Made);
        write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>kontrakt: {title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<header>\n\
             <h1>{title}</h1>\n<p class=\"sub\">{subtitle}. {made} {}.</p>\n",
            format_date(self.today, self.lang)
        )?;
        let legend = [
            (Risk::High, self.lang.label(Label::LegendHigh)),
            (Risk::Medium, self.lang.label(Label::LegendMedium)),
            (Risk::Low, self.lang.label(Label::LegendLow)),
            (Risk::None, self.lang.label(Label::LegendNone)),
        ];
        write!(self.out, "<ul class=\"legend\" aria-label=\"{}\">", self.lang.label(Label::Legend))?;
        for (risk, meaning) in legend {
            write!(self.out, "<li>{} {meaning}</li>", self.badge(risk))?;
        }
        writeln!(self.out, "</ul>\n</header>\n<main>")
    }

    fn badge(&self, risk: Risk) -> String {
        format!("<span class=\"badge risk-{}\">{}</span>", risk.as_str(), self.lang.risk(risk))
    }

    /// "side 1, avsnitt 7" / "page 1, paragraph 7".
    fn place(&self, f: &Finding) -> String {
        self.lang.place_long(f.location.page, f.location.paragraph)
    }

    fn meta(&self, r: &Report) -> String {
        let mut parts = vec![esc(&r.format.unwrap_or("?").to_uppercase())];
        if let Some(p) = r.pages {
            parts.push(self.lang.pages(p));
        }
        parts.push(self.lang.language(r.language).to_string());
        parts.join(" · ")
    }

    fn verdict(&mut self, r: &Report) -> io::Result<()> {
        let lang = self.lang;
        let risk = r.risk.as_str();
        writeln!(self.out, "<div class=\"verdict risk-{risk}\">")?;
        if let Some(lines) = short_answer(r, lang) {
            writeln!(self.out, "<dl class=\"answer\">")?;
            for (label, text) in lines {
                writeln!(self.out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(&text))?;
            }
            writeln!(self.out, "</dl>")?;
        }
        writeln!(self.out, "<p class=\"overall\">{} {}</p>", self.lang.label(Label::OverallRisk), self.badge(r.risk))?;
        writeln!(
            self.out,
            "<p><strong>{}: {}.</strong> {}</p>",
            self.lang.label(Label::Recommendation),
            lang.recommendation(r.recommendation),
            esc(&r.recommendation_text)
        )?;
        if let Some(n) = &r.notice {
            writeln!(
                self.out,
                "<p><strong>{}:</strong> {}</p>",
                self.lang.label(Label::Notice),
                esc(&notice_sentence(n, &r.findings, self.today, lang))
            )?;
        }
        if let Some(signatures) = &r.signatures {
            let label = self.lang.label(Label::Signature);
            writeln!(self.out, "<p><strong>{label}:</strong> {}</p>", esc(&signatures_sentence(signatures, lang)))?;
        }
        if let Some(note) = lang.ocr_note(r.ocr_pages.as_deref().unwrap_or_default()) {
            writeln!(self.out, "<p><strong>OCR:</strong> {}</p>", esc(&note))?;
        }
        // The § 14-6 block: a heading line and its items, or one line when nothing is missing.
        let block = super::minimum_terms::lines(r, lang);
        if let Some((head, items)) = block.split_first() {
            writeln!(self.out, "<p class=\"terms\">{}</p>", esc(head))?;
            if !items.is_empty() {
                writeln!(self.out, "<ul class=\"terms\">")?;
                for item in items {
                    writeln!(self.out, "<li>{}</li>", esc(item.trim_start_matches("- ")))?;
                }
                writeln!(self.out, "</ul>")?;
            }
        }
        writeln!(self.out, "</div>")
    }

    /// The findings list; a finding links to its sentence when the text shows it.
    fn findings(&mut self, r: &Report, ids: &[String], spans: &[Option<Span>]) -> io::Result<()> {
        let lang = self.lang;
        writeln!(
            self.out,
            "<h3>{} ({})</h3>\n<ol class=\"findings\">",
            self.lang.label(Label::Findings),
            r.findings.len()
        )?;
        for (i, f) in r.findings.iter().enumerate() {
            write!(
                self.out,
                "<li class=\"finding\"><div class=\"fhead\">{} <strong>{}</strong>",
                self.badge(f.risk),
                lang.category(f.category)
            )?;
            if f.negated {
                write!(self.out, " <span class=\"neg\">{}</span>", self.lang.does_not_apply())?;
            }
            let values = format_values(&f.values, lang);
            if !values.is_empty() {
                write!(self.out, " <span class=\"values\">{}</span>", esc(&values))?;
            }
            let place = self.place(f);
            if spans[i].is_some() {
                writeln!(self.out, " <a class=\"place\" href=\"#{}\">{place}</a></div>", ids[i])?;
            } else {
                // Not in the text below (or no text kept): quote it here instead.
                let quote = match char_range(&f.text, f.matched) {
                    Some(m) => shorten(&f.text, m, 200),
                    None => f.text.clone(),
                };
                writeln!(
                    self.out,
                    " <span class=\"place\">{place}</span></div>\n<blockquote>«{}»</blockquote>",
                    esc(&quote)
                )?;
            }
            writeln!(self.out, "<p class=\"explain\">{}</p></li>", esc(&f.explanation))?;
        }
        writeln!(self.out, "</ol>")
    }

    /// The contract's text with the findings' sentences marked.
    fn document(&mut self, r: &Report, doc: &[DocParagraph], ids: &[String], spans: &[Option<Span>]) -> io::Result<()> {
        writeln!(self.out, "<h3>{}</h3>\n<div class=\"doc\">", self.lang.label(Label::ContractText))?;
        let mut page_word = self.lang.label(Label::Page).to_string();
        page_word[..1].make_ascii_uppercase();
        let mut page = None;
        for (pi, p) in doc.iter().enumerate() {
            if let Some(n) = p.page.filter(|_| p.page != page) {
                writeln!(self.out, "<p class=\"page\">{page_word} {n}</p>")?;
                page = p.page;
            }
            let here: Vec<Mark> = spans
                .iter()
                .zip(&r.findings)
                .zip(ids)
                .filter_map(|((s, f), id)| s.filter(|s| s.paragraph == pi).map(|s| Mark { span: s, finding: f, id }))
                .collect();
            writeln!(self.out, "<p data-n=\"{}\">{}</p>", p.number, self.marked(&p.text, here))?;
        }
        writeln!(self.out, "</div>")
    }

    /// A paragraph's text with one `<mark>` per group of overlapping sentences: the mark
    /// carries the first finding's id and an empty anchor for each other one, so every link
    /// resolves and overlaps never nest or cross tags.
    fn marked(&self, text: &str, mut marks: Vec<Mark>) -> String {
        marks.sort_by_key(|m| (m.span.sentence.0, std::cmp::Reverse(m.span.sentence.1)));
        let mut groups: Vec<(usize, usize, Vec<&Mark>)> = Vec::new();
        for m in &marks {
            let (s, e) = m.span.sentence;
            match groups.last_mut() {
                Some(g) if s < g.1 => {
                    g.1 = g.1.max(e);
                    g.2.push(m);
                }
                _ => groups.push((s, e, vec![m])),
            }
        }
        let mut out = String::with_capacity(text.len() * 2);
        let mut pos = 0;
        for (start, end, members) in groups {
            out.push_str(&esc(&text[pos..start]));
            let risk = members.iter().map(|m| m.finding.risk).max().unwrap_or_default();
            let title: Vec<String> = members
                .iter()
                .map(|m| {
                    let f = m.finding;
                    let state = if f.negated { self.lang.does_not_apply() } else { self.lang.risk(f.risk) };
                    format!("{}: {state}", self.lang.category(f.category))
                })
                .collect();
            out.push_str(&format!(
                "<mark id=\"{}\" class=\"risk-{}\" title=\"{}\">",
                members[0].id,
                risk.as_str(),
                esc(&title.join("; "))
            ));
            for m in &members[1..] {
                out.push_str(&format!("<span id=\"{}\" class=\"anchor\"></span>", m.id));
            }
            // The matched words of all members, merged so the emphasis never overlaps itself.
            let mut words: Vec<(usize, usize)> = members
                .iter()
                .filter_map(|m| m.span.words)
                .map(|(s, e)| (s.max(start), e.min(end)))
                .filter(|(s, e)| s < e)
                .collect();
            words.sort_unstable();
            let mut at = start;
            for (s, e) in words {
                if e <= at {
                    continue;
                }
                let s = s.max(at);
                out.push_str(&esc(&text[at..s]));
                out.push_str(&format!("<b>{}</b>", esc(&text[s..e])));
                at = e;
            }
            out.push_str(&esc(&text[at..end]));
            out.push_str("</mark>");
            pos = end;
        }
        out.push_str(&esc(&text[pos..]));
        out
    }
}

/// Where a finding sits in the kept document text: byte ranges checked against the
/// paragraph's text, so slicing cannot panic.
#[derive(Debug, Clone, Copy)]
struct Span {
    /// Index into [`Report::document`].
    paragraph: usize,
    /// The sentence within the paragraph's text.
    sentence: (usize, usize),
    /// The matched words within the paragraph's text, if their range is sound.
    words: Option<(usize, usize)>,
}

struct Mark<'a> {
    span: Span,
    finding: &'a Finding,
    id: &'a str,
}

/// `range` if it is non-empty, inside `text` and on char boundaries.
fn char_range(text: &str, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    (s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)).then_some((s, e))
}

/// Finds a finding's sentence in the document by its page and paragraph number.
fn locate(doc: &[DocParagraph], f: &Finding) -> Option<Span> {
    let paragraph = doc.iter().position(|p| p.page == f.location.page && p.number == f.location.paragraph)?;
    let text = &doc[paragraph].text;
    let sentence = char_range(text, f.in_paragraph)?;
    // The matched words, from `text` (which may start with an ellipsis) into the paragraph.
    let into_paragraph = |i: usize| i.checked_sub(f.quoted.0).and_then(|i| i.checked_add(sentence.0));
    let words = into_paragraph(f.matched.0)
        .zip(into_paragraph(f.matched.1))
        .and_then(|w| char_range(text, w))
        .filter(|w| w.1 <= sentence.1)
        // A match may end in a space; emphasis looks better without it.
        .map(|(s, e)| {
            let w = &text[s..e];
            (s + w.len() - w.trim_start().len(), e - (w.len() - w.trim_end().len()))
        });
    Some(Span { paragraph, sentence, words })
}

/// Escapes text for element content and quoted attribute values; control characters, which
/// HTML does not allow, are dropped or replaced.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in control_free(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl<W: Write> Sink for HtmlSink<W> {
    fn report(&mut self, r: &Report) -> io::Result<()> {
        if self.reports == 0 {
            self.head()?;
        }
        self.reports += 1;
        let n = self.reports;
        writeln!(self.out, "<section class=\"report\" id=\"r-{n}\">\n<h2>{}</h2>", esc(&r.file))?;
        if let Status::Error(e) = &r.status {
            writeln!(
                self.out,
                "<div class=\"verdict error\"><p><span class=\"badge error\">{}</span> <code>{}</code></p>\n<p>{}</p></div>",
                self.lang.could_not_analyse(),
                e.kind.as_str(),
                esc(&e.message)
            )?;
            return writeln!(self.out, "</section>");
        }
        writeln!(self.out, "<p class=\"meta\">{}</p>", self.meta(r))?;
        self.verdict(r)?;
        let ids: Vec<String> = (1..=r.findings.len()).map(|i| format!("f-{n}-{i}")).collect();
        let doc = r.document.as_deref().unwrap_or_default();
        let spans: Vec<Option<Span>> = r.findings.iter().map(|f| locate(doc, f)).collect();
        if r.findings.is_empty() {
            writeln!(self.out, "<p>{}</p>", self.lang.no_findings())?;
        } else {
            self.findings(r, &ids, &spans)?;
        }
        if !doc.is_empty() {
            self.document(r, doc, &ids, &spans)?;
        }
        writeln!(self.out, "</section>")
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        if self.reports == 0 {
            self.head()?;
        }
        writeln!(self.out, "</main>\n<footer>")?;
        if s.files > 1 {
            writeln!(self.out, "<p>{}</p>", self.lang.batch_counts(s))?;
        }
        let (made, disclaimer) = (self.lang.made_with(), self.lang.disclaimer());
        writeln!(self.out, "<p class=\"disclaimer\">{made} {disclaimer}</p>\n</footer>\n</body>\n</html>")?;
        self.out.flush()
    }

    fn needs_text(&self) -> bool {
        true
    }
}

const CSS: &str = r#"
:root { color-scheme: light; --high: #b42318; --medium: #b54708; --low: #067647; --none: #475467; }
* { box-sizing: border-box; }
body { margin: 0; background: #f2f4f7; color: #1d2939;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
header, main, footer { max-width: 900px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; }
h1 { font-size: 1.7rem; margin: 0; letter-spacing: -0.01em; }
.sub { margin: 0.2rem 0 0.9rem; color: #475467; }
.legend { display: flex; flex-wrap: wrap; gap: 0.35rem 1.1rem; margin: 0; padding: 0.6rem 0.9rem; list-style: none;
  background: #fff; border: 1px solid #d0d5dd; border-radius: 8px; font-size: 0.9rem; color: #344054; }
.report { background: #fff; border: 1px solid #d0d5dd; border-radius: 12px; padding: 22px 30px 26px; margin: 22px 0; }
h2 { font-size: 1.3rem; margin: 0; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
.meta { margin: 0.1rem 0 1rem; color: #475467; font-size: 0.92rem; }
.badge { display: inline-block; padding: 0.05rem 0.6rem; border-radius: 999px; font-size: 0.8rem; font-weight: 600;
  line-height: 1.5; white-space: nowrap; color: #fff; background: var(--none); vertical-align: 0.08em; }
.badge.risk-high { background: var(--high); }
.badge.risk-medium { background: var(--medium); }
.badge.risk-low { background: var(--low); }
.badge.risk-none { background: #eaecf0; color: #344054; }
.badge.error { background: #344054; }
.verdict { border-left: 6px solid var(--none); border-radius: 6px; padding: 0.6rem 1rem; background: #f9fafb; }
.verdict p { margin: 0.35rem 0; }
.answer { margin: 0 0 0.6rem; }
.answer dt { font-weight: 600; }
.answer dd { margin: 0 0 0.35rem; }
.verdict.risk-high { border-color: var(--high); background: #fef3f2; }
.verdict.risk-medium { border-color: var(--medium); background: #fffaeb; }
.verdict.risk-low { border-color: var(--low); background: #ecfdf3; }
.verdict.error { border-color: #344054; }
.overall { font-weight: 600; }
.overall .badge { font-size: 0.9rem; margin-left: 0.3rem; }
.findings { margin: 0; padding-left: 1.6rem; }
.finding { margin: 0 0 0.7rem; padding-left: 0.2rem; }
.fhead { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.55rem; }
.neg { font-style: italic; color: #475467; }
.values { background: #f2f4f7; border-radius: 4px; padding: 0 0.4rem; font-size: 0.92rem; }
.place { margin-left: auto; font-size: 0.88rem; color: #475467; white-space: nowrap; }
a.place { color: #175cd3; }
blockquote { margin: 0.25rem 0 0.15rem; color: #344054; font-style: italic; }
.explain { margin: 0; font-size: 0.92rem; color: #475467; }
.doc { font-family: Georgia, "Noto Serif", "DejaVu Serif", serif; line-height: 1.65; border: 1px solid #eaecf0;
  border-radius: 8px; padding: 0.6rem 1.2rem 0.6rem 3rem; background: #fcfcfd; }
.doc p { position: relative; margin: 0.55rem 0; }
.doc p[data-n]::before { content: attr(data-n); position: absolute; left: -2.4rem; width: 1.8rem; text-align: right;
  font: 0.75rem/2.2 system-ui, sans-serif; color: #98a2b3; }
.doc .page { font: 600 0.75rem system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.06em; color: #667085;
  border-top: 1px dashed #d0d5dd; padding-top: 0.4rem; margin-top: 1rem; }
.doc .page:first-child { border-top: none; margin-top: 0.2rem; }
mark { color: inherit; border-radius: 3px; padding: 0.05em 0.15em; scroll-margin-top: 3rem;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.risk-high { background: #fecdca; }
mark.risk-medium { background: #fedf89; }
mark.risk-low { background: #d1fadf; }
mark.risk-none { background: #e4e7ec; }
mark b { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; }
mark:target, mark:has(> .anchor:target) { outline: 3px solid #175cd3; outline-offset: 2px; }
footer { padding-bottom: 32px; color: #475467; font-size: 0.9rem; }
.disclaimer { font-weight: 600; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; }
  header, main, footer { max-width: none; padding: 0; }
  .report { border: none; border-radius: 0; padding: 0; break-before: page; }
  .report:first-child { break-before: auto; }
  .finding, .verdict { break-inside: avoid; }
  a.place { color: inherit; text-decoration: none; }
}
"#;

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::path::Path;

    use super::*;
    use crate::error::ErrorKind;
    use crate::model::{Category, Language, Location, Recommendation, ReportError, Values};
    use crate::patterns::Patterns;
    use crate::Config;

    fn today() -> Date {
        Date::new(2026, 11, 24).unwrap()
    }

    fn render(reports: &[Report], lang: Lang) -> String {
        let mut sink = HtmlSink::new(Vec::new(), lang, today());
        let mut summary = Summary::default();
        for r in reports {
            sink.report(r).unwrap();
            summary.add(r);
        }
        sink.finish(&summary).unwrap();
        String::from_utf8(sink.out).unwrap()
    }

    fn analyze(path: &str, lang: Lang) -> Report {
        let mut config = Config::new(Patterns::builtin().unwrap());
        config.lang = lang;
        config.keep_text = true;
        config.notice_given = today();
        crate::analyze(Path::new(path), &config)
    }

    /// Every tag the page emits is closed in order; a stray `<` from unescaped text fails too.
    fn check_balanced(html: &str) -> Result<(), String> {
        let mut open = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let end = rest.find('>').ok_or("a tag is not closed by >")?;
            let (tag, after) = (&rest[..end], &rest[end + 1..]);
            rest = after;
            if tag.starts_with('!') {
                continue;
            }
            if let Some(name) = tag.strip_prefix('/') {
                match open.pop() {
                    Some(o) if o == name => {}
                    o => return Err(format!("</{name}> closes {o:?}")),
                }
                continue;
            }
            let name = tag.split(' ').next().unwrap_or_default();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(format!("not a tag: <{tag}>"));
            }
            if name != "meta" {
                open.push(name);
            }
        }
        if open.is_empty() {
            Ok(())
        } else {
            Err(format!("never closed: {open:?}"))
        }
    }

    /// The values of every `attr="…"` in the page.
    fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
        let key = format!(" {attr}=\"");
        html.split(key.as_str()).skip(1).map(|s| &s[..s.find('"').unwrap()]).collect()
    }

    /// Checks the page's structure and that every link into the text has its target.
    fn check_links(html: &str) {
        check_balanced(html).unwrap();
        let ids: Vec<&str> = attrs(html, "id");
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate ids in {ids:?}");
        for href in attrs(html, "href") {
            let target = href.strip_prefix('#').unwrap();
            assert!(unique.contains(target), "{href} has no target");
        }
    }

    fn paragraph(page: Option<u32>, number: u32, text: &str) -> DocParagraph {
        DocParagraph { page, number, text: text.into() }
    }

    /// A finding on `sentence` in `p`, with `words` as the matched words.
    fn finding(p: &DocParagraph, sentence: &str, words: &str, category: Category, risk: Risk) -> Finding {
        let (s, m) = (p.text.find(sentence).unwrap(), sentence.find(words).unwrap());
        Finding {
            category,
            negated: false,
            risk,
            text: sentence.into(),
            location: Location { page: p.page, paragraph: p.number },
            values: Values::default(),
            rule: "test".into(),
            explanation: "Forklaring.".into(),
            matched: (m, m + words.len()),
            in_paragraph: (s, s + sentence.len()),
            quoted: (0, sentence.len()),
            flags: Vec::new(),
        }
    }

    fn report(file: &str, document: Vec<DocParagraph>, findings: Vec<Finding>) -> Report {
        let risk = findings.iter().map(|f| f.risk).max().unwrap_or_default();
        Report {
            file: file.into(),
            status: Status::Ok,
            format: Some("txt"),
            language: Some(Language::Nb),
            pages: None,
            findings,
            risk,
            recommendation: Recommendation::None,
            recommendation_text: "Tekst.".into(),
            notice: None,
            signatures: None,
            answer: None,
            minimum_terms: None,
            minimum_terms_missing: None,
            extraction: None,
            ocr_pages: None,
            document: Some(document),
        }
    }

    #[test]
    fn check_keeps_the_text_the_page_shows_without_being_told() {
        // As the library's example does it: the default configuration keeps no text.
        let config = Config::new(Patterns::builtin().unwrap());
        assert!(!config.keep_text);
        let mut sink = HtmlSink::new(Vec::new(), Lang::Nb, today());
        crate::check_files(&["fixtures/avtale-bokmal.txt".into()], &config, &mut sink).unwrap();
        let html = String::from_utf8(sink.out).unwrap();
        assert!(html.contains("<div class=\"doc\">"), "no contract text section");
        assert!(html.contains("Lerkendalsveien 8"), "the contract's first paragraph is missing");
        check_links(&html);
    }

    #[test]
    fn fixture_page_links_every_finding_to_its_marked_sentence() {
        let r = analyze("fixtures/avtale-bokmal.pdf", Lang::Nb);
        assert!(r.findings.len() >= 5, "{:?}", r.findings);
        let html = render(std::slice::from_ref(&r), Lang::Nb);
        check_links(&html);
        assert!(html.contains("<html lang=\"nb\">"));
        assert!(html.contains("<p class=\"page\">Side 2</p>"), "page marker missing");
        let finding_ids = attrs(&html, "id").into_iter().filter(|id| id.starts_with("f-")).count();
        assert_eq!(finding_ids, r.findings.len());
        assert_eq!(attrs(&html, "href").len(), r.findings.len());
        assert_eq!(html.matches("<mark ").count(), html.matches("</mark>").count());
        assert!(html.contains("Dette er ikke juridisk rådgivning."));
    }

    #[test]
    fn shared_and_overlapping_sentences_get_one_mark_with_an_anchor_each() {
        let p = paragraph(
            Some(1),
            3,
            "Først en setning. Så betaler du bot på kr 5 000 før tiltredelse. Til slutt noe annet.",
        );
        let bot = "Så betaler du bot på kr 5 000 før tiltredelse.";
        let mut overlapping =
            finding(&p, "kr 5 000 før tiltredelse. Til slutt", "Til slutt", Category::Withdrawal, Risk::Low);
        overlapping.negated = true;
        let mut broken = finding(&p, bot, "bot", Category::Probation, Risk::Low);
        // Inside the two bytes of "ø": must neither panic nor get a link.
        let o = p.text.find('ø').unwrap();
        broken.in_paragraph = (o + 1, o + 5);
        let mut elsewhere = finding(&p, bot, "bot", Category::NonCompete, Risk::Medium);
        elsewhere.location.paragraph = 99;
        let findings = vec![
            finding(&p, bot, "bot", Category::Compensation, Risk::High),
            finding(&p, bot, "før tiltredelse", Category::NoticeBeforeStart, Risk::Medium),
            overlapping,
            broken,
            elsewhere,
        ];
        let html = render(&[report("a.txt", vec![p], findings)], Lang::Nb);
        check_links(&html);
        assert_eq!(html.matches("<mark ").count(), 1, "{html}");
        assert!(html.contains("<mark id=\"f-1-1\" class=\"risk-high\""), "{html}");
        assert!(html.contains("<span id=\"f-1-2\" class=\"anchor\"></span><span id=\"f-1-3\" class=\"anchor\"></span>"));
        assert_eq!(attrs(&html, "href"), ["#f-1-1", "#f-1-2", "#f-1-3"]);
        assert!(html.contains("<b>bot</b>") && html.contains("<b>før tiltredelse</b>"), "{html}");
        assert!(html.contains("gjelder ikke"));
        // The findings that cannot be shown in the text are quoted in the list instead.
        assert_eq!(html.matches("<blockquote>").count(), 2);
    }

    #[test]
    fn text_and_file_names_are_escaped() {
        let p = paragraph(None, 1, "Boten er <script>alert('x')</script> & \"mer\".");
        let f = finding(&p, &p.text, "alert", Category::Compensation, Risk::High);
        let html = render(&[report("<script>x</script>.txt", vec![p.clone()], vec![f])], Lang::Nb);
        check_links(&html);
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("&lt;script&gt;<b>alert</b>(&#39;x&#39;)&lt;/script&gt; &amp; &quot;mer&quot;."),
            "{html}"
        );
        assert!(html.contains("<h2>&lt;script&gt;x&lt;/script&gt;.txt</h2>"));
    }

    #[test]
    fn english_page_has_no_norwegian_labels() {
        let r = analyze("fixtures/contract-english.docx", Lang::En);
        assert!(!r.findings.is_empty());
        let p = paragraph(None, 1, "No penalty applies.");
        let mut negated = finding(&p, &p.text, "penalty", Category::Compensation, Risk::None);
        negated.negated = true;
        let html = render(&[r, report("b.txt", vec![p.clone()], vec![negated])], Lang::En);
        check_links(&html);
        assert!(html.contains("<html lang=\"en\">") && html.contains("does not apply") && html.contains("2 files"));
        let norwegian = [
            "Kontraktsrapport",
            "Samlet risiko",
            "Anbefaling",
            "Oppsigelse",
            "Funn",
            "Kontraktens tekst",
            "avsnitt",
            "gjelder ikke",
            ">høy<",
            ">middels<",
            ">lav<",
            ">ingen<",
            "ukjent",
            "engelsk",
            " filer",
            "Laget",
            "rådgivning",
        ];
        for label in norwegian {
            assert!(!html.contains(label), "{label} in the English page");
        }
    }

    #[test]
    fn error_report_shows_its_kind_and_message() {
        let r = Report {
            file: "låst.pdf".into(),
            status: Status::Error(ReportError {
                kind: ErrorKind::Encrypted,
                message: "Filen er passordbeskyttet.".into(),
            }),
            format: Some("pdf"),
            language: None,
            pages: None,
            findings: Vec::new(),
            risk: Risk::None,
            recommendation: Recommendation::None,
            recommendation_text: String::new(),
            notice: None,
            signatures: None,
            answer: None,
            minimum_terms: None,
            minimum_terms_missing: None,
            extraction: None,
            ocr_pages: None,
            document: None,
        };
        let html = render(&[r], Lang::Nb);
        check_balanced(&html).unwrap();
        assert!(html.contains("Kunne ikke analyseres</span> <code>encrypted</code>"), "{html}");
        assert!(html.contains("Filen er passordbeskyttet."));
    }

    #[test]
    fn ids_stay_unique_across_a_batch() {
        let p = paragraph(None, 1, "Bindingstid på 24 måneder.");
        let f = finding(&p, &p.text, "Bindingstid", Category::BindingPeriod, Risk::High);
        let r = report("a.txt", vec![p], vec![f]);
        let html = render(&[r.clone(), r], Lang::Nb);
        check_links(&html);
        assert_eq!(attrs(&html, "href"), ["#f-1-1", "#f-2-1"]);
    }

    #[test]
    fn the_balance_check_catches_broken_markup() {
        assert!(check_balanced("<p><mark>x</p></mark>").is_err());
        assert!(check_balanced("<p>a < b</p>").is_err());
        assert!(check_balanced("<p><mark>x</mark>").is_err());
        assert!(check_balanced("<!DOCTYPE html><p><meta charset=\"utf-8\">x</p>").is_ok());
    }
}
