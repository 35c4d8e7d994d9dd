"""Untrusted input: nothing an article or its record says can run in a reader's browser.

A hostile corpus (markup, event handlers, ``javascript:`` and ``data:`` links, SVG, iframes, Jinja and
Markdown syntax, in the body, the first line, the file name and every recorded field) is built with
``mkdocs build`` and every page is opened in Chromium, served over HTTP, where a reader would open it.
Each payload carries the marker ``pwn`` (a class, or the text of its ``alert``), so any element that
escaped the escaping is found wherever it landed: head, header, nav, body, search results.
"""

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
import yaml
from sitebuild import copy_project, mkdocs_env, static_server

from generator.csp import inline_scripts, script_hash
from generator.pipeline import read_corpus, render_pages

HOSTILE_TEXT = """The United States and Guatemala signed an agreement, officials said on Thursday.
<script class=pwn>alert("pwn-script")</script> and <img class=pwn src=x onerror="alert('pwn-img')"> and \
<iframe class=pwn src="https://evil.example"></iframe>
<svg class=pwn onload="alert('pwn-svg')"></svg> <b class=pwn>raw html</b> <!-- a comment --> &amp; &lt;escaped&gt;
[click me](javascript:alert('pwn-link')) and ![pixel](data:image/png;base64,AAAA) and <javascript:alert('pwn')>
<a class=pwn href="javascript:alert('pwn-a')">a link</a> <object class=pwn data="x.swf"></object>
# not a heading
| not | a | table |
* not a list item with **bold** and `code` and _emphasis_
---
{{ jinja_variable }} {% raw %} {% endraw %} {: onclick="alert('pwn-attr')" .pwn }
title: yaml-looking line
1. not an ordered list
> not a quote
"""
HOSTILE_META = {
    "title": "<script class=pwn>alert(\"pwn-title\")</script> no </title><img class=pwn src=x onerror=alert('pwn-t')>",
    "url": "javascript:alert('pwn-url')",
    "authors": ["<b class=pwn onmouseover=alert('pwn-author')>Jane</b>", "Ann \"><svg class=pwn onload=alert(1)>"],
    "published": "<script>alert('pwn-date')</script>",
    "note": "{{ note }} [x](javascript:alert('pwn-note')) <iframe class=pwn srcdoc=x></iframe>",
    "outlet": "<img class=pwn src=x onerror=alert('pwn-outlet')> News",
}
FIRST_LINE = ("<script class=pwn>alert('pwn-first')</script> Guatemala and the United States signed an agreement.\n"
              "The deal <img class=pwn src=x onerror=alert('pwn-second')> was criticised by Honduras.\n")
HOSTILE_FILE_NAME = "902_<img class=pwn src=x onerror=alert('pwn-file')>.txt"
HOSTILE_MARKDOWN = """---
title: "<svg class=pwn onload=alert('pwn-md')> Mexico deal"
outlet: "<a class=pwn href='javascript:alert(1)'>Wire</a>"
published: 2019-07-11
---
# <img class=pwn src=x onerror=alert('pwn-heading')>

Mexico and the United States discussed asylum rules, officials said on Thursday.
"""
HOSTILE_PAGE = """<!doctype html><html><head><title>&lt;script class=pwn&gt;alert('pwn-html')&lt;/script&gt;</title>
<meta property="og:site_name" content="<img class=pwn src=x onerror=alert('pwn-site')>">
<script>alert('pwn-page-script')</script></head><body><article><h1>Deal &lt;b class=pwn&gt;near&lt;/b&gt;</h1>
<p>The United States is getting closer to reaching a safe third country agreement with Guatemala, according
to officials familiar with the talks on Thursday.</p>
<p>&lt;img class=pwn src=x onerror=alert('pwn-p')&gt; is quoted in the article as text.</p></article></body></html>"""
LITERALS = ['<script class=pwn>alert("pwn-script")</script>', "<img class=pwn src=x onerror=\"alert('pwn-img')\">",
            "[click me](javascript:alert('pwn-link'))", "# not a heading", "{{ jinja_variable }}", "{% raw %}",
            "{: onclick=\"alert('pwn-attr')\" .pwn }", "<!-- a comment -->", "&amp; &lt;escaped&gt;",
            "| not | a | table |", "**bold**", "`code`", "---", "title: yaml-looking line"]

# Runs in every page: what a reader's browser would have to show for an escaping bug.
FIND_ACTIVE_CONTENT = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    if (["iframe", "frame", "object", "embed"].includes(tag)) found.push(`<${tag}>`);
    if ([...element.classList].some(name => name.toLowerCase().includes("pwn"))) found.push(`<${tag} class=pwn>`);
    if (tag === "script" && /pwn/i.test(element.textContent)) found.push("<script> with article text");
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith("on")) found.push(`<${tag} ${attribute.name}>`);
      if (/^(href|src|action|formaction|data|xlink:href|srcdoc)$/i.test(attribute.name)
          && /^\\s*(javascript|data|vbscript):/i.test(attribute.value)) found.push(`<${tag} ${attribute.name}>`);
    }
  }
  return found;
}"""
RECORD_VIOLATIONS = """document.addEventListener("securitypolicyviolation", event =>
  (window.__violations = window.__violations || []).push(`${event.violatedDirective} ${event.blockedURI}`));"""


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    seeds = project / "seeds"
    (seeds / "900_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (seeds / "900_hostile.meta.yml").write_text(yaml.safe_dump(HOSTILE_META), encoding="utf-8")
    (seeds / "901_first_line.txt").write_text(FIRST_LINE, encoding="utf-8")
    (seeds / HOSTILE_FILE_NAME).write_text("Honduras and the United States talked about asylum.", encoding="utf-8")
    (seeds / "903_front.md").write_text(HOSTILE_MARKDOWN, encoding="utf-8")
    (seeds / "904_page.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    # Not --strict: the dropped url and date are warnings, and the site is still built without them.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True,
                            env=mkdocs_env())
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result.stderr


@pytest.fixture(scope="module")
def hostile_site(hostile_project):
    return hostile_project[0] / "site"


@pytest.fixture
def reader(browser, hostile_site):
    """A browser page on the served hostile site that records dialogs, CSP violations and foreign requests."""
    with static_server(hostile_site) as url:
        context = browser.new_context()
        page = context.new_page()
        page.site = url
        page.dialogs, page.foreign = [], []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.route(lambda address: not address.startswith(url),
                   lambda route: (page.foreign.append(route.request.url), route.abort()))
        page.add_init_script(RECORD_VIOLATIONS)
        yield page
        context.close()


def looked_at(page) -> dict:
    """What a page shows a test: active content found, CSP violations, dialogs, requests to other hosts."""
    return {"active": page.evaluate(FIND_ACTIVE_CONTENT), "violations": page.evaluate("window.__violations || []"),
            "dialogs": list(page.dialogs), "foreign": list(page.foreign)}


CLEAN = {"active": [], "violations": [], "dialogs": [], "foreign": []}


def test_the_hostile_corpus_is_built_whole(hostile_site, hostile_project):
    build_log = hostile_project[1]
    articles = sorted(path.parent.name for path in (hostile_site / "articles").glob("*/index.html"))
    assert len(articles) == 10  # five seeds and every hostile clipping: nothing refused, nothing lost
    assert "900_hostile.meta.yml: field 'url' dropped: \"javascript:alert('pwn-url')\"" in build_log
    assert "900_hostile.meta.yml: field 'published' dropped: " in build_log


def test_no_page_runs_or_carries_anything_from_an_article(reader, hostile_site):
    pages = sorted(path.relative_to(hostile_site).parent.as_posix() for path in hostile_site.rglob("index.html"))
    assert len(pages) > 40
    for path in pages + ["404.html"]:
        reader.goto(reader.site + ("" if path == "." else path + ("" if path.endswith(".html") else "/")))
        if path == "explore":  # its list is drawn by a script from Pagefind's index
            reader.locator(".briefing-explore__results li").first.wait_for()
        assert looked_at(reader) == CLEAN, path


def test_hostile_titles_are_text_in_head_header_and_body(reader, hostile_site):
    (slug,) = [p.parent.name for p in (hostile_site / "articles").glob("*/index.html") if "pwn-t" in p.parent.name]
    reader.goto(f"{reader.site}articles/{slug}/")
    title = HOSTILE_META["title"]
    assert reader.title() == f"{title} - Safe third country briefing"
    assert reader.locator(".md-header__topic").last.inner_text().strip() == title
    assert reader.locator("article h1").inner_text().removesuffix("¶").strip() == title
    assert reader.locator("article").get_by_text(HOSTILE_META["outlet"]).filter(visible=True).count() == 1
    # Explore's facets (hidden, for Pagefind) hold the outlet as text too.
    facets = reader.locator(".briefing-facets [data-pagefind-filter=outlet], "
                            ".briefing-facets [data-pagefind-meta=outlet]")
    assert facets.all_text_contents() == [HOSTILE_META["outlet"]] * 2
    assert looked_at(reader) == CLEAN


def test_search_results_show_hostile_text_as_text(reader):
    reader.goto(reader.site)
    reader.locator(".md-search__input").click()
    reader.locator(".md-search__input").press_sequentially("pwn", delay=30)
    results = reader.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert reader.locator(".md-search-result").inner_text().count("pwn") >= 3
    assert looked_at(reader) == CLEAN


def test_an_escaping_bug_that_slips_through_still_cannot_run(reader, hostile_site):
    """The Content Security Policy on its own: markup put straight into a built page's header is blocked."""
    page = hostile_site / "about" / "index.html"
    html = page.read_text(encoding="utf-8")
    injected = ("<script>alert('pwn-inline')</script><img src=x onerror=\"alert('pwn-handler')\">"
                "<a id=pwnlink href=\"javascript:alert('pwn-href')\">x</a><script src=https://evil.example/x.js></script>")
    page.write_text(html.replace('<div class="md-header__title"', injected + '<div class="md-header__title"', 1),
                    encoding="utf-8")
    try:
        reader.goto(reader.site + "about/")
        reader.locator("#pwnlink").click()
        reader.wait_for_timeout(300)
        seen = looked_at(reader)
    finally:
        page.write_text(html, encoding="utf-8")
    assert seen["dialogs"] == []
    assert len(seen["violations"]) >= 4, seen["violations"]  # inline script, handler, javascript: link, foreign script


def test_every_page_carries_the_policy_before_any_script(hostile_site):
    policies = set()
    for page in hostile_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert len(found) == 1, page
        assert html.index("Content-Security-Policy") < html.index("<script"), page
        policy = found[0]
        policies.add(policy)
        # Every inline script the theme puts on the page is allowed by its hash, and nothing else inline is.
        for source in inline_scripts(html):
            assert script_hash(source) in policy, (page, source[:60])
    (policy,) = policies
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert not re.search(r"https?:|\*", policy)
    assert "object-src 'none'" in policy and "'wasm-unsafe-eval'" in policy


class TextScanner(HTMLParser):
    """The text inside a page's <article>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag not in {"img", "br", "hr", "input", "meta", "link"}

    def handle_endtag(self, tag):
        if self.depth and tag not in {"img", "br", "hr", "input", "meta", "link"}:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def test_markup_in_the_article_is_shown_literally(hostile_site):
    (page,) = [p for p in (hostile_site / "articles").glob("*/index.html") if "pwn-t" in p.parent.name]
    scanner = TextScanner()
    scanner.feed(page.read_text(encoding="utf-8"))
    text = "".join(scanner.text)
    for literal in LITERALS:
        assert literal in text, literal
    assert HOSTILE_META["title"] in text and HOSTILE_META["outlet"] in text and HOSTILE_META["authors"][0] in text


def test_hostile_title_round_trips_through_front_matter(tmp_path):
    (tmp_path / "seeds").mkdir()
    for title in ["no", "Yes", "null", "~", "2024-01-01", "1e3", "A: B", "- x", "#x", "it's \"quoted\"",
                  "two\nlines", "!!python/object/apply:os.system ['echo hi']", "{{ x }}", "&anchor", "*alias"]:
        (tmp_path / "seeds" / f"{len(title)}-{abs(hash(title))}.txt").write_text(
            "The United States and Mexico talked about asylum rules on Thursday.", encoding="utf-8")
        (tmp_path / "seeds" / f"{len(title)}-{abs(hash(title))}.meta.yml").write_text(
            yaml.safe_dump({"title": title}), encoding="utf-8")
        corpus = read_corpus(tmp_path / "seeds")
        assert not corpus.problems
        page = render_pages(corpus)[f"articles/{corpus.articles[0].slug}.md"]
        front = yaml.safe_load(page.split("---\n", 2)[1])
        assert front["title"] == " ".join(title.split())
        for path in (tmp_path / "seeds").iterdir():
            path.unlink()
