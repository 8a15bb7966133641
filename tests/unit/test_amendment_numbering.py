"""EP practice: the "Amendment" column keeps the numbering of the text being amended."""

from __future__ import annotations

import amendtool
from amendtool.amendments.numbering import amendments
from amendtool.renderers.amendment_list import render_amendments_markdown

OLD = """The European Parliament,
- having regard to its previous resolutions,
A. whereas the situation is serious;
B. whereas the elections were flawed;
C. whereas defamation remains criminalised;
1. Calls for calm;
2. Calls for dialogue;
3. Calls for restraint;
4. Calls for the release of prisoners;
5. Calls for free media;
6. Calls for fair trials;
7. Calls on the authorities to respect the freedom of assembly and to release the journalists
detained in Zhanaozen;
8. Instructs its President to forward this resolution.
"""

NEW = """The European Parliament,
- having regard to its previous resolutions,
A. whereas the situation is serious;
B. whereas the elections were flawed;
C. whereas the opposition was barred from the ballot in several regions of the country;
D. whereas defamation remains criminalised in Kazakhstan;
1. Calls for calm;
2. Calls for dialogue;
3. Calls for restraint;
4. Calls for the release of prisoners;
5. Calls for free media;
6. Urges the government to allow independent observers at every trial of the oil workers;
7. Calls for fair trials;
8. Calls on the authorities to respect the freedom of assembly;
9. Calls on the authorities to release the journalists detained in Zhanaozen;
10. Instructs its President to forward this resolution.
"""


def _by_target():
    report = amendtool.compare(amendtool.read(OLD.encode()), amendtool.read(NEW.encode()))
    return {a.target: a for a in amendments(report)}, report


def test_amended_clause_keeps_its_old_number() -> None:
    items, _ = _by_target()
    assert items["Recital C"].numbers == ("C",)  # it is Recital D in the new draft
    assert items["Recital C"].change.new[0].num == "D"


def test_new_clauses_take_the_number_they_follow_with_a_letter() -> None:
    items, _ = _by_target()
    assert items["Recital B a (new)"].numbers == ("Ba",)
    assert items["Paragraph 5 a (new)"].numbers == ("5a",)


def test_split_paragraph_gives_number_and_lettered_number() -> None:
    items, _ = _by_target()
    assert items["Paragraph 7"].change.relation.value == "split"
    assert items["Paragraph 7"].numbers == ("7", "7a")


def test_markdown_amendment_column_starts_with_those_numbers() -> None:
    _, report = _by_target()
    markdown = render_amendments_markdown(report)
    assert "**Recital B a (new)**" in markdown  # headings as before
    assert "|  | Ba. ***whereas the opposition was barred" in markdown
    assert (
        "| C. whereas defamation remains criminalised; "
        "| C. whereas defamation remains criminalised ***in Kazakhstan***; |"
    ) in markdown
    assert "|  | 5a. ***Urges the government" in markdown
    assert (
        " | 7. Calls on the authorities to respect the freedom of assembly\u200a***;***<br><br>"
        "7a. ***Calls on the authorities*** to release the journalists" in markdown
    )


def test_one_amendment_is_singular() -> None:
    old = amendtool.read(OLD.encode())
    new = amendtool.read(OLD.replace("Calls for calm;", "Calls for calm and restraint;").encode())
    markdown = render_amendments_markdown(amendtool.compare(old, new))
    assert markdown.splitlines()[0] == "## 1 amendment"
    assert "| 1. Calls for calm; | 1. Calls for calm ***and restraint***; |"
    html = amendtool.render(amendtool.compare(old, new), "html", product="amendments")
    assert "<h1>1 amendment</h1>" in str(html)
