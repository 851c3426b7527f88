/**
 * Password hashing, password rules, login throttling and secret encryption, on the JDK's own cryptography.
 */
package dev.gatehouse.identity.credential;
