// A table wider than the screen scrolls sideways inside its own box (site.css). A box that scrolls and holds no link or
// field of its own must still be reachable by keyboard: it becomes focusable while it scrolls, and only then.
(() => {
    const mark = () => {
        for (const box of document.querySelectorAll("main table, main .table-scroll")) {
            const scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible";
            if (scrolls && !box.hasAttribute("tabindex")) {
                box.tabIndex = 0;
                box.dataset.scrollFocus = "";
            } else if (!scrolls && box.hasAttribute("data-scroll-focus")) {
                box.removeAttribute("tabindex");
                box.removeAttribute("data-scroll-focus");
            }
        }
    };
    mark();
    addEventListener("resize", mark);
})();
