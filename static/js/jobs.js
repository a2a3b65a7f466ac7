// Progress of a job running on a worker: polls the job's status URL, moves the bar, and
// reloads the page when the job is done (the page then shows its result).
(function () {
  const box = document.querySelector("[data-job-url]");
  if (!box) return;
  const bar = box.querySelector(".progress-bar");
  const failure = box.querySelector("[data-job-error]");
  let delay = 500;

  function show(share) {
    const percent = Math.round(share * 100);
    bar.style.width = percent + "%";
    bar.setAttribute("aria-valuenow", String(percent));
    bar.textContent = percent + " %";
  }

  function poll() {
    fetch(box.dataset.jobUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((job) => {
        show(job.progress || 0);
        box.dataset.jobState = job.state;
        if (job.state === "finished") {
          window.location.reload();
        } else if (job.error) {
          failure.textContent = job.error;
          failure.hidden = false;
          bar.classList.add("bg-danger");
        } else {
          delay = Math.min(delay * 1.5, 3000);
          window.setTimeout(poll, delay);
        }
      })
      .catch(() => window.setTimeout(poll, 3000));
  }

  poll();
})();
