// Search worker for Material for MkDocs, answered from Pagefind's chunked index.
//
// Material's search UI (the header box, result list, keyboard navigation, highlighting) talks to a
// web worker in four messages: SETUP (0) → READY (1), QUERY (2) → RESULT (3). Material's own worker
// needs the text of every page before the first query; this one loads Pagefind, which fetches only
// the index fragments and the excerpts a query needs. Result format: Material 9's SearchResult,
// { items: SearchItem[][] }, one group per page: the page first, then its matching sections.
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const PAGES_SHOWN = 10;
const SECTIONS_SHOWN = 3;
// Material asks again at every keystroke. A query another replaces within this time is not searched, and one
// replaced before its search ends fetches no excerpts: typing "Guatemala" would otherwise fetch the index and
// the excerpts of the top pages for "G", "Gu", "Gua" and so on, a sixth of a first search on a big site.
const SETTLE_MS = 150;
// This file is served from <site>/assets/javascripts/; the site's root is two folders up.
const SITE_ROOT = new URL("../../", self.location.href);

let pagefind = null;
let latestQuery = 0;

function relative(url) {
  const absolute = new URL(url, SITE_ROOT);
  return absolute.pathname.startsWith(SITE_ROOT.pathname)
    ? absolute.pathname.slice(SITE_ROOT.pathname.length) + absolute.hash
    : absolute.href;
}

// Material puts a result's title and text into the page as HTML. Pagefind's excerpts mark the matched
// words with <mark>; anything else that looks like a tag is an article's own text and stays text.
function safe(html) {
  return String(html || "").replace(/<(?!\/?mark>)/g, "&lt;");
}

function termsOf(query) {
  const terms = {};
  for (const term of query.toLowerCase().split(/\s+/).filter(Boolean)) terms[term] = true;
  return terms;
}

// The items Material shows for ``query``, or null when a newer query replaced it before they were ready.
async function search(query, number) {
  // Not Pagefind's debouncedSearch: it fetches the index of every query it is given at once, replaced or not.
  await new Promise(settled => setTimeout(settled, SETTLE_MS));
  if (number !== latestQuery) return null;
  const response = await pagefind.search(query);
  if (number !== latestQuery) return null;
  const pages = await Promise.all(response.results.slice(0, PAGES_SHOWN).map(result => result.data()));
  const terms = termsOf(query);
  return pages.map((page, index) => {
    const score = response.results[index].score;
    const sections = (page.sub_results || [])
      .filter(section => relative(section.url) !== relative(page.url) && section.title !== page.meta.title)
      .slice(0, SECTIONS_SHOWN)
      .map(section => ({ location: relative(section.url), title: safe(section.title), text: safe(section.excerpt),
                         score, terms }));
    return [{ location: relative(page.url), title: safe(page.meta.title), text: safe(page.excerpt), score, terms },
            ...sections];
  });
}

self.addEventListener("message", async event => {
  const message = event.data;
  if (message.type === SETUP) {
    pagefind = await import(new URL("pagefind/pagefind.js", SITE_ROOT).href);
    await pagefind.options({ excerptLength: 24 });
    // A big site is indexed in parts (generator/plugin.py); the others are searched together with the first.
    const parts = await fetch(new URL("pagefind-parts.json", SITE_ROOT)).then(r => r.ok ? r.json() : [], () => []);
    for (const part of parts) await pagefind.mergeIndex(new URL(part, SITE_ROOT).pathname);
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const number = ++latestQuery;
    const query = (message.data || "").trim();
    const items = query && pagefind ? await search(query, number) : [];
    // Only the newest query is answered: the answer to an older one would replace its results on screen.
    if (items !== null && number === latestQuery) self.postMessage({ type: RESULT, data: { items } });
  }
});
