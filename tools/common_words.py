"""Write generator/data/common_words.txt: the most frequent English words (the alphabetic ones of the top 3,000),
lower case, one per line.

    pip install wordfreq==3.1.1 && python tools/common_words.py

The list tells a name from ordinary words in clippings that lost their capitals ("the door remains open a
spokesperson said" names nobody). It is generated once and checked in, so wordfreq is not a dependency.
"""

from pathlib import Path

from wordfreq import top_n_list

OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "common_words.txt"
HEADER = ("# The most frequent English words: the alphabetic ones of wordfreq 3.1.1's top_n_list('en', 3000); "
          "tools/common_words.py\n")

if __name__ == "__main__":
    words = sorted({w for w in top_n_list("en", 3000) if w.isalpha()})
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {OUT}")
