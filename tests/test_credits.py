"""Bylines, date lines, datelines and credit lines: who wrote a story, for which outlet, and when."""

import pytest

from generator.credits import read_credits


@pytest.mark.parametrize("clipping, authors, outlet, published, body", [
    ("By ANDREA GUZMÁN RIVAS and PETER KESSLER\n\nGUATEMALA CITY (AP) — A man arrived.",
     ["Andrea Guzmán Rivas", "Peter Kessler"], "Associated Press", None, "A man arrived."),
    ("MEXICO CITY, June 7 (Reuters) - Mexico agreed.\n\n(Reporting by Daniel Farrell and Lucia Montano in Mexico "
     "City; Additional reporting by Ethan Brandt in Washington; Editing by Ruth Callaway)",
     ["Daniel Farrell", "Lucia Montano", "Ethan Brandt"], "Reuters", None, "Mexico agreed."),
    ("By Eleanor Whitcombe, BBC News\nPublished 18 October 2024\n\nA court in Rome ruled.",
     ["Eleanor Whitcombe"], "BBC News", "2024-10-18", "A court in Rome ruled."),
    ("Ross Tennant in Toronto\nFri 16 Jun 2023 21.05 BST\n\nCanada's court ruled.",
     ["Ross Tennant"], "The Guardian", "2023-06-16", "Canada's court ruled."),
    ("By Gabriela Ochoa-Reyes, Staff writer\n\nNUEVO LAREDO, Mexico — She fled.",
     ["Gabriela Ochoa-Reyes"], None, None, "She fled."),
    ("Mexico City, Jan 21 (EFE).- Sheinbaum said no.", [], "EFE", None, "Sheinbaum said no."),
    ("Jane Doe · CBC News · Posted: Jun 16, 2023 4:00 PM EDT\n\nOttawa agreed.", ["Jane Doe"], "CBC News",
     "2023-06-16", "Ottawa agreed."),
    ("By JANE DOE Associated Press\n\nThe deal held.", ["Jane Doe"], "Associated Press", None, "The deal held."),
    ("Nada Haddad-Khoury\nFreelance journalist based in Beirut\n\nBEIRUT, 2 July 2024\n\nLebanon hosts refugees.\n\n"
     "This article was produced by The New Humanitarian. Edited by Daniel Whitlock.", ["Nada Haddad-Khoury"],
     "The New Humanitarian", "2024-07-02", "Lebanon hosts refugees."),
    ("By Adriana Villalobos-Kerr, Trevor Haldane\nUpdated on: February 21, 2025 / 7:48 PM EST / CBS News\n\nThey "
     "landed.", ["Adriana Villalobos-Kerr", "Trevor Haldane"], "CBS News", "2025-02-21", "They landed."),
    ("MADRID, 20 (EUROPA PRESS)\n\nThe minister spoke.", [], "Europa Press", None, "The minister spoke."),
    ("The boats moved south.\n\nCarys Penhaligon is ITV News' Europe Correspondent.", ["Carys Penhaligon"],
     "ITV News", None, "The boats moved south."),
    ("The talks went on.\n\nAssociated Press writer Edgar H. Cojulún in Guatemala City contributed to this report.",
     ["Edgar H. Cojulún"], None, None, "The talks went on."),
    ("Quito waited.\n\nRead more at: https://www.miamiherald.com/news/article311502847.html", [], "Miami Herald", None,
     "Quito waited."),
    ("by marisol quiñones and tomás aguirre the first asylum seekers were sent back", ["Marisol Quiñones",
     "Tomás Aguirre"], None, None, "the first asylum seekers were sent back"),
    ("A Name and B Other |18.03.2024 - Update : 18.03.2024\n\nANKARA\n\nTürkiye called on the EU.", ["A Name",
     "B Other"], None, "2024-03-18", "Türkiye called on the EU."),
    ("Spain signs deals.\n\nCopyright The Financial Times Limited 2024. All rights reserved.", [],
     "Financial Times", None, "Spain signs deals."),
    ("Mauritania gets funds.\n\n(FRANCE 24 with AFP and Reuters)", [], "France 24", None, "Mauritania gets funds."),
    ("July 26 (UPI) -- The United States signed.", [], "United Press International", None, "The United States signed."),
    ("Greece halts asylum.\n\nEdited by: Rina Goldenberg", [], None, None, "Greece halts asylum."),
    ("Mexico rejects deal\n\nMEXICO CITY (AP) — Mexico said no.", [], "Associated Press", None,
     "Mexico rejects deal\n\nMexico said no."),
    ("BERLIN (dpa) - Talks went on.\n\n— dpa", [], "dpa", None, "Talks went on."),
    ("The deal held.\n\nCopyright 2024 The Associated Press. All rights reserved.", [], "Associated Press", None,
     "The deal held."),
    ("The deal held.\n\nCNN’s Jennifer Hansler and Leyla Santiago contributed to this story.",
     ["Jennifer Hansler", "Leyla Santiago"], None, None, "The deal held."),
    ("OTTAWA — Ottawa agreed.\n\nThis report by The Canadian Press was first published May 3, 2023.",
     [], "The Canadian Press", "2023-05-03", "Ottawa agreed."),
])
def test_credits_are_read_and_taken_out_of_the_story(editorial, clipping, authors, outlet, published, body):
    text, credits = read_credits(clipping, editorial)
    assert (credits.authors, credits.outlet, credits.published, text.strip()) == (authors, outlet, published, body)


@pytest.mark.parametrize("clipping", [
    "In Kigali, the spokeswoman said Rwanda took issue with the ruling.",
    "By the end of the year, 27,000 people had crossed.",
    "The United States and Honduras signed an agreement — the latest in a string of deals.",
])
def test_story_text_is_not_taken_for_a_credit(editorial, clipping):
    text, credits = read_credits(clipping, editorial)
    assert (text, credits.authors, credits.outlet, credits.removed) == (clipping, [], None, [])
