/** Validation errors that name the field, the value received and the fix; shared by every module. */
package dev.gatehouse.identity.validation;
