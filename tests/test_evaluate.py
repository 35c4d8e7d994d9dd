"""The unseen-set scorer (tools/evaluate.py): how names are compared and how precision and recall add up."""

import importlib.util
import sys
from pathlib import Path

import yaml

TOOL = Path(__file__).resolve().parent.parent / "tools" / "evaluate.py"
SPEC = importlib.util.spec_from_file_location("evaluate", TOOL)
evaluate = sys.modules["evaluate"] = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(evaluate)


def test_names_compare_blind_to_case_accents_and_dots():
    assert evaluate.normal("José Luis Rodríguez") == evaluate.normal("jose luis RODRIGUEZ")
    assert evaluate.normal("Kamala D. Harris") == "kamala d harris"


def test_scores_are_micro_averaged_with_misses_listed():
    score = evaluate.Score()
    score.add("a", {"x", "y"}, {"x", "z"})
    score.add("b", {"w"}, {"w"})
    assert (score.found, score.right, score.gold) == (3, 2, 3)
    assert score.misses == ["a: missed 'z'", "a: wrong 'y'"]
    assert "precision 0.67  recall 0.67" in score.line("people")


def test_the_set_is_scored_against_gold_labels(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "1_a.txt").write_text(
        "Mexico and the United States talked about asylum on Thursday.", encoding="utf-8")
    (tmp_path / "gold" / "1_a.yml").write_text(yaml.safe_dump(
        {"outlet": None, "people": ["Nobody Here"], "countries": ["Mexico", "United States"], "agreements": []}),
        encoding="utf-8")
    scores, scored, problems = evaluate.evaluate(tmp_path)
    assert (scored, problems) == (1, [])
    assert (scores["countries"].right, scores["countries"].gold) == (2, 2)
    assert (scores["people"].right, scores["people"].gold) == (0, 1)
