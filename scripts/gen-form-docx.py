#!/usr/bin/env python3
"""Writes the filled-in DOCX forms: one short employment contract form, its boxes ticked in the
three ways Word files carry them, none of which puts the box in the text.

    scripts/gen-form-docx.py [DIR]

- fixtures/avkrysset.docx: legacy form fields (FORMCHECKBOX with w:ffData/w:checkBox, the
  typed answers FORMTEXT results, the notice period a FORMDROPDOWN); probation answered
  "☐ Ja ☒ Nei", a text field left unfilled (five en spaces) between two labels.
- fixtures/avkrysset-kontroll.docx: checkbox content controls (w:sdt with w14:checkbox, the
  glyph ☒/☐ in MS Gothic); probation answered "☒ Ja ☐ Nei", its length six months.
- fixtures/avkrysset-symbol.docx: boxes inserted as symbols (w:sym, Wingdings F0A8 empty and
  F0FE ticked), each option written before its box: "Ja ☐ Nei ☒".

python-docx cannot write form fields or content controls, so the parts are written here.
"""

import os
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EN_SPACES = "\u2002" * 5


def run(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def field(ff_data, code, result=None):
    """A legacy form field; only a text field has a result."""
    shown = ""
    if result is not None:
        shown = f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/></w:rPr><w:t xml:space="preserve">{result}</w:t></w:r>'
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val=""/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/>{ff_data}</w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>{shown}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def text_field(answer):
    return field("<w:textInput/>", "FORMTEXT", answer)


def legacy_box(checked):
    state = "<w:checked/>" if checked else ""
    return field(f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox>', "FORMCHECKBOX")


def control_box(checked):
    gothic = '<w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
    return (f'<w:sdt><w:sdtPr>{gothic}<w:id w:val="{1000 + checked}"/><w14:checkbox>'
            f'<w14:checked w14:val="{int(checked)}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r>{gothic}<w:t>{"☒" if checked else "☐"}</w:t></w:r></w:sdtContent></w:sdt>')


def symbol_box(checked):
    return f'<w:r><w:sym w:font="Wingdings" w:char="{"F0FE" if checked else "F0A8"}"/></w:r>'


def choice(box, options, label_first=False):
    """Options each with its box: "☐ Ja ☒ Nei", or "Ja ☐ Nei ☒" with label_first."""
    parts = [run(f"{name} ") + box(checked) if label_first else box(checked) + run(f" {name}")
             for name, checked in options]
    return run(" ").join(parts)


def para(content, bold=False):
    props = "<w:pPr><w:rPr><w:b/></w:rPr></w:pPr>" if bold else ""
    return f"<w:p>{props}{content}</w:p>"


def row(label, value):
    cell = '<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>{}</w:tc>'
    return f"<w:tr>{cell.format(3000, para(run(label)))}{cell.format(6000, para(value))}</w:tr>"


def document(box, probation_yes, label_first=False):
    fields = text_field if box is legacy_box else run
    notice = (field('<w:ddList><w:result w:val="2"/><w:listEntry w:val="1 måned"/><w:listEntry w:val="2 måneder"/>'
                    '<w:listEntry w:val="3 måneder"/></w:ddList>', "FORMDROPDOWN")
              if box is legacy_box else run("3 måneder"))
    rows = [
        row("Arbeidsgiver", fields("Fjordlys Bakeri AS")),
        row("Arbeidstaker", fields("Ola Nordmann")),
        row("Stilling", fields("Baker")),
        row("Ansettelsesform", choice(box, [("Fast", True), ("Midlertidig", False)], label_first)),
        row("Avtalt prøvetid", choice(box, [("Ja", probation_yes), ("Nei", not probation_yes)], label_first)),
        row("Prøvetidens lengde", fields("6 måneder")) if probation_yes else "",
        row("Oppsigelsesfrist", notice),
        row("Arbeidstid", fields("37,5 timer per uke")),
    ]
    table = ('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid>'
             f'<w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid>{"".join(rows)}</w:tbl>')
    body = (para(run("Arbeidsavtale"), bold=True)
            + para(run("Avtalen gjelder ansettelse i virksomheten nedenfor. Kryss av for det som er avtalt."))
            + table
            # An unfilled text field between two labels.
            + para(run("Tariffavtale:") + text_field(EN_SPACES) + run("Arbeidssted:") + text_field("Bergen"))
            + para(run("Sted og dato: Bergen, 10.02.2027")))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" '
            f'xmlns:w14="{W14}" xmlns:mc="{MC}" mc:Ignorable="w14"><w:body>{body}</w:body></w:document>')


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""

RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>')

FORMS = [
    ("avkrysset.docx", legacy_box, False, False),
    ("avkrysset-kontroll.docx", control_box, True, False),
    ("avkrysset-symbol.docx", symbol_box, False, True),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "fixtures"
    for name, box, probation_yes, label_first in FORMS:
        parts = [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/document.xml", document(box, probation_yes, label_first)),
        ]
        with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
            for part, text in parts:
                # A fixed date, so the file is the same on every run.
                z.writestr(zipfile.ZipInfo(part, (1980, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
