package org.jfits.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/** A test extension whose installation throws: the kernel must log it and go on. */
public final class FailingTestExtension implements Extension {
  static volatile boolean attempted;

  @Override
  public void install(BaseKernel kernel) {
    attempted = true;
    throw new IllegalStateException("this extension always fails to install");
  }
}
