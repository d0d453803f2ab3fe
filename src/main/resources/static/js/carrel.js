// Carrel's only page script. Under Content-Security-Policy default-src 'self' no inline script runs, so every
// behaviour lives here and hooks in through data- attributes.
(function () {
    'use strict';

    // htmx requests carry the CSRF token as a header (forms carry it as a field).
    document.addEventListener('htmx:configRequest', function (event) {
        var header = document.querySelector('meta[name="csrf-header"]');
        var token = document.querySelector('meta[name="csrf-token"]');
        if (header && token && token.content) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // Move focus to an error summary so keyboard and screen-reader users hear what went wrong.
    document.addEventListener('DOMContentLoaded', function () {
        var summary = document.querySelector('.error-summary');
        if (summary) {
            summary.focus();
        }
    });

    // Buttons that ask before a destructive action: <button data-confirm="Are you sure?">.
    document.addEventListener('click', function (event) {
        var target = event.target.closest('[data-confirm]');
        if (target && !window.confirm(target.getAttribute('data-confirm'))) {
            event.preventDefault();
        }
    });

    // Print buttons (<button data-print hidden>): shown only where this script runs, since they need it.
    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-print]').forEach(function (button) {
            button.hidden = false;
            button.addEventListener('click', function () {
                window.print();
            });
        });
    });
})();
