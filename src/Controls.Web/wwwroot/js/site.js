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
                    form.dispatchEvent(new CustomEvent('answer-saved', { bubbles: true }));
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

// The answer form's navigator: per-measure progress kept up to date as answers save, "unanswered
// only" without a reload, and "next unanswered" from where the reader is. Without JavaScript the
// same controls are links (?unanswered=1, #item-…) that the server answers.
(function () {
    var container = document.querySelector('[data-answer-items]');
    if (!container) {
        return;
    }
    var filter = document.querySelector('[data-filter-unanswered]');
    var next = document.querySelector('[data-next-unanswered]');
    var toolbar = document.querySelector('.answer-toolbar');
    var allAnswered = document.querySelector('[data-all-answered]');

    function firstUnanswered() {
        return container.querySelector('.inspection-item:not(.answered)');
    }

    function refresh() {
        container.querySelectorAll('[data-measure]').forEach(function (section) {
            var code = section.getAttribute('data-measure');
            var total = section.querySelectorAll('.inspection-item').length;
            var done = section.querySelectorAll('.inspection-item.answered').length;
            document.querySelectorAll('[data-measure-answered="' + code + '"]').forEach(function (e) { e.textContent = done; });
            document.querySelectorAll('[data-measure-link="' + code + '"]').forEach(function (e) { e.classList.toggle('measure-complete', done === total); });
            section.classList.toggle('complete', done === total);
        });
        var left = firstUnanswered();
        if (next) {
            next.setAttribute('href', left ? '#' + left.id : '#submit');
        }
        if (allAnswered) {
            allAnswered.classList.toggle('d-none', !!left);
        }
    }

    // An answer saved in the filtered view stays in sight until the reader moves on.
    document.addEventListener('answer-saved', function (event) {
        var item = event.target.closest('.inspection-item');
        if (item) {
            item.classList.add('answered');
            item.classList.add('just-answered');
        }
        refresh();
    });

    function settle() {
        container.querySelectorAll('.just-answered').forEach(function (e) { e.classList.remove('just-answered'); });
    }

    function setFilter(on) {
        settle();
        container.classList.toggle('only-unanswered', on);
        if (filter) {
            filter.setAttribute('aria-pressed', on ? 'true' : 'false');
            filter.classList.toggle('btn-secondary', on);
            filter.classList.toggle('btn-outline-secondary', !on);
            filter.setAttribute('href', '?unanswered=' + (on ? '0' : '1'));
        }
        var url = new URL(window.location.href);
        if (on) {
            url.searchParams.set('unanswered', '1');
        } else {
            url.searchParams.delete('unanswered');
        }
        window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }

    if (filter) {
        filter.addEventListener('click', function (event) {
            event.preventDefault();
            setFilter(!container.classList.contains('only-unanswered'));
        });
    }

    function go(target) {
        target.scrollIntoView({ block: 'start' });
        var focus = target.querySelector('input[name="value"]:checked, input[name="value"], a, button');
        if (focus) {
            focus.focus({ preventScroll: true });
        }
    }

    if (next) {
        next.addEventListener('click', function (event) {
            settle();
            var below = toolbar ? toolbar.getBoundingClientRect().bottom + 8 : 0;
            var open = Array.prototype.slice.call(container.querySelectorAll('.inspection-item:not(.answered)'));
            var target = open.filter(function (e) { return e.getBoundingClientRect().top > below; })[0] || open[0];
            if (!target) {
                return;
            }
            event.preventDefault();
            go(target);
        });
    }

    // A measure chosen in the navigator: close the drawer; show the measure even if the filter hid it.
    document.querySelectorAll('[data-measure-link]').forEach(function (link) {
        link.addEventListener('click', function (event) {
            var section = document.getElementById('measure-' + link.getAttribute('data-measure-link'));
            var drawer = link.closest('details');
            if (drawer) {
                drawer.open = false;
            }
            if (!section) {
                return;
            }
            event.preventDefault();
            if (section.offsetParent === null) {
                setFilter(false);
            }
            go(section);
        });
    });

    refresh();
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
