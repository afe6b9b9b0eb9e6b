package io.shale.engine.session;

/**
 * What authentication needs to know of a role.
 *
 * @param roleName the role's name
 * @param canLogin whether the role has LOGIN
 * @param password the stored password: a SCRAM verifier
 *     ({@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}), an MD5 hash
 *     ({@code md5} followed by 32 hex digits), or null when the role has none
 */
public record RoleCredentials(String roleName, boolean canLogin, String password) {
}
