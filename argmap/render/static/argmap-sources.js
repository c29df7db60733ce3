/* A diagram beside its sources (a map's page, a notebook's output): a claim and the passages it quotes select
   each other. Each container is set up once, however often the script runs: a notebook runs it per output. */
(function () {
  "use strict";

  function setUp(box) {
    box.setAttribute("data-argmap-linked", "");
    var viewer = box.querySelector(".argmap-viewer");
    if (!viewer) return;
    var marks = box.querySelectorAll("mark.argmap-quote");
    var nodes = viewer.querySelectorAll("g.argmap-statement, g.argmap-argument");
    // On a page of its own the address follows the selection; inside a notebook it belongs to the notebook.
    var ownPage = box.classList.contains("argmap-page");

    function claimsOf(mark) {
      return (mark.getAttribute("data-argmap-claims") || "").split(" ");
    }

    // By id within this container: a notebook may show the same map twice, with the same ids.
    function nodeOf(id) {
      for (var i = 0; i < nodes.length; i++) if (nodes[i].id === id) return nodes[i];
      return null;
    }

    function select(node, fromMark) {
      var id = node.id, first = null;
      for (var i = 0; i < marks.length; i++) {
        var lit = claimsOf(marks[i]).indexOf(id) >= 0;
        marks[i].classList.toggle("argmap-lit", lit);
        if (lit && !first) first = marks[i];
      }
      var api = window.argmapViewer, shown = api && api.viewerOf(node);
      if (shown) shown.show(node, "argmap-selected");
      if (first && !fromMark) first.scrollIntoView({ block: "nearest" });
      if (ownPage) history.replaceState(null, "", "#" + id);
    }

    function onKey(handle) {
      return function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          handle(event.currentTarget);
        }
      };
    }

    function fromNode(node) {
      select(node, false);
    }

    /* Selects the passage's next claim that the diagram draws (a premise inside its argument has no node). */
    function fromMark(mark) {
      var drawn = claimsOf(mark).filter(function (id) {
        return nodeOf(id) !== null;
      });
      if (!drawn.length) return;
      var current = viewer.querySelector(".argmap-selected");
      select(nodeOf(drawn[(drawn.indexOf(current ? current.id : "") + 1) % drawn.length]), true);
    }

    for (var n = 0; n < nodes.length; n++) {
      nodes[n].setAttribute("tabindex", "0");
      nodes[n].addEventListener("click", function (event) {
        event.stopPropagation();
        fromNode(event.currentTarget);
      });
      nodes[n].addEventListener("keydown", onKey(fromNode));
    }
    for (var m = 0; m < marks.length; m++) {
      marks[m].addEventListener("click", function (event) {
        fromMark(event.currentTarget);
      });
      marks[m].addEventListener("keydown", onKey(fromMark));
    }
  }

  var boxes = document.querySelectorAll(".argmap-linked:not([data-argmap-linked])");
  for (var b = 0; b < boxes.length; b++) setUp(boxes[b]);
})();
