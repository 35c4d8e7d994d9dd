"""Dates as news text writes them."""

import pytest

from generator.dates import date_line, full_dates, month_years


@pytest.mark.parametrize("line, date", [
    ("Published 18 October 2024", "2024-10-18"),
    ("June 27, 2025 · 5:00 AM ET", "2025-06-27"),
    ("Fri 16 Jun 2023 21.05 BST", "2023-06-16"),
    ("Sept. 20, 2019", "2019-09-20"),
    ("Updated March 4, 2024 5:32 pm ET", "2024-03-04"),
    ("2024-10-18", "2024-10-18"),
    ("The court ruled on June 4, 2019 that the law stood.", None),
    ("February 30, 2024", None),
    ("Guatemala City", None),
])
def test_a_date_line_holds_a_date_and_nothing_a_story_says(line, date):
    assert date_line(line) == date


def test_dates_in_running_text():
    text = "The memorandum was signed in Tunis on 16 July 2023; talks began in March 2019 and on June 4, 2019."
    assert [iso for _, iso in full_dates(text)] == ["2023-07-16", "2019-06-04"]
    assert month_years(text) == ["2019-03"]
