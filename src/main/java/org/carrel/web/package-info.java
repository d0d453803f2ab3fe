/**
 * The edge: the page layout and its {@link org.carrel.web.Page} model (language, messages, signed-in person,
 * navigation, CSRF token), the navigation filtered by permission, the home and dashboard pages, error pages that
 * never show a stack trace (HTML for browsers, RFC 9457 problems for the API), and the demo-district loader that
 * runs every module's {@link org.carrel.shared.DemoData}. May call any module's facade; nothing depends on it.
 */
package org.carrel.web;
