package org.carrel.web;

import org.carrel.accounts.Permission;

/** A link of the main navigation; {@code labelKey} names a message, {@code permission} who sees it (null: all). */
public record NavLink(String href, String labelKey, Permission permission) {
}
