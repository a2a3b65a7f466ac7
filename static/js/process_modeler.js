// The bpmn.io modeler on a process map page: loads the map's BPMN (or, after a refused save, the
// drawing as it was posted), colours the as-is → to-be diff (added green, changed amber), and on
// "Save diagram" posts the modeler's XML with the form.
(function () {
  const box = document.querySelector("[data-bpmn-url]");
  if (!box) return;
  const failure = box.querySelector("[data-modeler-error]");

  function fail(reason) {
    failure.textContent = box.dataset.loadError + reason;
    failure.hidden = false;
    box.dataset.state = "failed";
  }

  if (typeof window.BpmnJS !== "function") {
    fail("bpmn-js");
    return;
  }
  const modeler = new window.BpmnJS({ container: box.querySelector(".bpmn-canvas") });
  window.crmModeler = modeler; // for people scripting the page (and the browser tests)
  const markers = JSON.parse(box.dataset.markers || "{}");

  function mark() {
    const canvas = modeler.get("canvas");
    const registry = modeler.get("elementRegistry");
    const overlays = modeler.get("overlays");
    for (const [kind, ids] of [["added", markers.added || []], ["changed", markers.changed || []]]) {
      for (const id of ids) {
        const element = registry.get(id);
        if (!element) continue;
        canvas.addMarker(id, "diff-" + kind);
        if (!element.waypoints) {
          const badge = document.createElement("span");
          badge.className = "diff-badge diff-badge-" + kind;
          badge.textContent = kind === "added" ? "+" : "Δ";
          overlays.add(id, "diff", { position: { top: -8, right: 8 }, html: badge });
        }
      }
    }
  }

  function stored() {
    return fetch(box.dataset.bpmnUrl, { credentials: "same-origin", headers: { Accept: "application/xml" } })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))));
  }

  function open(xml, drawing) {
    return modeler.importXML(xml).then(() => {
      const canvas = modeler.get("canvas");
      canvas.zoom("fit-viewport", "auto");
      // keep the diagram clear of the palette on the left
      const palette = box.querySelector(".djs-palette");
      if (palette) {
        const box = canvas.viewbox();
        const pad = (palette.getBoundingClientRect().width + 16) / box.scale;
        canvas.viewbox({ x: box.x - pad, y: box.y, width: box.width + pad, height: box.height * (1 + pad / box.width) });
      }
      mark();
      if (drawing) box.dataset.draft = "shown";
      box.dataset.state = "ready";
    });
  }

  function reason(error) {
    return error && error.message ? error.message : String(error);
  }

  // A refused save comes back with the drawing as it was posted: open that, not the stored map.
  const draft = box.querySelector("[data-bpmn-draft]");
  const loading = draft
    ? open(draft.value, true).catch((error) => {
        failure.textContent = box.dataset.draftError + reason(error);
        failure.hidden = false;
        return stored().then((xml) => open(xml, false));
      })
    : stored().then((xml) => open(xml, false));
  loading.catch((error) => fail(reason(error)));

  const form = document.querySelector("form[data-bpmn-save]");
  if (!form) return;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    modeler
      .saveXML({ format: true })
      .then(({ xml }) => {
        // as a file part: a big map is larger than a form field may be
        const files = new DataTransfer();
        files.items.add(new File([xml], "map.bpmn", { type: "application/xml" }));
        form.querySelector("input[name=file]").files = files.files;
        form.submit(); // no second submit event: the XML is in
      })
      .catch((error) => fail(reason(error)));
  });
})();
