package org.jfits.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;

/** String columns behave as Tablesaw's own, whichever storage they start in. */
class StringColumnsTest {

  private static String[] names(int n) {
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = i % 10 == 3 ? "" : "SRC-" + (n - i);
    }
    return values;
  }

  @Test
  void mostlyDistinctValuesKeepOrderMissingValuesAndSorting() {
    String[] values = names(5000);
    StringColumn column = StringColumns.of("NAME", values);
    assertEquals(Arrays.asList(values), column.asList());
    assertEquals(500, column.countMissing());
    assertTrue(column.isMissing(3));
    assertFalse(column.isMissing(4));
    assertEquals(4501, column.countUnique());
    StringColumn sorted = column.copy();
    sorted.sortAscending();
    String[] expected = values.clone();
    Arrays.sort(expected);
    assertEquals(Arrays.asList(expected), sorted.asList());
    assertEquals(1, column.isEqualTo("SRC-4999").size());
  }

  @Test
  void fewDistinctValuesMatchTablesawsOwnColumn() {
    String[] values = new String[3000];
    for (int i = 0; i < values.length; i++) {
      values[i] = new String[] {"g", "r", "i", ""}[i % 4];
    }
    StringColumn column = StringColumns.of("BAND", values);
    StringColumn reference = StringColumn.create("BAND", values);
    assertEquals(reference.asList(), column.asList());
    assertEquals(reference.countMissing(), column.countMissing());
    assertEquals(reference.countUnique(), column.countUnique());
    assertEquals(reference.countByCategory().rowCount(), column.countByCategory().rowCount());
  }
}
