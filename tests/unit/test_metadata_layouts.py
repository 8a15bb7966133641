"""Header layouts of real EP pages, one labelled case per variant (issue 10's classes).

The expected values are written out here, independently of the language data.
"""

from __future__ import annotations

import pytest

from amendtool.model import DocKind
from amendtool.textparse import parse_text

BODY = (
    "The European Parliament,\n"
    "– having regard to its resolution of 1 May 2029 on Examplestan,\n"
    "A. whereas Examplestan held elections on 1 May 2030;\n"
    "1. Calls on the authorities to release all detained journalists;\n"
)


def read(header: str):
    return parse_text(header + "\n" + BODY, "page")


def fate_of(resolution, text: str):
    return next(f for f in resolution.line_fates if f.text == text)


# 1. The page-title line in the interface language, glued around the number
@pytest.mark.parametrize(
    ("line", "number", "kind"),
    [
        ("Projekt rezolucji - B9-0999/2030Projekt rezolucji", "B9-0999/2030", DocKind.MOTION),
        (
            "Förslag till resolution - B9-0999/2030Förslag till resolution",
            "B9-0999/2030",
            DocKind.MOTION,
        ),
        ("Návrh uznesenia - B6-0999/2006Návrh uznesenia", "B6-0999/2006", DocKind.MOTION),
        (
            "Forslag til beslutning - B8-0999/2015Forslag til beslutning",
            "B8-0999/2015",
            DocKind.MOTION,
        ),
        (
            "Mozzjoni għal riżoluzzjoni - B9-0999/2030Mozzjoni għal riżoluzzjoni",
            "B9-0999/2030",
            DocKind.MOTION,
        ),
        (
            "Propuesta de resolución - B9-0999/2030Propuesta de resolución",
            "B9-0999/2030",
            DocKind.MOTION,
        ),
        (
            "Proposition de résolution - B9-0999/2030Proposition de résolution",
            "B9-0999/2030",
            DocKind.MOTION,
        ),
        ("Prijedlog rezolucije - B9-0999/2030Prijedlog rezolucije", "B9-0999/2030", DocKind.MOTION),
        ("Návrh usnesení - B9-0999/2030Návrh usnesení", "B9-0999/2030", DocKind.MOTION),
        ("Päätöslauselmaesitys - B9-0999/2030Päätöslauselmaesitys", "B9-0999/2030", DocKind.MOTION),
        ("Πρόταση ψηφίσματος - B9-0999/2030Πρόταση ψηφίσματος", "B9-0999/2030", DocKind.MOTION),
        (
            "Предложение за резолюция - B9-0999/2030Предложение за резолюция",
            "B9-0999/2030",
            DocKind.MOTION,
        ),
        (
            "Wspólny projekt rezolucji - RC-B9-0999/2030Wspólny projekt rezolucji",
            "RC-B9-0999/2030",
            DocKind.JOINT_MOTION,
        ),
        (
            "Gemeinsamer Entschließungsantrag - RC-B9-0999/2030Gemeinsamer Entschließungsantrag",
            "RC-B9-0999/2030",
            DocKind.JOINT_MOTION,
        ),
        ("Teksty przyjęte - P9_TA(2030)0099Teksty przyjęte", "P9_TA(2030)0099", DocKind.RESOLUTION),
        (
            "Testi approvati - P9_TA-PROV(2030)0099Testi approvati",
            "P9_TA-PROV(2030)0099",
            DocKind.RESOLUTION,
        ),
    ],
)
def test_page_title_line_gives_the_number(line: str, number: str, kind: DocKind) -> None:
    resolution = read(f"{line}\nMOTION FOR A RESOLUTION on Examplestan\n")
    assert number in resolution.meta.numbers
    assert resolution.meta.title == "Examplestan"
    assert fate_of(resolution, line).where == "meta:number"
    assert fate_of(resolution, line).reason == "page-title line"
    if kind is DocKind.JOINT_MOTION:
        assert resolution.meta.kind is kind


# 2. Navigation and chrome are never a title
@pytest.mark.parametrize(
    "line",
    ["Indice", "Índice", "Zurück", "Weiter", "Précédent", "Suivant", "Indiċi", "Volledige tekst",
     " Index ", "Poprzedni", "Nästa", "Edellinen", "Επόμενο", "Следващ", "Rodyklė",
     "Go back to the Europarl portal", "Legal notice", "Édition provisoire",
     "with request for inclusion in the agenda for a debate on cases of breaches of human rights",
     "submitted following a statement by the Vice-President of the Commission",
     "Ten dokument nie jest dostępny w twoim języku.",
     "• Home • > Texts adopted > Examplestan", "Accueil > Textes adoptés > Examplestan",
     "Startseite › Angenommene Texte", "This site uses cookies. Read our policy"],
)  # fmt: skip
def test_chrome_is_never_a_title(line: str) -> None:
    resolution = read(f"{line.strip()}\nExamplestan\n")
    assert resolution.meta.title == "Examplestan"
    assert fate_of(resolution, line.strip()).where == "dropped"


# 3. Titles keep their whole wording
@pytest.mark.parametrize(
    ("header", "title"),
    [
        (
            "MOTION FOR A RESOLUTION with recommendations to the Commission on Examplestan",
            "with recommendations to the Commission on Examplestan",
        ),
        (
            "MOTION FOR A RESOLUTION containing Parliament's recommendations to the Council on "
            "Examplestan",
            "containing Parliament's recommendations to the Council on Examplestan",
        ),
        ("MOTION FOR A RESOLUTIONon Examplestan", "Examplestan"),
        (
            "MOTION FOR A RESOLUTION\non the situation in Examplestan following\nthe elections",
            "the situation in Examplestan following the elections",
        ),
        ("GEMENSAMT FÖRSLAG TILL RESOLUTION om Examplestan", "Examplestan"),
        ("MOTION FOR A RESOLUTION on Examplestan (2030/2999(RSP))", "Examplestan"),
        ("MOTION FOR A RESOLUTION on Examplestan ()", "Examplestan"),
        (
            "European Parliament resolution of 2 February 2030 on the annual report on Examplestan "
            "and the European Union's policy on the matter (2030/2999(INI))",
            "the annual report on Examplestan and the European Union's policy on the matter",
        ),
    ],
)
def test_title_keeps_its_whole_wording(header: str, title: str) -> None:
    assert read(header + "\n").meta.title == title


# 4. Groups in every author layout
@pytest.mark.parametrize(
    ("line", "names", "groups"),
    [
        ("Anna Member on behalf of the PPE Group", ["Anna Member"], ["epp"]),
        ("Anna Member au nom du groupe S&D", ["Anna Member"], ["sd"]),
        ("Anna Member im Namen der Verts/ALE-Fraktion", ["Anna Member"], ["greens-efa"]),
        ("Anna Member a nome del gruppo ECR", ["Anna Member"], ["ecr"]),
        ("Anna Member en nombre del Grupo Renew", ["Anna Member"], ["renew"]),
        ("Anna Member namens de GUE/NGL-Fractie", ["Anna Member"], ["left"]),
        ("Anna Member w imieniu grupy ID", ["Anna Member"], ["id"]),
        ("Anna Member för PPE-gruppen", ["Anna Member"], ["epp"]),
        ("Anna Member PPE-ryhmän puolesta", ["Anna Member"], ["epp"]),
        ("Anna Member a PPE képviselőcsoport nevében", ["Anna Member"], ["epp"]),
        ("Anna Member fraktsiooni Renew nimel", ["Anna Member"], ["renew"]),
        ("Anna Member PPE frakcijos vardu", ["Anna Member"], ["epp"]),
        ("- –Anna Member und Ben Member im Namen der PSE-Fraktion", ["Anna Member", "Ben Member"],
         ["sd"]),
        ("Anna Member on behalf of the IND/DEM Group", ["Anna Member"], ["ind-dem"]),
        ("Anna Member on behalf of the UEN Group", ["Anna Member"], ["uen"]),
        ("Anna Member, Ben Member on behalf of the PfE and ESN Groups",
         ["Anna Member", "Ben Member"], ["pfe", "esn"]),
    ],
)  # fmt: skip
def test_groups_in_every_layout(line: str, names: list[str], groups: list[str]) -> None:
    meta = read(f"MOTION FOR A RESOLUTION on Examplestan\n{line}\n").meta
    assert list(meta.authors) == names
    assert [g.id for g in meta.groups] == groups


def test_names_then_on_behalf_on_its_own_line_keep_the_printed_name() -> None:
    meta = read(
        "MOTION FOR A RESOLUTION on Examplestan\nAnna Member, Ben Member\n"
        "on behalf of the PPE-DE Group\nCarl Member\non behalf of the Verts/ALE Group\n"
    ).meta
    assert list(meta.authors) == ["Anna Member", "Ben Member", "Carl Member"]
    assert [(g.id, g.printed) for g in meta.groups] == [
        ("epp", "PPE-DE"),
        ("greens-efa", "Verts/ALE"),
    ]


# 5. Dates: sitting-day lines in 24 languages
@pytest.mark.parametrize(
    "line",
    ["Thursday, 2 February 2030", "Jeudi 2 février 2030", "Donnerstag, 2. Februar 2030",
     "Jueves 2 de febrero de 2030", "Giovedì 2 febbraio 2030", "Czwartek, 2 lutego 2030 r.",
     "Четвъртък, 2 февруари 2030 г.", "Čtvrtek, 2. února 2030", "Torsdag den 2. februar 2030",
     "Πέμπτη 2 Φεβρουαρίου 2030", "Neljapäev, 2. veebruar 2030", "Torstai 2. helmikuuta 2030",
     "Déardaoin, 2 Feabhra 2030", "Četvrtak, 2. veljače 2030.", "2030. február 2., csütörtök",
     "2030 m. vasario 2 d., ketvirtadienis", "Ceturtdiena, 2030. gada 2. februāris",
     "Il-Ħamis, 2 ta' Frar 2030", "Donderdag 2 februari 2030",
     "Quinta-feira, 2 de fevereiro de 2030",
     "Joi, 2 februarie 2030", "Štvrtok, 2. februára 2030", "Četrtek, 2. februar 2030",
     "Torsdagen den 2 februari 2030"],
)  # fmt: skip
def test_sitting_day_lines(line: str) -> None:
    resolution = read(f"{line} - Strasbourg\nExamplestan\n")
    assert resolution.meta.date == "2030-02-02"
    assert fate_of(resolution, f"{line} - Strasbourg").reason == "sitting-day line"
    assert resolution.meta.title == "Examplestan"


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("{02/02/2030}2.2.2030\nMOTION FOR A RESOLUTION on Examplestan", "2030-02-02"),
        ("2030/2999(RSP) - 02/02/2030\nMOTION FOR A RESOLUTION on Examplestan", "2030-02-02"),
        (
            "OJ C 99, 1.9.2031, p. 10–15\nEuropean Parliament resolution of 2 February 2030 on X",
            "2030-02-02",
        ),
        ("OJ C 99, 1.9.2031, p. 10–15\nP9_TA(2030)0099\nExamplestan", "2031-09-01"),
        (
            "1.2.2030\nEuropean Parliament resolution of 2 February 2030 on Examplestan",
            "2030-02-02",
        ),
        ("MOTION FOR A RESOLUTION on the elections of 1 May 2030", ""),
    ],
)
def test_dates_in_every_layout(header: str, date: str) -> None:
    assert read(header + "\n").meta.date == date


def test_a_date_in_a_citation_is_never_the_documents() -> None:
    assert read("MOTION FOR A RESOLUTION on Examplestan\n").meta.date == ""


# 6. Procedure references
@pytest.mark.parametrize(
    ("header", "procedure"),
    [
        ("MOTION FOR A RESOLUTION on Examplestan (2030/2999(RSP))", "2030/2999(RSP)"),
        ("1.2.2030 - 2030/2999(RSP)", "2030/2999(RSP)"),
        ("1.2.2030 - (2030/2999(RSP))", "2030/2999(RSP)"),
        ("Procedure : 2030/2999(RSP)\nDocument stages in plenary", "2030/2999(RSP)"),
        ("Procédure : 2030/2999(RSP)", "2030/2999(RSP)"),
        ("MOTION FOR A RESOLUTION on Examplestan (2030/2999\n(RSP))", "2030/2999(RSP)"),
        ("MOTION FOR A RESOLUTION on Examplestan ()", ""),
    ],
)
def test_procedure_references(header: str, procedure: str) -> None:
    resolution = read(header + "\n")
    assert resolution.meta.procedure == procedure
    assert resolution.meta.title in ("", "Examplestan")


@pytest.mark.parametrize(
    ("citation", "formula", "rule"),
    [
        ("– having regard to Rule 144 of its Rules of Procedure,", "The European Parliament,",
         "Rule 144"),
        ("– vu l'article 144 de son règlement intérieur,", "Le Parlement européen,", "article 144"),
        ("– gestützt auf Artikel 144 seiner Geschäftsordnung,", "Das Europäische Parlament,",
         "Artikel 144"),
        ("– having regard to Rule 144 of the Treaty,", "The European Parliament,", ""),
    ],
)  # fmt: skip
def test_rule_cited_in_a_citation(citation: str, formula: str, rule: str) -> None:
    text = f"{formula}\n{citation}\nA. whereas x;\n1. Calls on y;\n"
    assert parse_text(text, "page").meta.rule == rule


@pytest.mark.parametrize(
    ("header", "numbers"),
    [
        ("Texts tabled : B9-0999/2030\nTexts adopted : P9_TA(2030)0099", ("B9-0999/2030",)),
        ("Eingereichte Texte : B9-0999/2030", ("B9-0999/2030",)),
        ("See also joint motion for a resolution RC-B9-0999/2030", ()),
        ("<NoDocSe>B9‑0999/2030</NoDocSe>", ("B9-0999/2030",)),
        ("P9_TA-PROV(2030)0099A9-0099/2030", ("P9_TA-PROV(2030)0099", "A9-0099/2030")),
        ("MOTION FOR A RESOLUTION B9-0999/2030 on Examplestan", ("B9-0999/2030",)),
    ],
)
def test_own_numbers_wherever_printed(header: str, numbers: tuple[str, ...]) -> None:
    assert read(header + "\nExamplestan\n").meta.numbers == numbers


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("MOTION FOR A RESOLUTIONon Examplestan", "Examplestan"),
        ("PROPOSITION DE RÉSOLUTIONsur l'Examplestan", "l'Examplestan"),
        ("ENTSCHLIESSUNGSANTRAGzu Examplestan", "Examplestan"),
        ("PROPUESTA DE RESOLUCIÓNsobre Examplestan", "Examplestan"),
        ("PROPOSTA DI RISOLUZIONEsulla situazione in Examplestan", "situazione in Examplestan"),
        ("PROJEKT REZOLUCJIw sprawie Examplestanu", "Examplestanu"),
        ("ONTWERPRESOLUTIEover Examplestan", "Examplestan"),
        ("RESOLUTIONSFÖRSLAGom Examplestan", "Examplestan"),
        ("BESLUTNINGSFORSLAGom Examplestan", "Examplestan"),
        ("NÁVRH UZNESENIAo Examplestane", "Examplestane"),
        ("PRIJEDLOG REZOLUCIJEo Examplestanu", "Examplestanu"),
        ("MOZZJONI GĦAL RIŻOLUZZJONIdwar l-Examplestan", "l-Examplestan"),
        ("PROPOSTA DE RESOLUÇÃOsobre o Examplestão", "o Examplestão"),
    ],
)
def test_glued_heading_is_split_in_every_language(heading: str, title: str) -> None:
    resolution = read(heading + "\n")
    assert resolution.meta.title == title
    assert resolution.meta.kind is DocKind.MOTION


@pytest.mark.parametrize(
    ("heading", "lines", "title"),
    [
        (
            "MOTION FOR A RESOLUTION",
            ["on the situation in Examplestan following the", "elections of 1 May 2030"],
            "the situation in Examplestan following the elections of 1 May 2030",
        ),
        (
            "PROPOSITION DE RÉSOLUTION",
            ["sur la situation en Examplestan à la suite des", "élections du 1er mai 2030"],
            "la situation en Examplestan à la suite des élections du 1er mai 2030",
        ),
        (
            "ENTSCHLIESSUNGSANTRAG",
            ["zur Lage in Examplestan nach den", "Wahlen vom 1. Mai 2030"],
            "Lage in Examplestan nach den Wahlen vom 1. Mai 2030",
        ),
        (
            "PROPUESTA DE RESOLUCIÓN",
            ["sobre la situación en Examplestan tras las", "elecciones del 1 de mayo de 2030"],
            "la situación en Examplestan tras las elecciones del 1 de mayo de 2030",
        ),
        (
            "PROPOSTA DI RISOLUZIONE",
            ["sulla situazione nell'Examplestan dopo le", "elezioni del 1° maggio 2030"],
            "situazione nell'Examplestan dopo le elezioni del 1° maggio 2030",
        ),
        (
            "PROJEKT REZOLUCJI",
            ["w sprawie sytuacji w Examplestanie po", "wyborach z dnia 1 maja 2030 r."],
            "sytuacji w Examplestanie po wyborach z dnia 1 maja 2030 r.",
        ),
        (
            "ONTWERPRESOLUTIE",
            ["over de situatie in Examplestan na de", "verkiezingen van 1 mei 2030"],
            "de situatie in Examplestan na de verkiezingen van 1 mei 2030",
        ),
        (
            "RESOLUTIONSFÖRSLAG",
            ["om situationen i Examplestan efter", "valet den 1 maj 2030"],
            "situationen i Examplestan efter valet den 1 maj 2030",
        ),
        (
            "BESLUTNINGSFORSLAG",
            ["om situationen i Examplestan efter", "valget den 1. maj 2030"],
            "situationen i Examplestan efter valget den 1. maj 2030",
        ),
        (
            "NÁVRH UZNESENIA",
            ["o situácii v Examplestane po", "voľbách 1. mája 2030"],
            "situácii v Examplestane po voľbách 1. mája 2030",
        ),
    ],
)
def test_two_line_titles_are_joined(heading: str, lines: list[str], title: str) -> None:
    resolution = read("\n".join([heading, *lines, "B9-0999/2030"]) + "\n")
    assert resolution.meta.title == title
    assert resolution.meta.date == ""
    assert [f.where for f in resolution.line_fates[1:3]] == ["meta:title", "meta:title"]


@pytest.mark.parametrize(
    "line",
    [
        "OJ C 99, 1.9.2031, p. 10–15",
        "JO C 99 du 1.9.2031, p. 10",
        "ABl. C 99 vom 1.9.2031, S. 10",
        "DO C 99 de 1.9.2031, p. 10",
        "GU C 99 del 1.9.2031, pag. 10",
        "Dz.U. C 99 z 1.9.2031, s. 10",
        "PB C 99 van 1.9.2031, blz. 10",
        "EUT C 99 av den 1.9.2031, s. 10",
        "Úř. věst. C 99, 1.9.2031, s. 10",
        "Ú. v. EÚ C 99, 1.9.2031, s. 10",
        "ΕΕ C 99 της 1.9.2031, σ. 10",
    ],
)
def test_official_journal_headers(line: str) -> None:
    resolution = read(f"{line}\nP9_TA(2030)0099\nExamplestan\n")
    assert resolution.meta.date == "2031-09-01"
    assert fate_of(resolution, line).reason == "Official Journal header (publication date)"
    assert resolution.meta.title == "Examplestan"


def test_a_title_never_grows_past_a_title_length() -> None:
    resolution = read("MOTION FOR A RESOLUTION\n" + "on Examplestan and its neighbours\n" * 500)
    assert resolution.meta.title.startswith("Examplestan and its neighbours")
    assert len(resolution.meta.title) <= 400
    assert len(resolution.line_fates) == 1 + 500 + 4  # heading, title lines, body


def test_a_tabling_line_that_cites_the_rule_gives_the_rule() -> None:
    line = (
        "to wind up the debate on the statement by the Commission pursuant to Rule 103(2) "
        "of the Rules of Procedure"
    )
    resolution = read(f"MOTION FOR A RESOLUTION on Examplestan\n{line}\n")
    assert resolution.meta.rule == "Rule 103(2)"
    assert fate_of(resolution, line).where == "meta:rule"
