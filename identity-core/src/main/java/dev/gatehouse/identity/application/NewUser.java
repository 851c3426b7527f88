package dev.gatehouse.identity.application;

/**
 * What an administrator gives to create a user; validated by {@link UserService#create}.
 *
 * @param authMethod {@code local}, {@code directory} or {@code sso:<provider id>}; {@code null} means local
 * @param email optional
 * @param password optional; required for the user to sign in with a local password
 */
public record NewUser(
        String login, String displayName, String email, String authMethod, boolean administrator, char[] password) {
    @Override
    public String toString() {
        return "NewUser[login=" + login + ", authMethod=" + authMethod + ", administrator=" + administrator + "]";
    }
}
