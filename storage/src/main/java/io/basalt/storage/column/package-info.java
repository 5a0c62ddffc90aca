/**
 * Columns as storage sees them: {@link io.basalt.storage.column.ColumnSpec}, the supported kinds,
 * their value objects, statistics and binary encodings.
 */
package io.basalt.storage.column;
