/**
 * Benchmarks: JMH for in-process paths (each next to a baseline measured in the same run) and a loopback HTTP load
 * generator. Results and the commands that reproduce them are in docs/benchmarks.md.
 */
package dev.gatehouse.bench;
