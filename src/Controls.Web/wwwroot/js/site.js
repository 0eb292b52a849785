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
