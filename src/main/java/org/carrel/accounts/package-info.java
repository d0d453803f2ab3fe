/**
 * Who may do what. Sign-in with user name and password (throttled per account and per client address; session id
 * rotated at sign-in), roles and the permissions they grant ({@link org.carrel.accounts.Role},
 * {@link org.carrel.accounts.Permission}), school scope of staff, API tokens sent as {@code Authorization: Bearer}
 * ({@link org.carrel.accounts.ApiTokens}, only hashes stored), and the append-only
 * {@link org.carrel.accounts.AuditLog} that every module writes to.
 *
 * <p>Every controller method in every module declares {@link org.carrel.accounts.Allowed} or
 * {@link org.carrel.accounts.PublicEndpoint}; {@code EndpointPermissions} enforces it for each request and refuses
 * an endpoint that declares neither. Facades: {@link org.carrel.accounts.Accounts},
 * {@link org.carrel.accounts.ApiTokens}, {@link org.carrel.accounts.AuditLog}. Calls no other module; school names
 * come through the {@link org.carrel.accounts.SchoolDirectory} port, which the district module implements.
 * Admin commands: {@code create-admin}, {@code create-api-token}.
 */
package org.carrel.accounts;
