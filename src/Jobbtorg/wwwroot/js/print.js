// Shows the print buttons (they need script) and prints the page when one is pressed.
document.querySelectorAll("[data-print-separator]").forEach(separator => separator.hidden = false);
document.querySelectorAll("button[data-print]").forEach(button => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
