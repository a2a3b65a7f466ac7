// Behaviour the pages need without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("submit", (event) => {
  const message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// Save a chart as a picture at a printed page's width (A4 landscape at 96 dpi), whole height:
// <button data-chart-image="png|svg" data-chart="CSS selector of the chart's card"> (the page's
// first chart card, [data-testid=chart], when data-chart is not given).
const PAGE_WIDTH_PX = 1123;
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-chart-image]");
  if (!button || !window.Plotly) {
    return;
  }
  const card = document.querySelector(button.dataset.chart || "[data-testid=chart]");
  const chart = card && card.querySelector(".plotly-graph-div");
  if (!chart) {
    return;
  }
  const format = button.dataset.chartImage;
  window.Plotly.downloadImage(chart, {
    format: format,
    width: PAGE_WIDTH_PX,
    height: chart.layout.height,
    scale: format === "png" ? 2 : 1,
    filename: (card.dataset.chartName || "chart").replace(/[\\/:*?"<>|]+/g, "_"),
  });
});
