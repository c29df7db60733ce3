/* argmap diagrams: zoom and pan (wheel with Ctrl or pinch, drag, buttons, keys), a full-size view, linked nodes. */
(function () {
  "use strict";
  if (window.argmapViewer) {
    window.argmapViewer.init(document);
    return;
  }
  var MIN = 0.05, MAX = 4, STEP = 1.25, PX_PER_PT = 4 / 3;
  // Below this scale a fitted diagram's text gets hard to read, and the hint offers the full-size view.
  var SMALL = 0.8;

  function size(svg, name) {
    var value = svg.getAttribute(name) || "";
    var number = parseFloat(value);
    if (!(number > 0)) {
      var box = svg.viewBox && svg.viewBox.baseVal;
      number = box ? (name === "width" ? box.width : box.height) : 300;
      return number * PX_PER_PT;
    }
    return /pt$/.test(value) ? number * PX_PER_PT : number;
  }

  function button(text, label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.title = label;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", function (event) {
      event.stopPropagation();
      action();
    });
    return b;
  }

  function Viewer(root) {
    var self = this;
    this.root = root;
    this.frame = root.querySelector(".argmap-frame");
    this.svg = this.frame.querySelector("svg");
    this.width = size(this.svg, "width");
    this.height = size(this.svg, "height");
    this.dialog = null;
    this.fitted = true;
    var tools = document.createElement("div");
    tools.className = "argmap-tools";
    tools.setAttribute("role", "toolbar");
    tools.setAttribute("aria-label", "Diagram view");
    tools.appendChild(button("\u2212", "Zoom out (-)", function () { self.zoomBy(1 / STEP); }));
    tools.appendChild(button("+", "Zoom in (+)", function () { self.zoomBy(STEP); }));
    tools.appendChild(button("\u21ba", "Fit (0)", function () { self.fit(); }));
    this.fullButton = button("\u2922", "Full size (F)", function () { self.toggleFull(); });
    tools.appendChild(this.fullButton);
    var bar = document.createElement("div");
    bar.className = "argmap-bar";
    this.hint = document.createElement("p");
    this.hint.className = "argmap-hint";
    this.hint.textContent = "Shrunk to fit: click or tap it to read it full size";
    this.hint.hidden = true;
    bar.appendChild(this.hint);
    bar.appendChild(tools);
    root.insertBefore(bar, this.frame);
    this.listen();
    this.fit();
    root.setAttribute("data-argmap-ready", "");
  }

  /* In the page the diagram fits the frame's width (the frame scrolls down); full size, it fits the window. */
  Viewer.prototype.fitScale = function () {
    var frame = this.frame, scale = frame.clientWidth > 0 ? Math.min(1, frame.clientWidth / this.width) : 1;
    return this.dialog && frame.clientHeight > 0 ? Math.min(scale, frame.clientHeight / this.height) : scale;
  };

  Viewer.prototype.apply = function (scale, x, y) {
    var frame = this.frame, old = this.scale || scale;
    scale = Math.max(MIN, Math.min(MAX, scale));
    if (x === undefined) {
      x = frame.clientWidth / 2;
      y = frame.clientHeight / 2;
    }
    var left = (frame.scrollLeft + x) / old, top = (frame.scrollTop + y) / old;
    this.scale = scale;
    this.svg.style.width = this.width * scale + "px";
    this.svg.style.height = this.height * scale + "px";
    frame.scrollLeft = left * scale - x;
    frame.scrollTop = top * scale - y;
    this.root.classList.toggle("argmap-zoomed", scale > this.fitScale() + 1e-3);
    this.root.classList.toggle("argmap-shrunk", scale < 0.999 && !this.dialog);
    this.hint.hidden = !(scale < SMALL && !this.dialog && this.fitted);
  };

  Viewer.prototype.fit = function () {
    this.fitted = !this.dialog;
    this.scale = 0;
    this.apply(this.fitScale(), 0, 0);
    this.frame.scrollLeft = 0;
    this.frame.scrollTop = 0;
  };

  Viewer.prototype.zoomBy = function (factor, x, y) {
    this.fitted = false;
    this.apply(this.scale * factor, x, y);
  };

  Viewer.prototype.point = function (event) {
    var box = this.frame.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };

  Viewer.prototype.listen = function () {
    var self = this, frame = this.frame, drag = null, pinch = null;
    // The wheel alone scrolls, as everywhere; with Ctrl (which a touchpad's pinch also sends) it zooms.
    frame.addEventListener("wheel", function (event) {
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      var at = self.point(event);
      self.zoomBy(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), at[0], at[1]);
    }, { passive: false });
    frame.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "touch" || event.button !== 0) return;
      self.dragged = false;
      drag = { x: event.clientX, y: event.clientY, left: frame.scrollLeft, top: frame.scrollTop, moved: false };
    });
    window.addEventListener("pointermove", function (event) {
      if (!drag) return;
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
      if (drag.moved) {
        frame.scrollLeft = drag.left - dx;
        frame.scrollTop = drag.top - dy;
      }
    });
    window.addEventListener("pointerup", function () {
      if (drag && drag.moved) self.dragged = true;
      drag = null;
    });
    frame.addEventListener("click", function (event) {
      if (self.dragged) {
        self.dragged = false;
        event.preventDefault();
        return;
      }
      // Nodes that select (on a map's own page) stop their clicks before they get here.
      if (self.dialog || event.target.closest("a")) return;
      if (self.scale < 0.999) self.openFull(event);
    });
    frame.addEventListener("touchstart", function (event) {
      if (event.touches.length === 2) pinch = { distance: spread(event.touches), scale: self.scale };
    }, { passive: true });
    frame.addEventListener("touchmove", function (event) {
      if (!pinch || event.touches.length !== 2) return;
      event.preventDefault();
      var t = event.touches, box = frame.getBoundingClientRect();
      self.fitted = false;
      self.apply(pinch.scale * spread(t) / pinch.distance,
        (t[0].clientX + t[1].clientX) / 2 - box.left, (t[0].clientY + t[1].clientY) / 2 - box.top);
    }, { passive: false });
    frame.addEventListener("touchend", function () { pinch = null; });
    frame.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var key = event.key;
      if (key === "+" || key === "=") self.zoomBy(STEP);
      else if (key === "-" || key === "_") self.zoomBy(1 / STEP);
      else if (key === "0") self.fit();
      else if (key === "f" || key === "F") self.toggleFull();
      else return;
      event.preventDefault();
    });
    window.addEventListener("resize", function () {
      if (self.fitted) self.fit();
    });
  };

  function spread(touches) {
    return Math.hypot(touches[0].clientX - touches[1].clientX, touches[0].clientY - touches[1].clientY) || 1;
  }

  Viewer.prototype.toggleFull = function () {
    if (this.dialog) this.closeFull(true);
    else this.openFull();
  };

  Viewer.prototype.openFull = function (event) {
    if (this.dialog || typeof HTMLDialogElement === "undefined") return;
    var self = this, frame = this.frame;
    // The point clicked, or else the middle of what the frame shows, is the middle of the full-size view.
    var point = event ? this.point(event) : [frame.clientWidth / 2, frame.clientHeight / 2];
    var at = [(frame.scrollLeft + point[0]) / this.scale, (frame.scrollTop + point[1]) / this.scale];
    var dialog = document.createElement("dialog");
    dialog.className = this.root.className + " argmap-dialog";
    dialog.classList.remove("argmap-zoomed", "argmap-shrunk");
    dialog.setAttribute("aria-label", frame.getAttribute("aria-label") || "Argument map");
    this.placeholder = document.createElement("div");
    this.placeholder.style.height = this.root.offsetHeight + "px";
    this.root.parentNode.insertBefore(this.placeholder, this.root);
    dialog.appendChild(this.root);
    document.body.appendChild(dialog);
    this.dialog = dialog;
    this.fullButton.setAttribute("aria-label", "Close full size (Esc)");
    this.fullButton.title = "Close full size (Esc)";
    this.fullButton.textContent = "\u2715";
    dialog.addEventListener("cancel", function (e) {
      e.preventDefault();
      self.closeFull(true);
    });
    // Escape is handled here too: pages may cancel it before the dialog sees it (Sphinx does, to clear search
    // highlights), and then no cancel event comes.
    dialog.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      e.preventDefault();
      self.closeFull(true);
    });
    dialog.showModal();
    this.fitted = false;
    this.scale = 0;
    this.apply(1, 0, 0);
    frame.scrollLeft = at[0] - frame.clientWidth / 2;
    frame.scrollTop = at[1] - frame.clientHeight / 2;
    frame.focus();
    history.pushState({ argmapFull: true }, "");
    this.pushed = true;
  };

  Viewer.prototype.closeFull = function (goBack) {
    var dialog = this.dialog;
    if (!dialog) return;
    this.dialog = null;
    dialog.close();
    this.placeholder.parentNode.insertBefore(this.root, this.placeholder);
    this.placeholder.remove();
    dialog.remove();
    this.fullButton.setAttribute("aria-label", "Full size (F)");
    this.fullButton.title = "Full size (F)";
    this.fullButton.textContent = "\u2922";
    this.fit();
    this.frame.focus();
    if (this.pushed && goBack) history.back();
    this.pushed = false;
  };

  /* Scrolls a node into view inside its frame, readable, and marks it. */
  Viewer.prototype.show = function (node, mark) {
    if (this.scale < 1) {
      this.fitted = false;
      this.apply(1);
    }
    var box = node.getBoundingClientRect(), frame = this.frame.getBoundingClientRect();
    this.frame.scrollLeft += box.left + box.width / 2 - (frame.left + frame.width / 2);
    this.frame.scrollTop += box.top + box.height / 2 - (frame.top + frame.height / 2);
    var old = document.querySelectorAll(".argmap-svg ." + mark);
    for (var i = 0; i < old.length; i++) old[i].classList.remove(mark);
    node.classList.add(mark);
  };

  var viewers = [];

  function viewerOf(node) {
    for (var i = 0; i < viewers.length; i++) if (viewers[i].root.contains(node)) return viewers[i];
    return null;
  }

  function target() {
    var id = location.hash.slice(1);
    if (!id) return;
    var node = document.getElementById(id);
    if (!node) {
      try {
        node = document.getElementById(decodeURIComponent(id));
      } catch (e) {
        return;
      }
    }
    var viewer = node && viewerOf(node);
    if (viewer) {
      viewer.root.scrollIntoView({ block: "center" });
      viewer.show(node, "argmap-target");
    }
  }

  function init(scope) {
    var roots = (scope || document).querySelectorAll(".argmap-viewer:not([data-argmap-ready])");
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].querySelector(".argmap-frame > svg")) viewers.push(new Viewer(roots[i]));
    }
  }

  window.argmapViewer = { init: init, viewerOf: viewerOf };
  window.addEventListener("popstate", function () {
    for (var i = 0; i < viewers.length; i++) if (viewers[i].dialog) {
      viewers[i].pushed = false;
      viewers[i].closeFull(false);
    }
  });
  window.addEventListener("hashchange", target);
  function start() {
    init(document);
    target();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
