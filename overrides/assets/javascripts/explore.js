// The Explore page: filters the articles by country, agreement, outlet and year, in the browser, from
// explore.json (one record per article). Everything from the data is set as text, never as HTML.
"use strict";

(function () {
  const FACETS = [
    ["country", "Country", record => record.countries],
    ["agreement", "Agreement", record => record.agreements],
    ["outlet", "Outlet", record => [record.outlet]],
    ["year", "Year", record => [record.year]],
  ];

  function element(tag, properties, children) {
    const node = Object.assign(document.createElement(tag), properties || {});
    for (const child of children || []) node.append(child);
    return node;
  }

  function matches(record, chosen, except) {
    return FACETS.every(([name, , values]) => name === except || !chosen[name] || values(record).includes(chosen[name]));
  }

  function render(root, records) {
    const chosen = {};
    const controls = element("form", { className: "briefing-explore__filters" });
    const summary = element("p", { className: "briefing-explore__summary" });
    const list = element("ol", { className: "briefing-explore__results" });
    root.replaceChildren(controls, summary, list);

    function update() {
      controls.replaceChildren(...FACETS.map(([name, label, values]) => {
        const counts = new Map();
        for (const record of records)
          if (matches(record, chosen, name))
            for (const value of values(record)) counts.set(value, (counts.get(value) || 0) + 1);
        const options = [...counts.keys()].sort((a, b) => name === "year" ? b.localeCompare(a) : a.localeCompare(b));
        const select = element("select", { name, id: `explore-${name}` }, [
          element("option", { value: "", textContent: `All (${records.filter(r => matches(r, chosen, name)).length})` }),
          ...options.map(value => element("option", { value, textContent: `${value} (${counts.get(value)})`,
                                                      selected: chosen[name] === value })),
        ]);
        select.addEventListener("change", () => { chosen[name] = select.value; update(); });
        return element("label", { className: "briefing-explore__filter" }, [label + " ", select]);
      }));
      const shown = records.filter(record => matches(record, chosen));
      summary.textContent = `${shown.length} of ${records.length} articles`;
      list.replaceChildren(...shown.map(record => element("li", {}, [
        element("a", { href: record.url, textContent: record.title }),
        ` — ${record.outlet}, ${record.date || "undated"}`,
      ])));
    }
    update();
  }

  function setup() {
    const root = document.querySelector(".briefing-explore");
    if (!root) return;
    fetch(new URL(root.dataset.index, location.href))
      .then(response => response.json())
      .then(records => render(root, records));
  }

  // Material's instant navigation swaps pages without reloading scripts; document$ fires for each page.
  if (typeof document$ !== "undefined") document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
