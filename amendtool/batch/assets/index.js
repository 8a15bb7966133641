"use strict";
(function () {
  const table = document.getElementById("procedures");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const filter = document.getElementById("filter");
  const status = document.getElementById("status-filter");
  const shown = document.getElementById("shown");
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function applyFilter() {
    const words = filter.value.trim().toLowerCase();
    const wanted = status.value;
    let count = 0;
    for (const row of rows) {
      const match = (!words || row.textContent.toLowerCase().includes(words)) &&
        (!wanted || row.dataset.status === wanted);
      row.hidden = !match;
      if (match) count += 1;
    }
    shown.textContent = count + " of " + rows.length + " procedures shown";
  }

  function key(row, column) {
    const cell = row.cells[column];
    return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
  }

  function sortBy(header, column, numeric) {
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const direction = ascending ? 1 : -1;
    const sorted = rows.slice().sort(function (a, b) {
      const x = key(a, column);
      const y = key(b, column);
      if (x === "" || y === "") return (x === "") - (y === "");  // empty cells last
      const order = numeric ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
      return order * direction;
    });
    for (const row of sorted) body.appendChild(row);
  }

  Array.from(table.tHead.rows[0].cells).forEach(function (header, column) {
    const button = header.querySelector("button");
    button.addEventListener("click", function () {
      sortBy(header, column, button.dataset.type === "number");
    });
  });
  filter.addEventListener("input", applyFilter);
  status.addEventListener("change", applyFilter);
  applyFilter();
})();
