/**
 * The identity model. Identifiers and names are value types that validate themselves on construction, so an instance
 * that exists is valid. Entities are immutable records; a change is a new record produced by a {@code with…} method
 * and saved through a port.
 */
package dev.gatehouse.identity.domain;
