/**
 * Staff pages for patrons ({@code /staff/patrons}, {@code /staff/homerooms}) and the JSON API
 * {@code /api/v1/patrons}. Uses the {@code patrons} facade and {@code district} for school names.
 */
package org.carrel.patrons.web;
