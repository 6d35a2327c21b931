package org.jfits.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers as Python's repr writes them (expected strings typed from a Python 3 session). */
class PythonNumbersTest {

  @Test
  void doublesReadAsPythonRepr() {
    assertEquals("3.0", PythonNumbers.repr(3.0));
    assertEquals("-0.5", PythonNumbers.repr(-0.5));
    assertEquals("0.0001", PythonNumbers.repr(1e-4));
    assertEquals("1e-05", PythonNumbers.repr(1e-5));
    assertEquals("1.5e+16", PythonNumbers.repr(1.5e16));
    assertEquals("1234567890123456.0", PythonNumbers.repr(1234567890123456.0));
    assertEquals("735.372046425924", PythonNumbers.repr(735.372046425924));
    assertEquals("-1.25e-300", PythonNumbers.repr(-1.25e-300));
    assertEquals("nan", PythonNumbers.repr(Double.NaN));
    assertEquals("-inf", PythonNumbers.repr(Double.NEGATIVE_INFINITY));
    assertEquals("-0.0", PythonNumbers.repr(-0.0));
  }

  @Test
  void floatsReadAsNumpyFloat32Repr() {
    assertEquals("0.1", PythonNumbers.repr(0.1f));
    assertEquals("3.4028235e+38", PythonNumbers.repr(Float.MAX_VALUE));
    assertEquals("16777216.0", PythonNumbers.repr(16777216f));
  }
}
