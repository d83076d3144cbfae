//! Filled-in PDF forms (AcroForm). What is typed into a form lives in its field dictionaries
//! (`/AcroForm /Fields`, each field with its name `/T`, its label for people `/TU` and its value
//! `/V`), not in the page content, so the text layer shows the printed labels without the
//! answers. Arbeidstilsynet's standard employment contract is such a form: its notice period
//! is a field value.
//!
//! Each filled-in field becomes a paragraph "Label: value" on the page of its widget, after the
//! page's own text, the fields in reading order (top to bottom, then left to right).

use std::collections::{HashMap, HashSet};

use pdf_extract::{decode_text_string, Dictionary, Document, Object, ObjectId};

/// Most fields read from one form; a real form has a few hundred.
const MAX_FIELDS: usize = 10_000;

/// Deepest field hierarchy followed (`/Kids` within `/Kids`).
const MAX_DEPTH: usize = 32;

/// The filled-in fields of the PDF in `bytes`, as (page index, "Label: value") in reading
/// order. A file without a form, or whose form cannot be read, has none.
pub fn fields(bytes: &[u8]) -> Vec<(usize, String)> {
    if !bytes.windows(9).any(|w| w == b"/AcroForm") {
        return Vec::new();
    }
    let Ok(mut doc) = Document::load_mem(bytes) else { return Vec::new() };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Vec::new();
    }
    let Some(roots) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get_deref(b"AcroForm", &doc).ok())
        .and_then(|f| f.as_dict().ok())
        .and_then(|f| f.get_deref(b"Fields", &doc).ok())
        .and_then(|f| f.as_array().ok())
    else {
        return Vec::new();
    };
    let mut form = Form { doc: &doc, pages: page_of_annotation(&doc), seen: HashSet::new(), found: Vec::new() };
    for root in roots {
        form.visit(root, None, 0);
    }
    let mut found = form.found;
    found.sort_by(|a, b| a.page.cmp(&b.page).then(b.top.total_cmp(&a.top)).then(a.left.total_cmp(&b.left)));
    found.into_iter().map(|f| (f.page, f.text)).collect()
}

/// A filled-in field where its widget sits.
struct Found {
    page: usize,
    top: f32,
    left: f32,
    text: String,
}

struct Form<'a> {
    doc: &'a Document,
    /// Page index of every page and of every annotation listed by a page.
    pages: HashMap<ObjectId, usize>,
    /// Objects visited, so that a field hierarchy with a cycle ends.
    seen: HashSet<ObjectId>,
    found: Vec<Found>,
}

impl Form<'_> {
    /// Reads one field and its descendants; `label` is the nearest ancestor's label.
    fn visit(&mut self, field: &Object, label: Option<&str>, depth: usize) {
        if depth > MAX_DEPTH || self.found.len() >= MAX_FIELDS {
            return;
        }
        let doc = self.doc;
        let (id, field) = match field {
            Object::Reference(id) => {
                if !self.seen.insert(*id) {
                    return;
                }
                (Some(*id), doc.get_dictionary(*id).ok())
            }
            Object::Dictionary(d) => (None, Some(d)),
            _ => return,
        };
        let Some(field) = field else { return };
        let own = text(field, b"TU", doc).or_else(|| text(field, b"T", doc));
        let label = own.as_deref().or(label);
        let kids: Vec<&Object> = field
            .get_deref(b"Kids", doc)
            .and_then(Object::as_array)
            .map(|kids| kids.iter().collect())
            .unwrap_or_default();
        // Kids with a name are fields of their own; kids without are this field's widgets.
        let named = |kid: &&Object| {
            let dict = match kid {
                Object::Reference(id) => doc.get_dictionary(*id).ok(),
                Object::Dictionary(d) => Some(d),
                _ => None,
            };
            dict.is_some_and(|d| d.has(b"T"))
        };
        if kids.iter().any(named) {
            for kid in kids {
                self.visit(kid, label, depth + 1);
            }
            return;
        }
        let Some(value) = value(field, doc) else { return };
        let widget = match kids.first() {
            Some(Object::Reference(w)) => Some((*w, doc.get_dictionary(*w).ok())),
            Some(_) => None,
            None => id.map(|id| (id, Some(field))),
        };
        let Some((widget_id, Some(widget))) = widget else { return };
        let page = widget
            .get(b"P")
            .and_then(Object::as_reference)
            .ok()
            .and_then(|p| self.pages.get(&p))
            .or_else(|| self.pages.get(&widget_id))
            .copied()
            .unwrap_or(0);
        let rect: Vec<f32> = widget
            .get_deref(b"Rect", doc)
            .and_then(Object::as_array)
            .map(|r| r.iter().filter_map(|n| n.as_float().ok()).collect())
            .unwrap_or_default();
        let (left, top) = match rect[..] {
            [x1, y1, x2, y2] => (x1.min(x2), y1.max(y2)),
            _ => (0.0, 0.0),
        };
        let text = match label {
            Some(label) if !label.trim().is_empty() => format!("{}: {value}", label.trim()),
            _ => value,
        };
        self.found.push(Found { page, top, left, text });
    }
}

/// Page index of each page object and of each annotation a page lists in `/Annots`.
fn page_of_annotation(doc: &Document) -> HashMap<ObjectId, usize> {
    let mut pages = HashMap::new();
    for (index, (_, page)) in doc.get_pages().into_iter().enumerate() {
        pages.insert(page, index);
        let annots = doc.get_dictionary(page).and_then(|p| p.get_deref(b"Annots", doc)).and_then(Object::as_array);
        for annot in annots.into_iter().flatten() {
            if let Ok(id) = annot.as_reference() {
                pages.entry(id).or_insert(index);
            }
        }
    }
    pages
}

/// A text string entry, decoded; `None` when missing or empty.
fn text(dict: &Dictionary, key: &[u8], doc: &Document) -> Option<String> {
    let s = decode_text_string(dict.get_deref(key, doc).ok()?).ok()?;
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The field's value for people: a text, a choice (a name such as a check box's `/Ja`; `/Off`
/// is no answer), or the choices of a list. `None` for an empty or unset field.
fn value(field: &Dictionary, doc: &Document) -> Option<String> {
    let v = field.get_deref(b"V", doc).ok()?;
    let one = |o: &Object| match o {
        Object::String(..) => decode_text_string(o).ok(),
        Object::Name(n) if n != b"Off" => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    };
    let s = match v {
        Object::Array(items) => items.iter().filter_map(one).collect::<Vec<_>>().join(", "),
        o => one(o)?,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}
