// Uploads the file with a progress bar, then follows the import's own progress until the answer arrives.
// Without JavaScript the form posts normally and the answer is the same page.
(function () {
    const form = document.getElementById('import-form');
    if (!form || !window.XMLHttpRequest || !window.FormData) return;
    const box = document.getElementById('import-progress');
    const bar = box.querySelector('progress');
    const status = document.getElementById('import-status');
    // A counted text has its singular beside it (data-text-checking-one); the server chose both forms.
    const text = (name, value, count) => ((count === 1 && form.dataset['text' + name + 'One']) || form.dataset['text' + name]).replace('{0}', value);
    const number = n => n.toLocaleString(document.documentElement.lang || 'sv');

    form.addEventListener('submit', function (event) {
        const file = form.querySelector('input[type=file]');
        if (!file.files.length) return; // the server explains what is missing
        event.preventDefault();
        const id = form.querySelector('input[name=ProgressId]').value;
        const xhr = new XMLHttpRequest();
        let polling = null;
        box.hidden = false;
        form.querySelector('button').disabled = true;

        xhr.upload.addEventListener('progress', e => {
            if (!e.lengthComputable) return;
            const percent = Math.round(100 * e.loaded / e.total);
            bar.value = percent;
            status.textContent = text('Uploading', percent);
        });
        xhr.upload.addEventListener('load', () => {
            bar.removeAttribute('value'); // indeterminate while the server works
            status.textContent = text('Waiting', '');
            polling = setInterval(async () => {
                const answer = await fetch(form.dataset.progressUrl + '&id=' + id, { credentials: 'same-origin' });
                if (!answer.ok) return;
                const p = await answer.json();
                if (p.phase === 'checking') status.textContent = text('Checking', number(p.lines), p.lines);
                else if (p.phase === 'storing') status.textContent = text('Storing', number(p.lines), p.lines);
                else if (p.phase === 'reading') status.textContent = text('Reading', '');
            }, 1000);
        });
        xhr.addEventListener('loadend', () => {
            clearInterval(polling);
            form.querySelector('button').disabled = false;
            box.hidden = true;
            if (!xhr.responseText) { status.textContent = text('Failed', ''); box.hidden = false; return; }
            const page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
            const result = page.getElementById('import-result');
            if (result) document.getElementById('import-result').replaceWith(result);
            const newId = page.querySelector('input[name=ProgressId]');
            if (newId) form.querySelector('input[name=ProgressId]').value = newId.value;
        });
        xhr.open('POST', form.action || window.location.href);
        xhr.send(new FormData(form));
    });
})();
