/**
 * Segment files: Parquet written from and read into Arrow vectors column at a time through
 * parquet-java's low-level column writers and readers, without Hadoop on the classpath. Internal
 * to storage; public only so the engine package can use it.
 */
package io.basalt.storage.segment;
