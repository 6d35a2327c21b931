package org.jfits.notebook;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Adds jfits to a Java Jupyter kernel: the {@code %fits} magics and the renderers that show
 * FITS tables, headers, HDU lists and images in a notebook.
 *
 * <p>Any kernel built on {@code jjava-jupyter} finds this class through {@link java.util.ServiceLoader}
 * once the jfits kernel-extension jar is on its class path. {@link #install} registers:
 * <ul>
 *   <li>the line magic {@code %fits} and the cell magic {@code %%fits} (see {@code docs/notebook-magics.md},
 *       or run {@code %fits help});
 *   <li>renderers: Tablesaw {@code Table} and {@link org.jfits.table.FitsTable} → HTML and text;
 *       {@link org.jfits.header.Header} → an HTML card table with a search box;
 *       {@link org.jfits.FitsFile} → its HDU list as HTML; a 2-D {@code INDArray} → PNG (z-scale, gray)
 *       plus a one-line summary, other ranks → the summary alone; XChart charts and
 *       {@code BufferedImage} → PNG.
 * </ul>
 * Every string taken from a FITS file is HTML-escaped. Rendering happens on the kernel's thread, headless.
 */
public final class JfitsExtension implements Extension {

  @Override
  public void install(BaseKernel kernel) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // pictures are drawn off screen, also without a display
    }
    Renderers.register(kernel.getRenderer());
    FitsMagic magic = new FitsMagic();
    kernel.getMagicsRegistry().registerLineMagic("fits", magic);
    kernel.getMagicsRegistry().registerCellMagic("fits", magic);
  }
}
