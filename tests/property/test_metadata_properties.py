"""Properties of the header reader over the language data: chrome is never a title, and a
number printed in the page title always lands in meta.numbers, in every language."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from amendtool.lang import languages
from amendtool.model import DocKind
from amendtool.textparse import parse_text

BODY = (
    "The European Parliament,\n"
    "– having regard to its resolution of 1 May 2029 on Examplestan,\n"
    "A. whereas Examplestan held elections on 1 May 2030;\n"
    "1. Calls on the authorities to release all detained journalists;\n"
)
CHROME_KEYS = ("navigation", "chrome", "notices", "tabling")
NUMBERS = {
    DocKind.MOTION: "B9-0999/2030",
    DocKind.JOINT_MOTION: "RC-B9-0999/2030",
    DocKind.RESOLUTION: "P9_TA(2030)0099",
}


@st.composite
def chrome_lines(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A language code and a few of its chrome lines, as printed or in capitals."""
    language = draw(st.sampled_from(languages()))
    phrases = [p for key in CHROME_KEYS for p in language.words(key)]
    phrases += [f"{label} :" for label in language.words("lifecycle")]
    picked = draw(st.lists(st.sampled_from(phrases), min_size=1, max_size=4, unique=True))
    return language.code, [draw(st.sampled_from([p, p.upper(), f" {p} "])) for p in picked]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@st.composite
def page_title_lines(draw: st.DrawFn) -> tuple[str, str]:
    """``Projekt rezolucji - B9-0999/2030Projekt rezolucji`` in any language and kind."""
    language = draw(st.sampled_from(languages()))
    kind = draw(st.sampled_from(list(DocKind)))
    name = _capitalised(draw(st.sampled_from(language.kind_words(kind))))
    number = NUMBERS[kind]
    return draw(st.sampled_from([f"{name} - {number}{name}", f"{name} - {number}"])), number


@settings(max_examples=150, deadline=None)
@given(chrome_lines(), page_title_lines(), st.randoms(use_true_random=False))
def test_chrome_is_never_a_title_and_the_page_number_is_kept(chrome, page_title, random) -> None:
    _, lines = chrome
    title_line, number = page_title
    header = [*lines, "Examplestan"]
    random.shuffle(header)
    resolution = parse_text("\n".join([title_line, *header]) + "\n\n" + BODY, "page")
    assert resolution.meta.title == "Examplestan"
    assert number in resolution.meta.numbers
    fates = {f.text: f for f in resolution.line_fates}
    for line in lines:
        fate = fates[line.strip()]
        assert fate.where != "meta:title", fate
        assert fate.where == "dropped" or fate.where.startswith("meta:"), fate
