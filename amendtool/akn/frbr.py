"""The FRBR identification block (Work, Expression, Manifestation) of every AKN document
amendtool writes: resolutions, amendments and amendment lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from amendtool.akn import AKN_NS, AMENDTOOL_NS
from amendtool.xmlbuild import Maker

E = Maker(namespace=AKN_NS, nsmap={None: AKN_NS, "at": AMENDTOOL_NS})


@dataclass(frozen=True)
class Identity:
    """What names one document: its Work URI, language, date and authors."""

    work: str  # FRBR Work URI, /akn/eu/...
    language: str  # ISO 639-2 alpha-3 code ("eng")
    date: str  # the document's ISO date (FRBRdate)
    date_name: str  # what the date is: "tabled", "adopted", "generated", "markup" ...
    markup_date: str  # when amendtool wrote the file
    authors: Sequence[str] = ("#amendtool",)  # hrefs to TLC references
    author_role: str = ""  # the FRBRauthor/@as, "" for none
    aliases: Sequence[tuple[str, str]] = ()  # (name, value) FRBRalias pairs
    subtype: str = ""  # FRBRsubtype, "" for none
    number_shown: str = ""  # FRBRnumber/@showAs, "" for none
    prescriptive: bool | None = None  # FRBRprescriptive, None to leave it out
    media_type: str = ""  # FRBRformat of the Manifestation, "" for none
    version: str = ""  # the date part of the Expression URI (may be a year); "" = date

    @property
    def expression(self) -> str:
        """The Expression URI: Work + ``/{language}@{date}``."""
        return f"{self.work}/{self.language}@{self.version or self.date}"


def _authors(identity: Identity) -> list[etree._Element]:
    role = {"as": identity.author_role} if identity.author_role else {}
    return [E.FRBRauthor(href=href, **role) for href in identity.authors]


def identification(identity: Identity) -> etree._Element:
    """The ``<identification source="#amendtool">`` element for ``identity``."""
    number = identity.work.rsplit("/", 1)[1]
    work: list[etree._Element] = [
        E.FRBRthis(value=f"{identity.work}/!main"),
        E.FRBRuri(value=identity.work),
        *(E.FRBRalias(value=value, name=name) for name, value in identity.aliases),
        E.FRBRdate(date=identity.date, name=identity.date_name),
        *_authors(identity),
        E.FRBRcountry(value="eu"),
    ]
    if identity.subtype:
        work.append(E.FRBRsubtype(value=identity.subtype))
    shown = {"showAs": identity.number_shown} if identity.number_shown else {}
    work.append(E.FRBRnumber(value=number, **shown))
    if identity.prescriptive is not None:
        work.append(E.FRBRprescriptive(value=str(identity.prescriptive).lower()))
    manifestation = [
        E.FRBRthis(value=f"{identity.expression}/!main.xml"),
        E.FRBRuri(value=identity.expression),
        E.FRBRdate(date=identity.markup_date, name="markup"),
        E.FRBRauthor(href="#amendtool"),
    ]
    if identity.media_type:
        manifestation.append(E.FRBRformat(value=identity.media_type))
    return E.identification(
        E.FRBRWork(*work),
        E.FRBRExpression(
            E.FRBRthis(value=f"{identity.expression}/!main"),
            E.FRBRuri(value=identity.expression),
            E.FRBRdate(date=identity.date, name=identity.date_name),
            *_authors(identity),
            E.FRBRlanguage(language=identity.language),
        ),
        E.FRBRManifestation(*manifestation),
        source="#amendtool",
    )
