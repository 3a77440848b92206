// Saves the assessment's draft on every change (the Save button does the same without JavaScript), shows when it was
// saved and the result the answers now suggest; the result to sign follows the suggestion until the assessor picks one.
(function () {
    const form = document.getElementById('assessment-form');
    if (!form || !window.fetch || !window.FormData) return;
    const status = document.getElementById('save-status');
    const version = form.querySelector('input[name=Version]');
    const result = document.getElementById('suggested-result');
    const reasons = document.getElementById('suggestion-reasons');
    const saveUrl = form.getAttribute('action');
    let pending = null, running = false, again = false;

    form.querySelectorAll('[data-follows-suggestion]').forEach(s => s.addEventListener('change', () => { s.dataset.chosen = '1'; }));

    function follow(name, value) {
        const select = form.querySelector('[data-follows-suggestion=' + name + ']');
        if (select && !select.dataset.chosen) select.value = value;
    }

    function clearErrors() {
        form.querySelectorAll('.error[data-autosave]').forEach(e => e.remove());
    }

    async function save() {
        if (running) { again = true; return; }
        running = true;
        status.textContent = form.dataset.textSaving;
        try {
            const response = await fetch(saveUrl, { method: 'POST', body: new FormData(form), headers: { 'X-Autosave': '1' }, credentials: 'same-origin' });
            const answer = await response.json();
            clearErrors();
            if (response.ok) {
                version.value = answer.version;
                status.textContent = answer.saved;
                result.textContent = answer.availabilityText + ', ' + answer.needCategoryText;
                reasons.replaceChildren(...(answer.reasons.length ? answer.reasons : [reasons.dataset.textNone]).map(r => {
                    const li = document.createElement('li'); li.textContent = r; return li;
                }));
                follow('availability', answer.availability);
                follow('need', answer.needCategory);
            } else if (answer.errors) {
                status.textContent = form.dataset.textFailed;
                Object.entries(answer.errors).forEach(([field, messages]) => {
                    const key = field.replace(/^Answers\[(.*)\]$/, '$1');
                    const box = form.querySelector('[data-question="' + CSS.escape(key) + '"]');
                    if (!box) return;
                    const span = document.createElement('span');
                    span.className = 'error'; span.dataset.autosave = '1'; span.textContent = messages.join(' ');
                    box.prepend(span);
                });
            } else {
                status.textContent = answer.error || form.dataset.textFailed;
            }
        } catch (e) {
            status.textContent = form.dataset.textFailed;
        } finally {
            running = false;
            if (again) { again = false; save(); }
        }
    }

    form.addEventListener('change', e => {
        if (e.target.closest('[data-question]')) { clearTimeout(pending); pending = setTimeout(save, 300); }
    });
})();
