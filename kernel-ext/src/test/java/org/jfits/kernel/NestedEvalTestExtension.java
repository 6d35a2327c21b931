package org.jfits.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * A test extension with one line magic, {@code %define NAME EXPRESSION...}, that declares a notebook
 * variable by evaluating {@code var NAME = EXPRESSION;} from inside the running cell: the way
 * {@code %fits image a.fits --as img} declares {@code img}.
 */
public final class NestedEvalTestExtension implements Extension {
  @Override
  public void install(BaseKernel kernel) {
    kernel.getMagicsRegistry().registerLineMagic("define",
        (LineMagic<Void, BaseKernel>) (k, args) -> {
          String expression = String.join(" ", args.subList(1, args.size()));
          k.evalRaw("var " + args.get(0) + " = " + expression + ";");
          return null;
        });
  }
}
