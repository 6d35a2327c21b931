package org.jfits.bench.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The run of one suite a report is made from: where its lines came from, when and where it ran.
 *
 * @param suite the suite name
 * @param file the result file
 * @param date the run's date (UTC), as written by the suite
 * @param commit the commit measured
 * @param machine the machine, in words
 * @param timings the medians of the run
 */
public record SuiteRun(String suite, Path file, String date, String commit, String machine, List<Timing> timings) {}
