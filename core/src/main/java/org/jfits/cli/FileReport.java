package org.jfits.cli;

import java.util.List;
import java.util.Map;

/**
 * What an inventory command found in one file: records for {@code -f json} and {@code -f jsonl}
 * (each names the file), and the text printed otherwise.
 *
 * @param records one map per HDU, keyword or column, in the order they are printed
 * @param text the human-readable form, ending in a newline
 */
record FileReport(List<Map<String, Object>> records, String text) {}
