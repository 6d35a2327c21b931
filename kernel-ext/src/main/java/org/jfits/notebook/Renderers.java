package org.jfits.notebook;

import java.awt.image.BufferedImage;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfits.FitsFile;
import org.jfits.header.Header;
import org.jfits.render.ImageRenderer;
import org.jfits.table.FitsTable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/** The display of jfits' types in a notebook: HTML for tables, headers and HDU lists; PNG for pictures. */
final class Renderers {
  /** 2-D arrays shown as cell results: z-scale, gray, at least 256 pixels on the longer side. */
  static final ImageRenderer ARRAY = ImageRenderer.create().minSize(256);

  private Renderers() {}

  static void register(Renderer renderer) {
    renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
        .register((table, context) -> {
          context.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.html(table));
          context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> TableHtml.text(table));
        });
    renderer.createRegistration(FitsTable.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
        .register((table, context) -> {
          context.renderIfRequested(MIMEType.TEXT_HTML, () -> FitsTableHtml.html(table));
          context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> FitsTableHtml.text(table));
        });
    renderer.createRegistration(Header.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
        .register((header, context) -> {
          context.renderIfRequested(MIMEType.TEXT_HTML, () -> HeaderHtml.html(header));
          context.renderIfRequested(MIMEType.TEXT_PLAIN, header::toText);
        });
    renderer.createRegistration(FitsFile.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
        .register((file, context) -> {
          context.renderIfRequested(MIMEType.TEXT_HTML, () -> HduListHtml.html(file));
          context.renderIfRequested(MIMEType.TEXT_PLAIN, file::info);
        });
    renderer.createRegistration(INDArray.class).preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
        .register((array, context) -> {
          if (array.rank() == 2 && array.length() > 0 && array.dataType().isNumerical()) {
            context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64(ARRAY.png(array)));
          }
          context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> ArraySummary.text(array));
        });
    renderer.createRegistration(BufferedImage.class).preferring(MIMEType.IMAGE_PNG)
        .register((image, context) -> context.renderIfRequested(MIMEType.IMAGE_PNG,
            () -> base64(ImageRenderer.png(image))));
    renderer.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG)
        .register((chart, context) -> context.renderIfRequested(MIMEType.IMAGE_PNG,
            () -> base64(ImageRenderer.png(BitmapEncoder.getBufferedImage(chart)))));
  }

  private static String base64(byte[] png) {
    return Base64.getEncoder().encodeToString(png);
  }
}
