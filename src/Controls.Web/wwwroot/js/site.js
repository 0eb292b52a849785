// Site-wide behaviour, loaded as a file (the content security policy forbids inline scripts).
// Forms or buttons with data-confirm ask before submitting.
document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// Elements with data-qr show that text as a QR code image (used for authenticator enrolment).
document.querySelectorAll('[data-qr]').forEach(function (element) {
    if (typeof qrcode !== 'function') {
        return;
    }
    var code = qrcode(0, 'M');
    code.addData(element.getAttribute('data-qr'));
    code.make();
    var image = document.createElement('img');
    image.src = code.createDataURL(4, 4);
    image.alt = element.getAttribute('data-qr-alt') || 'QR code';
    element.appendChild(image);
});

// Inspection answers save as the user goes. Forms with data-autosave post exactly as they do
// without JavaScript, but in the background (asking for JSON), and say "saved" or what is wrong.
// Without JavaScript the same forms post and come back to the item.
(function () {
    var forms = document.querySelectorAll('form[data-autosave]');
    if (forms.length === 0 || !window.fetch || !window.FormData) {
        return;
    }

    function chosen(form) {
        var input = form.querySelector('input[name="value"]:checked');
        return input ? input.value : '';
    }

    function needsComment(value) {
        return value === 'Partial' || value === 'No' || value === 'NotApplicable';
    }

    function needsAction(value) {
        return value === 'Partial' || value === 'No';
    }

    var texts = document.querySelector('[data-answer-texts]');

    function text(name) {
        return texts ? texts.getAttribute('data-text-' + name) : '';
    }

    function say(form, message, kind) {
        var status = form.querySelector('[data-save-status]');
        if (status) {
            status.className = 'small text-' + kind;
            status.textContent = message;
        }
    }

    // A partial or no answer needs an improvement action: show its form at once (copied from the
    // page's template for this item), and hide it again while the answer is yes or not applicable.
    function showActionPanel(form) {
        var item = form.closest('.inspection-item');
        var slot = item && item.querySelector('[data-action-slot]');
        var template = document.getElementById('action-template');
        if (!slot) {
            return;
        }
        var wanted = needsAction(chosen(form));
        if (wanted && !slot.firstElementChild && template) {
            var code = slot.getAttribute('data-item-code');
            var copy = template.content.cloneNode(true);
            copy.querySelectorAll('[id], [for], [data-testid]').forEach(function (e) {
                ['id', 'for', 'data-testid'].forEach(function (name) {
                    var value = e.getAttribute(name);
                    if (value) {
                        e.setAttribute(name, value.replace('TEMPLATE', code));
                    }
                });
            });
            copy.querySelector('input[name="itemId"]').value = slot.getAttribute('data-item-id');
            var actionForm = copy.querySelector('form');
            // getAttribute: the form has a field named 'action', which hides the form's action property.
            actionForm.setAttribute('action', actionForm.getAttribute('action').split('#')[0] + '#item-' + code);
            slot.appendChild(copy);
        }
        slot.classList.toggle('d-none', !wanted);
    }

    function showProgress(answered, total) {
        document.querySelectorAll('[data-progress-answered]').forEach(function (e) { e.textContent = answered; });
        document.querySelectorAll('[data-progress-total]').forEach(function (e) { e.textContent = total; });
        document.querySelectorAll('[data-progress-bar]').forEach(function (e) { e.max = total; e.value = answered; });
    }

    function showSavedValue(form) {
        var item = form.closest('.inspection-item');
        var state = item && item.querySelector('[data-testid="item-state"]');
        var input = form.querySelector('input[name="value"]:checked');
        var label = input && form.querySelector('label[for="' + input.id + '"]');
        if (state && label) {
            var badge = document.createElement('span');
            badge.className = 'badge answer-' + input.value.toLowerCase();
            badge.textContent = label.textContent;
            state.replaceChildren(badge);
        }
    }

    function save(form) {
        if (form.getAttribute('data-saving')) {
            form.setAttribute('data-pending', 'true');
            return;
        }
        form.setAttribute('data-saving', 'true');
        say(form, text('saving'), 'muted');
        fetch(form.getAttribute('action'), { method: 'POST', body: new FormData(form), headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) {
                return response.json().then(function (data) { return { ok: response.ok, data: data }; });
            })
            .then(function (result) {
                var data = result.data;
                if (result.ok && data.saved) {
                    form.querySelector('[data-version]').value = data.version;
                    showProgress(data.answered, data.total);
                    showSavedValue(form);
                    say(form, data.message, 'success');
                } else {
                    say(form, (data.errors && data.errors.length ? data.errors.join(' ') : text('failed')), 'danger');
                }
            })
            .catch(function () {
                say(form, text('failed'), 'danger');
            })
            .then(function () {
                form.removeAttribute('data-saving');
                if (form.getAttribute('data-pending')) {
                    form.removeAttribute('data-pending');
                    save(form);
                }
            });
    }

    forms.forEach(function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            save(form);
        });
        form.addEventListener('change', function (event) {
            var value = chosen(form);
            var comment = form.querySelector('textarea[name="comment"]');
            showActionPanel(form);
            if (!value) {
                return;
            }
            if (needsComment(value) && comment && comment.value.trim() === '') {
                say(form, text('comment'), 'warning');
                if (event.target.name === 'value') {
                    comment.focus();
                }
                return;
            }
            save(form);
        });
    });
})();

// Print buttons (the audit report): data-print prints the page.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});

// The dashboard's trend chart: a canvas with data-trend holding {labels, values, label} as JSON,
// drawn with the vendored Chart.js (loaded only on that page).
document.querySelectorAll('canvas[data-trend]').forEach(function (canvas) {
    if (typeof Chart !== 'function') {
        return;
    }
    var data = JSON.parse(canvas.getAttribute('data-trend'));
    new Chart(canvas, {
        type: 'line',
        data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, spanGaps: true, tension: 0.2 }] },
        options: { scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } } }
    });
});
