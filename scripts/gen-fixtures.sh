#!/usr/bin/env bash
# Regenerates the committed fixture contracts from their marked-up sources:
#   fixtures/src/NAME.txt        -> fixtures/NAME.{txt,docx,pdf}
#   fixtures/{corpus,heldout,fresh,fresh5,fresh6,fresh7,fresh10,fresh11,fresh12,fresh13,fresh14,fresh15,fresh16,fresh17,fresh18,fresh19,fresh20,fresh21,fresh22,fresh23,fresh24,fresh25,fresh26,fresh27,fresh28,fresh29,fresh30,fresh31,fresh32,fresh33,fresh34,fresh35,fresh36,heldout3,heldout4}/src/NAME.txt -> fixtures/SET/NAME.<format in gold.toml>
# A source with a line "%% encoding: cp1252" is written as Windows-1252 text.
# Output is deterministic: running it again changes no committed file.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p kontrakt-devtools --bin gen_fixtures
gen="${CARGO_TARGET_DIR:-target}/release/gen_fixtures"

convert() { # SOURCE OUT...
  local src=$1; shift
  if grep -q '^%% encoding: cp1252' "$src"; then "$gen" --cp1252 "$src" "$@"; else "$gen" "$src" "$@"; fi
}

for src in fixtures/src/*.txt; do
  stem=$(basename "$src" .txt)
  convert "$src" "fixtures/$stem.txt" "fixtures/$stem.docx" "fixtures/$stem.pdf"
done

# The labelled sets: fixtures/corpus (patterns are tuned on it) and fixtures/heldout
# (written separately, never used for tuning).
for set in corpus heldout fresh fresh5 fresh6 fresh7 fresh10 fresh11 fresh12 fresh13 fresh14 fresh15 fresh16 fresh17 fresh18 fresh19 fresh20 fresh21 fresh22 fresh23 fresh24 fresh25 fresh26 fresh27 fresh28 fresh29 fresh30 fresh31 fresh32 fresh33 fresh34 fresh35 fresh36 heldout3 heldout4; do
  python3 - "$set" <<'PY' | while read -r src format; do
import sys, tomllib
for d in tomllib.load(open(f"fixtures/{sys.argv[1]}/gold.toml", "rb"))["doc"]:
    print(d["src"], d["format"])
PY
    convert "fixtures/$set/src/$src" "fixtures/$set/${src%.txt}.$format"
  done
done

# fresh25 contracts (fixtures/fresh25, 6 sources x 3 formats), each in the words of its own trade:
#   nb-01-flyselskap   regional airline, first officer: type rating bond, medical/licence conditions,
#                      notice from signing until the course, start at the course date
#   nb-02-helseforetak health trust, nurse in an intensive care "utdanningsstilling": HPR and police
#                      certificate as conditions, binding time after the education, turnus
#   nn-01-brann        municipal fire and rescue, smoke diver: health requirement and licence class C
#                      as conditions, course paid with "plikttenest", probation extended for absence
#   nn-02-itkonsulent  small IT consultancy in plain nynorsk: customer clause and no-hire, sign-on
#                      bonus repaid within a year, a sum owed for not starting
#   en-01-drilling     offshore drilling contractor: health certificate and GSK/BOSIET as conditions,
#                      2-4 rotation, notice before the commencement date, relocation clawback
#   en-02-bank         bank compliance officer: fit-and-proper and screening with a right to withdraw,
#                      retention award clawback, non-dealing/non-solicitation, no probation

# fresh26 contracts (fixtures/fresh26, 6 sources x 3 formats), each in the state it reaches a union
# desk in, each from its own sector:
#   nb-01-logistikk  logistics terminal operator, forwarded by e-mail under the HR officer's message:
#                    ordinary notice also before the start, a sum for not turning up, police
#                    certificate as a condition, start 2 August 2027 (header dates are no start)
#   nb-02-bygg       construction carpenter/crane operator, scanned and OCR'd with running headers
#                    and "Side N av 4" inside sections: crane course repaid within 18 months with a
#                    1/18 scale (no binding word), probation, notice "deretter"
#   nn-01-kommune    municipal kindergarten teacher copied from a web portal: "## 4." headings, a
#                    tracked change and margin comments, police certificate and education as
#                    conditions with a right to take the offer back, start "etter avtale" (no date)
#   nn-02-ingenior   engineering consultancy, key terms flattened into tabs/spaces and lines
#                    hyphenated across breaks: notice from signing, a sum for not starting,
#                    a paid non-compete, probation
#   en-01-recruiter  recruiter's e-mail thread (quoted replies, headers) with the agreement's key
#                    clauses pasted: notice before the commencement date, sign-on bonus repaid pro
#                    rata within 12 months, background screening as a condition
#   en-02-survey     marine survey contract exported from an HR system with page furniture on every
#                    page and a definitions section: mobilisation costs recovered within a year (no
#                    bond word), non-solicitation of clients and staff, no probation, garden leave

# fresh27 contracts (fixtures/fresh27, 6 sources x 3 formats), dense with numbers of other roles so
# that only one is each clause's value:
#   nb-01-meieri            dairy process operator, formal template with a key-terms table: start
#                           "mandag i uke 33 (16.08.2027)", course repaid with a 1/24 write-down,
#                           the employer's age scale beside the agreed notice, no non-compete
#   nb-02-grossist          wholesaler's sales consultant, plain offer letter: notice before the
#                           start, "halvannen månedslønn, det vil si kr 76 500", employer's and
#                           employee's notice differ, customer clause, no probation
#   nn-01-lufthamn          airport security screener, a filled-in standard form with its guidance
#                           lines: start left open until the background check, course repaid up
#                           to a cap below its cost
#   nn-02-kommune-it        municipal IT consultant, contract and an addendum that moves the start:
#                           two courses summed and later called "kursavgifta", security clearance
#   en-01-sykehusapotek     hospital pharmacist recruited from abroad, filled-in English form:
#                           probation given only by its end date, authorisation as a condition
#   en-02-bank-kundesenter  savings bank's customer adviser, offer letter with a key-terms table:
#                           start in week 36, notice before the start, a daily sum with a cap,
#                           sign-on bonus "NOK 25k" repaid within a year

# fresh28 contracts (fixtures/fresh28, 6 sources x 3 formats), each with duties of both parties and
# of third parties in the same words, so that only what binds the employee is a finding:
#   nb-01-bemanning-bryggeri  staffing agency's temp at a brewery, the client's assignment terms
#                             attached: the client's no-hire fee, the agency's longer notice
#   nb-02-advokatfirma        law firm associate, key-terms table: the firm's and the associate's
#                             notice, a welcome bonus repaid within 24 months, a customer clause
#   nn-01-laerling-anlegg     apprentice with a training office and a parent signing: start left
#                             open, withdrawal free of cost, a driving licence repaid up to a cap
#   nn-02-ambulanse           ambulance worker's letter of appointment: notice before the start
#                             from either side, no probation, the employer's own promises
#   en-01-fotballklubb        football club's head coach: liquidated damages, the club's longer
#                             notice, a restraint paid by the club, a release fee between clubs
#   en-02-filmproduksjon      film production manager's e-mail and deal memo: a daily sum with a
#                             cap, the producer's pay-or-play promise, funding as a condition

# fresh29 contracts (fixtures/fresh29, 6 sources x 3 formats), each about the time between signing
# and the first day: when the contract binds, notice before the start, the cost of not turning up,
# conditions, what is paid before the start, and dates that are not the start:
#   nb-01-dyreklinikk       veterinary nurse, key-terms table: notice before the start and after it
#                           "henholdsvis", a sum for not turning up, an authorisation as condition
#   nb-02-bussdrift         trainee bus driver, offer letter and acceptance: start when the licence
#                           is passed, no notice before the start, a licence course repaid
#   nn-01-fiskeoppdrett     salmon farm technician, filled-in form with guidance lines: notice from
#                           signing, "høvesvis", a relocation advance repaid, no conditions
#   nn-02-spelstudio        game studio programmer, contract and an e-mail moving the start: a
#                           sign-on bonus repaid, a restraint only if the job is taken up
#   en-01-fjellhotell       seasonal sous-chef at a ski hotel, offer with conditions in an annex:
#                           recruitment costs capped, "respectively", no restraint
#   en-02-forskingsinstitutt  research institute postdoc, key-terms table: binds on signature, a
#                           month's notice before the commencement, a relocation advance repaid

# fresh30 contracts (fixtures/fresh30, 6 sources x 3 formats), each stating its terms in many
# grammatical shapes (a term and its value in separate sentences, inverted conditionals, passives,
# shorthand, questions as headings) beside template notes and advice quoted from guides:
#   nb-01-trykkeri            security printing house, key-terms table and definitions: vetting as a
#                             condition, a course repaid "med mindre", no restraint
#   nb-02-anleggsgartner      landscaping firm, offer letter, acceptance and a summary e-mail: notice
#                             before the start, a sum "ved uteblivelse", licences as conditions
#   nn-01-kyrkjeleg-fellesrad parish council's cantor, filled-in form with guidance lines: start left
#                             open until the police certificate, no binding period
#   nn-02-skogsentreprenor    forestry contractor, "du/vi" with questions as headings: notice before
#                             the start in two sentences, a sum for not turning up, a course repaid
#   en-01-translation-agency  translation agency's project manager, HR summary page before the text:
#                             no notice before the start, no probation, a client restraint
#   en-02-recycling           recycling plant's shift supervisor, contract and an addendum moving the
#                             start: "Were the Employee to fail", relocation repaid "unless"

# fresh31 contracts (fixtures/fresh31, 6 sources x 3 formats), each in a state international
# workplaces produce: bilingual, built on a foreign template, or translated:
#   nb-01-subsea-rov           subsea firm's ROV pilot, Norwegian and English side by side in a
#                              table: conditions offshore, a course repaid, no restraint
#   nb-02-renhold-ikke-morsmal cleaning firm, Norwegian written by a non-native ("provetid",
#                              "konvensjonal straff"): start left open, notice before the start, a sum
#   nn-01-sjomat-relocation    seafood processor, nynorsk with an English annex: a sign-on bonus
#                              repaid, permit and health as conditions
#   nn-02-internasjonal-skule  international school, nynorsk and English paragraph after paragraph:
#                              notice before the start, a sum for not starting, no probation
#   en-01-satellitt-offer      satellite firm, a US offer template adapted to Norwegian law: a
#                              contingent offer, a sign-on bonus repaid, a restraint, "at will" set aside
#   en-02-baergard-sesong      berry farm, seasonal picker, simple English in NOK, EUR and PLN: notice
#                              before the start, a sum for not turning up, no probation

# fresh32 contracts (fixtures/fresh32, 6 sources x 3 formats), each from work at the edges of a
# permanent job, full of dates and periods that are not the clause values:
#   nb-01-barnehage-vikariat  kommune's tilsettingsbrev for a kindergarten cover post: the term's end
#                             and length, police certificate and health as conditions, notice in the term
#   nb-02-bemanning-lager     staffing agency's warehouse worker with the client assignment in an annex:
#                             notice before the start, a sum for not turning up, the client's fee
#   nn-01-laerling-elektro    apprentice electrician's lærekontrakt signed by the guardians: county
#                             approval as a condition, no sum for not starting, a licence repaid
#   nn-02-tilkalling-sjukehus hospital trust's framework agreement for an on-call nurse: start left
#                             open, authorisation and police certificate, no probation
#   en-01-stipendiat-universitet university's research fellow from abroad: a four-year term that is no
#                             binding, a relocation grant repaid, permit and admission as conditions
#   en-02-skisenter-sesong    ski resort's 17-year-old seasonal assistant: notice before the start, a
#                             sum for not turning up, a customer clause, the season's end

# fresh33 contracts (fixtures/fresh33, 6 sources x 3 formats), each a complete ordinary contract in
# which the binding clauses sit among pay, hours, holidays, pension and the other usual terms:
#   nb-01-tannklinikk  dental clinic's hygienist on a numbered standard form with ticked boxes and
#                      "ikke aktuelt": authorisation and references, a course with no duty to stay
#   nb-02-it-drift     IT-operations engineer with a key-terms table: notice before the start, a
#                      certification repaid over 18 months, a customer clause, on-call pay
#   nn-01-vassverk     kommune's tilsetjingsbrev for a water-works operator: start "etter avtale",
#                      health certificate and licence as conditions, no binding
#   nn-02-varmepumpe   small heat-pump installer in short sentences: notice before the start, a sum
#                      for not turning up, a certificate paid with no repayment
#   en-01-forsikring   insurer's offer letter and terms for a former contractor: screening as a
#                      condition, notice before commencement, no probation, a sign-on bonus repaid
#   en-02-privatskole  private school's teacher from abroad: permit and police certificate,
#                      liquidated damages for not taking up the post, relocation repaid, a staff flat

# fresh34 contracts (fixtures/fresh34, 6 sources x 3 formats), each giving several terms by pointing
# elsewhere (the law, a tariff agreement, a handbook, an annex, an earlier clause, a defined term):
#   nb-01-begravelse   funeral agency's own short contract: a start "første mandag i februar 2028",
#                      notice before the start by pointing to the probation notice, the law's notice
#   nb-02-steinbrudd   quarry's filled-in employers' template with a course agreement as an annex
#   nn-01-hamn         municipal port's tilsetjingsbrev: start on the 1st of the month after the police
#                      certificate, probation by the tariff agreement
#   nn-02-akvarium     aquarium's key-terms table of "sjå punkt" cells, notice before the start by
#                      reference, a sum for not starting, a diving course repaid (annex)
#   en-01-forsvar      defence-electronics offer letter: defined Start Date and Notice Period,
#                      security clearance as a condition, a non-compete
#   en-02-laboratorium testing lab's chemist from abroad: key-terms table and schedules, relocation
#                      repaid if she does not start or leaves early, a client non-solicitation

# fresh35 contracts (fixtures/fresh35, 6 sources x 3 formats), each carrying talk about clauses
# around the person's own terms (cover letters, guidance notes, footnotes, info boxes, FAQ pages):
#   nb-01-frisor       hair salon's own contract with the owner's cover letter and a Q&A page after
#                      the signatures: notice before the start, a course repaid, no non-compete
#   nb-02-rorlegger    plumbing firm's employers' template with its guidance notes left in and the
#                      union club's checklist: no binding period, a trade exam as a condition
#   nn-01-sjukeheim    municipal nursing home's tilsetjingsbrev with footnotes citing the law and a
#                      "Slik fungerer prøvetida" box: notice before the start, police certificate
#   nn-02-restaurant   restaurant's head waiter with a course agreement and a welcome booklet marked
#                      as information only, whose values differ from the contract's
#   en-01-mediehus     media group's offer letter with a "change your mind before you start?" box
#                      and a note to HR left in: notice before the start, capped recruitment costs
#   en-02-vaktselskap  security company's key-terms table of "see clause" cells forwarded by an HR
#                      e-mail with comments: no probation, a course repaid, a non-solicitation

# fresh36 contracts (fixtures/fresh36, 6 sources x 3 formats), in the formal register of law firms,
# HR departments, employers' organisations and the state, with boilerplate in the same words:
#   nb-01-sparebank    savings bank's chief risk officer, drafted by a law firm with recitals and a
#                      definitions clause: notice before the start, a customer clause, a staff loan's
#                      fixed-rate "bindingstid" that binds no one to stay
#   nb-02-flyselskap   airline first officer with a type-rating agreement as an annex: a fixed sum for
#                      not starting, a 36-month bond, no non-compete
#   nn-01-direktorat   state agency's tilsetjingsavtale for a senior adviser: probation and notice by
#                      the state's rules, a moving allowance with no repayment
#   nn-02-helseforetak health trust's filled-in standard form with tick boxes and printed guidance:
#                      notice before the start, no binding period, non-compete boxes left unticked
#   en-01-oljeservice  US parent's offer letter with a Service Agreement as Schedule 1: no probation,
#                      a capped cost for not starting, a relocation allowance repaid over 24 months
#   en-02-legemiddel   pharma contract with a definitions clause: notice before the Commencement
#                      Date, liquidated damages, a sign-on bonus repaid within 12 months, non-compete
