package org.jfits.table.filter;

/** {@code startswith(s, prefix)}: true where string {@code s} begins with {@code prefix} (case-sensitive). */
final class StartsWithNode extends Node {
  private final Node string;
  private final Node prefix;

  StartsWithNode(int position, Node string, Node prefix) {
    super(FilterType.BOOLEAN, position);
    this.string = string;
    this.prefix = prefix;
  }

  @Override
  Values eval(Batch batch) {
    int n = batch.count();
    Values s = string.eval(batch);
    Values p = prefix.eval(batch);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.strings[i].startsWith(p.strings[i]);
    }
    return Values.ofBooleans(out, Values.either(s.nulls, p.nulls, n));
  }
}
