/* argmap's page of one map: a claim and the passages it quotes select each other. */
(function () {
  "use strict";
  var viewer = document.querySelector(".argmap-page .argmap-viewer");
  if (!viewer) return;
  var marks = document.querySelectorAll("mark.argmap-quote");
  var nodes = viewer.querySelectorAll("g.argmap-statement, g.argmap-argument");

  function claimsOf(mark) {
    return (mark.getAttribute("data-argmap-claims") || "").split(" ");
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
    history.replaceState(null, "", "#" + id);
  }

  for (var n = 0; n < nodes.length; n++) {
    nodes[n].setAttribute("tabindex", "0");
    nodes[n].addEventListener("click", function (event) {
      event.stopPropagation();
      select(event.currentTarget, false);
    });
    nodes[n].addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(event.currentTarget, false);
      }
    });
  }

  /* Selects the passage's next claim that the diagram draws (a premise inside its argument has no node). */
  function fromMark(mark) {
    var drawn = claimsOf(mark).filter(function (id) {
      return document.getElementById(id) !== null;
    });
    if (!drawn.length) return;
    var current = document.querySelector(".argmap-svg .argmap-selected");
    select(document.getElementById(drawn[(drawn.indexOf(current ? current.id : "") + 1) % drawn.length]), true);
  }

  for (var m = 0; m < marks.length; m++) {
    marks[m].addEventListener("click", function (event) {
      fromMark(event.currentTarget);
    });
    marks[m].addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        fromMark(event.currentTarget);
      }
    });
  }
})();
