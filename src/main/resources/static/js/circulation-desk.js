// The circulation desk: scans go to the server one after the other through htmx, the box empties at once for the
// next scan and keeps the focus; function keys switch the mode; the receipt prints from a button. Without this
// script every form still posts and the server answers with the whole page.
(function () {
    'use strict';

    var queue = Promise.resolve();

    function barcodeBox() {
        return document.getElementById('desk-barcode');
    }

    // A refused or invalid scan answers 422 with a message to show; htmx would drop it as an error.
    document.addEventListener('htmx:beforeSwap', function (event) {
        if (event.detail.xhr.status === 422) {
            event.detail.shouldSwap = true;
            event.detail.isError = false;
        }
    });

    // After every answer the scanner's box has the focus again, ready for the next barcode.
    document.addEventListener('htmx:afterSettle', function () {
        var box = barcodeBox();
        if (box) {
            box.focus();
        }
    });

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.matches || !form.matches('[data-desk-scan]') || !window.htmx) {
            return;
        }
        event.preventDefault();
        var box = barcodeBox();
        var values = { barcode: box.value };
        box.value = '';
        box.focus();
        // One scan after the other, in the order scanned, even when the scanner is faster than the server.
        queue = queue.then(function () {
            return window.htmx.ajax('POST', form.getAttribute('action'), {
                source: form, target: '#desk-answer', swap: 'innerHTML', values: values
            });
        }).catch(function () {
            return null;
        });
    });

    document.addEventListener('keydown', function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
            return;
        }
        var link = document.querySelector('[data-desk-key="' + event.key + '"]');
        if (link) {
            event.preventDefault();
            window.location.assign(link.href);
        }
    });

    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-print]')) {
            window.print();
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        var box = barcodeBox();
        if (box && document.activeElement !== box) {
            box.focus();
        }
    });
})();
