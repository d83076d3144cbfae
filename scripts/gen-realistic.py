#!/usr/bin/env python3
"""Makes contracts the way people make them, for the batch benchmark.

    scripts/gen-realistic.py OUT_DIR [SET...]

From every marked-up source fixtures/SET/src/FILE.txt (SETs corpus and heldout unless named; NAME is SET-FILE) (markup: see
examples/gen_fixtures/main.rs) it writes
  OUT_DIR/txt/NAME.txt        plain text, blank lines between paragraphs, tab-separated table rows;
  OUT_DIR/docx/NAME.docx      python-docx: Title / Heading 1 / Normal styles, bold runs, tables in
                              'Table Grid', a header with the company line and a footer with
                              'Side N av M' page fields;
  OUT_DIR/pdf/NAME-lo1.pdf    that DOCX printed by LibreOffice (headless), one column;
  OUT_DIR/pdf/NAME-lo2.pdf    the same in two columns (a two-column section);
  OUT_DIR/pdf/NAME-rl1.pdf    reportlab, Helvetica (not embedded, WinAnsi), one column;
  OUT_DIR/pdf/NAME-rl2.pdf    reportlab, DejaVu Sans (embedded subset), two columns.
Needs python-docx and reportlab (pip install --user python-docx reportlab) and soffice.
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph,
                                Spacer, Table, TableStyle)
from reportlab.lib import colors

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


# A line that starts a list item ("- …", "• …", "a) …", "2) …") begins its own paragraph.
LIST_ITEM = re.compile(r"([-–•*▪·]|\w{1,2}\)|\(\w{1,4}\)) \S")


def parse(src):
    """Blocks of the source: ('h', text), ('p', [(text, bold)]), ('t', rows), ('br',)."""
    blocks, lines, rows = [], [], []

    def flush_par():
        if lines:
            blocks.append(("p", spans(" ".join(lines))))
            lines.clear()

    def flush_table():
        if rows:
            blocks.append(("t", list(rows)))
            rows.clear()

    for line in src.splitlines():
        line = line.strip()
        if line.startswith("%%"):
            continue
        if line.startswith("|"):
            flush_par()
            rows.append([plain(c.strip()) for c in line.strip("|").split("|")])
            continue
        flush_table()
        if not line:
            flush_par()
        elif line == "---":
            flush_par()
            blocks.append(("br",))
        elif line.startswith("# "):
            flush_par()
            blocks.append(("h", plain(line[2:].strip())))
        else:
            if LIST_ITEM.match(line):
                flush_par()
            lines.append(line)
    flush_par()
    flush_table()
    return blocks


def spans(text):
    parts = text.split("**")
    return [(p, i % 2 == 1) for i, p in enumerate(parts) if p]


def plain(text):
    return text.replace("**", "")


def company(blocks):
    """The first 'X AS' / 'X ASA' name in the text, for the header line."""
    text = " ".join(plain("".join(t for t, _ in b[1])) for b in blocks if b[0] == "p")
    m = re.search(r"((?:[A-ZÆØÅ][\w&-]*\s){1,3}ASA?)\b", text)
    return m.group(1) if m else "Arbeidsgiver"


def write_txt(blocks, path):
    out = []
    for b in blocks:
        if b[0] == "h":
            out.append(b[1])
        elif b[0] == "p":
            out.append("".join(t for t, _ in b[1]))
        elif b[0] == "t":
            out.append("\n".join("\t".join(r) for r in b[1]))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(out) + "\n")


def field(run, instr):
    """A Word field (PAGE, NUMPAGES) with a cached value, as Word writes it."""
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def write_docx(blocks, path, columns):
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(11)
    section = doc.sections[0]
    if columns == 2:
        cols = section._sectPr.xpath("./w:cols")
        el = cols[0] if cols else OxmlElement("w:cols")
        el.set(qn("w:num"), "2")
        el.set(qn("w:space"), "567")
        if not cols:
            section._sectPr.append(el)
    section.header.paragraphs[0].text = f"{company(blocks)} – Arbeidsavtale – Konfidensielt"
    foot = section.footer.paragraphs[0]
    foot.add_run("Side ")
    field(foot.add_run(), "PAGE")
    foot.add_run(" av ")
    field(foot.add_run(), "NUMPAGES")
    first = True
    for b in blocks:
        if b[0] == "h":
            doc.add_heading(b[1], level=0 if first else 1)
        elif b[0] == "p":
            p = doc.add_paragraph()
            for text, bold in b[1]:
                p.add_run(text).bold = bold
        elif b[0] == "t":
            width = max(len(r) for r in b[1])
            table = doc.add_table(rows=len(b[1]), cols=width)
            table.style = "Table Grid"
            for row, cells in zip(table.rows, b[1]):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
        elif b[0] == "br":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        first = False
    doc.save(path)


def write_reportlab(blocks, path, columns):
    if columns == 2:
        pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", DEJAVU_BOLD))
        pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold")
        font, bold_font = "DejaVu", "DejaVu-Bold"
    else:
        font, bold_font = "Helvetica", "Helvetica-Bold"
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], fontName=font, fontSize=10, leading=13,
                          spaceAfter=6)
    head = ParagraphStyle("head", parent=styles["Heading2"], fontName=bold_font, fontSize=12)
    title = ParagraphStyle("title", parent=styles["Title"], fontName=bold_font)
    header = f"{company(blocks)} – Arbeidsavtale – Konfidensielt"

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(2 * cm, A4[1] - 1.3 * cm, header)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"Side {doc.page}")
        canvas.restoreState()

    margin, gap = 2 * cm, 0.6 * cm
    width = (A4[0] - 2 * margin - (columns - 1) * gap) / columns
    frames = [Frame(margin + i * (width + gap), margin, width, A4[1] - 2 * margin, id=f"c{i}")
              for i in range(columns)]
    doc = BaseDocTemplate(path, pagesize=A4, title="Arbeidsavtale", author=company(blocks))
    doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=decorate)])

    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    story, first = [], True
    for b in blocks:
        if b[0] == "h":
            story.append(Paragraph(esc(b[1]), title if first else head))
        elif b[0] == "p":
            story.append(Paragraph("".join(f"<b>{esc(t)}</b>" if bold else esc(t) for t, bold in b[1]), body))
        elif b[0] == "t":
            cols = max(len(r) for r in b[1])
            cell = ParagraphStyle("cell", parent=body, spaceAfter=0)
            data = [[Paragraph(esc(c), cell) for c in r] + [""] * (cols - len(r)) for r in b[1]]
            t = Table(data, colWidths=[width / cols] * cols)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 6)]
        elif b[0] == "br":
            story.append(PageBreak())
        first = False
    doc.build(story)


def main():
    out, sets = sys.argv[1], sys.argv[2:] or ["corpus", "heldout"]
    for sub in ("txt", "docx", "pdf"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    sources = sorted(p for s in sets for p in glob.glob(f"fixtures/{s}/src/*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources:
            # The sets reuse some names.
            name = src.split("/")[1] + "-" + os.path.basename(src)[:-4]
            raw = open(src, "rb").read()
            blocks = parse(raw.decode("utf-8"))
            write_txt(blocks, f"{out}/txt/{name}.txt")
            write_docx(blocks, f"{out}/docx/{name}.docx", 1)
            write_docx(blocks, f"{tmp}/{name}-lo2.docx", 2)
            os.link(f"{out}/docx/{name}.docx", f"{tmp}/{name}-lo1.docx")
            write_reportlab(blocks, f"{out}/pdf/{name}-rl1.pdf", 1)
            write_reportlab(blocks, f"{out}/pdf/{name}-rl2.pdf", 2)
        # One LibreOffice start for all documents; its own profile, so a desktop session's is untouched.
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", f"{out}/pdf"]
                       + sorted(glob.glob(f"{tmp}/*.docx")),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"{len(sources)} contracts -> {out}/{{txt,docx,pdf}}", file=sys.stderr)


if __name__ == "__main__":
    main()
