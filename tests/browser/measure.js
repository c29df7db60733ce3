// What tests/test_browser.py checks of a page, as Chromium shows it: the page's width, and for each argmap diagram
// the size and colours of its texts, edges and controls, and what its titles say. Colours are computed CSS values;
// the test works out their contrast.
() => {
  "use strict";
  const SHAPES = "polygon, path, ellipse, rect";

  // The fills painted under a text: the graph's background, the clusters and the shapes of its own node that come
  // before it in the document and cover its centre, in painting order.
  function layers(text, shapes) {
    const box = text.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const under = [];
    for (const shape of shapes) {
      if (!(shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      const own = shape.closest("g.node");
      if (own && own !== text.closest("g.node")) continue;
      const area = shape.getBoundingClientRect();
      if (x < area.left || x > area.right || y < area.top || y > area.bottom) continue;
      const fill = getComputedStyle(shape).fill;
      if (fill !== "none") under.push(fill);
    }
    return under;
  }

  // The size of a text's font on the screen, in CSS pixels: its font size in the drawing, scaled as shown.
  function shownSize(text) {
    const matrix = text.getScreenCTM();
    return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.b, matrix.d);
  }

  // The background colours behind an element of the page, nearest first, down to the first opaque one.
  function behind(element) {
    const colours = [];
    for (let here = element; here; here = here.parentElement) {
      const colour = getComputedStyle(here).backgroundColor;
      if (colour === "rgba(0, 0, 0, 0)" || colour === "transparent") continue;
      colours.push(colour);
      if (colour.startsWith("rgb(")) break;
    }
    return colours;
  }

  // The viewer's hint and buttons that show, with their text's colour and what lies behind it.
  function controls(viewer) {
    const shown = Array.from(viewer.querySelectorAll(".argmap-bar p, .argmap-bar button"))
      .filter((control) => control.getClientRects().length > 0);
    return shown.map((control) => ({
      text: control.getAttribute("aria-label") || control.textContent,
      colour: getComputedStyle(control).color,
      behind: behind(control),
    }));
  }

  function diagram(frame) {
    const svg = frame.querySelector("svg");
    const shapes = svg.querySelectorAll(
      `g.graph > :is(${SHAPES}), g.cluster > :is(${SHAPES}), g.node :is(${SHAPES})`,
    );
    const texts = [];
    for (const text of svg.querySelectorAll("text")) {
      if (!text.textContent.trim()) continue;
      texts.push({
        text: text.textContent,
        node: text.closest("g.node") !== null,
        size: shownSize(text),
        fill: getComputedStyle(text).fill,
        layers: layers(text, shapes),
      });
    }
    const edges = [];
    for (const edge of svg.querySelectorAll("g.edge")) {
      const title = edge.querySelector(":scope > title");
      edges.push({
        title: title ? title.textContent : "",
        strokes: Array.from(edge.querySelectorAll(SHAPES), (shape) => getComputedStyle(shape).stroke)
          .filter((stroke) => stroke !== "none"),
      });
    }
    const nodes = Array.from(svg.querySelectorAll("g.argmap-statement, g.argmap-argument"), (node) => {
      const title = node.querySelector(":scope > title");
      return { id: node.id, title: title ? title.textContent : "" };
    });
    const box = frame.getBoundingClientRect();
    return {
      inDialog: frame.closest("dialog") !== null,
      canvas: getComputedStyle(frame).backgroundColor,
      controls: controls(frame.closest(".argmap-viewer")),
      frame: { left: box.left, right: box.right, width: box.width },
      svgWidth: svg.getBoundingClientRect().width,
      titles: Array.from(svg.querySelectorAll("title"), (title) => title.textContent),
      texts,
      edges,
      nodes,
    };
  }

  // What the page is painted with where it paints nothing itself: the body's colour, else the root's, else white.
  const painted = [document.body, document.documentElement]
    .map((element) => getComputedStyle(element).backgroundColor)
    .filter((colour) => colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent");
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    background: painted.length ? painted[0] : "rgb(255, 255, 255)",
    dialog: document.querySelector("dialog.argmap-dialog[open]") !== null,
    diagrams: Array.from(document.querySelectorAll(".argmap-frame"), diagram),
  };
}
