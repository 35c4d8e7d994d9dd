"""The built site in a real browser (Playwright driving Debian's Chromium), the way a reader uses it."""

import json
import re

import pytest
from playwright.sync_api import expect
from sitebuild import ARTIFACTS, copy_project, index_in_parts, mkdocs_build, static_server

from generator.search_index import SearchParts, searched_pages

HOSTILE = ("The United States and Guatemala talked. <img src=x onerror=\"window.hacked=1\"> "
           "<script>window.hacked=2</script> onerrorword appears here.")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("browser"))
    (project / "seeds" / "950_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    with static_server(project / "site") as url:
        yield url


@pytest.fixture
def page(browser, request):
    """A fresh page that records console errors and leaves a screenshot behind as a test artifact."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    assert page.errors == [], f"console errors: {page.errors}"
    context.close()


def test_home_page_renders_its_tables(page, site_url):
    page.goto(site_url)
    expect(page.locator("h1")).to_contain_text("Safe third country agreements: a briefing")
    expect(page.locator("article table")).to_have_count(3)
    glance = page.locator("table").nth(1)
    expect(glance.locator("tbody tr")).to_have_count(11)
    expect(glance.locator("tbody tr").first).to_contain_text("US–Canada STCA")
    expect(glance.locator("tbody tr").first).to_contain_text("2004-12-29")


def test_home_to_agreement_to_article(page, site_url):
    page.goto(site_url)
    page.get_by_role("link", name="US–Guatemala ACA (2019)").first.click()
    expect(page).to_have_url(re.compile(r"/agreements/us-guatemala-aca-2019/$"))
    expect(page.locator("h1")).to_contain_text("US–Guatemala Asylum Cooperative Agreement (2019)")
    page.locator("article").get_by_role("link", name="US getting closer to 'safe third country' agreement").click()
    expect(page).to_have_url(re.compile(r"/articles/2019-07-11-us-getting-closer"))
    expect(page.locator("h1")).to_contain_text("US getting closer to 'safe third country' agreement with Guatemala")
    expect(page.locator("article")).to_contain_text("“Every week it’s closer,” said an administration official.")


def test_search_for_guatemala_finds_the_cnn_article(page, site_url):
    page.goto(site_url)
    page.locator(".md-search__input").click()
    # Material searches on key presses, as a reader types; fill() would set the value without them.
    page.locator(".md-search__input").press_sequentially("Guatemala", delay=30)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result")).to_contain_text("US getting closer to 'safe third country'")
    # Like Material's own search: titles, snippets with the matched words marked, keyboard navigation.
    expect(results.first.locator("h1")).not_to_be_empty()
    expect(page.locator(".md-search-result mark").first).to_have_text(re.compile("guatemala", re.I))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(site_url)
    expect(page.locator("article")).to_contain_text("Guatemala")


def test_the_search_worker_answers_only_the_last_of_queries_typed_in_a_burst(page, site_url):
    """Material asks the worker again at every keystroke: the queries a newer one replaced at once are neither
    searched nor answered; the last one is, and a query typed after a pause is answered too."""
    page.goto(site_url)
    answers = page.evaluate("""async () => {
        const worker = new Worker(new URL("assets/javascripts/pagefind-worker.js", location.href));
        const answers = [];
        const ready = new Promise(resolve => worker.addEventListener("message", event => {
            if (event.data.type === 1) resolve();
            if (event.data.type === 3) answers.push(event.data.data.items.map(page => page[0].location));
        }));
        worker.postMessage({ type: 0, data: {} });
        await ready;
        const pause = milliseconds => new Promise(resolve => setTimeout(resolve, milliseconds));
        // Until ``count`` answers came (a slow machine may take seconds), then a while for any more to come.
        const answered = async count => {
            for (let waited = 0; answers.length < count && waited < 20000; waited += 50) await pause(50);
            await pause(600);
        };
        for (const typed of ["G", "Gu", "Gua", "Guat", "Guatemala"]) worker.postMessage({ type: 2, data: typed });
        await answered(1);
        worker.postMessage({ type: 2, data: "Honduras" });
        await answered(answers.length + 1);
        worker.terminate();
        return answers;
    }""")
    assert len(answers) == 2, answers
    guatemala, honduras = answers
    assert any("us-getting-closer" in location for location in guatemala)
    assert guatemala != honduras and honduras


def test_search_results_show_article_markup_as_text(page, site_url):
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("onerrorword", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result")).to_contain_text("onerror")
    assert page.locator(".md-search-result img, .md-search-result script").count() == 0
    assert page.evaluate("window.hacked") is None


def test_dark_and_light_toggle(page, site_url):
    page.goto(site_url)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_no_console_errors_on_topic_and_listing_pages(page, site_url):
    for path in ("countries/", "countries/mexico/", "articles/", "outlets/", "about/"):
        page.goto(site_url + path)
        expect(page.locator("h1")).to_be_visible()


def test_explore_searches_text_and_filters_together_and_keeps_them_in_the_address(page, site_url):
    page.goto(site_url + "explore/")
    summary = page.locator(".briefing-explore__summary")
    expect(summary).to_have_text("6 articles")
    page.locator("#explore-country").select_option("Guatemala")
    page.locator("#explore-year").select_option("2019")
    expect(summary).to_have_text("4 articles")
    expect(page.locator("#explore-year option:checked")).to_have_text("2019 (4)")
    expect(page.locator("#explore-year option").first).to_have_text("All (6)")  # Guatemala, any year
    page.locator("#explore-query").fill("tariffs")
    expect(summary).to_have_text("3 articles matching “tariffs”")
    results = page.locator(".briefing-explore__results li")
    expect(results).to_have_count(3)
    expect(results.filter(has_text="Mexico and the U.S. have made progress")).to_have_count(1)
    expect(results.locator("mark").first).to_have_text(re.compile("tariff", re.I))
    expect(page).to_have_url(re.compile(r"/explore/\?q=tariffs&country=Guatemala&year=2019$"))
    # The address reproduces the view.
    shared = page.context.new_page()
    shared.goto(page.url)
    expect(shared.locator(".briefing-explore__summary")).to_have_text("3 articles matching “tariffs”")
    expect(shared.locator("#explore-query")).to_have_value("tariffs")
    expect(shared.locator("#explore-country")).to_have_value("Guatemala")
    expect(shared.locator("#explore-year")).to_have_value("2019")
    shared.close()


def test_explore_works_with_the_keyboard_alone(page, site_url):
    page.goto(site_url + "explore/")
    expect(page.locator(".briefing-explore__summary")).to_have_text("6 articles")

    def tab_to(selector: str) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"the keyboard never reached {selector}")

    tab_to("#explore-query")
    page.keyboard.type("tariffs")
    expect(page.locator(".briefing-explore__summary")).to_have_text("3 articles matching “tariffs”")
    page.keyboard.press("Tab")  # to the country filter
    page.keyboard.press("ArrowDown")  # its first country, Brazil
    expect(page.locator(".briefing-explore__summary")).to_have_text("1 article matching “tariffs”")
    expect(page).to_have_url(re.compile(r"\?q=tariffs&country=Brazil$"))
    tab_to(".briefing-explore__results a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/articles/2019-06-10-president-trump-wants-asylum-seekers"))


def test_glossary_term_is_explained_on_hover(page, site_url):
    page.goto(site_url + "articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with/")
    term = page.locator("article abbr", has_text="Northern Triangle").first
    expect(term).to_have_attribute("title", re.compile("Guatemala, El Salvador and Honduras"))
    term.hover()
    expect(page.locator(".md-tooltip2, .md-tooltip").filter(has_text="Guatemala, El Salvador").first).to_be_visible()


def test_every_page_carries_the_policy_and_the_features_work_under_it(page, site_url):
    """Search, Explore and the glossary tooltips are tested above under the same policy; any violation
    would be a console error, which fails every test here."""
    for path in ("", "timeline/", "glossary/", "explore/", "agreements/"):
        page.goto(site_url + path)
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        expect(policy).to_have_count(1)
        expect(policy).to_have_attribute("content", re.compile(r"script-src 'self' 'sha256-"))
    page.goto(site_url + "timeline/")
    expect(page.locator("article")).to_contain_text("2019-07-26")


def test_map_of_relations_shows_offline_and_its_boxes_are_links(page, site_url):
    foreign = []
    page.route(lambda address: not address.startswith(site_url),
               lambda route: (foreign.append(route.request.url), route.abort()))
    page.goto(site_url + "agreements/")
    figure = page.locator("svg.briefing-map")
    expect(figure).to_be_visible()
    expect(figure.locator("a")).to_have_count(22)  # 11 agreements, 11 countries
    box = figure.get_by_role("link", name="Guatemala", exact=True)
    expect(box).to_be_visible()
    box.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/countries/guatemala/$"))
    assert foreign == []


@pytest.fixture(scope="module")
def site_in_parts(tmp_path_factory):
    """The seed site indexed in parts of eight pages, as a site of tens of thousands is in parts of 4,000."""
    project = copy_project(tmp_path_factory.mktemp("parts"))
    (project / "seeds" / "950_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    index_in_parts(project, 8)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    with static_server(project / "site") as url:
        yield project / "site", url


def test_a_site_indexed_in_parts_is_searched_across_all_of_them(page, site_in_parts):
    site, url = site_in_parts
    parts = json.loads((site / "pagefind-parts.json").read_text(encoding="utf-8"))
    assert len(parts) >= 3 and all((site / part / "pagefind-entry.json").exists() for part in parts)
    pages = searched_pages(site)
    hostile = next(path for path in pages if path.startswith("articles/undated-the-united-states-and-guatemala"))
    assert SearchParts.of(pages, 8).part_of(hostile) != 0  # indexed in another part than the first
    page.goto(url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("onerrorword", delay=30)
    expect(page.locator(".md-search-result__item").first).to_contain_text("onerrorword", timeout=15_000)
    page.locator(".md-search__input").fill("")
    page.locator(".md-search__input").press_sequentially("Guatemala", delay=30)
    expect(page.locator(".md-search-result")).to_contain_text("US getting closer to 'safe third country'")
    expect(page.locator(".md-search-result__item")).to_have_count(10)  # as many as one index gives


def test_topic_chips_are_links_a_keyboard_reaches(page, site_url):
    page.goto(site_url + "articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with/")
    chips = page.locator("nav.md-tags a.md-tag")
    expect(chips.filter(has_text="US–Guatemala ACA (2019)")).to_have_attribute(
        "href", re.compile(r"/agreements/us-guatemala-aca-2019/$"))
    expect(chips.filter(has_text=re.compile("^Guatemala$"))).to_have_attribute(
        "href", re.compile(r"/countries/guatemala/$"))
    assert page.locator("nav.md-tags span.md-tag").count() == 0
    # Tab from the top of the page until the Guatemala chip has the focus, then follow it with Enter.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('nav.md-tags a') && document.activeElement.textContent")\
                == "Guatemala":
            break
    else:
        raise AssertionError("the keyboard never reached the Guatemala chip")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/countries/guatemala/$"))
    expect(page.locator("h1")).to_contain_text("Guatemala")


def test_feed_links_are_not_taken_for_other_languages_of_the_site(page, site_url):
    """Material downloads the sitemap.xml beside every link[rel=alternate] it finds, taking it for another
    language of the site: beside a topic's feed there is none (a 404 on every topic page)."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "agreements/us-guatemala-aca-2019/")
    page.wait_for_load_state("networkidle")
    # Only the site's own sitemap, which instant navigation reads.
    assert [url for url in requested if url.endswith("sitemap.xml")] == [site_url + "sitemap.xml"]
