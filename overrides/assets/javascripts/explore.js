// The Explore page: full-text search and filters by country, agreement, outlet and year, together, with
// counts, answered by Pagefind's index and its filters (data-pagefind-filter on every article page). The
// query and the filters live in the address, so a link reproduces the view. Everything from the index is
// set as text, never as HTML; the excerpts' <mark>s are rebuilt as elements.
"use strict";

(function () {
  const FACETS = [["country", "Country"], ["agreement", "Agreement"], ["outlet", "Outlet"], ["year", "Year"]];
  const SHOWN = 20;  // results drawn at a time: each needs its own small fragment of the index
  let loading = null;

  function element(tag, properties, children) {
    const node = Object.assign(document.createElement(tag), properties || {});
    for (const child of children || []) node.append(child);
    return node;
  }

  // The site's Pagefind index and, for a big site, its other parts (generator/plugin.py).
  function pagefindAt(site) {
    loading = loading || (async () => {
      const pagefind = await import(new URL("pagefind/pagefind.js", site).href);
      await pagefind.options({ excerptLength: 24 });
      const parts = await fetch(new URL("pagefind-parts.json", site)).then(r => r.ok ? r.json() : [], () => []);
      for (const part of parts) await pagefind.mergeIndex(new URL(part, site).pathname);
      // Loads every filter's index once: a search counts only the filters loaded so far.
      await pagefind.filters();
      return pagefind;
    })();
    return loading;
  }

  // An excerpt is HTML-escaped text with <mark>s: parsed in an inert document, kept as text and marks only.
  function excerpt(html) {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
    return element("p", { className: "briefing-explore__excerpt" }, [...parsed.childNodes].map(node =>
      node.nodeName === "MARK" ? element("mark", { textContent: node.textContent }) : node.textContent));
  }

  function render(root, pagefind) {
    const params = new URLSearchParams(location.search);
    const query = element("input", { type: "search", id: "explore-query", name: "q", value: params.get("q") || "",
                                     placeholder: "Words in the articles", autocomplete: "off" });
    const chosen = Object.fromEntries(FACETS.map(([name]) => [name, params.get(name) || ""]));
    const selects = Object.fromEntries(FACETS.map(([name]) => [name, element("select", { id: `explore-${name}`, name })]));
    const form = element("form", { className: "briefing-explore__filters", role: "search" }, [
      element("label", { className: "briefing-explore__filter briefing-explore__query" }, ["Search ", query]),
      ...FACETS.map(([name, label]) => element("label", { className: "briefing-explore__filter" },
                                               [label + " ", selects[name]])),
    ]);
    const summary = element("p", { className: "briefing-explore__summary", role: "status" });
    const list = element("ol", { className: "briefing-explore__results" });
    const more = element("button", { type: "button", className: "md-button briefing-explore__more", hidden: true,
                                     textContent: "Show more" });
    root.replaceChildren(form, summary, list, more);
    form.addEventListener("submit", event => event.preventDefault());

    let results = [], drawn = 0, latest = 0;

    function filters(except) {
      const chosenFilters = Object.entries(chosen).filter(([name, value]) => value && name !== except);
      return { kind: "article", ...Object.fromEntries(chosenFilters) };
    }

    async function counts(text, name, response) {
      // A facet's own choice must not narrow its own counts: those are counted without it.
      const unnarrowed = chosen[name] ? await pagefind.search(text, { filters: filters(name) }) : response;
      return [unnarrowed.results.length, unnarrowed.filters[name] || {}];
    }

    async function drawMore() {
      const run = latest, slice = results.slice(drawn, drawn + SHOWN);
      drawn += slice.length;
      const pages = await Promise.all(slice.map(result => result.data()));
      if (run !== latest) return;  // a newer query has cleared the list meanwhile
      list.append(...pages.map(page => element("li", {}, [
        element("a", { href: page.url, textContent: page.meta.title }),
        ` — ${page.meta.outlet || "Outlet unknown"}, ${page.meta.date || "undated"}`,
        ...(query.value.trim() ? [excerpt(page.excerpt)] : []),
      ])));
      more.hidden = drawn >= results.length;
    }

    async function update() {
      const run = ++latest;
      const text = query.value.trim() || null;
      // Newest first when only filtering; by relevance once there are words to match.
      const response = await pagefind.search(text, { filters: filters(), sort: text ? undefined : { date: "desc" } });
      const facets = await Promise.all(FACETS.map(([name]) => counts(text, name, response)));
      if (run !== latest) return;  // a newer query has been typed meanwhile
      FACETS.forEach(([name], index) => {
        const [total, values] = facets[index];
        const options = Object.keys(values).filter(value => values[value] > 0 || value === chosen[name])
          .sort((a, b) => name === "year" ? b.localeCompare(a) : a.localeCompare(b));
        selects[name].replaceChildren(element("option", { value: "", textContent: `All (${total})` }),
          ...options.map(value => element("option", { value, textContent: `${value} (${values[value] || 0})`,
                                                      selected: chosen[name] === value })));
      });
      const shown = new URLSearchParams();
      if (text) shown.set("q", text);
      for (const [name] of FACETS) if (chosen[name]) shown.set(name, chosen[name]);
      const address = shown.toString();
      history.replaceState(null, "", `${location.pathname}${address ? "?" + address : ""}${location.hash}`);
      results = response.results;
      drawn = 0;
      list.replaceChildren();
      summary.textContent = `${results.length} article${results.length === 1 ? "" : "s"}` +
        (text ? ` matching “${text}”` : "");
      await drawMore();
    }

    let typing = null;
    query.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(update, 250); });
    for (const [name] of FACETS)
      selects[name].addEventListener("change", () => { chosen[name] = selects[name].value; update(); });
    more.addEventListener("click", drawMore);
    return update();
  }

  function setup() {
    const root = document.querySelector(".briefing-explore");
    if (!root) return;
    const site = new URL(root.dataset.site, location.href);
    pagefindAt(site).then(pagefind => render(root, pagefind));
  }

  // Material's instant navigation swaps pages without reloading scripts; document$ fires for each page.
  if (typeof document$ !== "undefined") document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
