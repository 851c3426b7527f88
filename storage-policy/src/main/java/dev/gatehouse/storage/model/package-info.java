/**
 * The storage-policy model: shared folders, access lists on folder paths, rights, quotas and usage. Values validate
 * themselves; paths are normalised by {@link dev.gatehouse.storage.model.FolderPath} and nowhere else.
 */
package dev.gatehouse.storage.model;
