"""Names as news text writes them: initials, particles, suffixes, titles before them, short forms after."""

import pytest

from generator.names import is_name, is_short_form, name_spans, without_titles


@pytest.mark.parametrize("text, name, role", [
    ("Martin Luther King Jr. spoke first.", "Martin Luther King Jr.", None),
    ("Kamala D. Harris met him.", "Kamala D. Harris", None),
    ("Charles de Gaulle said no.", "Charles de Gaulle", None),
    ("José Luis Rodríguez Zapatero said so.", "José Luis Rodríguez Zapatero", None),
    ("European Commission President Ursula von der Leyen flew in.", "Ursula von der Leyen",
     "European Commission President"),
    ("U.S. President Donald Trump dropped his threat.", "Donald Trump", "U.S. President"),
    ("UK Prime Minister Sir Keir Starmer said it worked.", "Keir Starmer", "UK Prime Minister"),
    ("In Kigali, government spokeswoman Yolande Makolo said it.", "Yolande Makolo", "government spokeswoman"),
    ("Writing for the court, Justice Nicholas Kasirer said so.", "Nicholas Kasirer", "Justice"),
    ("It was Donald Trump’s idea.", "Donald Trump", None),
])
def test_a_name_is_read_whole_with_its_title_apart(text, name, role):
    found = [(s.name, s.role) for s in name_spans(text) if len(s.name.split()) > 1]
    assert found == [(name, role)]


@pytest.mark.parametrize("text", [
    "They crossed at Roxham Road in Quebec.",
    "The Supreme Court and the White House disagreed.",
    "She fled San Pedro Sula, Honduras, in May.",
    "The Central American nation signed the Asylum Cooperative Agreement.",
    "Sen. Robert Menendez of New Jersey objected.",
])
def test_places_and_institutions_are_not_people(text):
    people = [s.name for s in name_spans(text) if len(s.name.split()) > 1]
    assert "Roxham Road" not in people and "Supreme Court" not in people and "White House" not in people
    assert "San Pedro Sula" not in people and "New Jersey" not in people and "Central American" not in people


@pytest.mark.parametrize("name, expected", [
    ("Giorgia Meloni", True), ("New Jersey", False), ("Supreme Court", False), ("Guatemala City", False),
    ("Monday Morning", False), ("Border Patrol", False), ("Al-Sisi", True),
])
def test_is_name(name, expected):
    assert is_name(name) is expected


@pytest.mark.parametrize("short, full, expected", [
    ("Mr. Dunmore", "Charles W. Dunmore Jr.", True),
    ("Ms. Hill Tinoco", "Alexandra Hill Tinoco", True),
    ("de la Cruz", "Ana María de la Cruz", True),
    ("Cruz", "Ana María de la Cruz", True),
    ("Tinoco", "Charles W. Dunmore Jr.", False),
])
def test_short_forms_join_the_full_name(short, full, expected):
    assert is_short_form(short, full) is expected


def test_titles_and_possessives_come_off():
    assert without_titles("Sir Keir Starmer") == "Keir Starmer"
    assert without_titles("Mr. McAleenan") == "McAleenan"
    assert without_titles("Trump’s") == "Trump"


def test_abbreviated_titles_are_written_out_in_a_role():
    from generator.names import written_out
    assert written_out("Rep.") == "Representative"
    assert written_out("Tamaulipas Gov.") == "Tamaulipas Governor"
    assert written_out("U.S. President") == "U.S. President"
