#!/usr/bin/env python3
"""Writes fixtures/nummerert.docx: a short contract whose section numbers and list letters
are Word's automatic numbering (word/numbering.xml), not text.

    scripts/gen-numbered-docx.py [OUT]

The headings are numbered through their style ("Overskrift1" carries w:numPr), the list
items through their own w:numPr ("a)", "b)"), the signature line switches numbering off with
w:numId 0. python-docx cannot write numbering definitions, so the parts are written here.
"""

import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def para(text, style=None, num=None):
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        num_id, level = num
        props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


BODY = [
    para("Arbeidsavtale", "Tittel"),
    para("Parter og stilling", "Overskrift1"),
    para("Arbeidsgiver er Nordlys Regnskap AS. Arbeidstakeren ansettes som regnskapsfører i fast stilling."),
    para("Kundeklausul", "Overskrift1"),
    para("Klausulen gjelder kunder i hele Norge."),
    para("I tolv måneder etter fratreden skal arbeidstakeren ikke:"),
    para("Kontakte kunder som arbeidstakeren har hatt kontakt med det siste året.", num=(2, 0)),
    para("Bistå andre med å kontakte slike kunder.", num=(2, 0)),
    para("Oppsigelse", "Overskrift1"),
    para("Oppsigelsesfristen er tre måneder. Brudd på forpliktelsene, jf. punkt 2, kan gi erstatningsansvar."),
    para("Signatur", "Overskrift1", num=(0, 0)),
]

DOCUMENT = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>{"".join(BODY)}</w:body></w:document>'

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Tittel"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"""


def level(ilvl, fmt, text):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{level(0, "decimal", "%1.")}{level(1, "decimal", "%1.%2")}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{level(0, "lowerLetter", "%1)")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"""


def rels(*targets):
    items = "".join(f'<Relationship Id="rId{i}" Type="{R}/{kind}" Target="{target}"/>'
                    for i, (kind, target) in enumerate(targets, 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>')


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "fixtures/nummerert.docx"
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", rels(("officeDocument", "word/document.xml"))),
        ("word/document.xml", DOCUMENT),
        ("word/_rels/document.xml.rels", rels(("styles", "styles.xml"), ("numbering", "numbering.xml"))),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
    ]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            # A fixed date, so the file is the same on every run.
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
