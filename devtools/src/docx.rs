//! DOCX output through docx-rs's writer.
//!
//! docx-rs writes fixed dates (1970-01-01) into `docProps/core.xml` unless told otherwise and,
//! without zip's `time` feature, fixed zip timestamps, so the output is deterministic.

use crate::fixture::{Block, Span};
use docx_rs::{BreakType, Docx, Paragraph, Run, Style, StyleType, Table, TableCell, TableRow};
use std::io::Cursor;

/// Renders the blocks as a DOCX package.
pub fn render(blocks: &[Block]) -> Result<Vec<u8>, String> {
    // Word shows an unknown style id as Normal; defining Heading1 makes headings real headings
    // (the reader must not rely on it, so the run is bold as well).
    let heading = Style::new("Heading1", StyleType::Paragraph).name("heading 1").bold().size(28);
    let mut doc = Docx::new().add_style(heading);
    for block in blocks {
        doc = match block {
            Block::Heading(text) => {
                doc.add_paragraph(Paragraph::new().style("Heading1").add_run(Run::new().add_text(text).bold()))
            }
            Block::Paragraph(spans) => doc.add_paragraph(paragraph(spans)),
            Block::Table(rows) => doc.add_table(Table::new(
                rows.iter()
                    .map(|row| {
                        TableRow::new(
                            row.iter()
                                .map(|cell| {
                                    TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(cell)))
                                })
                                .collect(),
                        )
                    })
                    .collect(),
            )),
            Block::PageBreak => doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page))),
        };
    }
    let mut out = Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| format!("docx: {e}"))?;
    Ok(out.into_inner())
}

/// One run per span: `arbeids**taker**` becomes two runs, as Word does after a format change.
fn paragraph(spans: &[Span]) -> Paragraph {
    spans.iter().fold(Paragraph::new(), |p, span| {
        let run = Run::new().add_text(&span.text);
        p.add_run(if span.bold { run.bold() } else { run })
    })
}
